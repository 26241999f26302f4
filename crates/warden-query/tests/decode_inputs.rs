//! Typed decoding of every wire form of api.md §1.2 into generated input structs.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test helpers outside #[test] functions may fail loudly"
)]

use warden_query::iam::{
    ContextEntry, CreateDelegationRequestInput, CreateOpenIDConnectProviderInput,
    CreatePolicyVersionInput, CreateUserInput, DelegationPermission, ListUsersInput,
    PolicyParameter, SimulateCustomPolicyInput, Tag, UntagUserInput,
};
use warden_query::sts::{self, AssumeRoleInput, AssumeRootInput, PolicyDescriptorType};
use warden_query::{FromQuery, IamOperation, IamRequest, QueryParams, StsOperation, StsRequest};

fn params(form: &str) -> QueryParams {
    QueryParams::parse(form.as_bytes()).unwrap()
}

fn decode<T: FromQuery>(form: &str) -> T {
    T::from_query(&params(form)).unwrap_or_else(|e| panic!("{form}: {e}"))
}

fn tag(key: &str, value: &str) -> Tag {
    Tag {
        key: key.into(),
        value: value.into(),
    }
}

macro_rules! decodes {
    ($($name:ident: $ty:ty, $form:expr => $want:expr;)*) => {$(
        #[test]
        fn $name() {
            let got: $ty = decode($form);
            assert_eq!(got, $want);
        }
    )*};
}

decodes! {
    string_member: ListUsersInput, "PathPrefix=%2Feng%2F" => ListUsersInput {
        path_prefix: Some("/eng/".into()),
        ..ListUsersInput::default()
    };
    integer_member: ListUsersInput, "MaxItems=100&Marker=abc" => ListUsersInput {
        max_items: Some(100),
        marker: Some("abc".into()),
        ..ListUsersInput::default()
    };
    absent_optionals_are_none: ListUsersInput, "Action=ListUsers&Version=2010-05-08" => ListUsersInput::default();
    unknown_parameters_ignored: ListUsersInput, "Foo=bar&Users.member.1=x" => ListUsersInput::default();
    boolean_lower: CreatePolicyVersionInput,
        "PolicyArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Apolicy%2Fp&PolicyDocument=%7B%7D&SetAsDefault=true" =>
        CreatePolicyVersionInput {
            policy_arn: "arn:aws:iam::123456789012:policy/p".into(),
            policy_document: "{}".into(),
            set_as_default: Some(true),
        };
    boolean_case_insensitive: CreatePolicyVersionInput,
        "PolicyArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Apolicy%2Fp&PolicyDocument=x&SetAsDefault=FaLsE" =>
        CreatePolicyVersionInput {
            policy_arn: "arn:aws:iam::123456789012:policy/p".into(),
            policy_document: "x".into(),
            set_as_default: Some(false),
        };
    list_of_structures_with_empty_tag_value: CreateUserInput,
        "UserName=alice&Tags.member.1.Key=team&Tags.member.1.Value=blue&Tags.member.2.Key=flag&Tags.member.2.Value=" =>
        CreateUserInput {
            user_name: "alice".into(),
            tags: Some(vec![tag("team", "blue"), tag("flag", "")]),
            ..CreateUserInput::default()
        };
    list_gaps_are_ordered_by_index: CreateUserInput,
        "UserName=a&Tags.member.10.Key=k10&Tags.member.10.Value=v&Tags.member.3.Key=k3&Tags.member.3.Value=v" =>
        CreateUserInput {
            user_name: "a".into(),
            tags: Some(vec![tag("k3", "v"), tag("k10", "v")]),
            ..CreateUserInput::default()
        };
    list_of_scalars: CreateOpenIDConnectProviderInput,
        "Url=https%3A%2F%2Fidp.example.com&ClientIDList.member.1=sts.amazonaws.com&ClientIDList.member.2=app" =>
        CreateOpenIDConnectProviderInput {
            url: "https://idp.example.com".into(),
            client_id_list: Some(vec!["sts.amazonaws.com".into(), "app".into()]),
            ..CreateOpenIDConnectProviderInput::default()
        };
    empty_list: CreateOpenIDConnectProviderInput, "Url=https%3A%2F%2Fx&ClientIDList=" =>
        CreateOpenIDConnectProviderInput {
            url: "https://x".into(),
            client_id_list: Some(Vec::new()),
            ..CreateOpenIDConnectProviderInput::default()
        };
    empty_list_without_equals: CreateOpenIDConnectProviderInput, "Url=https%3A%2F%2Fx&ThumbprintList" =>
        CreateOpenIDConnectProviderInput {
            url: "https://x".into(),
            thumbprint_list: Some(Vec::new()),
            ..CreateOpenIDConnectProviderInput::default()
        };
    bare_scalar_for_list_is_empty_list: CreateOpenIDConnectProviderInput, "Url=https%3A%2F%2Fx&ClientIDList=app" =>
        CreateOpenIDConnectProviderInput {
            url: "https://x".into(),
            client_id_list: Some(Vec::new()),
            ..CreateOpenIDConnectProviderInput::default()
        };
    list_inside_list_element: SimulateCustomPolicyInput,
        "PolicyInputList.member.1=%7B%7D&ActionNames.member.1=s3%3AGetObject\
         &ContextEntries.member.1.ContextKeyName=aws%3ASourceIp\
         &ContextEntries.member.1.ContextKeyType=ipList\
         &ContextEntries.member.1.ContextKeyValues.member.1=10.0.0.1\
         &ContextEntries.member.1.ContextKeyValues.member.2=10.0.0.2\
         &ContextEntries.member.2.ContextKeyName=aws%3AMultiFactorAuthPresent\
         &ContextEntries.member.2.ContextKeyValues=" =>
        SimulateCustomPolicyInput {
            policy_input_list: vec!["{}".into()],
            action_names: vec!["s3:GetObject".into()],
            context_entries: Some(vec![
                ContextEntry {
                    context_key_name: Some("aws:SourceIp".into()),
                    context_key_values: Some(vec!["10.0.0.1".into(), "10.0.0.2".into()]),
                    context_key_type: Some("ipList".into()),
                },
                ContextEntry {
                    context_key_name: Some("aws:MultiFactorAuthPresent".into()),
                    context_key_values: Some(Vec::new()),
                    context_key_type: None,
                },
            ]),
            ..SimulateCustomPolicyInput::default()
        };
    nested_structure: CreateDelegationRequestInput,
        "Description=d&RequestorWorkflowId=wf-01&NotificationChannel=arn%3Aaws%3Asns%3Ax&SessionDuration=3600\
         &Permissions.PolicyTemplateArn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2Ftemplate\
         &Permissions.Parameters.member.1.Name=bucket&Permissions.Parameters.member.1.Type=string\
         &Permissions.Parameters.member.1.Values.member.1=b1" =>
        CreateDelegationRequestInput {
            description: "d".into(),
            permissions: DelegationPermission {
                policy_template_arn: Some("arn:aws:iam::aws:policy/template".into()),
                parameters: Some(vec![PolicyParameter {
                    name: Some("bucket".into()),
                    values: Some(vec!["b1".into()]),
                    r#type: Some("string".into()),
                }]),
            },
            requestor_workflow_id: "wf-01".into(),
            notification_channel: "arn:aws:sns:x".into(),
            session_duration: 3600,
            ..CreateDelegationRequestInput::default()
        };
    untag_keys: UntagUserInput, "UserName=bob&TagKeys.member.1=team&TagKeys.member.2=cost+center" =>
        UntagUserInput {
            user_name: "bob".into(),
            tag_keys: vec!["team".into(), "cost center".into()],
        };
    sts_lower_case_arn_member: AssumeRoleInput,
        "RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fapp&RoleSessionName=sess\
         &PolicyArns.member.1.arn=arn%3Aaws%3Aiam%3A%3A123456789012%3Apolicy%2Fp1\
         &PolicyArns.member.2.arn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FReadOnlyAccess\
         &DurationSeconds=900&Tags.member.1.Key=k&Tags.member.1.Value=\
         &TransitiveTagKeys.member.1=k" =>
        AssumeRoleInput {
            role_arn: "arn:aws:iam::123456789012:role/app".into(),
            role_session_name: "sess".into(),
            policy_arns: Some(vec![
                PolicyDescriptorType { arn: Some("arn:aws:iam::123456789012:policy/p1".into()) },
                PolicyDescriptorType { arn: Some("arn:aws:iam::aws:policy/ReadOnlyAccess".into()) },
            ]),
            duration_seconds: Some(900),
            tags: Some(vec![sts::Tag { key: "k".into(), value: String::new() }]),
            transitive_tag_keys: Some(vec!["k".into()]),
            ..AssumeRoleInput::default()
        };
    sts_assume_root_task_policy: AssumeRootInput,
        "TargetPrincipal=111122223333&TaskPolicyArn.arn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2Froot-task%2FIAMAuditRootUserCredentials" =>
        AssumeRootInput {
            target_principal: "111122223333".into(),
            task_policy_arn: PolicyDescriptorType {
                arn: Some("arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials".into()),
            },
            duration_seconds: None,
        };
}

#[test]
fn request_enum_dispatches_by_operation() {
    let p = params("Action=CreateUser&Version=2010-05-08&UserName=alice");
    let op = IamOperation::from_action(p.action().unwrap()).unwrap();
    let req = IamRequest::from_query(op, &p).unwrap();
    assert_eq!(req.operation(), IamOperation::CreateUser);
    assert_eq!(
        req,
        IamRequest::CreateUser(CreateUserInput {
            user_name: "alice".into(),
            ..CreateUserInput::default()
        })
    );
}

#[test]
fn request_enum_operation_without_input() {
    let p = params("Action=GetAccountSummary");
    let req = IamRequest::from_query(IamOperation::GetAccountSummary, &p).unwrap();
    assert_eq!(req, IamRequest::GetAccountSummary);
}

#[test]
fn sts_request_enum() {
    let p = params("Action=GetCallerIdentity&Version=2011-06-15");
    let req = StsRequest::from_query(StsOperation::GetCallerIdentity, &p).unwrap();
    assert_eq!(req.operation(), StsOperation::GetCallerIdentity);
}

#[test]
fn query_string_and_body_merge_into_one_input() {
    let p = QueryParams::parse_merged(b"UserName=fromquery&Path=%2Fq%2F", b"UserName=frombody")
        .unwrap();
    let input = CreateUserInput::from_query(&p).unwrap();
    assert_eq!(input.user_name, "frombody");
    assert_eq!(input.path.as_deref(), Some("/q/"));
}

#[test]
fn debug_redacts_secrets() {
    let p = params("OldPassword=hunter2old&NewPassword=hunter2new");
    let input = warden_query::iam::ChangePasswordInput::from_query(&p).unwrap();
    let shown = format!("{input:?}");
    assert!(!shown.contains("hunter2"), "{shown}");
    assert_eq!(input.new_password, "hunter2new");
}
