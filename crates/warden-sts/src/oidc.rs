//! OIDC ID-token verification for AssumeRoleWithWebIdentity (api.md §6.3, policy.md §5.7).
//!
//! Pure: the caller looks the provider up (by [`token_issuer`]), fetches its JWKS (the
//! server's I/O, where the provider's thumbprints pin the TLS certificate) and passes both
//! here with `now`. Checks run in the order of §6.3: structure, issuer, signature, audience,
//! times, subject, optional AWS claims.
//!
//! Algorithms: RS256, RS384, RS512 (RSA keys of 2,048–4,096 bits), ES256 and ES384. `none`
//! and every `HS*` algorithm are refused before any key is looked at, so a public key can
//! never be used as an HMAC secret. ES512 is refused as unsupported (not implemented yet).
//!
//! Time leeway: [`LEEWAY_SECONDS`] (60 s) for `exp`, `nbf` and `iat`, within the ≤ 5 minutes
//! of §6.3; clocks of real IdPs are NTP-synchronised, and a shorter leeway shortens the life
//! of a stolen token.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value};

use crate::rules::{TagError, validate_session_tags};
use crate::token::Federation;

/// Clock-skew allowance for `exp`, `nbf` and `iat`.
pub const LEEWAY_SECONDS: i64 = 60;
/// The longest `WebIdentityToken` the model accepts (api.md §6.3).
pub const MAX_TOKEN_CHARS: usize = 20_000;
const TAGS_CLAIM: &str = "https://aws.amazon.com/tags";
const SOURCE_IDENTITY_CLAIM: &str = "https://aws.amazon.com/source_identity";
const GOOGLE: &str = "accounts.google.com";
const MIN_RSA_BITS: usize = 2048;

/// Why a web-identity token was refused.
#[derive(Clone, Debug, thiserror::Error, PartialEq, Eq)]
pub enum OidcError {
    /// Not a JWS compact serialisation with JSON header and payload, or a claim of the wrong
    /// type.
    #[error(
        "The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)"
    )]
    Malformed,
    /// The issuer is not the provider's URL (the caller found no provider for it).
    #[error("No OpenIDConnect provider found in your account for {0}")]
    NoProvider(String),
    /// No usable key for the header's `kid` in the provider's key set.
    #[error(
        "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements"
    )]
    KeyUnavailable,
    /// `alg` is `none`, `HS*`, or otherwise unsupported (AWS text not recorded: `VERIFY`).
    #[error("The ID Token provided is signed with an unsupported algorithm: {0}")]
    UnsupportedAlgorithm(String),
    /// The signature does not verify with the selected key (AWS text `VERIFY`).
    #[error("Signature verification failed")]
    BadSignature,
    /// No `aud` (or Google `azp`) entry is a registered client id.
    #[error("Incorrect token audience")]
    Audience,
    /// `exp` has passed: `ExpiredTokenException` (sic: no space before the second number).
    #[error("Token expired: current date/time {now} must be before the expiration date/time{exp}")]
    Expired {
        /// Now, Unix seconds.
        now: i64,
        /// The token's `exp`.
        exp: i64,
    },
    /// `nbf` or `iat` lies in the future beyond the leeway (AWS text `VERIFY`).
    #[error("The ID Token provided is not yet valid")]
    NotYetValid,
    /// `exp` or `sub` is missing (AWS text `VERIFY`).
    #[error("The ID Token provided is missing the required claim {0}")]
    MissingClaim(&'static str),
    /// The AWS tags claim breaks a session-tag rule (§6.2 step 2 texts).
    #[error("{0}")]
    Tags(#[from] TagError),
}

impl OidcError {
    /// The STS wire error code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Expired { .. } => "ExpiredTokenException",
            Self::Tags(e) => e.code(),
            _ => "InvalidIdentityToken",
        }
    }
}

/// A registered OIDC provider (api.md §5.13).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct OidcProvider {
    /// The URL as registered, without `https://` (also the condition-key prefix).
    pub url: String,
    /// The provider ARN (`aws:FederatedProvider`).
    pub arn: String,
    /// `ClientIDList`.
    pub client_ids: Vec<String>,
    /// `ThumbprintList`: used by the server when fetching the JWKS, not here.
    pub thumbprints: Vec<String>,
}

/// A public key of a JWKS.
#[derive(Clone, Debug, Eq, PartialEq)]
enum JwkKey {
    Rsa {
        n: Vec<u8>,
        e: Vec<u8>,
    },
    P256 {
        x: Vec<u8>,
        y: Vec<u8>,
    },
    P384 {
        x: Vec<u8>,
        y: Vec<u8>,
    },
    /// A key of a type this module cannot use; kept so `kid` lookups find it.
    Unsupported,
}

#[derive(Clone, Debug, Eq, PartialEq)]
struct Jwk {
    kid: Option<String>,
    alg: Option<String>,
    key: JwkKey,
}

/// A provider's JSON Web Key Set.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Jwks {
    keys: Vec<Jwk>,
}

fn b64(text: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(text.trim_end_matches('=')).ok()
}

fn str_field<'a>(o: &'a Map<String, Value>, k: &str) -> Option<&'a str> {
    o.get(k).and_then(Value::as_str)
}

impl Jwks {
    /// Parses a JWKS document (`{"keys": [...]}`). Keys meant for encryption (`use` other
    /// than `sig`) are dropped. An unparsable document → [`OidcError::KeyUnavailable`].
    pub fn parse(json: &str) -> Result<Self, OidcError> {
        let doc: Value = serde_json::from_str(json).map_err(|_| OidcError::KeyUnavailable)?;
        let keys = doc
            .get("keys")
            .and_then(Value::as_array)
            .ok_or(OidcError::KeyUnavailable)?;
        let keys = keys
            .iter()
            .filter_map(Value::as_object)
            .filter(|o| str_field(o, "use").is_none_or(|u| u == "sig"))
            .map(|o| {
                let key = match (str_field(o, "kty"), str_field(o, "crv")) {
                    (Some("RSA"), _) => match (
                        str_field(o, "n").and_then(b64),
                        str_field(o, "e").and_then(b64),
                    ) {
                        (Some(n), Some(e)) => JwkKey::Rsa { n, e },
                        _ => JwkKey::Unsupported,
                    },
                    (Some("EC"), Some("P-256")) => match (
                        str_field(o, "x").and_then(b64),
                        str_field(o, "y").and_then(b64),
                    ) {
                        (Some(x), Some(y)) => JwkKey::P256 { x, y },
                        _ => JwkKey::Unsupported,
                    },
                    (Some("EC"), Some("P-384")) => match (
                        str_field(o, "x").and_then(b64),
                        str_field(o, "y").and_then(b64),
                    ) {
                        (Some(x), Some(y)) => JwkKey::P384 { x, y },
                        _ => JwkKey::Unsupported,
                    },
                    _ => JwkKey::Unsupported,
                };
                Jwk {
                    kid: str_field(o, "kid").map(str::to_owned),
                    alg: str_field(o, "alg").map(str::to_owned),
                    key,
                }
            })
            .collect();
        Ok(Self { keys })
    }

    /// Whether the set has the key a token with header `kid` needs (the server refetches a
    /// provider's keys when it does not: a rotated key).
    pub fn has_key(&self, kid: Option<&str>) -> bool {
        self.select(kid).is_some()
    }

    /// The key for `kid`; without a `kid`, the only key of a one-key set (§6.3 step 3).
    fn select(&self, kid: Option<&str>) -> Option<&Jwk> {
        match kid {
            Some(kid) => self.keys.iter().find(|k| k.kid.as_deref() == Some(kid)),
            None => match self.keys.as_slice() {
                [only] => Some(only),
                _ => None,
            },
        }
    }
}

/// A parsed, not yet verified JWS.
struct Parsed<'a> {
    header: Map<String, Value>,
    claims: Map<String, Value>,
    signing_input: &'a str,
    signature: Vec<u8>,
}

fn parse(jwt: &str) -> Result<Parsed<'_>, OidcError> {
    if jwt.len() > MAX_TOKEN_CHARS {
        return Err(OidcError::Malformed);
    }
    let mut parts = jwt.split('.');
    let (Some(h), Some(p), Some(s), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(OidcError::Malformed);
    };
    let object = |part: &str| -> Result<Map<String, Value>, OidcError> {
        let bytes = URL_SAFE_NO_PAD
            .decode(part)
            .map_err(|_| OidcError::Malformed)?;
        match serde_json::from_slice(&bytes) {
            Ok(Value::Object(o)) => Ok(o),
            _ => Err(OidcError::Malformed),
        }
    };
    let header = object(h)?;
    let claims = object(p)?;
    let signature = URL_SAFE_NO_PAD
        .decode(s)
        .map_err(|_| OidcError::Malformed)?;
    let signing_input = jwt
        .get(..h.len() + 1 + p.len())
        .ok_or(OidcError::Malformed)?;
    Ok(Parsed {
        header,
        claims,
        signing_input,
        signature,
    })
}

/// The token's `iss` claim, exactly as in the token, for the provider lookup (§6.3 step 2).
/// Nothing is verified yet.
pub fn token_issuer(jwt: &str) -> Result<String, OidcError> {
    let parsed = parse(jwt)?;
    str_field(&parsed.claims, "iss")
        .map(str::to_owned)
        .ok_or(OidcError::Malformed)
}

/// The header's `kid` (`None` without one), to pick or refresh the provider's key set.
/// Nothing is verified yet.
pub fn token_key_id(jwt: &str) -> Result<Option<String>, OidcError> {
    let parsed = parse(jwt)?;
    match parsed.header.get("kid") {
        None => Ok(None),
        Some(Value::String(k)) => Ok(Some(k.clone())),
        Some(_) => Err(OidcError::Malformed),
    }
}

/// The provider URL an issuer designates: `iss` without `https://` (§6.3 step 2).
pub fn issuer_url(iss: &str) -> &str {
    iss.strip_prefix("https://").unwrap_or(iss)
}

/// What a verified token contributes to the session (§6.3 steps 6–7, policy.md §5.7).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct WebIdentityClaims {
    /// `iss` as in the token.
    pub issuer: String,
    /// `sub` (`SubjectFromWebIdentityToken`).
    pub subject: String,
    /// The matched client id (`Audience` of the result, `<prefix>:aud`).
    pub audience: String,
    /// The `aud` entries of the token.
    pub token_audiences: Vec<String>,
    /// `azp`, when present.
    pub azp: Option<String>,
    /// `amr` (string or array in the token).
    pub amr: Vec<String>,
    /// `exp`.
    pub expires_at: i64,
    /// Session tags from `https://aws.amazon.com/tags` `principal_tags`.
    pub tags: Vec<(String, String)>,
    /// Transitive keys from `https://aws.amazon.com/tags` `transitive_tag_keys`.
    pub transitive_tag_keys: Vec<String>,
    /// `https://aws.amazon.com/source_identity`.
    pub source_identity: Option<String>,
}

impl WebIdentityClaims {
    /// The trust-policy condition keys of the call (§6.3 step 8, policy.md §5.7):
    /// `aws:FederatedProvider`, `<prefix>:aud`, `<prefix>:sub`, `<prefix>:amr`, and for
    /// Google `accounts.google.com:azp` / `:oaud`. The session-tag and source-identity keys
    /// come from the tags like any AssumeRole* call.
    pub fn condition_keys(&self, provider: &OidcProvider) -> Vec<(String, Vec<String>)> {
        let prefix = &provider.url;
        let mut keys = vec![
            (
                "aws:FederatedProvider".to_owned(),
                vec![provider.arn.clone()],
            ),
            (format!("{prefix}:aud"), vec![self.audience.clone()]),
            (format!("{prefix}:sub"), vec![self.subject.clone()]),
        ];
        if !self.amr.is_empty() {
            keys.push((format!("{prefix}:amr"), self.amr.clone()));
        }
        if prefix == GOOGLE
            && let Some(azp) = &self.azp
        {
            keys.push((format!("{prefix}:azp"), vec![azp.clone()]));
            keys.push((format!("{prefix}:oaud"), self.token_audiences.clone()));
        }
        keys
    }

    /// The federation data the session keeps (§7.5).
    pub fn federation(&self, provider: &OidcProvider) -> Federation {
        Federation::WebIdentity {
            provider: provider.arn.clone(),
            prefix: provider.url.clone(),
            sub: self.subject.clone(),
            aud: self.audience.clone(),
            amr: self.amr.clone(),
        }
    }
}

fn numeric_date(claims: &Map<String, Value>, k: &str) -> Result<Option<i64>, OidcError> {
    match claims.get(k) {
        None => Ok(None),
        Some(v) => v
            .as_i64()
            .or_else(|| {
                v.as_f64()
                    .filter(|f| f.is_finite())
                    .map(|f| f.floor() as i64)
            })
            .map(Some)
            .ok_or(OidcError::Malformed),
    }
}

fn string_or_array(v: Option<&Value>) -> Result<Vec<String>, OidcError> {
    match v {
        None => Ok(Vec::new()),
        Some(Value::String(s)) => Ok(vec![s.clone()]),
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| i.as_str().map(str::to_owned).ok_or(OidcError::Malformed))
            .collect(),
        Some(_) => Err(OidcError::Malformed),
    }
}

fn verify_signature(parsed: &Parsed<'_>, jwks: &Jwks) -> Result<(), OidcError> {
    let alg = str_field(&parsed.header, "alg").ok_or(OidcError::Malformed)?;
    if !matches!(alg, "RS256" | "RS384" | "RS512" | "ES256" | "ES384") {
        return Err(OidcError::UnsupportedAlgorithm(alg.to_owned()));
    }
    let kid = match parsed.header.get("kid") {
        None => None,
        Some(Value::String(k)) => Some(k.as_str()),
        Some(_) => return Err(OidcError::Malformed),
    };
    let jwk = jwks.select(kid).ok_or(OidcError::KeyUnavailable)?;
    if jwk.alg.as_deref().is_some_and(|a| a != alg) {
        return Err(OidcError::BadSignature);
    }
    let msg = parsed.signing_input.as_bytes();
    let sig = parsed.signature.as_slice();
    match (&jwk.key, alg) {
        (JwkKey::Rsa { n, e }, "RS256" | "RS384" | "RS512") => {
            use rsa::pkcs1v15::{Signature, VerifyingKey};
            use rsa::signature::Verifier;
            use rsa::traits::PublicKeyParts;
            let key = rsa::RsaPublicKey::new(
                rsa::BigUint::from_bytes_be(n),
                rsa::BigUint::from_bytes_be(e),
            )
            .map_err(|_| OidcError::KeyUnavailable)?;
            if key.n().bits() < MIN_RSA_BITS {
                return Err(OidcError::KeyUnavailable);
            }
            let sig = Signature::try_from(sig).map_err(|_| OidcError::BadSignature)?;
            let ok = match alg {
                "RS256" => VerifyingKey::<sha2::Sha256>::new(key).verify(msg, &sig),
                "RS384" => VerifyingKey::<sha2::Sha384>::new(key).verify(msg, &sig),
                _ => VerifyingKey::<sha2::Sha512>::new(key).verify(msg, &sig),
            };
            ok.map_err(|_| OidcError::BadSignature)
        }
        (JwkKey::P256 { x, y }, "ES256") => {
            use p256::ecdsa::signature::Verifier;
            use p256::ecdsa::{Signature, VerifyingKey};
            let (Ok(x), Ok(y)) = (
                <[u8; 32]>::try_from(x.as_slice()),
                <[u8; 32]>::try_from(y.as_slice()),
            ) else {
                return Err(OidcError::KeyUnavailable);
            };
            let point = p256::EncodedPoint::from_affine_coordinates(&x.into(), &y.into(), false);
            let key =
                VerifyingKey::from_encoded_point(&point).map_err(|_| OidcError::KeyUnavailable)?;
            let sig = Signature::from_slice(sig).map_err(|_| OidcError::BadSignature)?;
            key.verify(msg, &sig).map_err(|_| OidcError::BadSignature)
        }
        (JwkKey::P384 { x, y }, "ES384") => {
            use p384::ecdsa::signature::Verifier;
            use p384::ecdsa::{Signature, VerifyingKey};
            let (Ok(x), Ok(y)) = (
                <[u8; 48]>::try_from(x.as_slice()),
                <[u8; 48]>::try_from(y.as_slice()),
            ) else {
                return Err(OidcError::KeyUnavailable);
            };
            let point = p384::EncodedPoint::from_affine_coordinates(&x.into(), &y.into(), false);
            let key =
                VerifyingKey::from_encoded_point(&point).map_err(|_| OidcError::KeyUnavailable)?;
            let sig = Signature::from_slice(sig).map_err(|_| OidcError::BadSignature)?;
            key.verify(msg, &sig).map_err(|_| OidcError::BadSignature)
        }
        // The key exists but does not fit the algorithm (an RSA key for ES256, …).
        _ => Err(OidcError::BadSignature),
    }
}

/// Session tags in order.
type Tags = Vec<(String, String)>;

fn aws_tags(claims: &Map<String, Value>) -> Result<(Tags, Vec<String>), OidcError> {
    let Some(v) = claims.get(TAGS_CLAIM) else {
        return Ok((Vec::new(), Vec::new()));
    };
    let o = v.as_object().ok_or(OidcError::Malformed)?;
    let tags = match o.get("principal_tags") {
        None => Vec::new(),
        Some(Value::Object(m)) => m
            .iter()
            .map(|(k, v)| match v.as_array().map(Vec::as_slice) {
                Some([Value::String(s)]) => Ok((k.clone(), s.clone())),
                _ => Err(OidcError::Malformed),
            })
            .collect::<Result<_, _>>()?,
        Some(_) => return Err(OidcError::Malformed),
    };
    let transitive = match o.get("transitive_tag_keys") {
        None => Vec::new(),
        Some(v @ Value::Array(_)) => string_or_array(Some(v))?,
        Some(_) => return Err(OidcError::Malformed),
    };
    if tags.len() > 50 || transitive.len() > 50 {
        return Err(OidcError::Malformed);
    }
    validate_session_tags(&tags, &transitive, &[])?;
    Ok((tags, transitive))
}

/// Verifies an AssumeRoleWithWebIdentity token against `provider` and its key set at `now`
/// (Unix seconds) and extracts what the session needs.
pub fn verify_web_identity_token(
    jwt: &str,
    provider: &OidcProvider,
    jwks: &Jwks,
    now: i64,
) -> Result<WebIdentityClaims, OidcError> {
    let parsed = parse(jwt)?;
    let claims = &parsed.claims;
    // 2. Issuer.
    let issuer = str_field(claims, "iss").ok_or(OidcError::Malformed)?;
    if issuer_url(issuer) != provider.url {
        return Err(OidcError::NoProvider(issuer.to_owned()));
    }
    // 3. Signature.
    verify_signature(&parsed, jwks)?;
    // 4. Audience (Google: `azp` when present, §6.3 step 4).
    let token_audiences = string_or_array(claims.get("aud"))?;
    let azp = match claims.get("azp") {
        None => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => return Err(OidcError::Malformed),
    };
    let candidates: Vec<&String> = match (&azp, provider.url == GOOGLE) {
        (Some(azp), true) => vec![azp],
        _ => token_audiences.iter().collect(),
    };
    let audience = candidates
        .into_iter()
        .find(|a| provider.client_ids.contains(a))
        .cloned()
        .ok_or(OidcError::Audience)?;
    // 5. Times.
    let exp = numeric_date(claims, "exp")?.ok_or(OidcError::MissingClaim("exp"))?;
    if now >= exp.saturating_add(LEEWAY_SECONDS) {
        return Err(OidcError::Expired { now, exp });
    }
    for k in ["nbf", "iat"] {
        if numeric_date(claims, k)?.is_some_and(|t| t > now.saturating_add(LEEWAY_SECONDS)) {
            return Err(OidcError::NotYetValid);
        }
    }
    // 6. Subject.
    let subject = match claims.get("sub") {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        Some(Value::String(_)) | None => return Err(OidcError::MissingClaim("sub")),
        Some(_) => return Err(OidcError::Malformed),
    };
    // 7. AWS claims.
    let amr = string_or_array(claims.get("amr"))?;
    let (tags, transitive_tag_keys) = aws_tags(claims)?;
    let source_identity = match claims.get(SOURCE_IDENTITY_CLAIM) {
        None => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => return Err(OidcError::Malformed),
    };
    Ok(WebIdentityClaims {
        issuer: issuer.to_owned(),
        subject,
        audience,
        token_audiences,
        azp,
        amr,
        expires_at: exp,
        tags,
        transitive_tag_keys,
        source_identity,
    })
}
