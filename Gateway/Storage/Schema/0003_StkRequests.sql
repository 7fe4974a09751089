-- M-Pesa STK pushes we sent: the purchase each CheckoutRequestID pays for, so the provider's callback finds it.
-- One push per purchase (the primary key claims it before the call); the checkout id is filled in when Daraja answers.
CREATE TABLE gw_stk_requests (
    purchase_id $key$ NOT NULL PRIMARY KEY,
    checkout_request_id $key$ NULL UNIQUE,
    merchant_request_id $key$ NULL,
    phone $key$ NOT NULL,
    amount $text$ NOT NULL,
    currency $key$ NOT NULL,
    created_at BIGINT NOT NULL,
    pushed_at BIGINT NULL
);
