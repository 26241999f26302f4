//! Self-contained session tokens (spec api.md §2.7, §7.5; ADR 0004).
//!
//! A session token is the session record (§7.5), encoded with the bounded binary format of
//! `wire.rs`, optionally deflated, and sealed with XChaCha20-Poly1305 under the current key of
//! a [`KeyRing`]. Verifying a request therefore needs no database read: the token carries the
//! session's secret access key, which only the holder of the ring key can read.
//!
//! Token bytes (before base64url without padding):
//! `version (1) | key id (4, BE) | nonce (24) | ciphertext | tag (16)`; the first five bytes
//! are the AEAD's associated data, so a token cannot be re-labelled with another key id.

use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use rand::CryptoRng;
use subtle::ConstantTimeEq;
use zeroize::{Zeroize, Zeroizing};

use crate::wire::{Malformed, Reader, TooLarge, Writer};

/// The longest session any STS operation issues (GetSessionToken / GetFederationToken,
/// api.md §7.1): keys must stay in the ring at least this long after they stop sealing.
pub const MAX_SESSION_SECONDS: i64 = 129_600;

/// Extra time a retired key stays in the ring beyond [`MAX_SESSION_SECONDS`], covering clock
/// skew between nodes and the SigV4 request-time window (15 minutes, api.md §2.4).
pub const RETIREMENT_MARGIN_SECONDS: i64 = 3_600;

/// The longest token text [`KeyRing::verify`] looks at; anything longer is rejected before
/// decoding (a cheap bound against oversized headers). Realistic tokens stay ≤ 2,048.
pub const MAX_TOKEN_CHARS: usize = 8_192;

const TOKEN_VERSION: u8 = 1;
const RECORD_VERSION: u8 = 1;
const HEADER_LEN: usize = 1 + 4;
const NONCE_LEN: usize = 24;
const TAG_LEN: usize = 16;
/// Bound on the decompressed plaintext: far above any record that fits the packed-policy
/// budget (§6.11), small enough that a key-holder bug cannot exhaust memory.
const MAX_PLAINTEXT: usize = 64 * 1024;
/// Records shorter than this are stored raw: their token stays under 2,048 characters
/// anyway ((46 + 1,400) × 4/3 ≈ 1,930), and inflating costs several times the AEAD, which
/// matters for the ≤ 5 µs verification target. Only larger records are deflated.
const COMPRESS_THRESHOLD: usize = 1_400;
const FLAG_RAW: u8 = 0;
const FLAG_DEFLATE: u8 = 1;

/// A secret access key: redacted in `Debug`, wiped from memory on drop.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretKey(String);

impl SecretKey {
    /// Wraps a secret access key text.
    pub fn new(secret: impl Into<String>) -> Self {
        Self(secret.into())
    }

    /// The secret text (to sign with, or to return once in an STS result).
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretKey(<redacted>)")
    }
}

impl Drop for SecretKey {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

/// What kind of caller the session represents (api.md §3.6).
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub enum SessionKind {
    /// A role session (AssumeRole, AssumeRoleWithWebIdentity, AssumeRoleWithSAML).
    RoleSession,
    /// A `GetFederationToken` session.
    FederatedUser,
    /// An IAM user's `GetSessionToken` session.
    UserSession,
    /// The root user's `GetSessionToken` session, or an `AssumeRoot` session.
    RootSession,
}

/// The STS operation that issued the session (§7.5): drives §7.6 and role chaining.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub enum IssuingOperation {
    /// `AssumeRole`.
    AssumeRole,
    /// `AssumeRoleWithWebIdentity`.
    AssumeRoleWithWebIdentity,
    /// `AssumeRoleWithSAML`.
    AssumeRoleWithSaml,
    /// `GetSessionToken`.
    GetSessionToken,
    /// `GetFederationToken`.
    GetFederationToken,
    /// `AssumeRoot` (tier 3).
    AssumeRoot,
}

impl IssuingOperation {
    /// The STS action name (`AssumeRole`, `AssumeRoleWithSAML`, …).
    pub fn name(self) -> &'static str {
        match self {
            Self::AssumeRole => "AssumeRole",
            Self::AssumeRoleWithWebIdentity => "AssumeRoleWithWebIdentity",
            Self::AssumeRoleWithSaml => "AssumeRoleWithSAML",
            Self::GetSessionToken => "GetSessionToken",
            Self::GetFederationToken => "GetFederationToken",
            Self::AssumeRoot => "AssumeRoot",
        }
    }
}

/// Federation data a session keeps for later requests (api.md §7.5, policy.md §5.7).
#[derive(Clone, Debug, Eq, PartialEq)]
pub enum Federation {
    /// An AssumeRoleWithWebIdentity session.
    WebIdentity {
        /// `aws:FederatedProvider`: the OIDC provider ARN (or built-in IdP name).
        provider: String,
        /// The condition-key prefix: the provider URL without `https://` (policy.md §5.7).
        prefix: String,
        /// `<prefix>:sub`.
        sub: String,
        /// `<prefix>:aud`.
        aud: String,
        /// `<prefix>:amr` (multivalued; empty when the token has none).
        amr: Vec<String>,
    },
    /// An AssumeRoleWithSAML session: the `saml:*` keys that survive the call.
    Saml {
        /// `saml:sub` (the NameID).
        sub: String,
        /// `saml:sub_type`.
        sub_type: String,
        /// `saml:namequalifier`.
        namequalifier: String,
    },
}

/// Everything the server must remember about an issued session (api.md §7.5).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct SessionRecord {
    /// The temporary access key id (`ASIA…`).
    pub access_key_id: String,
    /// The session's secret access key.
    pub secret_access_key: SecretKey,
    /// Issue instant, Unix seconds (`aws:TokenIssueTime`).
    pub issued_at: i64,
    /// Expiration instant, Unix seconds; the session is expired from this instant on.
    pub expires_at: i64,
    /// The account the session belongs to (the role's account for role sessions).
    pub account: String,
    /// The kind of caller.
    pub kind: SessionKind,
    /// The issuing operation.
    pub operation: IssuingOperation,
    /// The identity ARN (GetCallerIdentity `Arn`).
    pub identity_arn: String,
    /// The `aws:userid` value (GetCallerIdentity `UserId`).
    pub user_id: String,
    /// The parent entity's unique id (role id, user id, or the account id for root).
    pub parent_id: String,
    /// The parent entity's ARN (role ARN with path, user ARN, or root ARN).
    pub parent_arn: String,
    /// The role session name or the federated user name.
    pub session_name: Option<String>,
    /// Whether the session is MFA-authenticated (`aws:MultiFactorAuthPresent`).
    pub mfa_present: bool,
    /// When MFA was validated, Unix seconds (`aws:MultiFactorAuthAge` counts from it).
    pub mfa_auth_time: Option<i64>,
    /// The inline session policy text.
    pub policy: Option<String>,
    /// The managed session policy ARNs.
    pub policy_arns: Vec<String>,
    /// The source identity (`aws:SourceIdentity`).
    pub source_identity: Option<String>,
    /// The final principal tags (`aws:PrincipalTag/*`, §7.3), in order.
    pub tags: Vec<(String, String)>,
    /// The transitive tag keys (propagated by chaining, §7.3).
    pub transitive_tag_keys: Vec<String>,
    /// Federation data of web-identity / SAML sessions.
    pub federation: Option<Federation>,
    /// Whether the session was obtained by role chaining (§7.1).
    pub chained: bool,
}

impl SessionRecord {
    fn encode(&self) -> Result<Vec<u8>, TooLarge> {
        let mut w = Writer {
            buf: Vec::with_capacity(256),
        };
        w.u8(RECORD_VERSION);
        w.str(&self.access_key_id)?;
        w.str(self.secret_access_key.expose())?;
        w.i64(self.issued_at);
        w.i64(self.expires_at);
        w.str(&self.account)?;
        w.u8(kind_code(self.kind));
        w.u8(op_code(self.operation));
        w.str(&self.identity_arn)?;
        w.str(&self.user_id)?;
        w.str(&self.parent_id)?;
        w.str(&self.parent_arn)?;
        w.opt_str(self.session_name.as_deref())?;
        w.u8(u8::from(self.mfa_present));
        match self.mfa_auth_time {
            None => w.u8(0),
            Some(t) => {
                w.u8(1);
                w.i64(t);
            }
        }
        w.opt_str(self.policy.as_deref())?;
        w.strs(&self.policy_arns)?;
        w.opt_str(self.source_identity.as_deref())?;
        w.count(self.tags.len())?;
        for (k, v) in &self.tags {
            w.str(k)?;
            w.str(v)?;
        }
        w.strs(&self.transitive_tag_keys)?;
        match &self.federation {
            None => w.u8(0),
            Some(Federation::WebIdentity {
                provider,
                prefix,
                sub,
                aud,
                amr,
            }) => {
                w.u8(1);
                w.str(provider)?;
                w.str(prefix)?;
                w.str(sub)?;
                w.str(aud)?;
                w.strs(amr)?;
            }
            Some(Federation::Saml {
                sub,
                sub_type,
                namequalifier,
            }) => {
                w.u8(2);
                w.str(sub)?;
                w.str(sub_type)?;
                w.str(namequalifier)?;
            }
        }
        w.u8(u8::from(self.chained));
        Ok(w.buf)
    }

    fn decode(bytes: &[u8]) -> Result<Self, Malformed> {
        let mut r = Reader::new(bytes);
        if r.u8()? != RECORD_VERSION {
            return Err(Malformed);
        }
        let access_key_id = r.str()?;
        let secret_access_key = SecretKey(r.str()?);
        let issued_at = r.i64()?;
        let expires_at = r.i64()?;
        let account = r.str()?;
        let kind = kind_from(r.u8()?)?;
        let operation = op_from(r.u8()?)?;
        let identity_arn = r.str()?;
        let user_id = r.str()?;
        let parent_id = r.str()?;
        let parent_arn = r.str()?;
        let session_name = r.opt_str()?;
        let mfa_present = r.bool()?;
        let mfa_auth_time = if r.bool()? { Some(r.i64()?) } else { None };
        let policy = r.opt_str()?;
        let policy_arns = r.strs()?;
        let source_identity = r.opt_str()?;
        let n = r.count()?;
        let tags = (0..n)
            .map(|_| Ok((r.str()?, r.str()?)))
            .collect::<Result<Vec<_>, Malformed>>()?;
        let transitive_tag_keys = r.strs()?;
        let federation = match r.u8()? {
            0 => None,
            1 => Some(Federation::WebIdentity {
                provider: r.str()?,
                prefix: r.str()?,
                sub: r.str()?,
                aud: r.str()?,
                amr: r.strs()?,
            }),
            2 => Some(Federation::Saml {
                sub: r.str()?,
                sub_type: r.str()?,
                namequalifier: r.str()?,
            }),
            _ => return Err(Malformed),
        };
        let chained = r.bool()?;
        r.finish()?;
        Ok(Self {
            access_key_id,
            secret_access_key,
            issued_at,
            expires_at,
            account,
            kind,
            operation,
            identity_arn,
            user_id,
            parent_id,
            parent_arn,
            session_name,
            mfa_present,
            mfa_auth_time,
            policy,
            policy_arns,
            source_identity,
            tags,
            transitive_tag_keys,
            federation,
            chained,
        })
    }
}

fn kind_code(k: SessionKind) -> u8 {
    match k {
        SessionKind::RoleSession => 0,
        SessionKind::FederatedUser => 1,
        SessionKind::UserSession => 2,
        SessionKind::RootSession => 3,
    }
}

fn kind_from(b: u8) -> Result<SessionKind, Malformed> {
    Ok(match b {
        0 => SessionKind::RoleSession,
        1 => SessionKind::FederatedUser,
        2 => SessionKind::UserSession,
        3 => SessionKind::RootSession,
        _ => return Err(Malformed),
    })
}

fn op_code(o: IssuingOperation) -> u8 {
    match o {
        IssuingOperation::AssumeRole => 0,
        IssuingOperation::AssumeRoleWithWebIdentity => 1,
        IssuingOperation::AssumeRoleWithSaml => 2,
        IssuingOperation::GetSessionToken => 3,
        IssuingOperation::GetFederationToken => 4,
        IssuingOperation::AssumeRoot => 5,
    }
}

fn op_from(b: u8) -> Result<IssuingOperation, Malformed> {
    Ok(match b {
        0 => IssuingOperation::AssumeRole,
        1 => IssuingOperation::AssumeRoleWithWebIdentity,
        2 => IssuingOperation::AssumeRoleWithSaml,
        3 => IssuingOperation::GetSessionToken,
        4 => IssuingOperation::GetFederationToken,
        5 => IssuingOperation::AssumeRoot,
        _ => return Err(Malformed),
    })
}

/// Why a token could not be sealed.
#[derive(Debug, thiserror::Error, Clone, Copy, PartialEq, Eq)]
pub enum SealError {
    /// A field exceeds the encoding's bounds (a string over 65,535 bytes or a list over 512
    /// items), or the token would exceed [`MAX_TOKEN_CHARS`].
    #[error("session record too large to seal")]
    TooLarge,
    /// The AEAD refused to encrypt (cannot happen for in-bounds plaintexts).
    #[error("session token encryption failed")]
    Encryption,
}

/// Why a token was refused. The server maps [`VerifyError::Invalid`] to
/// `InvalidClientTokenId` (`The security token included in the request is invalid.`) and
/// [`VerifyError::Expired`] to `ExpiredToken` (`The security token included in the request
/// is expired`), api.md §2.7.
#[derive(Debug, thiserror::Error, Clone, Copy, PartialEq, Eq)]
pub enum VerifyError {
    /// Malformed, forged, sealed by an unknown key, or issued for another access key id.
    #[error("The security token included in the request is invalid.")]
    Invalid,
    /// Authentic, but past its expiration.
    #[error("The security token included in the request is expired")]
    Expired,
}

/// One token key of a [`KeyRing`].
#[derive(Clone)]
struct RingKey {
    id: u32,
    created_at: i64,
    key: Zeroizing<[u8; 32]>,
}

/// The token keys of a deployment: the last key seals, every key opens (ADR 0004).
/// Cloning copies the key material (the server rotates a copy, then swaps it in).
#[derive(Clone)]
pub struct KeyRing {
    /// Oldest first; the last one is current. Never empty.
    keys: Vec<RingKey>,
}

impl fmt::Debug for KeyRing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KeyRing")
            .field("key_ids", &self.key_ids())
            .finish_non_exhaustive()
    }
}

/// Why key-ring bytes could not be loaded.
#[derive(Debug, thiserror::Error, Clone, Copy, PartialEq, Eq)]
pub enum KeyRingError {
    /// Wrong version, wrong length, no key, or duplicate key ids.
    #[error("malformed key ring")]
    Malformed,
}

const RING_VERSION: u8 = 1;
const RING_ENTRY_LEN: usize = 4 + 8 + 32;
/// The most keys a ring holds; rotation normally keeps two or three.
const MAX_RING_KEYS: usize = 64;

impl KeyRing {
    /// A new ring with one fresh random key created at `now` (Unix seconds).
    pub fn generate<R: CryptoRng + ?Sized>(rng: &mut R, now: i64) -> Self {
        let mut ring = Self { keys: Vec::new() };
        ring.push_new(rng, now);
        ring
    }

    fn push_new<R: CryptoRng + ?Sized>(&mut self, rng: &mut R, now: i64) {
        // Random ids (not a counter) make a token of another deployment miss the key lookup
        // almost always; when ids collide the AEAD tag still rejects it.
        let id = loop {
            let id = rng.next_u32();
            if self.keys.iter().all(|k| k.id != id) {
                break id;
            }
        };
        let mut key = Zeroizing::new([0u8; 32]);
        rng.fill_bytes(key.as_mut());
        self.keys.push(RingKey {
            id,
            created_at: now,
            key,
        });
    }

    /// Adds a new current key and retires every key that stopped being current more than
    /// [`MAX_SESSION_SECONDS`] + [`RETIREMENT_MARGIN_SECONDS`] before `now`: no unexpired
    /// token can still be sealed with it. (A key's *retirement clock* starts when its
    /// successor was created, not when it was created itself.)
    pub fn rotate<R: CryptoRng + ?Sized>(&mut self, rng: &mut R, now: i64) {
        self.push_new(rng, now);
        let horizon = now.saturating_sub(MAX_SESSION_SECONDS + RETIREMENT_MARGIN_SECONDS);
        let superseded: Vec<i64> = self.keys.iter().skip(1).map(|k| k.created_at).collect();
        let mut keep = Vec::with_capacity(self.keys.len());
        for (i, key) in std::mem::take(&mut self.keys).into_iter().enumerate() {
            // The key at index i was superseded when key i+1 was created.
            let retired = superseded.get(i).is_some_and(|&t| t <= horizon);
            if !retired {
                keep.push(key);
            }
        }
        self.keys = keep;
    }

    /// The ids of the keys in the ring, oldest first (the last one seals).
    pub fn key_ids(&self) -> Vec<u32> {
        self.keys.iter().map(|k| k.id).collect()
    }

    /// The id of the sealing key.
    pub fn current_key_id(&self) -> u32 {
        self.keys.last().map_or(0, |k| k.id)
    }

    /// When the sealing key was created, Unix seconds (the server rotates once it is older
    /// than its rotation period).
    pub fn current_key_created_at(&self) -> i64 {
        self.keys.last().map_or(i64::MIN, |k| k.created_at)
    }

    /// Whether `token` names a key this ring does not hold, e.g. one another node created
    /// a moment ago (the server then reloads the stored ring once). `false` for text that
    /// is not a token at all: reloading cannot help it.
    pub fn lacks_token_key(&self, token: &str) -> bool {
        if token.len() > MAX_TOKEN_CHARS {
            return false;
        }
        // Only the header is needed: base64 of the first 8 characters gives 6 bytes.
        let Some(prefix) = token.get(..8) else {
            return false;
        };
        let Ok(bytes) = URL_SAFE_NO_PAD.decode(prefix) else {
            return false;
        };
        let Some(([version, id @ ..], _)) = bytes.split_first_chunk::<HEADER_LEN>() else {
            return false;
        };
        let id = u32::from_be_bytes(*id);
        *version == TOKEN_VERSION && self.keys.iter().all(|k| k.id != id)
    }

    /// Serialises the ring (key material included: the server must encrypt these bytes
    /// with its own cipher before persisting or sharing them).
    pub fn to_bytes(&self) -> Zeroizing<Vec<u8>> {
        let mut out = Zeroizing::new(Vec::with_capacity(2 + self.keys.len() * RING_ENTRY_LEN));
        out.push(RING_VERSION);
        out.push(u8::try_from(self.keys.len()).unwrap_or(u8::MAX));
        for k in self.keys.iter().take(usize::from(u8::MAX)) {
            out.extend_from_slice(&k.id.to_be_bytes());
            out.extend_from_slice(&k.created_at.to_be_bytes());
            out.extend_from_slice(k.key.as_ref());
        }
        out
    }

    /// Loads a ring written by [`KeyRing::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, KeyRingError> {
        let Some((&[version, count], rest)) = bytes.split_first_chunk::<2>() else {
            return Err(KeyRingError::Malformed);
        };
        let count = usize::from(count);
        if version != RING_VERSION
            || count == 0
            || count > MAX_RING_KEYS
            || rest.len() != count * RING_ENTRY_LEN
        {
            return Err(KeyRingError::Malformed);
        }
        let mut keys: Vec<RingKey> = Vec::with_capacity(count);
        for chunk in rest.chunks_exact(RING_ENTRY_LEN) {
            let (id, tail) = chunk
                .split_first_chunk::<4>()
                .ok_or(KeyRingError::Malformed)?;
            let (created, key_bytes) = tail
                .split_first_chunk::<8>()
                .ok_or(KeyRingError::Malformed)?;
            let id = u32::from_be_bytes(*id);
            if keys.iter().any(|k| k.id == id) {
                return Err(KeyRingError::Malformed);
            }
            let mut key = Zeroizing::new([0u8; 32]);
            key.copy_from_slice(key_bytes);
            keys.push(RingKey {
                id,
                created_at: i64::from_be_bytes(*created),
                key,
            });
        }
        Ok(Self { keys })
    }

    fn current(&self) -> Result<&RingKey, SealError> {
        self.keys.last().ok_or(SealError::Encryption)
    }

    /// Seals `record` into token text under the current key.
    pub fn seal<R: CryptoRng + ?Sized>(
        &self,
        record: &SessionRecord,
        rng: &mut R,
    ) -> Result<String, SealError> {
        let encoded = Zeroizing::new(record.encode().map_err(|_| SealError::TooLarge)?);
        let mut plaintext = Zeroizing::new(Vec::with_capacity(encoded.len() + 1));
        let compressed = (encoded.len() >= COMPRESS_THRESHOLD)
            .then(|| miniz_oxide::deflate::compress_to_vec(&encoded, 9))
            .filter(|c| c.len() < encoded.len());
        match compressed {
            Some(c) => {
                // The raw length lets `verify` inflate into an exact-size buffer in one pass.
                let raw_len = u32::try_from(encoded.len()).map_err(|_| SealError::TooLarge)?;
                plaintext.push(FLAG_DEFLATE);
                plaintext.extend_from_slice(&raw_len.to_be_bytes());
                plaintext.extend_from_slice(&c);
            }
            None => {
                plaintext.push(FLAG_RAW);
                plaintext.extend_from_slice(&encoded);
            }
        }
        let key = self.current()?;
        let mut out = Vec::with_capacity(HEADER_LEN + NONCE_LEN + plaintext.len() + TAG_LEN);
        out.push(TOKEN_VERSION);
        out.extend_from_slice(&key.id.to_be_bytes());
        let mut nonce = [0u8; NONCE_LEN];
        rng.fill_bytes(&mut nonce);
        let cipher = XChaCha20Poly1305::new(Key::from_slice(key.key.as_ref()));
        let sealed = cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: &plaintext,
                    aad: &out,
                },
            )
            .map_err(|_| SealError::Encryption)?;
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        let text = URL_SAFE_NO_PAD.encode(out);
        if text.len() > MAX_TOKEN_CHARS {
            return Err(SealError::TooLarge);
        }
        Ok(text)
    }

    /// Opens `token` and checks it belongs to `request_key_id` and is unexpired at `now`.
    pub fn verify(
        &self,
        token: &str,
        request_key_id: &str,
        now: i64,
    ) -> Result<SessionRecord, VerifyError> {
        if token.len() > MAX_TOKEN_CHARS {
            return Err(VerifyError::Invalid);
        }
        let bytes = URL_SAFE_NO_PAD
            .decode(token)
            .map_err(|_| VerifyError::Invalid)?;
        let (header, rest) = bytes
            .split_first_chunk::<HEADER_LEN>()
            .ok_or(VerifyError::Invalid)?;
        let (nonce, sealed) = rest
            .split_first_chunk::<NONCE_LEN>()
            .ok_or(VerifyError::Invalid)?;
        let [version, id @ ..] = *header;
        if version != TOKEN_VERSION || sealed.len() < TAG_LEN + 1 {
            return Err(VerifyError::Invalid);
        }
        let id = u32::from_be_bytes(id);
        let key = self
            .keys
            .iter()
            .find(|k| k.id == id)
            .ok_or(VerifyError::Invalid)?;
        let cipher = XChaCha20Poly1305::new(Key::from_slice(key.key.as_ref()));
        let plaintext = Zeroizing::new(
            cipher
                .decrypt(
                    XNonce::from_slice(nonce),
                    Payload {
                        msg: sealed,
                        aad: header,
                    },
                )
                .map_err(|_| VerifyError::Invalid)?,
        );
        let (flag, body) = plaintext.split_first().ok_or(VerifyError::Invalid)?;
        let record = match *flag {
            FLAG_RAW => SessionRecord::decode(body),
            FLAG_DEFLATE => {
                let (raw_len, deflated) =
                    body.split_first_chunk::<4>().ok_or(VerifyError::Invalid)?;
                let raw_len = usize::try_from(u32::from_be_bytes(*raw_len))
                    .map_err(|_| VerifyError::Invalid)?;
                if raw_len > MAX_PLAINTEXT {
                    return Err(VerifyError::Invalid);
                }
                let mut inflated = Zeroizing::new(vec![0u8; raw_len]);
                let written = miniz_oxide::inflate::decompress_slice_iter_to_slice(
                    &mut inflated,
                    std::iter::once(deflated),
                    false,
                    true,
                )
                .map_err(|_| VerifyError::Invalid)?;
                if written != raw_len {
                    return Err(VerifyError::Invalid);
                }
                SessionRecord::decode(&inflated)
            }
            _ => Err(Malformed),
        }
        .map_err(|_| VerifyError::Invalid)?;
        let same_key: bool = record
            .access_key_id
            .as_bytes()
            .ct_eq(request_key_id.as_bytes())
            .into();
        if !same_key {
            return Err(VerifyError::Invalid);
        }
        if now >= record.expires_at {
            return Err(VerifyError::Expired);
        }
        Ok(record)
    }
}
