//! AWS Signature Version 4 verification for Warden's IAM/STS endpoints, sans I/O.
//!
//! The crate does no I/O, reads no clock and knows no key store: the caller injects the
//! request, `now` and the secret. Verification is split in two phases so that the server can
//! do the asynchronous key lookup in between (api.md §2, error precedence §2.8):
//!
//! ```
//! use std::time::{Duration, SystemTime, UNIX_EPOCH};
//! use warden_sigv4::{RequestParts, ScopeRules, SecretKey, SigV4Error, parse, payload_sha256};
//!
//! # fn lookup_secret(_: &str) -> Option<SecretKey> { Some(SecretKey::new("secret")) }
//! fn authenticate(parts: RequestParts<'_>, body: &[u8], now: SystemTime) -> Result<(), SigV4Error> {
//!     // 1. structure + credential scope (IncompleteSignature / SignatureDoesNotMatch)
//!     let parsed = parse(parts, &ScopeRules::new(&["iam", "sts"]))?;
//!     // 2. clock skew, before the key lookup (SignatureDoesNotMatch)
//!     parsed.check_time(now)?;
//!     // 3. the caller's store; unknown keys MUST map to InvalidClientTokenId
//!     let secret = lookup_secret(parsed.access_key_id())
//!         .ok_or_else(|| SigV4Error::invalid_client_token_id("unknown access key"))?;
//!     // 4. the signature (SignatureDoesNotMatch)
//!     let verified = parsed.verify(&secret, &payload_sha256(body), now)?;
//!     let _dispatch_on = verified.scope().service;
//!     Ok(())
//! }
//! # let now = UNIX_EPOCH + Duration::from_secs(1_440_938_160);
//! # let headers = [("Host", "example.com")];
//! # let parts = RequestParts { method: "GET", path: "/", query: "", headers: &headers };
//! # assert_eq!(authenticate(parts, b"", now).unwrap_err().code(), "MissingAuthenticationToken");
//! ```
//!
//! Design notes:
//! * Servers may cache a [`SigningKey`] per `(access key, date, region, service)` and use
//!   [`ParsedRequest::verify_with_key`]; the key remembers its scope and is refused for another.
//! * The crate never says whether an access key exists: it has no way to know. The caller
//!   must answer unknown, inactive and deleted keys alike with
//!   [`SigV4Error::invalid_client_token_id`] (api.md §2.7).
//! * Any region matching `[a-z0-9-]{1,32}` is accepted (clients with endpoint overrides sign
//!   with their configured region); it is exposed in [`Scope`] for `aws:RequestedRegion`.
//! * Presigned URLs get the same ±15 minute window as headers; `X-Amz-Expires` is ignored, as
//!   AWS STS does (api.md §2.6).
//! * The payload hash is always the real body hash (the empty-body hash for a GET), also for
//!   presigned requests, so a body can never ride along unsigned.

mod canonical;
mod error;
mod parse;
mod signing_key;
mod time;
mod verify;

pub use error::{ErrorDetail, Reason, SigV4Error};
pub use parse::{
    ALGORITHM, AuthForm, ParsedRequest, RequestParts, Scope, ScopeRules, is_region_name, parse,
};
pub use signing_key::{SecretKey, SigningKey, signing_key};
pub use verify::{Verified, payload_sha256};
