-- The sums' covering indexes (0003) again, ordered so that new entries go where the last ones went. Ordered by amount, a house
-- account's entries (energy, VAT, fixed charges) took a new place among thousands with every purchase, one more index page
-- changed per posting; ordered by seq, each account's new entries go at the end of its own, which one page holds. And a status
-- in the usage index moved the purchase's entry again on every step (paid, issued, delivered), one page per step: units and the
-- fixed charge are set only when a purchase is paid and zeroed when a paid purchase is refunded, so the sum needs no status.
DROP INDEX ix_vd_ledger_balance;
CREATE INDEX ix_vd_ledger_balance ON vd_ledger (account, currency, seq, amount_minor);

DROP INDEX ix_vd_purchases_usage;
CREATE INDEX ix_vd_purchases_usage ON vd_purchases (meter_number, month, units_tenths, fixed_charge_minor);
