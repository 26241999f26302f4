//! Phase 2: clock skew and signature verification (api.md §2.4, §2.5).

use std::fmt::Write as _;
use std::time::SystemTime;

use hmac::Mac;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::canonical::{write_header, write_query, write_uri};
use crate::error::{Reason, SigV4Error};
use crate::parse::{ALGORITHM, AuthForm, ParsedRequest, Scope};
use crate::signing_key::{SecretKey, SigningKey, hmac, signing_key};
use crate::time::{format_basic, unix_seconds};

/// Allowed clock skew either way, inclusive (api.md §2.4).
const MAX_SKEW_SECS: i64 = 15 * 60;

/// SHA-256 of a request body, the `payload_sha256` argument of [`ParsedRequest::verify`].
/// Hash the raw bytes as received: a form body's `+` and `%20` are different bytes and the
/// client signed the bytes, not the decoded form (api.md §2.5 step 1.6).
pub fn payload_sha256(body: &[u8]) -> [u8; 32] {
    Sha256::digest(body).into()
}

/// A request whose signature verified. The caller still resolves the key/session (§2.7).
#[derive(Debug, Clone)]
pub struct Verified<'a> {
    request: ParsedRequest<'a>,
    payload_signed: bool,
}

impl<'a> Verified<'a> {
    /// The verified request's parsed authentication (access key id, scope, token, time).
    pub fn request(&self) -> &ParsedRequest<'a> {
        &self.request
    }

    /// The access key id the signature was made with.
    pub fn access_key_id(&self) -> &str {
        self.request.access_key_id()
    }

    /// The credential scope; `service` picks IAM or STS, `region` is `aws:RequestedRegion`.
    pub fn scope(&self) -> Scope<'_> {
        self.request.scope()
    }

    /// `X-Amz-Security-Token`, signed or not; required for `ASIA…` keys (§2.7).
    pub fn session_token(&self) -> Option<&str> {
        self.request.session_token()
    }

    /// `false` when the client sent `x-amz-content-sha256` with a non-hash value such as
    /// `UNSIGNED-PAYLOAD`: the spec uses it verbatim, so the body is then not covered by the
    /// signature and a cautious server may refuse the request.
    pub fn payload_signed(&self) -> bool {
        self.payload_signed
    }
}

fn is_hex64(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Lower-case hex into a fixed buffer (no allocation).
fn hex_lower(bytes: &[u8; 32]) -> [u8; 64] {
    let mut out = [0u8; 64];
    // `encode_to_slice` only fails on a wrong output length, which is fixed here.
    let _ = hex::encode_to_slice(bytes, &mut out);
    out
}

fn hex_str(buf: &[u8; 64]) -> &str {
    std::str::from_utf8(buf).unwrap_or("")
}

impl<'a> ParsedRequest<'a> {
    /// Checks the ±15-minute window around `now`, boundaries inclusive (api.md §2.4). Call
    /// it before looking up the key to keep AWS's error precedence (§2.8: time before
    /// `InvalidClientTokenId`); [`verify`](Self::verify) checks it again.
    pub fn check_time(&self, now: SystemTime) -> Result<(), SigV4Error> {
        let now = unix_seconds(now);
        let t = self.time;
        if t < now.saturating_sub(MAX_SKEW_SECS) {
            return Err(SigV4Error::mismatch(
                Reason::Expired,
                format!(
                    "Signature expired: {} is now earlier than {} ({} - 15 min.)",
                    self.amz_date(),
                    format_basic(now.saturating_sub(MAX_SKEW_SECS)),
                    format_basic(now)
                ),
            ));
        }
        if t > now.saturating_add(MAX_SKEW_SECS) {
            return Err(SigV4Error::mismatch(
                Reason::NotYetCurrent,
                format!(
                    "Signature not yet current: {} is still later than {} ({} + 15 min.)",
                    self.amz_date(),
                    format_basic(now.saturating_add(MAX_SKEW_SECS)),
                    format_basic(now)
                ),
            ));
        }
        Ok(())
    }

    /// Line 6 of the canonical request: `x-amz-content-sha256` verbatim when sent, else the
    /// hex SHA-256 of the body.
    fn payload_line<'b>(&'b self, computed: &'b [u8; 64]) -> &'b str {
        self.content_sha256.unwrap_or_else(|| hex_str(computed))
    }

    fn write_canonical_request(&self, out: &mut String, payload_hex: &str) {
        out.push_str(self.parts.method);
        out.push('\n');
        write_uri(out, self.parts.path);
        out.push('\n');
        write_query(out, self.parts.query, self.form == AuthForm::Query);
        out.push('\n');
        for name in self.signed_headers.split(';') {
            write_header(out, name, self.parts.headers);
        }
        out.push('\n');
        out.push_str(&self.signed_headers);
        out.push('\n');
        out.push_str(payload_hex);
    }

    /// The canonical request for a body with SHA-256 `payload_sha256` (for logs and tests).
    pub fn canonical_request(&self, payload_sha256: &[u8; 32]) -> String {
        let computed = hex_lower(payload_sha256);
        let mut out = String::with_capacity(self.capacity_hint());
        self.write_canonical_request(&mut out, self.payload_line(&computed));
        out
    }

    /// The string to sign for a body with SHA-256 `payload_sha256` (for logs and tests).
    pub fn string_to_sign(&self, payload_sha256: &[u8; 32]) -> String {
        let hash = hex_lower(&Sha256::digest(self.canonical_request(payload_sha256)).into());
        self.string_to_sign_from_hash(hex_str(&hash))
    }

    fn string_to_sign_from_hash(&self, canonical_hash: &str) -> String {
        let mut s = String::with_capacity(ALGORITHM.len() + 20 + self.scope_str().len() + 64);
        let _ = write!(
            s,
            "{ALGORITHM}\n{}\n{}\n{canonical_hash}",
            self.amz_date(),
            self.scope_str()
        );
        s
    }

    fn capacity_hint(&self) -> usize {
        // Encoding can grow the path and query threefold at worst; headers roughly keep size.
        let headers: usize = self
            .parts
            .headers
            .iter()
            .map(|(n, v)| n.len() + v.len() + 2)
            .sum();
        self.parts.method.len()
            + 3 * (self.parts.path.len() + self.parts.query.len())
            + headers
            + 2 * self.signed_headers.len()
            + 64
            + 8
    }

    /// Phase 2: derives the signing key from `secret` and verifies (see
    /// [`verify_with_key`](Self::verify_with_key)). `payload_sha256` is the SHA-256 of the
    /// raw body ([`payload_sha256`]); `now` is the server's clock.
    pub fn verify(
        self,
        secret: &SecretKey,
        payload_sha256: &[u8; 32],
        now: SystemTime,
    ) -> Result<Verified<'a>, SigV4Error> {
        self.check_time(now)?;
        let scope = self.scope();
        let key = signing_key(secret, scope.date, scope.region, scope.service);
        self.verify_with_key(&key, payload_sha256, now)
    }

    /// Phase 2 with a cached [`SigningKey`] (the server may cache one per access key and
    /// scope). Checks the time window, that `key` was derived for this request's scope, the
    /// `x-amz-content-sha256` header against the body, then compares signatures in constant
    /// time (upper-case hex accepted). Every failure is `SignatureDoesNotMatch`; on a
    /// signature mismatch the canonical request and string to sign are in
    /// [`SigV4Error::log_detail`], not in the wire message.
    pub fn verify_with_key(
        self,
        key: &SigningKey,
        payload_sha256: &[u8; 32],
        now: SystemTime,
    ) -> Result<Verified<'a>, SigV4Error> {
        self.check_time(now)?;
        let scope = self.scope();
        if !key.matches(scope.date, scope.region, scope.service) {
            return Err(SigV4Error::mismatch_logged(
                Reason::SigningKeyScope,
                format!(
                    "signing key derived for `{}`, request scoped to `{}`",
                    key.scope(),
                    self.scope_str()
                ),
            ));
        }
        let computed = hex_lower(payload_sha256);
        let mut payload_signed = true;
        if let Some(header) = self.content_sha256 {
            if is_hex64(header) {
                if !header.eq_ignore_ascii_case(hex_str(&computed)) {
                    return Err(SigV4Error::mismatch_logged(
                        Reason::PayloadHashMismatch,
                        format!(
                            "x-amz-content-sha256 `{header}` differs from the body's sha256 `{}`",
                            hex_str(&computed)
                        ),
                    ));
                }
            } else {
                payload_signed = false;
            }
        }
        let mut provided = [0u8; 32];
        if self.signature.len() != 64
            || hex::decode_to_slice(&*self.signature, &mut provided).is_err()
        {
            return Err(SigV4Error::mismatch_logged(
                Reason::MalformedSignature,
                format!("signature `{}` is not 64 hex characters", self.signature),
            ));
        }

        let mut canonical = String::with_capacity(self.capacity_hint());
        self.write_canonical_request(&mut canonical, self.payload_line(&computed));
        let canonical_hash = hex_lower(&Sha256::digest(canonical.as_bytes()).into());

        // The string to sign goes straight into the HMAC, piece by piece, without a buffer.
        let mut mac = hmac(key.bytes());
        mac.update(ALGORITHM.as_bytes());
        mac.update(b"\n");
        mac.update(self.amz_date().as_bytes());
        mac.update(b"\n");
        mac.update(self.scope_str().as_bytes());
        mac.update(b"\n");
        mac.update(&canonical_hash);
        let expected: [u8; 32] = mac.finalize().into_bytes().into();

        if bool::from(expected.ct_eq(&provided)) {
            Ok(Verified {
                request: self,
                payload_signed,
            })
        } else {
            let sts = self.string_to_sign_from_hash(hex_str(&canonical_hash));
            // AWS's optional debugging appendix (api.md §2.5), kept out of the wire message.
            Err(SigV4Error::mismatch_logged(
                Reason::Mismatch,
                format!(
                    "\n\nThe Canonical String for this request should have been\n'{canonical}'\n\nThe String-to-Sign should have been\n'{sts}'\n"
                ),
            ))
        }
    }
}
