//! Session rules: durations, packed size, tags, caller restrictions, identities (api.md §6–§7).

use warden_policy::PrincipalKind;
use warden_sts::rules::{
    CallerDenied, DurationError, DurationRequest, PackedPolicyTooLarge, Service, TagError,
    check_caller, inherited_transitive_tags, json_len_without_whitespace, merge_session_tags,
    packed_policy_size, session_duration, validate_session_tags,
};
use warden_sts::session::{
    assumed_role_identity, federated_user_identity, iso8601, session_context_keys,
    session_principal,
};
use warden_sts::{Federation, IssuingOperation, SecretKey, SessionKind, SessionRecord};

use DurationRequest as D;

macro_rules! duration_cases {
    ($($name:ident: $req:expr, $asked:expr => $want:expr;)*) => {$(
        #[test]
        fn $name() {
            assert_eq!(session_duration($req, $asked), $want);
        }
    )*};
}

fn model(value: i64, bound: &str) -> Result<i64, DurationError> {
    Err(DurationError::ModelRange {
        value,
        bound: bound.to_owned(),
    })
}

duration_cases! {
    assume_role_default: D::AssumeRole { role_max: 43_200, chaining: false }, None => Ok(3_600);
    assume_role_min: D::AssumeRole { role_max: 3_600, chaining: false }, Some(900) => Ok(900);
    assume_role_below_min: D::AssumeRole { role_max: 3_600, chaining: false }, Some(899) => model(899, "greater than or equal to 900");
    assume_role_above_model: D::AssumeRole { role_max: 43_200, chaining: false }, Some(43_201) => model(43_201, "less than or equal to 43200");
    assume_role_at_role_max: D::AssumeRole { role_max: 7_200, chaining: false }, Some(7_200) => Ok(7_200);
    assume_role_above_role_max: D::AssumeRole { role_max: 7_200, chaining: false }, Some(7_201) => Err(DurationError::ExceedsRoleMax);
    assume_role_chaining_one_hour: D::AssumeRole { role_max: 43_200, chaining: true }, Some(3_600) => Ok(3_600);
    assume_role_chaining_default: D::AssumeRole { role_max: 43_200, chaining: true }, None => Ok(3_600);
    assume_role_chaining_over: D::AssumeRole { role_max: 43_200, chaining: true }, Some(3_601) => Err(DurationError::ExceedsChainingLimit);
    assume_role_chaining_and_role_max: D::AssumeRole { role_max: 3_600, chaining: true }, Some(7_200) => Err(DurationError::ExceedsRoleMax);
    web_identity_default: D::AssumeRoleWithWebIdentity { role_max: 3_600 }, None => Ok(3_600);
    web_identity_above_role_max: D::AssumeRoleWithWebIdentity { role_max: 3_600 }, Some(3_601) => Err(DurationError::ExceedsRoleMax);
    web_identity_long: D::AssumeRoleWithWebIdentity { role_max: 43_200 }, Some(43_200) => Ok(43_200);
    saml_capped_by_assertion: D::AssumeRoleWithSaml { role_max: 43_200, not_on_or_after_in: Some(1_000) }, Some(7_200) => Ok(1_000);
    saml_without_limit: D::AssumeRoleWithSaml { role_max: 43_200, not_on_or_after_in: None }, Some(7_200) => Ok(7_200);
    saml_above_role_max: D::AssumeRoleWithSaml { role_max: 3_600, not_on_or_after_in: Some(100_000) }, Some(7_200) => Err(DurationError::ExceedsRoleMax);
    gst_default: D::GetSessionToken { root: false }, None => Ok(43_200);
    gst_max: D::GetSessionToken { root: false }, Some(129_600) => Ok(129_600);
    gst_above_max: D::GetSessionToken { root: false }, Some(129_601) => model(129_601, "less than or equal to 129600");
    gst_root_default: D::GetSessionToken { root: true }, None => Ok(3_600);
    gst_root_capped: D::GetSessionToken { root: true }, Some(7_200) => Ok(3_600);
    gft_default: D::GetFederationToken { root: false }, None => Ok(43_200);
    gft_below_min: D::GetFederationToken { root: false }, Some(10) => model(10, "greater than or equal to 900");
    gft_root_capped: D::GetFederationToken { root: true }, Some(129_600) => Ok(3_600);
    assume_root_default: D::AssumeRoot, None => Ok(900);
    assume_root_above: D::AssumeRoot, Some(901) => model(901, "less than or equal to 900");
}

#[test]
fn duration_messages_are_aws_texts() {
    assert_eq!(
        DurationError::ExceedsRoleMax.to_string(),
        "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."
    );
    assert_eq!(
        DurationError::ExceedsChainingLimit.to_string(),
        "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining."
    );
    assert_eq!(
        session_duration(
            D::AssumeRole {
                role_max: 3_600,
                chaining: false
            },
            Some(1)
        )
        .unwrap_err()
        .to_string(),
        "1 validation error detected: Value '1' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"
    );
    assert_eq!(DurationError::ExceedsRoleMax.code(), "ValidationError");
}

fn tags(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn keys(ks: &[&str]) -> Vec<String> {
    ks.iter().map(|k| (*k).to_owned()).collect()
}

/// A 134-character policy (AWS reports 16 % for its ~150-character example, §6.2).
const POLICY_150: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::my-example-bucket/reports/*"}]}"#;

macro_rules! packed_cases {
    ($($name:ident: $policy:expr, $arns:expr, $tags:expr => $want:expr;)*) => {$(
        #[test]
        fn $name() {
            let policy: Option<String> = $policy;
            assert_eq!(packed_policy_size(policy.as_deref(), &$arns, &$tags), $want);
        }
    )*};
}

packed_cases! {
    packed_nothing_is_zero: None, keys(&[]), tags(&[]) => Ok(0);
    packed_134_char_policy_is_14: Some(POLICY_150.to_owned()), keys(&[]), tags(&[]) => Ok(14);
    packed_whitespace_is_free: Some(format!("  {}\n\n", POLICY_150.replace(',', " ,\n "))), keys(&[]), tags(&[]) => Ok(14);
    packed_151_units_is_16: Some("a".repeat(151)), keys(&[]), tags(&[]) => Ok(16);
    packed_1000_units_is_100: Some("a".repeat(1000)), keys(&[]), tags(&[]) => Ok(100);
    packed_1001_units_too_large: Some("a".repeat(1001)), keys(&[]), tags(&[]) => Err(PackedPolicyTooLarge::Policy(101));
    packed_1690_units_is_169: Some("a".repeat(1690)), keys(&[]), tags(&[]) => Err(PackedPolicyTooLarge::Policy(169));
    packed_arns_count: None, keys(&["arn:aws:iam::aws:policy/ReadOnlyAccess"]), tags(&[]) => Ok(4);
    packed_tags_count: None, keys(&[]), tags(&[("Project", "Alpha")]) => Ok(1);
    packed_max_of_both: Some("a".repeat(100)), keys(&[]), tags(&[("k", &"v".repeat(1000))]) => Ok(49);
    packed_tags_too_large: None, keys(&[]), tags(&[("k", &"v".repeat(2048))]) => Err(PackedPolicyTooLarge::Tags(101));
    packed_policy_reported_before_tags: Some("a".repeat(2000)), keys(&[]), tags(&[("k", &"v".repeat(4096))]) => Err(PackedPolicyTooLarge::Policy(200));
}

#[test]
fn packed_messages_are_aws_texts() {
    assert_eq!(
        PackedPolicyTooLarge::Policy(157).to_string(),
        "Packed policy consumes 157% of allotted space, please use smaller policy."
    );
    assert_eq!(
        PackedPolicyTooLarge::Tags(120).to_string(),
        "Packed size of session tags consumes 120% of allotted space."
    );
    assert_eq!(PackedPolicyTooLarge::Tags(1).code(), "PackedPolicyTooLarge");
}

#[test]
fn whitespace_inside_strings_counts() {
    assert_eq!(json_len_without_whitespace(r#"{ "a b" : "c\" d" }"#), 15);
    assert_eq!(json_len_without_whitespace(" \t\r\n"), 0);
}

macro_rules! tag_cases {
    ($($name:ident: $tags:expr, $transitive:expr, $inherited:expr => $want:expr;)*) => {$(
        #[test]
        fn $name() {
            assert_eq!(validate_session_tags(&$tags, &$transitive, &$inherited), $want);
        }
    )*};
}

tag_cases! {
    tags_ok: tags(&[("Project", "A"), ("Team", "B")]), keys(&["Project"]), keys(&["Dept"]) => Ok(());
    tags_none: tags(&[]), keys(&[]), keys(&["Dept"]) => Ok(());
    tags_duplicate_exact: tags(&[("Project", "A"), ("Project", "B")]), keys(&[]), keys(&[]) => Err(TagError::DuplicateKeys);
    tags_duplicate_case: tags(&[("Project", "A"), ("PROJECT", "B")]), keys(&[]), keys(&[]) => Err(TagError::DuplicateKeys);
    tags_transitive_missing: tags(&[("Project", "A")]), keys(&["Team"]), keys(&[]) => Err(TagError::TransitiveKeyNotInTags);
    tags_transitive_other_case_ok: tags(&[("Project", "A")]), keys(&["project"]), keys(&[]) => Ok(());
    tags_conflict_exact: tags(&[("Dept", "A")]), keys(&[]), keys(&["Dept"]) => Err(TagError::ConflictsWithInherited);
    tags_conflict_case: tags(&[("dept", "A")]), keys(&["dept"]), keys(&["Dept"]) => Err(TagError::ConflictsWithInherited);
    tags_reserved_key: tags(&[("aws:foo", "A")]), keys(&[]), keys(&[]) => Err(TagError::ReservedPrefix);
    tags_reserved_value: tags(&[("k", "AWS:bar")]), keys(&[]), keys(&[]) => Err(TagError::ReservedPrefix);
    tags_duplicate_before_transitive: tags(&[("a", "1"), ("A", "2")]), keys(&["zzz"]), keys(&[]) => Err(TagError::DuplicateKeys);
}

#[test]
fn tag_messages_are_aws_texts() {
    assert_eq!(
        TagError::DuplicateKeys.to_string(),
        "Duplicate tag keys found. Please note that Tag keys are case insensitive."
    );
    assert_eq!(
        TagError::TransitiveKeyNotInTags.to_string(),
        "The specified transitive tag key must be included in the requested tags."
    );
    assert_eq!(
        TagError::ConflictsWithInherited.to_string(),
        "One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session."
    );
    assert_eq!(TagError::DuplicateKeys.code(), "InvalidParameterValue");
}

fn record(kind: SessionKind, op: IssuingOperation) -> SessionRecord {
    SessionRecord {
        access_key_id: "ASIAQWERTYUIOPASDFGH".into(),
        secret_access_key: SecretKey::new("x".repeat(40)),
        issued_at: 1_700_000_000,
        expires_at: 1_700_003_600,
        account: "111122223333".into(),
        kind,
        operation: op,
        identity_arn: "arn:aws:sts::111122223333:assumed-role/R/s".into(),
        user_id: "AROAEXAMPLE:s".into(),
        parent_id: "AROAEXAMPLE".into(),
        parent_arn: "arn:aws:iam::111122223333:role/app/R".into(),
        session_name: Some("s".into()),
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

#[test]
fn transitive_tags_propagate_through_a_chain() {
    // Session 1: role tags overlaid by passed tags; Dept and Team are transitive.
    let role1 = tags(&[("Dept", "role1"), ("Env", "prod")]);
    let passed1 = tags(&[("dept", "eng"), ("Team", "blue"), ("Temp", "x")]);
    validate_session_tags(&passed1, &keys(&["dept", "Team"]), &[]).unwrap();
    let s1 = merge_session_tags(&role1, &[], &passed1, &keys(&["dept", "Team"]));
    assert_eq!(
        s1.principal_tags,
        tags(&[
            ("dept", "eng"),
            ("Env", "prod"),
            ("Team", "blue"),
            ("Temp", "x")
        ])
    );
    assert_eq!(s1.transitive_keys, keys(&["dept", "Team"]));
    let mut rec1 = record(SessionKind::RoleSession, IssuingOperation::AssumeRole);
    rec1.tags = s1.principal_tags;
    rec1.transitive_tag_keys = s1.transitive_keys;

    // Session 2 (chained): inherits dept and Team (not Temp, not the role's Env).
    let inherited = inherited_transitive_tags(&rec1);
    assert_eq!(inherited, tags(&[("dept", "eng"), ("Team", "blue")]));
    assert_eq!(
        validate_session_tags(&tags(&[("Team", "red")]), &[], &rec1.transitive_tag_keys),
        Err(TagError::ConflictsWithInherited)
    );
    let role2 = tags(&[("DEPT", "role2"), ("Owner", "ops")]);
    let passed2 = tags(&[("Ticket", "T-1")]);
    validate_session_tags(&passed2, &[], &rec1.transitive_tag_keys).unwrap();
    let s2 = merge_session_tags(&role2, &inherited, &passed2, &[]);
    assert_eq!(
        s2.principal_tags,
        tags(&[
            ("dept", "eng"),
            ("Owner", "ops"),
            ("Team", "blue"),
            ("Ticket", "T-1")
        ])
    );
    assert_eq!(
        s2.session_tags,
        tags(&[("dept", "eng"), ("Team", "blue"), ("Ticket", "T-1")])
    );
    assert_eq!(
        s2.transitive_keys,
        keys(&["dept", "Team"]),
        "still transitive downstream"
    );
}

macro_rules! caller_cases {
    ($($name:ident: $session:expr, $service:expr, $action:expr => $want:expr;)*) => {$(
        #[test]
        fn $name() {
            let session: Option<SessionRecord> = $session;
            let got = check_caller(session.as_ref(), $service, $action, "arn:caller", "arn:res")
                .map_err(|e: CallerDenied| e.message);
            let want: Result<(), &str> = $want;
            assert_eq!(got, want.map_err(str::to_owned));
        }
    )*};
}

fn gst(mfa: bool) -> Option<SessionRecord> {
    let mut r = record(SessionKind::UserSession, IssuingOperation::GetSessionToken);
    r.mfa_present = mfa;
    Some(r)
}

fn fed() -> Option<SessionRecord> {
    Some(record(
        SessionKind::FederatedUser,
        IssuingOperation::GetFederationToken,
    ))
}

fn role() -> Option<SessionRecord> {
    Some(record(
        SessionKind::RoleSession,
        IssuingOperation::AssumeRole,
    ))
}

const DENIED_LIST_USERS: &str =
    "User: arn:caller is not authorized to perform: iam:ListUsers on resource: arn:res";
const GST_MSG: &str = "Cannot call GetSessionToken with session credentials";
const GFT_MSG: &str = "Cannot call GetFederationToken with session credentials";

caller_cases! {
    long_term_iam: None, Service::Iam, "ListUsers" => Ok(());
    long_term_gst: None, Service::Sts, "GetSessionToken" => Ok(());
    gst_no_mfa_iam: gst(false), Service::Iam, "ListUsers" => Err(DENIED_LIST_USERS);
    gst_mfa_iam: gst(true), Service::Iam, "ListUsers" => Ok(());
    gst_assume_role: gst(false), Service::Sts, "AssumeRole" => Ok(());
    gst_caller_identity: gst(false), Service::Sts, "GetCallerIdentity" => Ok(());
    gst_gst: gst(true), Service::Sts, "GetSessionToken" => Err(GST_MSG);
    gst_gft: gst(true), Service::Sts, "GetFederationToken" => Err(GFT_MSG);
    gst_access_key_info: gst(true), Service::Sts, "GetAccessKeyInfo" =>
        Err("User: arn:caller is not authorized to perform: sts:GetAccessKeyInfo on resource: arn:res");
    fed_iam: fed(), Service::Iam, "ListUsers" => Err(DENIED_LIST_USERS);
    fed_caller_identity: fed(), Service::Sts, "GetCallerIdentity" => Ok(());
    fed_assume_role: fed(), Service::Sts, "AssumeRole" =>
        Err("User: arn:caller is not authorized to perform: sts:AssumeRole on resource: arn:res");
    role_iam: role(), Service::Iam, "ListUsers" => Ok(());
    role_assume_role: role(), Service::Sts, "AssumeRole" => Ok(());
    role_gst: role(), Service::Sts, "GetSessionToken" => Err(GST_MSG);
    role_gft: role(), Service::Sts, "GetFederationToken" => Err(GFT_MSG);
    role_decode: role(), Service::Sts, "DecodeAuthorizationMessage" => Ok(());
}

#[test]
fn role_session_identity() {
    let id = assumed_role_identity(
        "arn:aws:iam::444455556666:role/path/to/Deploy",
        "AROAEXAMPLEID",
        "alice",
    )
    .unwrap();
    assert_eq!(id.id, "AROAEXAMPLEID:alice");
    assert_eq!(
        id.arn,
        "arn:aws:sts::444455556666:assumed-role/Deploy/alice"
    );
    let cn = assumed_role_identity("arn:aws-cn:iam::444455556666:role/R", "AROA1", "s").unwrap();
    assert_eq!(cn.arn, "arn:aws-cn:sts::444455556666:assumed-role/R/s");
    assert_eq!(
        assumed_role_identity("nothing-valid-in-here", "AROA1", "s"),
        None
    );
}

#[test]
fn federated_identity() {
    let id = federated_user_identity("aws", "111122223333", "bob");
    assert_eq!(id.id, "111122223333:bob");
    assert_eq!(id.arn, "arn:aws:sts::111122223333:federated-user/bob");
}

#[test]
fn role_session_principal_uses_role_and_tags() {
    let mut rec = record(SessionKind::RoleSession, IssuingOperation::AssumeRole);
    rec.tags = tags(&[("Dept", "eng")]);
    let p = session_principal(&rec, true);
    assert_eq!(p.kind(), PrincipalKind::RoleSession);
    assert_eq!(p.arn(), "arn:aws:sts::111122223333:assumed-role/R/s");
    assert_eq!(p.key_value("aws:userid"), Some("AROAEXAMPLE:s"));
    assert_eq!(
        p.key_value("aws:principalarn"),
        Some("arn:aws:iam::111122223333:role/app/R")
    );
    assert_eq!(p.key_value("aws:principaltag/dept"), Some("eng"));
    assert!(p.has_boundary());
}

#[test]
fn federated_and_user_session_principals() {
    let mut fed = record(
        SessionKind::FederatedUser,
        IssuingOperation::GetFederationToken,
    );
    fed.parent_arn = "arn:aws:iam::111122223333:user/bob".into();
    fed.parent_id = "AIDABOB".into();
    fed.session_name = Some("fed1".into());
    let p = session_principal(&fed, false);
    assert_eq!(p.kind(), PrincipalKind::FederatedUser);
    assert_eq!(p.arn(), "arn:aws:sts::111122223333:federated-user/fed1");
    assert_eq!(p.key_value("aws:userid"), Some("111122223333:fed1"));

    let mut us = record(SessionKind::UserSession, IssuingOperation::GetSessionToken);
    us.parent_arn = "arn:aws:iam::111122223333:user/dev/bob".into();
    us.parent_id = "AIDABOB".into();
    us.mfa_present = true;
    let p = session_principal(&us, false);
    assert_eq!(p.kind(), PrincipalKind::UserSession);
    assert_eq!(p.key_value("aws:username"), Some("bob"));
    assert!(p.session_mfa());

    let root = record(SessionKind::RootSession, IssuingOperation::GetSessionToken);
    assert_eq!(session_principal(&root, false).kind(), PrincipalKind::Root);
}

#[test]
fn context_keys_of_a_web_identity_session() {
    let mut rec = record(
        SessionKind::RoleSession,
        IssuingOperation::AssumeRoleWithWebIdentity,
    );
    rec.mfa_present = true;
    rec.mfa_auth_time = Some(1_700_000_000);
    rec.source_identity = Some("alice".into());
    rec.federation = Some(Federation::WebIdentity {
        provider: "arn:aws:iam::111122223333:oidc-provider/auth.example.com".into(),
        prefix: "auth.example.com".into(),
        sub: "u1".into(),
        aud: "app".into(),
        amr: vec!["authenticated".into(), "pwd".into()],
    });
    let got = session_context_keys(&rec, 1_700_000_125);
    let want: Vec<(String, Vec<String>)> = vec![
        (
            "aws:TokenIssueTime".into(),
            vec!["2023-11-14T22:13:20Z".into()],
        ),
        ("aws:MultiFactorAuthPresent".into(), vec!["true".into()]),
        ("aws:MultiFactorAuthAge".into(), vec!["125".into()]),
        ("aws:SourceIdentity".into(), vec!["alice".into()]),
        (
            "aws:FederatedProvider".into(),
            vec!["arn:aws:iam::111122223333:oidc-provider/auth.example.com".into()],
        ),
        ("auth.example.com:aud".into(), vec!["app".into()]),
        ("auth.example.com:sub".into(), vec!["u1".into()]),
        (
            "auth.example.com:amr".into(),
            vec!["authenticated".into(), "pwd".into()],
        ),
    ];
    assert_eq!(got, want);
}

#[test]
fn context_keys_of_a_saml_session_without_mfa() {
    let mut rec = record(
        SessionKind::RoleSession,
        IssuingOperation::AssumeRoleWithSaml,
    );
    rec.federation = Some(Federation::Saml {
        sub: "jdoe".into(),
        sub_type: "persistent".into(),
        namequalifier: "abc=".into(),
    });
    let got = session_context_keys(&rec, 1_700_000_000);
    let names: Vec<&str> = got.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        names,
        [
            "aws:TokenIssueTime",
            "aws:MultiFactorAuthPresent",
            "saml:sub",
            "saml:sub_type",
            "saml:namequalifier"
        ]
    );
    assert_eq!(got[1].1, vec!["false".to_owned()]);
}

macro_rules! iso_cases {
    ($($name:ident: $t:expr => $want:expr;)*) => {$(
        #[test]
        fn $name() { assert_eq!(iso8601($t), $want); }
    )*};
}

iso_cases! {
    iso_epoch: 0 => "1970-01-01T00:00:00Z";
    iso_leap_day: 951_782_400 => "2000-02-29T00:00:00Z";
    iso_end_of_2023: 1_704_067_199 => "2023-12-31T23:59:59Z";
    iso_before_epoch: -1 => "1969-12-31T23:59:59Z";
}

proptest::proptest! {
    #[test]
    fn merged_tags_have_unique_keys_and_passed_values_win(
        entity in proptest::collection::vec(("[a-cA-C]{1,2}", "[a-z]{0,3}"), 0..6),
        inherited in proptest::collection::vec(("[d-fD-F]{1,2}", "[a-z]{0,3}"), 0..6),
        passed in proptest::collection::vec(("[a-cg-iA-CG-I]{1,2}", "[a-z]{0,3}"), 0..6),
    ) {
        let dedup = |v: Vec<(String, String)>| {
            let mut out: Vec<(String, String)> = Vec::new();
            for (k, val) in v {
                if !out.iter().any(|(o, _)| o.eq_ignore_ascii_case(&k)) {
                    out.push((k, val));
                }
            }
            out
        };
        let (inherited, passed) = (dedup(inherited), dedup(passed));
        let merged = merge_session_tags(&entity, &inherited, &passed, &[]);
        for (i, (k, _)) in merged.principal_tags.iter().enumerate() {
            for (other, _) in merged.principal_tags.iter().skip(i + 1) {
                proptest::prop_assert!(!k.eq_ignore_ascii_case(other) || entity.iter().filter(|(e, _)| e.eq_ignore_ascii_case(k)).count() > 1);
            }
        }
        for (k, v) in passed.iter().chain(inherited.iter().filter(|(k, _)| !passed.iter().any(|(p, _)| p.eq_ignore_ascii_case(k)))) {
            proptest::prop_assert!(merged.principal_tags.contains(&(k.clone(), v.clone())), "{k}={v}");
        }
        let inherited_keys: Vec<String> = inherited.iter().map(|(k, _)| k.clone()).collect();
        proptest::prop_assert_eq!(merged.transitive_keys, inherited_keys);
    }
}
