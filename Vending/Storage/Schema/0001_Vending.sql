-- Vending's own tables (a service never reads another's). Money is BIGINT minor units; times are Unix milliseconds.

CREATE TABLE vd_tariffs (
    id $key$ NOT NULL PRIMARY KEY,
    definition $text$ NOT NULL
);

CREATE TABLE vd_customers (
    id $key$ NOT NULL PRIMARY KEY,
    phone $key$ NOT NULL UNIQUE,
    name $text$ NOT NULL,
    language $key$ NOT NULL,
    pin_hash $text$ NULL,
    pin_failures INTEGER NOT NULL,
    pin_locked_until BIGINT NULL,
    status $key$ NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE vd_meters (
    meter_number $key$ NOT NULL PRIMARY KEY,
    utility $key$ NOT NULL,
    profile INTEGER NOT NULL,
    tariff_id $key$ NOT NULL REFERENCES vd_tariffs (id),
    status $key$ NOT NULL,
    created_at BIGINT NOT NULL
);

-- Who may buy for which meter: a customer can buy for several meters, a meter can have several phones.
CREATE TABLE vd_bindings (
    customer_id $key$ NOT NULL REFERENCES vd_customers (id),
    meter_number $key$ NOT NULL REFERENCES vd_meters (meter_number),
    role $key$ NOT NULL,
    PRIMARY KEY (customer_id, meter_number)
);

-- Double entry: every posting is two rows that sum to zero; (posting_id, account) makes re-posting a no-op.
CREATE TABLE vd_ledger (
    seq $serial$ NOT NULL PRIMARY KEY,
    posting_id $key$ NOT NULL,
    account $key$ NOT NULL,
    amount_minor BIGINT NOT NULL,
    currency $key$ NOT NULL,
    at BIGINT NOT NULL,
    reference $key$ NOT NULL,
    UNIQUE (posting_id, account)
);

CREATE INDEX ix_vd_ledger_account ON vd_ledger (account);

CREATE TABLE vd_purchases (
    id $key$ NOT NULL PRIMARY KEY,
    idempotency_key $key$ NOT NULL UNIQUE,
    phone $key$ NOT NULL,
    customer_id $key$ NULL,
    meter_number $key$ NULL,
    channel $key$ NOT NULL,
    amount_minor BIGINT NOT NULL,
    currency $key$ NOT NULL,
    status $key$ NOT NULL,
    reason $key$ NULL,
    detail $text$ NULL,
    month $key$ NULL,
    units_tenths BIGINT NULL,
    fixed_charge_minor BIGINT NULL,
    receipt $text$ NULL,
    tokens $text$ NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE INDEX ix_vd_purchases_meter_month ON vd_purchases (meter_number, month);
CREATE INDEX ix_vd_purchases_phone ON vd_purchases (phone);

-- Mobile-money payments, unique on the provider's transaction id.
CREATE TABLE vd_payments (
    provider_id $key$ NOT NULL PRIMARY KEY,
    kind $key$ NOT NULL,
    phone $key$ NULL,
    meter_number $key$ NULL,
    amount_minor BIGINT NOT NULL,
    currency $key$ NOT NULL,
    status $key$ NOT NULL,
    purchase_id $key$ NULL,
    raw $text$ NOT NULL,
    received_at BIGINT NOT NULL
);
