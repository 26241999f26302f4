//! Warden as an OIDC issuer: outbound web identity federation (api.md §5.21) and the tokens
//! of STS GetWebIdentityToken (§6.10).
//!
//! * **Issuer identifier** per account: `<ServerConfig::oidc_issuer_base>/oidc/<account>`.
//!   Discovery (`/.well-known/openid-configuration`) and the key set
//!   (`/.well-known/jwks.json`) are served under it without authentication ([`routes`]),
//!   while the account's federation is enabled (404 otherwise).
//! * **Signing keys**: RS256 (RSA 2,048) generated when federation is enabled, ES384
//!   (P-384) on the first ES384 request. Private keys are stored sealed with the
//!   deployment's secret cipher (PKCS#8 DER for RSA, the raw scalar for P-384, as hex).
//! * **Rotation**: a key older than [`ROTATE_AFTER_SECONDS`] is replaced at the next token
//!   request; the previous key stays published until every token it signed has expired
//!   ([`MAX_TOKEN_SECONDS`] plus a margin after its successor appeared), then it is deleted.
//! * **Tokens**: JWS compact, header `alg`/`typ`/`kid`; claims `iss`, `sub` (the caller's
//!   ARN), `aud` (a string for one audience, else an array), `iat`, `nbf`, `exp`, `jti`, and
//!   the requested tags in AWS's session-tag claim (`https://aws.amazon.com/tags`,
//!   `principal_tags`), so a Warden token can be presented to AssumeRoleWithWebIdentity.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value, json};
use time::OffsetDateTime;
use warden_core::{OutboundSigningKey, SecretAccessKey, Store, Transaction};
use warden_types::AccountId;

use crate::error::{ApiError, InternalError};
use crate::state::AppState;

/// A signing key is replaced after 30 days.
pub(crate) const ROTATE_AFTER_SECONDS: i64 = 30 * 86_400;
/// The longest GetWebIdentityToken lifetime (model: `DurationSeconds` ≤ 3,600).
pub(crate) const MAX_TOKEN_SECONDS: i64 = 3_600;
/// Extra time a replaced key stays published (clock skew of verifiers).
const RETIRE_MARGIN_SECONDS: i64 = 600;
/// The largest token payload accepted (`JWTPayloadSizeExceededException`, `VERIFY`).
pub(crate) const MAX_PAYLOAD_BYTES: usize = 16 * 1024;
/// The AWS session-tag claim.
const TAGS_CLAIM: &str = "https://aws.amazon.com/tags";
const RS256: &str = "RS256";
const ES384: &str = "ES384";

/// The issuer identifier of `account`.
pub(crate) fn issuer_identifier<S: Store>(state: &AppState<S>, account: AccountId) -> String {
    format!(
        "{}/oidc/{account}",
        state.config().oidc_issuer_base.trim_end_matches('/')
    )
}

/// rand 0.9's generator for the RustCrypto key generators (rand_core 0.6 traits).
struct Rng06(rand::rngs::ThreadRng);

impl rsa::rand_core::RngCore for Rng06 {
    fn next_u32(&mut self) -> u32 {
        rand::RngCore::next_u32(&mut self.0)
    }
    fn next_u64(&mut self) -> u64 {
        rand::RngCore::next_u64(&mut self.0)
    }
    fn fill_bytes(&mut self, dest: &mut [u8]) {
        rand::RngCore::fill_bytes(&mut self.0, dest);
    }
    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rsa::rand_core::Error> {
        self.fill_bytes(dest);
        Ok(())
    }
}

impl rsa::rand_core::CryptoRng for Rng06 {}

fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    bytes
        .chunks_exact(2)
        .map(|pair| {
            let s = std::str::from_utf8(pair).ok()?;
            u8::from_str_radix(s, 16).ok()
        })
        .collect()
}

fn cipher_label(account: AccountId, kid: &str) -> String {
    format!("warden:oidc-issuer:{account}:{kid}")
}

fn key_error(what: &'static str) -> ApiError {
    ApiError::Internal(InternalError::Contract(what))
}

/// Generates a key for `algorithm` (`RS256` or `ES384`), sealed for storage.
fn generate<S: Store>(
    state: &AppState<S>,
    account: AccountId,
    algorithm: &str,
    now: OffsetDateTime,
) -> Result<OutboundSigningKey, ApiError> {
    let kid = {
        let mut bytes = [0_u8; 12];
        rand::RngCore::fill_bytes(&mut rand::rng(), &mut bytes);
        hex(&bytes)
    };
    let (secret, jwk) = match algorithm {
        RS256 => {
            use rsa::pkcs8::EncodePrivateKey as _;
            use rsa::traits::PublicKeyParts as _;
            let key = rsa::RsaPrivateKey::new(&mut Rng06(rand::rng()), 2048)
                .map_err(|_| key_error("RSA key generation failed"))?;
            let der = key
                .to_pkcs8_der()
                .map_err(|_| key_error("RSA key encoding failed"))?;
            let jwk = json!({
                "kty": "RSA", "use": "sig", "alg": RS256, "kid": kid,
                "n": b64(&key.n().to_bytes_be()), "e": b64(&key.e().to_bytes_be()),
            });
            (hex(der.as_bytes()), jwk)
        }
        _ => {
            let key = p384::ecdsa::SigningKey::random(&mut Rng06(rand::rng()));
            let point = key.verifying_key().to_encoded_point(false);
            let (Some(x), Some(y)) = (point.x(), point.y()) else {
                return Err(key_error("P-384 public key without coordinates"));
            };
            let jwk = json!({
                "kty": "EC", "crv": "P-384", "use": "sig", "alg": ES384, "kid": kid,
                "x": b64(x), "y": b64(y),
            });
            (hex(&key.to_bytes()), jwk)
        }
    };
    let sealed = state
        .services()
        .cipher
        .seal(&cipher_label(account, &kid), &SecretAccessKey::new(secret))
        .map_err(|e| ApiError::Internal(InternalError::Cipher(e)))?;
    Ok(OutboundSigningKey {
        account,
        kid,
        algorithm: if algorithm == RS256 { RS256 } else { ES384 }.to_owned(),
        private_key: sealed,
        public_jwk: jwk.to_string(),
        created: now,
    })
}

/// Makes sure the account has a current key for `algorithm`: generates one when there is
/// none or the newest is due for rotation, and deletes keys whose tokens have all expired.
/// Returns the key to sign with.
pub(crate) async fn current_key<S: Store, T: Transaction>(
    state: &AppState<S>,
    tx: &mut T,
    account: AccountId,
    algorithm: &str,
    now: OffsetDateTime,
) -> Result<OutboundSigningKey, ApiError> {
    let keys = tx.outbound_signing_keys(account).await?;
    let mut same: Vec<&OutboundSigningKey> =
        keys.iter().filter(|k| k.algorithm == algorithm).collect();
    same.sort_by_key(|k| k.created);
    let newest = same.last().copied().cloned();
    let due = newest
        .as_ref()
        .is_none_or(|k| now.unix_timestamp() - k.created.unix_timestamp() >= ROTATE_AFTER_SECONDS);
    let current = if due {
        let fresh = generate(state, account, algorithm, now)?;
        tx.insert_outbound_signing_key(&fresh).await?;
        fresh
    } else {
        newest.ok_or_else(|| key_error("no signing key"))?
    };
    // A key replaced long enough ago signed no token that is still valid.
    for (older, successor) in same.iter().zip(same.iter().skip(1).map(|k| k.created)) {
        let retired_for = now.unix_timestamp() - successor.unix_timestamp();
        if retired_for > MAX_TOKEN_SECONDS + RETIRE_MARGIN_SECONDS {
            tx.delete_outbound_signing_key(account, &older.kid).await?;
        }
    }
    Ok(current)
}

/// Signs `claims` with `key`: the compact JWS.
pub(crate) fn sign<S: Store>(
    state: &AppState<S>,
    key: &OutboundSigningKey,
    claims: &Value,
) -> Result<String, ApiError> {
    let secret = state
        .services()
        .cipher
        .open(&cipher_label(key.account, &key.kid), &key.private_key)
        .map_err(|e| ApiError::Internal(InternalError::Cipher(e)))?;
    let bytes = zeroize::Zeroizing::new(
        unhex(secret.expose()).ok_or_else(|| key_error("stored signing key is not hex"))?,
    );
    let header = json!({"alg": key.algorithm, "typ": "JWT", "kid": key.kid});
    let input = format!(
        "{}.{}",
        b64(header.to_string().as_bytes()),
        b64(claims.to_string().as_bytes())
    );
    let signature = match key.algorithm.as_str() {
        RS256 => {
            use rsa::pkcs8::DecodePrivateKey as _;
            use rsa::signature::{SignatureEncoding as _, Signer as _};
            let private = rsa::RsaPrivateKey::from_pkcs8_der(&bytes)
                .map_err(|_| key_error("stored RSA key does not decode"))?;
            rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new(private)
                .sign(input.as_bytes())
                .to_vec()
        }
        _ => {
            use p384::ecdsa::signature::Signer as _;
            let private = p384::ecdsa::SigningKey::from_slice(&bytes)
                .map_err(|_| key_error("stored P-384 key does not decode"))?;
            let sig: p384::ecdsa::Signature = private.sign(input.as_bytes());
            sig.to_bytes().to_vec()
        }
    };
    Ok(format!("{input}.{}", b64(&signature)))
}

/// The claims of a GetWebIdentityToken token.
pub(crate) fn claims(
    issuer: &str,
    subject: &str,
    audiences: &[String],
    tags: &[(String, String)],
    issued_at: i64,
    expires_at: i64,
) -> Value {
    let mut claims = Map::new();
    claims.insert("iss".into(), json!(issuer));
    claims.insert("sub".into(), json!(subject));
    claims.insert(
        "aud".into(),
        match audiences {
            [one] => json!(one),
            many => json!(many),
        },
    );
    claims.insert("iat".into(), json!(issued_at));
    claims.insert("nbf".into(), json!(issued_at));
    claims.insert("exp".into(), json!(expires_at));
    claims.insert("jti".into(), json!(uuid::Uuid::new_v4().to_string()));
    if !tags.is_empty() {
        let principal_tags: Map<String, Value> =
            tags.iter().map(|(k, v)| (k.clone(), json!([v]))).collect();
        claims.insert(
            TAGS_CLAIM.into(),
            json!({ "principal_tags": principal_tags }),
        );
    }
    Value::Object(claims)
}

/// The unauthenticated issuer routes: discovery and JWKS per account.
pub(crate) fn routes<S: Store>() -> Router<AppState<S>> {
    Router::new()
        .route(
            "/oidc/{account}/.well-known/openid-configuration",
            get(discovery::<S>),
        )
        .route("/oidc/{account}/.well-known/jwks.json", get(jwks::<S>))
}

fn json_response(value: &Value) -> Response {
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        value.to_string(),
    )
        .into_response()
}

fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "not found").into_response()
}

/// The account's published keys, `None` when federation is not enabled (or the account
/// id is not one).
async fn published<S: Store>(
    state: &AppState<S>,
    account: &str,
) -> Result<Option<(AccountId, Vec<OutboundSigningKey>)>, ApiError> {
    let Ok(account) = account.parse::<AccountId>() else {
        return Ok(None);
    };
    let store = state.store()?;
    let mut tx = store.begin_read().await?;
    let enabled = tx.outbound_federation_enabled(account).await?;
    let keys = if enabled {
        Some(tx.outbound_signing_keys(account).await?)
    } else {
        None
    };
    if let Err(e) = tx.rollback().await {
        tracing::warn!(error = %e, "rollback of a read transaction failed");
    }
    Ok(keys.map(|k| (account, k)))
}

async fn discovery<S: Store>(
    State(state): State<AppState<S>>,
    Path(account): Path<String>,
) -> Response {
    match published(&state, &account).await {
        Ok(Some((account, _))) => {
            let issuer = issuer_identifier(&state, account);
            json_response(&json!({
                "issuer": issuer,
                "jwks_uri": format!("{issuer}/.well-known/jwks.json"),
                "response_types_supported": ["id_token"],
                "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": [RS256, ES384],
                "claims_supported": ["iss", "sub", "aud", "iat", "nbf", "exp", "jti", TAGS_CLAIM],
            }))
        }
        Ok(None) => not_found(),
        Err(e) => {
            tracing::error!(error = %e, "serving OIDC discovery failed");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

async fn jwks<S: Store>(State(state): State<AppState<S>>, Path(account): Path<String>) -> Response {
    match published(&state, &account).await {
        Ok(Some((_, keys))) => {
            let keys: Vec<Value> = keys
                .iter()
                .filter_map(|k| serde_json::from_str(&k.public_jwk).ok())
                .collect();
            json_response(&json!({ "keys": keys }))
        }
        Ok(None) => not_found(),
        Err(e) => {
            tracing::error!(error = %e, "serving the OIDC key set failed");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips() {
        assert_eq!(unhex(&hex(&[0, 1, 254, 255])), Some(vec![0, 1, 254, 255]));
        assert_eq!(unhex("abc"), None);
        assert_eq!(unhex("zz"), None);
    }

    #[test]
    fn one_audience_is_a_string_several_an_array() {
        let one = claims("i", "s", &["a".into()], &[], 1, 2);
        assert_eq!(one["aud"], "a");
        let two = claims(
            "i",
            "s",
            &["a".into(), "b".into()],
            &[("k".into(), "v".into())],
            1,
            2,
        );
        assert_eq!(two["aud"], json!(["a", "b"]));
        assert_eq!(two[TAGS_CLAIM]["principal_tags"]["k"], json!(["v"]));
        assert!(one.get(TAGS_CLAIM).is_none());
    }
}
