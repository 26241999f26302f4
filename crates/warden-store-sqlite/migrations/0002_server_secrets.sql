-- Server-wide secrets (the STS session-token key ring, api.md §2.7, ADR 0004), sealed by
-- the server's own cipher before they reach the database; shared by every node.
CREATE TABLE server_secrets (
    name    TEXT PRIMARY KEY,
    value   BLOB NOT NULL,
    updated BIGINT NOT NULL
);
