-- Console passwords, the account password policy and the account alias (api.md §5.10,
-- §5.16). Passwords are stored only as Argon2id hashes in PHC string format.

-- One login profile per user (api.md §3.7). `previous_hashes` is a JSON array of the
-- hashes of earlier passwords, newest first, kept for PasswordReusePrevention (at most 24).
CREATE TABLE login_profiles (
    user_id          TEXT PRIMARY KEY REFERENCES users (id),
    account_id       TEXT NOT NULL REFERENCES accounts (id),
    password_hash    TEXT NOT NULL,
    previous_hashes  TEXT NOT NULL,
    created          BIGINT NOT NULL,
    password_changed BIGINT NOT NULL,
    reset_required   BIGINT NOT NULL
);
CREATE INDEX login_profiles_account ON login_profiles (account_id);

-- At most one password policy per account; NULL = not set.
CREATE TABLE password_policies (
    account_id               TEXT PRIMARY KEY REFERENCES accounts (id),
    minimum_length           BIGINT NOT NULL,
    require_symbols          BIGINT NOT NULL,
    require_numbers          BIGINT NOT NULL,
    require_uppercase        BIGINT NOT NULL,
    require_lowercase        BIGINT NOT NULL,
    allow_users_to_change    BIGINT NOT NULL,
    max_age_days             BIGINT,
    reuse_prevention         BIGINT,
    hard_expiry              BIGINT
);

-- At most one alias per account; aliases are unique across the deployment (api.md §3.4).
CREATE TABLE account_aliases (
    account_id TEXT PRIMARY KEY REFERENCES accounts (id),
    alias      TEXT NOT NULL
);
CREATE UNIQUE INDEX account_aliases_alias ON account_aliases (alias);
