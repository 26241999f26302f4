//! warden-policy ships its own loader of this workload (`tests/common/workload.rs`, meant to
//! be `#[path]`-included by benches). The bench cannot use it as is — it needs the raw
//! request maps for "build + decide", the policy texts for parse timing, and the Cedar side
//! — so it has its own; this test reuses the engine's loader to check that both build the
//! very same principal, compiled policy set, typed contexts and expectations, so the bench
//! measures exactly what the engine's own workload test verifies.

#[path = "../../warden-policy/tests/common/workload.rs"]
mod policy_workload;

use std::path::Path;

use warden_bench::warden::{WardenEngine, build_context};
use warden_bench::workload::{Expected, PRINCIPAL, Workload};
use warden_policy::Decision;

// `cfg(test)` so clippy's allow-unwrap-in-tests covers this helper too.
#[cfg(test)]
fn both() -> (Workload, policy_workload::Workload) {
    let ours = Workload::load().unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/iam-authz-v1");
    let theirs = policy_workload::load(&dir, PRINCIPAL);
    (ours, theirs)
}

#[test]
fn same_principal_and_compiled_set() {
    let (ours, theirs) = both();
    let engine = WardenEngine::new(&ours).unwrap();
    // Tag order is not significant (the account file's map order vs ours, sorted by key).
    let mut tags = theirs.principal.tags().to_vec();
    tags.sort();
    assert_eq!(
        engine.principal(),
        &theirs.principal.clone().with_tags(tags)
    );
    let names: Vec<&str> = engine.documents().iter().map(|d| d.name.as_str()).collect();
    let their_names: Vec<&str> = theirs.policies.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, their_names);
    assert_eq!(engine.policies(), &theirs.compile());
}

#[test]
fn same_contexts_and_expectations() {
    let (ours, theirs) = both();
    assert_eq!(ours.requests.len(), theirs.requests.len());
    for (mine, their) in ours.requests.iter().zip(&theirs.requests) {
        assert_eq!(u64::from(mine.id), their.id);
        assert_eq!(
            (&mine.action, &mine.resource),
            (&their.action, &their.resource)
        );
        let expected = match mine.expected {
            Expected::Allow => Decision::Allow,
            Expected::ExplicitDeny => Decision::ExplicitDeny,
            Expected::ImplicitDeny => Decision::ImplicitDeny,
        };
        assert_eq!(expected, their.expected, "request {}", mine.id);
        // Entry order may differ (key order of the JSON maps); compare by key.
        let context = build_context(mine);
        assert_eq!(context.entries().len(), their.context.entries().len());
        for entry in their.context.entries() {
            assert_eq!(
                context.get(entry.key()),
                Some(entry),
                "request {} key {}",
                mine.id,
                entry.key()
            );
        }
    }
}
