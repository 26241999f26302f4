//! Every test case of spec policy.md §7, one named test per case and sub-case
//! (`case_NN_<what>`). Policies are built from JSON with `parse_policy`; every check also
//! asserts that the fast path and `explain` agree.

mod common;

use common::*;
use warden_policy::{Context, Decision, Gate, Principal};

macro_rules! spec {
    ($($name:ident: $case:expr, $action:expr, $resource:expr, $ctx:expr => $want:ident $(($gate:ident))?;)*) => {$(
        #[test]
        fn $name() {
            let v = $case.check($action, $resource, &$ctx);
            assert_verdict(v, Decision::$want, None $(.or(Some(Gate::$gate)))?);
        }
    )*};
}

const ALICE: &str = "arn:aws:iam::111122223333:user/alice";
const BOB_ARN: &str = "arn:aws:iam::444455556666:user/bob";
const ROLE_R: &str = "arn:aws:iam::111122223333:role/app/R";
const SESSION_S1: &str = "arn:aws:sts::111122223333:assumed-role/R/s1";
const ROLE_T: &str = "arn:aws:iam::111122223333:role/T";

fn alice_with(statement: &str) -> Case {
    Case::new(alice()).identity(&[stmts(&[statement])])
}

fn short_arn_doc(resource: &str) -> warden_policy::document::PolicyDocument {
    let mut d = doc(&p("*", "*"), warden_policy::document::PolicyKind::Inline);
    if let Some(r) = d.statements.first_mut().and_then(|s| s.resource.as_mut()) {
        r.patterns = vec![resource.to_owned()];
    }
    d
}

fn allow_all() -> String {
    p("*", "*")
}

fn allow_cond(cond: &str) -> String {
    stmts(&[&format!(
        r#"{{"Effect":"Allow","Action":"*","Resource":"*","Condition":{cond}}}"#
    )])
}

fn deny_cond(cond: &str) -> String {
    stmts(&[&format!(
        r#"{{"Effect":"Deny","Action":"*","Resource":"*","Condition":{cond}}}"#
    )])
}

fn alice_allow_cond(cond: &str) -> Case {
    Case::new(alice()).identity(&[allow_cond(cond)])
}

fn alice_all_deny_cond(cond: &str) -> Case {
    Case::new(alice()).identity(&[allow_all(), deny_cond(cond)])
}

fn tags(keys: &[&str]) -> Context {
    Context::builder()
        .strings("aws:TagKeys", keys.iter().copied())
        .build()
}

fn one(key: &str, value: &str) -> Context {
    Context::builder().auto(key, value).build()
}

fn ip(addr: &str) -> Context {
    Context::builder().ip("aws:SourceIp", addr).build()
}

fn mfa_session(minutes_old: u32) -> Context {
    Context::builder()
        .boolean("aws:MultiFactorAuthPresent", true)
        .numeric("aws:MultiFactorAuthAge", &(minutes_old * 60).to_string())
        .auto("aws:TokenIssueTime", "2026-05-20T10:00:00Z")
        .build()
}

fn session_no_mfa() -> Context {
    Context::builder()
        .boolean("aws:MultiFactorAuthPresent", false)
        .auto("aws:TokenIssueTime", "2026-05-20T10:00:00Z")
        .build()
}

fn user_session(mfa: bool) -> Principal {
    Principal::user_session(ALICE, "AIDAALICE", mfa)
}

fn variable_policy(version: &str) -> String {
    format!(
        r#"{{"Version":"{version}","Statement":{{"Effect":"Allow","Action":"iam:ChangePassword","Resource":"arn:aws:iam::*:user/${{aws:username}}"}}}}"#
    )
}

fn team_bucket_case(principal: Principal) -> Case {
    Case::new(principal).identity(&[p(
        "s3:*",
        "arn:aws:s3:::b-${aws:PrincipalTag/team, 'none'}/*",
    )])
}

fn tag_user_case() -> Case {
    alice_with(
        r#"{"Effect":"Allow","Action":["iam:TagUser","iam:UntagUser"],"Resource":"*","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["a","b"]}}}"#,
    )
}

fn tag_user_null_case() -> Case {
    alice_with(
        r#"{"Effect":"Allow","Action":["iam:TagUser","iam:UntagUser"],"Resource":"*","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["a","b"]},"Null":{"aws:TagKeys":"false"}}}"#,
    )
}

fn resource_policy_for(principal_json: &str, action: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":{{"Effect":"Allow","Principal":{principal_json},"Action":"{action}","Resource":"*"}}}}"#
    )
}

fn not_principal_deny(listed: &[&str]) -> String {
    let list: Vec<String> = listed.iter().map(|a| format!("\"{a}\"")).collect();
    format!(
        r#"{{"Version":"2012-10-17","Statement":{{"Effect":"Deny","NotPrincipal":{{"AWS":[{}]}},"Action":"s3:*","Resource":"*"}}}}"#,
        list.join(",")
    )
}

fn trust(principal_json: &str, extra: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":{{"Effect":"Allow","Principal":{principal_json},"Action":"sts:AssumeRole"{extra}}}}}"#
    )
}

fn github_trust() -> String {
    r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:org/app:*"}}}}"#.to_owned()
}

fn github() -> Principal {
    Principal::web_identity(
        "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com",
    )
}

fn cognito_case() -> Case {
    Case::new(Principal::web_identity("cognito-identity.amazonaws.com")).trust(
        r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"ForAnyValue:StringLike":{"cognito-identity.amazonaws.com:amr":"authenticated"}}}}"#,
    )
}

fn amr(values: &[&str]) -> Context {
    Context::builder()
        .strings("cognito-identity.amazonaws.com:amr", values.iter().copied())
        .build()
}

spec! {
    // --- Grammar / matching ---
    case_01_action_name_case_insensitive:
        Case::new(alice()).identity(&[p("iam:getuser", "*")]), "iam:GetUser", ALICE, ctx() => Allow;
    case_02_vendor_case_insensitive:
        Case::new(alice()).identity(&[p("IAM:Get*", "*")]), "iam:GetUser", ALICE, ctx() => Allow;
    case_03a_question_mark_matches_one:
        Case::new(alice()).identity(&[p("iam:G?tUser", "*")]), "iam:GetUser", ALICE, ctx() => Allow;
    case_03b_question_mark_not_two:
        Case::new(alice()).identity(&[p("iam:G?tUser", "*")]), "iam:GettUser", ALICE, ctx() => ImplicitDeny(Identity);
    case_04_resource_case_sensitive:
        Case::new(alice()).identity(&[p("iam:GetUser", "arn:aws:iam::111122223333:user/Alice")]), "iam:GetUser", ALICE, ctx() => ImplicitDeny(Identity);
    case_05a_multi_star_resource:
        Case::new(alice()).identity(&[p("s3:GetObject", "arn:aws:s3:::b/*/test/*")]), "s3:GetObject", "arn:aws:s3:::b/1/2/test/3/o.jpg", ctx() => Allow;
    case_05b_multi_star_resource_no:
        Case::new(alice()).identity(&[p("s3:GetObject", "arn:aws:s3:::b/*/test/*")]), "s3:GetObject", "arn:aws:s3:::b/test/o.jpg", ctx() => ImplicitDeny(Identity);
    case_06_star_crosses_slash:
        Case::new(alice()).identity(&[p("iam:*", "arn:aws:iam::111122223333:user/*")]), "iam:GetUser", "arn:aws:iam::111122223333:user/eng/dev/bob", ctx() => Allow;
    case_07_trailing_star_spans_fields:
        Case::new(alice()).identity(&[p("*", "arn:aws:s3:*")]), "s3:GetObject", "arn:aws:s3:::bucket/key", ctx() => Allow;
    case_07b_trailing_star_other_service:
        Case::new(alice()).identity(&[p("*", "arn:aws:s3:*")]), "sqs:SendMessage", "arn:aws:sqs:us-east-1:111122223333:q", ctx() => ImplicitDeny(Identity);
    case_07c_short_pattern_as_parsed_ast:
        Case::new(alice()).identity_doc(short_arn_doc("arn:aws:ec2:us-east-1:*")), "ec2:RunInstances", "arn:aws:ec2:us-east-1:111122223333:instance/i-1", ctx() => Allow;
    case_08a_not_action_excludes:
        alice_with(r#"{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}"#), "iam:CreateUser", "*", ctx() => ImplicitDeny(Identity);
    case_08b_not_action_allows_others:
        alice_with(r#"{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}"#), "s3:ListBucket", "arn:aws:s3:::b", ctx() => Allow;
    case_09a_not_resource_deny_spares_listed:
        Case::new(alice()).identity(&[allow_all(), stmts(&[r#"{"Effect":"Deny","Action":"*","NotResource":"arn:aws:s3:::hr/*"}"#])]), "s3:GetObject", "arn:aws:s3:::hr/x", ctx() => Allow;
    case_09b_not_resource_deny_hits_others:
        Case::new(alice()).identity(&[allow_all(), stmts(&[r#"{"Effect":"Deny","Action":"*","NotResource":"arn:aws:s3:::hr/*"}"#])]), "s3:GetObject", "arn:aws:s3:::fin/x", ctx() => ExplicitDeny(Identity);
    case_10a_username_variable_own:
        Case::new(alice()).identity(&[variable_policy("2012-10-17")]), "iam:ChangePassword", ALICE, ctx() => Allow;
    case_10b_username_variable_other:
        Case::new(alice()).identity(&[variable_policy("2012-10-17")]), "iam:ChangePassword", "arn:aws:iam::111122223333:user/bob", ctx() => ImplicitDeny(Identity);
    case_11_legacy_version_variable_literal:
        Case::new(alice()).identity(&[variable_policy("2008-10-17")]), "iam:ChangePassword", ALICE, ctx() => ImplicitDeny(Identity);
    case_12_unresolvable_variable_matches_nothing:
        Case::new(s1()).identity(&[p("s3:*", "arn:aws:s3:::b/${aws:username}/*")]), "s3:GetObject", "arn:aws:s3:::b/s1/x", ctx() => ImplicitDeny(Identity);
    case_13a_principal_tag_variable:
        team_bucket_case(s1().with_tags([("team", "blue")])), "s3:GetObject", "arn:aws:s3:::b-blue/x", ctx() => Allow;
    case_13b_variable_default:
        team_bucket_case(Principal::role_session("arn:aws:iam::111122223333:role/U", "AROAU", "s2")), "s3:GetObject", "arn:aws:s3:::b-none/x", ctx() => Allow;
    case_14a_escape_literal_star:
        alice_with(r#"{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringLike":{"s3:prefix":"a${*}b"}}}"#), "s3:GetObject", "arn:aws:s3:::b/o", one("s3:prefix", "a*b") => Allow;
    case_14b_escape_not_wildcard:
        alice_with(r#"{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringLike":{"s3:prefix":"a${*}b"}}}"#), "s3:GetObject", "arn:aws:s3:::b/o", one("s3:prefix", "axb") => ImplicitDeny(Identity);

    // --- Conditions ---
    case_15a_string_equals_case_sensitive:
        alice_allow_cond(r#"{"StringEquals":{"aws:username":"Alice"}}"#), "s3:GetObject", "*", ctx() => ImplicitDeny(Identity);
    case_15b_string_equals_ignore_case:
        alice_allow_cond(r#"{"StringEqualsIgnoreCase":{"aws:username":"Alice"}}"#), "s3:GetObject", "*", ctx() => Allow;
    case_16_tag_key_case_insensitive_values_ored:
        Case::new(alice().with_tags([("Dept", "fin")])).identity(&[allow_cond(r#"{"StringEquals":{"aws:PrincipalTag/dept":["hr","fin"]}}"#)]), "s3:GetObject", "*", ctx() => Allow;
    case_17_negated_missing_key_allows:
        alice_allow_cond(r#"{"StringNotEquals":{"aws:PrincipalTag/dept":"hr"}}"#), "s3:GetObject", "*", ctx() => Allow;
    case_18a_not_equals_if_exists_untagged:
        alice_all_deny_cond(r#"{"StringNotEqualsIfExists":{"aws:PrincipalTag/dept":"hr"}}"#), "s3:GetObject", "*", ctx() => ExplicitDeny(Identity);
    case_18b_not_equals_if_exists_tagged:
        Case::new(alice().with_tags([("dept", "fin")])).identity(&[allow_all(), deny_cond(r#"{"StringNotEqualsIfExists":{"aws:PrincipalTag/dept":"hr"}}"#)]), "s3:GetObject", "*", ctx() => ExplicitDeny(Identity);
    case_18c_not_equals_if_exists_matching_tag:
        Case::new(alice().with_tags([("dept", "hr")])).identity(&[allow_all(), deny_cond(r#"{"StringNotEqualsIfExists":{"aws:PrincipalTag/dept":"hr"}}"#)]), "s3:GetObject", "*", ctx() => Allow;
    case_19a_for_all_values_subset:
        tag_user_case(), "iam:TagUser", ALICE, tags(&["a"]) => Allow;
    case_19b_for_all_values_extra_key:
        tag_user_case(), "iam:TagUser", ALICE, tags(&["a", "c"]) => ImplicitDeny(Identity);
    case_19c_for_all_values_absent_vacuous:
        tag_user_case(), "iam:UntagUser", ALICE, ctx() => Allow;
    case_20_null_false_blocks_vacuous:
        tag_user_null_case(), "iam:UntagUser", ALICE, ctx() => ImplicitDeny(Identity);
    case_21a_for_any_value_deny_hits:
        alice_all_deny_cond(r#"{"ForAnyValue:StringEquals":{"aws:TagKeys":"secret"}}"#), "iam:TagUser", ALICE, tags(&["x", "secret"]) => ExplicitDeny(Identity);
    case_21b_for_any_value_absent:
        alice_all_deny_cond(r#"{"ForAnyValue:StringEquals":{"aws:TagKeys":"secret"}}"#), "iam:TagUser", ALICE, ctx() => Allow;
    case_22a_for_all_not_like_matching:
        alice_all_deny_cond(r#"{"ForAllValues:StringNotLike":{"aws:TagKeys":"key1*"}}"#), "iam:TagUser", ALICE, tags(&["key1:a"]) => Allow;
    case_22b_for_all_not_like_other:
        alice_all_deny_cond(r#"{"ForAllValues:StringNotLike":{"aws:TagKeys":"key1*"}}"#), "iam:TagUser", ALICE, tags(&["key2:b"]) => ExplicitDeny(Identity);
    case_22c_for_all_not_like_absent:
        alice_all_deny_cond(r#"{"ForAllValues:StringNotLike":{"aws:TagKeys":"key1*"}}"#), "iam:TagUser", ALICE, ctx() => ExplicitDeny(Identity);
    case_23a_for_any_not_equals_inside:
        alice_allow_cond(r#"{"ForAnyValue:StringNotEquals":{"aws:TagKeys":["A","B"]}}"#), "iam:TagUser", ALICE, tags(&["A"]) => ImplicitDeny(Identity);
    case_23b_for_any_not_equals_outside:
        alice_allow_cond(r#"{"ForAnyValue:StringNotEquals":{"aws:TagKeys":["A","B"]}}"#), "iam:TagUser", ALICE, tags(&["A", "C"]) => Allow;
    case_23c_for_any_not_equals_absent:
        alice_allow_cond(r#"{"ForAnyValue:StringNotEquals":{"aws:TagKeys":["A","B"]}}"#), "iam:TagUser", ALICE, ctx() => ImplicitDeny(Identity);
    case_24a_mfa_age_long_term:
        alice_allow_cond(r#"{"NumericLessThanEquals":{"aws:MultiFactorAuthAge":"3600"}}"#), "s3:GetObject", "*", ctx() => ImplicitDeny(Identity);
    case_24b_mfa_age_session:
        Case::new(user_session(true)).identity(&[allow_cond(r#"{"NumericLessThanEquals":{"aws:MultiFactorAuthAge":"3600"}}"#)]), "s3:GetObject", "*", mfa_session(10) => Allow;
    case_25a_mfa_present_long_term:
        alice_allow_cond(r#"{"Bool":{"aws:MultiFactorAuthPresent":"true"}}"#), "s3:GetObject", "*", ctx() => ImplicitDeny(Identity);
    case_25b_mfa_present_session_without:
        Case::new(user_session(false)).identity(&[allow_cond(r#"{"Bool":{"aws:MultiFactorAuthPresent":"true"}}"#)]), "s3:GetObject", "*", session_no_mfa() => ImplicitDeny(Identity);
    case_25c_mfa_present_session_with:
        Case::new(user_session(true)).identity(&[allow_cond(r#"{"Bool":{"aws:MultiFactorAuthPresent":"true"}}"#)]), "s3:GetObject", "*", mfa_session(1) => Allow;
    case_26a_bool_if_exists_long_term:
        alice_all_deny_cond(r#"{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}"#), "s3:GetObject", "*", ctx() => ExplicitDeny(Identity);
    case_26b_bool_if_exists_session_without:
        Case::new(user_session(false)).identity(&[allow_all(), deny_cond(r#"{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}"#)]), "s3:GetObject", "*", session_no_mfa() => ExplicitDeny(Identity);
    case_26c_bool_if_exists_session_with:
        Case::new(user_session(true)).identity(&[allow_all(), deny_cond(r#"{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}"#)]), "s3:GetObject", "*", mfa_session(1) => Allow;
    case_27_bool_absent_anti_pattern:
        alice_all_deny_cond(r#"{"Bool":{"aws:MultiFactorAuthPresent":"false"}}"#), "s3:GetObject", "*", ctx() => Allow;
    case_28a_ip_v4_range:
        alice_allow_cond(r#"{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","2001:db8::/32"]}}"#), "s3:GetObject", "*", ip("203.0.113.7") => Allow;
    case_28b_ip_v6_range:
        alice_allow_cond(r#"{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","2001:db8::/32"]}}"#), "s3:GetObject", "*", ip("2001:db8::1") => Allow;
    case_28c_ip_outside:
        alice_allow_cond(r#"{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","2001:db8::/32"]}}"#), "s3:GetObject", "*", ip("198.51.100.1") => ImplicitDeny(Identity);
    case_29a_not_ip_inside:
        alice_allow_cond(r#"{"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}}"#), "s3:GetObject", "*", ip("10.1.2.3") => ImplicitDeny(Identity);
    case_29b_not_ip_outside:
        alice_allow_cond(r#"{"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}}"#), "s3:GetObject", "*", ip("203.0.113.7") => Allow;
    case_30_date_window_anded:
        alice_allow_cond(r#"{"DateGreaterThan":{"aws:CurrentTime":"2020-01-01T00:00:00Z"},"DateLessThan":{"aws:CurrentTime":"2020-12-31T23:59:59Z"}}"#), "s3:GetObject", "*", one("aws:CurrentTime", "2030-06-01T12:00:00Z") => ImplicitDeny(Identity);
    case_31_date_epoch_policy_value:
        alice_allow_cond(r#"{"DateLessThan":{"aws:EpochTime":"4102444800"}}"#), "s3:GetObject", "*", one("aws:EpochTime", "1779300000") => Allow;
    case_32_epoch_time_numeric:
        alice_allow_cond(r#"{"NumericGreaterThan":{"aws:EpochTime":"1000"}}"#), "s3:GetObject", "*", one("aws:EpochTime", "1779300000") => Allow;
    case_33a_principal_arn_is_role:
        Case::new(s1()).identity(&[allow_cond(r#"{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/app/*"}}"#)]), "s3:GetObject", "*", ctx() => Allow;
    case_33b_principal_arn_not_session:
        Case::new(s1()).identity(&[allow_cond(r#"{"ArnLike":{"aws:PrincipalArn":"arn:aws:sts::111122223333:assumed-role/R/*"}}"#)]), "s3:GetObject", "*", ctx() => ImplicitDeny(Identity);
    case_34_userid_of_role_session:
        Case::new(s1()).identity(&[allow_cond(r#"{"StringLike":{"aws:userid":"AROAR*:s1"}}"#)]), "s3:GetObject", "*", ctx() => Allow;
    case_35a_null_token_issue_time_long_term:
        alice_allow_cond(r#"{"Null":{"aws:TokenIssueTime":"true"}}"#), "s3:GetObject", "*", ctx() => Allow;
    case_35b_null_token_issue_time_session:
        Case::new(user_session(false)).identity(&[allow_cond(r#"{"Null":{"aws:TokenIssueTime":"true"}}"#)]), "s3:GetObject", "*", session_no_mfa() => ImplicitDeny(Identity);
    case_36_keys_anded:
        alice_allow_cond(r#"{"StringEquals":{"aws:username":"alice","aws:PrincipalAccount":"999999999999"}}"#), "s3:GetObject", "*", ctx() => ImplicitDeny(Identity);
    case_37a_prefix_own_home:
        alice_allow_cond(r#"{"StringLike":{"s3:prefix":["","home/","home/${aws:username}/*"]}}"#), "s3:ListBucket", "arn:aws:s3:::b", one("s3:prefix", "home/alice/docs") => Allow;
    case_37b_prefix_other_home:
        alice_allow_cond(r#"{"StringLike":{"s3:prefix":["","home/","home/${aws:username}/*"]}}"#), "s3:ListBucket", "arn:aws:s3:::b", one("s3:prefix", "home/bob/") => ImplicitDeny(Identity);
    case_37c_prefix_empty:
        alice_allow_cond(r#"{"StringLike":{"s3:prefix":["","home/","home/${aws:username}/*"]}}"#), "s3:ListBucket", "arn:aws:s3:::b", one("s3:prefix", "") => Allow;
    case_38a_unparseable_numeric_policy_value:
        alice_allow_cond(r#"{"NumericLessThan":{"s3:max-keys":"abc"}}"#), "s3:ListBucket", "arn:aws:s3:::b", Context::builder().numeric("s3:max-keys", "5").build() => ImplicitDeny(Identity);
    case_38b_unparseable_numeric_not_equals:
        alice_allow_cond(r#"{"NumericNotEquals":{"s3:max-keys":"abc"}}"#), "s3:ListBucket", "arn:aws:s3:::b", Context::builder().numeric("s3:max-keys", "5").build() => ImplicitDeny(Identity);
    case_39_multivalued_without_qualifier:
        alice_allow_cond(r#"{"StringEquals":{"aws:TagKeys":"a"}}"#), "iam:TagUser", ALICE, tags(&["a", "b"]) => Allow;

    // --- Evaluation logic ---
    case_40_no_policies:
        Case::new(alice()), "iam:GetUser", ALICE, ctx() => ImplicitDeny(Identity);
    case_41_deny_wins:
        Case::new(alice()).identity(&[allow_all(), stmts(&[r#"{"Effect":"Deny","Action":"iam:DeleteUser","Resource":"*"}"#])]), "iam:DeleteUser", ALICE, ctx() => ExplicitDeny(Identity);
    case_42a_boundary_intersection_allows:
        Case::new(alice()).identity(&[p("iam:*", "*")]).boundary(&[p("iam:Get*", "*")]), "iam:GetUser", ALICE, ctx() => Allow;
    case_42b_boundary_limits:
        Case::new(alice()).identity(&[p("iam:*", "*")]).boundary(&[p("iam:Get*", "*")]), "iam:CreateUser", ALICE, ctx() => ImplicitDeny(PermissionsBoundary);
    case_43a_boundary_disjoint_s3:
        Case::new(alice()).identity(&[p("s3:*", "*")]).boundary(&[p("iam:*", "*")]), "s3:GetObject", "arn:aws:s3:::b/o", ctx() => ImplicitDeny;
    case_43b_boundary_disjoint_iam:
        Case::new(alice()).identity(&[p("s3:*", "*")]).boundary(&[p("iam:*", "*")]), "iam:GetUser", ALICE, ctx() => ImplicitDeny(Identity);
    case_44_direct_resource_grant_ignores_boundary:
        Case::new(alice()).boundary(&[p("iam:Get*", "*")]).resource_policy(&resource_policy_for(&format!(r#"{{"AWS":"{ALICE}"}}"#), "s3:GetObject")), "s3:GetObject", "arn:aws:s3:::b/o", ctx() => Allow(Resource);
    case_45_entity_grant_limited_by_boundary:
        Case::new(s1()).boundary(&[p("iam:Get*", "*")]).resource_policy(&resource_policy_for(&format!(r#"{{"AWS":"{ROLE_R}"}}"#), "s3:GetObject")), "s3:GetObject", "arn:aws:s3:::b/o", ctx() => ImplicitDeny(PermissionsBoundary);
    case_46_session_arn_grant_is_direct:
        Case::new(s1()).boundary(&[p("iam:Get*", "*")]).resource_policy(&resource_policy_for(&format!(r#"{{"AWS":"{SESSION_S1}"}}"#), "s3:GetObject")), "s3:GetObject", "arn:aws:s3:::b/o", ctx() => Allow;
    case_47a_session_policy_allows:
        Case::new(s1()).identity(&[p("s3:*", "*")]).session(&[p("s3:GetObject", "*")]), "s3:GetObject", "arn:aws:s3:::b/o", ctx() => Allow;
    case_47b_session_policy_limits:
        Case::new(s1()).identity(&[p("s3:*", "*")]).session(&[p("s3:GetObject", "*")]), "s3:PutObject", "arn:aws:s3:::b/o", ctx() => ImplicitDeny(Session);
    case_48a_entity_grant_with_session_policy:
        Case::new(s1()).session(&[p("s3:*", "*")]).resource_policy(&resource_policy_for(&format!(r#"{{"AWS":"{ROLE_R}"}}"#), "s3:GetObject")), "s3:GetObject", "arn:aws:s3:::b/o", ctx() => Allow;
    case_48b_entity_grant_session_policy_disjoint:
        Case::new(s1()).session(&[p("ec2:*", "*")]).resource_policy(&resource_policy_for(&format!(r#"{{"AWS":"{ROLE_R}"}}"#), "s3:GetObject")), "s3:GetObject", "arn:aws:s3:::b/o", ctx() => ImplicitDeny(Session);
    case_49_federated_without_session_policy:
        Case::new(fed1()).identity(&[allow_all()]), "s3:GetObject", "arn:aws:s3:::b/o", ctx() => ImplicitDeny(Session);
    case_50a_federated_direct_grant:
        Case::new(fed1()).identity(&[allow_all()]).resource_policy(&resource_policy_for(r#"{"AWS":"arn:aws:sts::111122223333:federated-user/fed1"}"#, "s3:GetObject")), "s3:GetObject", "arn:aws:s3:::b/o", ctx() => Allow;
    case_50b_federated_parent_user_grant:
        Case::new(fed1()).identity(&[allow_all()]).resource_policy(&resource_policy_for(&format!(r#"{{"AWS":"{ALICE}"}}"#), "s3:GetObject")), "s3:GetObject", "arn:aws:s3:::b/o", ctx() => ImplicitDeny(Session);
    case_51_account_grant_same_account:
        Case::new(alice()).resource_policy(&resource_policy_for(r#"{"AWS":"111122223333"}"#, "s3:GetObject")), "s3:GetObject", "arn:aws:s3:::b/o", ctx() => ImplicitDeny(Identity);
    case_52_cross_account_no_resource_policy:
        Case::new(bob()).identity(&[p("s3:GetObject", "*")]).resource_account(ACCT), "s3:GetObject", "arn:aws:s3:::b/o", ctx() => ImplicitDeny(Resource);
    case_53a_cross_account_account_grant_no_identity:
        Case::new(bob()).resource_account(ACCT).resource_policy(&resource_policy_for(&format!(r#"{{"AWS":"{FOREIGN}"}}"#), "s3:GetObject")), "s3:GetObject", "arn:aws:s3:::b/o", ctx() => ImplicitDeny(Identity);
    case_53b_cross_account_both_allow:
        Case::new(bob()).identity(&[p("s3:GetObject", "*")]).resource_account(ACCT).resource_policy(&resource_policy_for(&format!(r#"{{"AWS":"{FOREIGN}"}}"#), "s3:GetObject")), "s3:GetObject", "arn:aws:s3:::b/o", ctx() => Allow;
    case_54_cross_account_direct_needs_identity:
        Case::new(bob()).resource_account(ACCT).resource_policy(&resource_policy_for(&format!(r#"{{"AWS":"{BOB_ARN}"}}"#), "s3:GetObject")), "s3:GetObject", "arn:aws:s3:::b/o", ctx() => ImplicitDeny(Identity);
    case_55a_root_implicit_access:
        Case::new(Principal::root(ACCT)), "iam:CreateUser", "arn:aws:iam::111122223333:user/new", ctx() => Allow(RootUser);
    case_55b_root_denied_by_resource_policy:
        Case::new(Principal::root(ACCT)).resource_policy(r#"{"Version":"2012-10-17","Statement":{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}}"#), "s3:GetObject", "arn:aws:s3:::b/o", ctx() => ExplicitDeny(Resource);
    case_56a_not_principal_account_not_listed:
        Case::new(alice()).identity(&[allow_all()]).resource_policy(&not_principal_deny(&[ALICE])), "s3:GetObject", "arn:aws:s3:::b/o", ctx() => ExplicitDeny(Resource);
    case_56b_not_principal_fully_listed:
        Case::new(alice()).identity(&[allow_all()]).resource_policy(&not_principal_deny(&[ALICE, "arn:aws:iam::111122223333:root"])), "s3:GetObject", "arn:aws:s3:::b/o", ctx() => Allow;
    case_57_not_principal_boundary_never_listed:
        Case::new(alice()).identity(&[allow_all()]).boundary(&[allow_all()]).resource_policy(&not_principal_deny(&[ALICE, "arn:aws:iam::111122223333:root"])), "s3:GetObject", "arn:aws:s3:::b/o", ctx() => ExplicitDeny(Resource);
    case_58_star_principal_is_direct:
        Case::new(s1()).boundary(&[p("iam:*", "*")]).resource_policy(&format!(r#"{{"Version":"2012-10-17","Statement":{{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{{"StringEquals":{{"aws:PrincipalArn":"{ROLE_R}"}}}}}}}}"#)), "s3:GetObject", "arn:aws:s3:::b/o", ctx() => Allow;

    // --- Trust policies ---
    case_59a_trust_account_needs_identity:
        Case::new(alice()).trust(&trust(r#"{"AWS":"111122223333"}"#, "")), "sts:AssumeRole", ROLE_T, ctx() => ImplicitDeny(Identity);
    case_59b_trust_account_with_identity:
        Case::new(alice()).identity(&[p("sts:AssumeRole", ROLE_T)]).trust(&trust(r#"{"AWS":"111122223333"}"#, "")), "sts:AssumeRole", ROLE_T, ctx() => Allow;
    case_60_trust_names_user_direct:
        Case::new(alice()).trust(&trust(&format!(r#"{{"AWS":"{ALICE}"}}"#), "")), "sts:AssumeRole", ROLE_T, ctx() => Allow;
    case_61_trust_direct_ignores_boundary:
        Case::new(alice()).boundary(&[p("s3:*", "*")]).trust(&trust(&format!(r#"{{"AWS":"{ALICE}"}}"#), "")), "sts:AssumeRole", ROLE_T, ctx() => Allow;
    case_62a_trust_role_entity_boundary:
        Case::new(s1()).boundary(&[p("s3:*", "*")]).trust(&trust(&format!(r#"{{"AWS":"{ROLE_R}"}}"#), "")), "sts:AssumeRole", ROLE_T, ctx() => ImplicitDeny(PermissionsBoundary);
    case_62b_trust_role_entity_no_boundary:
        Case::new(s1()).trust(&trust(&format!(r#"{{"AWS":"{ROLE_R}"}}"#), "")), "sts:AssumeRole", ROLE_T, ctx() => Allow;
    case_63a_trust_foreign_account_with_identity:
        Case::new(bob()).identity(&[p("sts:AssumeRole", "*")]).resource_account(ACCT).trust(&trust(r#"{"AWS":"444455556666"}"#, "")), "sts:AssumeRole", ROLE_T, ctx() => Allow;
    case_63b_trust_foreign_account_without_identity:
        Case::new(bob()).resource_account(ACCT).trust(&trust(r#"{"AWS":"444455556666"}"#, "")), "sts:AssumeRole", ROLE_T, ctx() => ImplicitDeny(Identity);
    case_64_trust_must_allow:
        Case::new(Principal::user("arn:aws:iam::111122223333:user/bob", "AIDABOB2")).identity(&[p("sts:AssumeRole", "*")]).trust(&trust(&format!(r#"{{"AWS":"{ALICE}"}}"#), "")), "sts:AssumeRole", ROLE_T, ctx() => ImplicitDeny(Resource);
    case_65a_external_id_missing:
        Case::new(alice()).trust(&trust(&format!(r#"{{"AWS":"{ALICE}"}}"#), r#","Condition":{"StringEquals":{"sts:ExternalId":"x1"}}"#)), "sts:AssumeRole", ROLE_T, ctx() => ImplicitDeny(Resource);
    case_65b_external_id_given:
        Case::new(alice()).trust(&trust(&format!(r#"{{"AWS":"{ALICE}"}}"#), r#","Condition":{"StringEquals":{"sts:ExternalId":"x1"}}"#)), "sts:AssumeRole", ROLE_T, one("sts:ExternalId", "x1") => Allow;
    case_66_tag_session_needs_trust:
        Case::new(alice()).identity(&[p("sts:*", "*")]).trust(&trust(r#"{"AWS":"111122223333"}"#, "")), "sts:TagSession", ROLE_T, Context::builder().string("aws:RequestTag/k", "v").strings("aws:TagKeys", ["k"]).build() => ImplicitDeny(Resource);
    // The spec leaves alice's identity policies open; she is given `sts:AssumeRole` so that
    // only the trust condition decides.
    case_67a_trust_mfa_missing:
        Case::new(alice()).identity(&[p("sts:AssumeRole", "*")]).trust(&trust(r#"{"AWS":"111122223333"}"#, r#","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}"#)), "sts:AssumeRole", ROLE_T, ctx() => ImplicitDeny(Resource);
    case_67b_trust_mfa_given:
        Case::new(alice()).identity(&[p("sts:AssumeRole", "*")]).trust(&trust(r#"{"AWS":"111122223333"}"#, r#","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}"#)), "sts:AssumeRole", ROLE_T, Context::builder().boolean("aws:MultiFactorAuthPresent", true).build() => Allow;
    // The trust policy was resolved to role R's unique id at save time (§2.6); the recreated
    // role has a new id.
    case_68a_recreated_role_not_trusted:
        Case::new(Principal::role_session(ROLE_R, "AROANEWROLEID0000002", "s1")).trust(&trust(&format!(r#"{{"AWS":"{ROLE_R}"}}"#), "")).resolve(ROLE_R, "AROAOLDROLEID0000001"), "sts:AssumeRole", ROLE_T, ctx() => ImplicitDeny(Resource);
    case_68b_original_role_trusted:
        Case::new(Principal::role_session(ROLE_R, "AROAOLDROLEID0000001", "s1")).trust(&trust(&format!(r#"{{"AWS":"{ROLE_R}"}}"#), "")).resolve(ROLE_R, "AROAOLDROLEID0000001"), "sts:AssumeRole", ROLE_T, ctx() => Allow;
    // A trust policy naming a deleted role shows (and keeps) its unique id.
    case_68c_unique_id_entry_matches_that_role:
        Case::new(Principal::role_session(ROLE_R, "AROAOLDROLEID0000001", "s1")).trust(&trust(r#"{"AWS":"AROAOLDROLEID0000001"}"#, "")), "sts:AssumeRole", ROLE_T, ctx() => Allow;
    case_68d_unique_id_entry_rejects_new_role:
        Case::new(Principal::role_session(ROLE_R, "AROANEWROLEID0000002", "s1")).trust(&trust(r#"{"AWS":"AROAOLDROLEID0000001"}"#, "")), "sts:AssumeRole", ROLE_T, ctx() => ImplicitDeny(Resource);
    case_69a_web_identity_sub_matches:
        Case::new(github()).trust(&github_trust()), "sts:AssumeRoleWithWebIdentity", ROLE_T, one("token.actions.githubusercontent.com:sub", "repo:org/app:ref:refs/heads/main") => Allow;
    case_69b_web_identity_sub_other:
        Case::new(github()).trust(&github_trust()), "sts:AssumeRoleWithWebIdentity", ROLE_T, one("token.actions.githubusercontent.com:sub", "repo:org/other:ref:x") => ImplicitDeny(Resource);
    case_70a_cognito_unauthenticated:
        cognito_case(), "sts:AssumeRoleWithWebIdentity", ROLE_T, amr(&["unauthenticated"]) => ImplicitDeny(Resource);
    case_70b_cognito_authenticated:
        cognito_case(), "sts:AssumeRoleWithWebIdentity", ROLE_T, amr(&["authenticated", "graph.facebook.com"]) => Allow;

    // --- Operation-level rules ---
    case_71_get_caller_identity_unconditional:
        Case::new(alice()).identity(&[stmts(&[r#"{"Effect":"Deny","Action":"sts:GetCallerIdentity","Resource":"*"}"#])]), "sts:GetCallerIdentity", "*", ctx() => Allow(Unconditional);
    case_72_role_session_get_session_token:
        Case::new(s1()).identity(&[allow_all()]), "sts:GetSessionToken", "*", ctx() => ImplicitDeny(OperationRestriction);
    case_73_federated_session_no_iam:
        Case::new(fed1()).identity(&[allow_all()]).session(&[allow_all()]), "iam:ListUsers", "*", ctx() => ImplicitDeny(OperationRestriction);
}

#[test]
fn case_06_message_for_identity_implicit_deny() {
    let v = Case::new(alice()).check("iam:GetUser", ALICE, &ctx());
    assert_eq!(
        v.access_denied_message(ALICE, "iam:GetUser", ALICE)
            .unwrap(),
        "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: iam:GetUser on resource: arn:aws:iam::111122223333:user/alice because no identity-based policy allows the iam:GetUser action"
    );
}

#[test]
fn case_41_message_for_explicit_deny() {
    let v = Case::new(alice())
        .identity(&[stmts(&[
            r#"{"Effect":"Deny","Action":"iam:DeleteUser","Resource":"*"}"#,
        ])])
        .check("iam:DeleteUser", ALICE, &ctx());
    assert_eq!(
        v.access_denied_message(ALICE, "iam:DeleteUser", ALICE)
            .unwrap(),
        "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: iam:DeleteUser on resource: arn:aws:iam::111122223333:user/alice with an explicit deny in an identity-based policy"
    );
}
