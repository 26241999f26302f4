//! Policy text → validated [`PolicyDocument`] (spec policy.md §1).
//!
//! One walk over the JSON tree builds the document and records every problem with its
//! JSON-pointer path. Problems carry a kind whose rank reproduces AWS's check order (§1.6),
//! so [`PolicyErrors::aws_message`] is the one AWS would return; within one check, problems
//! are recorded in the order AWS examines the document (statements in order, resources of a
//! statement in reverse lexicographic order).

use std::collections::HashSet;

use crate::date::parse_date;
use crate::document::{
    ActionClause, Condition, Effect, PolicyDocument, PolicyKind, PrincipalClause, Principals,
    ResourceClause, SourcePosition, SourceSpan, Statement, Version,
};
use crate::error::{PolicyError, PolicyErrorKind, PolicyErrors};
use crate::json::{self, Node, Value};
use crate::size::{MAX_DOCUMENT_CHARS, policy_size, size_limit, too_large_message};
use crate::validate::{self as v, OperatorName};

/// Parses and validates a policy document of the given kind.
///
/// Returns every problem found when the document is rejected; see [`PolicyErrors`] for the
/// message and error code AWS would answer with.
pub fn parse_policy(text: &str, kind: PolicyKind) -> Result<PolicyDocument, PolicyErrors> {
    parse_policy_with_limit(text, kind, size_limit(kind))
}

/// Like [`parse_policy`], with an explicit per-document size quota (`None`: no quota), for
/// accounts whose trust-policy quota was raised (spec policy.md §1.1).
pub fn parse_policy_with_limit(
    text: &str,
    kind: PolicyKind,
    limit: Option<usize>,
) -> Result<PolicyDocument, PolicyErrors> {
    let mut cx = Context {
        kind,
        errors: Vec::new(),
    };
    let document = cx.document(text, limit);
    match (document, PolicyErrors::from_vec(cx.errors)) {
        (_, Some(errors)) => Err(errors),
        (Some(document), None) => Ok(document),
        (None, None) => Err(internal_error()),
    }
}

/// Parses and validates a policy document given as bytes: invalid UTF-8 is reported as
/// invalid JSON, and oversized input is rejected before it is decoded.
pub fn parse_policy_bytes(bytes: &[u8], kind: PolicyKind) -> Result<PolicyDocument, PolicyErrors> {
    // A character is at most 4 bytes: anything longer is over the raw limit for sure, and
    // rejecting it here keeps the work for huge inputs constant.
    if bytes.len() > MAX_DOCUMENT_CHARS * 4 {
        return Err(single(document_too_long()));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_policy(text, kind),
        Err(e) => Err(single(invalid_json(
            kind,
            format!(
                "the document is not valid UTF-8 (at byte {})",
                e.valid_up_to()
            ),
        ))),
    }
}

fn single(error: PolicyError) -> PolicyErrors {
    PolicyErrors::one(error)
}

/// Never reached (the walk records a problem whenever it gives up on the document); a
/// syntax error keeps the API total without a panic.
fn internal_error() -> PolicyErrors {
    PolicyErrors::one(PolicyError::new(
        "",
        PolicyErrorKind::Syntax,
        "the document could not be validated",
        v::SYNTAX_MESSAGE,
    ))
}

fn document_too_long() -> PolicyError {
    PolicyError::new(
        "",
        PolicyErrorKind::DocumentTooLong {
            limit: MAX_DOCUMENT_CHARS,
        },
        format!("the document is longer than {MAX_DOCUMENT_CHARS} characters"),
        format!(
            "1 validation error detected: Value at 'policyDocument' failed to satisfy constraint: Member must have length less than or equal to {MAX_DOCUMENT_CHARS}"
        ),
    )
}

fn invalid_json(kind: PolicyKind, message: String) -> PolicyError {
    let aws = if kind == PolicyKind::Trust {
        v::TRUST_JSON_MESSAGE
    } else {
        v::SYNTAX_MESSAGE
    };
    PolicyError::new("", PolicyErrorKind::InvalidJson, message, aws)
}

/// Appends a reference token to a JSON pointer (RFC 6901 escaping).
fn child(path: &str, token: &str) -> String {
    let escaped = token.replace('~', "~0").replace('/', "~1");
    format!("{path}/{escaped}")
}

/// Which kinds are stored by IAM (and so get IAM's Sid character rule, §1.5).
fn is_iam_stored(kind: PolicyKind) -> bool {
    matches!(
        kind,
        PolicyKind::Inline
            | PolicyKind::Managed
            | PolicyKind::PermissionsBoundary
            | PolicyKind::Trust
    )
}

/// Kinds in which `Principal`/`NotPrincipal` are forbidden.
fn forbids_principal(kind: PolicyKind) -> bool {
    matches!(
        kind,
        PolicyKind::Inline
            | PolicyKind::Managed
            | PolicyKind::PermissionsBoundary
            | PolicyKind::Session
            | PolicyKind::ServiceControl
    )
}

/// Converts byte offsets to 1-based line/column (in characters), for offsets given in
/// ascending order, in one forward pass over the text.
struct PositionTracker<'t> {
    text: &'t str,
    offset: usize,
    position: SourcePosition,
}

impl<'t> PositionTracker<'t> {
    fn new(text: &'t str) -> Self {
        Self {
            text,
            offset: 0,
            position: SourcePosition { line: 1, column: 1 },
        }
    }

    fn at(&mut self, offset: usize) -> SourcePosition {
        if offset < self.offset {
            // Not expected (callers go forward); restart rather than give a wrong answer.
            self.offset = 0;
            self.position = SourcePosition { line: 1, column: 1 };
        }
        let segment = self.text.get(self.offset..offset).unwrap_or_default();
        for c in segment.chars() {
            if c == '\n' {
                self.position.line = self.position.line.saturating_add(1);
                self.position.column = 1;
            } else {
                self.position.column = self.position.column.saturating_add(1);
            }
        }
        self.offset = offset;
        self.position
    }
}

/// An element present in a statement: its value and path.
struct Element<'a> {
    node: &'a Node,
    path: String,
}

/// The string list of an `Action`/`Resource`-like element, with item paths.
struct StringList {
    items: Vec<(String, String)>,
    path: String,
}

struct Context {
    kind: PolicyKind,
    errors: Vec<PolicyError>,
}

impl Context {
    fn push(
        &mut self,
        path: impl Into<String>,
        kind: PolicyErrorKind,
        message: impl Into<String>,
        aws: impl Into<String>,
    ) {
        self.errors.push(PolicyError::new(path, kind, message, aws));
    }

    fn syntax(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.push(path, PolicyErrorKind::Syntax, message, v::SYNTAX_MESSAGE);
    }

    fn legacy(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.push(
            path,
            PolicyErrorKind::LegacyParsing,
            message,
            v::LEGACY_MESSAGE,
        );
    }

    /// The whole document. Returns `None` when problems were recorded that leave no
    /// document to build.
    fn document(&mut self, text: &str, limit: Option<usize>) -> Option<PolicyDocument> {
        // Cheap byte test first: the character count is only needed near the limit.
        if text.len() > MAX_DOCUMENT_CHARS && text.chars().count() > MAX_DOCUMENT_CHARS {
            self.errors.push(document_too_long());
            return None;
        }
        let root = match json::parse(text) {
            Ok(root) => root,
            Err(e) => {
                let mut tracker = PositionTracker::new(text);
                let at = tracker.at(floor_char_boundary(text, e.offset));
                self.errors.push(invalid_json(
                    self.kind,
                    format!(
                        "invalid JSON at line {}, column {}: {}",
                        at.line, at.column, e.message
                    ),
                ));
                return None;
            }
        };
        let Value::Object(members) = &root.value else {
            self.errors.push(invalid_json(
                self.kind,
                format!(
                    "the document must be a JSON object, found {}",
                    root.value.type_name()
                ),
            ));
            return None;
        };
        if let Some(limit) = limit {
            let size = policy_size(text);
            if size > limit {
                self.push(
                    "",
                    PolicyErrorKind::TooLarge { limit },
                    format!(
                        "the document has {size} non-whitespace characters, more than the limit of {limit}"
                    ),
                    too_large_message(self.kind, limit),
                );
            }
        }

        let mut version: Option<Version> = None;
        let mut version_node: Option<&Node> = None;
        let mut id = None;
        let mut statement_node = None;
        for (key, node) in members {
            let path = child("", key);
            match key.as_str() {
                "Version" => {
                    version_node = Some(node);
                    match &node.value {
                        Value::String(s) if s == "2012-10-17" => {
                            version = Some(Version::V2012_10_17);
                        }
                        Value::String(s) if s == "2008-10-17" => {
                            version = Some(Version::V2008_10_17);
                        }
                        Value::String(s) => self.syntax(
                            path,
                            format!("`Version` must be `2012-10-17` or `2008-10-17`, found `{s}`"),
                        ),
                        other => self.syntax(
                            path,
                            format!("`Version` must be a string, found {}", other.type_name()),
                        ),
                    }
                }
                "Id" => match &node.value {
                    Value::String(s) => id = Some(s.clone()),
                    other => self.syntax(
                        path,
                        format!("`Id` must be a string, found {}", other.type_name()),
                    ),
                },
                "Statement" => statement_node = Some(node),
                other => self.syntax(path, format!("unknown top-level element `{other}`")),
            }
        }

        // §1.4: managed policies and boundaries must declare the current version.
        if matches!(
            self.kind,
            PolicyKind::Managed | PolicyKind::PermissionsBoundary
        ) && version_node.is_none_or(|_| version == Some(Version::V2008_10_17))
        {
            let path = if version_node.is_some() {
                "/Version"
            } else {
                ""
            };
            self.push(
                path,
                PolicyErrorKind::Version,
                "managed policies must declare `\"Version\": \"2012-10-17\"`",
                v::VERSION_MESSAGE,
            );
        }

        let statements = match statement_node {
            None => {
                self.syntax("", "missing `Statement` element");
                Vec::new()
            }
            Some(node) => self.statements(text, node),
        };
        Some(PolicyDocument {
            version: version.unwrap_or(Version::V2008_10_17),
            version_written: version_node.is_some(),
            id,
            statements,
        })
    }

    fn statements(&mut self, text: &str, node: &Node) -> Vec<Statement> {
        let items: Vec<(String, &Node)> = match &node.value {
            Value::Object(_) => vec![("/Statement".to_owned(), node)],
            Value::Array(items) if items.is_empty() => {
                self.syntax("/Statement", "`Statement` must not be an empty array");
                Vec::new()
            }
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, item)| (format!("/Statement/{i}"), item))
                .collect(),
            other => {
                self.syntax(
                    "/Statement",
                    format!(
                        "`Statement` must be an object or an array of objects, found {}",
                        other.type_name()
                    ),
                );
                Vec::new()
            }
        };
        let mut tracker = PositionTracker::new(text);
        let mut sids: HashSet<String> = HashSet::new();
        let mut statements = Vec::with_capacity(items.len());
        for (path, item) in items {
            let Value::Object(members) = &item.value else {
                self.syntax(
                    path,
                    format!(
                        "a statement must be an object, found {}",
                        item.value.type_name()
                    ),
                );
                continue;
            };
            let span = SourceSpan {
                start: tracker.at(item.start),
                end: tracker.at(item.end),
            };
            if let Some(statement) = self.statement(&path, members, span, &mut sids) {
                statements.push(statement);
            }
        }
        statements
    }

    /// One statement object. Returns `None` when a required element could not be read
    /// (the problem has been recorded).
    fn statement(
        &mut self,
        path: &str,
        members: &[(String, Node)],
        span: SourceSpan,
        sids: &mut HashSet<String>,
    ) -> Option<Statement> {
        let mut sid = None;
        let mut effect = None;
        let mut principal: Option<Element<'_>> = None;
        let mut not_principal: Option<Element<'_>> = None;
        let mut action: Option<Element<'_>> = None;
        let mut not_action: Option<Element<'_>> = None;
        let mut resource: Option<Element<'_>> = None;
        let mut not_resource: Option<Element<'_>> = None;
        let mut condition: Option<Element<'_>> = None;
        let mut effect_ok = true;

        for (key, node) in members {
            let elem_path = child(path, key);
            let element = || Element {
                node,
                path: elem_path.clone(),
            };
            match key.as_str() {
                "Sid" => match &node.value {
                    Value::String(s) => sid = Some((s.clone(), elem_path.clone())),
                    other => self.syntax(
                        elem_path.clone(),
                        format!("`Sid` must be a string, found {}", other.type_name()),
                    ),
                },
                "Effect" => effect_ok = self.effect(&elem_path, node, &mut effect),
                "Principal" => principal = Some(element()),
                "NotPrincipal" => not_principal = Some(element()),
                "Action" => action = Some(element()),
                "NotAction" => not_action = Some(element()),
                "Resource" => resource = Some(element()),
                "NotResource" => not_resource = Some(element()),
                "Condition" => condition = Some(element()),
                other => self.syntax(
                    elem_path.clone(),
                    format!("unknown statement element `{other}`"),
                ),
            }
        }
        if effect.is_none() && effect_ok {
            self.syntax(path, "missing `Effect` element");
        }
        for (a, b, name) in [
            (&action, &not_action, "`Action` and `NotAction`"),
            (&resource, &not_resource, "`Resource` and `NotResource`"),
            (&principal, &not_principal, "`Principal` and `NotPrincipal`"),
        ] {
            if a.is_some() && b.is_some() {
                self.syntax(path, format!("a statement cannot have both {name}"));
            }
        }

        // Step 1 (syntax) of the list elements, then conditions (syntax + legacy dates).
        let actions = match (&action, &not_action) {
            (Some(e), _) => self.string_list(e, false).map(|l| (false, l)),
            (None, Some(e)) => self.string_list(e, false).map(|l| (true, l)),
            (None, None) => None,
        };
        let resources = match (&resource, &not_resource) {
            (Some(e), _) => self.string_list(e, true).map(|l| (false, l)),
            (None, Some(e)) => self.string_list(e, true).map(|l| (true, l)),
            (None, None) => None,
        };
        // Identity kinds only report that a principal is there at all (step 10).
        let principals = match (&principal, &not_principal) {
            _ if forbids_principal(self.kind) => None,
            (Some(e), _) => self.principal(e).map(|p| (false, p, e.path.clone())),
            (None, Some(e)) => self.principal(e).map(|p| (true, p, e.path.clone())),
            (None, None) => None,
        };
        let conditions = match &condition {
            Some(e) => self.conditions(e),
            None => Vec::new(),
        };

        // Step 3: the legacy parser's view of resources.
        if self.kind != PolicyKind::Trust
            && let Some((_, list)) = &resources
        {
            for (item, item_path) in &list.items {
                if v::resource_fails_legacy_parsing(item) {
                    self.legacy(
                        item_path.clone(),
                        format!("resource `{item}` is not a well-formed ARN"),
                    );
                }
            }
        }

        // Sid format (IAM-stored kinds) and uniqueness (step 5).
        if let Some((sid, sid_path)) = &sid {
            if is_iam_stored(self.kind) && !v::sid_is_alphanumeric(sid) {
                self.push(
                    sid_path.clone(),
                    PolicyErrorKind::SidFormat,
                    format!("`Sid` `{sid}` must contain only letters and digits"),
                    v::SID_FORMAT_MESSAGE,
                );
            }
            if !sid.is_empty() && !sids.insert(sid.clone()) {
                self.push(
                    sid_path.clone(),
                    PolicyErrorKind::DuplicateSid,
                    format!("`Sid` `{sid}` is used by an earlier statement"),
                    v::DUPLICATE_SID_MESSAGE,
                );
            }
        }

        // Steps 7 and 6: presence of actions, then of resources.
        if action.is_none() && not_action.is_none() {
            self.push(
                path,
                PolicyErrorKind::MissingAction,
                "missing `Action` or `NotAction` element",
                v::MISSING_ACTION_MESSAGE,
            );
        } else if let Some((_, list)) = &actions
            && list.items.is_empty()
        {
            self.push(
                list.path.clone(),
                PolicyErrorKind::MissingAction,
                "the action list is empty",
                v::MISSING_ACTION_MESSAGE,
            );
        }
        if self.kind != PolicyKind::Trust {
            if resource.is_none() && not_resource.is_none() {
                self.push(
                    path,
                    PolicyErrorKind::MissingResource,
                    "missing `Resource` or `NotResource` element",
                    v::MISSING_RESOURCE_MESSAGE,
                );
            } else if let Some((_, list)) = &resources
                && list.items.is_empty()
            {
                self.push(
                    list.path.clone(),
                    PolicyErrorKind::MissingResource,
                    "the resource list is empty",
                    v::MISSING_RESOURCE_MESSAGE,
                );
            }
        }

        // Step 4/8: resource format, items in reverse lexicographic order.
        if self.kind != PolicyKind::Trust
            && let Some((_, list)) = &resources
        {
            let mut ordered: Vec<&(String, String)> = list.items.iter().collect();
            ordered.sort_by(|a, b| b.0.cmp(&a.0));
            for (item, item_path) in ordered {
                if v::resource_fails_legacy_parsing(item) {
                    continue;
                }
                if let Some(aws) = v::resource_format_problem(item) {
                    self.push(
                        item_path.clone(),
                        PolicyErrorKind::ResourceFormat,
                        format!("resource `{item}` is not `*` or a valid ARN"),
                        aws,
                    );
                }
            }
        }

        // Step 9: action syntax.
        if let Some((_, list)) = &actions {
            for (item, item_path) in &list.items {
                if let Some(aws) = v::action_problem(item) {
                    self.push(
                        item_path.clone(),
                        PolicyErrorKind::ActionFormat,
                        format!("action `{item}` is not `*` or `vendor:name`"),
                        aws,
                    );
                }
            }
        }

        // Step 10: kind-specific rules.
        let principal_clause = self.kind_rules(
            path,
            principals,
            principal.is_some(),
            not_principal.as_ref().map(|e| e.path.clone()),
            resource
                .as_ref()
                .or(not_resource.as_ref())
                .map(|e| e.path.clone()),
            actions.as_ref().map(|(_, l)| l),
        );

        let effect = effect?;
        let (action_negated, action_list) = actions?;
        let action = ActionClause {
            negated: action_negated,
            patterns: action_list.items.into_iter().map(|(s, _)| s).collect(),
        };
        let resource = if self.kind == PolicyKind::Trust {
            None
        } else {
            let (negated, list) = resources?;
            Some(ResourceClause {
                negated,
                patterns: list.items.into_iter().map(|(s, _)| s).collect(),
            })
        };
        Some(Statement {
            sid: sid.map(|(s, _)| s),
            effect,
            principal: principal_clause,
            action,
            resource,
            conditions,
            span,
        })
    }

    /// Reads `Effect`; returns false when a problem was recorded.
    fn effect(&mut self, path: &str, node: &Node, effect: &mut Option<Effect>) -> bool {
        match &node.value {
            Value::String(s) if s == "Allow" => *effect = Some(Effect::Allow),
            Value::String(s) if s == "Deny" => *effect = Some(Effect::Deny),
            Value::String(s)
                if s.eq_ignore_ascii_case("allow") || s.eq_ignore_ascii_case("deny") =>
            {
                // §1.6 step 3: the grammar accepts any case, the legacy parser does not.
                self.legacy(
                    path,
                    format!("`Effect` must be exactly `Allow` or `Deny`, found `{s}`"),
                );
                return false;
            }
            Value::String(s) => {
                self.syntax(
                    path,
                    format!("`Effect` must be `Allow` or `Deny`, found `{s}`"),
                );
                return false;
            }
            other => {
                self.syntax(
                    path,
                    format!("`Effect` must be a string, found {}", other.type_name()),
                );
                return false;
            }
        }
        true
    }

    /// A string or an array of strings (`null` items tolerated and dropped where
    /// `allow_null`, i.e. in `Resource`/`NotResource`, §1.2.4).
    fn string_list(&mut self, element: &Element<'_>, allow_null: bool) -> Option<StringList> {
        let path = element.path.clone();
        match &element.node.value {
            Value::String(s) => Some(StringList {
                items: vec![(s.clone(), path.clone())],
                path,
            }),
            Value::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                let mut ok = true;
                for (i, item) in items.iter().enumerate() {
                    let item_path = format!("{path}/{i}");
                    match &item.value {
                        Value::String(s) => out.push((s.clone(), item_path)),
                        Value::Null if allow_null => {}
                        other => {
                            ok = false;
                            self.syntax(
                                item_path,
                                format!("expected a string, found {}", other.type_name()),
                            );
                        }
                    }
                }
                ok.then_some(StringList { items: out, path })
            }
            other => {
                self.syntax(
                    path,
                    format!(
                        "expected a string or an array of strings, found {}",
                        other.type_name()
                    ),
                );
                None
            }
        }
    }

    /// The value of `Principal`/`NotPrincipal` (grammar only; values are checked by
    /// `kind_rules`). `None` when a syntax problem was recorded.
    fn principal(&mut self, element: &Element<'_>) -> Option<Principals> {
        let path = &element.path;
        match &element.node.value {
            Value::String(s) if s == "*" => Some(Principals {
                wildcard: true,
                ..Principals::default()
            }),
            Value::String(s) => {
                self.push(
                    path.clone(),
                    PolicyErrorKind::InvalidPrincipal,
                    format!("a principal string must be `*`, found `{s}` (use a map such as `{{\"AWS\": ...}}`)"),
                    v::INVALID_PRINCIPAL_MESSAGE,
                );
                None
            }
            Value::Object(members) => {
                let mut principals = Principals::default();
                let mut ok = true;
                for (key, node) in members {
                    let elem = Element {
                        node,
                        path: child(path, key),
                    };
                    let target = match key.as_str() {
                        "AWS" => &mut principals.aws,
                        "Service" => &mut principals.service,
                        "Federated" => &mut principals.federated,
                        "CanonicalUser" => &mut principals.canonical_user,
                        other => {
                            ok = false;
                            self.push(
                                elem.path.clone(),
                                PolicyErrorKind::InvalidPrincipal,
                                format!("unknown principal type `{other}`"),
                                v::INVALID_PRINCIPAL_MESSAGE,
                            );
                            continue;
                        }
                    };
                    match self.string_list(&elem, false) {
                        Some(list) => target.extend(list.items.into_iter().map(|(s, _)| s)),
                        None => ok = false,
                    }
                }
                ok.then_some(principals)
            }
            other => {
                self.syntax(
                    path.clone(),
                    format!(
                        "a principal must be `*` or an object, found {}",
                        other.type_name()
                    ),
                );
                None
            }
        }
    }

    /// The `Condition` element, flattened (§3.1).
    fn conditions(&mut self, element: &Element<'_>) -> Vec<Condition> {
        let Value::Object(operators) = &element.node.value else {
            self.syntax(
                element.path.clone(),
                format!(
                    "`Condition` must be an object, found {}",
                    element.node.value.type_name()
                ),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for (name, body) in operators {
            let op_path = child(&element.path, name);
            let Value::Object(keys) = &body.value else {
                self.syntax(
                    op_path,
                    format!(
                        "the body of condition operator `{name}` must be an object, found {}",
                        body.value.type_name()
                    ),
                );
                continue;
            };
            let operator = match v::parse_operator_name(name) {
                OperatorName::Known(op) => op,
                OperatorName::Unknown if keys.is_empty() => continue, // tolerated (§1.6 step 1)
                OperatorName::Unknown => {
                    self.syntax(op_path, format!("unknown condition operator `{name}`"));
                    continue;
                }
                OperatorName::Malformed => {
                    self.syntax(op_path, format!("malformed condition operator `{name}`"));
                    continue;
                }
            };
            for (key, value) in keys {
                let key_path = child(&op_path, key);
                let Some(values) = self.condition_values(&key_path, value) else {
                    continue;
                };
                if v::is_date_operator(operator.base) {
                    for (i, text) in values.iter().enumerate() {
                        if parse_date(text).is_none() {
                            let item_path = if matches!(value.value, Value::Array(_)) {
                                format!("{key_path}/{i}")
                            } else {
                                key_path.clone()
                            };
                            self.legacy(item_path, format!("`{text}` is not a valid date"));
                        }
                    }
                }
                out.push(Condition {
                    operator,
                    key: key.clone(),
                    values,
                });
            }
        }
        out
    }

    /// A condition key's values: a string, number or boolean, or an array of them; numbers
    /// and booleans become their text as written (§1.2.4).
    fn condition_values(&mut self, path: &str, node: &Node) -> Option<Vec<String>> {
        fn scalar(value: &Value) -> Option<String> {
            match value {
                Value::String(s) | Value::Number(s) => Some(s.clone()),
                Value::Bool(b) => Some(b.to_string()),
                _ => None,
            }
        }
        if let Value::Array(items) = &node.value {
            let mut out = Vec::with_capacity(items.len());
            let mut ok = true;
            for (i, item) in items.iter().enumerate() {
                match scalar(&item.value) {
                    Some(s) => out.push(s),
                    None => {
                        ok = false;
                        self.syntax(
                            format!("{path}/{i}"),
                            format!(
                                "a condition value must be a string, number or boolean, found {}",
                                item.value.type_name()
                            ),
                        );
                    }
                }
            }
            return ok.then_some(out);
        }
        match scalar(&node.value) {
            Some(s) => Some(vec![s]),
            None => {
                self.syntax(
                    path,
                    format!(
                        "a condition value must be a string, number, boolean or an array of them, found {}",
                        node.value.type_name()
                    ),
                );
                None
            }
        }
    }

    /// Step 10: rules that depend on the policy kind. Returns the principal clause to keep.
    fn kind_rules(
        &mut self,
        path: &str,
        principals: Option<(bool, Principals, String)>,
        has_principal: bool,
        not_principal_path: Option<String>,
        resource_path: Option<String>,
        actions: Option<&StringList>,
    ) -> Option<PrincipalClause> {
        let kind = self.kind;
        if forbids_principal(kind) {
            for element_path in [
                has_principal.then(|| child(path, "Principal")),
                not_principal_path,
            ]
            .into_iter()
            .flatten()
            {
                self.push(
                    element_path,
                    PolicyErrorKind::PrincipalForbidden,
                    "this kind of policy cannot name a principal",
                    v::PRINCIPAL_FORBIDDEN_MESSAGE,
                );
            }
            return None;
        }
        match kind {
            PolicyKind::Trust => {
                if let Some(resource_path) = resource_path {
                    self.push(
                        resource_path,
                        PolicyErrorKind::ResourceForbidden,
                        "a trust policy cannot have `Resource` or `NotResource` (the resource is the role)",
                        v::TRUST_RESOURCE_MESSAGE,
                    );
                }
                if let Some(np) = not_principal_path {
                    self.push(
                        np,
                        PolicyErrorKind::NotPrincipalForbidden,
                        "a trust policy cannot use `NotPrincipal`",
                        v::TRUST_NOT_PRINCIPAL_MESSAGE,
                    );
                } else if !has_principal || principals.as_ref().is_some_and(|(_, p, _)| is_empty(p))
                {
                    self.push(
                        path,
                        PolicyErrorKind::MissingPrincipal,
                        "a trust policy statement must have a `Principal`",
                        v::TRUST_NO_PRINCIPAL_MESSAGE,
                    );
                }
                if let Some(list) = actions {
                    for (item, item_path) in &list.items {
                        if v::action_problem(item).is_none() && !v::is_trust_action(item) {
                            self.push(
                                item_path.clone(),
                                PolicyErrorKind::TrustAction,
                                format!("action `{item}` is not an STS assume-role action"),
                                v::TRUST_ACTION_MESSAGE,
                            );
                        }
                    }
                }
            }
            PolicyKind::Resource if !has_principal && not_principal_path.is_none() => {
                self.push(
                    path,
                    PolicyErrorKind::MissingPrincipal,
                    "a resource policy statement must have `Principal` or `NotPrincipal`",
                    v::RESOURCE_NO_PRINCIPAL_MESSAGE,
                );
            }
            PolicyKind::ResourceControl => {
                if let Some(np) = not_principal_path {
                    self.push(
                        np,
                        PolicyErrorKind::NotPrincipalForbidden,
                        "a resource control policy cannot use `NotPrincipal`",
                        v::RCP_PRINCIPAL_MESSAGE,
                    );
                } else if !has_principal || principals.as_ref().is_some_and(|(_, p, _)| !p.wildcard)
                {
                    self.push(
                        child(path, "Principal"),
                        PolicyErrorKind::InvalidPrincipal,
                        "a resource control policy must have `\"Principal\": \"*\"`",
                        v::RCP_PRINCIPAL_MESSAGE,
                    );
                }
            }
            _ => {}
        }
        let (negated, principals, principal_path) = principals?;
        let mut ok = true;
        for (type_key, aws_type, values) in [
            ("AWS", "AWS", &principals.aws),
            ("Service", "SERVICE", &principals.service),
            ("Federated", "FEDERATED", &principals.federated),
            ("CanonicalUser", "CANONICALUSER", &principals.canonical_user),
        ] {
            for value in values {
                let valid = if type_key == "AWS" {
                    v::aws_principal_is_valid(value)
                } else {
                    v::other_principal_is_valid(value)
                };
                if !valid {
                    ok = false;
                    self.push(
                        child(&principal_path, type_key),
                        PolicyErrorKind::InvalidPrincipal,
                        format!("invalid `{type_key}` principal `{value}`"),
                        format!(
                            "{}: \"{aws_type}\":\"{value}\"",
                            v::INVALID_PRINCIPAL_MESSAGE
                        ),
                    );
                }
            }
        }
        ok.then_some(PrincipalClause {
            negated,
            principals,
        })
    }
}

fn is_empty(p: &Principals) -> bool {
    !p.wildcard
        && p.aws.is_empty()
        && p.service.is_empty()
        && p.federated.is_empty()
        && p.canonical_user.is_empty()
}

/// The largest char boundary not after `offset`.
fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}
