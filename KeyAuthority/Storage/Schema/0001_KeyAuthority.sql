-- One schema for every database; the dollar-named types are filled in per dialect (KeyAuthorityDatabase).
-- Times are Unix milliseconds (BIGINT) so that every dialect stores and hashes them alike.

-- A sealed known value: proves at start that the master key opens this store.
CREATE TABLE ka_master_check (
    id INTEGER NOT NULL PRIMARY KEY,
    sealed $blob$ NOT NULL
);

CREATE TABLE ka_vending_keys (
    supply_group_code INTEGER NOT NULL,
    key_revision INTEGER NOT NULL,
    key_type INTEGER NOT NULL,
    dkga INTEGER NOT NULL,
    sealed_key $blob$ NOT NULL,
    origin $key$ NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (supply_group_code, key_revision, key_type, dkga)
);

CREATE TABLE ka_meters (
    meter_number $key$ NOT NULL PRIMARY KEY,
    profile INTEGER NOT NULL,
    supply_group_code INTEGER NOT NULL,
    tariff_index INTEGER NOT NULL,
    key_revision INTEGER NOT NULL,
    key_type INTEGER NOT NULL,
    key_expiry INTEGER NOT NULL,
    base_date INTEGER NOT NULL,
    dkga INTEGER NOT NULL,
    ea INTEGER NOT NULL,
    credit_kind INTEGER NOT NULL,
    last_tid INTEGER NULL,
    starting_code INTEGER NOT NULL,
    device_count INTEGER NOT NULL,
    time_divider INTEGER NOT NULL,
    restricted INTEGER NOT NULL,
    sealed_device_key $blob$ NULL,
    credential_hash $key$ NULL,
    failed_attempts INTEGER NOT NULL,
    locked_until BIGINT NULL,
    registered_at BIGINT NOT NULL
);

CREATE INDEX ix_ka_meters_key ON ka_meters (supply_group_code, key_revision, key_type, dkga);
CREATE INDEX ix_ka_meters_base ON ka_meters (base_date);

-- At most one pending key change per meter; issued with (before) the meter's next credit token.
CREATE TABLE ka_key_changes (
    meter_number $key$ NOT NULL PRIMARY KEY,
    supply_group_code INTEGER NOT NULL,
    tariff_index INTEGER NOT NULL,
    key_revision INTEGER NOT NULL,
    key_type INTEGER NOT NULL,
    key_expiry INTEGER NOT NULL,
    base_date INTEGER NOT NULL,
    dkga INTEGER NOT NULL,
    ea INTEGER NOT NULL,
    rollover INTEGER NOT NULL,
    scheduled_at BIGINT NOT NULL
);

-- Idempotency: a request id is claimed in the same transaction as the tokens it gets.
CREATE TABLE ka_requests (
    request_id $key$ NOT NULL PRIMARY KEY,
    meter_number $key$ NOT NULL,
    result $text$ NOT NULL,
    issued_at BIGINT NOT NULL
);

-- The audit chain's tail: one row whose update serialises appends across KeyAuthority instances.
CREATE TABLE ka_audit_head (
    id INTEGER NOT NULL PRIMARY KEY,
    seq BIGINT NOT NULL,
    hash $key$ NOT NULL
);

INSERT INTO ka_audit_head (id, seq, hash) VALUES (1, 0, 'genesis');

CREATE TABLE ka_audit (
    seq $seq$ NOT NULL PRIMARY KEY,
    at BIGINT NOT NULL,
    meter_number $key$ NOT NULL,
    request_id $key$ NOT NULL,
    requester $key$ NOT NULL,
    token_class INTEGER NOT NULL,
    token_subclass INTEGER NOT NULL,
    tid INTEGER NULL,
    amount $key$ NULL,
    prev_hash $key$ NOT NULL,
    hash $key$ NOT NULL
);
