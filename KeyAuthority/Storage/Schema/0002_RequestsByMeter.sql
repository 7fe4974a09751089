-- Staff look up what was issued for one meter (DecodeToken) without reading every request ever answered.
CREATE INDEX ix_ka_requests_meter ON ka_requests (meter_number);
