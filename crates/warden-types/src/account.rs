//! AWS account ids: exactly twelve ASCII digits.

use std::fmt;
use std::str::FromStr;

/// A twelve-digit AWS account id such as `123456789012`.
#[derive(Clone, Copy, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
pub struct AccountId([u8; 12]);

/// Why a string is not an account id.
#[derive(Clone, Debug, Eq, PartialEq, thiserror::Error)]
#[error("account id `{0}` must be exactly 12 digits")]
pub struct AccountIdError(String);

impl AccountId {
    /// The account id as text.
    pub fn as_str(&self) -> &str {
        // INVARIANT: constructed only from ASCII digits, so always valid UTF-8.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl FromStr for AccountId {
    type Err = AccountIdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bytes: [u8; 12] = s
            .as_bytes()
            .try_into()
            .map_err(|_| AccountIdError(s.to_owned()))?;
        if bytes.iter().all(u8::is_ascii_digit) {
            Ok(Self(bytes))
        } else {
            Err(AccountIdError(s.to_owned()))
        }
    }
}

impl fmt::Display for AccountId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! account_cases {
        ($($name:ident: $input:expr => $ok:expr,)*) => {$(
            #[test]
            fn $name() {
                assert_eq!($input.parse::<AccountId>().is_ok(), $ok, "{}", $input);
            }
        )*};
    }

    account_cases! {
        twelve_digits: "123456789012" => true,
        leading_zeros: "000000000001" => true,
        eleven_digits: "12345678901" => false,
        thirteen_digits: "1234567890123" => false,
        letter: "12345678901a" => false,
        empty: "" => false,
        unicode_digit: "12345678901٣" => false,
    }

    #[test]
    fn display_round_trips() {
        let id: AccountId = "111122223333".parse().unwrap();
        assert_eq!(id.to_string(), "111122223333");
    }
}
