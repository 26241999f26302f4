//! Correctness guard for the benchmark: every engine must reproduce all 1,000 expected
//! decisions of `iam-authz-v1` before any timing means anything.

use warden_bench::cedar::{CedarEngine, CedarVariant};
use warden_bench::warden::{self, WardenEngine};
use warden_bench::workload::{Expected, PRINCIPAL, Workload};

#[test]
fn workload_has_the_documented_shape() {
    let w = Workload::load().unwrap();
    assert_eq!(w.requests.len(), 1000);
    let count = |e| w.requests.iter().filter(|r| r.expected == e).count();
    // WORKLOAD.md "Requests": 60 % allow, 30 % implicit deny, 10 % explicit deny.
    assert_eq!(count(Expected::Allow), 600);
    assert_eq!(count(Expected::ImplicitDeny), 300);
    assert_eq!(count(Expected::ExplicitDeny), 100);
    assert!(w.requests.iter().all(|r| r.principal == PRINCIPAL));
    let set = w.principal_set(PRINCIPAL).unwrap();
    let names: Vec<&str> = set.policies.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "pol000", "pol001", "pol002", "pol003", "pol004", "pol005", "pol006", "pol007",
            "pol008", "pol009"
        ]
    );
    let statements: usize = set
        .policies
        .iter()
        .map(|p| p.document["Statement"].as_array().map_or(1, Vec::len))
        .sum();
    assert_eq!(statements, 40);
}

macro_rules! cedar_reproduces {
    ($($name:ident: $variant:expr;)*) => {$(
        #[test]
        fn $name() {
            let w = Workload::load().unwrap();
            let engine = CedarEngine::new($variant, &w).unwrap();
            if let Err(e) = engine.verify(&w) {
                panic!("{e}");
            }
            // The pre-built requests (decide-only input) decide the same way.
            let built = engine.build_all(&w).unwrap();
            for (request, cedar) in w.requests.iter().zip(&built) {
                assert_eq!(engine.decide(cedar), request.expected.is_allow(), "request {}", request.id);
            }
        }
    )*};
}

cedar_reproduces! {
    cedar_like_reproduces_all_decisions: CedarVariant::Like;
    cedar_groups_reproduces_all_decisions: CedarVariant::Groups;
}

#[test]
fn warden_reproduces_all_decisions() {
    let w = Workload::load().unwrap();
    let engine = WardenEngine::new(&w).unwrap();
    assert_eq!(engine.policies().statement_count(), 40);
    if let Err(e) = engine.verify(&w) {
        panic!("{e}");
    }
}

#[test]
fn warden_recompiled_set_decides_like_the_first() {
    let w = Workload::load().unwrap();
    let engine = WardenEngine::new(&w).unwrap();
    let again = warden::compile(engine.principal(), engine.documents());
    assert_eq!(&again, engine.policies());
}
