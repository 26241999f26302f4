//! Validated identifiers shared by every Warden crate.
//!
//! Each type here is a newtype that can only hold a valid value: parse once at the edge
//! (wire input, configuration, stored rows) and pass the typed value everywhere else.
//! No I/O, no async.

mod account;
mod arn;

pub use account::{AccountId, AccountIdError};
pub use arn::{Arn, ArnError};
