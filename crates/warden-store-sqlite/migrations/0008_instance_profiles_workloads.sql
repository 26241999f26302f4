-- Instance profiles (api.md §5.12). AWS allows one role per profile (quota
-- InstanceSessionsPerInstanceProfile = 1), so the role is a column; it references the
-- role without ON DELETE: a role in a profile cannot be deleted (DeleteConflict).
CREATE TABLE instance_profiles (
    id         TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    name       TEXT NOT NULL,
    name_key   TEXT NOT NULL,
    path       TEXT NOT NULL,
    created    BIGINT NOT NULL,
    role_id    TEXT REFERENCES roles (id)
);
CREATE UNIQUE INDEX instance_profiles_name_key ON instance_profiles (account_id, name_key);
CREATE INDEX instance_profiles_role ON instance_profiles (role_id);

-- Workloads registered with `warden workload register`: the bearer tokens of the container
-- credentials endpoint. Only the SHA-256 (hex) of the token's secret part is stored. The
-- profile is referenced by id without a foreign key: deleting the profile is an IAM call
-- that must not fail because of a workload; the endpoint then answers that it is gone.
CREATE TABLE workloads (
    id                  TEXT PRIMARY KEY,
    account_id          TEXT NOT NULL REFERENCES accounts (id),
    name                TEXT NOT NULL,
    instance_profile_id TEXT NOT NULL,
    token_sha256        TEXT NOT NULL,
    created             BIGINT NOT NULL,
    revoked             BIGINT
);
CREATE INDEX workloads_account ON workloads (account_id);
