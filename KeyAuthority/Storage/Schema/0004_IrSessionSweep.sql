-- The sweep of abandoned IR sessions (README: Infrared session) finds the expired ones that never carried a request without a scan.
CREATE INDEX ix_ka_ir_sessions_abandoned ON ka_ir_sessions (expires_at) WHERE request_transcript IS NULL;
