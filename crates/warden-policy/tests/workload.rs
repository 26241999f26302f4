//! The `iam-authz-v1` workload (copied into `testdata/iam-authz-v1/`): user0042's 10
//! policies (40 statements) must reproduce all 1,000 expected decisions, on the fast path
//! and through `explain`.

mod common;

use std::time::Instant;

use common::workload::{PRINCIPAL, data_dir, load};
use warden_policy::{Decision, EvaluationInput, Request, evaluate, explain};

#[test]
fn policy_set_shape() {
    let w = load(&data_dir(), PRINCIPAL);
    assert_eq!(w.policies.len(), 10);
    let set = w.compile();
    assert_eq!(set.statement_count(), 40);
    assert_eq!(w.requests.len(), 1000);
}

#[test]
fn all_expected_decisions() {
    let w = load(&data_dir(), PRINCIPAL);
    let set = w.compile();
    let input = EvaluationInput::new(&w.principal, &set);
    let mut wrong = Vec::new();
    let mut counts = [0usize; 3];
    for r in &w.requests {
        let request = Request {
            action: &r.action,
            resource: &r.resource,
            context: &r.context,
        };
        let verdict = evaluate(&input, &request);
        let explained = explain(&input, &request);
        assert_eq!(verdict, explained.verdict, "request {}", r.id);
        if verdict.decision != r.expected {
            wrong.push((r.id, r.category.clone(), r.expected, verdict));
        }
        counts[match verdict.decision {
            Decision::Allow => 0,
            Decision::ExplicitDeny => 1,
            Decision::ImplicitDeny => 2,
        }] += 1;
    }
    assert!(
        wrong.is_empty(),
        "{} mismatches: {:?}",
        wrong.len(),
        &wrong[..wrong.len().min(10)]
    );
    assert_eq!(counts, [600, 100, 300]);
}

#[test]
fn explicit_denies_name_the_protect_prod_statement() {
    let w = load(&data_dir(), PRINCIPAL);
    let set = w.compile();
    let input = EvaluationInput::new(&w.principal, &set);
    for r in w.requests.iter().filter(|r| r.category == "explicit") {
        let request = Request {
            action: &r.action,
            resource: &r.resource,
            context: &r.context,
        };
        let e = explain(&input, &request);
        let at = e.verdict.statement.expect("deciding statement").at;
        assert_eq!(set.policies()[at.policy as usize].id.as_ref(), "pol001");
        assert_eq!(set.statement_source(at).unwrap().0, Some("ProtectProd"));
        assert!(
            e.access_denied_message()
                .unwrap()
                .ends_with("with an explicit deny in an identity-based policy")
        );
    }
}

/// Reports (does not assert) the decide-only latency and the compile time, so a regression
/// is visible in `cargo test -- --nocapture` output; the real measurement is warden-bench.
#[test]
fn timing_report() {
    let w = load(&data_dir(), PRINCIPAL);
    let start = Instant::now();
    let rounds = 200u32;
    for _ in 0..rounds {
        std::hint::black_box(w.compile());
    }
    let compile = start.elapsed() / rounds;
    let set = w.compile();
    let input = EvaluationInput::new(&w.principal, &set);
    let mut samples = Vec::with_capacity(w.requests.len() * 5);
    let mut allowed = 0usize;
    for _ in 0..5 {
        for r in &w.requests {
            let request = Request {
                action: &r.action,
                resource: &r.resource,
                context: &r.context,
            };
            let t = Instant::now();
            let v = std::hint::black_box(evaluate(&input, &request));
            samples.push(t.elapsed());
            allowed += usize::from(v.is_allowed());
        }
    }
    samples.sort();
    let p50 = samples[samples.len() / 2];
    let p99 = samples[samples.len() * 99 / 100];
    println!("compile {compile:?}; decide p50 {p50:?} p99 {p99:?}");
    assert_eq!(allowed, 600 * 5);
}
