//! The AST built by `parse_policy` (document.rs) and hostile-input behaviour.

use std::time::{Duration, Instant};

use warden_policy::document::{
    BaseOperator, Condition, ConditionOperator, Effect, PolicyKind, SetQualifier, SourcePosition,
    Version,
};
use warden_policy::{AwsErrorCode, PolicyErrorKind, parse_policy, parse_policy_bytes};

fn pos(line: u32, column: u32) -> SourcePosition {
    SourcePosition { line, column }
}

#[test]
fn full_document_is_populated() {
    let text = r#"{
  "Version": "2012-10-17",
  "Id": "doc-1",
  "Statement": [
    {
      "Sid": "First",
      "Effect": "Allow",
      "Action": ["iam:Get*", "IAM:listusers"],
      "Resource": ["arn:aws:iam::111122223333:user/${aws:username}", null],
      "Condition": {
        "StringEquals": {"aws:PrincipalTag/team": ["blue", "green"], "aws:username": "alice"},
        "ForAnyValue:StringLikeIfExists": {"aws:TagKeys": "k*"},
        "NumericLessThan": {"s3:max-keys": [10, 1.50, -2e3]},
        "Bool": {"aws:SecureTransport": false},
        "Unknown": {},
        "DateGreaterThan": {"aws:CurrentTime": []}
      }
    },
    {"Effect": "Deny", "NotAction": "s3:*", "NotResource": "arn:aws:s3:::hr/*"}
  ]
}"#;
    let doc = parse_policy(text, PolicyKind::Managed).unwrap();
    assert_eq!(doc.version, Version::V2012_10_17);
    assert!(doc.version_written);
    assert_eq!(doc.id.as_deref(), Some("doc-1"));
    assert_eq!(doc.statements.len(), 2);

    let s0 = &doc.statements[0];
    assert_eq!(s0.sid.as_deref(), Some("First"));
    assert_eq!(s0.effect, Effect::Allow);
    assert_eq!(s0.principal, None);
    assert!(!s0.action.negated);
    assert_eq!(s0.action.patterns, ["iam:Get*", "IAM:listusers"]);
    let resource = s0.resource.as_ref().unwrap();
    assert!(!resource.negated);
    assert_eq!(
        resource.patterns,
        ["arn:aws:iam::111122223333:user/${aws:username}"]
    );
    let op = |qualifier, base, if_exists| ConditionOperator {
        qualifier,
        base,
        if_exists,
    };
    let cond = |operator, key: &str, values: &[&str]| Condition {
        operator,
        key: key.to_owned(),
        values: values.iter().map(|v| (*v).to_owned()).collect(),
    };
    assert_eq!(
        s0.conditions,
        [
            cond(
                op(None, BaseOperator::StringEquals, false),
                "aws:PrincipalTag/team",
                &["blue", "green"]
            ),
            cond(
                op(None, BaseOperator::StringEquals, false),
                "aws:username",
                &["alice"]
            ),
            cond(
                op(
                    Some(SetQualifier::ForAnyValue),
                    BaseOperator::StringLike,
                    true
                ),
                "aws:TagKeys",
                &["k*"]
            ),
            cond(
                op(None, BaseOperator::NumericLessThan, false),
                "s3:max-keys",
                &["10", "1.50", "-2e3"]
            ),
            cond(
                op(None, BaseOperator::Bool, false),
                "aws:SecureTransport",
                &["false"]
            ),
            cond(
                op(None, BaseOperator::DateGreaterThan, false),
                "aws:CurrentTime",
                &[]
            ),
        ]
    );
    assert_eq!(s0.span.start, pos(5, 5));
    assert_eq!(s0.span.end, pos(18, 6));

    let s1 = &doc.statements[1];
    assert_eq!(s1.sid, None);
    assert_eq!(s1.effect, Effect::Deny);
    assert!(s1.action.negated);
    assert_eq!(s1.action.patterns, ["s3:*"]);
    let r1 = s1.resource.as_ref().unwrap();
    assert!(r1.negated);
    assert_eq!(r1.patterns, ["arn:aws:s3:::hr/*"]);
    assert!(s1.conditions.is_empty());
    assert_eq!(s1.span.start, pos(19, 5));
    assert_eq!(s1.span.end, pos(19, 80));
}

#[test]
fn single_statement_object_and_missing_version() {
    let text = r#"{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"#;
    let doc = parse_policy(text, PolicyKind::Inline).unwrap();
    assert_eq!(doc.version, Version::V2008_10_17);
    assert!(!doc.version_written);
    assert_eq!(doc.id, None);
    assert_eq!(doc.statements.len(), 1);
    assert_eq!(doc.statements[0].span.start, pos(1, 14));
    assert_eq!(doc.statements[0].span.end, pos(1, 60));
}

#[test]
fn explicit_2008_version_is_recorded() {
    let text =
        r#"{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#;
    let doc = parse_policy(text, PolicyKind::Inline).unwrap();
    assert_eq!(doc.version, Version::V2008_10_17);
    assert!(doc.version_written);
}

#[test]
fn span_columns_count_characters_not_bytes() {
    let text = "{\"Id\":\"żółw\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
    let doc = parse_policy(text, PolicyKind::Inline).unwrap();
    // `{"Id":"żółw","Statement":[` is 26 characters (29 bytes).
    assert_eq!(doc.statements[0].span.start, pos(1, 27));
}

#[test]
fn principals_are_populated() {
    let text = r#"{"Version":"2012-10-17","Statement":[
        {"Effect":"Allow","Principal":{"AWS":["111122223333","arn:aws:iam::111122223333:role/R"],"Service":"ec2.amazonaws.com","Federated":["accounts.google.com"],"CanonicalUser":"abc"},"Action":"s3:GetObject","Resource":"*"},
        {"Effect":"Deny","NotPrincipal":"*","Action":"s3:*","Resource":"*"}
    ]}"#;
    let doc = parse_policy(text, PolicyKind::Resource).unwrap();
    let p0 = doc.statements[0].principal.as_ref().unwrap();
    assert!(!p0.negated);
    assert!(!p0.principals.wildcard);
    assert_eq!(
        p0.principals.aws,
        ["111122223333", "arn:aws:iam::111122223333:role/R"]
    );
    assert_eq!(p0.principals.service, ["ec2.amazonaws.com"]);
    assert_eq!(p0.principals.federated, ["accounts.google.com"]);
    assert_eq!(p0.principals.canonical_user, ["abc"]);
    let p1 = doc.statements[1].principal.as_ref().unwrap();
    assert!(p1.negated);
    assert!(p1.principals.wildcard);
    assert!(p1.principals.aws.is_empty());
}

#[test]
fn trust_statements_have_no_resource() {
    let text = r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}}"#;
    let doc = parse_policy(text, PolicyKind::Trust).unwrap();
    let s = &doc.statements[0];
    assert_eq!(s.resource, None);
    assert_eq!(s.principal.as_ref().unwrap().principals.aws, ["*"]);
}

#[test]
fn escapes_are_decoded() {
    let text = r#"{"Statement":{"Effect":"Allow","Action":"s3:Get\u002A","Resource":"arn:aws:s3:::b\/x\ud83d\ude00"}}"#;
    let doc = parse_policy(text, PolicyKind::Inline).unwrap();
    assert_eq!(doc.statements[0].action.patterns, ["s3:Get*"]);
    assert_eq!(
        doc.statements[0].resource.as_ref().unwrap().patterns,
        ["arn:aws:s3:::b/x😀"]
    );
}

fn assert_quick_rejection(bytes: &[u8], expected: PolicyErrorKind) {
    let started = Instant::now();
    let result = parse_policy_bytes(bytes, PolicyKind::Managed);
    let elapsed = started.elapsed();
    let Err(errors) = result else {
        unreachable!("hostile input must be rejected")
    };
    assert_eq!(errors.aws_error().kind(), expected, "{errors}");
    assert!(elapsed < Duration::from_secs(2), "took {elapsed:?}");
}

#[test]
fn ten_megabyte_input_is_rejected_quickly() {
    let big = vec![b' '; 10 * 1024 * 1024];
    assert_quick_rejection(&big, PolicyErrorKind::DocumentTooLong { limit: 131_072 });
    let errors = parse_policy_bytes(&big, PolicyKind::Managed).unwrap_err();
    assert_eq!(errors.aws_code(), AwsErrorCode::ValidationError);
}

#[test]
fn just_over_the_raw_limit_is_rejected() {
    let text = format!(
        r#"{{"Statement":{{"Sid":"{}","Effect":"Allow","Action":"*","Resource":"*"}}}}"#,
        "a".repeat(131_072)
    );
    assert_quick_rejection(
        text.as_bytes(),
        PolicyErrorKind::DocumentTooLong { limit: 131_072 },
    );
}

#[test]
fn multibyte_text_under_the_character_limit_is_not_too_long() {
    // 100,000 characters, 200,000 bytes: over the limit in bytes, under it in characters.
    let text = format!(
        r#"{{"Statement":{{"Sid":"{}","Effect":"Allow","Action":"*","Resource":"*"}}}}"#,
        "é".repeat(100_000)
    );
    assert!(parse_policy(&text, PolicyKind::Resource).is_err());
    assert!(parse_policy(&text, PolicyKind::Session).is_err());
    let inline = parse_policy(&text, PolicyKind::Inline).unwrap_err();
    assert_eq!(inline.aws_error().kind(), PolicyErrorKind::SidFormat);
}

#[test]
fn deep_nesting_is_rejected_quickly() {
    let deep = "[".repeat(100_000);
    assert_quick_rejection(deep.as_bytes(), PolicyErrorKind::InvalidJson);
    let deep_condition = format!(
        r#"{{"Statement":{{"Effect":"Allow","Action":"*","Resource":"*","Condition":{}}}}}"#,
        "{\"a\":".repeat(100)
    );
    assert_quick_rejection(deep_condition.as_bytes(), PolicyErrorKind::InvalidJson);
}

#[test]
fn huge_arrays_are_handled_linearly() {
    let items = vec!["\"s3:GetObject\""; 7_000].join(",");
    let text = format!(r#"{{"Statement":{{"Effect":"Allow","Action":[{items}],"Resource":"*"}}}}"#);
    let started = Instant::now();
    let doc = parse_policy(&text, PolicyKind::Inline).unwrap();
    assert_eq!(doc.statements[0].action.patterns.len(), 7_000);
    assert!(started.elapsed() < Duration::from_secs(2));
    let many_statements =
        vec![r#"{"Effect":"Allow","Action":"*","Resource":"*"}"#; 2_500].join(",");
    let text = format!(r#"{{"Statement":[{many_statements}]}}"#);
    let doc = parse_policy(&text, PolicyKind::Inline).unwrap();
    assert_eq!(doc.statements.len(), 2_500);
    assert_eq!(doc.statements[2_499].span.end.column, text.len() as u32 - 1);
}

#[test]
fn invalid_utf8_is_invalid_json() {
    let bytes = b"{\"Statement\":{\"Effect\":\"Allow\xff\"}}";
    let errors = parse_policy_bytes(bytes, PolicyKind::Trust).unwrap_err();
    assert_eq!(errors.aws_error().kind(), PolicyErrorKind::InvalidJson);
    assert_eq!(errors.aws_message(), "This policy contains invalid Json");
    assert!(errors.to_string().contains("not valid UTF-8"), "{errors}");
}

#[test]
fn lone_surrogates_are_rejected() {
    for escape in [r"\ud800", r"\udfff", r"\ud800\u0041", r"\ud800x"] {
        let text = format!(
            r#"{{"Statement":{{"Effect":"Allow","Action":"s3:{escape}","Resource":"*"}}}}"#
        );
        let errors = parse_policy(&text, PolicyKind::Inline).unwrap_err();
        assert_eq!(
            errors.aws_error().kind(),
            PolicyErrorKind::InvalidJson,
            "{escape}"
        );
        assert!(errors.to_string().contains("surrogate"), "{errors}");
    }
}

#[test]
fn json_errors_carry_line_and_column() {
    let text = "{\n  \"Statement\": [\n    {\"Effect\": \"Allow\",,}\n  ]\n}";
    let errors = parse_policy(text, PolicyKind::Inline).unwrap_err();
    let message = errors.errors()[0].message();
    assert!(message.contains("line 3, column 24"), "{message}");
}
