//! Fetching an OIDC provider's signing keys for AssumeRoleWithWebIdentity (api.md §6.3
//! step 3): `https://<provider URL>/.well-known/openid-configuration`, then its `jwks_uri`,
//! both over HTTPS, with a per-process cache.
//!
//! # Certificate checks (the provider's thumbprints)
//!
//! AWS pins an OIDC provider's TLS certificate with the SHA-1 thumbprints registered on the
//! provider (api.md §5.13): the thumbprint of the top intermediate CA of the chain the IdP
//! serves (or of the certificate itself when it is self-signed). [`PinningVerifier`] does the
//! equivalent: the server certificate is accepted when the SHA-1 (lower-case hex) of **any
//! certificate the server presents** — leaf or intermediate — equals a registered
//! thumbprint, whatever its issuer, validity period or host name (the pin is stronger than
//! those checks, and self-signed IdPs are exactly the case pins exist for). When nothing
//! matches (or no thumbprint is registered), the chain must verify normally against the
//! operating system's root certificates with the host name, as AWS does for IdPs whose
//! certificate comes from a trusted root CA. The TLS handshake signature is always checked
//! against the presented leaf key.
//!
//! # Cache and refresh
//!
//! Keys are cached per provider URL and thumbprint list for [`FRESH_FOR`]. A token whose
//! `kid` is not in the cached set triggers a refetch (a rotated key), at most once per
//! [`REFETCH_EVERY`] per provider so that tokens with made-up `kid`s cannot make Warden hammer
//! the IdP. When a refetch fails, keys younger than [`STALE_UP_TO`] are still used; with
//! nothing cached, a failure is answered again for [`FAILURE_BACKOFF`] without retrying.
//!
//! Redirects are not followed; responses over [`MAX_BODY`] bytes are refused.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};
use std::time::{Duration, Instant};

use http_body_util::{BodyExt as _, Empty, Limited};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, SignatureScheme};
use sha1::{Digest as _, Sha1};
use warden_sts::oidc::Jwks;

/// How long fetched keys are used without asking the IdP again.
pub(crate) const FRESH_FOR: Duration = Duration::from_secs(3_600);
/// The shortest interval between two fetches for the same provider (unknown `kid`).
pub(crate) const REFETCH_EVERY: Duration = Duration::from_secs(30);
/// How long cached keys still serve when the IdP cannot be reached.
pub(crate) const STALE_UP_TO: Duration = Duration::from_secs(24 * 3_600);
/// With nothing cached, a failed fetch is answered again for this long without retrying
/// (a burst of tokens for an unreachable IdP makes one connection attempt, not one each).
pub(crate) const FAILURE_BACKOFF: Duration = Duration::from_secs(5);
/// The whole discovery + JWKS exchange must finish within this time.
const TIMEOUT: Duration = Duration::from_secs(10);
/// The largest discovery or JWKS document accepted.
const MAX_BODY: usize = 1024 * 1024;

/// Why no key set could be obtained.
#[derive(Clone, Debug, Eq, PartialEq, thiserror::Error)]
pub(crate) enum KeyFetchError {
    /// Connection refused, timeout, broken TLS or HTTP: `IDPCommunicationError` (retryable).
    #[error("could not reach the identity provider: {0}")]
    Communication(String),
    /// The server certificate matches no registered thumbprint and no trusted root.
    #[error("the identity provider's certificate matches no thumbprint")]
    Thumbprint,
    /// The IdP answered, but not with a usable discovery document or key set.
    #[error("the identity provider has no usable key set: {0}")]
    Unavailable(String),
}

struct Entry {
    keys: Arc<Jwks>,
    fetched: Instant,
}

/// The last fetch attempt for a provider: when, and its error if it failed.
type Attempt = (Instant, Option<KeyFetchError>);

/// Cached key sets by provider URL and thumbprints.
static CACHE: LazyLock<Mutex<HashMap<String, Entry>>> = LazyLock::new(Mutex::default);
/// The last fetch attempt per provider, for the refetch rate limit and the failure backoff.
static LAST_FETCH: LazyLock<Mutex<HashMap<String, Attempt>>> = LazyLock::new(Mutex::default);

fn cache_key(url: &str, thumbprints: &[String]) -> String {
    let mut prints: Vec<String> = thumbprints.iter().map(|t| t.to_lowercase()).collect();
    prints.sort();
    format!("{url}|{}", prints.join(","))
}

/// What to do for a token, given the cache and the last attempt.
#[derive(Debug, PartialEq, Eq)]
enum Plan {
    /// Answer with the cached set.
    UseCached,
    /// Fetch discovery and the key set now.
    Fetch,
    /// Nothing cached and the last attempt failed moments ago: answer its error again
    /// without contacting the IdP.
    FailFast(KeyFetchError),
}

/// The cache policy of the module documentation. `cached`: the cached set's age and
/// whether it holds the token's key; `last`: time since the last attempt and its error.
fn plan(
    cached: Option<(Duration, bool)>,
    last: Option<(Duration, Option<&KeyFetchError>)>,
) -> Plan {
    match cached {
        Some((age, has_kid)) => {
            if age < FRESH_FOR && has_kid {
                return Plan::UseCached;
            }
            let recently = last.is_some_and(|(since, _)| since < REFETCH_EVERY);
            if recently && age < STALE_UP_TO {
                // Unknown kid (or an expired entry) again within the rate limit: the cached
                // set answers, and the verifier refuses a token whose key it lacks.
                Plan::UseCached
            } else {
                Plan::Fetch
            }
        }
        None => match last {
            Some((since, Some(error))) if since < FAILURE_BACKOFF => Plan::FailFast(error.clone()),
            _ => Plan::Fetch,
        },
    }
}

/// The key set of the provider at `url` (registered form, without `https://`) that should
/// hold `kid` (the token header's key id; `None` when the token names none).
pub(crate) async fn provider_keys(
    url: &str,
    thumbprints: &[String],
    kid: Option<&str>,
) -> Result<Arc<Jwks>, KeyFetchError> {
    let key = cache_key(url, thumbprints);
    let now = Instant::now();
    let cached = CACHE.lock().ok().and_then(|c| {
        c.get(&key)
            .map(|e| (Arc::clone(&e.keys), now.duration_since(e.fetched)))
    });
    let last = LAST_FETCH.lock().ok().and_then(|m| m.get(&key).cloned());
    let decision = plan(
        cached.as_ref().map(|(keys, age)| (*age, keys.has_key(kid))),
        last.as_ref()
            .map(|(at, error)| (now.duration_since(*at), error.as_ref())),
    );
    match (decision, &cached) {
        (Plan::UseCached, Some((keys, _))) => return Ok(Arc::clone(keys)),
        (Plan::FailFast(error), _) => return Err(error),
        _ => {}
    }
    let fetched = fetch(url, thumbprints).await;
    if let Ok(mut m) = LAST_FETCH.lock() {
        m.insert(key.clone(), (now, fetched.as_ref().err().cloned()));
    }
    match fetched {
        Ok(keys) => {
            let keys = Arc::new(keys);
            if let Ok(mut c) = CACHE.lock() {
                c.insert(
                    key,
                    Entry {
                        keys: Arc::clone(&keys),
                        fetched: Instant::now(),
                    },
                );
            }
            Ok(keys)
        }
        Err(e) => match cached {
            Some((keys, age)) if age < STALE_UP_TO && !matches!(e, KeyFetchError::Thumbprint) => {
                tracing::warn!(provider = url, error = %e, "JWKS refresh failed; using cached keys");
                Ok(keys)
            }
            _ => Err(e),
        },
    }
}

/// Discovery, then the key set.
async fn fetch(url: &str, thumbprints: &[String]) -> Result<Jwks, KeyFetchError> {
    let work = async {
        let discovery_url = format!(
            "https://{}/.well-known/openid-configuration",
            url.trim_end_matches('/')
        );
        let discovery = get(&discovery_url, thumbprints).await?;
        let doc: serde_json::Value = serde_json::from_slice(&discovery)
            .map_err(|_| KeyFetchError::Unavailable("discovery document is not JSON".into()))?;
        let jwks_uri = doc
            .get("jwks_uri")
            .and_then(serde_json::Value::as_str)
            .ok_or_else(|| KeyFetchError::Unavailable("discovery has no jwks_uri".into()))?;
        let body = get(jwks_uri, thumbprints).await?;
        let text = std::str::from_utf8(&body)
            .map_err(|_| KeyFetchError::Unavailable("JWKS is not UTF-8".into()))?;
        Jwks::parse(text).map_err(|_| KeyFetchError::Unavailable("JWKS does not parse".into()))
    };
    tokio::time::timeout(TIMEOUT, work)
        .await
        .map_err(|_| KeyFetchError::Communication("timed out".into()))?
}

/// An `https://host[:port]/path` URL split for the request.
struct Target {
    host: String,
    port: u16,
    authority: String,
    path: String,
}

fn parse_https(url: &str) -> Result<Target, KeyFetchError> {
    let rest = url
        .strip_prefix("https://")
        .ok_or_else(|| KeyFetchError::Unavailable(format!("not an https URL: {url}")))?;
    let (authority, path) = match rest.find('/') {
        Some(i) => (rest.get(..i).unwrap_or(""), rest.get(i..).unwrap_or("/")),
        None => (rest, "/"),
    };
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) if !h.ends_with(']') || h.starts_with('[') => match p.parse::<u16>() {
            Ok(port) => (h, port),
            Err(_) => (authority, 443),
        },
        _ => (authority, 443),
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    if host.is_empty() {
        return Err(KeyFetchError::Unavailable(format!("no host in {url}")));
    }
    Ok(Target {
        host: host.to_owned(),
        port,
        authority: authority.to_owned(),
        path: path.to_owned(),
    })
}

fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// The operating system's trusted roots, loaded once; `None` when there are none.
static SYSTEM_VERIFIER: LazyLock<Option<Arc<WebPkiServerVerifier>>> = LazyLock::new(|| {
    let mut roots = rustls::RootCertStore::empty();
    let loaded = rustls_native_certs::load_native_certs();
    for cert in loaded.certs {
        // A root the platform lists but webpki cannot use is skipped, not fatal.
        let _ = roots.add(cert);
    }
    WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider())
        .build()
        .ok()
});

/// Accepts a server whose presented chain contains a pinned certificate, else whatever the
/// system roots accept (module documentation).
#[derive(Debug)]
pub(crate) struct PinningVerifier {
    thumbprints: Vec<String>,
    provider: Arc<CryptoProvider>,
    mismatch: Arc<std::sync::atomic::AtomicBool>,
}

/// The SHA-1 thumbprint of a DER certificate, lower-case hex (IAM's `ThumbprintList` form).
pub(crate) fn thumbprint(der: &[u8]) -> String {
    Sha1::digest(der)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl ServerCertVerifier for PinningVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let pinned = std::iter::once(end_entity)
            .chain(intermediates)
            .map(|c| thumbprint(c.as_ref()))
            .any(|t| self.thumbprints.iter().any(|p| p.eq_ignore_ascii_case(&t)));
        if pinned {
            return Ok(ServerCertVerified::assertion());
        }
        let verdict = match SYSTEM_VERIFIER.as_ref() {
            Some(system) => system.verify_server_cert(
                end_entity,
                intermediates,
                server_name,
                ocsp_response,
                now,
            ),
            None => Err(rustls::Error::InvalidCertificate(
                rustls::CertificateError::UnknownIssuer,
            )),
        };
        if verdict.is_err() {
            self.mismatch
                .store(true, std::sync::atomic::Ordering::Release);
        }
        verdict
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

fn communication(e: impl std::fmt::Display) -> KeyFetchError {
    KeyFetchError::Communication(e.to_string())
}

/// One `GET` over HTTPS with the pinning verifier; the body of a 200 answer.
async fn get(url: &str, thumbprints: &[String]) -> Result<Vec<u8>, KeyFetchError> {
    let target = parse_https(url)?;
    let mismatch = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let verifier = PinningVerifier {
        thumbprints: thumbprints.to_vec(),
        provider: provider(),
        mismatch: Arc::clone(&mismatch),
    };
    let config = rustls::ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .map_err(communication)?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth();
    let connector = tokio_rustls::TlsConnector::from(Arc::new(config));
    let server_name = ServerName::try_from(target.host.clone()).map_err(communication)?;
    let tcp = tokio::net::TcpStream::connect((target.host.as_str(), target.port))
        .await
        .map_err(communication)?;
    let tls = match connector.connect(server_name, tcp).await {
        Ok(tls) => tls,
        Err(_) if mismatch.load(std::sync::atomic::Ordering::Acquire) => {
            return Err(KeyFetchError::Thumbprint);
        }
        Err(e) => return Err(communication(e)),
    };
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(tls))
        .await
        .map_err(communication)?;
    tokio::spawn(async move {
        if let Err(e) = connection.await {
            tracing::debug!(error = %e, "IdP connection ended with an error");
        }
    });
    let request = hyper::Request::get(target.path.as_str())
        .header(hyper::header::HOST, target.authority.as_str())
        .header(hyper::header::ACCEPT, "application/json")
        .header(hyper::header::USER_AGENT, "warden-sts")
        .body(Empty::<Bytes>::new())
        .map_err(communication)?;
    let response = sender.send_request(request).await.map_err(communication)?;
    let status = response.status();
    let body = Limited::new(response.into_body(), MAX_BODY)
        .collect()
        .await
        .map_err(communication)?
        .to_bytes();
    if status != hyper::StatusCode::OK {
        return Err(if status.is_server_error() {
            KeyFetchError::Communication(format!("{url} answered {status}"))
        } else {
            KeyFetchError::Unavailable(format!("{url} answered {status}"))
        });
    }
    Ok(body.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_split_into_host_port_and_path() {
        let t = parse_https("https://localhost:8443/keys").unwrap();
        assert_eq!(
            (t.host.as_str(), t.port, t.path.as_str()),
            ("localhost", 8443, "/keys")
        );
        let t = parse_https("https://idp.example.com").unwrap();
        assert_eq!((t.port, t.path.as_str()), (443, "/"));
        assert_eq!(t.authority, "idp.example.com");
        assert!(parse_https("http://idp.example.com/keys").is_err());
    }

    #[test]
    fn thumbprints_are_lower_case_sha1_hex() {
        // SHA-1("abc").
        assert_eq!(
            thumbprint(b"abc"),
            "a9993e364706816aba3e25717850c26c9cd0d89d"
        );
    }

    const SECOND: Duration = Duration::from_secs(1);

    #[test]
    fn fresh_keys_with_the_kid_are_used() {
        assert_eq!(
            plan(Some((SECOND, true)), Some((SECOND, None))),
            Plan::UseCached
        );
    }

    #[test]
    fn unknown_kid_refetches_unless_fetched_recently() {
        assert_eq!(
            plan(Some((SECOND, false)), Some((SECOND, None))),
            Plan::UseCached
        );
        let long_ago = REFETCH_EVERY + SECOND;
        assert_eq!(
            plan(Some((long_ago, false)), Some((long_ago, None))),
            Plan::Fetch
        );
    }

    #[test]
    fn expired_entries_refetch_and_stale_ones_are_dropped() {
        let old = FRESH_FOR + SECOND;
        assert_eq!(plan(Some((old, true)), Some((old, None))), Plan::Fetch);
        // Just refreshed (and failed): the stale-but-usable set answers.
        assert_eq!(
            plan(Some((old, true)), Some((SECOND, None))),
            Plan::UseCached
        );
        let too_old = STALE_UP_TO + SECOND;
        assert_eq!(
            plan(Some((too_old, true)), Some((SECOND, None))),
            Plan::Fetch
        );
    }

    #[test]
    fn recent_failures_fail_fast_without_a_cache() {
        let error = KeyFetchError::Communication("refused".into());
        assert_eq!(
            plan(None, Some((SECOND, Some(&error)))),
            Plan::FailFast(error.clone())
        );
        let later = FAILURE_BACKOFF + SECOND;
        assert_eq!(plan(None, Some((later, Some(&error)))), Plan::Fetch);
        assert_eq!(plan(None, Some((SECOND, None))), Plan::Fetch);
        assert_eq!(plan(None, None), Plan::Fetch);
    }

    #[test]
    fn cache_keys_ignore_thumbprint_order_and_case() {
        assert_eq!(
            cache_key("a.example", &["BB".into(), "aa".into()]),
            cache_key("a.example", &["AA".into(), "bb".into()])
        );
    }
}
