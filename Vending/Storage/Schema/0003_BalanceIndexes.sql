-- Indexes that hold what a purchase sums, so the sums read the index alone. A wallet's or a meter's debt balance is the sum of its
-- ledger entries, and a meter's block usage the sum of its paid purchases this month; with the old indexes each entry summed was
-- one more look-up in the table itself, and a long-lived customer has many. The new indexes lead with the old ones' columns, so
-- every query the old ones served they serve too.
CREATE INDEX ix_vd_ledger_balance ON vd_ledger (account, currency, amount_minor);
DROP INDEX ix_vd_ledger_account;

CREATE INDEX ix_vd_purchases_usage ON vd_purchases (meter_number, month, status, units_tenths, fixed_charge_minor);
DROP INDEX ix_vd_purchases_meter_month;
