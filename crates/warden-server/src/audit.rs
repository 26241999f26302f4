//! Audit events in CloudTrail's record format (eventVersion 1.08).
//!
//! `requestParameters` is derived generically from the decoded form, the way CloudTrail
//! shows IAM calls: member names camelCased (`UserName` → `userName`), `X.member.N` lists
//! as arrays, nested members as objects. Secrets (passwords, private keys, secret access
//! keys) are replaced by CloudTrail's `HIDDEN_DUE_TO_SECURITY_REASONS`; policy documents are
//! kept. `responseElements` is `null` for reads and whatever the handler supplies for
//! writes (never a secret: CreateAccessKey's is built without it).

use std::collections::BTreeMap;

use serde::Serialize;

use serde_json::{Map, Value};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use warden_core::{AuditEvent, AuditOutcome};
use warden_query::QueryParams;
use warden_sts::{SessionKind, SessionRecord};
use warden_types::AccountId;

use crate::authz::{Compiled, Identity};

/// CloudTrail's replacement for redacted values.
pub(crate) const HIDDEN: &str = "HIDDEN_DUE_TO_SECURITY_REASONS";

/// Everything known about one call when its audit event is written.
#[derive(Debug)]
pub(crate) struct CallRecord<'a> {
    /// The event id (UUID).
    pub(crate) event_id: String,
    /// The request id sent to the client.
    pub(crate) request_id: &'a str,
    /// The account the event belongs to.
    pub(crate) account: AccountId,
    /// The operation name.
    pub(crate) event_name: &'a str,
    /// `iam` or `sts`.
    pub(crate) service: &'a str,
    /// Request time.
    pub(crate) time: OffsetDateTime,
    /// Scope region (or `us-east-1` when unknown).
    pub(crate) region: &'a str,
    /// Client address.
    pub(crate) source_ip: &'a str,
    /// `User-Agent`.
    pub(crate) user_agent: Option<&'a str>,
    /// The authenticated caller, if authentication succeeded.
    pub(crate) caller: Option<&'a Compiled>,
    /// The access key id the request was signed with, if any.
    pub(crate) access_key_id: Option<&'a str>,
    /// The decoded parameters.
    pub(crate) params: &'a QueryParams,
    /// The response elements (writes only).
    pub(crate) response: Option<Value>,
    /// Error code and message on failure.
    pub(crate) error: Option<(&'a str, String)>,
    /// Whether the operation only reads.
    pub(crate) read_only: bool,
    /// The `userIdentity` a handler established itself (the verified web identity or SAML
    /// user of an unsigned call); replaces the one derived from `caller`.
    pub(crate) identity: Option<Value>,
}

impl CallRecord<'_> {
    /// The event, its CloudTrail document serialized once from borrowed parts (no
    /// intermediate JSON tree: this runs on every request).
    pub(crate) fn to_event(&self, partition: &str) -> AuditEvent {
        let (principal_arn, user_identity) = self.user_identity(partition);
        let event_time = self.time.format(&Rfc3339).unwrap_or_default();
        let event_source = format!("{}.amazonaws.com", self.service);
        let null = Value::Null;
        let response_elements = match &self.response {
            Some(response) if !self.read_only => response,
            _ => &null,
        };
        let document = Document {
            event_version: "1.08",
            user_identity,
            event_time: &event_time,
            event_source: &event_source,
            event_name: self.event_name,
            aws_region: self.region,
            source_ip_address: self.source_ip,
            user_agent: self.user_agent,
            request_parameters: request_parameters(self.params),
            response_elements,
            request_id: self.request_id,
            event_id: &self.event_id,
            read_only: self.read_only,
            event_type: "AwsApiCall",
            management_event: true,
            recipient_account_id: self.account.as_str(),
            error_code: self.error.as_ref().map(|(code, _)| *code),
            error_message: self.error.as_ref().map(|(_, message)| message.as_str()),
        };
        // Serializing borrowed strings, bools and JSON values cannot fail. Sized for a typical
        // event (~1.2 KB) so that the buffer is not regrown four times on every request.
        let mut buffer = Vec::with_capacity(1536);
        let document = match serde_json::to_writer(&mut buffer, &document) {
            Ok(()) => String::from_utf8(buffer).unwrap_or_default(),
            Err(_) => String::new(),
        };
        AuditEvent {
            id: self.event_id.clone(),
            account: self.account,
            time: self.time,
            event_name: self.event_name.to_owned(),
            outcome: if self.error.is_some() {
                AuditOutcome::Failure
            } else {
                AuditOutcome::Success
            },
            principal_arn,
            access_key_id: self.access_key_id.map(str::to_owned),
            document,
        }
    }

    fn user_identity(&self, _partition: &str) -> (String, UserIdentity<'_>) {
        if let Some(identity) = &self.identity {
            let arn = identity
                .get("arn")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            return (arn, UserIdentity::Given(identity));
        }
        // `accessKeyId` is present (possibly null) for every signed caller.
        let access_key_id = Some(self.access_key_id);
        match self.caller {
            Some(c) => {
                let arn = c.arn();
                let account_id = c.account.as_str();
                let identity = match &c.identity {
                    Identity::Root => PrincipalIdentity {
                        kind: "Root",
                        principal_id: Some(account_id.into()),
                        arn: Some(arn),
                        account_id,
                        access_key_id,
                        user_name: None,
                        session_context: None,
                    },
                    Identity::User(u) => PrincipalIdentity {
                        kind: "IAMUser",
                        principal_id: Some(u.id.as_str().into()),
                        arn: Some(arn),
                        account_id,
                        access_key_id,
                        user_name: Some(&u.name),
                        session_context: None,
                    },
                    Identity::Unauthenticated => PrincipalIdentity {
                        kind: "Unknown",
                        principal_id: None,
                        arn: None,
                        account_id,
                        access_key_id: None,
                        user_name: None,
                        session_context: None,
                    },
                    Identity::Session => PrincipalIdentity {
                        kind: match c.session.as_deref().map(|s| s.kind) {
                            Some(SessionKind::FederatedUser) => "FederatedUser",
                            _ => "AssumedRole",
                        },
                        principal_id: Some(c.user_id().into()),
                        arn: Some(arn),
                        account_id,
                        access_key_id,
                        user_name: None,
                        session_context: None,
                    },
                };
                let session_context = c.session.as_deref().map(|s| session_context(c, s));
                (
                    arn.to_owned(),
                    UserIdentity::Principal(PrincipalIdentity {
                        session_context,
                        ..identity
                    }),
                )
            }
            None => (
                String::new(),
                UserIdentity::Principal(PrincipalIdentity {
                    kind: "Unknown",
                    principal_id: None,
                    arn: None,
                    account_id: self.account.as_str(),
                    access_key_id,
                    user_name: None,
                    session_context: None,
                }),
            ),
        }
    }
}

/// A CloudTrail event document (CloudTrail's record fields, in its order).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Document<'a> {
    event_version: &'static str,
    user_identity: UserIdentity<'a>,
    event_time: &'a str,
    event_source: &'a str,
    event_name: &'a str,
    aws_region: &'a str,
    #[serde(rename = "sourceIPAddress")]
    source_ip_address: &'a str,
    user_agent: Option<&'a str>,
    request_parameters: Value,
    response_elements: &'a Value,
    #[serde(rename = "requestID")]
    request_id: &'a str,
    #[serde(rename = "eventID")]
    event_id: &'a str,
    read_only: bool,
    event_type: &'static str,
    management_event: bool,
    recipient_account_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    error_code: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error_message: Option<&'a str>,
}

/// `userIdentity`: established by a handler (unsigned noAuth calls) or from the caller.
#[derive(Serialize)]
#[serde(untagged)]
#[expect(
    clippy::large_enum_variant,
    reason = "a short-lived value on the stack, built once per event and serialized at once"
)]
enum UserIdentity<'a> {
    Given(&'a Value),
    Principal(PrincipalIdentity<'a>),
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PrincipalIdentity<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    principal_id: Option<std::borrow::Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    arn: Option<&'a str>,
    account_id: &'a str,
    /// Absent for an unauthenticated caller; `null` for a signed one without a key id.
    #[serde(skip_serializing_if = "Option::is_none")]
    access_key_id: Option<Option<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    user_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    session_context: Option<SessionContext<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SessionContext<'a> {
    session_issuer: SessionIssuer<'a>,
    attributes: SessionAttributes,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_identity: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SessionIssuer<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    principal_id: &'a str,
    arn: &'a str,
    account_id: &'a str,
    user_name: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SessionAttributes {
    creation_date: String,
    mfa_authenticated: &'static str,
}

fn session_context<'a>(c: &'a Compiled, s: &'a SessionRecord) -> SessionContext<'a> {
    let issuer_type = match s.kind {
        SessionKind::RoleSession => "Role",
        SessionKind::RootSession => "Root",
        SessionKind::FederatedUser | SessionKind::UserSession
            if s.parent_id == c.account.as_str() =>
        {
            "Root"
        }
        SessionKind::FederatedUser | SessionKind::UserSession => "IAMUser",
    };
    let issuer_name = s.parent_arn.rsplit(['/', ':']).next().unwrap_or_default();
    SessionContext {
        session_issuer: SessionIssuer {
            kind: issuer_type,
            principal_id: &s.parent_id,
            arn: &s.parent_arn,
            account_id: c.account.as_str(),
            user_name: issuer_name,
        },
        attributes: SessionAttributes {
            creation_date: warden_sts::session::iso8601(s.issued_at),
            mfa_authenticated: if s.mfa_present { "true" } else { "false" },
        },
        source_identity: s.source_identity.as_deref(),
    }
}

fn is_secret(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    // UpdateAccountPasswordPolicy's settings name passwords but hold none; CloudTrail
    // shows them (api.md §5.10). Every other `*Password*` parameter is a password.
    const PASSWORD_POLICY_SETTINGS: &[&str] = &[
        "minimumpasswordlength",
        "allowuserstochangepassword",
        "maxpasswordage",
        "passwordreuseprevention",
        "passwordresetrequired",
    ];
    if PASSWORD_POLICY_SETTINGS.contains(&lower.as_str()) {
        return false;
    }
    lower.contains("password")
        || lower.contains("secret")
        || lower.contains("privatekey")
        || lower == "authenticationcode1"
        || lower == "authenticationcode2"
        || lower == "tokencode"
        // Bearer credentials of the noAuth STS operations (api.md §6.3, §6.4).
        || lower == "webidentitytoken"
        || lower == "samlassertion"
}

/// CloudTrail's `requestParameters` from the form (see the module docs).
///
/// Lists are built from the indices actually sent, in index order and without gaps
/// (api.md §1.2: `member.N` numbering is an order, not a position), so the output is bounded
/// by the form's size whatever `N` says: `Tags.member.99999999999999.Key` must not become
/// that many array slots.
pub(crate) fn request_parameters(params: &QueryParams) -> Value {
    let mut root = Node::Object(BTreeMap::new());
    for (name, value) in params.iter() {
        if name == "Action" || name == "Version" || name.starts_with("X-Amz-") {
            continue;
        }
        let value = if name.split('.').any(is_secret) {
            HIDDEN.to_owned()
        } else {
            value.to_owned()
        };
        root.insert(name, value);
    }
    match root.into_value() {
        Value::Object(map) if map.is_empty() => Value::Null,
        value => value,
    }
}

/// The form's parameters as a tree before it becomes JSON: lists keyed by their `member.N`
/// index, objects by the camel-cased name (ordered, for stable output).
enum Node {
    Leaf(String),
    Object(BTreeMap<String, Node>),
    List(BTreeMap<u32, Node>),
}

impl Node {
    /// Inserts `value` at the dotted form path: `A.member.N.B` → `a[N].b`. Where a path
    /// needs a container and finds another shape (the same name sent as a scalar and as a
    /// structure), the later parameter's shape wins.
    fn insert(&mut self, name: &str, value: String) {
        let parts: Vec<&str> = name.split('.').collect();
        let mut node = self;
        let mut i = 0;
        while let Some(part) = parts.get(i) {
            let key = camel(part);
            let Node::Object(fields) = node else { return };
            let list_index = match (parts.get(i + 1), parts.get(i + 2)) {
                (Some(&"member"), Some(digits)) => match warden_query::parse_index(digits) {
                    Some(index) => Some(index),
                    // `member.0`, `member.01`, `member.99999999999`: not a list element, so
                    // not a parameter of the request (the typed decoder ignores it too).
                    None => return,
                },
                _ => None,
            };
            if let Some(index) = list_index {
                let slot = fields
                    .entry(key)
                    .or_insert_with(|| Node::List(BTreeMap::new()));
                if !matches!(slot, Node::List(_)) {
                    *slot = Node::List(BTreeMap::new());
                }
                let Node::List(items) = slot else { return };
                let item = items
                    .entry(index)
                    .or_insert_with(|| Node::Object(BTreeMap::new()));
                if i + 3 == parts.len() {
                    *item = Node::Leaf(value);
                    return;
                }
                if !matches!(item, Node::Object(_)) {
                    *item = Node::Object(BTreeMap::new());
                }
                node = item;
                i += 3;
                continue;
            }
            if i + 1 == parts.len() {
                fields.insert(key, Node::Leaf(value));
                return;
            }
            let child = fields
                .entry(key)
                .or_insert_with(|| Node::Object(BTreeMap::new()));
            if !matches!(child, Node::Object(_)) {
                *child = Node::Object(BTreeMap::new());
            }
            node = child;
            i += 1;
        }
    }

    fn into_value(self) -> Value {
        match self {
            Node::Leaf(s) => Value::String(s),
            Node::Object(fields) => Value::Object(
                fields
                    .into_iter()
                    .map(|(k, v)| (k, v.into_value()))
                    .collect::<Map<String, Value>>(),
            ),
            Node::List(items) => Value::Array(items.into_values().map(Node::into_value).collect()),
        }
    }
}

fn camel(segment: &str) -> String {
    let mut chars = segment.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn params(form: &str) -> QueryParams {
        QueryParams::parse(form.as_bytes()).unwrap()
    }

    #[test]
    fn camel_cases_and_builds_lists() {
        let p = params(
            "Action=CreateUser&Version=2010-05-08&UserName=alice&Tags.member.1.Key=team&Tags.member.1.Value=blue&Tags.member.2.Key=x&Tags.member.2.Value=",
        );
        assert_eq!(
            request_parameters(&p),
            json!({"userName": "alice", "tags": [{"key": "team", "value": "blue"}, {"key": "x", "value": ""}]})
        );
    }

    #[test]
    fn scalar_lists_keep_index_order() {
        let mut form = String::from("Action=UntagUser&UserName=a");
        for i in 1..=11 {
            form.push_str(&format!("&TagKeys.member.{i}=k{i}"));
        }
        let v = request_parameters(&params(&form));
        assert_eq!(v["tagKeys"][1], "k2");
        assert_eq!(v["tagKeys"][10], "k11");
    }

    #[test]
    fn secrets_are_hidden_documents_kept() {
        let p =
            params("Action=CreateLoginProfile&UserName=a&Password=hunter2&PolicyDocument=%7B%7D");
        let v = request_parameters(&p);
        assert_eq!(v["password"], HIDDEN);
        assert_eq!(v["policyDocument"], "{}");
    }

    #[test]
    fn passwords_are_hidden_password_policy_settings_kept() {
        let p = params("Action=ChangePassword&OldPassword=old-Secret1&NewPassword=new-Secret1");
        let v = request_parameters(&p);
        assert_eq!(v["oldPassword"], HIDDEN);
        assert_eq!(v["newPassword"], HIDDEN);
        let p = params(
            "Action=UpdateLoginProfile&UserName=a&Password=s3cret&PasswordResetRequired=true",
        );
        let v = request_parameters(&p);
        assert_eq!(v["password"], HIDDEN);
        assert_eq!(v["passwordResetRequired"], "true");
        let p = params(
            "Action=UpdateAccountPasswordPolicy&MinimumPasswordLength=12&MaxPasswordAge=90&PasswordReusePrevention=3&AllowUsersToChangePassword=true",
        );
        assert_eq!(
            request_parameters(&p),
            json!({"minimumPasswordLength": "12", "maxPasswordAge": "90",
                   "passwordReusePrevention": "3", "allowUsersToChangePassword": "true"})
        );
    }

    #[test]
    fn presigned_auth_parameters_are_not_request_parameters() {
        let p = params("Action=GetUser&X-Amz-Signature=abc&X-Amz-Credential=k&UserName=a");
        assert_eq!(request_parameters(&p), json!({"userName": "a"}));
    }

    #[test]
    fn list_indices_are_an_order_not_positions() {
        // Gaps close up; a huge index costs one element, not that many (it once padded the
        // array with nulls up to the index and a single request exhausted memory).
        let p = params(
            "Action=TagUser&UserName=a&Tags.member.3.Key=c&Tags.member.1.Key=a&Tags.member.99999999999.Key=z&Tags.member.4294967295.Key=m",
        );
        assert_eq!(
            request_parameters(&p)["tags"],
            json!([{"key": "a"}, {"key": "c"}, {"key": "m"}])
        );
        // Not a canonical index (zero, leading zero, beyond u32): not a list element, not
        // recorded (the typed decoder ignores it as well).
        let p = params("Action=X&L.member.0=a&L.member.01=b&L.member.4294967296=c&L.member.2=d");
        assert_eq!(request_parameters(&p), json!({"l": ["d"]}));
    }

    #[test]
    fn a_name_sent_as_scalar_and_structure_keeps_the_later_shape() {
        let p = params("Action=X&A=1&A.B=2&C.member.1=x&C.member.1.D=y");
        assert_eq!(
            request_parameters(&p),
            json!({"a": {"b": "2"}, "c": [{"d": "y"}]})
        );
    }

    #[test]
    fn no_parameters_is_null() {
        assert_eq!(
            request_parameters(&params("Action=ListUsers&Version=2010-05-08")),
            Value::Null
        );
    }
}
