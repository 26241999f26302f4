//! Feeds arbitrary bytes to the policy parser for every kind: it must never panic, and a
//! document it accepts must be accepted again (parsing is deterministic) with the same AST.

#![no_main]

use libfuzzer_sys::fuzz_target;
use warden_policy::document::PolicyKind;
use warden_policy::{parse_policy, parse_policy_bytes, policy_size};

const KINDS: [PolicyKind; 8] = [
    PolicyKind::Inline,
    PolicyKind::Managed,
    PolicyKind::PermissionsBoundary,
    PolicyKind::Trust,
    PolicyKind::Resource,
    PolicyKind::Session,
    PolicyKind::ServiceControl,
    PolicyKind::ResourceControl,
];

fuzz_target!(|data: &[u8]| {
    for kind in KINDS {
        match parse_policy_bytes(data, kind) {
            Ok(document) => {
                let text = std::str::from_utf8(data).expect("accepted input is UTF-8");
                let again = parse_policy(text, kind).expect("accepted input re-parses");
                assert_eq!(again, document);
                assert!(policy_size(text) <= text.chars().count());
            }
            Err(errors) => {
                assert!(!errors.errors().is_empty());
                assert!(!errors.aws_message().is_empty());
                let _ = errors.to_string();
            }
        }
    }
});
