//! Secrets and the derived signing key (api.md §2.5 step 3).

use std::fmt;

use hmac::{Hmac, Mac};
use sha2::Sha256;
use zeroize::{Zeroize, Zeroizing};

pub(crate) type HmacSha256 = Hmac<Sha256>;

/// Starts an HMAC-SHA256 computation.
#[expect(
    clippy::expect_used,
    reason = "HMAC is defined for keys of any length; new_from_slice cannot fail"
)]
pub(crate) fn hmac(key: &[u8]) -> HmacSha256 {
    // INVARIANT: `Hmac<Sha256>` hashes long keys and pads short ones, so no length is invalid.
    HmacSha256::new_from_slice(key).expect("HMAC accepts any key length")
}

fn hmac_once(key: &[u8], data: &[u8]) -> [u8; 32] {
    let mut mac = hmac(key);
    mac.update(data);
    mac.finalize().into_bytes().into()
}

/// A secret access key in clear. `Debug` is redacted, there is no `Display`, and the bytes are
/// zeroized on drop. The server decrypts it from the store just before verifying.
#[derive(Clone)]
pub struct SecretKey(String);

impl Drop for SecretKey {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl SecretKey {
    /// Wraps a secret access key (e.g. `wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY`).
    pub fn new(secret: impl Into<String>) -> Self {
        Self(secret.into())
    }

    /// The secret itself; handle with care (never log it).
    pub fn expose_secret(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretKey(<redacted>)")
    }
}

/// `kSigning` for one `(secret, date, region, service)`: what a server may cache to avoid the
/// four HMACs of derivation per request. Remembers its scope so that a cached key can't be
/// used for a request with another scope by mistake. Zeroized on drop, `Debug` redacted.
#[derive(Clone)]
pub struct SigningKey {
    key: [u8; 32],
    /// `<yyyymmdd>/<region>/<service>`, not secret.
    scope: Box<str>,
}

impl SigningKey {
    /// The credential scope (`<yyyymmdd>/<region>/<service>`) this key was derived for.
    pub fn scope(&self) -> &str {
        &self.scope
    }

    pub(crate) fn bytes(&self) -> &[u8; 32] {
        &self.key
    }

    /// Whether this key was derived for the scope `date/region/service` (a server checks a
    /// cached key before using it).
    pub fn matches(&self, date: &str, region: &str, service: &str) -> bool {
        let mut it = self.scope.splitn(3, '/');
        it.next() == Some(date) && it.next() == Some(region) && it.next() == Some(service)
    }
}

impl Drop for SigningKey {
    fn drop(&mut self) {
        self.key.zeroize();
    }
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SigningKey")
            .field("key", &"<redacted>")
            .field("scope", &self.scope)
            .finish()
    }
}

/// Derives the SigV4 signing key: `HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region),
/// service), "aws4_request")`. The scope values are used exactly as they appear in the
/// credential (api.md §2.5 step 3).
pub fn signing_key(secret: &SecretKey, date: &str, region: &str, service: &str) -> SigningKey {
    let mut k_secret = Zeroizing::new(Vec::with_capacity(4 + secret.0.len()));
    k_secret.extend_from_slice(b"AWS4");
    k_secret.extend_from_slice(secret.0.as_bytes());
    let mut k = Zeroizing::new(hmac_once(&k_secret, date.as_bytes()));
    *k = hmac_once(&*k, region.as_bytes());
    *k = hmac_once(&*k, service.as_bytes());
    let key = hmac_once(&*k, b"aws4_request");
    SigningKey {
        key,
        scope: format!("{date}/{region}/{service}").into_boxed_str(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_is_redacted() {
        let secret = SecretKey::new("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        let debug = format!("{secret:?}");
        assert!(!debug.contains("wJalr"), "{debug}");
        let key = signing_key(&secret, "20150830", "us-east-1", "iam");
        let debug = format!("{key:?}");
        assert!(!debug.contains(&hex::encode(key.bytes())), "{debug}");
        assert!(debug.contains("20150830/us-east-1/iam"), "{debug}");
    }

    #[test]
    fn scope_matching_is_exact() {
        let key = signing_key(&SecretKey::new("s"), "20150830", "us-east-1", "iam");
        assert!(key.matches("20150830", "us-east-1", "iam"));
        assert!(!key.matches("20150830", "us-east-1", "sts"));
        assert!(!key.matches("20150831", "us-east-1", "iam"));
        assert!(!key.matches("20150830", "us-east-2", "iam"));
    }

    #[test]
    fn derivation_depends_on_every_input() {
        let s = SecretKey::new("secret");
        let base = *signing_key(&s, "20150830", "us-east-1", "iam").bytes();
        assert_ne!(
            base,
            *signing_key(&SecretKey::new("secreT"), "20150830", "us-east-1", "iam").bytes()
        );
        assert_ne!(
            base,
            *signing_key(&s, "20150831", "us-east-1", "iam").bytes()
        );
        assert_ne!(
            base,
            *signing_key(&s, "20150830", "us-east-2", "iam").bytes()
        );
        assert_ne!(
            base,
            *signing_key(&s, "20150830", "us-east-1", "sts").bytes()
        );
    }
}
