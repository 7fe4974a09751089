-- A meter has at most one owner (mobile-money payments to the meter credit the owner's wallet); any number of buyers.
CREATE UNIQUE INDEX ux_vd_bindings_owner ON vd_bindings (meter_number) WHERE role = 'owner';
