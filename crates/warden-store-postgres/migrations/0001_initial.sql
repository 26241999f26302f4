-- Warden schema, PostgreSQL dialect. Append-only: never edit a released migration.
-- Times are Unix seconds (IAM timestamps have second precision, api.md §3.8).
-- Names are unique per account case-insensitively through `name_key` (the ASCII
-- lower-cased name, computed by warden-core's `name_key`) and a unique index.

CREATE TABLE accounts (
    id      TEXT PRIMARY KEY,
    created BIGINT NOT NULL
);

-- Bumped by every committed transaction that changed the account (cache invalidation).
CREATE TABLE account_generation (
    account_id TEXT PRIMARY KEY REFERENCES accounts (id),
    generation BIGINT NOT NULL
);

CREATE TABLE users (
    id                   TEXT PRIMARY KEY,
    account_id           TEXT NOT NULL REFERENCES accounts (id),
    name                 TEXT NOT NULL,
    name_key             TEXT NOT NULL,
    path                 TEXT NOT NULL,
    created              BIGINT NOT NULL,
    permissions_boundary TEXT,
    password_last_used   BIGINT
);
CREATE UNIQUE INDEX users_name_key ON users (account_id, name_key);
CREATE INDEX users_boundary ON users (account_id, permissions_boundary);

CREATE TABLE groups (
    id         TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    name       TEXT NOT NULL,
    name_key   TEXT NOT NULL,
    path       TEXT NOT NULL,
    created    BIGINT NOT NULL
);
CREATE UNIQUE INDEX groups_name_key ON groups (account_id, name_key);

CREATE TABLE roles (
    id                   TEXT PRIMARY KEY,
    account_id           TEXT NOT NULL REFERENCES accounts (id),
    name                 TEXT NOT NULL,
    name_key             TEXT NOT NULL,
    path                 TEXT NOT NULL,
    created              BIGINT NOT NULL,
    trust_policy         TEXT NOT NULL,
    description          TEXT,
    max_session_duration BIGINT NOT NULL,
    permissions_boundary TEXT,
    last_used_date       BIGINT,
    last_used_region     TEXT
);
CREATE UNIQUE INDEX roles_name_key ON roles (account_id, name_key);
CREATE INDEX roles_boundary ON roles (account_id, permissions_boundary);

CREATE TABLE policies (
    id              TEXT PRIMARY KEY,
    account_id      TEXT NOT NULL REFERENCES accounts (id),
    name            TEXT NOT NULL,
    name_key        TEXT NOT NULL,
    path            TEXT NOT NULL,
    arn             TEXT NOT NULL,
    description     TEXT,
    created         BIGINT NOT NULL,
    updated         BIGINT NOT NULL,
    default_version BIGINT NOT NULL,
    -- Highest version number ever used: version ids are never reused (api.md §5.7).
    last_version    BIGINT NOT NULL
);
CREATE UNIQUE INDEX policies_name_key ON policies (account_id, name_key);
CREATE INDEX policies_arn ON policies (account_id, arn);

CREATE TABLE policy_versions (
    policy_id TEXT NOT NULL REFERENCES policies (id) ON DELETE CASCADE,
    version   BIGINT NOT NULL,
    document  TEXT NOT NULL,
    created   BIGINT NOT NULL,
    PRIMARY KEY (policy_id, version)
);

CREATE TABLE group_members (
    group_id TEXT NOT NULL REFERENCES groups (id),
    user_id  TEXT NOT NULL REFERENCES users (id),
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_user ON group_members (user_id);

-- Exactly one holder column is set. No ON DELETE: an attached policy, or a holder with
-- attachments, cannot be deleted (DeleteConflict, api.md §5.4-§5.7).
CREATE TABLE policy_attachments (
    seq        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    policy_id  TEXT NOT NULL REFERENCES policies (id),
    user_id    TEXT REFERENCES users (id),
    group_id   TEXT REFERENCES groups (id),
    role_id    TEXT REFERENCES roles (id),
    CHECK (num_nonnulls(user_id, group_id, role_id) = 1)
);
CREATE UNIQUE INDEX policy_attachments_user ON policy_attachments (user_id, policy_id);
CREATE UNIQUE INDEX policy_attachments_group ON policy_attachments (group_id, policy_id);
CREATE UNIQUE INDEX policy_attachments_role ON policy_attachments (role_id, policy_id);
CREATE INDEX policy_attachments_policy ON policy_attachments (policy_id);

CREATE TABLE inline_policies (
    account_id TEXT NOT NULL REFERENCES accounts (id),
    user_id    TEXT REFERENCES users (id),
    group_id   TEXT REFERENCES groups (id),
    role_id    TEXT REFERENCES roles (id),
    name       TEXT NOT NULL,
    name_key   TEXT NOT NULL,
    document   TEXT NOT NULL,
    CHECK (num_nonnulls(user_id, group_id, role_id) = 1)
);
CREATE UNIQUE INDEX inline_policies_user ON inline_policies (user_id, name_key);
CREATE UNIQUE INDEX inline_policies_group ON inline_policies (group_id, name_key);
CREATE UNIQUE INDEX inline_policies_role ON inline_policies (role_id, name_key);

-- user_id NULL: a root access key. `secret` is sealed by warden-core's SecretCipher; the
-- plaintext never reaches the database.
CREATE TABLE access_keys (
    id                TEXT PRIMARY KEY,
    account_id        TEXT NOT NULL REFERENCES accounts (id),
    user_id           TEXT REFERENCES users (id),
    status            TEXT NOT NULL,
    created           BIGINT NOT NULL,
    last_used_date    BIGINT,
    last_used_service TEXT,
    last_used_region  TEXT,
    secret            BYTEA NOT NULL
);
CREATE INDEX access_keys_owner ON access_keys (account_id, user_id);

CREATE TABLE tags (
    account_id  TEXT NOT NULL REFERENCES accounts (id),
    target_kind TEXT NOT NULL,
    target_id   TEXT NOT NULL,
    position    BIGINT NOT NULL,
    key         TEXT NOT NULL,
    value       TEXT NOT NULL,
    PRIMARY KEY (account_id, target_kind, target_id, position)
);

CREATE TABLE oidc_providers (
    account_id  TEXT NOT NULL REFERENCES accounts (id),
    url         TEXT NOT NULL,
    client_ids  TEXT NOT NULL, -- JSON array of strings
    thumbprints TEXT NOT NULL, -- JSON array of strings
    created     BIGINT NOT NULL,
    PRIMARY KEY (account_id, url)
);

CREATE TABLE audit_events (
    seq           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    account_id    TEXT NOT NULL REFERENCES accounts (id),
    time          BIGINT NOT NULL,
    event_name    TEXT NOT NULL,
    outcome       TEXT NOT NULL,
    principal_arn TEXT NOT NULL,
    access_key_id TEXT,
    document      TEXT NOT NULL
);
CREATE INDEX audit_events_account ON audit_events (account_id, seq);
