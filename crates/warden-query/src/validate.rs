//! Typed decoding of operation inputs with model-constraint validation (api.md §1.2, §1.6).
//!
//! The generated `from_query` functions (`generated/iam.rs`, `generated/sts.rs`) are thin: they
//! name each member, its wire key, its error path and its constraint tables, and call the
//! [`Decoder`] methods here. All message texts live in this file so that the AWS wording is
//! written exactly once.
//!
//! Clause order inside one member follows the order AWS uses in its recorded bracketed form
//! (`max length, min length, pattern, ..., not null`); members are reported in model order.

use std::fmt;
use std::sync::LazyLock;

use regex::Regex;

use crate::Service;
use crate::decode::QueryParams;

/// The `ValidationError` of one request: every violated model constraint, in model order.
///
/// `Display` renders the exact AWS wire message (api.md §1.6), e.g.
/// `1 validation error detected: Value at 'userName' failed to satisfy constraint: Member must
/// have length less than or equal to 64`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message())]
pub struct ValidationErrors {
    clauses: Vec<String>,
}

impl ValidationErrors {
    /// The individual clauses (`Value at '…' failed to satisfy constraint: …`).
    #[must_use]
    pub fn clauses(&self) -> &[String] {
        &self.clauses
    }

    /// The wire message: `N validation error(s) detected: ` followed by the clauses joined by
    /// `; `.
    #[must_use]
    pub fn message(&self) -> String {
        let n = self.clauses.len();
        let noun = if n == 1 { "error" } else { "errors" };
        format!(
            "{n} validation {noun} detected: {}",
            self.clauses.join("; ")
        )
    }
}

/// A model pattern: the Java-style source text (printed in messages) and its translation to the
/// `regex` crate, compiled once on first use.
pub struct Pattern {
    model: &'static str,
    regex: LazyLock<Regex>,
    forbidden: Option<&'static str>,
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pattern")
            .field("model", &self.model)
            .finish()
    }
}

impl Pattern {
    /// A pattern. `regex` is the translated, anchored expression; `forbidden` is a substring
    /// the value must not contain, used where the model relies on a lookahead the `regex` crate
    /// does not support (`-(?!-)` in the account alias pattern).
    #[must_use]
    pub const fn new(
        model: &'static str,
        forbidden: Option<&'static str>,
        regex: fn() -> Regex,
    ) -> Self {
        Self {
            model,
            regex: LazyLock::new(regex),
            forbidden,
        }
    }

    /// The pattern exactly as written in the model.
    #[must_use]
    pub fn model(&self) -> &'static str {
        self.model
    }

    /// Whether `value` matches the whole pattern.
    #[must_use]
    pub fn is_match(&self, value: &str) -> bool {
        self.regex.is_match(value) && self.forbidden.is_none_or(|f| !value.contains(f))
    }
}

/// Compiles a translated model pattern.
///
/// Every pattern of both models is compiled by the test `generated_patterns_compile`, so the
/// failure branch cannot be reached with the generated sources.
#[expect(
    clippy::expect_used,
    reason = "INVARIANT: every generated pattern is compiled by the test generated_patterns_compile"
)]
#[must_use]
pub fn compile(translated: &str) -> Regex {
    Regex::new(translated).expect("generated pattern compiles")
}

/// Constraints of a string shape.
#[derive(Debug)]
pub struct StringRule {
    /// Minimum length in Unicode scalar values.
    pub min: Option<usize>,
    /// Maximum length in Unicode scalar values.
    pub max: Option<usize>,
    /// Whole-value pattern.
    pub pattern: Option<&'static Pattern>,
    /// Allowed values; empty when the shape is not an enum.
    pub enum_values: &'static [&'static str],
}

/// Constraints of an integer shape.
#[derive(Debug)]
pub struct IntRule {
    /// Smallest allowed value.
    pub min: Option<i64>,
    /// Largest allowed value.
    pub max: Option<i64>,
}

/// Constraints of a list shape (item count).
#[derive(Debug)]
pub struct ListRule {
    /// Minimum number of items.
    pub min: Option<usize>,
    /// Maximum number of items.
    pub max: Option<usize>,
}

/// Collects decoded members and constraint violations for one request.
#[derive(Debug)]
pub struct Decoder<'a> {
    params: &'a QueryParams,
    service: Service,
    clauses: Vec<String>,
    key_buf: String,
}

/// Joins a wire key prefix and a member name (`Tags.member.1` + `Key`).
#[must_use]
pub fn key(prefix: &str, member: &str) -> String {
    if prefix.is_empty() {
        member.to_owned()
    } else {
        format!("{prefix}.{member}")
    }
}

/// Joins an error-path prefix and a member name, lower-casing the member's first letter
/// (api.md §1.6: `tags.1.member.key`).
#[must_use]
pub fn path(prefix: &str, member: &str) -> String {
    let mut chars = member.chars();
    let lowered: String = chars
        .next()
        .map(|c| c.to_ascii_lowercase())
        .into_iter()
        .chain(chars)
        .collect();
    if prefix.is_empty() {
        lowered
    } else {
        format!("{prefix}.{lowered}")
    }
}

impl<'a> Decoder<'a> {
    /// A decoder over `params` using the message style of `service` (IAM does not echo values,
    /// STS does: api.md §1.6).
    #[must_use]
    pub fn new(params: &'a QueryParams, service: Service) -> Self {
        Self {
            params,
            service,
            clauses: Vec::new(),
            key_buf: String::new(),
        }
    }

    /// Ends decoding: the value if no constraint was violated, otherwise every clause.
    ///
    /// # Errors
    ///
    /// [`ValidationErrors`] with all collected clauses.
    pub fn finish<T>(self, value: Option<T>) -> Result<T, ValidationErrors> {
        match value {
            Some(v) if self.clauses.is_empty() => Ok(v),
            _ => Err(ValidationErrors {
                clauses: self.clauses,
            }),
        }
    }

    fn clause(&mut self, value: Option<&str>, path: &str, constraint: &str) {
        let clause = match (self.service, value) {
            (Service::Sts, Some(v)) => {
                format!("Value '{v}' at '{path}' failed to satisfy constraint: {constraint}")
            }
            _ => format!("Value at '{path}' failed to satisfy constraint: {constraint}"),
        };
        self.clauses.push(clause);
    }

    fn null(&mut self, path: &str) {
        self.clauses.push(format!(
            "Value null at '{path}' failed to satisfy constraint: Member must not be null"
        ));
    }

    /// Violated constraints of one string value, as constraint texts.
    fn string_violations(&self, value: &str, rule: &StringRule) -> Vec<String> {
        let mut out = Vec::new();
        let len = value.chars().count();
        if let Some(max) = rule.max.filter(|&max| len > max) {
            out.push(format!(
                "Member must have length less than or equal to {max}"
            ));
        }
        if let Some(min) = rule.min.filter(|&min| len < min) {
            out.push(format!(
                "Member must have length greater than or equal to {min}"
            ));
        }
        if let Some(p) = rule.pattern.filter(|p| !p.is_match(value)) {
            out.push(format!(
                "Member must satisfy regular expression pattern: {}",
                p.model()
            ));
        }
        if !rule.enum_values.is_empty() && !rule.enum_values.contains(&value) {
            out.push(self.enum_text(rule));
        }
        out
    }

    fn enum_text(&self, rule: &StringRule) -> String {
        match self.service {
            // Recorded from IAM: no list of values.
            Service::Iam => "Member must satisfy enum value set".to_owned(),
            // STS appends the values (api.md §1.6, VERIFY).
            Service::Sts => format!(
                "Member must satisfy enum value set: [{}]",
                rule.enum_values.join(", ")
            ),
        }
    }

    /// All constraints of an element shape, in AWS's bracketed order.
    fn all_string_constraints(&self, rule: &StringRule) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(max) = rule.max {
            out.push(format!(
                "Member must have length less than or equal to {max}"
            ));
        }
        if let Some(min) = rule.min {
            out.push(format!(
                "Member must have length greater than or equal to {min}"
            ));
        }
        if let Some(p) = rule.pattern {
            out.push(format!(
                "Member must satisfy regular expression pattern: {}",
                p.model()
            ));
        }
        if !rule.enum_values.is_empty() {
            out.push(self.enum_text(rule));
        }
        out.push("Member must not be null".to_owned());
        out
    }

    /// The value of member `member` under wire prefix `key`, looked up through a reusable
    /// buffer: decoding a request allocates only for the values it keeps.
    fn lookup(&mut self, key: &str, member: &str) -> Option<&'a str> {
        self.key_buf.clear();
        if !key.is_empty() {
            self.key_buf.push_str(key);
            self.key_buf.push('.');
        }
        self.key_buf.push_str(member);
        self.params.get(&self.key_buf)
    }

    /// A string member.
    ///
    /// `key` and `path` are the wire-key and error-path prefixes of the enclosing structure
    /// (empty at top level); `member` is the model member name.
    pub fn string(
        &mut self,
        key: &str,
        path: &str,
        member: &str,
        rule: &StringRule,
        required: bool,
    ) -> Option<String> {
        let Some(value) = self.lookup(key, member) else {
            if required {
                self.null(&self::path(path, member));
            }
            return None;
        };
        let violations = self.string_violations(value, rule);
        if !violations.is_empty() {
            let at = self::path(path, member);
            for constraint in violations {
                self.clause(Some(value), &at, &constraint);
            }
        }
        Some(value.to_owned())
    }

    /// An integer member. A value that is not a decimal `i32` is a `ValidationError` too
    /// (api.md §1.6, `VERIFY` wording).
    pub fn int(
        &mut self,
        key: &str,
        path: &str,
        member: &str,
        rule: &IntRule,
        required: bool,
    ) -> Option<i32> {
        let Some(raw) = self.lookup(key, member) else {
            if required {
                self.null(&self::path(path, member));
            }
            return None;
        };
        let Ok(value) = raw.parse::<i32>() else {
            self.clause(
                Some(raw),
                &self::path(path, member),
                "Member must be a valid integer",
            );
            return None;
        };
        if let Some(max) = rule.max.filter(|&max| i64::from(value) > max) {
            self.clause(
                Some(raw),
                &self::path(path, member),
                &format!("Member must have value less than or equal to {max}"),
            );
        }
        if let Some(min) = rule.min.filter(|&min| i64::from(value) < min) {
            self.clause(
                Some(raw),
                &self::path(path, member),
                &format!("Member must have value greater than or equal to {min}"),
            );
        }
        Some(value)
    }

    /// A boolean member: `true` / `false`, case-insensitively (api.md §1.2).
    pub fn boolean(&mut self, key: &str, path: &str, member: &str, required: bool) -> Option<bool> {
        let Some(raw) = self.lookup(key, member) else {
            if required {
                self.null(&self::path(path, member));
            }
            return None;
        };
        if raw.eq_ignore_ascii_case("true") {
            Some(true)
        } else if raw.eq_ignore_ascii_case("false") {
            Some(false)
        } else {
            self.clause(
                Some(raw),
                &self::path(path, member),
                "Member must be a valid boolean",
            );
            None
        }
    }

    /// The element indices of the list at full wire key `list_key`, or `None` if the list was
    /// not sent at all.
    ///
    /// `Name=` (any value) with no `Name.member.N` is an empty list (api.md §1.2).
    fn list_indices(&self, list_key: &str) -> Option<Vec<u32>> {
        let indices = self.params.member_indices(list_key);
        if indices.is_empty() && self.params.get(list_key).is_none() {
            None
        } else {
            Some(indices)
        }
    }

    /// Like [`Self::clause`] for values that are expensive to render (lists): the echo is only
    /// computed for STS.
    fn clause_lazy(&mut self, echo: impl FnOnce() -> String, path: &str, constraint: &str) {
        match self.service {
            Service::Sts => self.clause(Some(&echo()), path, constraint),
            Service::Iam => self.clause(None, path, constraint),
        }
    }

    fn list_length(
        &mut self,
        echo: impl FnOnce() -> String,
        path: &str,
        rule: &ListRule,
        n: usize,
    ) {
        if let Some(max) = rule.max.filter(|&max| n > max) {
            let constraint = format!("Member must have length less than or equal to {max}");
            self.clause_lazy(echo, path, &constraint);
        } else if let Some(min) = rule.min.filter(|&min| n < min) {
            let constraint = format!("Member must have length greater than or equal to {min}");
            self.clause_lazy(echo, path, &constraint);
        }
    }

    /// A list of strings (`Name.member.N=value`).
    ///
    /// Element violations are reported once for the whole list with every element constraint
    /// bracketed, as AWS does (api.md §1.6, recorded `tagKeys` example).
    pub fn string_list(
        &mut self,
        key: &str,
        path: &str,
        member: &str,
        rule: &ListRule,
        element: &StringRule,
        required: bool,
    ) -> Option<Vec<String>> {
        let list_key = self::key(key, member);
        let Some(indices) = self.list_indices(&list_key) else {
            if required {
                self.null(&self::path(path, member));
            }
            return None;
        };
        let mut items = Vec::with_capacity(indices.len());
        let mut element_bad = false;
        for n in indices {
            match self.params.get(&format!("{list_key}.member.{n}")) {
                Some(v) => {
                    element_bad |= !self.string_violations(v, element).is_empty();
                    items.push(v.to_owned());
                }
                None => element_bad = true,
            }
        }
        let at = self::path(path, member);
        let echo = || format!("[{}]", items.join(", "));
        self.list_length(echo, &at, rule, items.len());
        if element_bad {
            let constraint = format!(
                "Member must satisfy constraint: [{}]",
                self.all_string_constraints(element).join(", ")
            );
            self.clause_lazy(echo, &at, &constraint);
        }
        Some(items)
    }

    /// A list of structures (`Name.member.N.Field=value`); `decode` reads one element from its
    /// wire key prefix (`Name.member.N`) and error path prefix (`name.N.member`).
    pub fn struct_list<T>(
        &mut self,
        key: &str,
        path: &str,
        member: &str,
        rule: &ListRule,
        required: bool,
        mut decode: impl FnMut(&mut Self, &str, &str) -> Option<T>,
    ) -> Option<Vec<T>> {
        let list_key = self::key(key, member);
        let at = self::path(path, member);
        let Some(indices) = self.list_indices(&list_key) else {
            if required {
                self.null(&at);
            }
            return None;
        };
        let mut items = Vec::with_capacity(indices.len());
        let mut complete = true;
        for (position, n) in (1..).zip(&indices) {
            let element_key = format!("{list_key}.member.{n}");
            let element_path = format!("{at}.{position}.member");
            match decode(self, &element_key, &element_path) {
                Some(item) => items.push(item),
                None => complete = false,
            }
        }
        let params = self.params;
        let echo = || {
            let elements: Vec<String> = indices
                .iter()
                .map(|n| {
                    let prefix = format!("{list_key}.member.{n}.");
                    let fields: Vec<String> = params
                        .with_prefix(&prefix)
                        .map(|(k, v)| format!("{}={v}", k.get(prefix.len()..).unwrap_or_default()))
                        .collect();
                    format!("{{{}}}", fields.join(", "))
                })
                .collect();
            format!("[{}]", elements.join(", "))
        };
        self.list_length(echo, &at, rule, indices.len());
        complete.then_some(items)
    }

    /// A nested structure (`Name.Field=value`), present when any `Name.` parameter was sent.
    pub fn structure<T>(
        &mut self,
        key: &str,
        path: &str,
        member: &str,
        required: bool,
        decode: impl FnOnce(&mut Self, &str, &str) -> Option<T>,
    ) -> Option<T> {
        let struct_key = self::key(key, member);
        let at = self::path(path, member);
        if !self.params.has_prefix(&format!("{struct_key}.")) {
            if required {
                self.null(&at);
            }
            return None;
        }
        decode(self, &struct_key, &at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static NAME: Pattern = Pattern::new("[\\w+=,.@-]+", None, || {
        compile("^(?:[A-Za-z0-9_+=,.@-]+)$")
    });
    static ALIAS: Pattern = Pattern::new("x", Some("--"), || compile("^(?:[a-z-]+)$"));

    #[test]
    fn pattern_is_whole_value_and_ascii_word() {
        assert!(NAME.is_match("alice+x@example.com"));
        assert!(!NAME.is_match("al ice"));
        assert!(!NAME.is_match("é"));
        assert!(!NAME.is_match(""));
    }

    #[test]
    fn forbidden_substring() {
        assert!(ALIAS.is_match("a-b"));
        assert!(!ALIAS.is_match("a--b"));
    }

    #[test]
    fn path_lowercases_first_letter_only() {
        assert_eq!(path("", "SAMLProviderArn"), "sAMLProviderArn");
        assert_eq!(path("tags.1.member", "Key"), "tags.1.member.key");
        assert_eq!(
            path("policyArns.2.member", "arn"),
            "policyArns.2.member.arn"
        );
        assert_eq!(key("Tags.member.1", "Key"), "Tags.member.1.Key");
        assert_eq!(key("", "UserName"), "UserName");
    }

    #[test]
    fn message_singular_and_plural() {
        let one = ValidationErrors {
            clauses: vec!["a".into()],
        };
        assert_eq!(one.to_string(), "1 validation error detected: a");
        let two = ValidationErrors {
            clauses: vec!["a".into(), "b".into()],
        };
        assert_eq!(two.to_string(), "2 validation errors detected: a; b");
    }
}
