-- Creation order of access keys. ListAccessKeys lists oldest first (api.md §1.5), but
-- `created` holds whole seconds (api.md §3.8), so two keys created in the same second
-- need a tie-breaker other than the random key id: `seq`, one more than the account's
-- highest when the key is inserted (the writers of an account's keys are serialised by
-- `lock_account`, so the values are distinct in practice; the key id breaks any tie).
ALTER TABLE access_keys ADD COLUMN seq BIGINT;
-- Existing keys keep the order they were listed in until now: (created, id).
UPDATE access_keys SET seq = (
    SELECT COUNT(*) FROM access_keys o
    WHERE o.account_id = access_keys.account_id
      AND (o.created < access_keys.created
           OR (o.created = access_keys.created AND o.id <= access_keys.id))
);
CREATE INDEX access_keys_seq ON access_keys (account_id, seq);
