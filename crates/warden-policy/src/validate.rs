//! Value-level checks of policy elements, with AWS's exact messages (spec policy.md §1.5-§1.7).
//!
//! These functions look at one value at a time; `parse` walks the document, calls them and
//! turns their verdicts into [`crate::PolicyError`]s with paths.

use crate::document::{BaseOperator, ConditionOperator, SetQualifier};

/// AWS's message for grammar violations (§1.6 step 1).
pub(crate) const SYNTAX_MESSAGE: &str = "Syntax errors in policy.";
/// AWS's message for invalid JSON in a trust policy (§1.2.1).
pub(crate) const TRUST_JSON_MESSAGE: &str = "This policy contains invalid Json";
/// AWS's message for managed policies without the current version (§1.4).
pub(crate) const VERSION_MESSAGE: &str = "Policy document must be version 2012-10-17 or greater.";
/// AWS's message for documents its legacy parser rejects (§1.6 step 3).
pub(crate) const LEGACY_MESSAGE: &str = "The policy failed legacy parsing";
/// AWS's message for repeated non-empty Sids (§1.5).
pub(crate) const DUPLICATE_SID_MESSAGE: &str =
    "Statement IDs (SID) in a single policy must be unique.";
/// AWS's message for non-alphanumeric Sids in IAM-stored policies (§1.5).
pub(crate) const SID_FORMAT_MESSAGE: &str = "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*";
/// AWS's message for statements without resources (§1.6 step 6).
pub(crate) const MISSING_RESOURCE_MESSAGE: &str = "Policy statement must contain resources.";
/// AWS's message for statements without actions (§1.6 step 7).
pub(crate) const MISSING_ACTION_MESSAGE: &str = "Policy statement must contain actions.";
/// AWS's message for a principal in an identity policy (§1.6 step 10).
pub(crate) const PRINCIPAL_FORBIDDEN_MESSAGE: &str =
    "Policy document should not specify a principal.";
/// AWS's message for `Resource` in a trust policy (§1.6 step 10).
pub(crate) const TRUST_RESOURCE_MESSAGE: &str = "Has prohibited field Resource";
/// AWS's message for `NotPrincipal` in a trust policy (§1.6 step 10, `VERIFY` wording).
pub(crate) const TRUST_NOT_PRINCIPAL_MESSAGE: &str =
    "AssumeRole policy must not contain NotPrincipal field.";
/// AWS's message for a trust statement without principal (§1.6 step 10).
pub(crate) const TRUST_NO_PRINCIPAL_MESSAGE: &str = "Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!";
/// AWS's message for non-STS actions in a trust policy (§1.6 step 10).
pub(crate) const TRUST_ACTION_MESSAGE: &str =
    "AssumeRole policy may only specify STS AssumeRole actions.";
/// S3's message for a resource policy statement without principal (`VERIFY`: per service).
pub(crate) const RESOURCE_NO_PRINCIPAL_MESSAGE: &str = "Missing required field Principal";
/// Message for RCPs whose principal is not `"*"` (`VERIFY`: Organizations' wording unknown).
pub(crate) const RCP_PRINCIPAL_MESSAGE: &str =
    "The Principal element of a resource control policy must be \"*\".";
/// AWS's generic message for an unacceptable principal element.
pub(crate) const INVALID_PRINCIPAL_MESSAGE: &str = "Invalid principal in policy";

/// The STS actions a trust policy may name (§1.6 step 10), compared case-insensitively.
/// `VERIFY`: whether `*`, `sts:*` or `sts:Assume*` are accepted; until then only these.
const TRUST_ACTIONS: [&str; 6] = [
    "sts:AssumeRole",
    "sts:AssumeRoleWithSAML",
    "sts:AssumeRoleWithWebIdentity",
    "sts:TagSession",
    "sts:SetSourceIdentity",
    "sts:SetContext",
];

/// Partitions accepted in resource ARNs (§1.6 step 4).
const PARTITIONS: [&str; 9] = [
    "aws",
    "aws-cn",
    "aws-us-gov",
    "aws-iso",
    "aws-iso-b",
    "aws-iso-e",
    "aws-iso-f",
    "aws-eusc",
    "*",
];

/// Resource-part prefixes of IAM ARNs (§1.6 step 4).
const IAM_RESOURCE_PREFIXES: [&str; 13] = [
    "user/",
    "federated-user/",
    "role/",
    "group/",
    "instance-profile/",
    "mfa/",
    "server-certificate/",
    "policy/",
    "sms-mfa/",
    "saml-provider/",
    "oidc-provider/",
    "report/",
    "access-report/",
];

/// Whether AWS's legacy parser rejects this resource (§1.6 step 3): an `arn:` string with
/// `::` but fewer than five colons (`arn:aws:s3::bucket`), or with an empty service field
/// (`arn:aws::fdsasf`). Only `arn:`-prefixed strings are read as ARNs by that parser:
/// `aws:s3:::example_bucket` gets the partition message of step 4 instead (§1.6.2).
pub(crate) fn resource_fails_legacy_parsing(resource: &str) -> bool {
    if !resource.starts_with("arn:") {
        return false;
    }
    let colons = resource.matches(':').count();
    (resource.contains("::") && colons < 5) || resource.split(':').nth(2) == Some("")
}

/// The resource-format message AWS gives for `resource`, if any (§1.6 step 4).
pub(crate) fn resource_format_problem(resource: &str) -> Option<String> {
    if resource == "*" {
        return None;
    }
    if !resource.contains(':') {
        return Some(format!(
            "Resource {resource} must be in ARN format or \"*\"."
        ));
    }
    // The first field is not looked at (`a:bsdfdsafsad` is judged by its partition).
    let fields: Vec<&str> = resource.splitn(6, ':').collect();
    let field = |i: usize| fields.get(i).copied();
    let partition = field(1).unwrap_or_default();
    if !PARTITIONS.contains(&partition) {
        let shown: Vec<&str> = (2..6).map(|i| field(i).unwrap_or("*")).collect();
        return Some(format!(
            "Partition \"{partition}\" is not valid for resource \"arn:{partition}:{}\".",
            shown.join(":")
        ));
    }
    let service = field(2).unwrap_or_default();
    // Wildcards are allowed in every ARN field except the service (§1.8).
    if service.is_empty() || service.contains(['*', '?']) {
        return Some(
            "Resource vendor must be fully qualified and cannot contain regexes.".to_owned(),
        );
    }
    // A wildcard region (`arn:aws:s3:*` covers every S3 ARN, spec §7 case 7) is not region
    // information.
    let region = field(3).unwrap_or_default().trim_matches('*');
    let resource_part = field(5);
    if service == "iam" && !region.is_empty() {
        return Some(format!(
            "IAM resource {resource} cannot contain region information."
        ));
    }
    if service == "s3"
        && !region.is_empty()
        && !resource_part.is_some_and(|r| r.starts_with("accesspoint/"))
    {
        return Some(format!(
            "Resource {resource} can not contain region information."
        ));
    }
    if service == "iam" {
        let part = resource_part.unwrap_or_default();
        let allowed = part == "*"
            || part == "root"
            || IAM_RESOURCE_PREFIXES.iter().any(|p| part.starts_with(p));
        if !allowed {
            return Some(format!(
                "IAM resource path must either be \"*\", root, or start with {}.",
                IAM_RESOURCE_PREFIXES.join(", ")
            ));
        }
    }
    None
}

/// The action-syntax message AWS gives for `action`, if any (§1.6 step 9). The name part
/// after the colon is not validated (`iam: asdf safdsf af ` is accepted).
pub(crate) fn action_problem(action: &str) -> Option<String> {
    if action == "*" {
        return None;
    }
    let mut parts = action.split(':');
    let vendor = parts.next().unwrap_or_default();
    match parts.count() {
        0 => Some(
            "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.".into(),
        ),
        1 if vendor
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-') =>
        {
            None
        }
        1 => Some(format!("Vendor {vendor} is not valid")),
        _ => Some("Actions/Condition can contain only one colon.".into()),
    }
}

/// Whether `action` is one of the STS actions a trust policy may name.
pub(crate) fn is_trust_action(action: &str) -> bool {
    TRUST_ACTIONS.iter().any(|a| a.eq_ignore_ascii_case(action))
}

/// Whether a Sid satisfies `[0-9A-Za-z]*`.
pub(crate) fn sid_is_alphanumeric(sid: &str) -> bool {
    sid.chars().all(|c| c.is_ascii_alphanumeric())
}

/// Whether `value` is an acceptable `AWS` principal (§1.7.1): `*`, an account id, an
/// IAM root/user/role ARN, an STS assumed-role or federated-user ARN, or a unique id.
/// Wildcards anywhere but a bare `*` are invalid.
pub(crate) fn aws_principal_is_valid(value: &str) -> bool {
    if value == "*" {
        return true;
    }
    if value.contains(['*', '?']) {
        return false;
    }
    if value.len() == 12 && value.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    if is_unique_id(value) {
        return true;
    }
    let fields: Vec<&str> = value.splitn(6, ':').collect();
    let [arn, partition, service, region, account, resource] = fields.as_slice() else {
        return false;
    };
    let account_ok = account.len() == 12 && account.bytes().all(|b| b.is_ascii_digit());
    if *arn != "arn" || !PARTITIONS.contains(partition) || !region.is_empty() || !account_ok {
        return false;
    }
    match *service {
        "iam" => {
            *resource == "root"
                || entity_path_and_name(resource, "user/")
                || entity_path_and_name(resource, "role/")
        }
        "sts" => {
            if let Some(rest) = resource.strip_prefix("assumed-role/") {
                matches!(rest.split_once('/'), Some((role, session)) if !role.is_empty() && !session.is_empty() && !session.contains('/'))
            } else if let Some(name) = resource.strip_prefix("federated-user/") {
                !name.is_empty() && !name.contains('/')
            } else {
                false
            }
        }
        _ => false,
    }
}

/// `user/Bob`, `role/path/to/R`: the prefix, an optional path, a non-empty name.
fn entity_path_and_name(resource: &str, prefix: &str) -> bool {
    resource
        .strip_prefix(prefix)
        .and_then(|rest| rest.rsplit('/').next())
        .is_some_and(|name| !name.is_empty())
}

/// IAM unique ids of users (`AIDA...`) and roles (`AROA...`): the prefix and upper-case
/// letters/digits, at most 128 characters (AWS issues 21; shorter ones are accepted since
/// save-time resolution, not syntax, decides whether the id exists).
fn is_unique_id(value: &str) -> bool {
    (value.starts_with("AIDA") || value.starts_with("AROA"))
        && (5..=128).contains(&value.len())
        && value
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// Whether a `Service`/`Federated`/`CanonicalUser` principal value is acceptable: not
/// empty, and no wildcard other than a bare `*` (§1.7.1).
pub(crate) fn other_principal_is_valid(value: &str) -> bool {
    value == "*" || (!value.is_empty() && !value.contains(['*', '?']))
}

/// How a condition operator name reads (§1.6 step 1, §3.3).
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum OperatorName {
    /// A known operator.
    Known(ConditionOperator),
    /// Not an operator: tolerated (and dropped) when its body is empty.
    Unknown,
    /// Malformed (`ForAnyValue::StringEquals`, `NullIfExists`): always a syntax error.
    Malformed,
}

/// Parses `[ForAllValues:|ForAnyValue:]Base[IfExists]`, case-sensitively.
pub(crate) fn parse_operator_name(name: &str) -> OperatorName {
    let (qualifier, rest) = if let Some(rest) = name.strip_prefix("ForAllValues:") {
        (Some(SetQualifier::ForAllValues), rest)
    } else if let Some(rest) = name.strip_prefix("ForAnyValue:") {
        (Some(SetQualifier::ForAnyValue), rest)
    } else {
        (None, name)
    };
    if qualifier.is_some() && rest.starts_with(':') {
        return OperatorName::Malformed;
    }
    let (base_name, if_exists) = match rest.strip_suffix("IfExists") {
        Some(base) => (base, true),
        None => (rest, false),
    };
    let Some(base) = BaseOperator::ALL
        .into_iter()
        .find(|op| op.name() == base_name)
    else {
        return OperatorName::Unknown;
    };
    if base == BaseOperator::Null && if_exists {
        // `Null` already is about existence; AWS rejects the combination.
        return OperatorName::Malformed;
    }
    OperatorName::Known(ConditionOperator {
        qualifier,
        base,
        if_exists,
    })
}

/// Whether values of this operator must be dates (checked by the legacy parser).
pub(crate) fn is_date_operator(base: BaseOperator) -> bool {
    matches!(
        base,
        BaseOperator::DateEquals
            | BaseOperator::DateNotEquals
            | BaseOperator::DateLessThan
            | BaseOperator::DateLessThanEquals
            | BaseOperator::DateGreaterThan
            | BaseOperator::DateGreaterThanEquals
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! resource_cases {
        ($($name:ident: $r:expr => $expected:expr;)*) => {$(
            #[test]
            fn $name() {
                let expected: Option<&str> = $expected;
                assert_eq!(resource_format_problem($r).as_deref(), expected);
            }
        )*};
    }

    resource_cases! {
        star: "*" => None;
        s3_bucket: "arn:aws:s3:::bucket/*" => None;
        unknown_service: "arn:aws:fdsasf" => None;
        unknown_service_region: "arn:aws:invalid-service:us-east-1::x" => None;
        access_point_with_region: "arn:aws:s3:us-west-2:123456789012:accesspoint/x" => None;
        iam_user: "arn:aws:iam::111122223333:user/a/b" => None;
        iam_root: "arn:aws:iam::111122223333:root" => None;
        wildcard_partition: "arn:*:iam::*:role/*" => None;
        s3_wildcard_region_spans_fields: "arn:aws:s3:*" => None;
        iam_wildcard_region: "arn:aws:iam:*:*:user/*" => None;
        not_arn: "invalid resource" => Some("Resource invalid resource must be in ARN format or \"*\".");
        empty: "" => Some("Resource  must be in ARN format or \"*\".");
        bad_partition_short: "a:bsdfdsafsad" => Some("Partition \"bsdfdsafsad\" is not valid for resource \"arn:bsdfdsafsad:*:*:*:*\".");
        bad_partition_shifted: "aws:s3:::example_bucket" => Some("Partition \"s3\" is not valid for resource \"arn:s3:::example_bucket:*\".");
        extra_fields_kept: "x:y:a:b:c:d:e" => Some("Partition \"y\" is not valid for resource \"arn:y:a:b:c:d:e\".");
        partition_only: "arn:aws" => Some("Resource vendor must be fully qualified and cannot contain regexes.");
        wildcard_vendor: "arn:aws:s*:::x" => Some("Resource vendor must be fully qualified and cannot contain regexes.");
        iam_region: "arn:aws:iam:us-east-1::x" => Some("IAM resource arn:aws:iam:us-east-1::x cannot contain region information.");
        s3_region: "arn:aws:s3:us-east-1::x" => Some("Resource arn:aws:s3:us-east-1::x can not contain region information.");
        iam_path: "arn:aws:iam:::example_bucket" => Some("IAM resource path must either be \"*\", root, or start with user/, federated-user/, role/, group/, instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, oidc-provider/, report/, access-report/.");
    }

    #[test]
    fn legacy_resource_rules() {
        assert!(resource_fails_legacy_parsing("arn:aws:s3::example_bucket"));
        assert!(resource_fails_legacy_parsing("arn:aws::::x"));
        assert!(resource_fails_legacy_parsing("arn:aws::fdsasf"));
        assert!(!resource_fails_legacy_parsing("arn:aws:fdsasf"));
        assert!(!resource_fails_legacy_parsing("arn:aws:s3:::b"));
        assert!(!resource_fails_legacy_parsing("aws:s3:::example_bucket"));
        assert!(!resource_fails_legacy_parsing("arn:aws"));
    }

    macro_rules! action_cases {
        ($($name:ident: $a:expr => $expected:expr;)*) => {$(
            #[test]
            fn $name() {
                let expected: Option<&str> = $expected;
                assert_eq!(action_problem($a).as_deref(), expected);
            }
        )*};
    }

    action_cases! {
        action_star: "*" => None;
        action_plain: "iam:GetUser" => None;
        action_name_unchecked: "iam: asdf safdsf af " => None;
        action_vendor_dash_dot: "my-vendor.x:Do" => None;
        action_no_vendor: "invalid" => Some("Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.");
        action_empty: "" => Some("Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.");
        action_bad_vendor: "a a:ListBucket" => Some("Vendor a a is not valid");
        action_wild_vendor: "s*:Get" => Some("Vendor s* is not valid");
        action_two_colons: "s3:List:Bucket" => Some("Actions/Condition can contain only one colon.");
    }

    #[test]
    fn operator_names() {
        use BaseOperator as B;
        let known = |name| match parse_operator_name(name) {
            OperatorName::Known(op) => op,
            other => panic!("{name}: {other:?}"),
        };
        let op = known("ForAnyValue:StringEqualsIfExists");
        assert_eq!(
            (op.qualifier, op.base, op.if_exists),
            (Some(SetQualifier::ForAnyValue), B::StringEquals, true)
        );
        assert_eq!(known("Null").base, B::Null);
        assert_eq!(
            known("ForAllValues:ArnLike").qualifier,
            Some(SetQualifier::ForAllValues)
        );
        for op in BaseOperator::ALL {
            assert_eq!(known(op.name()).base, op);
        }
        assert_eq!(
            parse_operator_name("ForAnyValue::StringEquals"),
            OperatorName::Malformed
        );
        assert_eq!(parse_operator_name("NullIfExists"), OperatorName::Malformed);
        assert_eq!(parse_operator_name("stringequals"), OperatorName::Unknown);
        assert_eq!(parse_operator_name("x"), OperatorName::Unknown);
        assert_eq!(parse_operator_name("IfExists"), OperatorName::Unknown);
        assert_eq!(parse_operator_name("ForAnyValue:"), OperatorName::Unknown);
        assert_eq!(
            parse_operator_name("StringEqualsIfExistsIfExists"),
            OperatorName::Unknown
        );
    }

    #[test]
    fn aws_principals() {
        for ok in [
            "*",
            "111122223333",
            "arn:aws:iam::111122223333:root",
            "arn:aws:iam::111122223333:user/Bob",
            "arn:aws:iam::111122223333:user/path/Bob",
            "arn:aws:iam::111122223333:role/app/R",
            "arn:aws-cn:iam::111122223333:role/R",
            "arn:aws:sts::111122223333:assumed-role/R/sess",
            "arn:aws:sts::111122223333:federated-user/Alice",
            "AIDAJQABLZS4A3QDU576Q",
            "AROAJQABLZS4A3QDU576Q",
        ] {
            assert!(aws_principal_is_valid(ok), "{ok} should be valid");
        }
        for bad in [
            "",
            "arn:aws:iam::111122223333:user/*",
            "11112222333*",
            "1111222233",
            "arn:aws:iam::111122223333:group/G",
            "arn:aws:iam::111122223333:user/",
            "arn:aws:iam:us-east-1:111122223333:root",
            "arn:aws:s3:::bucket",
            "arn:aws:sts::111122223333:assumed-role/R",
            "arn:aws:iam::abc:root",
            "AIDAlower",
            "someone",
        ] {
            assert!(!aws_principal_is_valid(bad), "{bad} should be invalid");
        }
    }

    #[test]
    fn trust_actions_are_case_insensitive() {
        assert!(is_trust_action("STS:assumerole"));
        assert!(is_trust_action("sts:SetContext"));
        assert!(!is_trust_action("sts:*"));
        assert!(!is_trust_action("*"));
    }
}
