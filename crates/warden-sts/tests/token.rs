//! Session tokens: round trips, size, forgery resistance, key rotation (api.md §2.7, §7.5).

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use proptest::prelude::*;
use rand::SeedableRng;
use rand::rngs::StdRng;
use warden_sts::token::{MAX_SESSION_SECONDS, MAX_TOKEN_CHARS, RETIREMENT_MARGIN_SECONDS};
use warden_sts::{
    Federation, IssuingOperation, KeyRing, KeyRingError, SealError, SecretKey, SessionKind,
    SessionRecord, VerifyError,
};

const NOW: i64 = 1_790_000_000;

fn rng(seed: u64) -> StdRng {
    StdRng::seed_from_u64(seed)
}

fn role_session() -> SessionRecord {
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
        policy: None,
        policy_arns: vec![],
        source_identity: None,
        tags: vec![],
        transitive_tag_keys: vec![],
        federation: None,
        chained: false,
    }
}

/// A realistic ~2,048-character inline policy (pretty-printed, as clients send it).
fn big_policy() -> String {
    let mut stmts = Vec::new();
    let mut i = 0;
    loop {
        let stmt = format!(
            "    {{\n      \"Sid\": \"Stmt{i:03}\",\n      \"Effect\": \"Allow\",\n      \"Action\": [\"s3:GetObject\", \"s3:PutObject\"],\n      \"Resource\": \"arn:aws:s3:::bucket-{i:03}/team/*\"\n    }}"
        );
        let candidate = format!(
            "{{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n{}\n  ]\n}}",
            stmts
                .iter()
                .chain([&stmt])
                .cloned()
                .collect::<Vec<String>>()
                .join(",\n")
        );
        if candidate.len() > 2048 {
            break;
        }
        stmts.push(stmt);
        i += 1;
    }
    let mut text = format!(
        "{{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n{}\n  ]\n}}",
        stmts.join(",\n")
    );
    while text.len() < 2048 {
        text.push(' ');
    }
    text
}

fn big_session() -> SessionRecord {
    let mut r = role_session();
    r.policy = Some(big_policy());
    r.policy_arns = (0..10)
        .map(|i| format!("arn:aws:iam::111122223333:policy/team/SessionPolicy{i}"))
        .collect();
    r.tags = (0..50)
        .map(|i| (format!("Project{i:02}"), format!("value-{i:02}-prod")))
        .collect();
    r.transitive_tag_keys = (0..10).map(|i| format!("Project{i:02}")).collect();
    r.source_identity = Some("alice@example.com".into());
    r.mfa_present = true;
    r.mfa_auth_time = Some(NOW - 60);
    r.federation = Some(Federation::WebIdentity {
        provider: "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"
            .into(),
        prefix: "token.actions.githubusercontent.com".into(),
        sub: "repo:octo-org/octo-repo:ref:refs/heads/main".into(),
        aud: "sts.amazonaws.com".into(),
        amr: vec![],
    });
    r.chained = true;
    r
}

fn allowed_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=' | '_' | '-')
}

#[test]
fn a_small_session_round_trips() {
    let ring = KeyRing::generate(&mut rng(1), NOW);
    let rec = role_session();
    let token = ring.seal(&rec, &mut rng(2)).unwrap();
    assert!(token.chars().all(allowed_char), "{token}");
    assert!(token.len() < 600, "small token is {} chars", token.len());
    assert_eq!(ring.verify(&token, &rec.access_key_id, NOW).unwrap(), rec);
}

#[test]
fn a_2048_char_policy_with_50_tags_fits_in_2048_chars() {
    let ring = KeyRing::generate(&mut rng(1), NOW);
    let rec = big_session();
    assert_eq!(rec.policy.as_ref().unwrap().len(), 2048);
    let token = ring.seal(&rec, &mut rng(3)).unwrap();
    assert!(token.len() <= 2048, "token is {} chars", token.len());
    assert!(token.chars().all(allowed_char));
    assert_eq!(ring.verify(&token, &rec.access_key_id, NOW).unwrap(), rec);
}

#[test]
fn two_seals_of_one_record_differ() {
    let ring = KeyRing::generate(&mut rng(1), NOW);
    let mut r = rng(4);
    let a = ring.seal(&role_session(), &mut r).unwrap();
    let b = ring.seal(&role_session(), &mut r).unwrap();
    assert_ne!(a, b, "fresh nonce per token");
}

#[test]
fn every_bit_flip_is_rejected() {
    let ring = KeyRing::generate(&mut rng(1), NOW);
    for rec in [role_session(), big_session()] {
        let token = ring.seal(&rec, &mut rng(5)).unwrap();
        let bytes = URL_SAFE_NO_PAD.decode(&token).unwrap();
        for i in 0..bytes.len() {
            for bit in 0..8 {
                let mut forged = bytes.clone();
                forged[i] ^= 1 << bit;
                let text = URL_SAFE_NO_PAD.encode(&forged);
                assert_eq!(
                    ring.verify(&text, &rec.access_key_id, NOW),
                    Err(VerifyError::Invalid),
                    "byte {i} bit {bit}"
                );
            }
        }
    }
}

#[test]
fn truncations_and_extensions_are_rejected() {
    let ring = KeyRing::generate(&mut rng(1), NOW);
    let rec = role_session();
    let token = ring.seal(&rec, &mut rng(6)).unwrap();
    for cut in 0..token.len() {
        assert_eq!(
            ring.verify(token.get(..cut).unwrap(), &rec.access_key_id, NOW),
            Err(VerifyError::Invalid),
            "prefix {cut}"
        );
    }
    for suffix in ["A", "AA", "AAAA", "=", "-"] {
        let text = format!("{token}{suffix}");
        assert_eq!(
            ring.verify(&text, &rec.access_key_id, NOW),
            Err(VerifyError::Invalid),
            "{suffix}"
        );
    }
}

#[test]
fn a_token_of_another_deployment_is_rejected() {
    let ours = KeyRing::generate(&mut rng(1), NOW);
    let theirs = KeyRing::generate(&mut rng(99), NOW);
    let rec = role_session();
    let token = theirs.seal(&rec, &mut rng(7)).unwrap();
    assert_eq!(
        ours.verify(&token, &rec.access_key_id, NOW),
        Err(VerifyError::Invalid)
    );
}

#[test]
fn a_token_relabelled_with_our_key_id_is_rejected() {
    // Same key id, different key: the AEAD tag (not the lookup) must reject it.
    let ours = KeyRing::generate(&mut rng(1), NOW);
    let theirs = KeyRing::generate(&mut rng(99), NOW);
    let rec = role_session();
    let token = theirs.seal(&rec, &mut rng(7)).unwrap();
    let mut bytes = URL_SAFE_NO_PAD.decode(&token).unwrap();
    bytes[1..5].copy_from_slice(&ours.current_key_id().to_be_bytes());
    let text = URL_SAFE_NO_PAD.encode(&bytes);
    assert_eq!(
        ours.verify(&text, &rec.access_key_id, NOW),
        Err(VerifyError::Invalid)
    );
}

macro_rules! verify_cases {
    ($($name:ident: $key:expr, $now:expr => $want:expr;)*) => {$(
        #[test]
        fn $name() {
            let ring = KeyRing::generate(&mut rng(1), NOW);
            let rec = role_session();
            let token = ring.seal(&rec, &mut rng(8)).unwrap();
            let got = ring.verify(&token, $key, $now).map(|r| r.access_key_id);
            assert_eq!(got, $want);
        }
    )*};
}

verify_cases! {
    verify_ok_at_issue: "ASIAQWERTYUIOPASDFGH", NOW => Ok("ASIAQWERTYUIOPASDFGH".to_owned());
    verify_ok_one_second_before_expiry: "ASIAQWERTYUIOPASDFGH", NOW + 3599 => Ok("ASIAQWERTYUIOPASDFGH".to_owned());
    verify_expired_at_expiration: "ASIAQWERTYUIOPASDFGH", NOW + 3600 => Err(VerifyError::Expired);
    verify_expired_long_after: "ASIAQWERTYUIOPASDFGH", NOW + 10 * 86_400 => Err(VerifyError::Expired);
    verify_other_key_id: "ASIAQWERTYUIOPASDFGX", NOW => Err(VerifyError::Invalid);
    verify_other_key_id_when_expired_is_invalid: "ASIAAAAAAAAAAAAAAAAA", NOW + 7200 => Err(VerifyError::Invalid);
    verify_long_term_key_id: "AKIAQWERTYUIOPASDFGH", NOW => Err(VerifyError::Invalid);
    verify_empty_key_id: "", NOW => Err(VerifyError::Invalid);
}

macro_rules! garbage_cases {
    ($($name:ident: $text:expr;)*) => {$(
        #[test]
        fn $name() {
            let ring = KeyRing::generate(&mut rng(1), NOW);
            let text: String = $text;
            assert_eq!(ring.verify(&text, "ASIAQWERTYUIOPASDFGH", NOW), Err(VerifyError::Invalid));
        }
    )*};
}

garbage_cases! {
    garbage_empty: String::new();
    garbage_not_base64: "not a token!".to_owned();
    garbage_short: "AQAAAAE".to_owned();
    garbage_aws_like: "FwoGZXIvYXdzEBYaDHhBTEXAMPLETOKEN//////////wEaDA==".to_owned();
    garbage_too_long: "A".repeat(MAX_TOKEN_CHARS + 4);
    garbage_zero_bytes: URL_SAFE_NO_PAD.encode([0u8; 64]);
}

#[test]
fn rotation_keeps_old_tokens_valid_and_seals_with_the_new_key() {
    let mut ring = KeyRing::generate(&mut rng(1), NOW);
    let rec = role_session();
    let old = ring.seal(&rec, &mut rng(9)).unwrap();
    let first = ring.current_key_id();
    ring.rotate(&mut rng(10), NOW + 86_400);
    assert_ne!(ring.current_key_id(), first);
    assert_eq!(ring.key_ids().len(), 2);
    assert!(ring.verify(&old, &rec.access_key_id, NOW + 100).is_ok());
    let new = ring.seal(&rec, &mut rng(11)).unwrap();
    let id = u32::from_be_bytes(
        URL_SAFE_NO_PAD.decode(&new).unwrap()[1..5]
            .try_into()
            .unwrap(),
    );
    assert_eq!(id, ring.current_key_id());
}

#[test]
fn rotation_retires_keys_only_after_the_longest_session_plus_margin() {
    let mut ring = KeyRing::generate(&mut rng(1), NOW);
    let first = ring.current_key_id();
    // The first key seals until the rotation at T1; tokens sealed just before T1 can live
    // MAX_SESSION_SECONDS more.
    let t1 = NOW + 1_000_000;
    ring.rotate(&mut rng(2), t1);
    let keep_until = t1 + MAX_SESSION_SECONDS + RETIREMENT_MARGIN_SECONDS;
    ring.rotate(&mut rng(3), keep_until - 1);
    assert!(ring.key_ids().contains(&first), "retired too early");
    ring.rotate(&mut rng(4), keep_until);
    assert!(!ring.key_ids().contains(&first), "kept too long");
    assert_eq!(ring.key_ids().len(), 3);
}

#[test]
fn rotation_never_retires_the_current_key() {
    let mut ring = KeyRing::generate(&mut rng(1), NOW);
    for i in 1..=5 {
        let before = ring.current_key_id();
        ring.rotate(&mut rng(100 + i), NOW + i as i64 * 10_000_000);
        // Only the key superseded just now survives next to the new current key.
        assert_eq!(ring.key_ids(), vec![before, ring.current_key_id()]);
    }
}

#[test]
fn key_rings_round_trip_through_bytes() {
    let mut ring = KeyRing::generate(&mut rng(1), NOW);
    ring.rotate(&mut rng(2), NOW + 10);
    let rec = role_session();
    let token = ring.seal(&rec, &mut rng(3)).unwrap();
    let copy = KeyRing::from_bytes(&ring.to_bytes()).unwrap();
    assert_eq!(copy.key_ids(), ring.key_ids());
    assert_eq!(copy.verify(&token, &rec.access_key_id, NOW).unwrap(), rec);
    assert!(
        !format!("{ring:?}").contains("key:"),
        "debug output leaks no key"
    );
}

macro_rules! ring_bytes_cases {
    ($($name:ident: $mutate:expr;)*) => {$(
        #[test]
        fn $name() {
            let mut ring = KeyRing::generate(&mut rng(1), NOW);
            ring.rotate(&mut rng(2), NOW + 10);
            let mut bytes = ring.to_bytes().to_vec();
            let mutate: fn(&mut Vec<u8>) = $mutate;
            mutate(&mut bytes);
            assert_eq!(KeyRing::from_bytes(&bytes).map(|_| ()), Err(KeyRingError::Malformed));
        }
    )*};
}

ring_bytes_cases! {
    ring_bytes_empty: |b| b.clear();
    ring_bytes_wrong_version: |b| b[0] = 9;
    ring_bytes_zero_keys: |b| { b[1] = 0; b.truncate(2); };
    ring_bytes_truncated: |b| { b.pop(); };
    ring_bytes_extended: |b| b.push(0);
    ring_bytes_count_mismatch: |b| b[1] = 3;
    ring_bytes_duplicate_ids: |b| { let id: Vec<u8> = b[2..6].to_vec(); b[46..50].copy_from_slice(&id); };
}

/// The bytes of text a record carries (a lower bound of its encoded size).
fn text_bytes(r: &SessionRecord) -> usize {
    let fed = match &r.federation {
        None => 0,
        Some(Federation::WebIdentity {
            provider,
            prefix,
            sub,
            aud,
            amr,
        }) => {
            provider.len()
                + prefix.len()
                + sub.len()
                + aud.len()
                + amr.iter().map(String::len).sum::<usize>()
        }
        Some(Federation::Saml {
            sub,
            sub_type,
            namequalifier,
        }) => sub.len() + sub_type.len() + namequalifier.len(),
    };
    [
        &r.access_key_id,
        r.secret_access_key.expose(),
        &r.account,
        &r.identity_arn,
        &r.user_id,
        &r.parent_id,
        &r.parent_arn,
    ]
    .iter()
    .map(|s| s.len())
    .sum::<usize>()
        + r.session_name.as_ref().map_or(0, String::len)
        + r.policy.as_ref().map_or(0, String::len)
        + r.source_identity.as_ref().map_or(0, String::len)
        + r.policy_arns.iter().map(String::len).sum::<usize>()
        + r.tags.iter().map(|(k, v)| k.len() + v.len()).sum::<usize>()
        + r.transitive_tag_keys.iter().map(String::len).sum::<usize>()
        + fed
}

fn arb_string(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<char>(), 0..max).prop_map(|v| v.into_iter().collect())
}

fn arb_record() -> impl Strategy<Value = SessionRecord> {
    let ids = (
        arb_string(24),
        arb_string(48),
        any::<i64>(),
        any::<i64>(),
        arb_string(16),
        prop_oneof![
            Just(SessionKind::RoleSession),
            Just(SessionKind::FederatedUser),
            Just(SessionKind::UserSession),
            Just(SessionKind::RootSession),
        ],
        prop_oneof![
            Just(IssuingOperation::AssumeRole),
            Just(IssuingOperation::AssumeRoleWithWebIdentity),
            Just(IssuingOperation::AssumeRoleWithSaml),
            Just(IssuingOperation::GetSessionToken),
            Just(IssuingOperation::GetFederationToken),
            Just(IssuingOperation::AssumeRoot),
        ],
        arb_string(80),
        arb_string(40),
        arb_string(24),
        arb_string(80),
    );
    let session = (
        proptest::option::of(arb_string(64)),
        any::<bool>(),
        proptest::option::of(any::<i64>()),
        proptest::option::of(arb_string(1500)),
        proptest::collection::vec(arb_string(60), 0..10),
        proptest::option::of(arb_string(64)),
        proptest::collection::vec((arb_string(64), arb_string(128)), 0..12),
        proptest::collection::vec(arb_string(128), 0..10),
        prop_oneof![
            Just(None),
            (
                arb_string(80),
                arb_string(60),
                arb_string(60),
                arb_string(60),
                proptest::collection::vec(arb_string(40), 0..4)
            )
                .prop_map(|(provider, prefix, sub, aud, amr)| Some(
                    Federation::WebIdentity {
                        provider,
                        prefix,
                        sub,
                        aud,
                        amr
                    }
                )),
            (arb_string(60), arb_string(60), arb_string(60)).prop_map(
                |(sub, sub_type, namequalifier)| Some(Federation::Saml {
                    sub,
                    sub_type,
                    namequalifier
                })
            ),
        ],
        any::<bool>(),
    );
    (ids, session).prop_map(
        |(
            (
                access_key_id,
                secret,
                issued_at,
                expires_at,
                account,
                kind,
                operation,
                identity_arn,
                user_id,
                parent_id,
                parent_arn,
            ),
            (
                session_name,
                mfa_present,
                mfa_auth_time,
                policy,
                policy_arns,
                source_identity,
                tags,
                transitive_tag_keys,
                federation,
                chained,
            ),
        )| SessionRecord {
            access_key_id,
            secret_access_key: SecretKey::new(secret),
            issued_at,
            expires_at,
            account,
            kind,
            operation,
            identity_arn,
            user_id,
            parent_id,
            parent_arn,
            session_name,
            mfa_present,
            mfa_auth_time,
            policy,
            policy_arns,
            source_identity,
            tags,
            transitive_tag_keys,
            federation,
            chained,
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_record_seals_and_opens_to_itself(mut rec in arb_record(), seed in any::<u64>()) {
        let ring = KeyRing::generate(&mut rng(seed), NOW);
        rec.expires_at = rec.expires_at.max(i64::MIN + 1);
        let now = rec.expires_at - 1;
        let token = match ring.seal(&rec, &mut rng(seed ^ 1)) {
            Ok(t) => t,
            Err(SealError::TooLarge) => {
                // Only records whose text alone exceeds the token bound may be refused.
                prop_assert!(text_bytes(&rec) > MAX_TOKEN_CHARS * 3 / 4 - 100, "{}", text_bytes(&rec));
                return Ok(());
            }
            Err(e) => return Err(TestCaseError::fail(e.to_string())),
        };
        prop_assert!(token.chars().all(allowed_char));
        prop_assert_eq!(ring.verify(&token, &rec.access_key_id, now).unwrap(), rec);
    }

    #[test]
    fn any_mutation_of_the_text_is_rejected(
        seed in any::<u64>(),
        big in any::<bool>(),
        pos in any::<prop::sample::Index>(),
        repl in prop::sample::select(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".chars().collect::<Vec<_>>()
        ),
    ) {
        let ring = KeyRing::generate(&mut rng(1), NOW);
        let rec = if big { big_session() } else { role_session() };
        let token = ring.seal(&rec, &mut rng(seed)).unwrap();
        let i = pos.index(token.len());
        let mut chars: Vec<char> = token.chars().collect();
        prop_assume!(chars[i] != repl);
        // The last character carries padding bits that base64 decoders may ignore; a
        // strict decoder rejects non-canonical ones, and either way the text changed.
        chars[i] = repl;
        let text: String = chars.into_iter().collect();
        prop_assert_eq!(ring.verify(&text, &rec.access_key_id, NOW), Err(VerifyError::Invalid));
    }
}

#[test]
fn an_oversized_record_is_refused_at_seal_time() {
    let ring = KeyRing::generate(&mut rng(1), NOW);
    let mut rec = role_session();
    // Incompressible tag text far beyond the packed-policy budget (§6.11).
    let mut r = rng(12);
    rec.tags = (0..50)
        .map(|_| {
            let v: String = (0..256)
                .map(|_| char::from(b'a' + (rand::Rng::random::<u8>(&mut r) % 26)))
                .collect();
            (v.clone(), v)
        })
        .collect();
    assert_eq!(ring.seal(&rec, &mut rng(13)), Err(SealError::TooLarge));
}

#[test]
fn a_ring_reports_the_creation_time_of_its_sealing_key() {
    let mut ring = KeyRing::generate(&mut rng(1), NOW);
    assert_eq!(ring.current_key_created_at(), NOW);
    ring.rotate(&mut rng(2), NOW + 86_400);
    assert_eq!(ring.current_key_created_at(), NOW + 86_400);
}

#[test]
fn a_token_of_a_newer_key_is_reported_as_lacking_only_by_the_older_ring() {
    let old = KeyRing::generate(&mut rng(1), NOW);
    let mut new = old.clone();
    new.rotate(&mut rng(2), NOW + 86_400);
    let rec = role_session();
    let fresh = new.seal(&rec, &mut rng(3)).unwrap();
    let stale = old.seal(&rec, &mut rng(4)).unwrap();
    assert!(old.lacks_token_key(&fresh));
    assert!(!new.lacks_token_key(&fresh));
    assert!(!old.lacks_token_key(&stale));
    assert!(!new.lacks_token_key(&stale));
    // Not a token at all: a reload could not help.
    assert!(!old.lacks_token_key("not-a-token!"));
    assert!(!old.lacks_token_key(""));
}
