//! XML Encryption (1.0 and 1.1) of SAML `EncryptedAssertion` elements, as IdPs such as Okta,
//! ADFS, Entra ID and Shibboleth produce them: the assertion is encrypted with a fresh AES
//! key (CBC or GCM), and that key is encrypted with RSA-OAEP to the service provider's key,
//! either inline (`EncryptedData/ds:KeyInfo/xenc:EncryptedKey`) or as a sibling
//! `xenc:EncryptedKey` of the `EncryptedData` (Shibboleth, referenced by
//! `ds:RetrievalMethod`).
//!
//! Pure: the caller passes the `EncryptedAssertion` node of the parsed `Response` and the
//! provider's decryption keys; the result is the serialized `saml:Assertion`, which the
//! caller parses and verifies like a plain one.
//!
//! Accepted algorithms:
//! - content: `xmlenc#aes128-cbc`, `xmlenc#aes192-cbc`, `xmlenc#aes256-cbc`,
//!   `xmlenc11#aes128-gcm`, `xmlenc11#aes256-gcm`;
//! - key transport: `xmlenc#rsa-oaep-mgf1p` (MGF1-SHA1) and `xmlenc11#rsa-oaep`, with the
//!   OAEP digest of `ds:DigestMethod` (SHA-1 by default, SHA-256, SHA-512), the MGF1 digest
//!   of `xenc11:MGF` (SHA-1 by default, SHA-256, SHA-512), and `xenc:OAEPparams` as the
//!   OAEP label. `xmlenc#rsa-1_5` is refused: PKCS#1 v1.5 encryption gives a padding
//!   oracle (Bleichenbacher) to anyone who can submit responses and observe the outcome.
//!
//! AES-CBC is not authenticated: an attacker holding a captured encrypted assertion can
//! submit modified ciphertexts and learn from the answers (Jager & Somorovsky, "How to
//! break XML Encryption", 2011). Callers must answer every failure of decryption and of the
//! decrypted assertion's parsing the same way, and prefer IdPs configured for AES-GCM.
//!
//! Defensive limits: a content `CipherValue` decodes to at most 1 MiB, an encrypted key to at
//! most 512 bytes (RSA-4096), and at most 8 `EncryptedKey` elements are considered (each one
//! costs an RSA decryption per key).

use std::fmt;

use aes_gcm::aead::consts::U12;
use aes_gcm::aead::{Aead, AeadCore};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use cbc::cipher::block_padding::NoPadding;
use cbc::cipher::{BlockCipher, BlockDecryptMut, BlockEncryptMut, KeyInit, KeyIvInit};
use roxmltree::Node;
use rsa::rand_core::{OsRng, RngCore as _};
use rsa::traits::PublicKeyParts as _;
use rsa::{Oaep, RsaPrivateKey, RsaPublicKey};
use sha2::digest::DynDigest;
use zeroize::Zeroizing;

use crate::saml::{ASSERTION, DS, element_children as children};

/// `xenc:` (XML Encryption 1.0).
pub const XENC: &str = "http://www.w3.org/2001/04/xmlenc#";
/// `xenc11:` (XML Encryption 1.1).
pub const XENC11: &str = "http://www.w3.org/2009/xmlenc11#";

const ELEMENT_TYPE: &str = "http://www.w3.org/2001/04/xmlenc#Element";

const AES128_CBC: &str = "http://www.w3.org/2001/04/xmlenc#aes128-cbc";
const AES192_CBC: &str = "http://www.w3.org/2001/04/xmlenc#aes192-cbc";
const AES256_CBC: &str = "http://www.w3.org/2001/04/xmlenc#aes256-cbc";
const AES128_GCM: &str = "http://www.w3.org/2009/xmlenc11#aes128-gcm";
const AES256_GCM: &str = "http://www.w3.org/2009/xmlenc11#aes256-gcm";

const RSA_OAEP_MGF1P: &str = "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p";
const RSA_OAEP: &str = "http://www.w3.org/2009/xmlenc11#rsa-oaep";

const SHA1: &str = "http://www.w3.org/2000/09/xmldsig#sha1";
const SHA256: &str = "http://www.w3.org/2001/04/xmlenc#sha256";
const SHA512: &str = "http://www.w3.org/2001/04/xmlenc#sha512";
const MGF1_SHA1: &str = "http://www.w3.org/2009/xmlenc11#mgf1sha1";
const MGF1_SHA256: &str = "http://www.w3.org/2009/xmlenc11#mgf1sha256";
const MGF1_SHA512: &str = "http://www.w3.org/2009/xmlenc11#mgf1sha512";

/// The largest decoded content `CipherValue` accepted.
const MAX_CIPHERTEXT: usize = 1 << 20;
/// The largest decoded `EncryptedKey` `CipherValue` accepted (an RSA-4096 block).
const MAX_KEY_CIPHERTEXT: usize = 512;
/// The most `EncryptedKey` candidates tried (each costs one RSA decryption per key).
const MAX_ENCRYPTED_KEYS: usize = 8;
/// The largest decoded `OAEPparams` accepted.
const MAX_OAEP_PARAMS: usize = 1024;
const MIN_KEY_BITS: usize = 2048;
const MAX_KEY_BITS: usize = 4096;
const AES_BLOCK: usize = 16;
const GCM_IV: usize = 12;
const GCM_TAG: usize = 16;

/// An RSA private key (2048..=4096 bits) a SAML provider decrypts assertions with.
#[derive(Clone)]
pub struct DecryptionKey {
    key: RsaPrivateKey,
}

impl fmt::Debug for DecryptionKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DecryptionKey(<redacted>)")
    }
}

impl DecryptionKey {
    /// Parses a PEM private key: PKCS#8 ("BEGIN PRIVATE KEY") or PKCS#1 ("BEGIN RSA PRIVATE
    /// KEY").
    pub fn from_pem(pem: &str) -> Result<Self, KeyError> {
        use rsa::pkcs1::DecodeRsaPrivateKey as _;
        use rsa::pkcs8::DecodePrivateKey as _;

        let pem = pem.trim();
        let key = RsaPrivateKey::from_pkcs8_pem(pem)
            .or_else(|_| RsaPrivateKey::from_pkcs1_pem(pem))
            .map_err(|_| KeyError::Malformed)?;
        if !(MIN_KEY_BITS..=MAX_KEY_BITS).contains(&key.n().bits()) {
            return Err(KeyError::Unsupported);
        }
        key.validate().map_err(|_| KeyError::Malformed)?;
        Ok(Self { key })
    }

    /// The public half (tests encrypt to it; the server may check a key matches a
    /// certificate).
    pub fn public_key(&self) -> RsaPublicKey {
        self.key.to_public_key()
    }
}

/// Why a private key was refused.
#[derive(Clone, Debug, Eq, PartialEq, thiserror::Error)]
pub enum KeyError {
    /// Not PEM, or not an RSA private key in PKCS#8 or PKCS#1 form.
    #[error("the private key is not a PEM RSA private key")]
    Malformed,
    /// An RSA key outside 2048..=4096 bits.
    #[error("the private key must be an RSA key of 2048 to 4096 bits")]
    Unsupported,
}

/// Why an encrypted assertion could not be decrypted.
#[derive(Clone, Debug, Eq, PartialEq, thiserror::Error)]
pub enum DecryptError {
    /// Structure missing or wrong (no EncryptedData, no CipherValue, bad base64, wrong Type,
    /// ...).
    #[error("the encrypted assertion is malformed")]
    Malformed,
    /// An algorithm this server does not accept (the URI).
    #[error("unsupported encryption algorithm {0}")]
    UnsupportedAlgorithm(String),
    /// None of the keys opens the encrypted key (wrong key, or no key configured).
    #[error("no decryption key opens the encrypted assertion")]
    NoKey,
    /// The content did not decrypt (bad padding, GCM tag mismatch, not UTF-8).
    #[error("the encrypted assertion did not decrypt")]
    Integrity,
}

/// Content encryption algorithms supported (XML Encryption URIs).
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum ContentAlgorithm {
    /// `http://www.w3.org/2001/04/xmlenc#aes128-cbc`.
    Aes128Cbc,
    /// `http://www.w3.org/2001/04/xmlenc#aes256-cbc`.
    Aes256Cbc,
    /// `http://www.w3.org/2009/xmlenc11#aes128-gcm`.
    Aes128Gcm,
    /// `http://www.w3.org/2009/xmlenc11#aes256-gcm`.
    Aes256Gcm,
}

impl ContentAlgorithm {
    /// The algorithm's URI (`EncryptedData/EncryptionMethod@Algorithm`).
    pub fn uri(self) -> &'static str {
        match self {
            Self::Aes128Cbc => AES128_CBC,
            Self::Aes256Cbc => AES256_CBC,
            Self::Aes128Gcm => AES128_GCM,
            Self::Aes256Gcm => AES256_GCM,
        }
    }

    fn cipher(self) -> Content {
        match self {
            Self::Aes128Cbc => Content::Cbc(16),
            Self::Aes256Cbc => Content::Cbc(32),
            Self::Aes128Gcm => Content::Gcm(16),
            Self::Aes256Gcm => Content::Gcm(32),
        }
    }
}

/// Key transport algorithms supported.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum KeyTransport {
    /// `http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p`: RSA-OAEP with SHA-1 and MGF1-SHA1.
    RsaOaepMgf1pSha1,
    /// `http://www.w3.org/2009/xmlenc11#rsa-oaep`: RSA-OAEP with SHA-256 and MGF1-SHA256.
    RsaOaepSha256,
}

impl KeyTransport {
    /// The algorithm's URI (`EncryptedKey/EncryptionMethod@Algorithm`).
    pub fn uri(self) -> &'static str {
        match self {
            Self::RsaOaepMgf1pSha1 => RSA_OAEP_MGF1P,
            Self::RsaOaepSha256 => RSA_OAEP,
        }
    }
}

/// A content cipher and its key length in bytes.
#[derive(Clone, Copy, Debug)]
enum Content {
    Cbc(usize),
    Gcm(usize),
}

impl Content {
    fn from_uri(uri: &str) -> Result<Self, DecryptError> {
        match uri {
            AES128_CBC => Ok(Self::Cbc(16)),
            AES192_CBC => Ok(Self::Cbc(24)),
            AES256_CBC => Ok(Self::Cbc(32)),
            AES128_GCM => Ok(Self::Gcm(16)),
            AES256_GCM => Ok(Self::Gcm(32)),
            other => Err(DecryptError::UnsupportedAlgorithm(other.to_owned())),
        }
    }

    fn key_len(self) -> usize {
        match self {
            Self::Cbc(n) | Self::Gcm(n) => n,
        }
    }
}

/// A digest of RSA-OAEP (label hash or MGF1).
#[derive(Clone, Copy, Debug)]
enum Hash {
    Sha1,
    Sha256,
    Sha512,
}

impl Hash {
    fn from_digest_uri(uri: &str) -> Result<Self, DecryptError> {
        match uri {
            SHA1 => Ok(Self::Sha1),
            SHA256 => Ok(Self::Sha256),
            SHA512 => Ok(Self::Sha512),
            other => Err(DecryptError::UnsupportedAlgorithm(other.to_owned())),
        }
    }

    fn from_mgf_uri(uri: &str) -> Result<Self, DecryptError> {
        match uri {
            MGF1_SHA1 => Ok(Self::Sha1),
            MGF1_SHA256 => Ok(Self::Sha256),
            MGF1_SHA512 => Ok(Self::Sha512),
            other => Err(DecryptError::UnsupportedAlgorithm(other.to_owned())),
        }
    }

    fn digest(self) -> Box<dyn DynDigest + Send + Sync> {
        match self {
            Self::Sha1 => Box::new(sha1::Sha1::default()),
            Self::Sha256 => Box::new(sha2::Sha256::default()),
            Self::Sha512 => Box::new(sha2::Sha512::default()),
        }
    }
}

/// RSA-OAEP parameters of an `EncryptedKey`.
#[derive(Clone, Debug)]
struct OaepParams {
    digest: Hash,
    mgf: Hash,
    label: Option<String>,
}

impl OaepParams {
    fn padding(&self) -> Oaep {
        Oaep {
            digest: self.digest.digest(),
            mgf_digest: self.mgf.digest(),
            label: self.label.clone(),
        }
    }

    /// Reads `EncryptedKey/EncryptionMethod`.
    fn from_method(method: Node<'_, '_>) -> Result<Self, DecryptError> {
        let uri = algorithm(method)?;
        // rsa-1_5 (and anything else) is refused: PKCS#1 v1.5 decryption is a padding
        // oracle (Bleichenbacher) for whoever can submit responses.
        let default_mgf = match uri {
            RSA_OAEP_MGF1P | RSA_OAEP => Hash::Sha1,
            other => return Err(DecryptError::UnsupportedAlgorithm(other.to_owned())),
        };
        let digest = match optional_child(method, DS, "DigestMethod")? {
            Some(d) => Hash::from_digest_uri(algorithm(d)?)?,
            None => Hash::Sha1,
        };
        // rsa-oaep-mgf1p fixes MGF1-SHA1; only xenc11#rsa-oaep names its MGF.
        let mgf = match (uri, optional_child(method, XENC11, "MGF")?) {
            (RSA_OAEP, Some(m)) => Hash::from_mgf_uri(algorithm(m)?)?,
            _ => default_mgf,
        };
        let label = match optional_child(method, XENC, "OAEPparams")? {
            Some(p) => {
                let bytes = base64_text(p, MAX_OAEP_PARAMS)?;
                let label = String::from_utf8(bytes).map_err(|_| DecryptError::Malformed)?;
                (!label.is_empty()).then_some(label)
            }
            None => None,
        };
        Ok(Self { digest, mgf, label })
    }
}

/// A parsed `xenc:EncryptedKey`.
#[derive(Debug)]
struct EncryptedKey {
    params: OaepParams,
    cipher: Vec<u8>,
}

impl EncryptedKey {
    fn parse(node: Node<'_, '_>) -> Result<Self, DecryptError> {
        let params = OaepParams::from_method(only_child(node, XENC, "EncryptionMethod")?)?;
        let cipher = cipher_value(node, MAX_KEY_CIPHERTEXT)?;
        Ok(Self { params, cipher })
    }

    /// The symmetric key, when `key` opens this encrypted key.
    fn open(&self, key: &DecryptionKey) -> Option<Zeroizing<Vec<u8>>> {
        if self.cipher.len() != key.key.size() {
            return None;
        }
        key.key
            .decrypt_blinded(&mut OsRng, self.params.padding(), &self.cipher)
            .ok()
            .map(Zeroizing::new)
    }
}

/// Decrypts a `saml:EncryptedAssertion` element (namespace
/// urn:oasis:names:tc:SAML:2.0:assertion) given as a node of the parsed Response, trying
/// each key in order; returns the plaintext (the serialized `saml:Assertion` element,
/// exactly the decrypted bytes as UTF-8).
pub fn decrypt_assertion(
    encrypted: Node<'_, '_>,
    keys: &[DecryptionKey],
) -> Result<String, DecryptError> {
    if !encrypted.has_tag_name((ASSERTION, "EncryptedAssertion")) {
        return Err(DecryptError::Malformed);
    }
    // saml:EncryptedElementType: one xenc:EncryptedData, then any xenc:EncryptedKey.
    let mut data = None;
    let mut sibling_keys = Vec::new();
    for child in encrypted.children().filter(Node::is_element) {
        if child.has_tag_name((XENC, "EncryptedData")) {
            if data.replace(child).is_some() {
                return Err(DecryptError::Malformed);
            }
        } else if child.has_tag_name((XENC, "EncryptedKey")) {
            sibling_keys.push(child);
        } else {
            return Err(DecryptError::Malformed);
        }
    }
    let data = data.ok_or(DecryptError::Malformed)?;
    if data.attribute("Type").is_some_and(|t| t != ELEMENT_TYPE) {
        return Err(DecryptError::Malformed);
    }
    let content = Content::from_uri(algorithm(only_child(data, XENC, "EncryptionMethod")?)?)?;
    let ciphertext = cipher_value(data, MAX_CIPHERTEXT)?;

    let mut candidates = Vec::new();
    if let Some(key_info) = optional_child(data, DS, "KeyInfo")? {
        candidates.extend(children(key_info, XENC, "EncryptedKey"));
    }
    candidates.extend(sibling_keys);
    if candidates.is_empty() || candidates.len() > MAX_ENCRYPTED_KEYS {
        return Err(DecryptError::Malformed);
    }
    // A candidate that cannot be used (unsupported algorithm, malformed) is skipped as long
    // as another one can; when none can, the first reason is the answer.
    let mut usable = Vec::new();
    let mut first_error = None;
    for candidate in candidates {
        match EncryptedKey::parse(candidate) {
            Ok(k) => usable.push(k),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    if usable.is_empty() {
        return Err(first_error.unwrap_or(DecryptError::Malformed));
    }
    for encrypted_key in &usable {
        for key in keys {
            let Some(secret) = encrypted_key.open(key) else {
                continue;
            };
            // A key of the wrong length did not really open it: try the next one.
            if secret.len() != content.key_len() {
                continue;
            }
            return decrypt_content(content, &secret, &ciphertext);
        }
    }
    Err(DecryptError::NoKey)
}

/// Decrypts `IV || ciphertext [|| tag]` and checks the plaintext is UTF-8.
fn decrypt_content(content: Content, key: &[u8], data: &[u8]) -> Result<String, DecryptError> {
    let plaintext = match content {
        Content::Cbc(16) => cbc_decrypt::<aes::Aes128>(key, data)?,
        Content::Cbc(24) => cbc_decrypt::<aes::Aes192>(key, data)?,
        Content::Cbc(32) => cbc_decrypt::<aes::Aes256>(key, data)?,
        Content::Gcm(16) => gcm_decrypt::<aes_gcm::Aes128Gcm>(key, data)?,
        Content::Gcm(32) => gcm_decrypt::<aes_gcm::Aes256Gcm>(key, data)?,
        Content::Cbc(_) | Content::Gcm(_) => return Err(DecryptError::Integrity),
    };
    String::from_utf8(plaintext).map_err(|_| DecryptError::Integrity)
}

fn cbc_decrypt<C>(key: &[u8], data: &[u8]) -> Result<Vec<u8>, DecryptError>
where
    C: BlockDecryptMut + BlockCipher + KeyInit,
{
    let (iv, ciphertext) = data
        .split_at_checked(AES_BLOCK)
        .ok_or(DecryptError::Malformed)?;
    if ciphertext.is_empty() || ciphertext.len() % AES_BLOCK != 0 {
        return Err(DecryptError::Malformed);
    }
    let decryptor =
        cbc::Decryptor::<C>::new_from_slices(key, iv).map_err(|_| DecryptError::Integrity)?;
    let mut buffer = Zeroizing::new(ciphertext.to_vec());
    let plain = decryptor
        .decrypt_padded_mut::<NoPadding>(&mut buffer)
        .map_err(|_| DecryptError::Integrity)?;
    // XML Encryption padding: the last byte is the pad length (1..=block); the other pad
    // bytes are arbitrary (unlike PKCS#7, they are not checked).
    let pad = usize::from(*plain.last().ok_or(DecryptError::Integrity)?);
    if pad == 0 || pad > AES_BLOCK || pad > plain.len() {
        return Err(DecryptError::Integrity);
    }
    plain
        .get(..plain.len() - pad)
        .map(<[u8]>::to_vec)
        .ok_or(DecryptError::Integrity)
}

fn gcm_decrypt<A>(key: &[u8], data: &[u8]) -> Result<Vec<u8>, DecryptError>
where
    A: KeyInit + Aead + AeadCore<NonceSize = U12>,
{
    let (iv, ciphertext_and_tag) = data
        .split_at_checked(GCM_IV)
        .ok_or(DecryptError::Malformed)?;
    if ciphertext_and_tag.len() < GCM_TAG {
        return Err(DecryptError::Malformed);
    }
    let iv: [u8; GCM_IV] = iv.try_into().map_err(|_| DecryptError::Malformed)?;
    let cipher = A::new_from_slice(key).map_err(|_| DecryptError::Integrity)?;
    cipher
        .decrypt(&iv.into(), ciphertext_and_tag)
        .map_err(|_| DecryptError::Integrity)
}

/// Encrypts `assertion_xml` (a serialized saml:Assertion element) for `recipient`, returning
/// the XML text of a complete `<saml:EncryptedAssertion
/// xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">` element with an inline
/// `ds:KeyInfo/xenc:EncryptedKey` (what IdPs such as Okta/ADFS send). Used by tests (here
/// and in the server crate) to build encrypted responses.
///
/// Randomness comes from the operating system. Errors: [`DecryptError::NoKey`] when
/// `recipient` is too small for the key transport, [`DecryptError::Integrity`] when the
/// operating system's random generator fails.
pub fn encrypt_assertion(
    assertion_xml: &str,
    recipient: &RsaPublicKey,
    content: ContentAlgorithm,
    transport: KeyTransport,
) -> Result<String, DecryptError> {
    let (method_children, params) = match transport {
        KeyTransport::RsaOaepMgf1pSha1 => (
            format!(r#"<ds:DigestMethod Algorithm="{SHA1}"/>"#),
            OaepParams {
                digest: Hash::Sha1,
                mgf: Hash::Sha1,
                label: None,
            },
        ),
        KeyTransport::RsaOaepSha256 => (
            format!(
                r#"<ds:DigestMethod Algorithm="{SHA256}"/><xenc11:MGF xmlns:xenc11="{XENC11}" Algorithm="{MGF1_SHA256}"/>"#
            ),
            OaepParams {
                digest: Hash::Sha256,
                mgf: Hash::Sha256,
                label: None,
            },
        ),
    };
    encrypt_with(
        assertion_xml,
        recipient,
        content,
        transport.uri(),
        &method_children,
        &params,
    )
}

/// [`encrypt_assertion`] with explicit key-transport markup and parameters.
fn encrypt_with(
    assertion_xml: &str,
    recipient: &RsaPublicKey,
    content: ContentAlgorithm,
    transport_uri: &str,
    transport_children: &str,
    params: &OaepParams,
) -> Result<String, DecryptError> {
    let cipher = content.cipher();
    let key = random_bytes(cipher.key_len())?;
    let plaintext = assertion_xml.as_bytes();
    let data = match cipher {
        Content::Cbc(16) => cbc_encrypt::<aes::Aes128>(&key, plaintext)?,
        Content::Cbc(32) => cbc_encrypt::<aes::Aes256>(&key, plaintext)?,
        Content::Gcm(16) => gcm_encrypt::<aes_gcm::Aes128Gcm>(&key, plaintext)?,
        Content::Gcm(32) => gcm_encrypt::<aes_gcm::Aes256Gcm>(&key, plaintext)?,
        Content::Cbc(_) | Content::Gcm(_) => return Err(DecryptError::Integrity),
    };
    let encrypted_key = recipient
        .encrypt(&mut OsRng, params.padding(), &key)
        .map_err(|_| DecryptError::NoKey)?;
    let content_uri = content.uri();
    let key_value = STANDARD.encode(encrypted_key);
    let data_value = STANDARD.encode(data);
    Ok(format!(
        concat!(
            r#"<saml:EncryptedAssertion xmlns:saml="{assertion}">"#,
            r#"<xenc:EncryptedData xmlns:xenc="{xenc}" xmlns:ds="{ds}" Type="{element}">"#,
            r#"<xenc:EncryptionMethod Algorithm="{content_uri}"/>"#,
            r#"<ds:KeyInfo><xenc:EncryptedKey>"#,
            r#"<xenc:EncryptionMethod Algorithm="{transport_uri}">{transport_children}</xenc:EncryptionMethod>"#,
            r#"<xenc:CipherData><xenc:CipherValue>{key_value}</xenc:CipherValue></xenc:CipherData>"#,
            r#"</xenc:EncryptedKey></ds:KeyInfo>"#,
            r#"<xenc:CipherData><xenc:CipherValue>{data_value}</xenc:CipherValue></xenc:CipherData>"#,
            r#"</xenc:EncryptedData></saml:EncryptedAssertion>"#,
        ),
        assertion = ASSERTION,
        xenc = XENC,
        ds = DS,
        element = ELEMENT_TYPE,
        content_uri = content_uri,
        transport_uri = transport_uri,
        transport_children = transport_children,
        key_value = key_value,
        data_value = data_value,
    ))
}

fn random_bytes(len: usize) -> Result<Zeroizing<Vec<u8>>, DecryptError> {
    let mut bytes = Zeroizing::new(vec![0; len]);
    OsRng
        .try_fill_bytes(&mut bytes)
        .map_err(|_| DecryptError::Integrity)?;
    Ok(bytes)
}

/// `IV || AES-CBC(plaintext || padding)`, with PKCS#7 padding (a valid XML Encryption
/// padding).
fn cbc_encrypt<C>(key: &[u8], plaintext: &[u8]) -> Result<Vec<u8>, DecryptError>
where
    C: BlockEncryptMut + BlockCipher + KeyInit,
{
    let iv = random_bytes(AES_BLOCK)?;
    let encryptor =
        cbc::Encryptor::<C>::new_from_slices(key, &iv).map_err(|_| DecryptError::Integrity)?;
    let pad = AES_BLOCK - plaintext.len() % AES_BLOCK;
    let mut buffer = Vec::with_capacity(AES_BLOCK + plaintext.len() + pad);
    buffer.extend_from_slice(&iv);
    buffer.extend_from_slice(plaintext);
    buffer.extend(std::iter::repeat_n(
        u8::try_from(pad).map_err(|_| DecryptError::Integrity)?,
        pad,
    ));
    let body = buffer.get_mut(AES_BLOCK..).ok_or(DecryptError::Integrity)?;
    let len = body.len();
    encryptor
        .encrypt_padded_mut::<NoPadding>(body, len)
        .map_err(|_| DecryptError::Integrity)?;
    Ok(buffer)
}

/// `IV || AES-GCM(plaintext) || tag`.
fn gcm_encrypt<A>(key: &[u8], plaintext: &[u8]) -> Result<Vec<u8>, DecryptError>
where
    A: KeyInit + Aead + AeadCore<NonceSize = U12>,
{
    let mut iv = [0; GCM_IV];
    OsRng
        .try_fill_bytes(&mut iv)
        .map_err(|_| DecryptError::Integrity)?;
    let cipher = A::new_from_slice(key).map_err(|_| DecryptError::Integrity)?;
    let sealed = cipher
        .encrypt(&iv.into(), plaintext)
        .map_err(|_| DecryptError::Integrity)?;
    let mut out = Vec::with_capacity(GCM_IV + sealed.len());
    out.extend_from_slice(&iv);
    out.extend_from_slice(&sealed);
    Ok(out)
}

/// The only child `{ns}local` of `node`.
fn only_child<'a, 'i>(
    node: Node<'a, 'i>,
    ns: &'static str,
    local: &'static str,
) -> Result<Node<'a, 'i>, DecryptError> {
    optional_child(node, ns, local)?.ok_or(DecryptError::Malformed)
}

/// The child `{ns}local` of `node`, when there is one; more than one is malformed.
fn optional_child<'a, 'i>(
    node: Node<'a, 'i>,
    ns: &'static str,
    local: &'static str,
) -> Result<Option<Node<'a, 'i>>, DecryptError> {
    let mut found = children(node, ns, local);
    let first = found.next();
    if found.next().is_some() {
        return Err(DecryptError::Malformed);
    }
    Ok(first)
}

fn algorithm<'a>(node: Node<'a, '_>) -> Result<&'a str, DecryptError> {
    node.attribute("Algorithm").ok_or(DecryptError::Malformed)
}

/// The bytes of `node/xenc:CipherData/xenc:CipherValue` (`CipherReference` is not
/// supported), at most `max` of them.
fn cipher_value(node: Node<'_, '_>, max: usize) -> Result<Vec<u8>, DecryptError> {
    let cipher_data = only_child(node, XENC, "CipherData")?;
    base64_text(only_child(cipher_data, XENC, "CipherValue")?, max)
}

/// The base64 text content of `node`, ASCII whitespace ignored, decoding to 1..=`max`
/// bytes.
fn base64_text(node: Node<'_, '_>, max: usize) -> Result<Vec<u8>, DecryptError> {
    let limit = max.div_ceil(3).saturating_mul(4);
    let mut compact = String::new();
    for child in node.children() {
        if child.is_element() {
            return Err(DecryptError::Malformed);
        }
        let Some(text) = child.is_text().then(|| child.text()).flatten() else {
            continue;
        };
        for c in text.chars().filter(|c| !c.is_ascii_whitespace()) {
            if compact.len() >= limit {
                return Err(DecryptError::Malformed);
            }
            compact.push(c);
        }
    }
    let bytes = STANDARD
        .decode(compact)
        .map_err(|_| DecryptError::Malformed)?;
    if bytes.is_empty() || bytes.len() > max {
        return Err(DecryptError::Malformed);
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        clippy::indexing_slicing,
        clippy::string_slice,
        reason = "tests"
    )]

    use std::sync::OnceLock;

    use proptest::prelude::*;
    use roxmltree::Document;
    use rsa::pkcs1::EncodeRsaPrivateKey as _;
    use rsa::pkcs8::{EncodePrivateKey as _, LineEnding};

    use super::*;

    const ALL_CONTENT: [ContentAlgorithm; 4] = [
        ContentAlgorithm::Aes128Cbc,
        ContentAlgorithm::Aes256Cbc,
        ContentAlgorithm::Aes128Gcm,
        ContentAlgorithm::Aes256Gcm,
    ];
    const ALL_TRANSPORT: [KeyTransport; 2] =
        [KeyTransport::RsaOaepMgf1pSha1, KeyTransport::RsaOaepSha256];

    const ASSERTION_XML: &str = concat!(
        r#"<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_a1" "#,
        r#"Version="2.0"><saml:Issuer>https://idp.example/é</saml:Issuer></saml:Assertion>"#
    );

    /// Two RSA-2048 keys, generated once per test run.
    fn keys() -> &'static [RsaPrivateKey; 2] {
        static KEYS: OnceLock<[RsaPrivateKey; 2]> = OnceLock::new();
        KEYS.get_or_init(|| {
            [
                RsaPrivateKey::new(&mut OsRng, 2048).unwrap(),
                RsaPrivateKey::new(&mut OsRng, 2048).unwrap(),
            ]
        })
    }

    fn key(i: usize) -> DecryptionKey {
        DecryptionKey::from_pem(&keys()[i].to_pkcs8_pem(LineEnding::LF).unwrap()).unwrap()
    }

    fn decrypt(xml: &str, keys: &[DecryptionKey]) -> Result<String, DecryptError> {
        let doc = Document::parse(xml).unwrap();
        decrypt_assertion(doc.root_element(), keys)
    }

    fn encrypt(content: ContentAlgorithm) -> String {
        encrypt_assertion(
            ASSERTION_XML,
            &key(0).public_key(),
            content,
            KeyTransport::RsaOaepMgf1pSha1,
        )
        .unwrap()
    }

    /// The byte range of the text of the last `<xenc:CipherValue>` (the content's).
    fn content_value_range(xml: &str) -> std::ops::Range<usize> {
        let start = xml.rfind("<xenc:CipherValue>").unwrap() + "<xenc:CipherValue>".len();
        let end = start + xml[start..].find("</xenc:CipherValue>").unwrap();
        start..end
    }

    /// `xml` with the content ciphertext changed by `f`.
    fn tamper(xml: &str, f: impl FnOnce(&mut Vec<u8>)) -> String {
        let range = content_value_range(xml);
        let mut bytes = STANDARD.decode(&xml[range.clone()]).unwrap();
        f(&mut bytes);
        format!(
            "{}{}{}",
            &xml[..range.start],
            STANDARD.encode(bytes),
            &xml[range.end..]
        )
    }

    #[test]
    fn round_trip_every_algorithm() {
        let keys = [key(0)];
        for content in ALL_CONTENT {
            for transport in ALL_TRANSPORT {
                let xml =
                    encrypt_assertion(ASSERTION_XML, &keys[0].public_key(), content, transport)
                        .unwrap();
                assert!(xml.starts_with(
                    r#"<saml:EncryptedAssertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">"#
                ));
                assert_eq!(
                    decrypt(&xml, &keys).unwrap(),
                    ASSERTION_XML,
                    "{content:?} {transport:?}"
                );
            }
        }
    }

    #[test]
    fn cbc_padding_of_every_length() {
        let keys = [key(0)];
        for len in 0..=33 {
            let text = "x".repeat(len);
            for content in [ContentAlgorithm::Aes128Cbc, ContentAlgorithm::Aes128Gcm] {
                let xml = encrypt_assertion(
                    &text,
                    &keys[0].public_key(),
                    content,
                    KeyTransport::RsaOaepSha256,
                )
                .unwrap();
                assert_eq!(decrypt(&xml, &keys).unwrap(), text);
            }
        }
    }

    #[test]
    fn cbc_padding_bytes_other_than_the_last_are_arbitrary() {
        // Re-encrypt by hand: 13 bytes of text, 3 bytes of padding "\x00\xff\x03".
        let key_bytes = [7u8; 16];
        let iv = [9u8; 16];
        let mut block = *b"<a>hello</a>!\x00\xff\x03";
        let encryptor = cbc::Encryptor::<aes::Aes128>::new_from_slices(&key_bytes, &iv).unwrap();
        encryptor
            .encrypt_padded_mut::<NoPadding>(&mut block, 16)
            .unwrap();
        let data = [iv.as_slice(), block.as_slice()].concat();
        assert_eq!(
            decrypt_content(Content::Cbc(16), &key_bytes, &data).unwrap(),
            "<a>hello</a>!"
        );
    }

    #[test]
    fn both_pem_forms_parse() {
        let private = &keys()[0];
        let pkcs8 = private.to_pkcs8_pem(LineEnding::LF).unwrap();
        let pkcs1 = private.to_pkcs1_pem(LineEnding::CRLF).unwrap();
        assert!(pkcs8.starts_with("-----BEGIN PRIVATE KEY-----"));
        assert!(pkcs1.starts_with("-----BEGIN RSA PRIVATE KEY-----"));
        let a = DecryptionKey::from_pem(&pkcs8).unwrap();
        let b = DecryptionKey::from_pem(&format!("\n{}\n", pkcs1.as_str())).unwrap();
        assert_eq!(a.public_key(), b.public_key());
        assert_eq!(a.public_key(), private.to_public_key());
    }

    #[test]
    fn garbage_pem_is_malformed() {
        for pem in [
            "",
            "not a key",
            "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
            "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
        ] {
            assert_eq!(
                DecryptionKey::from_pem(pem).unwrap_err(),
                KeyError::Malformed
            );
        }
        // A public key is not a private key.
        use rsa::pkcs8::EncodePublicKey as _;
        let public = keys()[0]
            .to_public_key()
            .to_public_key_pem(LineEnding::LF)
            .unwrap();
        assert_eq!(
            DecryptionKey::from_pem(&public).unwrap_err(),
            KeyError::Malformed
        );
    }

    #[test]
    fn small_key_is_unsupported() {
        let small = RsaPrivateKey::new(&mut OsRng, 1024).unwrap();
        let pem = small.to_pkcs8_pem(LineEnding::LF).unwrap();
        assert_eq!(
            DecryptionKey::from_pem(&pem).unwrap_err(),
            KeyError::Unsupported
        );
        assert!(!KeyError::Unsupported.to_string().is_empty());
    }

    #[test]
    fn wrong_key_is_no_key() {
        let xml = encrypt(ContentAlgorithm::Aes256Gcm);
        assert_eq!(decrypt(&xml, &[key(1)]), Err(DecryptError::NoKey));
        assert_eq!(decrypt(&xml, &[]), Err(DecryptError::NoKey));
    }

    #[test]
    fn second_key_opens() {
        let xml = encrypt(ContentAlgorithm::Aes128Cbc);
        assert_eq!(decrypt(&xml, &[key(1), key(0)]).unwrap(), ASSERTION_XML);
    }

    #[test]
    fn tampered_gcm_is_integrity() {
        for content in [ContentAlgorithm::Aes128Gcm, ContentAlgorithm::Aes256Gcm] {
            let xml = encrypt(content);
            // Flip a byte of the ciphertext, of the tag, of the IV.
            for at in [GCM_IV + 1, usize::MAX, 0] {
                let bad = tamper(&xml, |b| {
                    let i = at.min(b.len() - 1);
                    b[i] ^= 1;
                });
                assert_eq!(decrypt(&bad, &[key(0)]), Err(DecryptError::Integrity));
            }
        }
    }

    #[test]
    fn tampered_cbc_padding_is_integrity() {
        for content in [ContentAlgorithm::Aes128Cbc, ContentAlgorithm::Aes256Cbc] {
            let xml = encrypt(content);
            // The encryptor pads with n bytes of value n: XOR-ing n into the matching byte
            // of the previous block (or the IV) makes the last plaintext byte 0, never a
            // valid pad length.
            let pad = AES_BLOCK - ASSERTION_XML.len() % AES_BLOCK;
            let bad = tamper(&xml, |b| {
                let i = b.len() - AES_BLOCK - 1;
                b[i] ^= u8::try_from(pad).unwrap();
            });
            assert_eq!(decrypt(&bad, &[key(0)]), Err(DecryptError::Integrity));
            // A pad length above the block size is refused too.
            let bad = tamper(&xml, |b| {
                let i = b.len() - AES_BLOCK - 1;
                b[i] ^= 0x80;
            });
            assert_eq!(decrypt(&bad, &[key(0)]), Err(DecryptError::Integrity));
            // Truncated to a non-multiple of the block size: malformed.
            let bad = tamper(&xml, |b| {
                b.pop();
            });
            assert_eq!(decrypt(&bad, &[key(0)]), Err(DecryptError::Malformed));
        }
    }

    #[test]
    fn rsa_1_5_is_unsupported() {
        let rsa_1_5 = "http://www.w3.org/2001/04/xmlenc#rsa-1_5";
        let xml = encrypt(ContentAlgorithm::Aes128Gcm).replace(RSA_OAEP_MGF1P, rsa_1_5);
        assert_eq!(
            decrypt(&xml, &[key(0)]),
            Err(DecryptError::UnsupportedAlgorithm(rsa_1_5.to_owned()))
        );
    }

    #[test]
    fn unknown_content_algorithm_is_unsupported() {
        let des = "http://www.w3.org/2001/04/xmlenc#tripledes-cbc";
        let xml = encrypt(ContentAlgorithm::Aes128Cbc).replace(AES128_CBC, des);
        assert_eq!(
            decrypt(&xml, &[key(0)]),
            Err(DecryptError::UnsupportedAlgorithm(des.to_owned()))
        );
        let xml = encrypt(ContentAlgorithm::Aes128Cbc).replace(SHA1, "urn:md5");
        assert_eq!(
            decrypt(&xml, &[key(0)]),
            Err(DecryptError::UnsupportedAlgorithm("urn:md5".to_owned()))
        );
    }

    #[test]
    fn sibling_encrypted_key_shibboleth_layout() {
        for content in ALL_CONTENT {
            let xml = encrypt(content);
            let start = xml.find("<xenc:EncryptedKey>").unwrap();
            let end = xml.find("</xenc:EncryptedKey>").unwrap() + "</xenc:EncryptedKey>".len();
            let encrypted_key = xml[start..end].replacen(
                "<xenc:EncryptedKey>",
                &format!(r#"<xenc:EncryptedKey xmlns:xenc="{XENC}" xmlns:ds="{DS}" Id="_ek">"#),
                1,
            );
            let retrieval =
                format!(r##"<ds:RetrievalMethod Type="{XENC}EncryptedKey" URI="#_ek"/>"##);
            let moved = format!("{}{retrieval}{}", &xml[..start], &xml[end..]).replace(
                "</xenc:EncryptedData>",
                &format!("</xenc:EncryptedData>\n  {encrypted_key}\n"),
            );
            assert!(!moved.contains("<ds:KeyInfo><xenc:EncryptedKey"));
            assert_eq!(decrypt(&moved, &[key(0)]).unwrap(), ASSERTION_XML);
            // Both layouts at once (one inline key for another recipient): still opens.
            let other = encrypt_assertion(
                ASSERTION_XML,
                &key(1).public_key(),
                content,
                KeyTransport::RsaOaepSha256,
            )
            .unwrap();
            let inline_start = other.find("<ds:KeyInfo>").unwrap();
            let inline_end = other.find("</ds:KeyInfo>").unwrap();
            let both = format!(
                "{}{}{}",
                &moved[..moved.find("<ds:KeyInfo>").unwrap()],
                &other[inline_start..inline_end],
                &moved[moved.find("</ds:KeyInfo>").unwrap()..]
            );
            assert_eq!(decrypt(&both, &[key(0)]).unwrap(), ASSERTION_XML);
        }
    }

    #[test]
    fn missing_cipher_value_is_malformed() {
        let xml = encrypt(ContentAlgorithm::Aes128Gcm);
        let range = content_value_range(&xml);
        let open = range.start - "<xenc:CipherValue>".len();
        let close = range.end + "</xenc:CipherValue>".len();
        let missing = format!("{}{}", &xml[..open], &xml[close..]);
        assert_eq!(decrypt(&missing, &[key(0)]), Err(DecryptError::Malformed));
        let reference = format!(
            r#"{}<xenc:CipherReference URI="https://idp.example/x"/>{}"#,
            &xml[..open],
            &xml[close..]
        );
        assert_eq!(decrypt(&reference, &[key(0)]), Err(DecryptError::Malformed));
        let bad_base64 = format!("{}!!!!{}", &xml[..range.start], &xml[range.end..]);
        assert_eq!(
            decrypt(&bad_base64, &[key(0)]),
            Err(DecryptError::Malformed)
        );
    }

    #[test]
    fn malformed_structures() {
        let xml = encrypt(ContentAlgorithm::Aes128Gcm);
        let content_type = xml.replace(ELEMENT_TYPE, "http://www.w3.org/2001/04/xmlenc#Content");
        assert_eq!(
            decrypt(&content_type, &[key(0)]),
            Err(DecryptError::Malformed)
        );
        // Not an EncryptedAssertion.
        let other = xml.replace("saml:EncryptedAssertion", "saml:Assertion");
        assert_eq!(decrypt(&other, &[key(0)]), Err(DecryptError::Malformed));
        // Two EncryptedData.
        let inner_start = xml.find("<xenc:EncryptedData").unwrap();
        let inner_end = xml.rfind("</saml:EncryptedAssertion>").unwrap();
        let doubled = format!(
            "{}{}{}",
            &xml[..inner_end],
            &xml[inner_start..inner_end],
            &xml[inner_end..]
        );
        assert_eq!(decrypt(&doubled, &[key(0)]), Err(DecryptError::Malformed));
        // No EncryptedKey anywhere.
        let start = xml.find("<ds:KeyInfo>").unwrap();
        let end = xml.find("</ds:KeyInfo>").unwrap() + "</ds:KeyInfo>".len();
        let keyless = format!("{}{}", &xml[..start], &xml[end..]);
        assert_eq!(decrypt(&keyless, &[key(0)]), Err(DecryptError::Malformed));
        // Too many EncryptedKey candidates.
        let encrypted_key =
            &xml[xml.find("<xenc:EncryptedKey>").unwrap()..xml.find("</ds:KeyInfo>").unwrap()];
        let many = xml.replacen(
            "<ds:KeyInfo>",
            &format!("<ds:KeyInfo>{}", encrypted_key.repeat(MAX_ENCRYPTED_KEYS)),
            1,
        );
        assert_eq!(decrypt(&many, &[key(0)]), Err(DecryptError::Malformed));
        // An oversized content CipherValue is refused before any decoding.
        let huge = format!(
            "{}{}{}",
            &xml[..content_value_range(&xml).start],
            "A".repeat(MAX_CIPHERTEXT / 3 * 4 + 8),
            &xml[content_value_range(&xml).end..]
        );
        assert_eq!(decrypt(&huge, &[key(0)]), Err(DecryptError::Malformed));
    }

    #[test]
    fn whitespace_in_cipher_values_is_accepted() {
        let xml = encrypt(ContentAlgorithm::Aes256Cbc);
        let wrap = |value: &str| {
            let lines: Vec<String> = value
                .as_bytes()
                .chunks(64)
                .map(|c| String::from_utf8(c.to_vec()).unwrap())
                .collect();
            format!("\n\t{}\r\n  ", lines.join("\r\n\t"))
        };
        let mut wrapped = String::new();
        let mut rest = xml.as_str();
        while let Some(open) = rest.find("<xenc:CipherValue>") {
            let start = open + "<xenc:CipherValue>".len();
            let end = start + rest[start..].find("</xenc:CipherValue>").unwrap();
            wrapped.push_str(&rest[..start]);
            wrapped.push_str(&wrap(&rest[start..end]));
            rest = &rest[end..];
        }
        wrapped.push_str(rest);
        assert!(wrapped.matches("\r\n").count() > 4);
        assert_eq!(decrypt(&wrapped, &[key(0)]).unwrap(), ASSERTION_XML);
    }

    #[test]
    fn oaep_parameter_variants() {
        let keys = [key(0)];
        let public = keys[0].public_key();
        let cases = [
            // xenc11#rsa-oaep, SHA-256 digest, default MGF1-SHA1 (no MGF element).
            (
                RSA_OAEP,
                format!(r#"<ds:DigestMethod Algorithm="{SHA256}"/>"#),
                Hash::Sha256,
                Hash::Sha1,
                None,
            ),
            // xenc11#rsa-oaep, everything defaulted.
            (RSA_OAEP, String::new(), Hash::Sha1, Hash::Sha1, None),
            // rsa-oaep-mgf1p with a SHA-256 digest (and an MGF element it ignores).
            (
                RSA_OAEP_MGF1P,
                format!(
                    r#"<ds:DigestMethod Algorithm="{SHA256}"/><xenc11:MGF xmlns:xenc11="{XENC11}" Algorithm="{MGF1_SHA512}"/>"#
                ),
                Hash::Sha256,
                Hash::Sha1,
                None,
            ),
            // SHA-512 and MGF1-SHA512, with an OAEP label.
            (
                RSA_OAEP,
                format!(
                    r#"<xenc:OAEPparams>{}</xenc:OAEPparams><ds:DigestMethod Algorithm="{SHA512}"/><xenc11:MGF xmlns:xenc11="{XENC11}" Algorithm="{MGF1_SHA512}"/>"#,
                    STANDARD.encode("label")
                ),
                Hash::Sha512,
                Hash::Sha512,
                Some("label".to_owned()),
            ),
        ];
        for (uri, children, digest, mgf, label) in cases {
            let params = OaepParams { digest, mgf, label };
            let xml = encrypt_with(
                ASSERTION_XML,
                &public,
                ContentAlgorithm::Aes128Gcm,
                uri,
                &children,
                &params,
            )
            .unwrap();
            assert_eq!(decrypt(&xml, &keys).unwrap(), ASSERTION_XML, "{xml}");
        }
        // A digest mismatch between the markup and the encryption does not open the key.
        let params = OaepParams {
            digest: Hash::Sha256,
            mgf: Hash::Sha1,
            label: None,
        };
        let xml = encrypt_with(
            ASSERTION_XML,
            &public,
            ContentAlgorithm::Aes128Gcm,
            RSA_OAEP,
            "",
            &params,
        )
        .unwrap();
        assert_eq!(decrypt(&xml, &keys), Err(DecryptError::NoKey));
    }

    #[test]
    fn wrong_symmetric_key_length_is_no_key() {
        // The encrypted key holds 16 bytes but the content says AES-256.
        let xml = encrypt(ContentAlgorithm::Aes128Gcm).replace(AES128_GCM, AES256_GCM);
        assert_eq!(decrypt(&xml, &[key(0)]), Err(DecryptError::NoKey));
    }

    #[test]
    fn non_utf8_plaintext_is_integrity() {
        let key_bytes = [1u8; 32];
        let iv = [2u8; GCM_IV];
        let sealed = aes_gcm::Aes256Gcm::new_from_slice(&key_bytes)
            .unwrap()
            .encrypt(&iv.into(), [0xffu8, 0xfe].as_slice())
            .unwrap();
        let data = [iv.as_slice(), &sealed].concat();
        assert_eq!(
            decrypt_content(Content::Gcm(32), &key_bytes, &data),
            Err(DecryptError::Integrity)
        );
    }

    #[test]
    fn debug_redacts_the_key() {
        let k = key(0);
        assert_eq!(format!("{k:?}"), "DecryptionKey(<redacted>)");
        assert_eq!(format!("{k:#?}"), "DecryptionKey(<redacted>)");
    }

    /// A PKCS#8 RSA-2048 test key generated by Python `cryptography` (OpenSSL).
    const INTEROP_KEY: &str = r##"-----BEGIN PRIVATE KEY-----
MIIEvwIBADANBgkqhkiG9w0BAQEFAASCBKkwggSlAgEAAoIBAQDgT1vXmGv76a5d
/lyyiRp22URkY++m7slVWgNKUqNGjaCl5nF7DRrRAWmlGjoi5X3bVjEZx+EJHXQ1
Z2NzSvzlXkdeqcopUpwBX6cTFNX0tfNzbx91t3WdH9FfofC+jtm+QkJ8L2LYEVRZ
MSN8rO5hFiMDPJsiF/x4ptTv+nLLPsnRA+67l1yqczWlz+/W9thaWoHrfRvjXAqq
DK3n0JbUaMJTpMksQurOP+klVbAUV1Wby6sIZbwaN4R8gCv3XIbBZVC7qRrrpx1C
0w8kHzpxEKGsxDn3XTc/1fpc7ieXOs5jfD/DRzzJHSwl3YKlyICQuer0gJkpc5sH
eFnAe681AgMBAAECggEABXVjmUVayghqQgb4xNl5nOR1pHHFeQz84PMDUHwz//le
AZuFgxvoXVII+vJpRsR0lxwBBDfCfgEgUlUKl67T+lWcgVe6v92u8TOdh7qCkxAY
dWSCDKXNxWiVpPD2av9j73GCV65O2/jep3BUL5UFFLTACQn2W9KJ8M+yhTKAN6Tr
A9Iaqi/HBfzY2/k7cjOfh2LgtUcat1yK/+mO5ceIQuKNOP0xBD53bfMeaTatva0o
38Hx/jJ0/LWANmVOGe+CvHeJgxOtov+OvVzYcd0Em74R8YkZKAwuSB/As6tgk0CO
WobUxg9ExL57ndWwwRwAT71e+UrjJwf5fXEfcy8RsQKBgQD2YJhvPmmOu17jafqA
Yt9V9Mr0TIwX/3MLXQaUQTsGsDZrjBVv8xgZfTo4i0lyxzmbB9VByYwoD/2/hVSv
vIDGLlzz0xpvK2eUmqy7hyG1x8VefqQdZ8TkU1VXHnISEKTZOaFFDdRd5KKEsjRm
FTBpVFG7iQ2ERyYBVJNjTa3ZXQKBgQDpEh9+sXazFbRvoyqF4hbbZxLsHUysEMKa
J50f/ZHWfQv8Daqwctl8vJ2CUbFyZw5IwcrzYBysEHYHppY6/nxL6GlK6X1oW8Jf
H0R0Z91dljeYiD/xknT72OMQOMYLNHx/n8DR9GRRXeXLtGg/dMiNohDow/G2bpo+
l1/GzjdXuQKBgQCj9QJcPX+Hob9yvYsbtzCDBkWtr+cm7TNFI6IGNSavu8Jrbayy
dGbcR47gJCk7vcLjHaJYhmTEIGgv9O23iU11FVN8W0bjJlJm/Uvn+/R+ATSiPsq+
WtkXTTGkqTkmNndNq+Fbj+l8lnNktSbTrFQsNBW0JG+fUK3FAuCWnBIObQKBgQCM
aSikMNFrzjWn08q4YZ6Xix8xM+2O84HpUNgt/5sudqMTtEASkP5JUXAqpICchU1r
s6RKvqpHVptkvI1g+RN0v40/Xi75Ad61Y6bf4frQeMEBmYO8SxlC6ETS7wEQmwwt
7tZBJlSRWFoqQINVR0vTV8GMGQ+zcipmbtd6c52PsQKBgQDzmiLUogYcqzm92AVK
4NKaY2O/0ikReflaZQ7WR7SPKspB/Us8O5CXVPgVaLIhOsfQCoatJu1ciQBDVtMN
YZIJ2St/dD28iDuXZApjFr1XLSp9yLEmXWABur3kGxeR//UrpafYQ3CjAUctfUb5
YBfxruSJLXYEVSfHwjVB9wt01A==
-----END PRIVATE KEY-----
"##;

    /// AES-256-CBC with ISO 10126 (random) padding, rsa-oaep-mgf1p SHA-1, inline EncryptedKey, base64 wrapped at 76 columns (Okta/ADFS style), encrypted by `cryptography`.
    const INTEROP_CBC_INLINE: &str = r##"<saml:EncryptedAssertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"><xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#" Id="_ed1" Type="http://www.w3.org/2001/04/xmlenc#Element"><xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes256-cbc"/><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><xenc:EncryptedKey Id="_ek1"><xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p"><ds:DigestMethod Algorithm="http://www.w3.org/2000/09/xmldsig#sha1"/></xenc:EncryptionMethod><xenc:CipherData><xenc:CipherValue>
ymrj+wKS3wQPa65nT/KFIbpPyAMlBR0BpRsG+a5nerOo7OSKJgHkpT6Q7nsGQLFW8GwqCCKGWcgz
8RngZq25uV9tm2IlBFKEkRsNjE8cnfEe9yDvvdUt2w/PFHTvTmAHYwglU3xXrRraLmbiS0d5ummR
w87IiIZLG0Lx7QDQ/FCpEINAEt3vpIiGxEQRwNs/0LRtxKDArZ8mxsvOT/a14CZHNTaGqrDx/naP
+u1uJcem92zrQbEGAHsd+lgNa5N0QxQEcuGpGgsbvZq5ULcod10w8MAFxjiJYiqLm44ea/DzOb8X
N9Kv1nJcpArNgihgLcudCYs+vfkI9Nr8MMwpuA==
</xenc:CipherValue></xenc:CipherData></xenc:EncryptedKey></ds:KeyInfo><xenc:CipherData><xenc:CipherValue>
ldsNtsz7YBtD1/2uWtPY2eneQV8EAWd+9w52rlkomy8++npFICEmLAu4wd/i3F1YzJfB1YLhJiqF
CiSdS4/im6Mhym1gw1UJn/ZEUypOVIlXUjD3Kg1NFvbeFJPP+vuOUHi/GreqsULKJyWFF2AD8hXs
krE/0s0ouD/OvL2TkCdDm3aH3zxzfmU2D/1IwGs8Q55/Og5UuffTtDOsIViPqwiBSQRQeM4y8VXI
GBcaRHCHO6RywJhwi8qqniSSBGOi
</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData></saml:EncryptedAssertion>"##;

    /// AES-128-GCM, xenc11#rsa-oaep SHA-256 with MGF1-SHA256, sibling EncryptedKey (Shibboleth style), encrypted by `cryptography`.
    const INTEROP_GCM_SIBLING: &str = r##"<saml2:EncryptedAssertion xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion"><xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#" Id="_ed2" Type="http://www.w3.org/2001/04/xmlenc#Element"><xenc:EncryptionMethod Algorithm="http://www.w3.org/2009/xmlenc11#aes128-gcm" xmlns:xenc="http://www.w3.org/2001/04/xmlenc#"/><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:RetrievalMethod Type="http://www.w3.org/2001/04/xmlenc#EncryptedKey" URI="#_ek2"/></ds:KeyInfo><xenc:CipherData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#"><xenc:CipherValue>EvXyAoJU7E0+fRYVzWfwqdGHRgyImVZWuVkIWbolk8KFIWRNadyTeDIGO/Ei78CJ47qNxRZvNU2vpsgl3IVYcUpFHCAfHwe1ePq2CuJ8rprR8fS0Q8DHZ6Ua9dOrgsMHe229CXJfAwhop11ZlsQkqZ9/WjzzUZI2llw+UpwHby3Puj8OvJs5pAstbRr/ftnXqJJQlDWOxvrB7TsExs1R/q2v9iPqyNleIosPufV+vVOPMmKmV1/CDM9+1QeLXm4=</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData><xenc:EncryptedKey xmlns:xenc="http://www.w3.org/2001/04/xmlenc#" Id="_ek2" Recipient="https://signin.aws.amazon.com/saml"><xenc:EncryptionMethod Algorithm="http://www.w3.org/2009/xmlenc11#rsa-oaep" xmlns:xenc="http://www.w3.org/2001/04/xmlenc#"><ds:DigestMethod xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><xenc11:MGF xmlns:xenc11="http://www.w3.org/2009/xmlenc11#" Algorithm="http://www.w3.org/2009/xmlenc11#mgf1sha256"/></xenc:EncryptionMethod><xenc:CipherData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#"><xenc:CipherValue>1wzcKvTLGKkAXhsZ7xIcCLjFpRVfV9k0dyAgoxrDI8RuxGBiOjIsRSYcBJlEjnB9D0/4rSj4stjdfHBBiHfV2Ba8ok8e3G33fSpMnIIkAEdujDajEEn7MXUldBf5N6xt6d+XMcg+we/PN9vkjunmVe8+a1Ve+23u9oumIKy81zoRh+ygfokbLHKVVUXxMGA1pqhMqKoEfFKd+XPlf6mmP8TXj44qZt9irqBiAeNUyyI1R06I0rEGhs+5ezboOCw3oUrqDg3cw0iOrElEtuVEVHZ+GN6kF+pcLyg2/zw/SODaaQiG69mZaeih1TC3e59i64vw9lJKAbtJ06gcq+MqWg==</xenc:CipherValue></xenc:CipherData></xenc:EncryptedKey></saml2:EncryptedAssertion>"##;

    /// Vectors from another implementation (Python `cryptography`, i.e. OpenSSL): both key
    /// placements, both OAEP flavours, CBC with random pad bytes, GCM.
    #[test]
    fn interop_vectors_decrypt() {
        let keys = [key(0), DecryptionKey::from_pem(INTEROP_KEY).unwrap()];
        let expected = r#"<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_interop" Version="2.0"><saml:Issuer>http://www.okta.com/exk1</saml:Issuer></saml:Assertion>"#;
        for xml in [INTEROP_CBC_INLINE, INTEROP_GCM_SIBLING] {
            assert_eq!(decrypt(xml, &keys).unwrap(), expected);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// Arbitrary edits of a valid encrypted assertion never panic.
        #[test]
        fn hostile_input_never_panics(
            edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..6),
            cut in any::<usize>(),
        ) {
            let xml = encrypt(ContentAlgorithm::Aes128Cbc);
            let mut bytes = xml.into_bytes();
            for (at, byte) in edits {
                let i = at % bytes.len();
                bytes[i] = byte;
            }
            bytes.truncate(bytes.len() - cut % 64);
            if let Ok(text) = String::from_utf8(bytes)
                && let Ok(doc) = Document::parse(&text)
            {
                let _ = decrypt_assertion(doc.root_element(), &[key(0)]);
            }
        }
    }
}
