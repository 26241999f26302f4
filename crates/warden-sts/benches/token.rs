//! Session-token verification cost (target ≤ 5 µs, ADR 0004).

use criterion::{Criterion, criterion_group, criterion_main};
use rand::SeedableRng;
use rand::rngs::StdRng;
use std::hint::black_box;
use warden_sts::{IssuingOperation, KeyRing, SecretKey, SessionKind, SessionRecord};

const NOW: i64 = 1_790_000_000;

fn record(policy: Option<String>, tags: usize) -> SessionRecord {
    SessionRecord {
        access_key_id: "ASIAQWERTYUIOPASDFGH".into(),
        secret_access_key: SecretKey::new("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        issued_at: NOW,
        expires_at: NOW + 3600,
        account: "111122223333".into(),
        kind: SessionKind::RoleSession,
        operation: IssuingOperation::AssumeRole,
        identity_arn: "arn:aws:sts::111122223333:assumed-role/Deploy/ci-run-42".into(),
        user_id: "AROAEXAMPLEROLEID1234:ci-run-42".into(),
        parent_id: "AROAEXAMPLEROLEID1234".into(),
        parent_arn: "arn:aws:iam::111122223333:role/ci/Deploy".into(),
        session_name: Some("ci-run-42".into()),
        mfa_present: false,
        mfa_auth_time: None,
        policy,
        policy_arns: vec![],
        source_identity: None,
        tags: (0..tags)
            .map(|i| (format!("Project{i:02}"), format!("value-{i:02}-prod")))
            .collect(),
        transitive_tag_keys: vec![],
        federation: None,
        chained: false,
    }
}

fn bench(c: &mut Criterion) {
    let mut rng = StdRng::seed_from_u64(1);
    let ring = KeyRing::generate(&mut rng, NOW);
    let stmt = r#"{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::bucket/team/*"}"#;
    let policy = format!(
        r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
        vec![stmt; 19].join(",")
    );
    let policy_1k = format!(
        r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
        [stmt; 7].join(",")
    );
    let cases = [
        ("verify_plain_role_session", record(None, 0)),
        ("verify_5_tags", record(None, 5)),
        ("verify_policy_750_10_tags", record(Some(policy_1k), 10)),
        ("verify_policy_2k_50_tags", record(Some(policy), 50)),
    ];
    for (name, rec) in cases {
        let token = ring.seal(&rec, &mut rng).unwrap_or_default();
        eprintln!("{name}: token {} chars", token.len());
        c.bench_function(name, |b| {
            b.iter(|| ring.verify(black_box(&token), black_box("ASIAQWERTYUIOPASDFGH"), NOW))
        });
    }
    let rec = record(None, 0);
    c.bench_function("seal_plain_role_session", |b| {
        b.iter(|| ring.seal(black_box(&rec), &mut rng))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
