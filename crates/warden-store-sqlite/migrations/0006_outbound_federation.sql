-- Outbound web identity federation (api.md §5.21, §6.10 GetWebIdentityToken): the
-- per-account switch and the issuer's signing keys (PKCS#8 sealed with the deployment's
-- secret cipher; the public JWK as published).
CREATE TABLE outbound_federation (
    account_id TEXT NOT NULL PRIMARY KEY REFERENCES accounts (id),
    enabled    BIGINT NOT NULL,
    updated    BIGINT NOT NULL
);

CREATE TABLE outbound_signing_keys (
    account_id  TEXT NOT NULL REFERENCES accounts (id),
    kid         TEXT NOT NULL,
    algorithm   TEXT NOT NULL,
    private_key BLOB NOT NULL,
    public_jwk  TEXT NOT NULL,
    created     BIGINT NOT NULL,
    PRIMARY KEY (account_id, kid)
);
