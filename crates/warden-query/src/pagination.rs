//! Pagination helpers: `MaxItems` defaults and opaque `Marker` strings (api.md §1.5).
//!
//! A marker encodes the *last returned sort key*, not an offset, so that inserts and deletes
//! between two page requests neither duplicate nor skip unrelated items. It is bound to a
//! *scope* chosen by the caller (the operation name plus its filter parameters, e.g.
//! `ListUsers/PathPrefix=/eng/`): a marker replayed with another operation or other filters is
//! rejected, which api.md §1.5 allows.
//!
//! Wire form: unpadded base64url of `[version = 1][4-byte FNV-1a of the scope][sort key UTF-8]`.
//! The alphabet is inside the model's marker pattern `[\u0020-\u00FF]+`, and the format can
//! evolve through the version byte.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::error::ServiceError;

/// `MaxItems` when the request does not send it (api.md §1.5).
pub const DEFAULT_MAX_ITEMS: usize = 100;

/// The largest `MaxItems` the model allows (`maxItemsType` is `1..1000`).
pub const MAX_ITEMS_LIMIT: usize = 1000;

/// The model's limit on marker length (`markerType` is 1..320 characters).
pub const MARKER_MAX_LEN: usize = 320;

const VERSION: u8 = 1;
const HEADER_LEN: usize = 5;
/// Longest sort key whose marker still fits in [`MARKER_MAX_LEN`] base64 characters.
const MAX_KEY_BYTES: usize = MARKER_MAX_LEN / 4 * 3 - HEADER_LEN;

/// A marker sent by the client that this server did not produce for this listing.
///
/// Every variant is answered with `ValidationError` and the message [`MarkerError::WIRE_MESSAGE`]
/// (api.md §1.5); the variants only serve logs.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MarkerError {
    /// Not base64url, too short, or the key is not UTF-8.
    #[error("marker is not a well-formed marker")]
    Malformed,
    /// A version byte this server does not know.
    #[error("marker has unsupported version {version}")]
    UnsupportedVersion {
        /// The version byte found.
        version: u8,
    },
    /// Produced for another operation or other filter parameters.
    #[error("marker was issued for another listing")]
    WrongScope,
}

impl MarkerError {
    /// The message AWS sends for an undecodable marker (api.md §1.5, `VERIFY` wording).
    pub const WIRE_MESSAGE: &'static str = "Invalid Marker.";

    /// The wire error for every variant: `ValidationError`, 400.
    #[must_use]
    pub const fn service_error(&self) -> ServiceError {
        ServiceError::VALIDATION_ERROR
    }
}

/// A sort key too long to fit in a marker the model allows clients to send back.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("sort key of {len} bytes exceeds the marker capacity of {MAX_KEY_BYTES} bytes")]
pub struct MarkerKeyTooLongError {
    len: usize,
}

/// The page size for an optional `MaxItems`: 100 when absent, otherwise the value clamped to
/// `1..=1000` (the model validation has already rejected values outside that range; the clamp
/// only keeps this function total).
#[must_use]
pub fn page_size(max_items: Option<i32>) -> usize {
    max_items.map_or(DEFAULT_MAX_ITEMS, |n| {
        usize::try_from(n).unwrap_or(1).clamp(1, MAX_ITEMS_LIMIT)
    })
}

/// The marker pointing after `last_key` in the listing identified by `scope`.
///
/// # Errors
///
/// [`MarkerKeyTooLongError`] if `last_key` exceeds 235 bytes: use a shorter stable key (an id)
/// for such listings.
pub fn encode_marker(scope: &str, last_key: &str) -> Result<String, MarkerKeyTooLongError> {
    if last_key.len() > MAX_KEY_BYTES {
        return Err(MarkerKeyTooLongError {
            len: last_key.len(),
        });
    }
    let mut payload = Vec::with_capacity(HEADER_LEN + last_key.len());
    payload.push(VERSION);
    payload.extend_from_slice(&fnv1a(scope).to_be_bytes());
    payload.extend_from_slice(last_key.as_bytes());
    Ok(URL_SAFE_NO_PAD.encode(payload))
}

/// The last sort key of the previous page, from a marker sent back by the client.
///
/// # Errors
///
/// [`MarkerError`] when the marker was not produced by [`encode_marker`] with the same `scope`.
pub fn decode_marker(scope: &str, marker: &str) -> Result<String, MarkerError> {
    if marker.len() > MARKER_MAX_LEN {
        return Err(MarkerError::Malformed);
    }
    let payload = URL_SAFE_NO_PAD
        .decode(marker)
        .map_err(|_| MarkerError::Malformed)?;
    let (header, key) = payload
        .split_at_checked(HEADER_LEN)
        .ok_or(MarkerError::Malformed)?;
    let [version, tag @ ..] = header else {
        return Err(MarkerError::Malformed);
    };
    if *version != VERSION {
        return Err(MarkerError::UnsupportedVersion { version: *version });
    }
    if tag != fnv1a(scope).to_be_bytes() {
        return Err(MarkerError::WrongScope);
    }
    String::from_utf8(key.to_vec()).map_err(|_| MarkerError::Malformed)
}

/// 32-bit FNV-1a: a short, stable fingerprint (not a security boundary: a forged marker can
/// at worst start a listing at an arbitrary key the caller is allowed to list anyway).
fn fnv1a(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let m = encode_marker("ListUsers", "bob").unwrap();
        assert_eq!(decode_marker("ListUsers", &m).unwrap(), "bob");
    }

    #[test]
    fn empty_key_round_trips() {
        let m = encode_marker("s", "").unwrap();
        assert_eq!(decode_marker("s", &m).unwrap(), "");
    }

    #[test]
    fn longest_key_fits_model_limit() {
        let key = "k".repeat(MAX_KEY_BYTES);
        let m = encode_marker("ListRoleTags", &key).unwrap();
        assert!(m.len() <= MARKER_MAX_LEN);
        assert_eq!(decode_marker("ListRoleTags", &m).unwrap(), key);
        assert!(encode_marker("ListRoleTags", &format!("{key}k")).is_err());
    }

    macro_rules! rejects {
        ($($name:ident: $marker:expr => $err:expr;)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(decode_marker("ListUsers", &$marker).unwrap_err(), $err);
            }
        )*};
    }

    rejects! {
        garbage: "not a marker!" => MarkerError::Malformed;
        empty: "" => MarkerError::Malformed;
        too_short: URL_SAFE_NO_PAD.encode([1u8, 2]) => MarkerError::Malformed;
        other_version: URL_SAFE_NO_PAD.encode([9u8, 0, 0, 0, 0]) => MarkerError::UnsupportedVersion { version: 9 };
        other_scope: encode_marker("ListGroups", "x").unwrap() => MarkerError::WrongScope;
        bad_utf8: {
            let mut p = vec![1u8];
            p.extend_from_slice(&fnv1a("ListUsers").to_be_bytes());
            p.push(0xff);
            URL_SAFE_NO_PAD.encode(p)
        } => MarkerError::Malformed;
        too_long: "A".repeat(400) => MarkerError::Malformed;
    }

    #[test]
    fn wire_error() {
        assert_eq!(
            MarkerError::Malformed.service_error().code,
            "ValidationError"
        );
        assert_eq!(MarkerError::WIRE_MESSAGE, "Invalid Marker.");
    }

    macro_rules! page_sizes {
        ($($name:ident: $in:expr => $want:expr;)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(page_size($in), $want);
            }
        )*};
    }

    page_sizes! {
        ps_default: None => 100;
        ps_given: Some(7) => 7;
        ps_clamped_high: Some(5000) => 1000;
        ps_clamped_low: Some(-3) => 1;
    }
}
