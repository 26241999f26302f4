//! Pure parsing of the credentials IAM stores (api.md §5.15): X.509 certificates (server
//! and signing certificates), the private keys of server certificates, and SSH public
//! keys. No I/O, no clock: callers pass the time when validity matters.
//!
//! PEM is read leniently, the way AWS's (Java) parser reads it: text outside the
//! `-----BEGIN …-----`/`-----END …-----` lines is ignored and the base64 inside may be
//! wrapped at any width. The DER inside is parsed strictly.

mod pem;
mod ssh;
mod x509;

pub use ssh::{SshKeyError, SshPublicKey, parse_ssh_public_key};
pub use x509::{
    CertError, KeyAlgorithm, ParsedCertificate, PrivateKey, parse_certificate,
    parse_certificate_chain, parse_private_key,
};
