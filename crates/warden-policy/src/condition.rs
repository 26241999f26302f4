//! Compiled conditions (spec policy.md §3): every operator of §3.3 with `IfExists`,
//! `ForAllValues:`/`ForAnyValue:` (§3.5), negated operators and missing keys (§3.6), `Null`
//! (§3.7).
//!
//! Policy values are parsed into their operator's type once, at compile time; a value that
//! does not parse (or a variable that does not resolve) becomes `None` and never matches.
//! Keys that the principal supplies (`aws:username`, `aws:PrincipalTag/*` ...) are resolved
//! at compile time too, so evaluation only consults the request context for the rest.

use crate::context::{Context, ContextValue, ValueType};
use crate::date::{Timestamp, parse_date};
use crate::document::{BaseOperator, Condition, ConditionOperator, SetQualifier};
use crate::pattern::{ArnPattern, Pattern, SplitArn, Token};
use crate::principal::Principal;
use crate::value::{Cidr, Decimal, decode_base64, parse_bool};
use crate::variables::{Resolved, Template, tokens_to_text};

/// Where a condition key's values come from.
#[derive(Clone, Debug, PartialEq)]
enum KeySource {
    /// The request context, by lower-cased key.
    Context(Box<str>),
    /// A principal-derived key, resolved at compile time (`None` = absent).
    Fixed(Option<ContextValue>),
}

/// A policy value: resolved at compile time, or a template over request-context keys that is
/// resolved per request (rare; allocation allowed there).
#[derive(Clone, Debug, PartialEq)]
enum Item<T> {
    Static(Option<T>),
    Dynamic(Template),
}

/// How string-like values are compared.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
enum StrMode {
    Equals,
    EqualsIgnoreCase,
    Like,
}

#[derive(Clone, Debug, PartialEq)]
enum Values {
    Str(StrMode, Vec<Item<Pattern>>),
    Arn(Vec<Item<ArnPattern>>),
    Bool(Vec<Item<bool>>),
    Numeric(Vec<Option<Decimal>>),
    Date(Vec<Option<Timestamp>>),
    Ip(Vec<Option<Cidr>>),
    Binary(Vec<Option<Vec<u8>>>),
    Null(Vec<Option<bool>>),
}

/// One compiled (operator, key, values) entry.
#[derive(Clone, Debug, PartialEq)]
pub struct CompiledCondition {
    operator: ConditionOperator,
    key: KeySource,
    key_text: Box<str>,
    values: Values,
}

/// Resolves a variable key for the current request: principal keys from the principal,
/// everything else from the context. Multivalued keys are unusable (§4.1).
pub(crate) fn lookup_key<'a>(
    key: &str,
    context: &'a Context,
    principal: &'a Principal,
) -> Resolved<'a> {
    if Principal::supplies(key) {
        return principal
            .key_value(key)
            .map_or(Resolved::Absent, Resolved::Single);
    }
    match context.get_lowercase(key) {
        None => Resolved::Absent,
        Some(e) => match e.values() {
            [v] if !e.is_multivalued() => Resolved::Single(v.text()),
            _ => Resolved::Unusable,
        },
    }
}

/// Compile-time resolution: only principal keys are known.
fn lookup_principal<'a>(key: &str, principal: &'a Principal) -> Resolved<'a> {
    principal
        .key_value(key)
        .map_or(Resolved::Absent, Resolved::Single)
}

fn literal_tokens(tokens: &[Token]) -> Vec<Token> {
    tokens
        .iter()
        .map(|t| match t {
            Token::Star => Token::Literal('*'),
            Token::One => Token::Literal('?'),
            lit => *lit,
        })
        .collect()
}

fn build_str(mode: StrMode, tokens: &[Token]) -> Pattern {
    match mode {
        // Equality operators have no wildcards: `*` and `?` compare literally.
        StrMode::Equals => Pattern::from_tokens(&literal_tokens(tokens), false),
        StrMode::EqualsIgnoreCase => Pattern::from_tokens(&literal_tokens(tokens), true),
        StrMode::Like => Pattern::from_tokens(tokens, false),
    }
}

fn str_from_text(mode: StrMode, text: &str) -> Pattern {
    match mode {
        StrMode::Equals => Pattern::literal(text, false),
        StrMode::EqualsIgnoreCase => Pattern::literal(text, true),
        StrMode::Like => Pattern::new(text, false),
    }
}

fn build_bool(tokens: &[Token]) -> Option<bool> {
    parse_bool(&tokens_to_text(tokens))
}

fn compile_item<T>(
    text: &str,
    interpret: bool,
    principal: &Principal,
    from_text: impl Fn(&str) -> Option<T>,
    build: impl Fn(&[Token]) -> Option<T>,
) -> Item<T> {
    // Fast path: no variable, the text itself is the value.
    if !interpret || !text.contains("${") {
        return Item::Static(from_text(text));
    }
    let template = Template::parse(text, interpret);
    if template.all_keys(Principal::supplies) {
        Item::Static(
            template
                .resolve(|k| lookup_principal(k, principal))
                .and_then(|t| build(&t)),
        )
    } else {
        Item::Dynamic(template)
    }
}

fn resolve_item<'i, T>(
    item: &'i Item<T>,
    context: &Context,
    principal: &Principal,
    missing: &mut impl FnMut(&str),
    build: impl Fn(&[Token]) -> Option<T>,
) -> Option<std::borrow::Cow<'i, T>>
where
    T: Clone,
{
    match item {
        Item::Static(v) => v.as_ref().map(std::borrow::Cow::Borrowed),
        Item::Dynamic(t) => {
            for key in t.variable_keys() {
                if !Principal::supplies(key) && context.get_lowercase(key).is_none() {
                    missing(key);
                }
            }
            t.resolve(|k| lookup_key(k, context, principal))
                .and_then(|toks| build(&toks))
                .map(std::borrow::Cow::Owned)
        }
    }
}

impl CompiledCondition {
    /// Compiles one condition entry. `interpret` is true for Version 2012-10-17 documents.
    pub fn compile(condition: &Condition, interpret: bool, principal: &Principal) -> Self {
        use BaseOperator as B;
        let op = condition.operator;
        let lower_key = condition.key.to_lowercase();
        let key = if Principal::supplies(&lower_key) {
            let ty = ValueType::of_key(&lower_key);
            KeySource::Fixed(
                principal
                    .key_value(&lower_key)
                    .map(|v| ContextValue::new(ty, v)),
            )
        } else {
            KeySource::Context(lower_key.into_boxed_str())
        };
        let texts = &condition.values;
        let vars = interpret && op.base.takes_variables();
        let strs = |mode: StrMode| {
            Values::Str(
                mode,
                texts
                    .iter()
                    .map(|t| {
                        compile_item(
                            t,
                            vars,
                            principal,
                            |text| Some(str_from_text(mode, text)),
                            |toks| Some(build_str(mode, toks)),
                        )
                    })
                    .collect(),
            )
        };
        let values = match op.base {
            B::StringEquals | B::StringNotEquals => strs(StrMode::Equals),
            B::StringEqualsIgnoreCase | B::StringNotEqualsIgnoreCase => {
                strs(StrMode::EqualsIgnoreCase)
            }
            B::StringLike | B::StringNotLike => strs(StrMode::Like),
            B::ArnEquals | B::ArnLike | B::ArnNotEquals | B::ArnNotLike => Values::Arn(
                texts
                    .iter()
                    .map(|t| {
                        compile_item(
                            t,
                            vars,
                            principal,
                            |text| Some(ArnPattern::new(text)),
                            |toks| Some(ArnPattern::from_tokens(toks)),
                        )
                    })
                    .collect(),
            ),
            B::Bool => Values::Bool(
                texts
                    .iter()
                    .map(|t| compile_item(t, vars, principal, parse_bool, build_bool))
                    .collect(),
            ),
            B::NumericEquals
            | B::NumericNotEquals
            | B::NumericLessThan
            | B::NumericLessThanEquals
            | B::NumericGreaterThan
            | B::NumericGreaterThanEquals => {
                Values::Numeric(texts.iter().map(|t| Decimal::parse(t)).collect())
            }
            B::DateEquals
            | B::DateNotEquals
            | B::DateLessThan
            | B::DateLessThanEquals
            | B::DateGreaterThan
            | B::DateGreaterThanEquals => {
                Values::Date(texts.iter().map(|t| parse_date(t)).collect())
            }
            B::IpAddress | B::NotIpAddress => {
                Values::Ip(texts.iter().map(|t| Cidr::parse(t)).collect())
            }
            B::BinaryEquals => Values::Binary(texts.iter().map(|t| decode_base64(t)).collect()),
            B::Null => Values::Null(texts.iter().map(|t| parse_bool(t)).collect()),
        };
        Self {
            operator: op,
            key,
            key_text: condition.key.as_str().into(),
            values,
        }
    }

    /// The key as written in the policy.
    pub fn key(&self) -> &str {
        &self.key_text
    }

    /// Whether the key comes from the request context (not the principal).
    pub fn is_context_key(&self) -> bool {
        matches!(self.key, KeySource::Context(_))
    }

    /// Evaluates the key-level test. `missing` is told about referenced context keys (the
    /// condition key and keys of per-request variables) that the context lacks.
    pub fn evaluate(
        &self,
        context: &Context,
        principal: &Principal,
        missing: &mut impl FnMut(&str),
    ) -> bool {
        let values: Option<&[ContextValue]> = match &self.key {
            KeySource::Context(k) => match context.get_lowercase(k) {
                Some(e) => Some(e.values()),
                None => {
                    missing(&self.key_text);
                    None
                }
            },
            KeySource::Fixed(v) => v.as_ref().map(std::slice::from_ref),
        };
        let op = self.operator;
        if let Values::Null(expect) = &self.values {
            // §3.7: absent or an empty list counts as null; values are ORed.
            let is_null = values.is_none_or(<[ContextValue]>::is_empty);
            return expect.contains(&Some(is_null));
        }
        let negated = op.base.is_negated();
        let list = values.unwrap_or(&[]);
        match op.qualifier {
            None => {
                let Some(list) = values else {
                    // §3.3: absent → positive false, negated true, IfExists true.
                    return op.if_exists || negated;
                };
                let any = list
                    .iter()
                    .any(|v| self.matches_any(v, context, principal, missing));
                any != negated
            }
            Some(SetQualifier::ForAnyValue) => {
                if list.is_empty() {
                    return op.if_exists;
                }
                list.iter()
                    .any(|v| self.matches_any(v, context, principal, missing) != negated)
            }
            Some(SetQualifier::ForAllValues) => list
                .iter()
                .all(|v| self.matches_any(v, context, principal, missing) != negated),
        }
    }

    /// `∃p∈P match(v, p)` for one context value.
    fn matches_any(
        &self,
        v: &ContextValue,
        context: &Context,
        principal: &Principal,
        missing: &mut impl FnMut(&str),
    ) -> bool {
        use BaseOperator as B;
        let base = self.operator.base;
        let negated = base.is_negated();
        match &self.values {
            Values::Str(mode, items) => items.iter().any(|item| {
                resolve_item(item, context, principal, missing, |t| {
                    Some(build_str(*mode, t))
                })
                .is_some_and(|p| p.matches(v.text()))
            }),
            Values::Arn(items) => {
                let split = SplitArn::new(v.text());
                items.iter().any(|item| {
                    resolve_item(item, context, principal, missing, |t| {
                        Some(ArnPattern::from_tokens(t))
                    })
                    .is_some_and(|p| p.matches_condition(&split))
                })
            }
            Values::Bool(items) => {
                let Some(b) = v.boolean() else {
                    return false;
                };
                items.iter().any(|item| {
                    resolve_item(item, context, principal, missing, build_bool)
                        .is_some_and(|p| *p == b)
                })
            }
            // §3.3: an unparseable context or policy value makes the pair "not match" for
            // the operator as written — for a negated typed operator (`NumericNotEquals`,
            // `DateNotEquals`, `NotIpAddress`) that means the pair's *not-equal* test is
            // false, which in terms of the positive comparison computed here is `true`.
            Values::Numeric(ps) => {
                let Some(n) = v.decimal() else {
                    return negated;
                };
                ps.iter().any(|p| match p {
                    None => negated,
                    Some(p) => match base {
                        B::NumericEquals | B::NumericNotEquals => n == *p,
                        B::NumericLessThan => n < *p,
                        B::NumericLessThanEquals => n <= *p,
                        B::NumericGreaterThan => n > *p,
                        B::NumericGreaterThanEquals => n >= *p,
                        _ => false,
                    },
                })
            }
            Values::Date(ps) => {
                let Some(d) = v.date() else {
                    return negated;
                };
                ps.iter().any(|p| match p {
                    None => negated,
                    Some(p) => match base {
                        B::DateEquals | B::DateNotEquals => d == *p,
                        B::DateLessThan => d < *p,
                        B::DateLessThanEquals => d <= *p,
                        B::DateGreaterThan => d > *p,
                        B::DateGreaterThanEquals => d >= *p,
                        _ => false,
                    },
                })
            }
            Values::Ip(ps) => {
                let Some(ip) = v.ip() else {
                    return negated;
                };
                ps.iter()
                    .any(|c| c.as_ref().map_or(negated, |c| c.contains(ip)))
            }
            Values::Binary(ps) => {
                let Some(bytes) = v.binary() else {
                    return false;
                };
                ps.iter().flatten().any(|p| **p == *bytes)
            }
            Values::Null(_) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::ConditionOperator;

    fn op(name: &str) -> ConditionOperator {
        let (qualifier, rest) = if let Some(r) = name.strip_prefix("ForAllValues:") {
            (Some(SetQualifier::ForAllValues), r)
        } else if let Some(r) = name.strip_prefix("ForAnyValue:") {
            (Some(SetQualifier::ForAnyValue), r)
        } else {
            (None, name)
        };
        let (base_name, if_exists) = match rest.strip_suffix("IfExists") {
            Some(b) => (b, true),
            None => (rest, false),
        };
        let base = BaseOperator::ALL
            .into_iter()
            .find(|b| b.name() == base_name)
            .unwrap();
        ConditionOperator {
            qualifier,
            base,
            if_exists,
        }
    }

    fn eval(operator: &str, key: &str, values: &[&str], ctx: &Context) -> bool {
        let cond = Condition {
            operator: op(operator),
            key: key.to_owned(),
            values: values.iter().map(|s| (*s).to_owned()).collect(),
        };
        let p = Principal::user("arn:aws:iam::111122223333:user/alice", "AIDAALICE")
            .with_tags([("team", "blue")]);
        CompiledCondition::compile(&cond, true, &p).evaluate(ctx, &p, &mut |_| {})
    }

    #[test]
    fn missing_keys_reported() {
        let cond = Condition {
            operator: op("StringEquals"),
            key: "s3:Prefix".to_owned(),
            values: vec!["${aws:SourceVpc}".to_owned()],
        };
        let p = Principal::root("111122223333");
        let c = CompiledCondition::compile(&cond, true, &p);
        let mut seen = Vec::new();
        let ctx = Context::builder().string("s3:prefix", "x").build();
        assert!(!c.evaluate(&ctx, &p, &mut |k| seen.push(k.to_owned())));
        assert_eq!(seen, vec!["aws:sourcevpc".to_owned()]);
        seen.clear();
        assert!(!c.evaluate(&Context::new(), &p, &mut |k| seen.push(k.to_owned())));
        assert_eq!(seen, vec!["s3:Prefix".to_owned()]);
    }

    #[test]
    fn principal_keys_need_no_context() {
        assert!(eval(
            "StringEquals",
            "aws:username",
            &["alice"],
            &Context::new()
        ));
        assert!(eval(
            "StringEquals",
            "aws:PrincipalTag/TEAM",
            &["${aws:PrincipalTag/team}"],
            &Context::new()
        ));
    }

    #[test]
    fn null_operator() {
        let empty = Context::builder().strings("aws:TagKeys", []).build();
        let some = Context::builder().strings("aws:TagKeys", ["a"]).build();
        let blank = Context::builder().string("aws:RequestTag/x", "").build();
        assert!(eval("Null", "aws:TagKeys", &["true"], &Context::new()));
        assert!(eval("Null", "aws:TagKeys", &["TRUE"], &empty));
        assert!(!eval("Null", "aws:TagKeys", &["true"], &some));
        assert!(eval("Null", "aws:TagKeys", &["false"], &some));
        assert!(eval("Null", "aws:TagKeys", &["true", "false"], &some));
        assert!(!eval("Null", "aws:TagKeys", &["maybe"], &some));
        assert!(eval("Null", "aws:RequestTag/x", &["false"], &blank));
    }
}
