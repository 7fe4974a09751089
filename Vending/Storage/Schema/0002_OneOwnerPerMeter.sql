-- A meter has at most one owner (the payee of mobile-money payments to it): linking by SMS relies on this to pick
-- owner or buyer without a race. Partial indexes work alike in SQLite and PostgreSQL.
CREATE UNIQUE INDEX ux_vd_bindings_owner ON vd_bindings (meter_number) WHERE role = 'owner';
