//! Secret access keys and their encryption at rest.
//!
//! SigV4 verification needs the plaintext secret, so secrets cannot be hashed; they are
//! sealed with an AEAD (XChaCha20-Poly1305: a 192-bit nonce is safe to draw at random for
//! every secret) under a 32-byte key from configuration or a key file
//! ([`crate::keyfile`]). The access key id is bound as associated data, so a sealed secret
//! copied to another key's row fails to open.

use std::fmt;

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use rand::RngCore;
use zeroize::Zeroizing;

/// Format byte leading every sealed secret, so the format can evolve (key rotation).
const FORMAT_V1: u8 = 1;
const NONCE_LEN: usize = 24;
const TAG_LEN: usize = 16;
/// Domain separation for the associated data.
const AAD_PREFIX: &[u8] = b"warden/access-key/";

/// A plaintext secret access key. No `Display`, no `Serialize`; `Debug` is redacted and the
/// memory is zeroed on drop.
#[derive(Clone, Eq, PartialEq)]
pub struct SecretAccessKey(Zeroizing<String>);

impl SecretAccessKey {
    /// Wraps a secret.
    pub fn new(secret: String) -> Self {
        Self(Zeroizing::new(secret))
    }

    /// The secret text, for signing key derivation and for the one CreateAccessKey response.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SecretAccessKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretAccessKey(<redacted>)")
    }
}

/// A sealed secret as stored: format byte, nonce, ciphertext and tag.
#[derive(Clone, Eq, PartialEq)]
pub struct EncryptedSecret(Vec<u8>);

impl EncryptedSecret {
    /// Wraps stored bytes; [`SecretCipher::open`] checks them.
    pub fn from_bytes(bytes: Vec<u8>) -> Self {
        Self(bytes)
    }

    /// The bytes to store.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}

impl fmt::Debug for EncryptedSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EncryptedSecret({} bytes)", self.0.len())
    }
}

/// A 32-byte encryption key. `Debug` is redacted; zeroed on drop.
#[derive(Clone)]
pub struct CipherKey(Zeroizing<[u8; 32]>);

impl CipherKey {
    /// Length of the key in bytes.
    pub const LEN: usize = 32;

    /// Wraps raw key bytes.
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(Zeroizing::new(bytes))
    }

    /// A fresh random key from the CSPRNG.
    pub fn generate() -> Self {
        let mut bytes = Zeroizing::new([0u8; 32]);
        rand::rng().fill_bytes(bytes.as_mut());
        Self(bytes)
    }

    /// Parses 64 hexadecimal digits (the key file and configuration format); surrounding
    /// whitespace is ignored.
    pub fn from_hex(text: &str) -> Result<Self, CipherError> {
        let text = text.trim().as_bytes();
        if text.len() != 2 * Self::LEN {
            return Err(CipherError::KeyFormat);
        }
        let mut bytes = Zeroizing::new([0u8; 32]);
        for (byte, pair) in bytes.iter_mut().zip(text.chunks_exact(2)) {
            let (Some(hi), Some(lo)) = (
                pair.first().and_then(|c| hex_value(*c)),
                pair.get(1).and_then(|c| hex_value(*c)),
            ) else {
                return Err(CipherError::KeyFormat);
            };
            *byte = (hi << 4) | lo;
        }
        Ok(Self(bytes))
    }

    /// The key as 64 lower-case hexadecimal digits, for writing a new key file.
    pub fn to_hex(&self) -> Zeroizing<String> {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut text = Zeroizing::new(String::with_capacity(2 * Self::LEN));
        for byte in self.0.iter() {
            for nibble in [byte >> 4, byte & 0x0f] {
                text.push(char::from(
                    DIGITS.get(usize::from(nibble)).copied().unwrap_or(b'0'),
                ));
            }
        }
        text
    }
}

fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

impl fmt::Debug for CipherKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CipherKey(<redacted>)")
    }
}

/// Why a secret could not be sealed or opened, or a key not read.
#[derive(Clone, Copy, Debug, Eq, PartialEq, thiserror::Error)]
pub enum CipherError {
    /// The stored bytes do not have the sealed-secret layout or an unknown format byte.
    #[error("sealed secret has an unknown format")]
    Format,
    /// The key is not 64 hexadecimal digits.
    #[error("encryption key must be 64 hexadecimal digits")]
    KeyFormat,
    /// Authentication failed: wrong key, tampered bytes, or a secret sealed for another
    /// access key id.
    #[error("sealed secret does not open with this key")]
    Open,
    /// The AEAD refused to encrypt (message too long; cannot happen for 40-byte secrets).
    #[error("secret could not be sealed")]
    Seal,
    /// The opened secret is not UTF-8.
    #[error("opened secret is not text")]
    Text,
}

/// Seals and opens secret access keys. The access key id is bound to the ciphertext.
pub trait SecretCipher: fmt::Debug + Send + Sync {
    /// Encrypts `secret` for the key `access_key_id`.
    fn seal(
        &self,
        access_key_id: &str,
        secret: &SecretAccessKey,
    ) -> Result<EncryptedSecret, CipherError>;
    /// Decrypts a secret sealed for `access_key_id`.
    fn open(
        &self,
        access_key_id: &str,
        sealed: &EncryptedSecret,
    ) -> Result<SecretAccessKey, CipherError>;
}

/// XChaCha20-Poly1305 with a random nonce per secret.
#[derive(Clone, Debug)]
pub struct AeadCipher {
    key: CipherKey,
}

impl AeadCipher {
    /// A cipher using `key`.
    pub fn new(key: CipherKey) -> Self {
        Self { key }
    }

    fn aead(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(Key::from_slice(self.key.0.as_ref()))
    }
}

fn associated_data(access_key_id: &str) -> Vec<u8> {
    [AAD_PREFIX, access_key_id.as_bytes()].concat()
}

impl SecretCipher for AeadCipher {
    fn seal(
        &self,
        access_key_id: &str,
        secret: &SecretAccessKey,
    ) -> Result<EncryptedSecret, CipherError> {
        let mut nonce = [0u8; NONCE_LEN];
        rand::rng().fill_bytes(&mut nonce);
        let aad = associated_data(access_key_id);
        let ciphertext = self
            .aead()
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: secret.expose().as_bytes(),
                    aad: &aad,
                },
            )
            .map_err(|_| CipherError::Seal)?;
        let mut sealed = Vec::with_capacity(1 + NONCE_LEN + ciphertext.len());
        sealed.push(FORMAT_V1);
        sealed.extend_from_slice(&nonce);
        sealed.extend_from_slice(&ciphertext);
        Ok(EncryptedSecret(sealed))
    }

    fn open(
        &self,
        access_key_id: &str,
        sealed: &EncryptedSecret,
    ) -> Result<SecretAccessKey, CipherError> {
        let Some((&FORMAT_V1, rest)) = sealed.0.split_first() else {
            return Err(CipherError::Format);
        };
        if rest.len() < NONCE_LEN + TAG_LEN {
            return Err(CipherError::Format);
        }
        let (nonce, ciphertext) = rest.split_at(NONCE_LEN);
        let aad = associated_data(access_key_id);
        let plain = Zeroizing::new(
            self.aead()
                .decrypt(
                    XNonce::from_slice(nonce),
                    Payload {
                        msg: ciphertext,
                        aad: &aad,
                    },
                )
                .map_err(|_| CipherError::Open)?,
        );
        let text = std::str::from_utf8(&plain).map_err(|_| CipherError::Text)?;
        Ok(SecretAccessKey::new(text.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    fn cipher() -> AeadCipher {
        AeadCipher::new(CipherKey::from_bytes([7; 32]))
    }

    #[test]
    fn round_trip() {
        let sealed = cipher()
            .seal("AKIAEXAMPLE", &SecretAccessKey::new(SECRET.into()))
            .unwrap();
        assert_eq!(
            cipher().open("AKIAEXAMPLE", &sealed).unwrap().expose(),
            SECRET
        );
    }

    #[test]
    fn ciphertext_does_not_contain_the_secret_and_nonces_differ() {
        let secret = SecretAccessKey::new(SECRET.into());
        let a = cipher().seal("AKIAEXAMPLE", &secret).unwrap();
        let b = cipher().seal("AKIAEXAMPLE", &secret).unwrap();
        assert_ne!(a, b);
        assert!(
            !a.as_bytes()
                .windows(SECRET.len())
                .any(|w| w == SECRET.as_bytes())
        );
    }

    #[test]
    fn another_key_id_does_not_open() {
        let sealed = cipher()
            .seal("AKIAEXAMPLE", &SecretAccessKey::new(SECRET.into()))
            .unwrap();
        assert_eq!(cipher().open("AKIAOTHER", &sealed), Err(CipherError::Open));
    }

    #[test]
    fn another_cipher_key_does_not_open() {
        let sealed = cipher()
            .seal("AKIAEXAMPLE", &SecretAccessKey::new(SECRET.into()))
            .unwrap();
        let other = AeadCipher::new(CipherKey::from_bytes([8; 32]));
        assert_eq!(other.open("AKIAEXAMPLE", &sealed), Err(CipherError::Open));
    }

    #[test]
    fn tampering_is_detected() {
        let sealed = cipher()
            .seal("AKIAEXAMPLE", &SecretAccessKey::new(SECRET.into()))
            .unwrap();
        let mut bytes = sealed.as_bytes().to_vec();
        *bytes.last_mut().unwrap() ^= 1;
        let tampered = EncryptedSecret::from_bytes(bytes);
        assert_eq!(
            cipher().open("AKIAEXAMPLE", &tampered),
            Err(CipherError::Open)
        );
    }

    #[test]
    fn unknown_format_is_rejected() {
        for bytes in [vec![], vec![2; 60], vec![1; 10]] {
            let sealed = EncryptedSecret::from_bytes(bytes);
            assert_eq!(
                cipher().open("AKIAEXAMPLE", &sealed),
                Err(CipherError::Format)
            );
        }
    }

    #[test]
    fn debug_is_redacted() {
        let secret = SecretAccessKey::new(SECRET.into());
        assert!(!format!("{secret:?}").contains("wJalr"));
        let key = CipherKey::from_bytes([0xab; 32]);
        assert!(!format!("{key:?}").contains("ab"));
    }

    #[test]
    fn hex_round_trip() {
        let key = CipherKey::generate();
        let again = CipherKey::from_hex(&key.to_hex()).unwrap();
        assert_eq!(key.0.as_ref(), again.0.as_ref());
        assert_eq!(
            CipherKey::from_hex("00").unwrap_err(),
            CipherError::KeyFormat
        );
        assert_eq!(
            CipherKey::from_hex(&"g".repeat(64)).unwrap_err(),
            CipherError::KeyFormat
        );
    }
}
