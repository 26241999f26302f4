//! Amazon Resource Names: `arn:<partition>:<service>:<region>:<account>:<resource>`.

use std::fmt;
use std::str::FromStr;

/// A full six-field ARN. The resource field is everything after the fifth colon and may
/// itself contain colons and slashes (`arn:aws:lambda:us-east-1:1:function:f:alias`).
#[derive(Clone, Debug, Eq, Hash, PartialEq)]
pub struct Arn {
    text: String,
    // Byte offsets of the five separating colons, so field access never re-scans.
    colons: [usize; 5],
}

/// Why a string is not a full ARN.
#[derive(Clone, Debug, Eq, PartialEq, thiserror::Error)]
pub enum ArnError {
    /// The text does not start with `arn:`.
    #[error("`{0}` does not start with `arn:`")]
    Prefix(String),
    /// The text has fewer than six colon-separated fields.
    #[error("`{0}` has fewer than six colon-separated fields")]
    TooFewFields(String),
}

impl Arn {
    /// The whole ARN as text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The partition, e.g. `aws`.
    pub fn partition(&self) -> &str {
        self.field(0)
    }

    /// The service namespace, e.g. `iam`.
    pub fn service(&self) -> &str {
        self.field(1)
    }

    /// The region; empty for global services such as IAM.
    pub fn region(&self) -> &str {
        self.field(2)
    }

    /// The account id field; empty for S3 buckets.
    pub fn account(&self) -> &str {
        self.field(3)
    }

    /// The resource field: everything after the fifth colon.
    pub fn resource(&self) -> &str {
        self.field(4)
    }

    fn field(&self, index: usize) -> &str {
        let start = match index {
            0 => 4,
            i => self.colons.get(i).map_or(self.text.len(), |c| *c + 1),
        };
        let end = self
            .colons
            .get(index + 1)
            .copied()
            .unwrap_or(self.text.len());
        self.text.get(start..end).unwrap_or_default()
    }
}

impl FromStr for Arn {
    type Err = ArnError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if !s.starts_with("arn:") {
            return Err(ArnError::Prefix(s.to_owned()));
        }
        let mut colons = [0usize; 5];
        let mut found = 0;
        for (i, b) in s.bytes().enumerate() {
            if b == b':' {
                if let Some(slot) = colons.get_mut(found) {
                    *slot = i;
                    found += 1;
                } else {
                    break;
                }
            }
        }
        if found < 5 {
            return Err(ArnError::TooFewFields(s.to_owned()));
        }
        Ok(Self {
            text: s.to_owned(),
            colons,
        })
    }
}

impl fmt::Display for Arn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_of_an_iam_user_arn() {
        let arn: Arn = "arn:aws:iam::111122223333:user/division_abc/Bob"
            .parse()
            .unwrap();
        assert_eq!(arn.partition(), "aws");
        assert_eq!(arn.service(), "iam");
        assert_eq!(arn.region(), "");
        assert_eq!(arn.account(), "111122223333");
        assert_eq!(arn.resource(), "user/division_abc/Bob");
    }

    #[test]
    fn resource_keeps_its_colons() {
        let arn: Arn = "arn:aws:lambda:us-east-1:111122223333:function:f:alias"
            .parse()
            .unwrap();
        assert_eq!(arn.region(), "us-east-1");
        assert_eq!(arn.resource(), "function:f:alias");
    }

    #[test]
    fn too_few_fields_is_an_error() {
        assert_eq!(
            "arn:aws:s3::bucket".parse::<Arn>(),
            Err(ArnError::TooFewFields("arn:aws:s3::bucket".into()))
        );
        assert!("urn:aws:s3:::b".parse::<Arn>().is_err());
    }
}
