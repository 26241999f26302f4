-- Virtual MFA devices (api.md §5.11). The serial number is the ARN
-- `arn:P:iam::ACCT:mfa{path}{name}`, so a device is keyed by account, path and name
-- (case-sensitive, like every ARN). `seed` is the base32 TOTP seed sealed by warden-core's
-- SecretCipher; the plaintext never reaches the database. `user_id` and `enabled` are set
-- together while the device is enabled for a user (the reference keeps such a user from
-- being deleted, api.md §5.4). `last_step` is the last TOTP step accepted (replay
-- protection). `seq` is the creation order within the account (listing order, api.md §1.5).
CREATE TABLE mfa_devices (
    account_id TEXT NOT NULL REFERENCES accounts (id),
    path       TEXT NOT NULL,
    name       TEXT NOT NULL,
    seq        BIGINT NOT NULL,
    seed       BLOB NOT NULL,
    created    BIGINT NOT NULL,
    user_id    TEXT REFERENCES users (id),
    enabled    BIGINT,
    last_step  BIGINT,
    PRIMARY KEY (account_id, path, name)
);
CREATE INDEX mfa_devices_seq ON mfa_devices (account_id, seq);
CREATE INDEX mfa_devices_user ON mfa_devices (user_id);
