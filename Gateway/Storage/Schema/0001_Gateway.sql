-- The Gateway's message log. Times are Unix milliseconds.

-- Every inbound message or callback, stored raw before anything else; unique on the provider's id so retries are harmless.
CREATE TABLE gw_inbound (
    id $serial$ NOT NULL PRIMARY KEY,
    channel $key$ NOT NULL,
    external_id $key$ NOT NULL,
    phone $key$ NULL,
    body $text$ NOT NULL,
    command $key$ NULL,
    meter_number $key$ NULL,
    received_at BIGINT NOT NULL,
    answered_at BIGINT NULL,
    outcome $text$ NULL,
    UNIQUE (channel, external_id)
);

CREATE INDEX gw_inbound_external ON gw_inbound (external_id);
CREATE INDEX gw_inbound_phone ON gw_inbound (phone, received_at);
CREATE INDEX gw_inbound_meter ON gw_inbound (meter_number, received_at);
CREATE INDEX gw_inbound_open ON gw_inbound (answered_at, id);
CREATE INDEX gw_inbound_received ON gw_inbound (received_at);

-- Every SMS we send: the outbox (pending until the provider accepts it) and then the delivery log.
CREATE TABLE gw_outbound (
    id $serial$ NOT NULL PRIMARY KEY,
    dedupe_key $key$ NOT NULL UNIQUE,
    answers $key$ NULL,
    purchase_id $key$ NULL,
    reference $key$ NULL,
    phone $key$ NOT NULL,
    meter_number $key$ NULL,
    tokens $text$ NULL,
    body $text$ NOT NULL,
    status $key$ NOT NULL,
    provider_sid $key$ NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    lease_until BIGINT NULL,
    error $text$ NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE INDEX gw_outbound_due ON gw_outbound (status, next_attempt_at);
CREATE INDEX gw_outbound_phone ON gw_outbound (phone, created_at);
CREATE INDEX gw_outbound_meter ON gw_outbound (meter_number, created_at);
CREATE INDEX gw_outbound_sid ON gw_outbound (provider_sid);
CREATE INDEX gw_outbound_answers ON gw_outbound (answers);
CREATE INDEX gw_outbound_reference ON gw_outbound (reference);
CREATE INDEX gw_outbound_created ON gw_outbound (created_at);
