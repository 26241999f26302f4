//! Property tests of the matchers: `glob` agrees with a regex oracle; `NotAction` is the
//! complement of `Action` for the same patterns; ARN matching with a whole-text pattern
//! agrees with field-wise matching.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "property-test helpers index fixed tables with generated in-range indices"
)]

use proptest::prelude::*;
use warden_policy::pattern::{ActionPattern, ArnPattern, Pattern, SplitArn, Token, glob, tokenize};

/// The oracle: `*` → `.*`, `?` → `.`, everything else escaped; anchored, dot matches newline.
fn oracle(pattern: &str, text: &str, ci: bool) -> bool {
    let mut re = String::from(if ci { "(?si)^" } else { "(?s)^" });
    for c in pattern.chars() {
        match c {
            '*' => re.push_str(".*"),
            '?' => re.push('.'),
            c => re.push_str(&regex::escape(&c.to_string())),
        }
    }
    re.push('$');
    regex::Regex::new(&re).unwrap().is_match(text)
}

fn alphabet() -> impl Strategy<Value = char> {
    prop_oneof![
        Just('a'),
        Just('b'),
        Just('A'),
        Just('/'),
        Just(':'),
        Just('é'),
        Just('*'),
        Just('?'),
    ]
}

fn text_alphabet() -> impl Strategy<Value = char> {
    prop_oneof![
        Just('a'),
        Just('b'),
        Just('A'),
        Just('/'),
        Just(':'),
        Just('é'),
        Just('\n')
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn glob_agrees_with_regex(
        pattern in proptest::collection::vec(alphabet(), 0..10),
        text in proptest::collection::vec(text_alphabet(), 0..14),
    ) {
        let pattern: String = pattern.into_iter().collect();
        let text: String = text.into_iter().collect();
        prop_assert_eq!(glob(&pattern, &text, false), oracle(&pattern, &text, false), "{:?} {:?}", pattern, text);
        // Case-insensitive: the oracle uses Unicode simple case folding, like the matcher
        // for this alphabet (a/A, é).
        prop_assert_eq!(glob(&pattern, &text, true), oracle(&pattern, &text, true), "ci {:?} {:?}", pattern, text);
    }

    #[test]
    fn glob_matches_its_own_expansions(
        pattern in proptest::collection::vec(alphabet(), 0..10),
        fill in proptest::collection::vec(text_alphabet(), 0..4),
    ) {
        // Replacing each `*` by `fill` and each `?` by one character yields a match.
        let pattern: String = pattern.into_iter().collect();
        let fill: String = fill.into_iter().collect();
        let text: String = pattern
            .chars()
            .map(|c| match c {
                '*' => fill.clone(),
                '?' => "x".to_owned(),
                c => c.to_string(),
            })
            .collect();
        prop_assert!(glob(&pattern, &text, false));
    }

    #[test]
    fn literal_tokens_match_only_themselves(
        text in proptest::collection::vec(alphabet(), 0..10),
        other in proptest::collection::vec(text_alphabet(), 0..10),
    ) {
        let text: String = text.into_iter().collect();
        let other: String = other.into_iter().collect();
        let tokens: Vec<Token> = text.chars().map(Token::Literal).collect();
        let p = Pattern::from_tokens(&tokens, false);
        prop_assert!(p.matches(&text));
        prop_assert_eq!(p.matches(&other), other == text);
    }

    #[test]
    fn whole_and_fieldwise_arn_matching_agree(
        pattern in proptest::collection::vec(prop_oneof![Just('a'), Just(':'), Just('*'), Just('/')], 0..12),
        value in proptest::collection::vec(prop_oneof![Just('a'), Just(':'), Just('/')], 0..14),
    ) {
        // The whole-text fast path (`ArnPattern::new`) and the field-wise token path must
        // agree with the §2.4 definition implemented on split fields.
        let pattern: String = pattern.into_iter().collect();
        let value: String = value.into_iter().collect();
        let fast = ArnPattern::new(&pattern).matches(&value);
        let tokens = ArnPattern::from_tokens(&tokenize(&pattern)).matches_split(&SplitArn::new(&value));
        prop_assert_eq!(fast, tokens);
        prop_assert_eq!(fast, reference_arn_match(&pattern, &value), "{:?} {:?}", pattern, value);
    }

    #[test]
    fn not_action_is_the_complement_of_action(
        patterns in proptest::collection::vec(prop_oneof![
            Just("*"), Just("s3:*"), Just("s3:Get*"), Just("S3:getobject"), Just("iam:G?tUser"),
            Just("iam:*User*"), Just("ec2:Describe*"), Just("s*:Get*"),
        ], 1..4),
        action in prop_oneof![
            Just("s3:GetObject"), Just("s3:PutObject"), Just("iam:GetUser"), Just("IAM:getuser"),
            Just("iam:CreateUser"), Just("ec2:DescribeVpcs"), Just("sts:GetCallerIdentity"),
        ],
    ) {
        let compiled: Vec<ActionPattern> = patterns.iter().map(|p| ActionPattern::new(p)).collect();
        let action_test = compiled.iter().any(|p| p.matches(action));
        let not_action_test = !compiled.iter().any(|p| p.matches(action));
        prop_assert_ne!(action_test, not_action_test);
        // And each pattern agrees with the §2.2 definition.
        for p in &patterns {
            let want = *p == "*" || {
                let (pv, pn) = p.split_once(':').unwrap();
                let (av, an) = action.split_once(':').unwrap();
                pv.eq_ignore_ascii_case(av) && oracle(pn, an, true)
            };
            prop_assert_eq!(ActionPattern::new(p).matches(action), want, "{} {}", p, action);
        }
    }
}

/// §2.4 written directly: split both at most five times and glob field by field, with the
/// k < 6 tail rule.
fn reference_arn_match(pattern: &str, value: &str) -> bool {
    if pattern == "*" {
        return true;
    }
    let p: Vec<&str> = pattern.splitn(6, ':').collect();
    let v: Vec<&str> = value.splitn(6, ':').collect();
    let k = p.len();
    if k == 6 {
        return v.len() == 6 && p.iter().zip(&v).all(|(a, b)| glob(a, b, false));
    }
    if v.len() < k {
        return false;
    }
    let head_ok = p[..k - 1].iter().zip(&v).all(|(a, b)| glob(a, b, false));
    let tail = v[k - 1..].join(":");
    head_ok && glob(p[k - 1], &tail, false)
}
