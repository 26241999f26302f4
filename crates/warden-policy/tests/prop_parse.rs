//! Property tests of the parser: no input makes it panic, generated valid documents parse to
//! exactly what was generated, and whitespace outside strings never changes `policy_size`.

use proptest::prelude::*;
use warden_policy::document::{
    ActionClause, BaseOperator, Condition, ConditionOperator, Effect, PolicyDocument, PolicyKind,
    ResourceClause, SetQualifier, Statement, Version,
};
use warden_policy::{parse_policy, parse_policy_bytes, policy_size};

const KINDS: [PolicyKind; 8] = [
    PolicyKind::Inline,
    PolicyKind::Managed,
    PolicyKind::PermissionsBoundary,
    PolicyKind::Trust,
    PolicyKind::Resource,
    PolicyKind::Session,
    PolicyKind::ServiceControl,
    PolicyKind::ResourceControl,
];

/// JSON string literal for `s`.
fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// A condition value as written in JSON and as the AST must hold it.
#[derive(Clone, Debug)]
struct Written {
    json: String,
    text: String,
}

fn string_value() -> impl Strategy<Value = Written> {
    "\\PC{0,12}".prop_map(|s| Written {
        json: quote(&s),
        text: s,
    })
}

fn scalar_value() -> impl Strategy<Value = Written> {
    prop_oneof![
        4 => string_value(),
        1 => "-?(0|[1-9][0-9]{0,5})(\\.[0-9]{1,3})?([eE][+-]?[0-9]{1,2})?"
            .prop_map(|n| Written { json: n.clone(), text: n }),
        1 => any::<bool>().prop_map(|b| Written { json: b.to_string(), text: b.to_string() }),
    ]
}

fn date_value() -> impl Strategy<Value = Written> {
    prop_oneof![
        any::<i64>().prop_map(|n| n.to_string()),
        (1970_u32..2100, 1_u32..13, 1_u32..29, 0_u32..24, 0_u32..60)
            .prop_map(|(y, mo, d, h, mi)| format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:00Z")),
    ]
    .prop_map(|s| Written {
        json: quote(&s),
        text: s,
    })
}

fn operator() -> impl Strategy<Value = ConditionOperator> {
    (
        prop::option::of(prop_oneof![
            Just(SetQualifier::ForAllValues),
            Just(SetQualifier::ForAnyValue)
        ]),
        prop::sample::select(BaseOperator::ALL.to_vec()),
        any::<bool>(),
    )
        .prop_map(|(qualifier, base, if_exists)| ConditionOperator {
            qualifier,
            base,
            if_exists: if_exists && base != BaseOperator::Null,
        })
}

fn is_date(base: BaseOperator) -> bool {
    base.name().starts_with("Date")
}

/// One (operator, key, values, single-value-form) entry.
fn condition() -> impl Strategy<Value = (ConditionOperator, String, Vec<Written>, bool)> {
    (operator(), "[a-z]{1,4}:[A-Za-z/]{1,8}", any::<bool>()).prop_flat_map(|(op, key, single)| {
        let values = if is_date(op.base) {
            prop::collection::vec(date_value(), 0..3).boxed()
        } else {
            prop::collection::vec(scalar_value(), 0..3).boxed()
        };
        (Just(op), Just(key), values, Just(single))
    })
}

#[derive(Clone, Debug)]
struct GenStatement {
    sid: Option<String>,
    effect: Effect,
    not_action: bool,
    actions: Vec<String>,
    not_resource: bool,
    resources: Vec<String>,
    conditions: Vec<(ConditionOperator, String, Vec<Written>, bool)>,
}

fn statement() -> impl Strategy<Value = GenStatement> {
    (
        prop::option::of("[A-Za-z0-9]{0,6}"),
        prop_oneof![Just(Effect::Allow), Just(Effect::Deny)],
        any::<bool>(),
        prop::collection::vec(
            prop_oneof![Just("*".to_owned()), "[a-z0-9.-]{1,6}:[A-Za-z*? ]{0,10}"],
            1..4,
        ),
        any::<bool>(),
        prop::collection::vec(
            prop_oneof![
                Just("*".to_owned()),
                "arn:aws:s3:::[a-z0-9/*?${}:]{0,12}",
                // Not `iam`/`s3`, whose region and resource parts have extra rules.
                "arn:aws:(ec2|sqs|lambda|my-svc):[a-z0-9-]{0,9}:[0-9*]{0,12}:[a-z/*]{0,10}",
            ],
            1..4,
        ),
        prop::collection::vec(condition(), 0..5),
    )
        .prop_map(
            |(sid, effect, not_action, actions, not_resource, resources, conditions)| {
                GenStatement {
                    sid,
                    effect,
                    not_action,
                    actions,
                    not_resource,
                    resources,
                    conditions,
                }
            },
        )
}

fn list_json(items: &[String], single: bool) -> String {
    match items {
        [one] if single => quote(one),
        _ => format!(
            "[{}]",
            items.iter().map(|s| quote(s)).collect::<Vec<_>>().join(",")
        ),
    }
}

/// Renders the statements and returns the text with the AST it must parse to.
fn render(statements: &[GenStatement]) -> (String, PolicyDocument) {
    let mut json_statements = Vec::new();
    let mut ast = Vec::new();
    let mut seen_sids = std::collections::HashSet::new();
    for (i, s) in statements.iter().enumerate() {
        let mut members = Vec::new();
        // Keep non-empty Sids unique (a duplicate is an error, tested elsewhere).
        let sid = s.sid.clone().map(|sid| {
            if sid.is_empty() || seen_sids.insert(sid.clone()) {
                sid
            } else {
                format!("{sid}x{i}")
            }
        });
        if let Some(sid) = &sid {
            seen_sids.insert(sid.clone());
            members.push(format!("\"Sid\":{}", quote(sid)));
        }
        let effect = match s.effect {
            Effect::Allow => "Allow",
            Effect::Deny => "Deny",
        };
        members.push(format!("\"Effect\":\"{effect}\""));
        let action_key = if s.not_action { "NotAction" } else { "Action" };
        members.push(format!(
            "\"{action_key}\":{}",
            list_json(&s.actions, i % 2 == 0)
        ));
        let resource_key = if s.not_resource {
            "NotResource"
        } else {
            "Resource"
        };
        members.push(format!(
            "\"{resource_key}\":{}",
            list_json(&s.resources, i % 2 == 1)
        ));
        // Group entries by operator name (operators and keys must be unique objects keys).
        let mut blocks: Vec<(String, Vec<String>)> = Vec::new();
        let mut conditions = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (op, key, values, single) in &s.conditions {
            let name = op.name();
            if !seen.insert((name.clone(), key.clone())) {
                continue;
            }
            let values_json = match values.as_slice() {
                [one] if *single => one.json.clone(),
                _ => format!(
                    "[{}]",
                    values
                        .iter()
                        .map(|w| w.json.clone())
                        .collect::<Vec<_>>()
                        .join(",")
                ),
            };
            let entry = format!("{}:{values_json}", quote(key));
            match blocks.iter_mut().find(|(n, _)| *n == name) {
                Some((_, entries)) => entries.push(entry),
                None => blocks.push((name.clone(), vec![entry])),
            }
        }
        // The AST lists conditions grouped by operator in first-appearance order.
        for (name, _) in &blocks {
            let mut keys_seen = std::collections::HashSet::new();
            for (op, key, values, _) in &s.conditions {
                if op.name() == *name && keys_seen.insert(key.clone()) {
                    conditions.push(Condition {
                        operator: *op,
                        key: key.clone(),
                        values: values.iter().map(|w| w.text.clone()).collect(),
                    });
                }
            }
        }
        if !blocks.is_empty() {
            let body = blocks
                .iter()
                .map(|(name, entries)| format!("{}:{{{}}}", quote(name), entries.join(",")))
                .collect::<Vec<_>>()
                .join(",");
            members.push(format!("\"Condition\":{{{body}}}"));
        }
        json_statements.push(format!("{{{}}}", members.join(",")));
        ast.push(Statement {
            sid,
            effect: s.effect,
            principal: None,
            action: ActionClause {
                negated: s.not_action,
                patterns: s.actions.clone(),
            },
            resource: Some(ResourceClause {
                negated: s.not_resource,
                patterns: s.resources.clone(),
            }),
            conditions,
            span: Default::default(),
        });
    }
    let text = format!(
        "{{\"Version\":\"2012-10-17\",\"Statement\":[{}]}}",
        json_statements.join(",")
    );
    let doc = PolicyDocument {
        version: Version::V2012_10_17,
        version_written: true,
        id: None,
        statements: ast,
    };
    (text, doc)
}

/// Inserts whitespace before the structural characters chosen by `cuts` (outside strings).
fn insert_whitespace(text: &str, cuts: &[(usize, u8)]) -> String {
    let mut in_string = false;
    let mut escaped = false;
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        // Only next to structural characters: never inside numbers or literals.
        if !in_string && matches!(c, '{' | '}' | '[' | ']' | ',' | ':' | '"') {
            for (at, ws) in cuts {
                if at % (text.len() + 1) == i {
                    out.push(match ws % 4 {
                        0 => ' ',
                        1 => '\t',
                        2 => '\n',
                        _ => '\r',
                    });
                }
            }
        }
        out.push(c);
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_strings_never_panic(text in "\\PC{0,200}") {
        for kind in KINDS {
            if let Err(errors) = parse_policy(&text, kind) {
                prop_assert!(!errors.errors().is_empty());
                prop_assert!(!errors.aws_message().is_empty());
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        for kind in KINDS {
            let _ = parse_policy_bytes(&bytes, kind);
        }
    }

    #[test]
    fn json_like_noise_never_panics(text in "[\\[\\]{}\",:\\\\ a-zA-Z0-9*\\-.]{0,120}") {
        for kind in KINDS {
            let _ = parse_policy(&text, kind);
        }
        let wrapped = format!("{{\"Statement\":{{\"Effect\":\"Allow\",\"Action\":{text},\"Resource\":\"*\"}}}}");
        let _ = parse_policy(&wrapped, PolicyKind::Inline);
    }

    #[test]
    fn generated_documents_parse_to_what_was_generated(
        statements in prop::collection::vec(statement(), 1..5)
    ) {
        let (text, expected) = render(&statements);
        let parsed = parse_policy(&text, PolicyKind::Inline);
        prop_assert!(parsed.is_ok(), "{text}\n{:?}", parsed.err().map(|e| e.to_string()));
        let Ok(mut parsed) = parsed else { return Ok(()) };
        for s in &mut parsed.statements {
            prop_assert!(s.span.start.line == 1 && s.span.end.column > s.span.start.column);
            s.span = Default::default();
        }
        prop_assert_eq!(parsed, expected);
    }

    #[test]
    fn whitespace_outside_strings_does_not_change_size(
        statements in prop::collection::vec(statement(), 1..3),
        cuts in prop::collection::vec((any::<usize>(), any::<u8>()), 0..40),
    ) {
        let (text, _) = render(&statements);
        let spaced = insert_whitespace(&text, &cuts);
        prop_assert_eq!(policy_size(&spaced), policy_size(&text));
        // The spaced document still parses to the same statements (spans aside).
        let strip = |mut d: PolicyDocument| {
            for s in &mut d.statements {
                s.span = Default::default();
            }
            d
        };
        let a = parse_policy(&text, PolicyKind::Inline).map(strip);
        let b = parse_policy(&spaced, PolicyKind::Inline).map(strip);
        prop_assert_eq!(a, b);
    }
}
