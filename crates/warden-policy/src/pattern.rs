//! Wildcard matching (spec policy.md §2): the `glob` primitive, action patterns and ARN
//! patterns.
//!
//! Patterns are compiled once into [`Pattern`]s made of [`Token`]s. A token distinguishes a
//! *wildcard* `*`/`?` from a *literal* character, which is how the policy-variable escapes
//! `${*}`, `${?}`, `${$}` and substituted variable text stay literal (§2.1, §4.1): the
//! language itself has no escape character. Compiled patterns are classified (any / exact /
//! prefix / suffix / general glob) so the common cases cost one string comparison.
//!
//! Matching is over Unicode scalar values with a byte-at-a-time path for ASCII text, using the
//! classic two-pointer backtracking algorithm: linear space, no regex, no per-request
//! compilation, no catastrophic backtracking.

/// One element of a compiled pattern.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum Token {
    /// Wildcard `*`: any run of characters, including none.
    Star,
    /// Wildcard `?`: exactly one character.
    One,
    /// A character that matches itself (case-folded when the pattern is case-insensitive).
    Literal(char),
}

/// Tokenises pattern text as written in a policy: every `*` and `?` is a wildcard.
pub fn tokenize(pattern: &str) -> Vec<Token> {
    pattern
        .chars()
        .map(|c| match c {
            '*' => Token::Star,
            '?' => Token::One,
            c => Token::Literal(c),
        })
        .collect()
}

/// Matches `text` against a pattern written in a policy, where every `*` and `?` is a
/// wildcard (§2.1). Convenience for callers that do not keep a compiled [`Pattern`].
pub fn glob(pattern: &str, text: &str, case_insensitive: bool) -> bool {
    Pattern::from_tokens(&tokenize(pattern), case_insensitive).matches(text)
}

/// A compiled, classified wildcard pattern.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Pattern {
    kind: PatternKind,
    case_insensitive: bool,
    /// Whether every literal is ASCII: then case-insensitive comparison is byte-wise.
    ascii: bool,
}

/// The shape of a pattern, chosen at compile time so most matches are one comparison.
#[derive(Clone, Debug, Eq, PartialEq)]
enum PatternKind {
    /// `*`: matches everything.
    Any,
    /// No wildcard: whole-text equality.
    Exact(Box<str>),
    /// `literal*`.
    Prefix(Box<str>),
    /// `*literal`.
    Suffix(Box<str>),
    /// Anything else. Case-sensitive patterns (every ARN) keep their leading literal
    /// characters apart as `prefix`: most texts are rejected by that one comparison, and the
    /// general matcher then runs only on the rest of the text with the remaining `tokens`.
    /// (Case-insensitive patterns keep an empty prefix: folding can change text lengths.)
    Glob {
        /// Leading literal characters (empty for case-insensitive patterns).
        prefix: Box<str>,
        /// The tokens after the prefix.
        tokens: Box<[Token]>,
    },
}

impl Pattern {
    /// Compiles a token sequence. For case-insensitive patterns the literals are folded here
    /// once, so matching only folds the text side.
    pub fn from_tokens(tokens: &[Token], case_insensitive: bool) -> Self {
        let fold_lit = |c: char| if case_insensitive { fold(c) } else { c };
        // Collapse runs of `*` (they are equivalent to one) so classification sees the shape.
        let mut toks: Vec<Token> = Vec::with_capacity(tokens.len());
        for &t in tokens {
            let t = match t {
                Token::Literal(c) => Token::Literal(fold_lit(c)),
                other => other,
            };
            if t == Token::Star && toks.last() == Some(&Token::Star) {
                continue;
            }
            toks.push(t);
        }
        let stars = toks.iter().filter(|t| **t == Token::Star).count();
        let ones = toks.contains(&Token::One);
        let literal = |ts: &[Token]| -> Box<str> {
            ts.iter()
                .filter_map(|t| match t {
                    Token::Literal(c) => Some(*c),
                    _ => None,
                })
                .collect::<String>()
                .into_boxed_str()
        };
        let kind = if ones || stars > 1 {
            glob_kind(toks, case_insensitive)
        } else if stars == 0 {
            PatternKind::Exact(literal(&toks))
        } else if toks.len() == 1 {
            PatternKind::Any
        } else if toks.last() == Some(&Token::Star) {
            PatternKind::Prefix(literal(&toks))
        } else if toks.first() == Some(&Token::Star) {
            PatternKind::Suffix(literal(&toks))
        } else {
            glob_kind(toks, case_insensitive)
        };
        let ascii = match &kind {
            PatternKind::Any => true,
            PatternKind::Exact(l) | PatternKind::Prefix(l) | PatternKind::Suffix(l) => l.is_ascii(),
            PatternKind::Glob { prefix, tokens } => {
                prefix.is_ascii()
                    && tokens.iter().all(|t| match t {
                        Token::Literal(c) => c.is_ascii(),
                        _ => true,
                    })
            }
        };
        Self {
            kind,
            case_insensitive,
            ascii,
        }
    }

    /// A pattern matching exactly `text` (no wildcards: `*` and `?` are literal).
    pub fn literal(text: &str, case_insensitive: bool) -> Self {
        let lit: Box<str> = if case_insensitive {
            text.chars().map(fold).collect::<String>().into_boxed_str()
        } else {
            text.into()
        };
        Self {
            ascii: lit.is_ascii(),
            kind: PatternKind::Exact(lit),
            case_insensitive,
        }
    }

    /// Compiles policy text in which every `*`/`?` is a wildcard.
    pub fn new(pattern: &str, case_insensitive: bool) -> Self {
        // Fast paths for the common shapes (compile time matters: "compile once" still runs
        // per principal): no wildcard, or a single trailing `*`.
        let wild = pattern.bytes().filter(|b| *b == b'*' || *b == b'?').count();
        let fold_text = |t: &str| -> Box<str> {
            if case_insensitive {
                t.chars().map(fold).collect::<String>().into_boxed_str()
            } else {
                t.into()
            }
        };
        let kind = match (wild, pattern.strip_suffix('*')) {
            (0, _) => Some(PatternKind::Exact(fold_text(pattern))),
            (1, Some("")) => Some(PatternKind::Any),
            (1, Some(head)) => Some(PatternKind::Prefix(fold_text(head))),
            _ => None,
        };
        match kind {
            Some(kind) => Self {
                ascii: pattern.is_ascii(),
                kind,
                case_insensitive,
            },
            None => Self::from_tokens(&tokenize(pattern), case_insensitive),
        }
    }

    /// The literal of a wildcard-free pattern (folded if case-insensitive).
    pub fn exact(&self) -> Option<&str> {
        match &self.kind {
            PatternKind::Exact(l) => Some(l),
            _ => None,
        }
    }

    /// Whether this pattern is the lone `*`.
    pub fn is_any(&self) -> bool {
        matches!(self.kind, PatternKind::Any)
    }

    /// Whether `text` matches the whole pattern.
    pub fn matches(&self, text: &str) -> bool {
        let ci = self.case_insensitive;
        // With ASCII literals, case-insensitive comparison is byte-wise (a non-ASCII text
        // character can then never equal a literal).
        let ascii_ci = ci && self.ascii;
        match &self.kind {
            PatternKind::Any => true,
            PatternKind::Exact(lit) if ascii_ci => lit.eq_ignore_ascii_case(text),
            PatternKind::Exact(lit) => eq_text(lit, text, ci),
            PatternKind::Prefix(lit) if ascii_ci => text
                .as_bytes()
                .get(..lit.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(lit.as_bytes())),
            PatternKind::Prefix(lit) => {
                if ci {
                    starts_with_folded(text, lit).is_some()
                } else {
                    text.starts_with(&**lit)
                }
            }
            PatternKind::Suffix(lit) => {
                if ci {
                    ends_with_folded(text, lit)
                } else {
                    text.ends_with(&**lit)
                }
            }
            PatternKind::Glob { prefix, tokens } => text
                .strip_prefix(&**prefix)
                .is_some_and(|rest| glob_tokens(tokens, rest, ci)),
        }
    }
}

/// A [`PatternKind::Glob`], its literal prefix split off when case-sensitive.
fn glob_kind(tokens: Vec<Token>, case_insensitive: bool) -> PatternKind {
    let split = if case_insensitive {
        0
    } else {
        tokens
            .iter()
            .position(|t| !matches!(t, Token::Literal(_)))
            .unwrap_or(tokens.len())
    };
    let (head, rest) = tokens.split_at(split);
    PatternKind::Glob {
        prefix: head
            .iter()
            .filter_map(|t| match t {
                Token::Literal(c) => Some(*c),
                _ => None,
            })
            .collect(),
        tokens: rest.into(),
    }
}

/// Case folding used by case-insensitive matching: ASCII lower-casing, and Unicode simple
/// lower-casing where it maps to a single character.
pub(crate) fn fold(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) => l,
            _ => c,
        }
    }
}

/// Equality of pattern literal `lit` (already folded when `ci`) and `text`.
fn eq_text(lit: &str, text: &str, ci: bool) -> bool {
    if !ci {
        return lit == text;
    }
    if lit.is_ascii() && text.is_ascii() {
        return lit.eq_ignore_ascii_case(text);
    }
    let mut a = lit.chars();
    let mut b = text.chars();
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x == fold(y) => {}
            _ => return false,
        }
    }
}

/// If `text` starts with folded literal `lit` (case-insensitively), the byte length of the
/// matched prefix of `text`.
fn starts_with_folded(text: &str, lit: &str) -> Option<usize> {
    if lit.is_ascii() {
        let n = lit.len();
        let head = text.as_bytes().get(..n)?;
        return head.eq_ignore_ascii_case(lit.as_bytes()).then_some(n);
    }
    let mut used = 0;
    let mut chars = text.chars();
    for l in lit.chars() {
        let c = chars.next()?;
        if fold(c) != l {
            return None;
        }
        used += c.len_utf8();
    }
    Some(used)
}

fn ends_with_folded(text: &str, lit: &str) -> bool {
    if lit.is_ascii() {
        let n = lit.len();
        let Some(start) = text.len().checked_sub(n) else {
            return false;
        };
        return text
            .as_bytes()
            .get(start..)
            .is_some_and(|tail| tail.eq_ignore_ascii_case(lit.as_bytes()));
    }
    let mut a = lit.chars().rev();
    let mut b = text.chars().rev();
    loop {
        match (a.next(), b.next()) {
            (None, _) => return true,
            (Some(x), Some(y)) if x == fold(y) => {}
            _ => return false,
        }
    }
}

/// The character at byte offset `at` of `text` and its length; ASCII without decoding.
#[inline]
fn char_at(text: &str, at: usize) -> Option<(char, usize)> {
    match text.as_bytes().get(at) {
        None => None,
        Some(&b) if b < 0x80 => Some((char::from(b), 1)),
        Some(_) => text
            .get(at..)
            .and_then(|rest| rest.chars().next())
            .map(|c| (c, c.len_utf8())),
    }
}

/// Two-pointer backtracking glob over tokens (§2.1): on a mismatch, resume after the most
/// recent `*` with that star absorbing one more character. Only the last star needs to be
/// remembered, which bounds the work by `O(|pattern| · |text|)` with constant extra space.
fn glob_tokens(tokens: &[Token], text: &str, ci: bool) -> bool {
    let (mut p, mut t) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    loop {
        match tokens.get(p) {
            Some(Token::Star) => {
                star = Some((p, t));
                p += 1;
                continue;
            }
            Some(tok) => {
                if let Some((c, n)) = char_at(text, t) {
                    let ok = match tok {
                        Token::One => true,
                        Token::Literal(l) => *l == c || (ci && *l == fold(c)),
                        Token::Star => false,
                    };
                    if ok {
                        p += 1;
                        t += n;
                        continue;
                    }
                }
            }
            None => {
                if t == text.len() {
                    return true;
                }
            }
        }
        // Mismatch: let the last star swallow one more character, or fail.
        let Some((sp, st)) = star else {
            return false;
        };
        let Some((_, n)) = char_at(text, st) else {
            return false;
        };
        star = Some((sp, st + n));
        p = sp + 1;
        t = st + n;
    }
}

/// A compiled `Action`/`NotAction` entry (§2.2).
#[derive(Clone, Debug, Eq, PartialEq)]
pub enum ActionPattern {
    /// `*`: every action.
    Any,
    /// `vendor:name-pattern`.
    Service {
        /// The vendor, lower-cased; compared case-insensitively and never as a wildcard.
        vendor: Box<str>,
        /// The name pattern, case-insensitive.
        name: Pattern,
    },
}

impl ActionPattern {
    /// Compiles an action pattern as written. A pattern without a colon (other than `*`)
    /// can only come from an invalid document; it compiles to one that never matches.
    pub fn new(text: &str) -> Self {
        if text == "*" {
            return Self::Any;
        }
        let (vendor, name) = text.split_once(':').unwrap_or((text, "\u{0}never"));
        Self::Service {
            vendor: vendor.to_ascii_lowercase().into_boxed_str(),
            name: Pattern::new(name, true),
        }
    }

    /// The lower-cased vendor, if the pattern is vendor-specific.
    pub fn vendor(&self) -> Option<&str> {
        match self {
            Self::Any => None,
            Self::Service { vendor, .. } => Some(vendor),
        }
    }

    /// The (lower-cased) action name if the pattern is wildcard-free and ASCII, the form the
    /// compiled index looks up by exact name.
    pub fn exact_ascii_name(&self) -> Option<&str> {
        match self {
            Self::Any => None,
            Self::Service { name, .. } => name.exact().filter(|n| n.is_ascii()),
        }
    }

    /// Whether the request action, already split at its colon, matches.
    pub fn matches_split(&self, vendor: &str, name: &str) -> bool {
        match self {
            Self::Any => true,
            // VERIFY (§2.2): a `*` in the vendor is a literal, so `s*:Get*` never matches.
            Self::Service { vendor: v, name: n } => {
                v.eq_ignore_ascii_case(vendor) && n.matches(name)
            }
        }
    }

    /// Whether the request action `service:Name` matches.
    pub fn matches(&self, action: &str) -> bool {
        match action.split_once(':') {
            Some((vendor, name)) => self.matches_split(vendor, name),
            None => matches!(self, Self::Any),
        }
    }
}

/// A request ARN split with the 5-split rule (§2.3), without copying.
#[derive(Clone, Copy, Debug)]
pub struct SplitArn<'a> {
    text: &'a str,
    /// Byte offset where each field starts; valid for the first `count` fields.
    starts: [usize; 6],
    count: usize,
}

impl<'a> SplitArn<'a> {
    /// Splits on `:` at most five times.
    pub fn new(text: &'a str) -> Self {
        let mut starts = [0usize; 6];
        let mut count = 1;
        for (i, b) in text.bytes().enumerate() {
            if count == 6 {
                break;
            }
            if b == b':' {
                if let Some(slot) = starts.get_mut(count) {
                    *slot = i + 1;
                }
                count += 1;
            }
        }
        Self {
            text,
            starts,
            count,
        }
    }

    /// The whole text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Number of fields (1..=6); 6 means a full ARN.
    pub fn len(&self) -> usize {
        self.count
    }

    /// Always false: a split ARN has at least one field.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// Field `i` (0-based), without its trailing colon.
    pub fn field(&self, i: usize) -> &'a str {
        let start = self.starts.get(i).copied().unwrap_or(self.text.len());
        let end = if i + 1 < self.count {
            self.starts.get(i + 1).map_or(self.text.len(), |s| s - 1)
        } else {
            self.text.len()
        };
        self.text.get(start..end).unwrap_or("")
    }

    /// Everything from the start of field `i` to the end (the rejoined tail of §2.4 rule 4).
    pub fn tail(&self, i: usize) -> &'a str {
        let start = self.starts.get(i).copied().unwrap_or(self.text.len());
        self.text.get(start..).unwrap_or("")
    }
}

/// A compiled ARN pattern for `Resource`/`NotResource` and the `Arn*` operators (§2.4, §2.5).
#[derive(Clone, Debug, Eq, PartialEq)]
pub enum ArnPattern {
    /// `*`.
    Any,
    /// Fields 1..k-1 carry no wildcard, so matching the whole text at once is equivalent to
    /// the field-wise rule (the literal colons pin the fields) and cheaper.
    Whole {
        /// The whole-text pattern.
        pattern: Pattern,
        /// Number of pattern fields `k` (informational).
        fields: usize,
    },
    /// Field-wise matching: `fields.len()` = k.
    Fields(Box<[Pattern]>),
}

impl ArnPattern {
    /// Compiles ARN pattern tokens (wildcards already distinguished from literals).
    pub fn from_tokens(tokens: &[Token]) -> Self {
        if tokens == [Token::Star] {
            return Self::Any;
        }
        let mut fields: Vec<&[Token]> = Vec::with_capacity(6);
        let mut rest = tokens;
        while fields.len() < 5 {
            match rest.iter().position(|t| *t == Token::Literal(':')) {
                Some(i) => {
                    fields.push(rest.get(..i).unwrap_or(&[]));
                    rest = rest.get(i + 1..).unwrap_or(&[]);
                }
                None => break,
            }
        }
        fields.push(rest);
        let k = fields.len();
        let head_literal = fields
            .iter()
            .take(k - 1)
            .all(|f| f.iter().all(|t| matches!(t, Token::Literal(_))));
        if head_literal {
            Self::Whole {
                pattern: Pattern::from_tokens(tokens, false),
                fields: k,
            }
        } else {
            Self::Fields(
                fields
                    .iter()
                    .map(|f| Pattern::from_tokens(f, false))
                    .collect(),
            )
        }
    }

    /// Compiles ARN pattern text in which every `*`/`?` is a wildcard.
    pub fn new(text: &str) -> Self {
        if text == "*" {
            return Self::Any;
        }
        // Fast path: no wildcard before the last field, so the whole-text form applies.
        let mut colons = 0;
        let mut fields = 1;
        let mut head_literal = true;
        let mut last_start = 0;
        for (i, b) in text.bytes().enumerate() {
            if b == b':' && colons < 5 {
                colons += 1;
                fields += 1;
                last_start = i + 1;
            }
        }
        if let Some(head) = text.get(..last_start) {
            head_literal = !head.contains(['*', '?']);
        }
        if head_literal {
            Self::Whole {
                pattern: Pattern::new(text, false),
                fields,
            }
        } else {
            Self::from_tokens(&tokenize(text))
        }
    }

    /// `arn_match(pattern, value)` of §2.4 (case-sensitive in every field).
    pub fn matches(&self, value: &str) -> bool {
        match self {
            Self::Any => true,
            // The literal colons of the head pin the fields: a value matching the whole text
            // has at least as many fields, so rule 5 holds without a check.
            Self::Whole { pattern, .. } => pattern.matches(value),
            Self::Fields(_) => self.matches_split(&SplitArn::new(value)),
        }
    }

    /// [`ArnPattern::matches`] on an already split value.
    pub fn matches_split(&self, value: &SplitArn<'_>) -> bool {
        match self {
            Self::Any => true,
            Self::Whole { pattern, .. } => pattern.matches(value.text()),
            Self::Fields(patterns) => {
                let k = patterns.len();
                if k == 6 && value.len() < 6 {
                    return false;
                }
                if value.len() < k {
                    return false;
                }
                patterns.iter().enumerate().all(|(i, p)| {
                    if i + 1 == k {
                        p.matches(value.tail(i))
                    } else {
                        p.matches(value.field(i))
                    }
                })
            }
        }
    }

    /// The `Arn*` condition rule (§2.5): the context value must be a full six-field ARN.
    pub fn matches_condition(&self, value: &SplitArn<'_>) -> bool {
        value.len() == 6 && self.matches_split(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! glob_cases {
        ($($name:ident: $pat:expr, $text:expr, $ci:expr => $want:expr;)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(glob($pat, $text, $ci), $want, "glob({:?}, {:?}, {})", $pat, $text, $ci);
            }
        )*};
    }

    glob_cases! {
        // Globs with a literal prefix split off (case-sensitive) and kept whole (ci).
        glob_prefix_both_parts: "arn:aws:s3:::acme-dev-*/*", "arn:aws:s3:::acme-dev-x/k", false => true;
        glob_prefix_differs: "arn:aws:s3:::acme-dev-*/*", "arn:aws:s3:::acme-prod-x/k", false => false;
        glob_prefix_case: "arn:aws:s3:::Acme-*/*", "arn:aws:s3:::acme-x/k", false => false;
        glob_prefix_longer_than_text: "arn:aws:s3:::acme-dev-*/*", "arn:aws", false => false;
        glob_prefix_exact_text: "ab?*", "ab", false => false;
        glob_prefix_multibyte: "\u{e9}t\u{e9}?*x", "\u{e9}t\u{e9}\u{e9}yx", false => true;
        glob_prefix_ci: "AB*c*D", "abXcYd", true => true;
        glob_prefix_ci_kelvin: "k*?", "\u{212a}xy", true => true;
        star_all: "*", "anything", false => true;
        star_empty: "*", "", false => true;
        exact_yes: "abc", "abc", false => true;
        exact_case: "abc", "ABC", false => false;
        exact_ci: "abc", "ABC", true => true;
        question_one: "a?c", "abc", false => true;
        question_none: "a?c", "ac", false => false;
        question_two: "a?c", "abbc", false => false;
        prefix: "ab*", "abzzz", false => true;
        prefix_no: "ab*", "xab", false => false;
        suffix: "*yz", "xxyz", false => true;
        suffix_ci: "*YZ", "xxyz", true => true;
        middle: "a*z", "abcz", false => true;
        middle_no: "a*z", "abcy", false => false;
        multi: "b/*/test/*", "b/1/2/test/3/x.jpg", false => true;
        multi_empty: "b/*/test/*", "b//test/x", false => true;
        multi_no: "b/*/test/*", "b/test/x", false => false;
        unicode_one: "caf?", "café", false => true;
        unicode_ci: "CAFÉ", "café", true => true;
        stars_collapse: "a**b", "ab", false => true;
        backtrack: "*a*b*c", "xaxbxbxc", false => true;
        backtrack_no: "*a*b*c", "xaxbxbx", false => false;
        empty_pattern: "", "", false => true;
        empty_pattern_text: "", "a", false => false;
    }

    #[test]
    fn literal_tokens_are_not_wildcards() {
        let p = Pattern::from_tokens(
            &[
                Token::Literal('a'),
                Token::Literal('*'),
                Token::Literal('b'),
            ],
            false,
        );
        assert!(p.matches("a*b"));
        assert!(!p.matches("axb"));
    }

    macro_rules! action_cases {
        ($($name:ident: $pat:expr, $action:expr => $want:expr;)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(ActionPattern::new($pat).matches($action), $want);
            }
        )*};
    }

    action_cases! {
        action_lower: "iam:getuser", "iam:GetUser" => true;
        action_vendor_case: "IAM:Get*", "iam:GetUser" => true;
        action_q: "iam:G?tUser", "iam:GetUser" => true;
        action_q_no: "iam:G?tUser", "iam:GettUser" => false;
        action_any: "*", "s3:GetObject" => true;
        action_vendor_star_literal: "s*:Get*", "s3:GetObject" => false;
        action_other_vendor: "iam:*", "s3:GetObject" => false;
        action_contains: "iam:*User*", "iam:GetUserPolicy" => true;
    }

    macro_rules! arn_cases {
        ($($name:ident: $pat:expr, $value:expr => $want:expr;)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(ArnPattern::new($pat).matches($value), $want);
                assert_eq!(ArnPattern::new($pat).matches_split(&SplitArn::new($value)), $want);
                assert_eq!(ArnPattern::from_tokens(&tokenize($pat)).matches($value), $want);
            }
        )*};
    }

    arn_cases! {
        arn_star: "*", "arn:aws:s3:::b/k" => true;
        arn_s3_multi: "arn:aws:s3:::bucket/*/test/*", "arn:aws:s3:::bucket/1/2/test/3/x.jpg" => true;
        arn_s3_multi_empty: "arn:aws:s3:::bucket/*/test/*", "arn:aws:s3:::bucket//test/x" => true;
        arn_s3_multi_no: "arn:aws:s3:::bucket/*/test/*", "arn:aws:s3:::bucket/test/x" => false;
        arn_user_star: "arn:aws:iam::111122223333:user/*", "arn:aws:iam::111122223333:user/a/b/Carol" => true;
        arn_user_prefix: "arn:aws:iam::111122223333:user/division_abc*", "arn:aws:iam::111122223333:user/division_abc/x/Jane" => true;
        arn_user_prefix_no: "arn:aws:iam::111122223333:user/division_abc*", "arn:aws:iam::111122223333:user/Bob" => false;
        arn_case_sensitive: "arn:aws:iam::111122223333:user/Alice", "arn:aws:iam::111122223333:user/alice" => false;
        arn_short_tail: "arn:aws:s3:*", "arn:aws:s3:::bucket/key" => true;
        arn_region_tail: "arn:aws:ec2:us-east-1:*", "arn:aws:ec2:us-east-1:111122223333:instance/i-1" => true;
        arn_region_tail_no: "arn:aws:ec2:us-east-1:*", "arn:aws:ec2:us-west-2:111122223333:instance/i-1" => false;
        arn_star_account: "arn:aws:iam::*:user/bob", "arn:aws:iam::444455556666:user/bob" => true;
        arn_star_field_no_colon: "arn:aws:*:us-east-1:1:x", "arn:aws:s3:x:us-east-1:1:x" => false;
        arn_wild_service_field: "arn:aws:*:*:111122223333:*", "arn:aws:sqs:us-east-1:111122223333:q" => true;
        arn_full_vs_short_value: "arn:aws:s3:::b", "arn:aws:s3" => false;
        arn_resource_colons: "arn:aws:lambda:*:*:function:f:*", "arn:aws:lambda:us-east-1:1:function:f:alias" => true;
        arn_fields_short_value: "arn:*:s3:::b", "arn:aws:s3" => false;
    }

    #[test]
    fn arn_condition_needs_full_arn() {
        let p = ArnPattern::new("arn:aws:someservice:*:111122223333:finance/*");
        let v = SplitArn::new(
            "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt",
        );
        assert!(!p.matches_condition(&v));
        assert!(glob(
            "arn:aws:someservice:*:111122223333:finance/*",
            v.text(),
            false
        ));
        assert!(!ArnPattern::new("*").matches_condition(&SplitArn::new("not-an-arn")));
    }

    #[test]
    fn split_fields() {
        let s = SplitArn::new("arn:aws:lambda:us-east-1:1:function:f:alias");
        assert_eq!(s.len(), 6);
        assert_eq!(s.field(2), "lambda");
        assert_eq!(s.field(5), "function:f:alias");
        assert_eq!(s.tail(4), "1:function:f:alias");
        let short = SplitArn::new("arn:aws");
        assert_eq!(short.len(), 2);
        assert_eq!(short.field(1), "aws");
    }
}
