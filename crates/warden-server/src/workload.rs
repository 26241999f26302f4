//! Workload credentials: the container credentials endpoint and the workload registry that
//! `warden workload register|list|revoke` manages.
//!
//! An operator registers a workload for an instance profile (api.md §5.12); the workload
//! receives a bearer token, shown once. Only the SHA-256 of the token's secret part is
//! stored, and it is compared in constant time. The workload then gets sessions of the
//! profile's role from `GET /_warden/workload/credentials`, the way an ECS task or EKS pod
//! gets its role's credentials: every AWS SDK's container credentials provider works
//! unchanged with
//!
//! ```text
//! AWS_CONTAINER_CREDENTIALS_FULL_URI=http://127.0.0.1:8700/_warden/workload/credentials
//! AWS_CONTAINER_AUTHORIZATION_TOKEN=<token>     # sent as the `Authorization` header
//! ```
//!
//! The answer is the ECS task-role document (`AccessKeyId`, `SecretAccessKey`, `Token`,
//! `Expiration` in ISO 8601, `RoleArn`, plus EKS Pod Identity's `AccountId`): the fields
//! aws-config's ECS provider and botocore's `ContainerMetadataFetcher` read. The session is
//! issued like AssumeRole's (`handlers::sts::issue_workload_session`), with the workload
//! id as session name, for [`ServerConfig::workload_session_seconds`]
//! (`crate::ServerConfig`, one hour by default) regardless of the role's
//! `MaxSessionDuration`, as EC2 and ECS do.
//!
//! As on EC2, the role must trust the service: its trust policy alone is evaluated for the
//! service principal `ec2.amazonaws.com` and `sts:AssumeRole`; a role that does not trust
//! it gets the workload a 403 `AccessDenied` naming the role (the token was valid, so
//! this tells its holder nothing new).
//!
//! Errors never tell whether a token exists: no `Authorization` header → 401, any token
//! that is malformed, unknown, wrong or revoked → the same 403. A valid token whose profile
//! is gone or holds no role → 404 (the holder is authenticated; the operator must fix the
//! profile).
//!
//! Audit: each issued session is a CloudTrail `AssumeRole` event (`eventSource`
//! `sts.amazonaws.com`) in the profile's account. CloudTrail records the sessions EC2 and
//! ECS fetch for instances and tasks with `userIdentity.type` `AWSService` and `invokedBy`
//! the service; Warden does the same with `invokedBy` `workload.warden` and adds
//! `workloadId`/`workloadName`, so the events of one workload can be found.
//! `requestParameters` has `roleArn`, `roleSessionName` and `instanceProfileArn` (never the
//! token); `responseElements` the access key id and expiration (never the secret or the
//! session token).

use std::fmt;
use std::net::SocketAddr;

use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use rand::RngCore as _;
use serde_json::json;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use warden_core::{
    AuditEvent, AuditOutcome, InstanceProfile, Store, StoreError, Transaction, Workload,
};
use warden_policy::Principal;
use warden_types::AccountId;

use crate::authz::{self, Check, Compiled, RequestFacts};
use crate::error::ApiError;
use crate::state::AppState;

/// The endpoint's path.
pub const CREDENTIALS_PATH: &str = "/_warden/workload/credentials";
/// Default lifetime of workload sessions, seconds (one hour, like AssumeRole's default).
pub const DEFAULT_SESSION_SECONDS: u32 = 3600;
/// `CloudTrail` `invokedBy` of workload sessions (see the module documentation).
const INVOKED_BY: &str = "workload.warden";
/// The service principal an instance profile's role must trust: EC2 gets an instance
/// profile role's credentials only when the role's trust policy lets
/// `ec2.amazonaws.com` perform `sts:AssumeRole` (api.md §5.12).
const TRUSTED_SERVICE: &str = "ec2.amazonaws.com";
/// Prefix of workload ids (`wl-` and 20 hex digits).
const ID_PREFIX: &str = "wl-";

/// A workload's bearer token: `<workload id>.<64 hex digits>`. Shown once at registration;
/// redacted in `Debug`.
#[derive(Clone, Eq, PartialEq)]
pub struct WorkloadToken(String);

impl WorkloadToken {
    /// The token text, to print once.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for WorkloadToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("WorkloadToken(<redacted>)")
    }
}

/// Why a registry operation failed.
#[derive(Debug, thiserror::Error)]
pub enum WorkloadError {
    /// The account is not hosted here.
    #[error("account {0} does not exist")]
    NoSuchAccount(AccountId),
    /// The instance profile does not exist in the account.
    #[error("instance profile {0} does not exist in the account")]
    NoSuchInstanceProfile(String),
    /// No workload has this id.
    #[error("workload {0} does not exist")]
    NoSuchWorkload(String),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A registered workload with its instance profile's current name (if it still exists).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct WorkloadInfo {
    /// The stored record.
    pub workload: Workload,
    /// The profile's name, `None` when the profile was deleted.
    pub instance_profile: Option<String>,
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        for nibble in [b >> 4, b & 0x0f] {
            out.push(char::from(
                DIGITS.get(usize::from(nibble)).copied().unwrap_or(b'0'),
            ));
        }
    }
    out
}

/// Lower-case hex SHA-256 of a token's secret part.
fn secret_sha256(secret: &str) -> String {
    hex(&warden_sigv4::payload_sha256(secret.as_bytes()))
}

/// Equality that takes the same time wherever the inputs differ (equal lengths are not
/// secret: every stored hash has 64 digits).
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let diff = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
    std::hint::black_box(diff) == 0
}

/// Splits a token into workload id and secret; `None` when it cannot be one of ours.
fn parse_token(token: &str) -> Option<(&str, &str)> {
    let (id, secret) = token.split_once('.')?;
    let well_formed = id.starts_with(ID_PREFIX)
        && id.len() == ID_PREFIX.len() + 20
        && secret.len() == 64
        && secret.bytes().all(|b| b.is_ascii_hexdigit());
    well_formed.then_some((id, secret))
}

fn new_token() -> (String, String, String) {
    let mut rng = rand::rng();
    let mut id = [0u8; 10];
    let mut secret = [0u8; 32];
    rng.fill_bytes(&mut id);
    rng.fill_bytes(&mut secret);
    let id = format!("{ID_PREFIX}{}", hex(&id));
    let secret = hex(&secret);
    let token = format!("{id}.{secret}");
    (id, secret, token)
}

/// Registers a workload for the instance profile `profile_name` of `account` (the profile
/// may still be empty: the endpoint answers once a role is added). `name` defaults to the
/// profile's name. Returns the record and the token, which exists nowhere else.
pub async fn register<S: Store>(
    store: &S,
    account: AccountId,
    profile_name: &str,
    name: Option<&str>,
    now: OffsetDateTime,
) -> Result<(Workload, WorkloadToken), WorkloadError> {
    let mut tx = store.begin().await?;
    if tx.account(account).await?.is_none() {
        return Err(WorkloadError::NoSuchAccount(account));
    }
    let profile = tx
        .instance_profile_by_name(account, profile_name)
        .await?
        .ok_or_else(|| WorkloadError::NoSuchInstanceProfile(profile_name.to_owned()))?;
    let (id, secret, token) = new_token();
    let workload = Workload {
        account,
        id,
        name: name.unwrap_or(&profile.name).to_owned(),
        instance_profile_id: profile.id,
        token_sha256: secret_sha256(&secret),
        created: OffsetDateTime::from_unix_timestamp(now.unix_timestamp()).unwrap_or(now),
        revoked: None,
    };
    tx.insert_workload(&workload).await?;
    tx.commit().await?;
    Ok((workload, WorkloadToken(token)))
}

/// The registered workloads (of one account or all), with their profiles' names.
pub async fn list<S: Store>(
    store: &S,
    account: Option<AccountId>,
) -> Result<Vec<WorkloadInfo>, WorkloadError> {
    let mut tx = store.begin().await?;
    let workloads = tx.list_workloads(account).await?;
    let mut out = Vec::with_capacity(workloads.len());
    for workload in workloads {
        let instance_profile = tx
            .instance_profile_by_id(workload.account, &workload.instance_profile_id)
            .await?
            .map(|p| p.name);
        out.push(WorkloadInfo {
            workload,
            instance_profile,
        });
    }
    tx.rollback().await?;
    Ok(out)
}

/// Revokes a workload's token: the endpoint refuses it from now on (sessions already
/// issued stay valid until they expire, like any STS session).
pub async fn revoke<S: Store>(
    store: &S,
    id: &str,
    now: OffsetDateTime,
) -> Result<(), WorkloadError> {
    let mut tx = store.begin().await?;
    match tx.revoke_workload(id, now).await {
        Ok(()) => {}
        Err(StoreError::NotFound) => return Err(WorkloadError::NoSuchWorkload(id.to_owned())),
        Err(e) => return Err(e.into()),
    }
    tx.commit().await?;
    Ok(())
}

/// The endpoint's JSON errors (`Code`/`Message`, the shape of the ECS agent's answers).
fn error(status: StatusCode, code: &str, message: &str) -> Response {
    (
        status,
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        json!({"Code": code, "Message": message}).to_string(),
    )
        .into_response()
}

/// The one answer for every token that does not authenticate.
/// The one answer to every token that does not authenticate (nothing tells whether it
/// names a workload).
const INVALID_TOKEN: &str = "The workload authorization token is not valid.";

fn invalid_token() -> Response {
    error(StatusCode::FORBIDDEN, "AccessDenied", INVALID_TOKEN)
}

fn internal(e: &dyn std::error::Error) -> Response {
    tracing::error!(error = %e, "workload credentials failed");
    error(
        StatusCode::INTERNAL_SERVER_ERROR,
        "InternalFailure",
        "The credentials could not be issued.",
    )
}

/// What a valid token leads to.
enum Lookup {
    /// Not authenticated (see [`invalid_token`]); the account of the workload the token
    /// names, when it names one that exists (its owner's audit trail shows the attempt).
    Invalid(Option<AccountId>),
    /// Authenticated; the profile or its role is missing.
    NoRole(Box<Workload>, String),
    /// Authenticated, with the profile and its role.
    Ready(Box<(Workload, InstanceProfile, warden_core::Role)>),
}

async fn lookup<T: Transaction>(tx: &mut T, token: &str) -> Result<Lookup, StoreError> {
    let Some((id, secret)) = parse_token(token) else {
        return Ok(Lookup::Invalid(None));
    };
    let presented = secret_sha256(secret);
    let Some(workload) = tx.workload(id).await? else {
        return Ok(Lookup::Invalid(None));
    };
    if !constant_time_eq(presented.as_bytes(), workload.token_sha256.as_bytes())
        || workload.revoked.is_some()
    {
        return Ok(Lookup::Invalid(Some(workload.account)));
    }
    let Some(profile) = tx
        .instance_profile_by_id(workload.account, &workload.instance_profile_id)
        .await?
    else {
        return Ok(Lookup::NoRole(
            Box::new(workload),
            "The instance profile of this workload no longer exists.".to_owned(),
        ));
    };
    let role = match &profile.role_id {
        Some(role_id) => tx.role_by_id(workload.account, role_id).await?,
        None => None,
    };
    Ok(match role {
        Some(role) => Lookup::Ready(Box::new((workload, profile, role))),
        None => {
            let message = format!("Instance profile {} contains no role.", profile.name);
            Lookup::NoRole(Box::new(workload), message)
        }
    })
}

/// `GET /_warden/workload/credentials` (see the module documentation).
pub(crate) async fn credentials<S: Store>(
    State(state): State<AppState<S>>,
    request: axum::extract::Request,
) -> Response {
    let (parts, _) = request.into_parts();
    if parts.method != Method::GET {
        return error(
            StatusCode::METHOD_NOT_ALLOWED,
            "MethodNotAllowed",
            "Use GET.",
        );
    }
    let Some(token) = parts
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|t| !t.is_empty())
    else {
        return error(
            StatusCode::UNAUTHORIZED,
            "MissingAuthorizationToken",
            "The Authorization header with the workload token is missing.",
        );
    };
    let source_ip = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map_or_else(|| "127.0.0.1".to_owned(), |c| c.0.ip().to_string());
    match issue(&state, token, &parts.headers, source_ip).await {
        Ok(response) => response,
        Err(e) => internal(&e),
    }
}

async fn issue<S: Store>(
    state: &AppState<S>,
    token: &str,
    headers: &HeaderMap,
    source_ip: String,
) -> Result<Response, ApiError> {
    let now = state.services().clock.now();
    let now = OffsetDateTime::from_unix_timestamp(now.unix_timestamp()).unwrap_or(now);
    // The session key ring may have to be created in the database first: load it before
    // this transaction takes SQLite's write lock, or the two would wait for each other.
    crate::sessions::key_ring(state).await?;
    let mut tx = state.store()?.begin().await?;
    let user_agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok());
    let refused = |account: AccountId, workload: Option<&Workload>, code, message: &str| {
        failure_event(&FailureFacts {
            account,
            workload,
            token_id: parse_token(token).map(|(id, _)| id),
            code,
            message,
            now,
            user_agent,
            source_ip: &source_ip,
            region: &state.config().region,
        })
    };
    let (workload, profile, role) = match lookup(&mut tx, token).await? {
        Lookup::Invalid(account) => {
            tx.rollback().await?;
            let account = account.unwrap_or(state.config().default_account);
            let event = refused(account, None, "AccessDenied", INVALID_TOKEN);
            state.inner().audit.record(event).await;
            return Ok(invalid_token());
        }
        Lookup::NoRole(workload, message) => {
            tx.rollback().await?;
            let event = refused(workload.account, Some(&workload), "NoSuchEntity", &message);
            state.inner().audit.record(event).await;
            return Ok(error(StatusCode::NOT_FOUND, "NoSuchEntity", &message));
        }
        Lookup::Ready(found) => *found,
    };
    let partition = &state.config().partition;
    let role_arn = authz::entity_arn(partition, role.account, "role", &role.path, &role.name);
    let facts = RequestFacts {
        now_unix: now.unix_timestamp(),
        source_ip: source_ip.clone(),
        secure_transport: state.config().secure_transport,
        user_agent: user_agent.map(str::to_owned),
        // The endpoint has no credential scope: sessions are issued in the deployment's region.
        region: state.config().region.clone(),
    };
    if !role_trusts_ec2(state, &role, &role_arn, &facts)? {
        tx.rollback().await?;
        let message = format!(
            "The trust policy of role {role_arn} does not allow {TRUSTED_SERVICE} to perform sts:AssumeRole."
        );
        let event = refused(workload.account, Some(&workload), "AccessDenied", &message);
        state.inner().audit.record(event).await;
        return Ok(error(StatusCode::FORBIDDEN, "AccessDenied", &message));
    }
    let duration = i64::from(state.config().workload_session_seconds);
    let (credentials, identity) =
        crate::handlers::sts::issue_workload_session(state, now, &role, &workload.id, duration)
            .await?;
    let profile_arn = authz::entity_arn(
        partition,
        profile.account,
        "instance-profile",
        &profile.path,
        &profile.name,
    );
    let expiration =
        OffsetDateTime::from_unix_timestamp(now.unix_timestamp().saturating_add(duration))
            .unwrap_or(now)
            .format(&Rfc3339)
            .unwrap_or_default();
    let event = audit_event(&AuditFacts {
        workload: &workload,
        role_arn: &role_arn,
        profile_arn: &profile_arn,
        identity: &identity,
        access_key_id: &credentials.access_key_id,
        expiration: &expiration,
        now,
        user_agent,
        region: &state.config().region,
    });
    tx.insert_audit(&event).await?;
    tx.commit().await?;
    record_role_use(state, &role.id, now);
    let body = json!({
        "AccessKeyId": credentials.access_key_id,
        "SecretAccessKey": credentials.secret_access_key,
        "Token": credentials.session_token,
        "Expiration": expiration,
        "RoleArn": role_arn,
        "AccountId": workload.account.as_str(),
    });
    Ok((
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body.to_string(),
    )
        .into_response())
}

/// Whether the role's trust policy lets [`TRUSTED_SERVICE`] assume it: the trust policy
/// alone, evaluated for the service principal (as STS does for the services it serves;
/// principals resolved at save time bind as in AssumeRole, policy.md §1.7.3).
fn role_trusts_ec2<S: Store>(
    state: &AppState<S>,
    role: &warden_core::Role,
    role_arn: &str,
    facts: &RequestFacts,
) -> Result<bool, ApiError> {
    let principal = Principal::service(TRUSTED_SERVICE);
    let trust = authz::compile_trust(role, role_arn, &principal)?;
    let caller = Compiled::unauthenticated(role.account, principal);
    let check = Check::new("sts:AssumeRole", role_arn).with_resource_policy(trust);
    Ok(authz::authorize(&caller, facts, &[check], &state.inner().metrics).is_ok())
}

/// `RoleLastUsed` (api.md §3.8), in the background and throttled as AssumeRole does.
fn record_role_use<S: Store>(state: &AppState<S>, role_id: &str, now: OffsetDateTime) {
    // At most one write per role and second, like AssumeRole's.
    if !state
        .inner()
        .role_use
        .should_record(role_id, now.unix_timestamp(), &state.config().region)
    {
        return;
    }
    let Ok(store) = state.store() else { return };
    let role_id = role_id.to_owned();
    let used = warden_core::RoleLastUsed {
        date: now,
        region: state.config().region.clone(),
    };
    tokio::spawn(async move {
        if let Err(e) = store.record_role_use(&role_id, &used).await {
            tracing::warn!(error = %e, "recording role use failed");
        }
    });
}

struct AuditFacts<'a> {
    workload: &'a Workload,
    role_arn: &'a str,
    profile_arn: &'a str,
    identity: &'a warden_sts::session::SessionIdentity,
    access_key_id: &'a str,
    expiration: &'a str,
    now: OffsetDateTime,
    user_agent: Option<&'a str>,
    region: &'a str,
}

/// The CloudTrail `AssumeRole` record of an issued workload session.
fn audit_event(f: &AuditFacts<'_>) -> AuditEvent {
    let account = f.workload.account.as_str();
    let (event_id, mut event) = assume_role_event(
        f.workload.account,
        f.region,
        f.now,
        f.user_agent,
        // CloudTrail names the service as the source of a service's own call.
        INVOKED_BY,
        json!({
            "type": "AWSService",
            "invokedBy": INVOKED_BY,
            "workloadId": f.workload.id,
            "workloadName": f.workload.name,
        }),
        json!({
            "roleArn": f.role_arn,
            "roleSessionName": f.workload.id,
            "instanceProfileArn": f.profile_arn,
        }),
    );
    if let Some(record) = event.as_object_mut() {
        record.insert(
            "responseElements".into(),
            json!({
                "credentials": {"accessKeyId": f.access_key_id, "expiration": f.expiration},
                "assumedRoleUser": {"assumedRoleId": f.identity.id, "arn": f.identity.arn},
            }),
        );
        record.insert(
            "resources".into(),
            json!([{"ARN": f.role_arn, "accountId": account, "type": "AWS::IAM::Role"}]),
        );
    }
    finish(
        event_id,
        f.workload.account,
        f.now,
        f.profile_arn,
        AuditOutcome::Success,
        &event,
    )
}

struct FailureFacts<'a> {
    account: AccountId,
    /// The workload, once its token authenticated.
    workload: Option<&'a Workload>,
    /// The workload id the token names (its public part; never the secret).
    token_id: Option<&'a str>,
    code: &'a str,
    message: &'a str,
    now: OffsetDateTime,
    user_agent: Option<&'a str>,
    source_ip: &'a str,
    region: &'a str,
}

/// The CloudTrail `AssumeRole` record of a refused credentials request: `errorCode` and
/// `errorMessage` as for any refused call, the workload when its token authenticated, the
/// caller's address (nobody is known to have called), and never the token's secret.
fn failure_event(f: &FailureFacts<'_>) -> AuditEvent {
    let user_identity = match f.workload {
        Some(w) => json!({
            "type": "AWSService",
            "invokedBy": INVOKED_BY,
            "workloadId": w.id,
            "workloadName": w.name,
        }),
        None => json!({"type": "Unknown", "invokedBy": INVOKED_BY}),
    };
    let (event_id, mut event) = assume_role_event(
        f.account,
        f.region,
        f.now,
        f.user_agent,
        f.source_ip,
        user_identity,
        json!({"workloadId": f.token_id}),
    );
    if let Some(record) = event.as_object_mut() {
        record.insert("errorCode".into(), json!(f.code));
        record.insert("errorMessage".into(), json!(f.message));
    }
    finish(
        event_id,
        f.account,
        f.now,
        "",
        AuditOutcome::Failure,
        &event,
    )
}

/// A new event id and the fields every workload `AssumeRole` record has
/// (`responseElements` null until set).
fn assume_role_event(
    account: AccountId,
    region: &str,
    now: OffsetDateTime,
    user_agent: Option<&str>,
    source_ip: &str,
    user_identity: serde_json::Value,
    request_parameters: serde_json::Value,
) -> (String, serde_json::Value) {
    let event_id = uuid::Uuid::new_v4().to_string();
    let record = json!({
        "eventVersion": "1.08",
        "userIdentity": user_identity,
        "eventTime": now.format(&Rfc3339).unwrap_or_default(),
        "eventSource": "sts.amazonaws.com",
        "eventName": "AssumeRole",
        "awsRegion": region,
        "sourceIPAddress": source_ip,
        "userAgent": user_agent,
        "requestParameters": request_parameters,
        "responseElements": null,
        "requestID": crate::pipeline::new_request_id(),
        "eventID": event_id,
        "readOnly": true,
        "eventType": "AwsServiceEvent",
        "managementEvent": true,
        "recipientAccountId": account.as_str(),
    });
    (event_id, record)
}

/// The stored event of a record built by [`assume_role_event`].
fn finish(
    event_id: String,
    account: AccountId,
    now: OffsetDateTime,
    principal_arn: &str,
    outcome: AuditOutcome,
    record: &serde_json::Value,
) -> AuditEvent {
    AuditEvent {
        id: event_id,
        account,
        time: now,
        event_name: "AssumeRole".to_owned(),
        outcome,
        principal_arn: principal_arn.to_owned(),
        access_key_id: None,
        document: record.to_string(),
    }
}

#[cfg(test)]
#[allow(
    clippy::string_slice,
    clippy::unwrap_used,
    reason = "tests: the tokens are ASCII, failing loudly is the point"
)]
mod tests {
    use super::*;

    #[test]
    fn tokens_parse_back_and_hash_to_the_stored_value() {
        let (id, secret, token) = new_token();
        assert_eq!(parse_token(&token), Some((id.as_str(), secret.as_str())));
        assert_eq!(secret_sha256(&secret).len(), 64);
        assert_ne!(secret_sha256(&secret), secret_sha256(&new_token().1));
    }

    #[test]
    fn malformed_tokens_are_refused() {
        let (id, secret, _) = new_token();
        for bad in [
            String::new(),
            id.clone(),
            format!("{id}.{}", &secret[..63]),
            format!("{id}.{}z", &secret[..63]),
            format!("xx-{}.{secret}", &id[3..]),
            format!("{id}0.{secret}"),
        ] {
            assert_eq!(parse_token(&bad), None, "{bad}");
        }
    }

    #[test]
    fn constant_time_eq_compares_bytes() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }

    #[test]
    fn hex_is_lower_case() {
        assert_eq!(hex(&[0x00, 0xab, 0x0f]), "00ab0f");
    }

    #[test]
    fn the_token_is_redacted_in_debug() {
        let token = WorkloadToken("wl-secret".to_owned());
        assert!(!format!("{token:?}").contains("secret"));
    }
}
