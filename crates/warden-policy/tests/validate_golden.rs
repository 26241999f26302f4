//! Golden validation cases: every recorded example of spec policy.md §1.6.1 (valid) and
//! §1.6.2 (invalid, with AWS's exact message), the check order of §1.6 and the kind rules of
//! §1.5/§1.7. Each invalid case asserts `aws_message()` and the path of the reported error.

use warden_policy::document::PolicyKind;
use warden_policy::{AwsErrorCode, PolicyErrorKind, parse_policy};

/// A 2012-10-17 document with one statement whose members are `body`.
fn one(body: &str) -> String {
    format!(r#"{{"Version":"2012-10-17","Statement":[{{{body}}}]}}"#)
}

/// A statement body with `extra` members added to an otherwise valid identity statement.
fn with(extra: &str) -> String {
    one(&format!(
        r#""Effect":"Allow","Action":"s3:ListBucket","Resource":"*",{extra}"#
    ))
}

/// A valid trust statement plus `extra` members.
fn trust(extra: &str) -> String {
    let sep = if extra.is_empty() { "" } else { "," };
    one(&format!(
        r#""Effect":"Allow","Principal":{{"AWS":"111122223333"}},"Action":"sts:AssumeRole"{sep}{extra}"#
    ))
}

fn check_invalid(kind: PolicyKind, doc: impl AsRef<str>, message: &str, path: &str) {
    let doc = doc.as_ref();
    let result = parse_policy(doc, kind);
    assert!(
        result.is_err(),
        "expected rejection of {doc}, got {result:?}"
    );
    let Err(errors) = result else { return };
    assert_eq!(
        errors.aws_message(),
        message,
        "document: {doc}\nall: {errors}"
    );
    assert_eq!(
        errors.aws_error().path(),
        path,
        "document: {doc}\nall: {errors}"
    );
    assert!(!errors.errors().is_empty());
    assert!(!errors.to_string().is_empty());
}

fn check_valid(kind: PolicyKind, doc: impl AsRef<str>) {
    let doc = doc.as_ref();
    let result = parse_policy(doc, kind);
    assert!(
        result.is_ok(),
        "expected {doc} to be accepted, got: {}",
        result.err().map(|e| e.to_string()).unwrap_or_default()
    );
}

macro_rules! invalid {
    ($($name:ident: $kind:ident, $doc:expr => $message:expr, at $path:expr;)*) => {$(
        #[test]
        fn $name() {
            check_invalid(PolicyKind::$kind, $doc, $message, $path);
        }
    )*};
}

macro_rules! valid {
    ($($name:ident: $kind:ident, $doc:expr;)*) => {$(
        #[test]
        fn $name() {
            check_valid(PolicyKind::$kind, $doc);
        }
    )*};
}

const SYNTAX: &str = "Syntax errors in policy.";
const LEGACY: &str = "The policy failed legacy parsing";
const VERSION: &str = "Policy document must be version 2012-10-17 or greater.";
const NO_VENDOR: &str =
    "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.";
const NO_ACTIONS: &str = "Policy statement must contain actions.";
const NO_RESOURCES: &str = "Policy statement must contain resources.";
const IAM_PATH: &str = "IAM resource path must either be \"*\", root, or start with user/, federated-user/, role/, group/, instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, oidc-provider/, report/, access-report/.";

// §1.6.1: documents AWS accepts.
valid! {
    v_action_name_not_validated: Managed, one(r#""Effect":"Allow","Action":"iam: asdf safdsf af ","Resource":"*""#);
    v_resource_unknown_service_short: Managed, one(r#""Effect":"Allow","Action":"s3:Get","Resource":"arn:aws:fdsasf""#);
    v_resource_unknown_service_region: Managed, one(r#""Effect":"Allow","Action":"s3:Get","Resource":"arn:aws:invalid-service:us-east-1::x""#);
    v_condition_empty: Managed, with(r#""Condition":{}"#);
    v_condition_unknown_operators_empty: Managed, with(r#""Condition":{"x":{},"y":{}}"#);
    v_condition_date_operator_empty: Managed, with(r#""Condition":{"DateGreaterThan":{}}"#);
    v_condition_date_empty_list: Managed, with(r#""Condition":{"DateGreaterThan":{"a":[]}}"#);
    v_condition_date_year_t: Managed, with(r#""Condition":{"DateGreaterThan":{"a":"01T"}}"#);
    v_condition_date_negative_epoch: Managed, with(r#""Condition":{"DateLessThan":{"a":"-292275054"}}"#);
    v_condition_date_lenient_iso: Managed, with(r#""Condition":{"DateLessThanEquals":{"a":"2016-12-13t2:00:00.593194+23"}}"#);
    v_condition_qualifier_if_exists: Managed, with(r#""Condition":{"ForAnyValue:StringEqualsIfExists":{"aws:TagKeys":["a","b"]}}"#);
    v_not_action_not_resource: Managed, one(r#""Effect":"Deny","NotAction":"iam:*","NotResource":"arn:aws:s3:::b/*""#);
    v_id_present: Managed, r#"{"Version":"2012-10-17","Id":"x","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"#;
    v_empty_sids_repeat: Managed, r#"{"Version":"2012-10-17","Statement":[{"Sid":"","Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"","Effect":"Deny","Action":"*","Resource":"*"}]}"#;
    v_vendor_dash_dot: Managed, one(r#""Effect":"Allow","Action":["my-vendor:Do","a.b:Do"],"Resource":"*""#);
    v_s3_access_point_region: Managed, one(r#""Effect":"Allow","Action":"s3:Get*","Resource":"arn:aws:s3:us-west-2:123456789012:accesspoint/x""#);
    v_inline_without_version: Inline, r#"{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"#;
    v_inline_2008: Inline, r#"{"Version":"2008-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"#;
    v_condition_number_and_bool_values: Managed, with(r#""Condition":{"NumericLessThan":{"s3:max-keys":[10,1.50]},"Bool":{"aws:SecureTransport":true}}"#);
    v_null_in_resource_array: Managed, one(r#""Effect":"Allow","Action":"*","Resource":["arn:aws:s3:::b",null]"#);
    v_numeric_value_not_type_checked: Managed, with(r#""Condition":{"NumericLessThan":{"s3:max-keys":"abc"}}"#);
    v_unknown_condition_key: Managed, with(r#""Condition":{"StringEquals":{"a":"b"}}"#);
    v_trust_basic: Trust, trust("");
    v_trust_without_version: Trust, r#"{"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
    v_trust_actions_case_insensitive: Trust, one(r#""Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:user/path/Bob","arn:aws:iam::111122223333:role/R"]},"Action":["STS:assumerole","sts:TagSession","sts:SetSourceIdentity","sts:SetContext"]"#);
    v_trust_federated_oidc: Trust, one(r#""Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:org/app:*"}}"#);
    v_trust_session_and_unique_ids: Trust, one(r#""Effect":"Allow","Principal":{"AWS":["arn:aws:sts::111122223333:assumed-role/R/s1","arn:aws:sts::111122223333:federated-user/Alice","AROAJQABLZS4A3QDU576Q"]},"Action":"sts:AssumeRole""#);
    v_trust_wildcard_principal: Trust, one(r#""Effect":"Allow","Principal":"*","Action":"sts:AssumeRole""#);
    v_resource_sid_with_spaces: Resource, one(r#""Sid":"a b","Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:GetObject","Resource":"*""#);
    v_resource_not_principal: Resource, one(r#""Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"s3:*","Resource":"*""#);
    v_rcp_star_principal: ResourceControl, one(r#""Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*""#);
    v_scp_basic: ServiceControl, one(r#""Effect":"Deny","Action":"*","Resource":"*""#);
    v_session_basic: Session, one(r#""Effect":"Allow","Action":"s3:GetObject","Resource":"*""#);
    v_session_sid_with_spaces: Session, one(r#""Sid":"a b","Effect":"Allow","Action":"s3:GetObject","Resource":"*""#);
}

// §1.6.2: recorded rejections, plus the rest of the §1.6 step-1 list.
invalid! {
    not_json: Managed, "This is not a json document" => SYNTAX, at "";
    top_level_array: Managed, "[]" => SYNTAX, at "";
    missing_version_managed: Managed, r#"{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"# => VERSION, at "";
    old_version_managed: Managed, r#"{"Version":"2008-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"# => VERSION, at "/Version";
    old_version_boundary: PermissionsBoundary, r#"{"Version":"2008-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"# => VERSION, at "/Version";
    unknown_version: Inline, r#"{"Version":"2013-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"# => SYNTAX, at "/Version";
    version_not_string: Inline, r#"{"Version":2012,"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"# => SYNTAX, at "/Version";
    statement_empty_array: Managed, r#"{"Version":"2012-10-17","Statement":[]}"# => SYNTAX, at "/Statement";
    statement_array_of_string: Managed, r#"{"Version":"2012-10-17","Statement":["afd"]}"# => SYNTAX, at "/Statement/0";
    statement_missing: Managed, r#"{"Version":"2012-10-17"}"# => SYNTAX, at "";
    statement_string: Managed, r#"{"Version":"2012-10-17","Statement":"x"}"# => SYNTAX, at "/Statement";
    extra_top_level_field: Managed, r#"{"Version":"2012-10-17","Foo":1,"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"# => SYNTAX, at "/Foo";
    extra_statement_field: Managed, with(r#""Foo":"x""#) => SYNTAX, at "/Statement/0/Foo";
    element_names_case_sensitive: Managed, one(r#""effect":"Allow","Action":"*","Resource":"*""#) => SYNTAX, at "/Statement/0/effect";
    id_array: Managed, r#"{"Version":"2012-10-17","Id":["x"],"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"# => SYNTAX, at "/Id";
    id_object: Managed, r#"{"Version":"2012-10-17","Id":{},"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"# => SYNTAX, at "/Id";
    effect_invalid: Managed, one(r#""Effect":"invalid","Action":"*","Resource":"*""#) => SYNTAX, at "/Statement/0/Effect";
    effect_missing: Managed, one(r#""Action":"*","Resource":"*""#) => SYNTAX, at "/Statement/0";
    effect_not_string: Managed, one(r#""Effect":true,"Action":"*","Resource":"*""#) => SYNTAX, at "/Statement/0/Effect";
    effect_wrong_case_deny: Managed, one(r#""Effect":"denY","Action":"*","Resource":"*""#) => LEGACY, at "/Statement/0/Effect";
    effect_wrong_case_allow: Managed, one(r#""Effect":"allow","Action":"*","Resource":"*""#) => LEGACY, at "/Statement/0/Effect";
    action_without_vendor: Managed, one(r#""Effect":"Allow","Action":"invalid","Resource":"*""#) => NO_VENDOR, at "/Statement/0/Action";
    not_action_empty_string: Managed, one(r#""Effect":"Allow","NotAction":"","Resource":"*""#) => NO_VENDOR, at "/Statement/0/NotAction";
    action_bad_vendor: Managed, one(r#""Effect":"Allow","Action":"a a:ListBucket","Resource":"*""#) => "Vendor a a is not valid", at "/Statement/0/Action";
    action_two_colons: Managed, one(r#""Effect":"Allow","Action":["s3:Get","s3:List:Bucket"],"Resource":"*""#) => "Actions/Condition can contain only one colon.", at "/Statement/0/Action/1";
    action_not_string_item: Managed, one(r#""Effect":"Allow","Action":["s3:Get",1],"Resource":"*""#) => SYNTAX, at "/Statement/0/Action/1";
    action_object: Managed, one(r#""Effect":"Allow","Action":{},"Resource":"*""#) => SYNTAX, at "/Statement/0/Action";
    action_and_not_action: Managed, one(r#""Effect":"Allow","Action":"s3:Get","NotAction":[],"Resource":"*""#) => SYNTAX, at "/Statement/0";
    resource_and_not_resource: Managed, one(r#""Effect":"Allow","Action":"s3:Get","Resource":"*","NotResource":[]"#) => SYNTAX, at "/Statement/0";
    resource_not_arn: Managed, one(r#""Effect":"Allow","Action":"s3:Get","Resource":"invalid resource""#) => "Resource invalid resource must be in ARN format or \"*\".", at "/Statement/0/Resource";
    resource_empty_string: Managed, one(r#""Effect":"Allow","Action":"s3:Get","Resource":"""#) => "Resource  must be in ARN format or \"*\".", at "/Statement/0/Resource";
    resource_array_not_arn: Managed, one(r#""Effect":"Allow","Action":"s3:Get","Resource":["adf"]"#) => "Resource adf must be in ARN format or \"*\".", at "/Statement/0/Resource/0";
    resource_null_value: Managed, one(r#""Effect":"Allow","Action":"s3:Get","Resource":null"#) => SYNTAX, at "/Statement/0/Resource";
    resource_partition: Managed, one(r#""Effect":"Allow","Action":"s3:Get","Resource":"aws:s3:::example_bucket""#) => "Partition \"s3\" is not valid for resource \"arn:s3:::example_bucket:*\".", at "/Statement/0/Resource";
    resource_partition_short: Managed, one(r#""Effect":"Allow","Action":"s3:Get","Resource":"a:bsdfdsafsad""#) => "Partition \"bsdfdsafsad\" is not valid for resource \"arn:bsdfdsafsad:*:*:*:*\".", at "/Statement/0/Resource";
    resource_iam_path: Managed, one(r#""Effect":"Allow","Action":"s3:Get","Resource":"arn:aws:iam:::example_bucket""#) => IAM_PATH, at "/Statement/0/Resource";
    resource_legacy_s3_double_colon: Managed, one(r#""Effect":"Allow","Action":"s3:Get","Resource":"arn:aws:s3::example_bucket""#) => LEGACY, at "/Statement/0/Resource";
    resource_legacy_empty_service: Managed, one(r#""Effect":"Allow","Action":"s3:Get","Resource":"arn:aws::fdsasf""#) => LEGACY, at "/Statement/0/Resource";
    resource_legacy_empty_fields: Managed, one(r#""Effect":"Allow","Action":"s3:Get","Resource":"arn:aws::::x""#) => LEGACY, at "/Statement/0/Resource";
    resource_partition_only: Managed, one(r#""Effect":"Allow","Action":"s3:Get","Resource":"arn:aws""#) => "Resource vendor must be fully qualified and cannot contain regexes.", at "/Statement/0/Resource";
    resource_iam_region: Managed, one(r#""Effect":"Allow","Action":"s3:Get","Resource":"arn:aws:iam:us-east-1::x""#) => "IAM resource arn:aws:iam:us-east-1::x cannot contain region information.", at "/Statement/0/Resource";
    resource_s3_region: Managed, one(r#""Effect":"Allow","Action":"s3:Get","Resource":"arn:aws:s3:us-east-1::x""#) => "Resource arn:aws:s3:us-east-1::x can not contain region information.", at "/Statement/0/Resource";
    resource_missing: Managed, one(r#""Effect":"Allow","Action":"s3:Get""#) => NO_RESOURCES, at "/Statement/0";
    resource_empty_array: Managed, one(r#""Effect":"Allow","Action":"s3:Get","Resource":[]"#) => NO_RESOURCES, at "/Statement/0/Resource";
    action_missing: Managed, one(r#""Effect":"Allow","Resource":"*""#) => NO_ACTIONS, at "/Statement/0";
    action_empty_array: Managed, one(r#""Effect":"Allow","Action":[],"Resource":"*""#) => NO_ACTIONS, at "/Statement/0/Action";
    deny_only_first_statement: Managed, r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny"},{"Effect":"Allow","Action":"*","Resource":"*"}]}"# => NO_ACTIONS, at "/Statement/0";
    condition_array: Managed, with(r#""Condition":[]"#) => SYNTAX, at "/Statement/0/Condition";
    condition_string: Managed, with(r#""Condition":"a""#) => SYNTAX, at "/Statement/0/Condition";
    condition_operator_string_body: Managed, with(r#""Condition":{"a":"b"}"#) => SYNTAX, at "/Statement/0/Condition/a";
    condition_date_string_body: Managed, with(r#""Condition":{"DateGreaterThan":"b"}"#) => SYNTAX, at "/Statement/0/Condition/DateGreaterThan";
    condition_date_array_body: Managed, with(r#""Condition":{"DateGreaterThan":[]}"#) => SYNTAX, at "/Statement/0/Condition/DateGreaterThan";
    condition_key_object: Managed, with(r#""Condition":{"DateGreaterThan":{"a":{}}}"#) => SYNTAX, at "/Statement/0/Condition/DateGreaterThan/a";
    condition_key_null: Managed, with(r#""Condition":{"StringEquals":{"a":null}}"#) => SYNTAX, at "/Statement/0/Condition/StringEquals/a";
    condition_value_nested_array: Managed, with(r#""Condition":{"StringEquals":{"a":["x",["y"]]}}"#) => SYNTAX, at "/Statement/0/Condition/StringEquals/a/1";
    condition_unknown_operator_with_body: Managed, with(r#""Condition":{"x":{"a":"1"}}"#) => SYNTAX, at "/Statement/0/Condition/x";
    condition_operator_case_sensitive: Managed, with(r#""Condition":{"stringEquals":{"a":"1"}}"#) => SYNTAX, at "/Statement/0/Condition/stringEquals";
    condition_double_colon_qualifier: Managed, with(r#""Condition":{"ForAnyValue::StringEquals":{"a":"1"}}"#) => SYNTAX, at "/Statement/0/Condition/ForAnyValue::StringEquals";
    condition_double_colon_qualifier_empty: Managed, with(r#""Condition":{"ForAnyValue::StringEquals":{}}"#) => SYNTAX, at "/Statement/0/Condition/ForAnyValue::StringEquals";
    condition_null_if_exists: Managed, with(r#""Condition":{"NullIfExists":{"a":"true"}}"#) => SYNTAX, at "/Statement/0/Condition/NullIfExists";
    condition_key_path_escaped: Managed, with(r#""Condition":{"StringEquals":{"aws:PrincipalTag/a~b":{}}}"#) => SYNTAX, at "/Statement/0/Condition/StringEquals/aws:PrincipalTag~1a~0b";
    date_garbage: Managed, with(r#""Condition":{"DateGreaterThan":{"a":"sdfdsf"}}"#) => LEGACY, at "/Statement/0/Condition/DateGreaterThan/a";
    date_month_13: Managed, with(r#""Condition":{"DateGreaterThan":{"a":"234-13"}}"#) => LEGACY, at "/Statement/0/Condition/DateGreaterThan/a";
    date_one_digit_zone: Managed, with(r#""Condition":{"DateGreaterThan":{"a":"2016-12-13t2:00:00.593194+1"}}"#) => LEGACY, at "/Statement/0/Condition/DateGreaterThan/a";
    date_ten_fraction_digits: Managed, with(r#""Condition":{"DateLessThan":{"a":"2016-12-13T02:00:00.1234567890Z"}}"#) => LEGACY, at "/Statement/0/Condition/DateLessThan/a";
    date_epoch_overflow: Managed, with(r#""Condition":{"DateEqualsIfExists":{"a":["0","9223372036854775808"]}}"#) => LEGACY, at "/Statement/0/Condition/DateEqualsIfExists/a/1";
    date_boolean_value: Managed, with(r#""Condition":{"DateEquals":{"a":true}}"#) => LEGACY, at "/Statement/0/Condition/DateEquals/a";
    duplicate_sid: Managed, r#"{"Version":"2012-10-17","Statement":[{"Sid":"A1","Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"A1","Effect":"Deny","Action":"*","Resource":"*"}]}"# => "Statement IDs (SID) in a single policy must be unique.", at "/Statement/1/Sid";
    sid_not_string: Managed, with(r#""Sid":1"#) => SYNTAX, at "/Statement/0/Sid";
    sid_not_alphanumeric: Managed, with(r#""Sid":"a b""#) => "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*", at "/Statement/0/Sid";
    sid_not_alphanumeric_trust: Trust, trust(r#""Sid":"a-b""#) => "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*", at "/Statement/0/Sid";
    duplicate_json_key: Managed, one(r#""Effect":"Allow","Effect":"Deny","Action":"*","Resource":"*""#) => SYNTAX, at "";
    trailing_garbage: Managed, format!("{} x", with(r#""Sid":"a""#)) => SYNTAX, at "";
}

// §1.6: the check order.
invalid! {
    order_version_before_duplicate_sid: Managed, r#"{"Statement":[{"Sid":"a","Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"a","Effect":"Allow","Action":"*","Resource":"*"}]}"# => VERSION, at "";
    order_syntax_before_version: Managed, r#"{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Foo":1}]}"# => SYNTAX, at "/Statement/0/Foo";
    order_legacy_before_action_syntax: Managed, one(r#""Effect":"allow","Action":"invalid","Resource":"*""#) => LEGACY, at "/Statement/0/Effect";
    order_missing_resource_before_action_syntax: Managed, one(r#""Effect":"Allow","Action":"invalid""#) => NO_RESOURCES, at "/Statement/0";
    order_missing_action_before_resource_format: Managed, one(r#""Effect":"Allow","Resource":"bad""#) => NO_ACTIONS, at "/Statement/0";
    order_duplicate_sid_before_missing_action: Managed, r#"{"Version":"2012-10-17","Statement":[{"Sid":"a","Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"a","Effect":"Allow","Resource":"*"}]}"# => "Statement IDs (SID) in a single policy must be unique.", at "/Statement/1/Sid";
    order_resource_format_before_action_syntax: Managed, one(r#""Effect":"Allow","Action":"invalid","Resource":"bad""#) => "Resource bad must be in ARN format or \"*\".", at "/Statement/0/Resource";
    order_missing_resource_in_later_statement_before_resource_format: Managed, r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"bad"},{"Effect":"Allow","Action":"*"}]}"# => NO_RESOURCES, at "/Statement/1";
    order_resources_reverse_lexicographic: Managed, one(r#""Effect":"Allow","Action":"*","Resource":["adf","arn:aws:s3:::b","zzz"]"#) => "Resource zzz must be in ARN format or \"*\".", at "/Statement/0/Resource/2";
    order_legacy_resource_before_format: Managed, one(r#""Effect":"Allow","Action":"*","Resource":["zzz","arn:aws:s3::b"]"#) => LEGACY, at "/Statement/0/Resource/1";
    order_action_syntax_before_principal: Managed, one(r#""Effect":"Allow","Principal":"*","Action":"x","Resource":"*""#) => NO_VENDOR, at "/Statement/0/Action";
}

// §1.5/§1.7: kind-specific rules.
invalid! {
    principal_in_managed: Managed, with(r#""Principal":{"AWS":"111122223333"}"#) => "Policy document should not specify a principal.", at "/Statement/0/Principal";
    not_principal_in_inline: Inline, with(r#""NotPrincipal":"*""#) => "Policy document should not specify a principal.", at "/Statement/0/NotPrincipal";
    principal_in_session: Session, with(r#""Principal":"*""#) => "Policy document should not specify a principal.", at "/Statement/0/Principal";
    principal_in_boundary: PermissionsBoundary, with(r#""Principal":"*""#) => "Policy document should not specify a principal.", at "/Statement/0/Principal";
    principal_in_scp: ServiceControl, with(r#""Principal":"*""#) => "Policy document should not specify a principal.", at "/Statement/0/Principal";
    trust_invalid_json: Trust, "{" => "This policy contains invalid Json", at "";
    trust_not_object: Trust, "\"x\"" => "This policy contains invalid Json", at "";
    trust_grammar_error: Trust, trust(r#""Foo":1"#) => SYNTAX, at "/Statement/0/Foo";
    trust_resource: Trust, trust(r#""Resource":"*""#) => "Has prohibited field Resource", at "/Statement/0/Resource";
    trust_not_resource: Trust, trust(r#""NotResource":"*""#) => "Has prohibited field Resource", at "/Statement/0/NotResource";
    trust_not_principal: Trust, one(r#""Effect":"Deny","NotPrincipal":{"AWS":"111122223333"},"Action":"sts:AssumeRole""#) => "AssumeRole policy must not contain NotPrincipal field.", at "/Statement/0/NotPrincipal";
    trust_no_principal: Trust, one(r#""Effect":"Allow","Action":"sts:AssumeRole""#) => "Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!", at "/Statement/0";
    trust_empty_principal_map: Trust, one(r#""Effect":"Allow","Principal":{},"Action":"sts:AssumeRole""#) => "Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!", at "/Statement/0";
    trust_other_action: Trust, one(r#""Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":["sts:AssumeRole","s3:GetObject"]"#) => "AssumeRole policy may only specify STS AssumeRole actions.", at "/Statement/0/Action/1";
    trust_star_action: Trust, one(r#""Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"*""#) => "AssumeRole policy may only specify STS AssumeRole actions.", at "/Statement/0/Action";
    trust_sts_wildcard_action: Trust, one(r#""Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"sts:*""#) => "AssumeRole policy may only specify STS AssumeRole actions.", at "/Statement/0/Action";
    trust_wildcard_in_arn: Trust, one(r#""Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/*"},"Action":"sts:AssumeRole""#) => "Invalid principal in policy: \"AWS\":\"arn:aws:iam::111122223333:user/*\"", at "/Statement/0/Principal/AWS";
    trust_garbage_principal: Trust, one(r#""Effect":"Allow","Principal":{"AWS":["111122223333","bob"]},"Action":"sts:AssumeRole""#) => "Invalid principal in policy: \"AWS\":\"bob\"", at "/Statement/0/Principal/AWS";
    trust_unknown_principal_type: Trust, one(r#""Effect":"Allow","Principal":{"Users":"x"},"Action":"sts:AssumeRole""#) => "Invalid principal in policy", at "/Statement/0/Principal/Users";
    trust_principal_string_not_star: Trust, one(r#""Effect":"Allow","Principal":"111122223333","Action":"sts:AssumeRole""#) => "Invalid principal in policy", at "/Statement/0/Principal";
    trust_principal_value_object: Trust, one(r#""Effect":"Allow","Principal":{"AWS":{}},"Action":"sts:AssumeRole""#) => SYNTAX, at "/Statement/0/Principal/AWS";
    trust_principal_number: Trust, one(r#""Effect":"Allow","Principal":5,"Action":"sts:AssumeRole""#) => SYNTAX, at "/Statement/0/Principal";
    resource_policy_without_principal: Resource, one(r#""Effect":"Allow","Action":"s3:GetObject","Resource":"*""#) => "Missing required field Principal", at "/Statement/0";
    resource_policy_both_principals: Resource, one(r#""Effect":"Allow","Principal":"*","NotPrincipal":"*","Action":"s3:GetObject","Resource":"*""#) => SYNTAX, at "/Statement/0";
    resource_policy_needs_resource: Resource, one(r#""Effect":"Allow","Principal":"*","Action":"s3:GetObject""#) => NO_RESOURCES, at "/Statement/0";
    rcp_principal_not_star: ResourceControl, one(r#""Effect":"Deny","Principal":{"AWS":"111122223333"},"Action":"s3:*","Resource":"*""#) => "The Principal element of a resource control policy must be \"*\".", at "/Statement/0/Principal";
    rcp_without_principal: ResourceControl, one(r#""Effect":"Deny","Action":"s3:*","Resource":"*""#) => "The Principal element of a resource control policy must be \"*\".", at "/Statement/0/Principal";
}

#[test]
fn managed_size_limit_is_limit_exceeded() {
    let padding = "x".repeat(6_144);
    let doc = with(&format!(r#""Sid":"{padding}""#));
    let errors = parse_policy(&doc, PolicyKind::Managed).unwrap_err();
    assert_eq!(
        errors.aws_message(),
        "Cannot exceed quota for PolicySize: 6144"
    );
    assert_eq!(errors.aws_code(), AwsErrorCode::LimitExceeded);
    assert_eq!(
        errors.aws_error().kind(),
        PolicyErrorKind::TooLarge { limit: 6_144 }
    );
    // The same document is fine where there is no per-document quota.
    assert!(parse_policy(&doc, PolicyKind::Inline).is_ok());
}

#[test]
fn managed_size_limit_ignores_whitespace_outside_strings() {
    let base = with(r#""Sid":"a""#);
    let padded = base.replace(',', &format!("{},", " ".repeat(10_000)));
    assert!(padded.len() > 6_144);
    assert!(parse_policy(&padded, PolicyKind::Managed).is_ok());
}

#[test]
fn trust_size_limit_message() {
    let padding = "x".repeat(2_048);
    let doc = trust(&format!(r#""Sid":"{padding}""#));
    let errors = parse_policy(&doc, PolicyKind::Trust).unwrap_err();
    assert_eq!(
        errors.aws_message(),
        "Cannot exceed quota for ACLSizePerRole: 2048"
    );
    assert_eq!(errors.aws_code(), AwsErrorCode::LimitExceeded);
    let raised = warden_policy::parse_policy_with_limit(&doc, PolicyKind::Trust, Some(4_096));
    assert!(raised.is_ok());
}

#[test]
fn every_problem_is_reported() {
    let doc = r#"{"Version":"2012-10-17","Foo":1,"Statement":[
        {"Effect":"allow","Action":"x","Resource":"bad"},
        {"Effect":"Allow","Action":"s3:Get","Resource":"*","Condition":{"DateEquals":{"k":"nope"}}}
    ]}"#;
    let errors = parse_policy(doc, PolicyKind::Managed).unwrap_err();
    let found: Vec<(&str, PolicyErrorKind)> = errors
        .errors()
        .iter()
        .map(|e| (e.path(), e.kind()))
        .collect();
    assert_eq!(
        found,
        [
            ("/Foo", PolicyErrorKind::Syntax),
            ("/Statement/0/Effect", PolicyErrorKind::LegacyParsing),
            ("/Statement/0/Resource", PolicyErrorKind::ResourceFormat),
            ("/Statement/0/Action", PolicyErrorKind::ActionFormat),
            (
                "/Statement/1/Condition/DateEquals/k",
                PolicyErrorKind::LegacyParsing
            ),
        ]
    );
    assert_eq!(errors.aws_message(), SYNTAX);
    assert_eq!(errors.aws_code(), AwsErrorCode::MalformedPolicyDocument);
    let display = errors.to_string();
    assert!(
        display.contains("unknown top-level element `Foo`"),
        "{display}"
    );
    assert!(display.contains("`nope` is not a valid date"), "{display}");
}
