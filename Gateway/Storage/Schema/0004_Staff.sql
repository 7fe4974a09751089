-- Every staff and admin API call: who, what, when, from where, why, and how it ended.
CREATE TABLE gw_staff_audit (
    id $serial$ NOT NULL PRIMARY KEY,
    at BIGINT NOT NULL,
    who $key$ NOT NULL,
    role $key$ NOT NULL,
    action $text$ NOT NULL,
    target $text$ NOT NULL,
    reason $text$ NULL,
    source $key$ NULL,
    status INTEGER NOT NULL
);

CREATE INDEX gw_staff_audit_at ON gw_staff_audit (at);
CREATE INDEX gw_staff_audit_who ON gw_staff_audit (who, at);
