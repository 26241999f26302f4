-- Private keys SAML providers decrypt encrypted assertions with (api.md §5.14
-- AddPrivateKey / RemovePrivateKey; at most two per provider, counted by the caller under
-- the account lock). The PEM key is sealed by warden-core's SecretCipher (associated data:
-- the key id); the plaintext never reaches the database.
CREATE TABLE saml_private_keys (
    account_id    TEXT NOT NULL,
    provider_name TEXT NOT NULL,
    key_id        TEXT NOT NULL,
    created       BIGINT NOT NULL,
    private_key   BYTEA NOT NULL,
    PRIMARY KEY (account_id, provider_name, key_id),
    FOREIGN KEY (account_id, provider_name) REFERENCES saml_providers (account_id, name)
);
