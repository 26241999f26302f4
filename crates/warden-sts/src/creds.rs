//! Temporary credentials (api.md §3.3, §6.1): `ASIA` access key ids and secret access keys.

use rand::CryptoRng;

use crate::token::SecretKey;

/// The RFC 4648 base32 alphabet AWS's ids use.
pub(crate) const BASE32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const SECRET_ALPHABET: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Bits 7..47 of the first six decoded bytes carry the account (api.md §3.3).
const ACCOUNT_MASK: u64 = 0x7FFF_FFFF_FF80;

/// A new temporary access key id: `ASIA` + 16 base32 characters. With `account` (a 12-digit
/// account id) the id embeds it the way AWS's newer key ids do (api.md §3.3), so offline
/// tools can recover the account; the remaining 40 bits are random.
pub fn new_access_key_id<R: CryptoRng + ?Sized>(rng: &mut R, account: Option<u64>) -> String {
    let mut bytes = [0u8; 10];
    rng.fill_bytes(&mut bytes);
    if let Some(account) = account.filter(|a| *a < (1 << 40)) {
        let mut head = [0u8; 8];
        head[2..].copy_from_slice(&bytes[..6]);
        let z = u64::from_be_bytes(head);
        let z = (z & !ACCOUNT_MASK) | ((account << 7) & ACCOUNT_MASK);
        bytes[..6].copy_from_slice(&z.to_be_bytes()[2..]);
    }
    let mut id = String::with_capacity(20);
    id.push_str("ASIA");
    id.push_str(&base32_encode(&bytes));
    id
}

/// The account embedded in an access key id by [`new_access_key_id`] (or by AWS), if the id
/// has the `AKIA`/`ASIA` shape.
pub fn access_key_account(key_id: &str) -> Option<u64> {
    let rest = key_id
        .strip_prefix("ASIA")
        .or_else(|| key_id.strip_prefix("AKIA"))?;
    let bytes = base32_decode(rest)?;
    let head: [u8; 6] = bytes.get(..6)?.try_into().ok()?;
    let mut z = [0u8; 8];
    z[2..].copy_from_slice(&head);
    Some((u64::from_be_bytes(z) & ACCOUNT_MASK) >> 7)
}

/// A new 40-character secret access key (`A–Z a–z 0–9 + /`, 6 random bits per character).
pub fn new_secret_access_key<R: CryptoRng + ?Sized>(rng: &mut R) -> SecretKey {
    let mut bytes = zeroize::Zeroizing::new([0u8; 40]);
    rng.fill_bytes(bytes.as_mut());
    let text: String = bytes
        .iter()
        .map(|b| pick(SECRET_ALPHABET, u32::from(b & 0x3F)))
        .collect();
    SecretKey::new(text)
}

/// The alphabet character at `index` (always in range: callers mask the index).
fn pick(alphabet: &[u8], index: u32) -> char {
    let i = usize::try_from(index).unwrap_or(0);
    char::from(alphabet.get(i).copied().unwrap_or(b'A'))
}

/// RFC 4648 base32 without padding.
pub(crate) fn base32_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(5) * 8);
    let mut acc: u32 = 0;
    let mut bits = 0u32;
    for &b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(pick(BASE32, (acc >> bits) & 31));
        }
    }
    if bits > 0 {
        out.push(pick(BASE32, (acc << (5 - bits)) & 31));
    }
    out
}

/// RFC 4648 base32 decoding: case-insensitive, ignores spaces and trailing `=` padding.
pub(crate) fn base32_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 5 / 8);
    let mut acc: u32 = 0;
    let mut bits = 0u32;
    for c in text.trim_end_matches('=').bytes() {
        if c == b' ' {
            continue;
        }
        let v = match c.to_ascii_uppercase() {
            u @ b'A'..=b'Z' => u - b'A',
            d @ b'2'..=b'7' => d - b'2' + 26,
            _ => return None,
        };
        acc = ((acc << 5) | u32::from(v)) & 0xFFFF;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push(((acc >> bits) & 0xFF) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    #[test]
    fn access_key_ids_have_the_asia_shape() {
        let mut rng = StdRng::seed_from_u64(1);
        for _ in 0..100 {
            let id = new_access_key_id(&mut rng, None);
            assert_eq!(id.len(), 20);
            assert!(id.starts_with("ASIA"));
            assert!(
                id.strip_prefix("ASIA")
                    .unwrap()
                    .bytes()
                    .all(|b| BASE32.contains(&b)),
                "{id}"
            );
        }
    }

    #[test]
    fn access_key_ids_embed_the_account() {
        let mut rng = StdRng::seed_from_u64(2);
        for account in [0u64, 1, 111_122_223_333, 999_999_999_999, 123_456_789_012] {
            let id = new_access_key_id(&mut rng, Some(account));
            assert_eq!(access_key_account(&id), Some(account), "{id}");
        }
    }

    #[test]
    fn aws_documented_key_id_decodes_to_its_account() {
        // Key id from AWS's "GetAccessKeyInfo" blog examples decodes to a fixed account;
        // the computation below is the documented one, so check against it directly.
        let id = "ASIAY34FZKBOKMUTVV7A";
        let bytes = base32_decode(id.strip_prefix("ASIA").unwrap()).unwrap();
        let z = bytes[..6]
            .iter()
            .fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
        assert_eq!(access_key_account(id), Some((z & 0x7FFF_FFFF_FF80) >> 7));
        assert_eq!(access_key_account("AIDAXXXX"), None);
    }

    #[test]
    fn secrets_are_40_chars_of_the_alphabet_and_distinct() {
        let mut rng = StdRng::seed_from_u64(3);
        let a = new_secret_access_key(&mut rng);
        let b = new_secret_access_key(&mut rng);
        assert_eq!(a.expose().len(), 40);
        assert!(a.expose().bytes().all(|c| SECRET_ALPHABET.contains(&c)));
        assert_ne!(a, b);
        assert_eq!(format!("{a:?}"), "SecretKey(<redacted>)");
    }

    proptest::proptest! {
        #[test]
        fn base32_round_trips(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..64)) {
            let text = base32_encode(&bytes);
            proptest::prop_assert_eq!(base32_decode(&text).unwrap(), bytes);
        }
    }
}
