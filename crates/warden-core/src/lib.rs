//! Warden's domain model and the seams the IAM operations run on.
//!
//! * [`model`]: one typed record per stored entity (api.md §3).
//! * [`Store`] / [`Transaction`]: the storage trait. An operation runs all its reads,
//!   checks, writes and its audit insert in one transaction; backends live in
//!   `warden-store-sqlite` and `warden-store-postgres` and pass one conformance suite
//!   (feature `test-suite`).
//! * [`IdGenerator`], [`Clock`], [`SecretCipher`]: ids, time and secret encryption,
//!   injected so that tests are deterministic and the core reads no global state.
//!
//! The crate is async but runtime-agnostic: it defines futures, it never spawns or sleeps.
//! The only I/O is [`keyfile`], read once at startup.

pub mod clock;
pub mod ids;
pub mod keyfile;
pub mod model;
pub mod secret;
pub mod store;
#[cfg(feature = "test-suite")]
pub mod test_suite;

pub use clock::{Clock, FixedClock, SystemClock};
pub use ids::{IdGenerator, IdKind, RandomIds, SequentialIds};
pub use model::OutboundSigningKey;
pub use model::{
    AWS_MANAGED_OWNER, AccountImport, ImportCounts, ImportedPolicy, ImportedPolicyVersion,
    ImportedRelations, PolicyScope, is_aws_managed_arn,
};
pub use model::{
    AccessKey, Account, AuditEvent, AuditOutcome, CountedEntity, Group, InlinePolicy, KeyLastUsed,
    KeyOwner, KeyStatus, ManagedPolicy, NewPolicy, OidcProvider, PolicyHolder, PolicyUsage,
    PolicyVersion, ResolvedPrincipal, Role, RoleLastUsed, Tag, TagTarget, User,
};
pub use model::{AccountUsage, LoginProfile, PasswordHash, PasswordPolicy};
pub use model::{CredentialReport, GlobalEndpointTokenVersion, ReportJob, ReportJobKind};
pub use model::{InstanceProfile, Workload};
pub use model::{SamlPrivateKey, SamlProvider};
pub use model::{ServerCertificate, ServiceCredential, SigningCertificate, SshPublicKey};
pub use secret::{
    AeadCipher, CipherError, CipherKey, EncryptedSecret, SecretAccessKey, SecretCipher,
};
pub use store::{
    BackendError, Change, ChangeStream, Constraint, CorruptError, ListQuery, Page, Store,
    StoreError, Transaction, name_key,
};
