//! X.509 certificates and the private keys of server certificates (api.md §5.15).

use std::fmt;

use der::{Decode, Encode};
use rsa::pkcs1::DecodeRsaPrivateKey;
use rsa::traits::PublicKeyParts;
use sha2::{Digest, Sha256};
use spki::ObjectIdentifier;
use time::OffsetDateTime;
use x509_cert::Certificate;

use crate::pem;

/// `rsaEncryption` (RFC 8017).
pub(crate) const RSA_ENCRYPTION: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
/// `id-ecPublicKey` (RFC 5480).
const EC_PUBLIC_KEY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
/// `secp256r1` / P-256.
const SECP256R1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
/// `secp384r1` / P-384.
const SECP384R1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.34");

/// Why a certificate or key could not be read.
#[derive(Clone, Copy, Debug, Eq, PartialEq, thiserror::Error)]
pub enum CertError {
    /// Not exactly one PEM `CERTIFICATE` block, or its DER is not an X.509 certificate.
    #[error("the certificate is malformed")]
    MalformedCertificate,
    /// The chain is not a sequence of PEM `CERTIFICATE` blocks holding certificates.
    #[error("the certificate chain is malformed")]
    MalformedChain,
    /// Not exactly one PEM private-key block (PKCS#1 RSA, PKCS#8 or SEC1 EC), or an
    /// inconsistent key (an RSA modulus that is not the product of its primes, …).
    #[error("the private key is malformed")]
    MalformedPrivateKey,
}

/// The public-key algorithm of a certificate or private key.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum KeyAlgorithm {
    /// RSA with a modulus of `bits` bits.
    Rsa {
        /// The modulus size.
        bits: usize,
    },
    /// ECDSA on P-256.
    EcP256,
    /// ECDSA on P-384.
    EcP384,
    /// Anything else (other curves, Ed25519, DSA, …).
    Other,
}

#[derive(Clone, Debug, Eq, PartialEq)]
enum PublicKey {
    /// Big-endian modulus and exponent without leading zeros.
    Rsa {
        n: Vec<u8>,
        e: Vec<u8>,
    },
    P256(p256::PublicKey),
    P384(p384::PublicKey),
    Other,
}

/// A parsed X.509 certificate.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct ParsedCertificate {
    der: Vec<u8>,
    not_before: OffsetDateTime,
    not_after: OffsetDateTime,
    public_key: PublicKey,
}

impl ParsedCertificate {
    /// The certificate's DER encoding.
    pub fn der(&self) -> &[u8] {
        &self.der
    }

    /// Start of the validity period.
    pub fn not_before(&self) -> OffsetDateTime {
        self.not_before
    }

    /// End of the validity period (a server certificate's `Expiration`).
    pub fn not_after(&self) -> OffsetDateTime {
        self.not_after
    }

    /// Whether `now` lies within the validity period.
    pub fn is_valid_at(&self, now: OffsetDateTime) -> bool {
        self.not_before <= now && now <= self.not_after
    }

    /// The algorithm (and size) of the certified public key.
    pub fn key_algorithm(&self) -> KeyAlgorithm {
        match &self.public_key {
            PublicKey::Rsa { n, .. } => KeyAlgorithm::Rsa { bits: bit_len(n) },
            PublicKey::P256(_) => KeyAlgorithm::EcP256,
            PublicKey::P384(_) => KeyAlgorithm::EcP384,
            PublicKey::Other => KeyAlgorithm::Other,
        }
    }

    /// Lower-case hex SHA-256 of the DER: identifies "the same certificate" whatever its
    /// PEM wrapping.
    pub fn fingerprint_sha256(&self) -> String {
        Sha256::digest(&self.der)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// Whether `key` is the private half of the certified public key.
    pub fn matches(&self, key: &PrivateKey) -> bool {
        match (&self.public_key, &key.material) {
            (PublicKey::Rsa { n, e }, KeyMaterial::Rsa(private)) => {
                strip_zeros(&private.n().to_bytes_be()) == n.as_slice()
                    && strip_zeros(&private.e().to_bytes_be()) == e.as_slice()
            }
            (PublicKey::P256(public), KeyMaterial::P256(secret)) => secret.public_key() == *public,
            (PublicKey::P384(public), KeyMaterial::P384(secret)) => secret.public_key() == *public,
            _ => false,
        }
    }
}

/// A server certificate's private key. Its material is never shown by `Debug`.
pub struct PrivateKey {
    material: KeyMaterial,
}

enum KeyMaterial {
    Rsa(Box<rsa::RsaPrivateKey>),
    P256(p256::SecretKey),
    P384(p384::SecretKey),
}

impl PrivateKey {
    /// The key's algorithm (and size).
    pub fn key_algorithm(&self) -> KeyAlgorithm {
        match &self.material {
            KeyMaterial::Rsa(k) => KeyAlgorithm::Rsa { bits: k.n().bits() },
            KeyMaterial::P256(_) => KeyAlgorithm::EcP256,
            KeyMaterial::P384(_) => KeyAlgorithm::EcP384,
        }
    }
}

impl fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PrivateKey")
            .field("algorithm", &self.key_algorithm())
            .field("material", &"<redacted>")
            .finish()
    }
}

fn strip_zeros(bytes: &[u8]) -> &[u8] {
    let first = bytes.iter().position(|b| *b != 0).unwrap_or(bytes.len());
    bytes.get(first..).unwrap_or_default()
}

fn bit_len(big_endian: &[u8]) -> usize {
    let bytes = strip_zeros(big_endian);
    match bytes.first() {
        None => 0,
        Some(top) => (bytes.len() - 1) * 8 + (8 - top.leading_zeros() as usize),
    }
}

fn unix_time(t: x509_cert::time::Time) -> Option<OffsetDateTime> {
    let secs = i64::try_from(t.to_unix_duration().as_secs()).ok()?;
    OffsetDateTime::from_unix_timestamp(secs).ok()
}

fn certificate_from_der(der: Vec<u8>) -> Option<ParsedCertificate> {
    let cert = Certificate::from_der(&der).ok()?;
    let tbs = &cert.tbs_certificate;
    let spki = &tbs.subject_public_key_info;
    let key_bits = spki.subject_public_key.as_bytes()?;
    let public_key = match spki.algorithm.oid {
        RSA_ENCRYPTION => {
            let key = pkcs1::RsaPublicKey::from_der(key_bits).ok()?;
            PublicKey::Rsa {
                n: strip_zeros(key.modulus.as_bytes()).to_vec(),
                e: strip_zeros(key.public_exponent.as_bytes()).to_vec(),
            }
        }
        EC_PUBLIC_KEY => match spki
            .algorithm
            .parameters
            .as_ref()?
            .decode_as::<ObjectIdentifier>()
            .ok()?
        {
            SECP256R1 => PublicKey::P256(p256::PublicKey::from_sec1_bytes(key_bits).ok()?),
            SECP384R1 => PublicKey::P384(p384::PublicKey::from_sec1_bytes(key_bits).ok()?),
            _ => PublicKey::Other,
        },
        _ => PublicKey::Other,
    };
    // Re-encoding proves the DER was canonical enough to round-trip.
    let der = cert.to_der().ok()?;
    Some(ParsedCertificate {
        der,
        not_before: unix_time(tbs.validity.not_before)?,
        not_after: unix_time(tbs.validity.not_after)?,
        public_key,
    })
}

/// Parses a PEM certificate body: exactly one `CERTIFICATE` block.
pub fn parse_certificate(text: &str) -> Result<ParsedCertificate, CertError> {
    let mut blocks = pem::blocks(text).ok_or(CertError::MalformedCertificate)?;
    match (blocks.pop(), blocks.is_empty()) {
        (Some(block), true) if block.label == "CERTIFICATE" => {
            certificate_from_der(block.der).ok_or(CertError::MalformedCertificate)
        }
        _ => Err(CertError::MalformedCertificate),
    }
}

/// Parses a PEM certificate chain: one or more `CERTIFICATE` blocks, in order.
pub fn parse_certificate_chain(text: &str) -> Result<Vec<ParsedCertificate>, CertError> {
    let blocks = pem::blocks(text).ok_or(CertError::MalformedChain)?;
    if blocks.is_empty() {
        return Err(CertError::MalformedChain);
    }
    blocks
        .into_iter()
        .map(|b| {
            if b.label == "CERTIFICATE" {
                certificate_from_der(b.der).ok_or(CertError::MalformedChain)
            } else {
                Err(CertError::MalformedChain)
            }
        })
        .collect()
}

fn ec_key(curve: ObjectIdentifier, sec1_der: &[u8]) -> Option<KeyMaterial> {
    let key = sec1::EcPrivateKey::from_der(sec1_der).ok()?;
    // A curve named inside the SEC1 structure must agree with the outer one.
    if let Some(inner) = key.parameters.and_then(|p| p.named_curve())
        && inner != curve
    {
        return None;
    }
    match curve {
        SECP256R1 => Some(KeyMaterial::P256(
            p256::SecretKey::from_slice(key.private_key).ok()?,
        )),
        SECP384R1 => Some(KeyMaterial::P384(
            p384::SecretKey::from_slice(key.private_key).ok()?,
        )),
        _ => None,
    }
}

fn private_key_from(label: &str, der: &[u8]) -> Option<KeyMaterial> {
    match label {
        "RSA PRIVATE KEY" => Some(KeyMaterial::Rsa(Box::new(
            rsa::RsaPrivateKey::from_pkcs1_der(der).ok()?,
        ))),
        "PRIVATE KEY" => {
            let info = pkcs8::PrivateKeyInfo::try_from(der).ok()?;
            match info.algorithm.oid {
                RSA_ENCRYPTION => Some(KeyMaterial::Rsa(Box::new(
                    rsa::RsaPrivateKey::from_pkcs1_der(info.private_key).ok()?,
                ))),
                EC_PUBLIC_KEY => ec_key(info.algorithm.parameters_oid().ok()?, info.private_key),
                _ => None,
            }
        }
        "EC PRIVATE KEY" => {
            let key = sec1::EcPrivateKey::from_der(der).ok()?;
            let curve = key.parameters.and_then(|p| p.named_curve())?;
            ec_key(curve, der)
        }
        _ => None,
    }
}

/// Parses a PEM private key: exactly one unencrypted `RSA PRIVATE KEY` (PKCS#1),
/// `PRIVATE KEY` (PKCS#8, RSA or EC) or `EC PRIVATE KEY` (SEC1) block. RSA keys must be
/// consistent (the modulus is the product of the primes).
pub fn parse_private_key(text: &str) -> Result<PrivateKey, CertError> {
    let mut blocks = pem::blocks(text).ok_or(CertError::MalformedPrivateKey)?;
    match (blocks.pop(), blocks.is_empty()) {
        (Some(block), true) => private_key_from(&block.label, &block.der)
            .map(|material| PrivateKey { material })
            .ok_or(CertError::MalformedPrivateKey),
        _ => Err(CertError::MalformedPrivateKey),
    }
}
