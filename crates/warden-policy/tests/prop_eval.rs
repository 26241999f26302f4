//! Property tests of evaluation (guide §4): an explicit deny dominates; adding an Allow
//! statement never turns Allow into a denial nor ExplicitDeny into Allow; adding a Deny
//! never turns a denial into Allow; the fast path and `explain` agree.
//!
//! Policies are generated as ASTs (the parser is tested elsewhere) from small alphabets of
//! patterns and conditions so that matches are frequent.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "property-test helpers index fixed tables with generated in-range indices"
)]

use proptest::prelude::*;
use warden_policy::document::{
    ActionClause, BaseOperator, Condition, ConditionOperator, Effect, PolicyDocument,
    ResourceClause, SetQualifier, SourceSpan, Statement, Version,
};
use warden_policy::{
    Context, Decision, EvaluationInput, PolicySet, PolicySource, PolicyType, Principal, Request,
    evaluate, explain,
};

const ACTIONS: &[&str] = &[
    "*",
    "s3:*",
    "s3:Get*",
    "s3:GetObject",
    "S3:putobject",
    "iam:*",
    "iam:G?tUser",
    "iam:CreateUser",
    "ec2:Describe*",
    "ec2:RunInstances",
];
const RESOURCES: &[&str] = &[
    "*",
    "arn:aws:s3:::b/*",
    "arn:aws:s3:::b/k",
    "arn:aws:s3:*",
    "arn:aws:iam::111122223333:user/${aws:username}",
    "arn:aws:iam::*:user/*",
    "arn:aws:ec2:*:*:instance/*",
    "arn:aws:s3:::${aws:PrincipalTag/team, 'x'}/*",
];
const REQUEST_ACTIONS: &[&str] = &[
    "s3:GetObject",
    "s3:PutObject",
    "iam:GetUser",
    "iam:CreateUser",
    "ec2:DescribeInstances",
    "ec2:RunInstances",
    "kms:Decrypt",
];
const REQUEST_RESOURCES: &[&str] = &[
    "*",
    "arn:aws:s3:::b/k",
    "arn:aws:s3:::x/k",
    "arn:aws:iam::111122223333:user/alice",
    "arn:aws:iam::111122223333:user/bob",
    "arn:aws:ec2:us-east-1:111122223333:instance/i-1",
];

fn operator(q: Option<SetQualifier>, base: BaseOperator, if_exists: bool) -> ConditionOperator {
    ConditionOperator {
        qualifier: q,
        base,
        if_exists,
    }
}

fn conditions() -> Vec<Condition> {
    use BaseOperator as B;
    let c = |op: ConditionOperator, key: &str, values: &[&str]| Condition {
        operator: op,
        key: key.to_owned(),
        values: values.iter().map(|v| (*v).to_owned()).collect(),
    };
    vec![
        c(
            operator(None, B::StringEquals, false),
            "aws:username",
            &["alice"],
        ),
        c(
            operator(None, B::Bool, false),
            "aws:MultiFactorAuthPresent",
            &["true"],
        ),
        c(
            operator(None, B::Bool, true),
            "aws:MultiFactorAuthPresent",
            &["false"],
        ),
        c(
            operator(None, B::IpAddress, false),
            "aws:SourceIp",
            &["10.0.0.0/8"],
        ),
        c(
            operator(None, B::NotIpAddress, false),
            "aws:SourceIp",
            &["10.0.0.0/8"],
        ),
        c(
            operator(None, B::StringLike, false),
            "s3:prefix",
            &["a*", "${aws:username}/*"],
        ),
        c(
            operator(None, B::StringNotEquals, false),
            "aws:PrincipalTag/team",
            &["blue"],
        ),
        c(
            operator(Some(SetQualifier::ForAllValues), B::StringEquals, false),
            "aws:TagKeys",
            &["a", "b"],
        ),
        c(
            operator(Some(SetQualifier::ForAnyValue), B::StringEquals, false),
            "aws:TagKeys",
            &["b"],
        ),
        c(operator(None, B::Null, false), "aws:TagKeys", &["false"]),
        c(
            operator(None, B::DateLessThan, false),
            "aws:CurrentTime",
            &["2030-01-01T00:00:00Z"],
        ),
        c(
            operator(None, B::NumericLessThan, false),
            "s3:max-keys",
            &["10"],
        ),
    ]
}

fn statement_strategy() -> impl Strategy<Value = Statement> {
    (
        prop::bool::weighted(0.25),
        prop::bool::weighted(0.15),
        prop::collection::vec(0..ACTIONS.len(), 1..3),
        prop::bool::weighted(0.15),
        prop::collection::vec(0..RESOURCES.len(), 1..3),
        prop::collection::vec(0..conditions().len(), 0..3),
    )
        .prop_map(|(deny, not_action, acts, not_resource, res, conds)| {
            let all = conditions();
            Statement {
                sid: None,
                effect: if deny { Effect::Deny } else { Effect::Allow },
                principal: None,
                action: ActionClause {
                    negated: not_action,
                    patterns: acts.iter().map(|i| ACTIONS[*i].to_owned()).collect(),
                },
                resource: Some(ResourceClause {
                    negated: not_resource,
                    patterns: res.iter().map(|i| RESOURCES[*i].to_owned()).collect(),
                }),
                conditions: conds.iter().map(|i| all[*i].clone()).collect(),
                span: SourceSpan::default(),
            }
        })
}

fn doc(statements: Vec<Statement>) -> PolicyDocument {
    PolicyDocument {
        version: Version::V2012_10_17,
        version_written: true,
        id: None,
        statements,
    }
}

fn context_strategy() -> impl Strategy<Value = Context> {
    (
        prop::option::of(prop::bool::ANY),
        prop::option::of(prop_oneof![Just("10.1.2.3"), Just("203.0.113.9")]),
        prop::option::of(prop_oneof![Just("abc"), Just("alice/x"), Just("zzz")]),
        prop::option::of(prop::collection::vec(
            prop_oneof![Just("a"), Just("b"), Just("c")],
            0..3,
        )),
        prop::option::of(prop_oneof![
            Just("2026-05-01T00:00:00Z"),
            Just("2031-01-01T00:00:00Z")
        ]),
        prop::option::of(prop_oneof![Just("5"), Just("10.0"), Just("x")]),
    )
        .prop_map(|(mfa, ip, prefix, tags, now, max)| {
            let mut b = Context::builder();
            if let Some(m) = mfa {
                b = b.boolean("aws:MultiFactorAuthPresent", m);
            }
            if let Some(ip) = ip {
                b = b.ip("aws:SourceIp", ip);
            }
            if let Some(p) = prefix {
                b = b.string("s3:prefix", p);
            }
            if let Some(t) = tags {
                b = b.strings("aws:TagKeys", t);
            }
            if let Some(n) = now {
                b = b.auto("aws:CurrentTime", n);
            }
            if let Some(m) = max {
                b = b.numeric("s3:max-keys", m);
            }
            b.build()
        })
}

fn principal_strategy() -> impl Strategy<Value = Principal> {
    prop_oneof![
        Just(Principal::user(
            "arn:aws:iam::111122223333:user/alice",
            "AIDAALICE"
        )),
        Just(
            Principal::user("arn:aws:iam::111122223333:user/bob", "AIDABOB")
                .with_tags([("team", "blue")])
        ),
        Just(Principal::role_session(
            "arn:aws:iam::111122223333:role/R",
            "AROAR",
            "s1"
        )),
    ]
}

fn compile(principal: &Principal, t: PolicyType, docs: &[PolicyDocument]) -> PolicySet {
    let sources: Vec<PolicySource<'_>> =
        docs.iter().map(|d| PolicySource::new("p", t, d)).collect();
    PolicySet::compile(principal, &sources)
}

fn decide(
    principal: &Principal,
    identity: &[Statement],
    action: &str,
    resource: &str,
    ctx: &Context,
) -> Decision {
    let set = compile(principal, PolicyType::Identity, &[doc(identity.to_vec())]);
    let input = EvaluationInput::new(principal, &set);
    let request = Request {
        action,
        resource,
        context: ctx,
    };
    let v = evaluate(&input, &request);
    assert_eq!(v, explain(&input, &request).verdict);
    v.decision
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn explicit_deny_dominates(
        principal in principal_strategy(),
        statements in prop::collection::vec(statement_strategy(), 0..8),
        action in 0..REQUEST_ACTIONS.len(),
        resource in 0..REQUEST_RESOURCES.len(),
        ctx in context_strategy(),
        deny_by_name in prop::bool::ANY,
    ) {
        let action = REQUEST_ACTIONS[action];
        let resource = REQUEST_RESOURCES[resource];
        let mut with_deny = statements;
        with_deny.push(Statement {
            sid: None,
            effect: Effect::Deny,
            principal: None,
            action: ActionClause { negated: false, patterns: vec![if deny_by_name { action.to_owned() } else { "*".to_owned() }] },
            resource: Some(ResourceClause { negated: false, patterns: vec!["*".to_owned()] }),
            conditions: Vec::new(),
            span: SourceSpan::default(),
        });
        prop_assert_eq!(decide(&principal, &with_deny, action, resource, &ctx), Decision::ExplicitDeny);
    }

    #[test]
    fn adding_statements_is_monotone(
        principal in principal_strategy(),
        statements in prop::collection::vec(statement_strategy(), 0..8),
        extra in statement_strategy(),
        action in 0..REQUEST_ACTIONS.len(),
        resource in 0..REQUEST_RESOURCES.len(),
        ctx in context_strategy(),
    ) {
        let action = REQUEST_ACTIONS[action];
        let resource = REQUEST_RESOURCES[resource];
        let before = decide(&principal, &statements, action, resource, &ctx);
        let effect = extra.effect;
        let mut more = statements;
        more.push(extra);
        let after = decide(&principal, &more, action, resource, &ctx);
        match effect {
            Effect::Allow => {
                // An Allow never turns Allow into a denial, nor ExplicitDeny into Allow.
                if before == Decision::Allow { prop_assert_eq!(after, Decision::Allow); }
                if before == Decision::ExplicitDeny { prop_assert_eq!(after, Decision::ExplicitDeny); }
            }
            Effect::Deny => {
                // A Deny never turns a denial into Allow.
                if before != Decision::Allow { prop_assert_ne!(after, Decision::Allow); }
                if before == Decision::ExplicitDeny { prop_assert_eq!(after, Decision::ExplicitDeny); }
            }
        }
    }

    #[test]
    fn fast_path_and_explain_agree_with_all_sets(
        principal in principal_strategy(),
        identity in prop::collection::vec(statement_strategy(), 0..6),
        boundary in prop::option::of(prop::collection::vec(statement_strategy(), 0..4)),
        session in prop::option::of(prop::collection::vec(statement_strategy(), 0..4)),
        scp in prop::collection::vec(prop::collection::vec(statement_strategy(), 0..3), 0..3),
        action in 0..REQUEST_ACTIONS.len(),
        resource in 0..REQUEST_RESOURCES.len(),
        ctx in context_strategy(),
    ) {
        let principal = principal.with_boundary(boundary.is_some());
        let identity = compile(&principal, PolicyType::Identity, &[doc(identity)]);
        let boundary = boundary.map(|b| compile(&principal, PolicyType::PermissionsBoundary, &[doc(b)]));
        let session = session.map(|s| compile(&principal, PolicyType::Session, &[doc(s)]));
        let scp: Vec<PolicySet> = scp.into_iter().map(|l| compile(&principal, PolicyType::ServiceControl, &[doc(l)])).collect();
        let input = EvaluationInput {
            boundary: boundary.as_ref(),
            session: session.as_ref(),
            scp_levels: &scp,
            ..EvaluationInput::new(&principal, &identity)
        };
        let request = Request { action: REQUEST_ACTIONS[action], resource: REQUEST_RESOURCES[resource], context: &ctx };
        let fast = evaluate(&input, &request);
        let full = explain(&input, &request);
        prop_assert_eq!(fast, full.verdict);
        // Every deciding statement of an explicit deny is among the matched statements.
        if let Some(d) = fast.statement.filter(|_| fast.decision == Decision::ExplicitDeny) {
            prop_assert!(full.matched.iter().any(|m| m.slot == d.slot && m.at == d.at));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// A set that does not read the context decides the same with an empty one: the
    /// service skips building the context then (`PolicySet::reads_context`).
    #[test]
    fn a_set_that_reads_no_context_ignores_it(
        principal in principal_strategy(),
        statements in prop::collection::vec(statement_strategy(), 0..6),
        action in 0..REQUEST_ACTIONS.len(),
        resource in 0..REQUEST_RESOURCES.len(),
        ctx in context_strategy(),
    ) {
        let set = compile(&principal, PolicyType::Identity, &[doc(statements.clone())]);
        let has_conditions = statements.iter().any(|s| !s.conditions.is_empty());
        if has_conditions {
            prop_assert!(set.reads_context());
        }
        if !set.reads_context() {
            let action = REQUEST_ACTIONS[action];
            let resource = REQUEST_RESOURCES[resource];
            prop_assert_eq!(
                decide(&principal, &statements, action, resource, &ctx),
                decide(&principal, &statements, action, resource, &Context::new())
            );
        }
    }
}

#[test]
fn a_resource_variable_resolved_per_request_reads_the_context() {
    let principal = Principal::user("arn:aws:iam::111122223333:user/alice", "AIDAALICE");
    let statement = |resource: &str| Statement {
        sid: None,
        effect: Effect::Allow,
        principal: None,
        action: ActionClause {
            negated: false,
            patterns: vec!["s3:GetObject".to_owned()],
        },
        resource: Some(ResourceClause {
            negated: false,
            patterns: vec![resource.to_owned()],
        }),
        conditions: Vec::new(),
        span: SourceSpan::default(),
    };
    let per_request = compile(
        &principal,
        PolicyType::Identity,
        &[doc(vec![statement("arn:aws:s3:::b/${s3:prefix}")])],
    );
    assert!(per_request.reads_context());
    let fixed = compile(
        &principal,
        PolicyType::Identity,
        &[doc(vec![statement("arn:aws:s3:::b/*")])],
    );
    assert!(!fixed.reads_context());
    assert!(!PolicySet::empty().reads_context());
}
