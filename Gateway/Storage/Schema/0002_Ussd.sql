-- USSD sessions, kept in the database so any Gateway instance can continue a session. Times are Unix milliseconds.
-- state is the menu position as JSON (never a PIN); expired rows are deleted by UssdSessionSweeper.
CREATE TABLE gw_ussd_sessions (
    session_id $key$ NOT NULL PRIMARY KEY,
    phone $key$ NOT NULL,
    state $text$ NOT NULL,
    started_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE INDEX gw_ussd_sessions_expires ON gw_ussd_sessions (expires_at);
