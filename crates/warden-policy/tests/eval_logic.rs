//! Evaluation corners beyond spec §7 (policy.md §6): boundaries, sessions, cross-account,
//! NotPrincipal chains, SCP/RCP levels, principal classes, operation restrictions and
//! explanations.

mod common;

use common::*;
use warden_policy::{
    Context, Decision, EvaluationInput, Gate, PolicyType, Principal, Request, TypeDecision, explain,
};

macro_rules! logic {
    ($($name:ident: $case:expr, $action:expr, $resource:expr => $want:ident $(($gate:ident))?;)*) => {$(
        #[test]
        fn $name() {
            let v = $case.check($action, $resource, &Context::new());
            assert_verdict(v, Decision::$want, None $(.or(Some(Gate::$gate)))?);
        }
    )*};
}

const ALICE: &str = "arn:aws:iam::111122223333:user/alice";
const ROLE_R: &str = "arn:aws:iam::111122223333:role/app/R";
const OBJ: &str = "arn:aws:s3:::b/o";

fn deny(action: &str) -> String {
    stmts(&[&format!(
        r#"{{"Effect":"Deny","Action":"{action}","Resource":"*"}}"#
    )])
}

fn rp(principal_json: &str, effect: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":{{"Effect":"{effect}","Principal":{principal_json},"Action":"s3:*","Resource":"*"}}}}"#
    )
}

fn rp_not(listed: &str, effect: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":{{"Effect":"{effect}","NotPrincipal":{listed},"Action":"s3:*","Resource":"*"}}}}"#
    )
}

fn rcp_all() -> String {
    r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}}"#.to_owned()
}

fn rcp_deny_s3() -> String {
    r#"{"Version":"2012-10-17","Statement":{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}}"#.to_owned()
}

logic! {
    // Boundaries
    boundary_deny_is_explicit:
        Case::new(alice()).identity(&[p("*", "*")]).boundary(&[p("*", "*"), deny("s3:*")]), "s3:GetObject", OBJ => ExplicitDeny(PermissionsBoundary);
    boundary_deny_beats_direct_resource_grant:
        Case::new(alice()).boundary(&[deny("s3:*")]).resource_policy(&rp(&format!(r#"{{"AWS":"{ALICE}"}}"#), "Allow")), "s3:GetObject", OBJ => ExplicitDeny(PermissionsBoundary);
    boundary_empty_denies_all:
        Case::new(alice()).identity(&[p("*", "*")]).boundary(&[]), "s3:GetObject", OBJ => ImplicitDeny(PermissionsBoundary);
    boundary_never_grants:
        Case::new(alice()).boundary(&[p("*", "*")]), "s3:GetObject", OBJ => ImplicitDeny(Identity);
    boundary_allows_with_identity:
        Case::new(alice()).identity(&[p("s3:GetObject", "*")]).boundary(&[p("s3:*", "*")]), "s3:GetObject", OBJ => Allow(Identity);
    boundary_limits_entity_grant:
        Case::new(s1()).boundary(&[p("ec2:*", "*")]).resource_policy(&rp(&format!(r#"{{"AWS":"{ROLE_R}"}}"#), "Allow")), "s3:GetObject", OBJ => ImplicitDeny(PermissionsBoundary);
    boundary_with_account_grant_needs_identity:
        Case::new(alice()).boundary(&[p("s3:*", "*")]).resource_policy(&rp(r#"{"AWS":"111122223333"}"#, "Allow")), "s3:GetObject", OBJ => ImplicitDeny(Identity);
    // Sessions
    session_deny_is_explicit:
        Case::new(s1()).identity(&[p("*", "*")]).session(&[p("*", "*"), deny("s3:PutObject")]), "s3:PutObject", OBJ => ExplicitDeny(Session);
    session_empty_set_denies:
        Case::new(s1()).identity(&[p("*", "*")]).session(&[]), "s3:GetObject", OBJ => ImplicitDeny(Session);
    session_none_role_continues:
        Case::new(s1()).identity(&[p("*", "*")]), "s3:GetObject", OBJ => Allow;
    session_policy_never_grants_alone:
        Case::new(s1()).session(&[p("*", "*")]), "s3:GetObject", OBJ => ImplicitDeny(Identity);
    session_direct_grant_bypasses_session_policy:
        Case::new(s1()).session(&[p("ec2:*", "*")]).resource_policy(&rp(r#"{"AWS":"arn:aws:sts::111122223333:assumed-role/R/s1"}"#, "Allow")), "s3:GetObject", OBJ => Allow(Resource);
    federated_with_session_policy:
        Case::new(fed1()).identity(&[p("*", "*")]).session(&[p("s3:*", "*")]), "s3:GetObject", OBJ => Allow;
    federated_boundary_of_parent:
        Case::new(fed1()).identity(&[p("*", "*")]).session(&[p("*", "*")]).boundary(&[p("ec2:*", "*")]), "s3:GetObject", OBJ => ImplicitDeny(PermissionsBoundary);
    user_session_ignores_session_rule:
        Case::new(Principal::user_session(ALICE, "AIDAALICE", false)).identity(&[p("*", "*")]), "s3:GetObject", OBJ => Allow;
    // Cross-account
    cross_account_deny_in_resource_policy:
        Case::new(bob()).identity(&[p("*", "*")]).resource_account(ACCT).resource_policy(&rp(r#""*""#, "Deny")), "s3:GetObject", OBJ => ExplicitDeny(Resource);
    cross_account_star_principal_needs_identity:
        Case::new(bob()).resource_account(ACCT).resource_policy(&rp(r#""*""#, "Allow")), "s3:GetObject", OBJ => ImplicitDeny(Identity);
    cross_account_star_principal_with_identity:
        Case::new(bob()).identity(&[p("s3:*", "*")]).resource_account(ACCT).resource_policy(&rp(r#""*""#, "Allow")), "s3:GetObject", OBJ => Allow;
    cross_account_boundary_applies:
        Case::new(bob()).identity(&[p("s3:*", "*")]).boundary(&[p("ec2:*", "*")]).resource_account(ACCT).resource_policy(&rp(r#"{"AWS":"444455556666"}"#, "Allow")), "s3:GetObject", OBJ => ImplicitDeny(PermissionsBoundary);
    cross_account_wrong_account_named:
        Case::new(bob()).identity(&[p("s3:*", "*")]).resource_account(ACCT).resource_policy(&rp(r#"{"AWS":"999999999999"}"#, "Allow")), "s3:GetObject", OBJ => ImplicitDeny(Resource);
    cross_account_root_needs_only_resource:
        Case::new(Principal::root(FOREIGN)).resource_account(ACCT).resource_policy(&rp(r#"{"AWS":"444455556666"}"#, "Allow")), "s3:GetObject", OBJ => Allow(Resource);
    cross_account_root_without_resource_policy:
        Case::new(Principal::root(FOREIGN)).resource_account(ACCT), "s3:GetObject", OBJ => ImplicitDeny(Resource);
    same_account_explicit_resource_account:
        Case::new(alice()).identity(&[p("s3:*", "*")]).resource_account(ACCT), "s3:GetObject", OBJ => Allow;
    // Root
    root_identity_deny_ignored_no_policies:
        Case::new(Principal::root(ACCT)).identity(&[deny("iam:*")]), "iam:CreateUser", "*" => ExplicitDeny(Identity);
    root_scp_deny:
        Case::new(Principal::root(ACCT)).scp_level(&[p("*", "*"), deny("iam:*")]), "iam:CreateUser", "*" => ExplicitDeny(ServiceControl);
    // NotPrincipal
    not_principal_deny_role_session_partial_chain:
        Case::new(s1()).identity(&[p("*", "*")]).resource_policy(&rp_not(&format!(r#"{{"AWS":["111122223333","{ROLE_R}"]}}"#), "Deny")), "s3:GetObject", OBJ => ExplicitDeny(Resource);
    not_principal_deny_role_session_full_chain:
        Case::new(s1()).identity(&[p("*", "*")]).resource_policy(&rp_not(&format!(r#"{{"AWS":["111122223333","{ROLE_R}","arn:aws:sts::111122223333:assumed-role/R/s1"]}}"#), "Deny")), "s3:GetObject", OBJ => Allow;
    not_principal_deny_star_lists_everyone:
        Case::new(alice()).identity(&[p("*", "*")]).resource_policy(&rp_not(r#"{"AWS":"*"}"#, "Deny")), "s3:GetObject", OBJ => Allow;
    not_principal_allow_unlisted:
        Case::new(alice()).resource_policy(&rp_not(r#"{"AWS":"arn:aws:iam::111122223333:user/bob"}"#, "Allow")), "s3:GetObject", OBJ => Allow(Resource);
    not_principal_allow_listed:
        Case::new(alice()).resource_policy(&rp_not(&format!(r#"{{"AWS":["{ALICE}","111122223333"]}}"#), "Allow")), "s3:GetObject", OBJ => ImplicitDeny(Identity);
    not_principal_allow_anonymous:
        Case::new(Principal::anonymous()).resource_policy(&rp_not(r#"{"AWS":"111122223333"}"#, "Allow")), "s3:GetObject", OBJ => Allow;
    // SCP / RCP levels
    scp_every_level_must_allow:
        Case::new(alice()).identity(&[p("*", "*")]).scp_level(&[p("*", "*")]).scp_level(&[p("ec2:*", "*")]), "s3:GetObject", OBJ => ImplicitDeny(ServiceControl);
    scp_all_levels_allow:
        Case::new(alice()).identity(&[p("*", "*")]).scp_level(&[p("*", "*")]).scp_level(&[p("s3:*", "*")]), "s3:GetObject", OBJ => Allow;
    scp_never_grants:
        Case::new(alice()).scp_level(&[p("*", "*")]), "s3:GetObject", OBJ => ImplicitDeny(Identity);
    scp_deny_any_level:
        Case::new(alice()).identity(&[p("*", "*")]).scp_level(&[p("*", "*")]).scp_level(&[p("*", "*"), deny("s3:Get*")]), "s3:GetObject", OBJ => ExplicitDeny(ServiceControl);
    scp_limits_direct_grant:
        Case::new(alice()).scp_level(&[p("ec2:*", "*")]).resource_policy(&rp(&format!(r#"{{"AWS":"{ALICE}"}}"#), "Allow")), "s3:GetObject", OBJ => ImplicitDeny(ServiceControl);
    rcp_level_must_allow:
        Case::new(alice()).identity(&[p("*", "*")]).rcp_level(&[rcp_all()]).rcp_level(&[]), "s3:GetObject", OBJ => ImplicitDeny(ResourceControl);
    rcp_deny:
        Case::new(alice()).identity(&[p("*", "*")]).rcp_level(&[rcp_all(), rcp_deny_s3()]), "s3:GetObject", OBJ => ExplicitDeny(ResourceControl);
    rcp_skipped_for_service_principals:
        Case::new(Principal::service("cloudtrail.amazonaws.com")).rcp_level(&[rcp_deny_s3()]).resource_policy(&rp(r#"{"Service":"cloudtrail.amazonaws.com"}"#, "Allow")), "s3:PutObject", OBJ => Allow(Resource);
    // Principal forms in resource policies
    service_principal_granted:
        Case::new(Principal::service("cloudtrail.amazonaws.com")).resource_policy(&rp(r#"{"Service":"cloudtrail.amazonaws.com"}"#, "Allow")), "s3:PutObject", OBJ => Allow;
    service_principal_other_service:
        Case::new(Principal::service("ec2.amazonaws.com")).resource_policy(&rp(r#"{"Service":"cloudtrail.amazonaws.com"}"#, "Allow")), "s3:PutObject", OBJ => ImplicitDeny;
    anonymous_star_granted:
        Case::new(Principal::anonymous()).resource_policy(&rp(r#""*""#, "Allow")), "s3:GetObject", OBJ => Allow;
    anonymous_account_not_granted:
        Case::new(Principal::anonymous()).resource_policy(&rp(r#"{"AWS":"111122223333"}"#, "Allow")), "s3:GetObject", OBJ => ImplicitDeny;
    canonical_user_never_matches:
        Case::new(alice()).resource_policy(&rp(r#"{"CanonicalUser":"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"}"#, "Allow")), "s3:GetObject", OBJ => ImplicitDeny(Identity);
    user_unique_id_direct:
        Case::new(alice()).resource_policy(&rp(r#"{"AWS":"arn:aws:iam::111122223333:user/alice"}"#, "Allow")), "s3:GetObject", OBJ => Allow(Resource);
    // Operation restrictions (§6.10)
    federated_cannot_call_sts:
        Case::new(fed1()).identity(&[p("*", "*")]).session(&[p("*", "*")]), "sts:AssumeRole", "arn:aws:iam::111122223333:role/T" => ImplicitDeny(OperationRestriction);
    federated_get_caller_identity:
        Case::new(fed1()), "sts:GetCallerIdentity", "*" => Allow(Unconditional);
    role_session_cannot_get_federation_token:
        Case::new(s1()).identity(&[p("*", "*")]), "sts:GetFederationToken", "arn:aws:sts::111122223333:federated-user/x" => ImplicitDeny(OperationRestriction);
    user_session_no_mfa_no_iam:
        Case::new(Principal::user_session(ALICE, "AIDAALICE", false)).identity(&[p("*", "*")]), "iam:ListUsers", "*" => ImplicitDeny(OperationRestriction);
    user_session_mfa_iam_ok:
        Case::new(Principal::user_session(ALICE, "AIDAALICE", true)).identity(&[p("*", "*")]), "iam:ListUsers", "*" => Allow;
    user_session_assume_role_ok:
        Case::new(Principal::user_session(ALICE, "AIDAALICE", false)).identity(&[p("*", "*")]), "sts:AssumeRole", "arn:aws:iam::111122223333:role/T" => Allow;
    user_session_no_other_sts:
        Case::new(Principal::user_session(ALICE, "AIDAALICE", true)).identity(&[p("*", "*")]), "sts:GetFederationToken", "*" => ImplicitDeny(OperationRestriction);
    user_get_session_token_unconditional:
        Case::new(alice()).identity(&[deny("*")]), "sts:GetSessionToken", "*" => Allow(Unconditional);
    get_caller_identity_action_case:
        Case::new(alice()), "STS:getcalleridentity", "*" => Allow(Unconditional);
    // Resource "*" requests
    star_resource_needs_star_pattern:
        Case::new(alice()).identity(&[p("ec2:Describe*", "arn:aws:ec2:*:*:instance/*")]), "ec2:DescribeInstances", "*" => ImplicitDeny(Identity);
    star_resource_star_pattern:
        Case::new(alice()).identity(&[p("ec2:Describe*", "*")]), "ec2:DescribeInstances", "*" => Allow;
    // Index buckets: `*` and NotAction statements are candidates for every service
    not_action_deny_applies_across_services:
        Case::new(alice()).identity(&[p("*", "*"), stmts(&[r#"{"Effect":"Deny","NotAction":["s3:*","iam:*"],"Resource":"*"}"#])]), "ec2:RunInstances", "*" => ExplicitDeny(Identity);
    not_action_deny_spares_listed:
        Case::new(alice()).identity(&[p("*", "*"), stmts(&[r#"{"Effect":"Deny","NotAction":["s3:*","iam:*"],"Resource":"*"}"#])]), "IAM:GetUser", ALICE => Allow;
    mixed_vendor_statement:
        Case::new(alice()).identity(&[stmts(&[r#"{"Effect":"Allow","Action":["s3:GetObject","ec2:Describe*"],"Resource":"*"}"#])]), "ec2:DescribeVpcs", "*" => Allow;
    vendor_case_in_request:
        Case::new(alice()).identity(&[p("s3:GetObject", "*")]), "S3:GETOBJECT", OBJ => Allow;
}

#[test]
fn explanation_lists_matches_and_type_decisions() {
    let pr = alice().with_boundary(true);
    let identity = set(
        &pr,
        PolicyType::Identity,
        &[stmts(&[
            r#"{"Sid":"A","Effect":"Allow","Action":"s3:*","Resource":"*"}"#,
            r#"{"Sid":"B","Effect":"Allow","Action":"s3:Get*","Resource":"*","Condition":{"StringEquals":{"s3:prefix":"x"}}}"#,
            r#"{"Sid":"C","Effect":"Allow","Action":"ec2:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}"#,
        ])],
    );
    let boundary = set(&pr, PolicyType::PermissionsBoundary, &[p("ec2:*", "*")]);
    let input = EvaluationInput {
        boundary: Some(&boundary),
        ..EvaluationInput::new(&pr, &identity)
    };
    let context = Context::new();
    let e = explain(
        &input,
        &Request {
            action: "s3:GetObject",
            resource: OBJ,
            context: &context,
        },
    );
    assert_eq!(e.verdict.decision, Decision::ImplicitDeny);
    assert_eq!(e.verdict.gate, Gate::PermissionsBoundary);
    assert_eq!(e.matched.len(), 1);
    assert_eq!(e.matched[0].sid.as_deref(), Some("A"));
    assert_eq!(e.matched[0].policy_id, "policy0");
    assert!(e.matched[0].span.start.line >= 1);
    // Only the key of the statement targeting the request is missing, not `aws:SecureTransport`.
    assert_eq!(e.missing_context_keys, vec!["s3:prefix".to_owned()]);
    assert_eq!(e.allowed_by_boundary, Some(false));
    assert!(
        e.type_decisions
            .contains(&(PolicyType::Identity, TypeDecision::Allowed))
    );
    assert!(
        e.type_decisions
            .contains(&(PolicyType::PermissionsBoundary, TypeDecision::ImplicitDeny))
    );
    assert_eq!(
        e.access_denied_message().unwrap(),
        "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/o because no permissions boundary allows the s3:GetObject action"
    );
}

#[test]
fn messages_use_the_right_article() {
    let v = Case::new(s1())
        .identity(&[p("*", "*")])
        .session(&[deny("s3:*")])
        .check("s3:GetObject", OBJ, &Context::new());
    let msg = v
        .access_denied_message(
            "arn:aws:sts::111122223333:assumed-role/R/s1",
            "s3:GetObject",
            OBJ,
        )
        .unwrap();
    assert!(
        msg.ends_with("with an explicit deny in a session policy"),
        "{msg}"
    );
    let v = Case::new(alice())
        .identity(&[p("*", "*")])
        .resource_policy(&rp(r#""*""#, "Deny"))
        .check("s3:GetObject", OBJ, &Context::new());
    let msg = v.access_denied_message(ALICE, "s3:GetObject", OBJ).unwrap();
    assert!(
        msg.ends_with("with an explicit deny in a resource-based policy"),
        "{msg}"
    );
    let v =
        Case::new(s1())
            .identity(&[p("*", "*")])
            .check("sts:GetSessionToken", "*", &Context::new());
    assert_eq!(
        v.access_denied_message("x", "sts:GetSessionToken", "*")
            .unwrap(),
        "Cannot call GetSessionToken with session credentials"
    );
    assert!(
        Case::new(alice())
            .identity(&[p("*", "*")])
            .check("s3:GetObject", OBJ, &Context::new())
            .access_denied_message(ALICE, "s3:GetObject", OBJ)
            .is_none()
    );
}

#[test]
fn deciding_statement_is_reported() {
    let pr = alice();
    let identity = set(
        &pr,
        PolicyType::Identity,
        &[
            p("s3:*", "*"),
            stmts(&[r#"{"Sid":"NoDelete","Effect":"Deny","Action":"s3:Delete*","Resource":"*"}"#]),
        ],
    );
    let context = Context::new();
    let input = EvaluationInput::new(&pr, &identity);
    let v = warden_policy::evaluate(
        &input,
        &Request {
            action: "s3:DeleteObject",
            resource: OBJ,
            context: &context,
        },
    );
    let at = v.statement.unwrap().at;
    assert_eq!((at.policy, at.statement), (1, 0));
    assert_eq!(identity.statement_source(at).unwrap().0, Some("NoDelete"));
}
