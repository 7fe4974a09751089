-- The mobile-money receipt a payment callback carries (C2B: the TransID; STK push: MpesaReceiptNumber), so staff find a payment
-- by the receipt the customer reads from the M-Pesa SMS.
ALTER TABLE gw_inbound ADD COLUMN receipt $key$ NULL;

CREATE INDEX gw_inbound_receipt ON gw_inbound (receipt);
