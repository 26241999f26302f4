//! `ValidationError` messages, byte for byte (api.md §1.6).

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test helpers outside #[test] functions may fail loudly"
)]

use warden_query::iam::{
    CreateAccountAliasInput, CreateOpenIDConnectProviderInput, CreateRoleInput, CreateUserInput,
    GetUserInput, ListUsersInput, SimulateCustomPolicyInput, UntagUserInput,
};
use warden_query::sts::{AssumeRoleInput, AssumeRootInput, GetSessionTokenInput};
use warden_query::{FromQuery, QueryParams};

fn message<T: FromQuery + std::fmt::Debug>(form: &str) -> String {
    let p = QueryParams::parse(form.as_bytes()).unwrap();
    T::from_query(&p).unwrap_err().to_string()
}

macro_rules! messages {
    ($($name:ident: $ty:ty, $form:expr => $want:expr;)*) => {$(
        #[test]
        fn $name() {
            assert_eq!(message::<$ty>($form), $want);
        }
    )*};
}

messages! {
    // The recorded example of api.md §1.6, byte for byte.
    recorded_tag_keys_list_of_scalars: UntagUserInput, "UserName=bob&TagKeys.member.1=bad%21key" =>
        "1 validation error detected: Value at 'tagKeys' failed to satisfy constraint: Member must \
         satisfy constraint: [Member must have length less than or equal to 128, Member must have \
         length greater than or equal to 1, Member must satisfy regular expression pattern: \
         [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+, Member must not be null]";
    list_of_scalars_reported_once: UntagUserInput,
        "UserName=bob&TagKeys.member.1=&TagKeys.member.2=x%21&TagKeys.member.3=ok" =>
        "1 validation error detected: Value at 'tagKeys' failed to satisfy constraint: Member must \
         satisfy constraint: [Member must have length less than or equal to 128, Member must have \
         length greater than or equal to 1, Member must satisfy regular expression pattern: \
         [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+, Member must not be null]";
    list_of_scalars_missing_element: UntagUserInput, "UserName=bob&TagKeys.member.1.X=a" =>
        "1 validation error detected: Value at 'tagKeys' failed to satisfy constraint: Member must \
         satisfy constraint: [Member must have length less than or equal to 128, Member must have \
         length greater than or equal to 1, Member must satisfy regular expression pattern: \
         [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+, Member must not be null]";
    iam_one_clause_no_value: GetUserInput, "UserName=al%20ice" =>
        "1 validation error detected: Value at 'userName' failed to satisfy constraint: Member must \
         satisfy regular expression pattern: [\\w+=,.@-]+";
    iam_ascii_only_word_class: GetUserInput, "UserName=%C3%A9" =>
        "1 validation error detected: Value at 'userName' failed to satisfy constraint: Member must \
         satisfy regular expression pattern: [\\w+=,.@-]+";
    iam_too_long_counts_scalar_values: GetUserInput, &format!("UserName={}", "a".repeat(129)) =>
        "1 validation error detected: Value at 'userName' failed to satisfy constraint: Member must \
         have length less than or equal to 128";
    iam_missing_required: CreateUserInput, "Path=%2F" =>
        "1 validation error detected: Value null at 'userName' failed to satisfy constraint: \
         Member must not be null";
    iam_several_clauses_model_order: CreateRoleInput,
        &format!("RoleName={}&MaxSessionDuration=60&Path=x", "r".repeat(65)) =>
        "4 validation errors detected: Value at 'path' failed to satisfy constraint: Member must \
         satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F); Value at \
         'roleName' failed to satisfy constraint: Member must have length less than or equal to \
         64; Value null at 'assumeRolePolicyDocument' failed to satisfy constraint: Member must \
         not be null; Value at 'maxSessionDuration' failed to satisfy constraint: Member must \
         have value greater than or equal to 3600";
    iam_empty_string_too_short_and_pattern: GetUserInput, "UserName=" =>
        "2 validation errors detected: Value at 'userName' failed to satisfy constraint: Member must \
         have length greater than or equal to 1; Value at 'userName' failed to satisfy constraint: \
         Member must satisfy regular expression pattern: [\\w+=,.@-]+";
    iam_int_above_range: ListUsersInput, "MaxItems=1001" =>
        "1 validation error detected: Value at 'maxItems' failed to satisfy constraint: Member must \
         have value less than or equal to 1000";
    iam_int_not_a_number: ListUsersInput, "MaxItems=abc" =>
        "1 validation error detected: Value at 'maxItems' failed to satisfy constraint: Member must \
         be a valid integer";
    iam_tag_path_in_list_of_structures: CreateUserInput,
        "UserName=a&Tags.member.1.Key=ok&Tags.member.1.Value=v&Tags.member.2.Value=v2" =>
        "1 validation error detected: Value null at 'tags.2.member.key' failed to satisfy \
         constraint: Member must not be null";
    iam_tag_value_too_long: CreateUserInput,
        &format!("UserName=a&Tags.member.1.Key=k&Tags.member.1.Value={}", "v".repeat(257)) =>
        "1 validation error detected: Value at 'tags.1.member.value' failed to satisfy constraint: \
         Member must have length less than or equal to 256";
    iam_list_too_long: CreateUserInput,
        &format!("UserName=a{}", (1..=51).map(|i| format!("&Tags.member.{i}.Key=k{i}&Tags.member.{i}.Value=v")).collect::<String>()) =>
        "1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must \
         have length less than or equal to 50";
    iam_enum_without_values: SimulateCustomPolicyInput,
        "PolicyInputList.member.1=x&ActionNames.member.1=s3%3AGetObject\
         &ContextEntries.member.1.ContextKeyName=aws%3ASourceIp\
         &ContextEntries.member.1.ContextKeyType=cidr" =>
        "1 validation error detected: Value at 'contextEntries.1.member.contextKeyType' failed to \
         satisfy constraint: Member must satisfy enum value set";
    iam_lookahead_pattern_double_hyphen: CreateAccountAliasInput, "AccountAlias=my--alias" =>
        "1 validation error detected: Value at 'accountAlias' failed to satisfy constraint: Member \
         must satisfy regular expression pattern: ^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$";
    iam_thumbprint_exact_length: CreateOpenIDConnectProviderInput,
        "Url=https%3A%2F%2Fx&ThumbprintList.member.1=abc" =>
        "1 validation error detected: Value at 'thumbprintList' failed to satisfy constraint: \
         Member must satisfy constraint: [Member must have length less than or equal to 40, Member \
         must have length greater than or equal to 40, Member must not be null]";
    sts_echoes_value: AssumeRoleInput,
        "RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fapp&RoleSessionName=bad%20name" =>
        "1 validation error detected: Value 'bad name' at 'roleSessionName' failed to satisfy \
         constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*";
    sts_int_range_echoes_value: GetSessionTokenInput, "DurationSeconds=10" =>
        "1 validation error detected: Value '10' at 'durationSeconds' failed to satisfy \
         constraint: Member must have value greater than or equal to 900";
    sts_missing_required_is_null: AssumeRoleInput, "RoleSessionName=sess" =>
        "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: \
         Member must not be null";
    sts_lower_case_arn_path: AssumeRoleInput,
        "RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fapp&RoleSessionName=sess\
         &PolicyArns.member.1.arn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2Fok\
         &PolicyArns.member.2.arn=short" =>
        "1 validation error detected: Value 'short' at 'policyArns.2.member.arn' failed to \
         satisfy constraint: Member must have length greater than or equal to 20";
    sts_list_of_scalars_echo: AssumeRoleInput,
        "RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fapp&RoleSessionName=sess\
         &TransitiveTagKeys.member.1=ok&TransitiveTagKeys.member.2=b%21d" =>
        "1 validation error detected: Value '[ok, b!d]' at 'transitiveTagKeys' failed to satisfy \
         constraint: Member must satisfy constraint: [Member must have length less than or equal \
         to 128, Member must have length greater than or equal to 1, Member must satisfy regular \
         expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+, Member must not be null]";
    sts_nested_structure_missing: AssumeRootInput, "TargetPrincipal=111122223333" =>
        "1 validation error detected: Value null at 'taskPolicyArn' failed to satisfy constraint: \
         Member must not be null";
    sts_supplementary_plane_allowed_but_controls_not: AssumeRoleInput,
        "RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fapp%01&RoleSessionName=sess" =>
        "1 validation error detected: Value 'arn:aws:iam::123456789012:role/app\u{1}' at \
         'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: \
         [\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+";
}

#[test]
fn sts_supplementary_plane_character_matches() {
    // U+1F600 (4 UTF-8 bytes) is inside `\u10000-\u10FFFF` of the STS ARN pattern.
    let p = QueryParams::parse(
        "RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fapp%F0%9F%98%80&RoleSessionName=sess"
            .as_bytes(),
    )
    .unwrap();
    let input = AssumeRoleInput::from_query(&p).unwrap();
    assert!(input.role_arn.ends_with('\u{1F600}'));
}

#[test]
fn length_counts_unicode_scalar_values() {
    // 128 two-byte letters: 256 bytes but 128 characters, within the tag key limit.
    let key = "%C3%A9".repeat(128);
    let p = QueryParams::parse(format!("UserName=bob&TagKeys.member.1={key}").as_bytes()).unwrap();
    assert_eq!(
        UntagUserInput::from_query(&p).unwrap().tag_keys[0]
            .chars()
            .count(),
        128
    );
}

#[test]
fn clauses_are_exposed_individually() {
    let p = QueryParams::parse(b"MaxItems=0&PathPrefix=").unwrap();
    let err = ListUsersInput::from_query(&p).unwrap_err();
    assert_eq!(err.clauses().len(), 3, "{err}");
    assert!(
        err.to_string()
            .starts_with("3 validation errors detected: ")
    );
}
