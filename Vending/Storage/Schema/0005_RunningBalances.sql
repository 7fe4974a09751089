-- A running balance per wallet and per meter debt, changed in the same write as each of their ledger entries (Ledger.PostAsync).
-- Every purchase reads both; as sums they read one index entry per earlier entry, so a purchase cost more the longer its customer
-- had bought (three years of daily purchases: about 100 µs a purchase for the wallet's sum alone). House accounts keep none: every
-- purchase posts to them, and a row of theirs would be a lock each purchase waits for on PostgreSQL. Reconciliation checks every
-- running balance against its entries.
CREATE TABLE vd_balances (
    account $key$ NOT NULL,
    currency $key$ NOT NULL,
    amount_minor BIGINT NOT NULL,
    PRIMARY KEY (account, currency)
);

INSERT INTO vd_balances (account, currency, amount_minor)
SELECT account, currency, SUM(amount_minor) FROM vd_ledger
WHERE account LIKE 'wallet:%' OR account LIKE 'debt:%'
GROUP BY account, currency;

-- The sums' index (0003, 0004) is read by nothing a purchase does any more, and every ledger entry wrote to it.
DROP INDEX ix_vd_ledger_balance;
