//! Condition operators end to end (spec policy.md §3, §4): one Allow statement with the
//! condition under test; the request is allowed iff the condition holds. Every operator
//! positive and negated, `IfExists`, both set qualifiers, missing keys, empty lists,
//! unparseable values and typed comparisons.

mod common;

use common::*;
use warden_policy::{Context, Decision, ValueType};

fn holds(condition: &str, context: &Context) -> bool {
    let policy = stmts(&[&format!(
        r#"{{"Effect":"Allow","Action":"*","Resource":"*","Condition":{condition}}}"#
    )]);
    let v = Case::new(alice().with_tags([("team", "blue"), ("Dept", "Fin")]))
        .identity(&[policy])
        .check("s3:GetObject", "arn:aws:s3:::b/o", context);
    assert_ne!(v.decision, Decision::ExplicitDeny);
    v.decision == Decision::Allow
}

macro_rules! cond {
    ($($name:ident: $cond:expr, $ctx:expr => $want:expr;)*) => {$(
        #[test]
        fn $name() {
            assert_eq!(holds($cond, &$ctx), $want, "{}", $cond);
        }
    )*};
}

fn none() -> Context {
    Context::new()
}
fn s(k: &str, v: &str) -> Context {
    Context::builder().string(k, v).build()
}
fn list(k: &str, vs: &[&str]) -> Context {
    Context::builder().strings(k, vs.iter().copied()).build()
}
fn typed(k: &str, ty: ValueType, v: &str) -> Context {
    Context::builder().value(k, ty, v).build()
}
fn n(k: &str, v: &str) -> Context {
    typed(k, ValueType::Numeric, v)
}
fn d(v: &str) -> Context {
    typed("aws:CurrentTime", ValueType::Date, v)
}
fn ip(v: &str) -> Context {
    typed("aws:SourceIp", ValueType::Ip, v)
}
fn b(k: &str, v: &str) -> Context {
    typed(k, ValueType::Boolean, v)
}

cond! {
    // StringEquals / StringNotEquals
    str_eq_match: r#"{"StringEquals":{"k":"v"}}"#, s("k", "v") => true;
    str_eq_case: r#"{"StringEquals":{"k":"v"}}"#, s("k", "V") => false;
    str_eq_no_wildcards: r#"{"StringEquals":{"k":"v*"}}"#, s("k", "vv") => false;
    str_eq_star_literal: r#"{"StringEquals":{"k":"v*"}}"#, s("k", "v*") => true;
    str_eq_or_values: r#"{"StringEquals":{"k":["a","b","c"]}}"#, s("k", "c") => true;
    str_eq_missing: r#"{"StringEquals":{"k":"v"}}"#, none() => false;
    str_eq_if_exists_missing: r#"{"StringEqualsIfExists":{"k":"v"}}"#, none() => true;
    str_eq_if_exists_present_wrong: r#"{"StringEqualsIfExists":{"k":"v"}}"#, s("k", "x") => false;
    str_eq_key_case_insensitive: r#"{"StringEquals":{"K":"v"}}"#, s("k", "v") => true;
    str_eq_empty_values: r#"{"StringEquals":{"k":[]}}"#, s("k", "v") => false;
    str_eq_empty_string: r#"{"StringEquals":{"k":""}}"#, s("k", "") => true;
    str_eq_number_value: r#"{"StringEquals":{"k":10}}"#, s("k", "10") => true;
    str_eq_bool_value: r#"{"StringEquals":{"k":true}}"#, s("k", "true") => true;
    str_ne_match: r#"{"StringNotEquals":{"k":"v"}}"#, s("k", "v") => false;
    str_ne_other: r#"{"StringNotEquals":{"k":"v"}}"#, s("k", "w") => true;
    str_ne_missing: r#"{"StringNotEquals":{"k":"v"}}"#, none() => true;
    str_ne_any_of_values: r#"{"StringNotEquals":{"k":["a","b"]}}"#, s("k", "b") => false;
    str_ne_empty_values: r#"{"StringNotEquals":{"k":[]}}"#, s("k", "v") => true;
    str_ne_if_exists_missing: r#"{"StringNotEqualsIfExists":{"k":"v"}}"#, none() => true;
    // IgnoreCase
    str_eq_ic_match: r#"{"StringEqualsIgnoreCase":{"k":"HeLLo"}}"#, s("k", "hello") => true;
    str_eq_ic_diff: r#"{"StringEqualsIgnoreCase":{"k":"hello"}}"#, s("k", "hell") => false;
    str_eq_ic_unicode: r#"{"StringEqualsIgnoreCase":{"k":"ÉTÉ"}}"#, s("k", "été") => true;
    str_ne_ic_match: r#"{"StringNotEqualsIgnoreCase":{"k":"HELLO"}}"#, s("k", "hello") => false;
    str_ne_ic_other: r#"{"StringNotEqualsIgnoreCase":{"k":"HELLO"}}"#, s("k", "bye") => true;
    str_ne_ic_missing: r#"{"StringNotEqualsIgnoreCase":{"k":"x"}}"#, none() => true;
    // StringLike / StringNotLike
    like_star: r#"{"StringLike":{"k":"home/*"}}"#, s("k", "home/a/b") => true;
    like_question: r#"{"StringLike":{"k":"a?c"}}"#, s("k", "abc") => true;
    like_question_none: r#"{"StringLike":{"k":"a?c"}}"#, s("k", "ac") => false;
    like_case_sensitive: r#"{"StringLike":{"k":"A*"}}"#, s("k", "abc") => false;
    like_multi: r#"{"StringLike":{"k":"*mid*"}}"#, s("k", "xmidy") => true;
    like_escape_q: r#"{"StringLike":{"k":"a${?}c"}}"#, s("k", "abc") => false;
    like_escape_q_literal: r#"{"StringLike":{"k":"a${?}c"}}"#, s("k", "a?c") => true;
    like_escape_dollar: r#"{"StringLike":{"k":"${$}x"}}"#, s("k", "$x") => true;
    like_missing: r#"{"StringLike":{"k":"*"}}"#, none() => false;
    like_if_exists_missing: r#"{"StringLikeIfExists":{"k":"a"}}"#, none() => true;
    not_like_match: r#"{"StringNotLike":{"k":"a*"}}"#, s("k", "abc") => false;
    not_like_other: r#"{"StringNotLike":{"k":"a*"}}"#, s("k", "bcd") => true;
    not_like_missing: r#"{"StringNotLike":{"k":"a*"}}"#, none() => true;
    not_like_values_anded: r#"{"StringNotLike":{"k":["a*","b*"]}}"#, s("k", "bz") => false;
    // Variables in values
    var_username: r#"{"StringEquals":{"k":"${aws:username}"}}"#, s("k", "alice") => true;
    var_username_wrong: r#"{"StringEquals":{"k":"${aws:username}"}}"#, s("k", "bob") => false;
    var_tag: r#"{"StringEquals":{"k":"${aws:PrincipalTag/team}"}}"#, s("k", "blue") => true;
    var_tag_key_case: r#"{"StringEquals":{"k":"${aws:PrincipalTag/DEPT}"}}"#, s("k", "Fin") => true;
    var_missing_tag_never_matches: r#"{"StringEquals":{"k":"${aws:PrincipalTag/none}"}}"#, s("k", "") => false;
    var_missing_tag_negated_true: r#"{"StringNotEquals":{"k":"${aws:PrincipalTag/none}"}}"#, s("k", "x") => true;
    var_default: r#"{"StringEquals":{"k":"${aws:PrincipalTag/none, 'dflt'}"}}"#, s("k", "dflt") => true;
    var_from_context: r#"{"StringEquals":{"k":"${s3:prefix}"}}"#, Context::builder().string("k", "p").string("s3:prefix", "p").build() => true;
    var_from_context_missing: r#"{"StringEquals":{"k":"${s3:prefix}"}}"#, s("k", "p") => false;
    var_from_multivalued_unusable: r#"{"StringEquals":{"k":"${aws:TagKeys}"}}"#, Context::builder().string("k", "a").strings("aws:TagKeys", ["a"]).build() => false;
    var_like_substituted_literal: r#"{"StringLike":{"k":"x-${s3:prefix}"}}"#, Context::builder().string("k", "x-ab").string("s3:prefix", "a*").build() => false;
    var_like_substituted_literal_star: r#"{"StringLike":{"k":"x-${s3:prefix}"}}"#, Context::builder().string("k", "x-a*").string("s3:prefix", "a*").build() => true;
    var_not_in_numeric: r#"{"NumericEquals":{"k":"${aws:username}"}}"#, n("k", "1") => false;
    // Set qualifiers
    any_eq_hit: r#"{"ForAnyValue:StringEquals":{"k":["a","b"]}}"#, list("k", &["x", "b"]) => true;
    any_eq_miss: r#"{"ForAnyValue:StringEquals":{"k":["a","b"]}}"#, list("k", &["x", "y"]) => false;
    any_eq_absent: r#"{"ForAnyValue:StringEquals":{"k":"a"}}"#, none() => false;
    any_eq_empty_list: r#"{"ForAnyValue:StringEquals":{"k":"a"}}"#, list("k", &[]) => false;
    any_eq_if_exists_absent: r#"{"ForAnyValue:StringEqualsIfExists":{"k":"a"}}"#, none() => true;
    any_eq_single_valued: r#"{"ForAnyValue:StringEquals":{"k":"a"}}"#, s("k", "a") => true;
    all_eq_subset: r#"{"ForAllValues:StringEquals":{"k":["a","b"]}}"#, list("k", &["a", "b", "a"]) => true;
    all_eq_extra: r#"{"ForAllValues:StringEquals":{"k":["a","b"]}}"#, list("k", &["a", "c"]) => false;
    all_eq_absent_vacuous: r#"{"ForAllValues:StringEquals":{"k":"a"}}"#, none() => true;
    all_eq_empty_vacuous: r#"{"ForAllValues:StringEquals":{"k":"a"}}"#, list("k", &[]) => true;
    all_eq_if_exists_absent: r#"{"ForAllValues:StringEqualsIfExists":{"k":"a"}}"#, none() => true;
    all_like: r#"{"ForAllValues:StringLike":{"k":"t-*"}}"#, list("k", &["t-1", "t-2"]) => true;
    all_like_one_off: r#"{"ForAllValues:StringLike":{"k":"t-*"}}"#, list("k", &["t-1", "u-2"]) => false;
    all_not_eq_disjoint: r#"{"ForAllValues:StringNotEquals":{"k":["a","b"]}}"#, list("k", &["c", "d"]) => true;
    all_not_eq_overlap: r#"{"ForAllValues:StringNotEquals":{"k":["a","b"]}}"#, list("k", &["c", "a"]) => false;
    any_not_like_some_outside: r#"{"ForAnyValue:StringNotLike":{"k":"a*"}}"#, list("k", &["ab", "zz"]) => true;
    any_not_like_all_inside: r#"{"ForAnyValue:StringNotLike":{"k":"a*"}}"#, list("k", &["ab", "ac"]) => false;
    any_ic: r#"{"ForAnyValue:StringEqualsIgnoreCase":{"k":"ABC"}}"#, list("k", &["x", "abc"]) => true;
    any_numeric: r#"{"ForAnyValue:NumericGreaterThan":{"k":"10"}}"#, Context::builder().values("k", ValueType::Numeric, ["1", "11"]).build() => true;
    all_numeric: r#"{"ForAllValues:NumericGreaterThan":{"k":"10"}}"#, Context::builder().values("k", ValueType::Numeric, ["1", "11"]).build() => false;
    any_ip: r#"{"ForAnyValue:IpAddress":{"k":"10.0.0.0/8"}}"#, Context::builder().values("k", ValueType::Ip, ["1.2.3.4", "10.9.9.9"]).build() => true;
    multivalued_plain_negated_any_match: r#"{"StringNotEquals":{"k":"a"}}"#, list("k", &["a", "b"]) => false;
    multivalued_plain_empty_list_positive: r#"{"StringEquals":{"k":"a"}}"#, list("k", &[]) => false;
    multivalued_plain_empty_list_negated: r#"{"StringNotEquals":{"k":"a"}}"#, list("k", &[]) => true;
    // Numeric
    num_eq_trailing_zero: r#"{"NumericEquals":{"k":"1.50"}}"#, n("k", "1.5") => true;
    num_eq_exponent: r#"{"NumericEquals":{"k":"1e3"}}"#, n("k", "1000") => true;
    num_eq_negative: r#"{"NumericEquals":{"k":"-2"}}"#, n("k", "-2.0") => true;
    num_eq_json_number: r#"{"NumericEquals":{"k":10}}"#, n("k", "10") => true;
    num_eq_differs: r#"{"NumericEquals":{"k":"10"}}"#, n("k", "10.0001") => false;
    num_ne: r#"{"NumericNotEquals":{"k":"10"}}"#, n("k", "11") => true;
    num_ne_equal: r#"{"NumericNotEquals":{"k":"10"}}"#, n("k", "1e1") => false;
    num_ne_missing: r#"{"NumericNotEquals":{"k":"10"}}"#, none() => true;
    num_lt: r#"{"NumericLessThan":{"k":"10"}}"#, n("k", "9.99") => true;
    num_lt_equal: r#"{"NumericLessThan":{"k":"10"}}"#, n("k", "10") => false;
    num_le_equal: r#"{"NumericLessThanEquals":{"k":"10"}}"#, n("k", "10.000") => true;
    num_gt: r#"{"NumericGreaterThan":{"k":"-1"}}"#, n("k", "0") => true;
    num_gt_no: r#"{"NumericGreaterThan":{"k":"5"}}"#, n("k", "4") => false;
    num_ge: r#"{"NumericGreaterThanEquals":{"k":"5"}}"#, n("k", "5") => true;
    num_string_context_value: r#"{"NumericEquals":{"k":"7"}}"#, s("k", "7") => true;
    num_unparseable_context: r#"{"NumericEquals":{"k":"7"}}"#, s("k", "seven") => false;
    num_unparseable_context_ne: r#"{"NumericNotEquals":{"k":"7"}}"#, s("k", "seven") => false;
    num_unparseable_policy_one_of_two: r#"{"NumericEquals":{"k":["abc","7"]}}"#, n("k", "7") => true;
    num_if_exists_missing: r#"{"NumericLessThanIfExists":{"k":"1"}}"#, none() => true;
    num_missing: r#"{"NumericLessThan":{"k":"1"}}"#, none() => false;
    num_big: r#"{"NumericLessThan":{"k":"123456789012345678901234567890"}}"#, n("k", "123456789012345678901234567889") => true;
    // Dates
    date_lt_iso: r#"{"DateLessThan":{"aws:CurrentTime":"2030-01-01T00:00:00Z"}}"#, d("2026-05-20T17:21:19Z") => true;
    date_lt_after: r#"{"DateLessThan":{"aws:CurrentTime":"2030-01-01T00:00:00Z"}}"#, d("2031-02-01T00:00:00Z") => false;
    date_eq_epoch_vs_iso: r#"{"DateEquals":{"aws:CurrentTime":"0"}}"#, d("1970-01-01T00:00:00Z") => true;
    date_eq_iso_offset: r#"{"DateEquals":{"aws:CurrentTime":"2020-01-01T01:00:00+01:00"}}"#, d("2020-01-01T00:00:00Z") => true;
    date_eq_day_only: r#"{"DateEquals":{"aws:CurrentTime":"2020-01-01"}}"#, d("2020-01-01T00:00:00Z") => true;
    date_ne: r#"{"DateNotEquals":{"aws:CurrentTime":"2020-01-01T00:00:00Z"}}"#, d("2020-01-01T00:00:01Z") => true;
    date_ne_missing: r#"{"DateNotEquals":{"aws:CurrentTime":"2020-01-01T00:00:00Z"}}"#, none() => true;
    date_le_equal: r#"{"DateLessThanEquals":{"aws:CurrentTime":"2020-01-01T00:00:00Z"}}"#, d("2020-01-01T00:00:00Z") => true;
    date_gt: r#"{"DateGreaterThan":{"aws:CurrentTime":"2020-01-01T00:00:00Z"}}"#, d("2020-01-01T00:00:00.5Z") => true;
    date_ge: r#"{"DateGreaterThanEquals":{"aws:CurrentTime":"2020-01-01T00:00:00Z"}}"#, d("2019-12-31T23:59:59Z") => false;
    date_epoch_context: r#"{"DateGreaterThan":{"aws:EpochTime":"2020-01-01T00:00:00Z"}}"#, n("aws:EpochTime", "1779300000") => true;
    date_string_context_value: r#"{"DateLessThan":{"k":"2030-01-01"}}"#, s("k", "2029-12-31T23:59:59Z") => true;
    date_unparseable_context: r#"{"DateLessThan":{"k":"2030-01-01"}}"#, s("k", "yesterday") => false;
    date_missing: r#"{"DateLessThan":{"aws:CurrentTime":"2030-01-01"}}"#, none() => false;
    date_if_exists_missing: r#"{"DateLessThanIfExists":{"aws:CurrentTime":"2030-01-01"}}"#, none() => true;
    // IP addresses
    ip_in: r#"{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}"#, ip("10.1.2.3") => true;
    ip_out: r#"{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}"#, ip("11.1.2.3") => false;
    ip_bare: r#"{"IpAddress":{"aws:SourceIp":"192.0.2.1"}}"#, ip("192.0.2.1") => true;
    ip_host_bits: r#"{"IpAddress":{"aws:SourceIp":"192.0.2.77/24"}}"#, ip("192.0.2.1") => true;
    ip_v6: r#"{"IpAddress":{"aws:SourceIp":"2001:DB8:1234::/48"}}"#, ip("2001:db8:1234:ffff::1") => true;
    ip_v6_out: r#"{"IpAddress":{"aws:SourceIp":"2001:db8:1234::/48"}}"#, ip("2001:db8:1235::1") => false;
    ip_v4_vs_v6_range: r#"{"IpAddress":{"aws:SourceIp":"::/0"}}"#, ip("10.0.0.1") => false;
    ip_string_context: r#"{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}"#, s("aws:SourceIp", "10.0.0.1") => true;
    ip_unparseable_context: r#"{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}"#, s("aws:SourceIp", "ten") => false;
    ip_bad_policy_value: r#"{"IpAddress":{"aws:SourceIp":"10.0.0.0/33"}}"#, ip("10.0.0.1") => false;
    not_ip_out: r#"{"NotIpAddress":{"aws:SourceIp":["10.0.0.0/8","192.168.0.0/16"]}}"#, ip("172.16.0.1") => true;
    not_ip_in_second: r#"{"NotIpAddress":{"aws:SourceIp":["10.0.0.0/8","192.168.0.0/16"]}}"#, ip("192.168.1.1") => false;
    not_ip_missing: r#"{"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}}"#, none() => true;
    ip_missing: r#"{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}"#, none() => false;
    // Bool
    bool_true: r#"{"Bool":{"aws:SecureTransport":"true"}}"#, b("aws:SecureTransport", "true") => true;
    bool_case_policy: r#"{"Bool":{"aws:SecureTransport":"TRUE"}}"#, b("aws:SecureTransport", "true") => true;
    bool_case_context: r#"{"Bool":{"aws:SecureTransport":"true"}}"#, s("aws:SecureTransport", "True") => true;
    bool_json_literal: r#"{"Bool":{"aws:SecureTransport":true}}"#, b("aws:SecureTransport", "true") => true;
    bool_false_vs_true: r#"{"Bool":{"aws:SecureTransport":"false"}}"#, b("aws:SecureTransport", "true") => false;
    bool_garbage_policy: r#"{"Bool":{"aws:SecureTransport":"yes"}}"#, b("aws:SecureTransport", "true") => false;
    bool_missing: r#"{"Bool":{"aws:SecureTransport":"false"}}"#, none() => false;
    bool_if_exists_missing: r#"{"BoolIfExists":{"aws:SecureTransport":"false"}}"#, none() => true;
    bool_variable: r#"{"Bool":{"aws:SecureTransport":"${aws:PrincipalTag/flag, 'true'}"}}"#, b("aws:SecureTransport", "true") => true;
    // Binary
    binary_eq: r#"{"BinaryEquals":{"k":"aGVsbG8="}}"#, typed("k", ValueType::Binary, "aGVsbG8=") => true;
    binary_eq_string_context: r#"{"BinaryEquals":{"k":"aGVsbG8="}}"#, s("k", "aGVsbG8=") => true;
    binary_ne: r#"{"BinaryEquals":{"k":"aGVsbG8="}}"#, typed("k", ValueType::Binary, "aGk=") => false;
    binary_bad_policy: r#"{"BinaryEquals":{"k":"not base64!"}}"#, typed("k", ValueType::Binary, "aGk=") => false;
    binary_missing: r#"{"BinaryEquals":{"k":"aGk="}}"#, none() => false;
    // ARN operators
    arn_like: r#"{"ArnLike":{"aws:SourceArn":"arn:aws:sns:*:111122223333:topic-*"}}"#, s("aws:SourceArn", "arn:aws:sns:us-east-1:111122223333:topic-a") => true;
    arn_equals_wildcards_too: r#"{"ArnEquals":{"aws:SourceArn":"arn:aws:sns:*:111122223333:*"}}"#, s("aws:SourceArn", "arn:aws:sns:eu-west-1:111122223333:t") => true;
    arn_like_region_no_colon_cross: r#"{"ArnLike":{"k":"arn:aws:someservice:*:111122223333:finance/*"}}"#, s("k", "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt") => false;
    string_like_crosses_colons: r#"{"StringLike":{"k":"arn:aws:someservice:*:111122223333:finance/*"}}"#, s("k", "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt") => true;
    arn_like_not_an_arn: r#"{"ArnLike":{"k":"*"}}"#, s("k", "not-an-arn") => false;
    arn_not_like_not_an_arn: r#"{"ArnNotLike":{"k":"arn:aws:s3:::*"}}"#, s("k", "not-an-arn") => true;
    arn_not_equals_match: r#"{"ArnNotEquals":{"k":"arn:aws:s3:::b"}}"#, s("k", "arn:aws:s3:::b") => false;
    arn_not_equals_missing: r#"{"ArnNotEquals":{"k":"arn:aws:s3:::b"}}"#, none() => true;
    arn_case_sensitive: r#"{"ArnEquals":{"k":"arn:aws:s3:::B"}}"#, s("k", "arn:aws:s3:::b") => false;
    arn_variable: r#"{"ArnLike":{"k":"arn:aws:iam::*:user/${aws:username}"}}"#, s("k", "arn:aws:iam::111122223333:user/alice") => true;
    arn_principal_arn_key: r#"{"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::111122223333:user/alice"}}"#, none() => true;
    arn_short_pattern_tail: r#"{"ArnLike":{"k":"arn:aws:s3:*"}}"#, s("k", "arn:aws:s3:::b/k") => true;
    // Null
    null_true_absent: r#"{"Null":{"k":"true"}}"#, none() => true;
    null_true_present: r#"{"Null":{"k":"true"}}"#, s("k", "") => false;
    null_false_present: r#"{"Null":{"k":"false"}}"#, s("k", "x") => true;
    null_false_absent: r#"{"Null":{"k":"false"}}"#, none() => false;
    null_empty_list_is_null: r#"{"Null":{"k":"true"}}"#, list("k", &[]) => true;
    null_json_bool: r#"{"Null":{"k":false}}"#, s("k", "x") => true;
    null_both: r#"{"Null":{"k":["true","false"]}}"#, none() => true;
    null_garbage: r#"{"Null":{"k":"maybe"}}"#, none() => false;
    null_principal_key_present: r#"{"Null":{"aws:username":"false"}}"#, none() => true;
    null_principal_tag_absent: r#"{"Null":{"aws:PrincipalTag/nope":"true"}}"#, none() => true;
    // Combination
    blocks_anded: r#"{"StringEquals":{"a":"1"},"StringLike":{"b":"x*"}}"#, Context::builder().string("a", "1").string("b", "y").build() => false;
    keys_anded: r#"{"StringEquals":{"a":"1","b":"2"}}"#, Context::builder().string("a", "1").string("b", "2").build() => true;
    empty_condition_object: r#"{}"#, none() => true;
    empty_operator_block: r#"{"StringEquals":{}}"#, none() => true;
    principal_type_key: r#"{"StringEquals":{"aws:PrincipalType":"User"}}"#, none() => true;
    principal_account_key: r#"{"StringEquals":{"aws:PrincipalAccount":"111122223333"}}"#, none() => true;
    principal_is_service_key: r#"{"Bool":{"aws:PrincipalIsAWSService":"false"}}"#, none() => true;
    context_cannot_override_principal_key: r#"{"StringEquals":{"aws:username":"mallory"}}"#, s("aws:username", "mallory") => false;
}
