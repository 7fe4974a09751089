-- The IR session (README: Infrared session). The sales host's own Ed25519 key, sealed like the vending keys.
CREATE TABLE ka_host_keys (
    name $key$ NOT NULL PRIMARY KEY,
    sealed_key $blob$ NOT NULL,
    public_key $blob$ NOT NULL,
    created_at BIGINT NOT NULL
);

-- A meter's Ed25519 public key, registered at manufacture with its meter record; never replaced by another.
CREATE TABLE ka_meter_identities (
    meter_number $key$ NOT NULL PRIMARY KEY REFERENCES ka_meters (meter_number),
    public_key $blob$ NOT NULL,
    registered_at BIGINT NOT NULL
);

-- One row per session: the transcript both sides signed, the process key sealed until the confirmation is made (then erased),
-- the one request it carries (its transcript hash; the request itself sealed), and the one confirmation, sent again on every resend.
CREATE TABLE ka_ir_sessions (
    session_id $key$ NOT NULL PRIMARY KEY,
    meter_number $key$ NOT NULL,
    transcript $blob$ NOT NULL,
    sealed_keys $blob$ NULL,
    expires_at BIGINT NOT NULL,
    request_transcript $blob$ NULL,
    sealed_request $blob$ NULL,
    requested_at BIGINT NULL,
    published_at BIGINT NULL,
    confirmation $blob$ NULL,
    outcome $key$ NULL,
    purchase_id $key$ NULL,
    created_at BIGINT NOT NULL
);

CREATE INDEX ix_ka_ir_sessions_meter ON ka_ir_sessions (meter_number);
