//! Throttles `RoleLastUsed` writes (api.md §3.8): a role assumed many times a second is
//! written once per second per node, not once per call. AWS itself reports the last use
//! with a delay, and without the throttle every AssumeRole paid for its own write
//! transaction (an fsync on SQLite) after the response.

use std::collections::HashMap;
use std::sync::Mutex;

/// Entries kept before the map starts over (a forgotten entry only costs one write).
const MAX_ENTRIES: usize = 100_000;

/// The last recorded use per role on this node: (unix second, region).
#[derive(Debug, Default)]
pub(crate) struct RoleUseThrottle {
    last: Mutex<HashMap<String, (i64, String)>>,
}

impl RoleUseThrottle {
    /// Whether a use of `role_id` at `second` in `region` should be written; remembers it.
    pub(crate) fn should_record(&self, role_id: &str, second: i64, region: &str) -> bool {
        let Ok(mut last) = self.last.lock() else {
            return true;
        };
        if let Some((at, in_region)) = last.get(role_id)
            && *at == second
            && in_region == region
        {
            return false;
        }
        if last.len() >= MAX_ENTRIES {
            last.clear();
        }
        last.insert(role_id.to_owned(), (second, region.to_owned()));
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn once_per_role_second_and_region() {
        let throttle = RoleUseThrottle::default();
        assert!(throttle.should_record("AROA1", 100, "us-east-1"));
        assert!(!throttle.should_record("AROA1", 100, "us-east-1"));
        assert!(
            throttle.should_record("AROA2", 100, "us-east-1"),
            "another role"
        );
        assert!(
            throttle.should_record("AROA1", 100, "eu-west-1"),
            "another region"
        );
        assert!(
            throttle.should_record("AROA1", 101, "eu-west-1"),
            "the next second"
        );
        assert!(!throttle.should_record("AROA1", 101, "eu-west-1"));
    }
}
