//! Unique ids and credentials (api.md §3.3), behind a trait so tests get deterministic ids.

use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};

use rand::{Rng, RngCore};
use uuid::Uuid;

use crate::secret::SecretAccessKey;

/// RFC 4648 base32 alphabet, which AWS's ids use (clients must not depend on it).
const BASE32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// Characters of a secret access key: `A–Z a–z 0–9 / +` (api.md §3.3).
const SECRET_ALPHABET: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+";

/// Length of a secret access key.
pub const SECRET_ACCESS_KEY_LEN: usize = 40;

/// What an id is for; fixes its prefix and total length (api.md §3.3).
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub enum IdKind {
    /// Long-term access key id, `AKIA` + 16.
    AccessKey,
    /// Group id, `AGPA`, 21 characters.
    Group,
    /// Instance profile id, `AIPA`, 21 characters.
    InstanceProfile,
    /// Managed policy id, `ANPA`, 21 characters.
    Policy,
    /// Managed policy version id (internal), `ANVA`, 21 characters.
    PolicyVersion,
    /// Role id, `AROA`, 21 characters.
    Role,
    /// Server certificate id, `ASCA`, 21 characters.
    ServerCertificate,
    /// Service-specific credential id, `ACCA`, 21 characters.
    ServiceSpecificCredential,
    /// Signing certificate id (`CertificateId`): no prefix, 32 upper-case alphanumerics
    /// (api.md §3.3; the model requires at least 24).
    SigningCertificate,
    /// SSH public key id, `APKA`, 20 characters.
    SshPublicKey,
    /// Temporary (STS) access key id, `ASIA` + 16.
    TemporaryAccessKey,
    /// User id, `AIDA`, 21 characters.
    User,
}

impl IdKind {
    /// The four-letter prefix.
    pub fn prefix(self) -> &'static str {
        match self {
            Self::AccessKey => "AKIA",
            Self::Group => "AGPA",
            Self::InstanceProfile => "AIPA",
            Self::Policy => "ANPA",
            Self::PolicyVersion => "ANVA",
            Self::Role => "AROA",
            Self::ServerCertificate => "ASCA",
            Self::ServiceSpecificCredential => "ACCA",
            Self::SigningCertificate => "",
            Self::SshPublicKey => "APKA",
            Self::TemporaryAccessKey => "ASIA",
            Self::User => "AIDA",
        }
    }

    /// The total length including the prefix.
    pub fn id_len(self) -> usize {
        match self {
            Self::AccessKey | Self::SshPublicKey | Self::TemporaryAccessKey => 20,
            Self::Group
            | Self::InstanceProfile
            | Self::Policy
            | Self::PolicyVersion
            | Self::Role
            | Self::ServerCertificate
            | Self::ServiceSpecificCredential
            | Self::User => 21,
            Self::SigningCertificate => 32,
        }
    }
}

/// Source of ids and secrets. Injected so that tests and fixtures are reproducible; the
/// real one draws from a CSPRNG.
pub trait IdGenerator: fmt::Debug + Send + Sync {
    /// A new unique id of `kind`: its prefix followed by base32 characters.
    fn unique_id(&self, kind: IdKind) -> String;
    /// A new 40-character secret access key.
    fn secret_access_key(&self) -> SecretAccessKey;
    /// A new event id (a UUID, CloudTrail's `eventID`).
    fn event_id(&self) -> String;
}

/// Ids from the thread-local CSPRNG (`rand::rng()`, ChaCha12 seeded from the OS).
#[derive(Clone, Copy, Debug, Default)]
pub struct RandomIds;

impl IdGenerator for RandomIds {
    fn unique_id(&self, kind: IdKind) -> String {
        let mut rng = rand::rng();
        let mut id = String::with_capacity(kind.id_len());
        id.push_str(kind.prefix());
        for _ in kind.prefix().len()..kind.id_len() {
            id.push(pick(BASE32, rng.random_range(0..BASE32.len())));
        }
        id
    }

    fn secret_access_key(&self) -> SecretAccessKey {
        let mut rng = rand::rng();
        let mut secret = String::with_capacity(SECRET_ACCESS_KEY_LEN);
        for _ in 0..SECRET_ACCESS_KEY_LEN {
            // 64 symbols: an unbiased draw.
            secret.push(pick(
                SECRET_ALPHABET,
                rng.random_range(0..SECRET_ALPHABET.len()),
            ));
        }
        SecretAccessKey::new(secret)
    }

    /// A time-ordered UUID (version 7: milliseconds since the epoch, then 74 random bits).
    /// CloudTrail's `eventID` is any UUID; time order makes each insert into the unique
    /// index of event ids land at its end instead of on a random page, which made the
    /// audit trail the largest write cost of a busy server (docs/performance-http.md).
    fn event_id(&self) -> String {
        let mut random = [0u8; 10];
        rand::rng().fill_bytes(&mut random);
        let millis = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX));
        uuid::Builder::from_unix_timestamp_millis(millis, &random)
            .into_uuid()
            .hyphenated()
            .to_string()
    }
}

/// Deterministic ids for tests: a counter rendered in the id's alphabet, so every call
/// yields a new, valid, predictable value.
#[derive(Debug, Default)]
pub struct SequentialIds {
    next: AtomicU64,
}

impl SequentialIds {
    /// A generator starting at zero.
    pub fn new() -> Self {
        Self::default()
    }

    fn bump(&self) -> u64 {
        self.next.fetch_add(1, Ordering::Relaxed)
    }
}

impl IdGenerator for SequentialIds {
    fn unique_id(&self, kind: IdKind) -> String {
        let width = kind.id_len() - kind.prefix().len();
        format!("{}{}", kind.prefix(), render(self.bump(), BASE32, width))
    }

    fn secret_access_key(&self) -> SecretAccessKey {
        SecretAccessKey::new(render(self.bump(), SECRET_ALPHABET, SECRET_ACCESS_KEY_LEN))
    }

    fn event_id(&self) -> String {
        Uuid::from_u128(u128::from(self.bump()))
            .hyphenated()
            .to_string()
    }
}

fn pick(alphabet: &[u8], index: usize) -> char {
    char::from(alphabet.get(index).copied().unwrap_or(b'A'))
}

/// `n` in base `alphabet.len()`, most significant digit first, left-padded to `width`.
fn render(mut n: u64, alphabet: &[u8], width: usize) -> String {
    let base = alphabet.len() as u64;
    let mut digits = vec![pick(alphabet, 0); width];
    for slot in digits.iter_mut().rev() {
        *slot = pick(alphabet, usize::try_from(n % base).unwrap_or(0));
        n /= base;
    }
    digits.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn well_formed(id: &str, kind: IdKind) -> bool {
        id.len() == kind.id_len()
            && id.starts_with(kind.prefix())
            && id.bytes().skip(4).all(|b| BASE32.contains(&b))
    }

    macro_rules! id_cases {
        ($($name:ident: $kind:expr,)*) => {$(
            #[test]
            fn $name() {
                let random = RandomIds.unique_id($kind);
                assert!(well_formed(&random, $kind), "{random}");
                let seq = SequentialIds::new();
                let (a, b) = (seq.unique_id($kind), seq.unique_id($kind));
                assert!(well_formed(&a, $kind), "{a}");
                assert_ne!(a, b);
            }
        )*};
    }

    id_cases! {
        user_id: IdKind::User,
        group_id: IdKind::Group,
        role_id: IdKind::Role,
        policy_id: IdKind::Policy,
        policy_version_id: IdKind::PolicyVersion,
        instance_profile_id: IdKind::InstanceProfile,
        server_certificate_id: IdKind::ServerCertificate,
        service_credential_id: IdKind::ServiceSpecificCredential,
        ssh_key_id: IdKind::SshPublicKey,
        access_key_id: IdKind::AccessKey,
        temporary_access_key_id: IdKind::TemporaryAccessKey,
    }

    #[test]
    fn secrets_are_forty_characters_of_the_secret_alphabet() {
        for secret in [
            RandomIds.secret_access_key(),
            SequentialIds::new().secret_access_key(),
        ] {
            assert_eq!(secret.expose().len(), SECRET_ACCESS_KEY_LEN);
            assert!(
                secret
                    .expose()
                    .bytes()
                    .all(|b| SECRET_ALPHABET.contains(&b))
            );
        }
    }

    #[test]
    fn random_ids_differ() {
        assert_ne!(
            RandomIds.unique_id(IdKind::User),
            RandomIds.unique_id(IdKind::User)
        );
        assert_ne!(RandomIds.event_id(), RandomIds.event_id());
    }

    #[test]
    fn event_ids_are_uuids() {
        let id = RandomIds.event_id();
        assert_eq!(Uuid::parse_str(&id).unwrap().get_version_num(), 7);
        // Time-ordered: a later id sorts after (the unique index appends at its end).
        std::thread::sleep(std::time::Duration::from_millis(2));
        assert!(RandomIds.event_id() > id);
        assert_eq!(
            SequentialIds::new().event_id(),
            "00000000-0000-0000-0000-000000000000"
        );
    }

    #[test]
    fn sequential_rendering_counts_in_base32() {
        let seq = SequentialIds::new();
        assert_eq!(seq.unique_id(IdKind::User), "AIDAAAAAAAAAAAAAAAAAA");
        assert_eq!(seq.unique_id(IdKind::User), "AIDAAAAAAAAAAAAAAAAAB");
        assert_eq!(seq.unique_id(IdKind::AccessKey), "AKIAAAAAAAAAAAAAAAAC");
    }
}
