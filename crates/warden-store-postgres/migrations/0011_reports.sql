-- Credential reports, report jobs and STS preferences (api.md §5.16–§5.18, §5.6).
-- Derived data (reports, jobs) does not change authorization decisions.

-- The account's latest credential report (api.md §5.17): one per account, replaced when
-- a new one is generated (AWS keeps one report and reuses it for 4 hours).
CREATE TABLE credential_reports (
    account_id TEXT PRIMARY KEY REFERENCES accounts (id),
    generated  BIGINT NOT NULL,
    content    TEXT NOT NULL
);

-- Jobs whose results are read back by id: access advisor (GenerateServiceLastAccessedDetails),
-- Organizations access reports, service-linked-role deletion tasks. `document` is the
-- job's result as JSON, written by the API layer.
CREATE TABLE report_jobs (
    account_id TEXT NOT NULL REFERENCES accounts (id),
    id         TEXT NOT NULL,
    kind       TEXT NOT NULL,
    created    BIGINT NOT NULL,
    completed  BIGINT,
    document   TEXT NOT NULL,
    PRIMARY KEY (account_id, id)
);

-- SetSecurityTokenServicePreferences (api.md §5.16): 1 = v1Token, 2 = v2Token.
CREATE TABLE sts_preferences (
    account_id                    TEXT PRIMARY KEY REFERENCES accounts (id),
    global_endpoint_token_version BIGINT NOT NULL
);
