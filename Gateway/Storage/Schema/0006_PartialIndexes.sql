-- Indexes that hold only the rows their queries look for. A reply moves from pending through queued, sent and delivered, and
-- each move re-filed it in the old due index; only pending messages are due. An answered message was re-filed under its answer
-- time; only open ones are re-driven and counted. Fewer index entries to move is fewer pages written per commit.
DROP INDEX gw_outbound_due;
CREATE INDEX gw_outbound_pending ON gw_outbound (next_attempt_at) WHERE status = 'pending';

DROP INDEX gw_inbound_open;
CREATE INDEX gw_inbound_unanswered ON gw_inbound (id) WHERE answered_at IS NULL;
