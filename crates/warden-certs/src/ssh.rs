//! SSH public keys for UploadSSHPublicKey (api.md §5.15): OpenSSH `ssh-rsa` lines and
//! PEM-encoded RSA public keys, 2048–16384 bits.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use der::asn1::{AnyRef, BitStringRef, UintRef};
use der::{Decode, Encode};
use md5::{Digest, Md5};
use spki::{AlgorithmIdentifierRef, SubjectPublicKeyInfoRef};

use crate::pem;
use crate::x509::RSA_ENCRYPTION;

/// Smallest accepted modulus (AWS CodeCommit requires 2048 bits; api.md §5.15 `VERIFY`).
const MIN_BITS: usize = 2048;
/// Largest accepted modulus (api.md §5.15).
const MAX_BITS: usize = 16384;
/// The OpenSSH key type this service accepts.
const SSH_RSA: &str = "ssh-rsa";

/// Why an SSH public key was refused; the two wire errors of api.md §5.15.
#[derive(Clone, Copy, Debug, Eq, PartialEq, thiserror::Error)]
pub enum SshKeyError {
    /// Not an OpenSSH `ssh-rsa` line nor a PEM RSA public key
    /// (`UnrecognizedPublicKeyEncoding`).
    #[error("the public key encoding is unsupported or unrecognized")]
    Unrecognized,
    /// Recognised, but not a usable key: a broken blob, a bad exponent, a modulus outside
    /// 2048–16384 bits (`InvalidPublicKey`).
    #[error("the public key is malformed or otherwise invalid")]
    Invalid,
}

/// A parsed RSA SSH public key.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct SshPublicKey {
    /// Modulus and exponent, big-endian without leading zeros.
    n: Vec<u8>,
    e: Vec<u8>,
}

impl SshPublicKey {
    /// The modulus size in bits.
    pub fn bits(&self) -> usize {
        bit_len(&self.n)
    }

    /// The OpenSSH wire blob: `string "ssh-rsa", mpint e, mpint n` (RFC 4253 §6.6).
    pub fn blob(&self) -> Vec<u8> {
        let mut out = Vec::new();
        put_string(&mut out, SSH_RSA.as_bytes());
        put_mpint(&mut out, &self.e);
        put_mpint(&mut out, &self.n);
        out
    }

    /// AWS's `Fingerprint`: MD5 of the blob as colon-separated lower-case hex pairs.
    pub fn fingerprint(&self) -> String {
        Md5::digest(self.blob())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<Vec<_>>()
            .join(":")
    }

    /// The key as an OpenSSH line without comment: `ssh-rsa AAAA…`.
    pub fn to_openssh(&self) -> String {
        format!("{SSH_RSA} {}", STANDARD.encode(self.blob()))
    }

    /// The key as a PEM `PUBLIC KEY` (X.509 SubjectPublicKeyInfo) block.
    pub fn to_pem(&self) -> Result<String, SshKeyError> {
        let invalid = |_| SshKeyError::Invalid;
        let rsa = pkcs1::RsaPublicKey {
            modulus: UintRef::new(&self.n).map_err(invalid)?,
            public_exponent: UintRef::new(&self.e).map_err(invalid)?,
        }
        .to_der()
        .map_err(invalid)?;
        let spki = SubjectPublicKeyInfoRef {
            algorithm: AlgorithmIdentifierRef {
                oid: RSA_ENCRYPTION,
                parameters: Some(AnyRef::NULL),
            },
            subject_public_key: BitStringRef::from_bytes(&rsa).map_err(invalid)?,
        }
        .to_der()
        .map_err(invalid)?;
        Ok(pem::encode("PUBLIC KEY", &spki))
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

fn put_string(out: &mut Vec<u8>, bytes: &[u8]) {
    let len = u32::try_from(bytes.len()).unwrap_or(u32::MAX);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(bytes);
}

/// A positive mpint: minimal big-endian bytes, with a zero byte when the top bit is set.
fn put_mpint(out: &mut Vec<u8>, magnitude: &[u8]) {
    let magnitude = strip_zeros(magnitude);
    if magnitude.first().is_some_and(|b| b & 0x80 != 0) {
        let mut padded = Vec::with_capacity(magnitude.len() + 1);
        padded.push(0);
        padded.extend_from_slice(magnitude);
        put_string(out, &padded);
    } else {
        put_string(out, magnitude);
    }
}

/// Reads SSH wire strings off the front of a blob.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn string(&mut self) -> Option<&'a [u8]> {
        let (len, rest) = self.0.split_first_chunk::<4>()?;
        let len = usize::try_from(u32::from_be_bytes(*len)).ok()?;
        let (value, rest) = rest.split_at_checked(len)?;
        self.0 = rest;
        Some(value)
    }

    /// A positive mpint (a negative one, with the top bit set, is refused).
    fn positive_mpint(&mut self) -> Option<&'a [u8]> {
        let value = self.string()?;
        if value.first().is_some_and(|b| b & 0x80 != 0) {
            return None;
        }
        Some(strip_zeros(value))
    }
}

fn checked(n: &[u8], e: &[u8]) -> Result<SshPublicKey, SshKeyError> {
    let n = strip_zeros(n);
    let e = strip_zeros(e);
    // An RSA modulus is odd; the exponent is odd and greater than one.
    let odd = |v: &[u8]| v.last().is_some_and(|b| b & 1 == 1);
    if !odd(n) || !odd(e) || e == [1] || e.len() > n.len() {
        return Err(SshKeyError::Invalid);
    }
    let key = SshPublicKey {
        n: n.to_vec(),
        e: e.to_vec(),
    };
    if !(MIN_BITS..=MAX_BITS).contains(&key.bits()) {
        return Err(SshKeyError::Invalid);
    }
    Ok(key)
}

fn from_openssh(text: &str) -> Result<SshPublicKey, SshKeyError> {
    let mut fields = text.split_ascii_whitespace();
    let (Some(kind), Some(data)) = (fields.next(), fields.next()) else {
        return Err(SshKeyError::Unrecognized);
    };
    if kind != SSH_RSA {
        return Err(SshKeyError::Unrecognized);
    }
    let blob = STANDARD
        .decode(data)
        .map_err(|_| SshKeyError::Unrecognized)?;
    let mut reader = Reader(&blob);
    if reader.string() != Some(SSH_RSA.as_bytes()) {
        return Err(SshKeyError::Invalid);
    }
    let e = reader.positive_mpint().ok_or(SshKeyError::Invalid)?;
    let n = reader.positive_mpint().ok_or(SshKeyError::Invalid)?;
    if !reader.0.is_empty() {
        return Err(SshKeyError::Invalid);
    }
    checked(n, e)
}

fn from_pkcs1(der: &[u8]) -> Result<SshPublicKey, SshKeyError> {
    let key = pkcs1::RsaPublicKey::from_der(der).map_err(|_| SshKeyError::Invalid)?;
    checked(key.modulus.as_bytes(), key.public_exponent.as_bytes())
}

fn from_pem(text: &str) -> Result<SshPublicKey, SshKeyError> {
    let mut blocks = pem::blocks(text).ok_or(SshKeyError::Unrecognized)?;
    let (Some(block), true) = (blocks.pop(), blocks.is_empty()) else {
        return Err(SshKeyError::Unrecognized);
    };
    match block.label.as_str() {
        "PUBLIC KEY" => {
            let spki = SubjectPublicKeyInfoRef::from_der(&block.der)
                .map_err(|_| SshKeyError::Unrecognized)?;
            if spki.algorithm.oid != RSA_ENCRYPTION {
                return Err(SshKeyError::Unrecognized);
            }
            from_pkcs1(
                spki.subject_public_key
                    .as_bytes()
                    .ok_or(SshKeyError::Invalid)?,
            )
        }
        "RSA PUBLIC KEY" => from_pkcs1(&block.der),
        _ => Err(SshKeyError::Unrecognized),
    }
}

/// Parses an SSH public key body: an OpenSSH `ssh-rsa AAAA… [comment]` line, or a PEM
/// `PUBLIC KEY` (SubjectPublicKeyInfo) / `RSA PUBLIC KEY` (PKCS#1) block.
pub fn parse_ssh_public_key(text: &str) -> Result<SshPublicKey, SshKeyError> {
    let text = text.trim();
    if text.starts_with("-----BEGIN ") {
        from_pem(text)
    } else {
        from_openssh(text)
    }
}
