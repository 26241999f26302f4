//! The pure core of Warden's STS (spec api.md §6, §7): sealed self-contained session tokens
//! and their key ring, temporary credentials, the session rules (durations, packed size,
//! session tags, caller restrictions, session identities), TOTP for MFA devices, OIDC
//! ID-token verification for AssumeRoleWithWebIdentity, and SAML 2.0 metadata parsing and
//! signed-response verification for AssumeRoleWithSAML.
//!
//! No I/O, no clock: every time is a parameter (Unix seconds), every random value comes from
//! an injected RNG.

pub mod creds;
pub mod oidc;
pub mod rules;
pub mod saml;
pub mod saml_encryption;
pub mod session;
pub mod token;
pub mod totp;
mod wire;

pub use creds::{access_key_account, new_access_key_id, new_secret_access_key};
pub use token::{
    Federation, IssuingOperation, KeyRing, KeyRingError, SealError, SecretKey, SessionKind,
    SessionRecord, VerifyError,
};
