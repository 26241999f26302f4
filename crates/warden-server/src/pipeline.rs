//! The request pipeline of api.md §1.8, in order:
//!
//! 1. body limit and form decoding (`MalformedQueryString`), `Action` (`MissingAction`);
//! 2. service from the SigV4 scope (or, unsigned, from the action) and operation
//!    (`InvalidAction`, also for a wrong `Version`);
//! 3. authentication: SigV4 structure and scope, clock window, key lookup (unknown or
//!    inactive → `InvalidClientTokenId`), signature; last use recorded in the background;
//! 4. input validation (`ValidationError`);
//! 5. authorization and execution inside ONE store transaction (handlers, see
//!    `handlers/mod.rs`), audit event in the same transaction, commit; on failure roll back
//!    and audit the failure in its own transaction;
//! 6. XML rendering with `x-amzn-RequestId` equal to the body's `RequestId`.
//!
//! Every error, from any step, is an [`ApiError`] rendered by [`render_error`].

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Instant, SystemTime};

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::request::Parts;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use time::OffsetDateTime;
use warden_core::{KeyLastUsed, KeyStatus, Store, Transaction};
use warden_query::{
    IamOperation, IamRequest, QueryParams, Service, StsOperation, StsRequest, empty_response,
    error_response, success_response,
};
use warden_sigv4::{ScopeRules, SecretKey, SigV4Error, SigningKey, payload_sha256};
use warden_types::AccountId;

use crate::audit::CallRecord;
use crate::authz::{Compiled, RequestFacts};
use crate::error::{ApiError, InternalError};
use crate::handlers::{self, Cx, Reply};
use crate::sessions;
use crate::state::AppState;

/// The services one listener serves (api.md §1.1 requirement 1).
const SERVICES: [&str; 2] = ["iam", "sts"];

/// The operation a request addresses.
#[derive(Clone, Copy, Debug)]
enum Operation {
    Iam(IamOperation),
    Sts(StsOperation),
}

impl Operation {
    fn name(self) -> &'static str {
        match self {
            Self::Iam(op) => op.name(),
            Self::Sts(op) => op.name(),
        }
    }
}

/// Whether CloudTrail marks the operation read-only (and no cache invalidation is due).
fn is_read_only(name: &str) -> bool {
    name.starts_with("Get") || name.starts_with("List") || name.starts_with("Simulate")
}

/// What is known about a request as it moves through the pipeline (for the response, the
/// audit event and the metrics).
struct Call {
    request_id: String,
    service: Service,
    action: String,
    operation: Option<Operation>,
    now: OffsetDateTime,
    source_ip: String,
    user_agent: Option<String>,
    region: String,
    access_key_id: Option<String>,
    /// The key's account once the key was found (failed-auth audits go there).
    account: Option<AccountId>,
    caller: Option<Arc<Compiled>>,
    params: QueryParams,
    /// The `userIdentity` a handler established (unsigned noAuth calls).
    audit_identity: Option<serde_json::Value>,
}

/// The API handler: any path (SDKs keep a path prefix of the endpoint override, api.md
/// §1.1), `GET` and `POST`.
pub(crate) async fn handle<S: Store>(
    state: AppState<S>,
    request: axum::extract::Request,
) -> Response {
    let started = Instant::now();
    let (parts, body) = request.into_parts();
    let source_ip = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map_or_else(|| "127.0.0.1".to_owned(), |c| c.0.ip().to_string());
    let user_agent = parts
        .headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let mut call = Call {
        request_id: new_request_id(),
        service: Service::Iam,
        action: String::new(),
        operation: None,
        now: state.services().clock.now(),
        source_ip,
        user_agent,
        region: state.config().region.clone(),
        access_key_id: None,
        account: None,
        caller: None,
        params: QueryParams::new(),
        audit_identity: None,
    };
    let result = process(&state, &mut call, &parts, body).await;
    if let Some(op) = call.operation {
        audit_failure(&state, &call, op, result.as_ref().err()).await;
    }
    let outcome = match &result {
        Ok(_) => "success",
        Err(e) => e.wire().code,
    };
    let action = if call.action.is_empty() {
        "unknown"
    } else {
        call.action.as_str()
    };
    let elapsed = started.elapsed();
    state
        .inner()
        .metrics
        .record_request(action, outcome, elapsed);
    tracing::info!(
        request_id = %call.request_id,
        action,
        outcome,
        caller = call.caller.as_deref().map_or("-", |c| c.arn()),
        source_ip = %call.source_ip,
        elapsed_ms = elapsed.as_millis(),
        "request"
    );
    match result {
        Ok(xml) => xml_response(StatusCode::OK, xml, &call.request_id),
        Err(error) => render_error(&error, call.service, &call.request_id),
    }
}

/// A request id: a random (v4) UUID from the thread-local CSPRNG, which, unlike
/// `Uuid::new_v4`, costs no `getrandom` system call per request.
pub(crate) fn new_request_id() -> String {
    let mut bytes = [0u8; 16];
    rand::RngCore::fill_bytes(&mut rand::rng(), &mut bytes);
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .hyphenated()
        .to_string()
}

/// Renders any error as AWS's `<ErrorResponse>`; internal details only go to the log.
pub(crate) fn render_error(error: &ApiError, service: Service, request_id: &str) -> Response {
    let wire = error.wire();
    if error.is_internal() {
        tracing::error!(request_id, error = %error, cause = ?std::error::Error::source(error), "internal failure");
    } else {
        tracing::debug!(request_id, code = wire.code, error = %error, "request refused");
    }
    let body = error_response(service, &wire, error.wire_message().as_deref(), request_id);
    let status = StatusCode::from_u16(wire.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    xml_response(status, body, request_id)
}

fn xml_response(status: StatusCode, body: String, request_id: &str) -> Response {
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/xml"));
    if let Ok(v) = HeaderValue::from_str(request_id) {
        headers.insert("x-amzn-RequestId", v);
    }
    response
}

async fn process<S: Store>(
    state: &AppState<S>,
    call: &mut Call,
    parts: &Parts,
    body: Body,
) -> Result<String, ApiError> {
    if parts.method != Method::POST && parts.method != Method::GET {
        return Err(ApiError::MethodNotAllowed(parts.method.to_string()));
    }
    let limit = state.config().body_limit;
    let body = axum::body::to_bytes(body, limit)
        .await
        .map_err(|_| ApiError::BodyTooLarge { limit })?;
    let query = parts.uri.query().unwrap_or("");
    call.params = QueryParams::parse_merged(query.as_bytes(), &body)
        .map_err(ApiError::MalformedQueryString)?;
    let action = call
        .params
        .action()
        .ok_or(ApiError::MissingAction)?
        .to_owned();
    call.action.clone_from(&action);

    // Header values that are not UTF-8 cannot have been signed by an SDK; leaving them
    // out makes the signature fail if they were listed as signed.
    let header_refs: Vec<(&str, &str)> = parts
        .headers
        .iter()
        .filter_map(|(n, v)| v.to_str().ok().map(|v| (n.as_str(), v)))
        .collect();
    let request_parts = warden_sigv4::RequestParts {
        method: parts.method.as_str(),
        path: parts.uri.path(),
        query,
        headers: &header_refs,
    };
    let parsed = warden_sigv4::parse(request_parts, &ScopeRules::new(&SERVICES));

    // Service: the scope of a signed request, otherwise the action (api.md §1.1 rule 2).
    call.service = match &parsed {
        Ok(p) if p.scope().service == "sts" => Service::Sts,
        Ok(_) => Service::Iam,
        Err(_) if StsOperation::from_action(&action).is_some() => Service::Sts,
        Err(_) => Service::Iam,
    };
    let operation = match call.service {
        Service::Iam => IamOperation::from_action(&action).map(Operation::Iam),
        Service::Sts => StsOperation::from_action(&action).map(Operation::Sts),
    };
    let version = call.params.version().unwrap_or("");
    let operation = match operation {
        Some(op) if version == call.service.version() => op,
        _ => {
            return Err(ApiError::InvalidAction(format!(
                "Could not find operation {action} for version {version}"
            )));
        }
    };

    let (compiled, key_id) = match parsed {
        Ok(parsed) => {
            call.operation = Some(operation);
            authenticate(state, call, parsed, &body).await?
        }
        // The noAuth STS operations (api.md §6.3, §6.4): an unsigned request gets the
        // unauthenticated caller; the handler authenticates the token or assertion itself.
        Err(SigV4Error::MissingAuthenticationToken(_)) if accepts_unsigned(operation) => {
            call.operation = Some(operation);
            (unauthenticated_caller(state, call), String::new())
        }
        Err(e) => {
            if !matches!(e, SigV4Error::MissingAuthenticationToken(_)) {
                // Audit what is known about a signed request that failed authentication.
                call.operation = Some(operation);
            }
            return Err(e.into());
        }
    };
    let store = state.store()?;
    call.caller = Some(Arc::clone(&compiled));

    // ---- operation
    let request = match operation {
        Operation::Iam(op) => {
            Request::Iam(IamRequest::from_query(op, &call.params).map_err(validation_error)?)
        }
        Operation::Sts(op) if handlers::sts::implemented(op) => Request::Sts(
            // STS validation messages echo the values (the generated decoder does that).
            StsRequest::from_query(op, &call.params)
                .map_err(|e| ApiError::Validation(e.message()))?,
        ),
        Operation::Sts(_) => return Err(not_implemented(operation)),
    };
    if matches!(request, Request::Sts(_)) {
        // Load (or create) the key ring before the operation's transaction: creating it
        // writes, and SQLite allows one writer at a time.
        sessions::key_ring(state).await?;
    }
    let facts = RequestFacts {
        now_unix: call.now.unix_timestamp(),
        source_ip: call.source_ip.clone(),
        secure_transport: state.config().secure_transport,
        user_agent: call.user_agent.clone(),
        region: call.region.clone(),
    };
    // A call that only reads takes no write lock (api.md §1.8 step 5 still holds: one
    // transaction per call).
    // AssumeRoleWithWebIdentity writes nothing in its transaction and may wait for the
    // IdP's keys over the network: it must not hold the write lock meanwhile.
    let reads_only = (matches!(operation, Operation::Iam(_)) && is_read_only(operation.name()))
        || matches!(
            operation,
            Operation::Sts(
                StsOperation::AssumeRoleWithWebIdentity
                    // Issuing credentials reads the role and policies; the only write (an
                    // MFA code's time step) is one statement, atomic on its own.
                    | StsOperation::AssumeRole
                    | StsOperation::GetSessionToken
                    | StsOperation::GetFederationToken
                    | StsOperation::GetCallerIdentity
                    | StsOperation::GetAccessKeyInfo
            )
        );
    let tx = if reads_only {
        store.begin_read().await?
    } else {
        store.begin().await?
    };
    let mut cx = Cx {
        tx,
        caller: &compiled,
        access_key_id: &key_id,
        state,
        facts: &facts,
        now: call.now,
        authorized: false,
        reads_only,
    };
    let dispatched = match request {
        Request::Iam(r) => handlers::dispatch(&mut cx, r).await,
        Request::Sts(r) => handlers::sts::dispatch(&mut cx, r).await,
    };
    let reply = match dispatched {
        Ok(_) if !cx.authorized => Err(ApiError::Internal(InternalError::Contract(
            "handler returned without authorizing",
        ))),
        other => other,
    };
    let Cx { mut tx, .. } = cx;
    let reply: Reply = match reply {
        Ok(r) => r,
        Err(e) => {
            if let Err(rb) = tx.rollback().await {
                tracing::warn!(error = %rb, "rollback failed");
            }
            return Err(e);
        }
    };
    let xml = match &reply.body {
        Some(result) => success_response(call.service, &action, result.as_ref(), &call.request_id),
        None => empty_response(call.service, &action, &call.request_id),
    };
    call.audit_identity = reply.audit_identity;
    let record = call_record(state, call, operation.name(), None, reply.audit);
    // An IAM change commits with its audit event (api.md §1.8 step 5); a call that changes
    // no IAM state is audited by the background writer (`crate::audit_sink`).
    let audited_with_change = matches!(operation, Operation::Iam(_)) && !reads_only;
    if audited_with_change {
        tx.insert_audit(&record).await?;
        tx.commit().await?;
    } else {
        tx.commit().await?;
        state.inner().audit.record(record).await;
    }
    // Read-your-writes for this node's policy cache (other nodes hear the change feed).
    // STS operations change no IAM state (RoleLastUsed does not affect decisions).
    if !is_read_only(operation.name()) && matches!(operation, Operation::Iam(_)) {
        state.inner().cache.invalidate_account(compiled.account);
    }
    // Success is audited; make `handle` skip the failure audit.
    call.operation = None;
    Ok(xml)
}

/// Authenticates a signed request (api.md §2.7, §2.8): the caller and the access key id.
async fn authenticate<S: Store>(
    state: &AppState<S>,
    call: &mut Call,
    parsed: warden_sigv4::ParsedRequest<'_>,
    body: &[u8],
) -> Result<(Arc<Compiled>, String), ApiError> {
    call.access_key_id = Some(parsed.access_key_id().to_owned());
    call.region = parsed.scope().region.to_owned();

    // ---- authentication (api.md §2.8 order: time window before the key lookup)
    let now_sys: SystemTime = call.now.into();
    parsed.check_time(now_sys)?;
    let store = state.store()?;
    let key_id = parsed.access_key_id().to_owned();
    let compiled = if sessions::is_session_key(&key_id) {
        // Temporary credentials (api.md §2.7): the token carries the session; no key row.
        let token = parsed
            .session_token()
            .ok_or_else(|| {
                SigV4Error::invalid_client_token_id("temporary key without a session token")
            })?
            .to_owned();
        let scope = parsed.scope();
        let opened = sessions::open_session_token(state, &token, &key_id, scope).await?;
        let record = opened.record;
        call.account = record.account.parse().ok();
        let signing = match opened.signing {
            Some(signing) => signing,
            None => {
                let signing = derive_signing_key(record.secret_access_key.expose(), scope);
                state
                    .inner()
                    .tokens
                    .put_signing_key(&token, Arc::clone(&signing));
                signing
            }
        };
        let verified = parsed.verify_with_key(&signing, &payload_sha256(body), now_sys)?;
        drop(verified);
        if call.now.unix_timestamp() >= record.expires_at {
            return Err(SigV4Error::expired_token().into());
        }
        sessions::resolve(state, &store, record).await?
    } else {
        authenticate_long_term(state, call, &store, parsed, body, now_sys).await?
    };
    Ok((compiled, key_id))
}

/// The SigV4 signing key of `secret` for the request's scope (the caller caches it).
fn derive_signing_key(secret: &str, scope: warden_sigv4::Scope<'_>) -> Arc<SigningKey> {
    Arc::new(warden_sigv4::signing_key(
        &SecretKey::new(secret),
        scope.date,
        scope.region,
        scope.service,
    ))
}

/// Whether the operation may be called without a signature (the `noAuth` operations of the
/// STS model).
fn accepts_unsigned(operation: Operation) -> bool {
    matches!(
        operation,
        Operation::Sts(StsOperation::AssumeRoleWithWebIdentity | StsOperation::AssumeRoleWithSAML)
    )
}

/// The caller of an unsigned noAuth request: anonymous, no policies, in the account of the
/// role the request names (`RoleArn`), so that its audit event lands there; the default
/// account when the ARN names none.
fn unauthenticated_caller<S: Store>(state: &AppState<S>, call: &mut Call) -> Arc<Compiled> {
    let account = call
        .params
        .get("RoleArn")
        .and_then(|arn| arn.split(':').nth(4))
        .and_then(|a| a.parse::<AccountId>().ok())
        .unwrap_or(state.config().default_account);
    call.account = Some(account);
    Arc::new(Compiled::unauthenticated(
        account,
        warden_policy::Principal::anonymous(),
    ))
}

/// A validated request of either service.
enum Request {
    Iam(IamRequest),
    Sts(StsRequest),
}

/// Long-term keys (api.md §2.7 step 1): the key row, its status, its sealed secret and the
/// signature; the owner's compiled policies from the cache.
async fn authenticate_long_term<S: Store>(
    state: &AppState<S>,
    call: &mut Call,
    store: &S,
    parsed: warden_sigv4::ParsedRequest<'_>,
    body: &[u8],
    now_sys: SystemTime,
) -> Result<Arc<Compiled>, ApiError> {
    let key_id = parsed.access_key_id().to_owned();
    let inner = state.inner();
    let key = inner
        .keys
        .get_or_load(&inner.cache, &key_id, || store.access_key(&key_id))
        .await?
        .ok_or_else(|| SigV4Error::invalid_client_token_id("unknown access key"))?;
    call.account = Some(key.account);
    if key.status == KeyStatus::Inactive {
        return Err(SigV4Error::invalid_client_token_id("inactive access key").into());
    }
    if parsed.session_token().is_some() {
        // Session tokens are only valid with temporary (ASIA…) keys, which STS issues.
        return Err(
            SigV4Error::invalid_client_token_id("session token with a long-term key").into(),
        );
    }
    let scope = parsed.scope();
    let signing = match inner
        .keys
        .signing_key(&key.id, scope.date, scope.region, scope.service)
    {
        Some(signing) => signing,
        None => {
            let secret = state
                .services()
                .cipher
                .open(&key.id, &key.secret)
                .map_err(|e| ApiError::Internal(InternalError::Cipher(e)))?;
            let signing = derive_signing_key(secret.expose(), scope);
            inner.keys.put_signing_key(&key.id, Arc::clone(&signing));
            signing
        }
    };
    let verified = parsed.verify_with_key(&signing, &payload_sha256(body), now_sys)?;
    let service_name = verified.scope().service.to_owned();
    drop(verified);
    let used = KeyLastUsed {
        date: call.now,
        service: service_name,
        region: call.region.clone(),
    };
    // Batched per second: a key used again within the same second (same service and
    // region) is not written again (api.md §3.8 allows batching).
    if key.last_used.as_ref() != Some(&used) {
        inner.keys.note_use(&key.id, &used);
        record_use(store, &key.id, used);
    }
    state
        .inner()
        .cache
        .resolve(key.account, &key.owner, &state.config().partition, || {
            // Loading only reads; a change meanwhile bumps the epoch read before it.
            store.begin_read()
        })
        .await?
        .ok_or_else(|| SigV4Error::invalid_client_token_id("owner of the key is gone").into())
}

/// AWS's wording for an entity path failing its pattern replaces the generic clause
/// (api.md §3.4).
const PATH_MESSAGE: &str = "The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.";

fn validation_error(errors: warden_query::ValidationErrors) -> ApiError {
    let bad_path = |c: &String| {
        (c.starts_with("Value at 'path' ") || c.starts_with("Value at 'newPath' "))
            && c.contains("Member must satisfy regular expression pattern")
    };
    // More than 50 tags is the tag quota (api.md §3.5: `LimitExceeded`), although the model
    // also bounds the list; the quota's error is what IAM answers.
    let too_many_tags = |c: &String| {
        c == "Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50"
    };
    match errors.clauses() {
        [only] if bad_path(only) => ApiError::Validation(PATH_MESSAGE.to_owned()),
        [only] if too_many_tags(only) => {
            ApiError::LimitExceeded("The number of tags has reached the maximum limit.".to_owned())
        }
        _ => ApiError::Validation(errors.message()),
    }
}

fn not_implemented(operation: Operation) -> ApiError {
    match operation {
        Operation::Iam(op) => handlers::not_implemented_iam(op),
        Operation::Sts(op) => ApiError::NotImplemented {
            service: "STS",
            operation: op.name(),
        },
    }
}

/// Records the key's last use without delaying or failing the request (api.md §3.8).
fn record_use<S: Store>(store: &S, key_id: &str, used: KeyLastUsed) {
    let store = store.clone();
    let key_id = key_id.to_owned();
    tokio::spawn(async move {
        if let Err(e) = store.record_access_key_use(&key_id, &used).await {
            tracing::warn!(error = %e, "recording access key use failed");
        }
    });
}

fn call_record<S: Store>(
    state: &AppState<S>,
    call: &Call,
    event_name: &str,
    error: Option<&ApiError>,
    response: Option<serde_json::Value>,
) -> warden_core::AuditEvent {
    let account = call
        .caller
        .as_ref()
        .map(|c| c.account)
        .or(call.account)
        .unwrap_or(state.config().default_account);
    CallRecord {
        event_id: state.services().ids.event_id(),
        request_id: &call.request_id,
        account,
        event_name,
        service: call.service.signing_name(),
        time: call.now,
        region: &call.region,
        source_ip: &call.source_ip,
        user_agent: call.user_agent.as_deref(),
        caller: call.caller.as_deref(),
        access_key_id: call.access_key_id.as_deref(),
        params: &call.params,
        response,
        error: error.map(|e| (e.wire().code, e.message())),
        read_only: is_read_only(event_name),
        identity: call.audit_identity.clone(),
    }
    .to_event(&state.config().partition)
}

/// Audits a failed call through the background writer (the operation's transaction, if
/// any, was rolled back: nothing changed).
async fn audit_failure<S: Store>(
    state: &AppState<S>,
    call: &Call,
    operation: Operation,
    error: Option<&ApiError>,
) {
    let Some(error) = error else { return };
    let event = call_record(state, call, operation.name(), Some(error), None);
    state.inner().audit.record(event).await;
}
