-- SAML 2.0 identity providers (api.md §5.14): the metadata document verbatim (up to
-- 10,000,000 characters), its validUntil (or the default), the assertion encryption mode.
-- The name is the ARN's resource part and case-sensitive. Tags live in `tags` with kind
-- 'saml-provider' and the name as target.
CREATE TABLE saml_providers (
    account_id      TEXT NOT NULL REFERENCES accounts (id),
    name            TEXT NOT NULL,
    uuid            TEXT NOT NULL,
    metadata        TEXT NOT NULL,
    valid_until     BIGINT NOT NULL,
    encryption_mode TEXT,
    created         BIGINT NOT NULL,
    PRIMARY KEY (account_id, name)
);
