//! Policy variables (spec policy.md §4): `${key}`, `${key, 'default'}` and the escapes
//! `${*}`, `${?}`, `${$}`.
//!
//! A [`Template`] is parsed once at compile time. Resolution produces pattern [`Token`]s in
//! which substituted text and escapes are always *literal* (§4.1), or `None` when a variable
//! cannot be resolved, which makes the containing string "null" (§4.3).

use crate::pattern::Token;

/// One piece of a template.
#[derive(Clone, Debug, Eq, PartialEq)]
pub enum Segment {
    /// Policy text: `*` and `?` in it are wildcards.
    Text(String),
    /// A literal character produced by `${*}`, `${?}` or `${$}`.
    Escape(char),
    /// A variable reference.
    Variable {
        /// The key, trimmed and lower-cased (lookups are case-insensitive).
        key: String,
        /// The default text between the single quotes, if given.
        default: Option<String>,
    },
}

/// A string that may contain policy variables.
#[derive(Clone, Debug, Default, Eq, PartialEq)]
pub struct Template {
    segments: Vec<Segment>,
}

/// What a variable key resolves to.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum Resolved<'a> {
    /// The key has exactly one value.
    Single(&'a str),
    /// The key is absent (the default applies, if any).
    Absent,
    /// The key is multivalued (or an empty list): unresolvable, even with a default (§4.1).
    Unusable,
}

impl Template {
    /// Parses `text`. With `interpret == false` (Version 2008-10-17, or a place where
    /// variables are not allowed) the whole text is policy text.
    pub fn parse(text: &str, interpret: bool) -> Self {
        let mut segments = Vec::new();
        if !interpret {
            segments.push(Segment::Text(text.to_owned()));
            return Self { segments };
        }
        let mut literal = String::new();
        let mut rest = text;
        while let Some(at) = rest.find("${") {
            let (before, from) = rest.split_at(at);
            literal.push_str(before);
            let body_and_more = from.get(2..).unwrap_or("");
            // VERIFY (§4.1): an unterminated `${` is literal text.
            let Some(close) = body_and_more.find('}') else {
                literal.push_str(from);
                rest = "";
                break;
            };
            let body = body_and_more.get(..close).unwrap_or("");
            rest = body_and_more.get(close + 1..).unwrap_or("");
            let segment = match body {
                "*" => Segment::Escape('*'),
                "?" => Segment::Escape('?'),
                "$" => Segment::Escape('$'),
                _ => match parse_variable(body) {
                    Some(var) => var,
                    None => {
                        // Not a well-formed variable: keep the text as written.
                        literal.push_str("${");
                        literal.push_str(body);
                        literal.push('}');
                        continue;
                    }
                },
            };
            if !literal.is_empty() {
                segments.push(Segment::Text(std::mem::take(&mut literal)));
            }
            segments.push(segment);
        }
        literal.push_str(rest);
        if !literal.is_empty() || segments.is_empty() {
            segments.push(Segment::Text(literal));
        }
        Self { segments }
    }

    /// The segments.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// Whether the template references any variable.
    pub fn has_variables(&self) -> bool {
        self.segments
            .iter()
            .any(|s| matches!(s, Segment::Variable { .. }))
    }

    /// The (lower-cased) keys of the variables referenced.
    pub fn variable_keys(&self) -> impl Iterator<Item = &str> {
        self.segments.iter().filter_map(|s| match s {
            Segment::Variable { key, .. } => Some(key.as_str()),
            _ => None,
        })
    }

    /// Whether every variable is resolvable by `is_static` (used to substitute
    /// principal-derived variables at compile time).
    pub fn all_keys(&self, mut pred: impl FnMut(&str) -> bool) -> bool {
        self.variable_keys().all(&mut pred)
    }

    /// Resolves the template to tokens, or `None` if a variable is unresolvable (§4.3).
    pub fn resolve<'r>(&self, mut lookup: impl FnMut(&str) -> Resolved<'r>) -> Option<Vec<Token>> {
        let mut out = Vec::new();
        for seg in &self.segments {
            match seg {
                Segment::Text(t) => out.extend(crate::pattern::tokenize(t)),
                Segment::Escape(c) => out.push(Token::Literal(*c)),
                Segment::Variable { key, default } => match lookup(key) {
                    Resolved::Single(v) => out.extend(v.chars().map(Token::Literal)),
                    Resolved::Absent => match default {
                        Some(d) => out.extend(d.chars().map(Token::Literal)),
                        None => return None,
                    },
                    Resolved::Unusable => return None,
                },
            }
        }
        Some(out)
    }
}

impl Template {
    /// Resolves to text when no literal `*`/`?` is produced (escapes or substituted text
    /// containing them), so callers can use the cheaper text-based pattern constructors.
    /// `Some(None)`: resolvable but needs the token form; `None`: unresolvable.
    pub fn resolve_text<'r>(
        &self,
        mut lookup: impl FnMut(&str) -> Resolved<'r>,
    ) -> Option<Option<String>> {
        let mut out = String::new();
        let mut literal_wild = false;
        for seg in &self.segments {
            let text: &str = match seg {
                Segment::Text(t) => t,
                Segment::Escape(c) => {
                    literal_wild |= *c != '$';
                    out.push(*c);
                    continue;
                }
                Segment::Variable { key, default } => match lookup(key) {
                    Resolved::Single(v) => {
                        literal_wild |= v.contains(['*', '?']);
                        v
                    }
                    Resolved::Absent => {
                        let d = default.as_deref()?;
                        literal_wild |= d.contains(['*', '?']);
                        d
                    }
                    Resolved::Unusable => return None,
                },
            };
            out.push_str(text);
        }
        Some((!literal_wild).then_some(out))
    }
}

/// Parses a variable body `key` or `key, 'default'`.
fn parse_variable(body: &str) -> Option<Segment> {
    let (key, default) = match body.split_once(',') {
        None => (body, None),
        Some((key, rest)) => {
            let rest = rest.trim_start();
            let inner = rest.strip_prefix('\'')?.strip_suffix('\'')?;
            (key, Some(inner.to_owned()))
        }
    };
    let key = key.trim();
    if key.is_empty() {
        return None;
    }
    Some(Segment::Variable {
        key: key.to_ascii_lowercase(),
        default,
    })
}

/// Renders tokens back to text (wildcards as `*`/`?`), for exact-comparison operators where
/// wildcards have no meaning.
pub fn tokens_to_text(tokens: &[Token]) -> String {
    tokens
        .iter()
        .map(|t| match t {
            Token::Star => '*',
            Token::One => '?',
            Token::Literal(c) => *c,
        })
        .collect()
}

/// Parses a `Resource`/`NotResource` ARN pattern: variables are interpreted only after the
/// fifth colon (§4.2), so a `${` in fields 1–5 stays literal text.
pub fn parse_resource(text: &str, interpret: bool) -> Template {
    if !interpret {
        return Template::parse(text, false);
    }
    let mut colons = 0;
    let mut split_at = None;
    for (i, b) in text.bytes().enumerate() {
        if b == b':' {
            colons += 1;
            if colons == 5 {
                split_at = Some(i + 1);
                break;
            }
        }
    }
    let Some(at) = split_at else {
        return Template::parse(text, false);
    };
    let (head, tail) = text.split_at(at);
    let mut t = Template::parse(tail, true);
    if !head.is_empty() {
        t.segments.insert(0, Segment::Text(head.to_owned()));
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pattern::Pattern;

    fn lookup(key: &str) -> Resolved<'static> {
        match key {
            "aws:username" => Resolved::Single("alice"),
            "aws:principaltag/team" => Resolved::Single("blue"),
            "aws:tagkeys" => Resolved::Unusable,
            "star" => Resolved::Single("a*b"),
            _ => Resolved::Absent,
        }
    }

    fn render(text: &str) -> Option<String> {
        Template::parse(text, true)
            .resolve(lookup)
            .map(|t| tokens_to_text(&t))
    }

    macro_rules! var_cases {
        ($($name:ident: $text:expr => $want:expr;)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(render($text).as_deref(), $want);
            }
        )*};
    }

    var_cases! {
        plain: "abc" => Some("abc");
        simple: "home/${aws:username}/*" => Some("home/alice/*");
        case_insensitive_key: "${AWS:UserName}" => Some("alice");
        spaces_in_key: "${ aws:username }" => Some("alice");
        default_used: "b-${aws:PrincipalTag/dept, 'none'}" => Some("b-none");
        default_not_used: "b-${aws:PrincipalTag/team, 'none'}" => Some("b-blue");
        default_spaces: "${missing,   'x y'}" => Some("x y");
        absent: "${missing}" => None;
        multivalued: "${aws:TagKeys}" => None;
        multivalued_default: "${aws:TagKeys, 'd'}" => None;
        escape_star: "a${*}b" => Some("a*b");
        escape_q: "a${?}b" => Some("a?b");
        escape_dollar: "${$}{x}" => Some("${x}");
        unterminated: "a${aws:username" => Some("a${aws:username");
        empty_var: "a${}b" => Some("a${}b");
        two_vars: "${aws:username}-${aws:username}" => Some("alice-alice");
    }

    #[test]
    fn escapes_and_substitutions_are_literal() {
        let toks = Template::parse("a${*}b", true).resolve(lookup).unwrap();
        let p = Pattern::from_tokens(&toks, false);
        assert!(p.matches("a*b"));
        assert!(!p.matches("axb"));
        let toks = Template::parse("${star}", true).resolve(lookup).unwrap();
        let p = Pattern::from_tokens(&toks, false);
        assert!(p.matches("a*b"));
        assert!(!p.matches("azzb"));
        let toks = Template::parse("x*", true).resolve(lookup).unwrap();
        assert!(Pattern::from_tokens(&toks, false).matches("xyz"));
    }

    #[test]
    fn resolve_text_flags_literal_wildcards() {
        let t = Template::parse("home/${aws:username}/*", true);
        assert_eq!(
            t.resolve_text(lookup),
            Some(Some("home/alice/*".to_owned()))
        );
        assert_eq!(
            Template::parse("a${*}", true).resolve_text(lookup),
            Some(None)
        );
        assert_eq!(
            Template::parse("${star}", true).resolve_text(lookup),
            Some(None)
        );
        assert_eq!(
            Template::parse("${$}", true).resolve_text(lookup),
            Some(Some("$".to_owned()))
        );
        assert_eq!(
            Template::parse("${missing}", true).resolve_text(lookup),
            None
        );
        assert_eq!(
            Template::parse("${aws:TagKeys}", true).resolve_text(lookup),
            None
        );
    }

    #[test]
    fn legacy_version_is_literal() {
        let t = Template::parse("user/${aws:username}", false);
        assert!(!t.has_variables());
        assert_eq!(
            tokens_to_text(&t.resolve(lookup).unwrap()),
            "user/${aws:username}"
        );
    }

    #[test]
    fn resource_variables_only_after_fifth_colon() {
        let t = parse_resource("arn:aws:iam::*:user/${aws:username}", true);
        assert_eq!(
            tokens_to_text(&t.resolve(lookup).unwrap()),
            "arn:aws:iam::*:user/alice"
        );
        let t = parse_resource("arn:aws:s3:${aws:username}::b", true);
        assert!(!t.has_variables());
        let t = parse_resource("arn:aws:sqs:us-east-2:*:${aws:username}-queue", true);
        assert_eq!(
            tokens_to_text(&t.resolve(lookup).unwrap()),
            "arn:aws:sqs:us-east-2:*:alice-queue"
        );
        assert!(!parse_resource("*", true).has_variables());
    }
}
