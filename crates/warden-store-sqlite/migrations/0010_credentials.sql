-- Server certificates, signing certificates, SSH public keys and service-specific
-- credentials (api.md §5.15). Secrets (a server certificate's private key, a service
-- password) are sealed by warden-core's SecretCipher; the plaintext never reaches the
-- database. The per-user credentials reference their user without ON DELETE: a user
-- holding any cannot be deleted (DeleteConflict, api.md §5.4). `seq` orders same-second
-- uploads by creation (like access_keys.seq, migration 0003).

CREATE TABLE server_certificates (
    id          TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL REFERENCES accounts (id),
    name        TEXT NOT NULL,
    name_key    TEXT NOT NULL,
    path        TEXT NOT NULL,
    uploaded    BIGINT NOT NULL,
    expiration  BIGINT NOT NULL,
    body        TEXT NOT NULL,
    chain       TEXT,
    private_key BLOB NOT NULL
);
CREATE UNIQUE INDEX server_certificates_name_key ON server_certificates (account_id, name_key);

-- user_id NULL: a certificate of the root user.
CREATE TABLE signing_certificates (
    id          TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL REFERENCES accounts (id),
    user_id     TEXT REFERENCES users (id),
    body        TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status      TEXT NOT NULL,
    uploaded    BIGINT NOT NULL,
    seq         BIGINT NOT NULL
);
CREATE INDEX signing_certificates_owner ON signing_certificates (account_id, user_id);
CREATE INDEX signing_certificates_fingerprint ON signing_certificates (account_id, fingerprint);

CREATE TABLE ssh_public_keys (
    id          TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL REFERENCES accounts (id),
    user_id     TEXT NOT NULL REFERENCES users (id),
    body        TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status      TEXT NOT NULL,
    uploaded    BIGINT NOT NULL,
    seq         BIGINT NOT NULL
);
CREATE INDEX ssh_public_keys_user ON ssh_public_keys (account_id, user_id);

CREATE TABLE service_credentials (
    id                TEXT PRIMARY KEY,
    account_id        TEXT NOT NULL REFERENCES accounts (id),
    user_id           TEXT NOT NULL REFERENCES users (id),
    service_name      TEXT NOT NULL,
    service_user_name TEXT NOT NULL,
    password          BLOB NOT NULL,
    status            TEXT NOT NULL,
    created           BIGINT NOT NULL,
    expiration        BIGINT,
    seq               BIGINT NOT NULL
);
CREATE INDEX service_credentials_user ON service_credentials (account_id, user_id);
