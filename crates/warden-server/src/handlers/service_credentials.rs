//! Service-specific credentials (api.md §5.15, tier 3): a generated user name and password
//! bound to one service. The password is returned by Create and Reset only; it is stored
//! sealed with the server's AEAD cipher (bound to the credential id) and never audited.

use std::collections::HashMap;

use serde_json::json;
use time::Duration;
use warden_core::{IdKind, KeyOwner, KeyStatus, ServiceCredential, Store, StoreError, Transaction};
use warden_query::iam::{
    self, CreateServiceSpecificCredentialInput, CreateServiceSpecificCredentialOutput,
    DeleteServiceSpecificCredentialInput, ListServiceSpecificCredentialsInput,
    ListServiceSpecificCredentialsOutput, ResetServiceSpecificCredentialInput,
    ResetServiceSpecificCredentialOutput, ServiceSpecificCredentialMetadata,
    UpdateServiceSpecificCredentialInput,
};

use super::signing_certificates::{Owner, page_after, resolve_owner, settable_status};
use super::{Cx, Reply, list_query, marker_scope, no_such_user, page_marker, ts};
use crate::authz::Check;
use crate::error::{ApiError, InternalError};

/// Services that issue service-specific credentials: CodeCommit, Keyspaces, Bedrock
/// (api.md §5.15) and CloudWatch Logs (named by the model's documentation).
const SUPPORTED_SERVICES: &[&str] = &[
    "codecommit.amazonaws.com",
    "cassandra.amazonaws.com",
    "bedrock.amazonaws.com",
    "logs.amazonaws.com",
];
/// Services whose credentials are API keys: an alias and a secret
/// (`ServiceCredentialAlias`, `ServiceCredentialSecret`) instead of a user name and
/// password, optionally expiring after `CredentialAgeDays` (the model's documentation).
const API_KEY_SERVICES: &[&str] = &["bedrock.amazonaws.com", "logs.amazonaws.com"];
/// Credentials per user per service (api.md §3.7; the quota name is `VERIFY`).
const PER_USER_PER_SERVICE: usize = 2;
/// Length of a generated password (CodeCommit's are 44 characters, api.md §3.3).
const PASSWORD_LEN: usize = 44;
/// Condition keys of api.md §4.5.
const SERVICE_NAME_KEY: &str = "iam:ServiceSpecificCredentialServiceName";
const AGE_DAYS_KEY: &str = "iam:ServiceSpecificCredentialAgeDays";

/// `No such credential <id> exists` (api.md §5.3).
fn not_found(id: &str) -> ApiError {
    ApiError::NoSuchEntity(format!("No such credential {id} exists"))
}

/// Observed: `NoSuchEntity`, although the model also declares `NotSupportedService`.
fn unsupported(service: &str) -> ApiError {
    ApiError::NoSuchEntity(format!(
        "No such service {service} is supported for Service Specific Credentials"
    ))
}

fn check_service(service: &str) -> Result<(), ApiError> {
    if SUPPORTED_SERVICES.contains(&service) {
        Ok(())
    } else {
        Err(unsupported(service))
    }
}

/// A new password from the id generator's CSPRNG (`A–Z a–z 0–9 / +`).
fn new_password<S: Store>(cx: &Cx<'_, S>) -> warden_core::SecretAccessKey {
    let ids = &cx.state.services().ids;
    let mut text = String::with_capacity(2 * warden_core::ids::SECRET_ACCESS_KEY_LEN);
    while text.len() < PASSWORD_LEN {
        text.push_str(ids.secret_access_key().expose());
    }
    text.truncate(PASSWORD_LEN);
    warden_core::SecretAccessKey::new(text)
}

fn seal<S: Store>(
    cx: &Cx<'_, S>,
    id: &str,
    password: &warden_core::SecretAccessKey,
) -> Result<warden_core::EncryptedSecret, ApiError> {
    cx.state
        .services()
        .cipher
        .seal(id, password)
        .map_err(|e| ApiError::Internal(InternalError::Cipher(e)))
}

/// `Active`/`Inactive` as stored, `Expired` once past `ExpirationDate`.
fn wire_status(c: &ServiceCredential, now: time::OffsetDateTime) -> String {
    match c.expiration {
        Some(expiration) if expiration <= now => "Expired".to_owned(),
        _ => c.status.as_str().to_owned(),
    }
}

fn is_api_key(service: &str) -> bool {
    API_KEY_SERVICES.contains(&service)
}

/// An API key's secret as clients present it. Bedrock's long-term keys are `ABSK` followed
/// by the base64 of `<alias>:<secret>` (`VERIFY`); other services get the secret itself.
fn api_key_secret(c: &ServiceCredential, password: &warden_core::SecretAccessKey) -> String {
    use base64::Engine as _;
    if c.service_name == "bedrock.amazonaws.com" {
        let joined = format!("{}:{}", c.service_user_name, password.expose());
        format!(
            "ABSK{}",
            base64::engine::general_purpose::STANDARD.encode(joined)
        )
    } else {
        password.expose().to_owned()
    }
}

/// The full credential, with its password or API-key secret (Create and Reset only).
fn with_password(
    c: &ServiceCredential,
    user_name: &str,
    password: &warden_core::SecretAccessKey,
    now: time::OffsetDateTime,
) -> iam::ServiceSpecificCredential {
    let api_key = is_api_key(&c.service_name);
    iam::ServiceSpecificCredential {
        create_date: ts(c.created),
        expiration_date: c.expiration.map(ts),
        service_name: c.service_name.clone(),
        service_user_name: (!api_key).then(|| c.service_user_name.clone()),
        service_password: (!api_key).then(|| password.expose().to_owned()),
        service_credential_alias: api_key.then(|| c.service_user_name.clone()),
        service_credential_secret: api_key.then(|| api_key_secret(c, password)),
        service_specific_credential_id: c.id.clone(),
        user_name: user_name.to_owned(),
        status: wire_status(c, now),
    }
}

/// CloudTrail's `responseElements`: everything but the password.
fn audit(c: &ServiceCredential, user_name: &str) -> serde_json::Value {
    json!({"serviceSpecificCredential": {
        "createDate": ts(c.created).to_string(),
        "expirationDate": c.expiration.map(|e| ts(e).to_string()),
        "serviceName": c.service_name, "serviceUserName": c.service_user_name,
        "serviceSpecificCredentialId": c.id, "userName": user_name,
        "status": c.status.as_str(),
    }})
}

/// CreateServiceSpecificCredential: at most two per user and service.
pub(crate) async fn create_service_specific_credential<S: Store>(
    cx: &mut Cx<'_, S>,
    input: CreateServiceSpecificCredentialInput,
) -> Result<Reply, ApiError> {
    let target = cx.user(&input.user_name).await?;
    let age = input.credential_age_days.map(|d| d.to_string());
    let mut check = Check::new("iam:CreateServiceSpecificCredential", &target.arn)
        .with_resource_tags(&target.tags, true)
        .with_key(SERVICE_NAME_KEY, &input.service_name);
    if let Some(age) = &age {
        check = check.with_key(AGE_DAYS_KEY, age);
    }
    cx.authorize(vec![check])?;
    let user = target.require(|| no_such_user(&input.user_name))?;
    check_service(&input.service_name)?;
    if input.credential_age_days.is_some() && !is_api_key(&input.service_name) {
        // The model: "only valid for Bedrock and CloudWatch Logs API keys" (wording
        // `VERIFY`).
        return Err(ApiError::InvalidInput(
            "CredentialAgeDays is only valid for Bedrock and CloudWatch Logs API keys.".to_owned(),
        ));
    }
    let account = cx.account();
    cx.tx.lock_account(account).await?;
    let same_service = cx
        .tx
        .service_credentials(account, Some(&user.id))
        .await?
        .into_iter()
        .filter(|c| c.service_name == input.service_name)
        .count();
    if same_service >= PER_USER_PER_SERVICE {
        return Err(ApiError::LimitExceeded(format!(
            "Cannot exceed quota for ServiceSpecificCredentialsPerUserPerService: \
             {PER_USER_PER_SERVICE}"
        )));
    }
    let id = cx
        .state
        .services()
        .ids
        .unique_id(IdKind::ServiceSpecificCredential);
    let password = new_password(cx);
    let credential = ServiceCredential {
        account,
        id: id.clone(),
        user_id: user.id.clone(),
        service_name: input.service_name.clone(),
        // `<UserName>-at-<ACCT>` (api.md §3.3), fixed at creation.
        // API keys: the alias names the user too (`VERIFY` AWS's exact alias format).
        service_user_name: format!("{}-at-{account}", user.name),
        password: seal(cx, &id, &password)?,
        status: KeyStatus::Active,
        created: cx.now,
        expiration: input
            .credential_age_days
            .map(|days| cx.now + Duration::days(i64::from(days))),
    };
    cx.tx.insert_service_credential(&credential).await?;
    Ok(Reply::result(CreateServiceSpecificCredentialOutput {
        service_specific_credential: Some(with_password(
            &credential,
            &user.name,
            &password,
            cx.now,
        )),
    })
    .with_audit(audit(&credential, &user.name)))
}

/// Looks the credential up (before authorization, to give the policy its service name),
/// resolves and authorizes the owner, then requires the credential to be the owner's.
async fn authorized_credential<S: Store>(
    cx: &mut Cx<'_, S>,
    user_name: Option<&str>,
    id: &str,
    action: &str,
) -> Result<(Owner, ServiceCredential), ApiError> {
    let found = cx.tx.service_credential(cx.account(), id).await?;
    let service = found.as_ref().map(|c| c.service_name.clone());
    let keys: Vec<(&str, &str)> = service
        .as_deref()
        .map(|s| vec![(SERVICE_NAME_KEY, s)])
        .unwrap_or_default();
    let owner = resolve_owner(cx, user_name, action, &keys).await?;
    match (found, &owner.key_owner) {
        (Some(c), KeyOwner::User(user_id)) if c.user_id == *user_id => Ok((owner, c)),
        _ => Err(not_found(id)),
    }
}

/// ResetServiceSpecificCredential: a new password, returned once.
pub(crate) async fn reset_service_specific_credential<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ResetServiceSpecificCredentialInput,
) -> Result<Reply, ApiError> {
    let (owner, mut credential) = authorized_credential(
        cx,
        input.user_name.as_deref(),
        &input.service_specific_credential_id,
        "iam:ResetServiceSpecificCredential",
    )
    .await?;
    let password = new_password(cx);
    credential.password = seal(cx, &credential.id, &password)?;
    cx.tx.update_service_credential(&credential).await?;
    let user_name = owner.user_name.unwrap_or_default();
    Ok(Reply::result(ResetServiceSpecificCredentialOutput {
        service_specific_credential: Some(with_password(
            &credential,
            &user_name,
            &password,
            cx.now,
        )),
    })
    .with_audit(audit(&credential, &user_name)))
}

/// UpdateServiceSpecificCredential: sets `Status`.
pub(crate) async fn update_service_specific_credential<S: Store>(
    cx: &mut Cx<'_, S>,
    input: UpdateServiceSpecificCredentialInput,
) -> Result<Reply, ApiError> {
    let (_, mut credential) = authorized_credential(
        cx,
        input.user_name.as_deref(),
        &input.service_specific_credential_id,
        "iam:UpdateServiceSpecificCredential",
    )
    .await?;
    credential.status = settable_status(&input.status)?;
    cx.tx.update_service_credential(&credential).await?;
    Ok(Reply::empty())
}

/// DeleteServiceSpecificCredential.
pub(crate) async fn delete_service_specific_credential<S: Store>(
    cx: &mut Cx<'_, S>,
    input: DeleteServiceSpecificCredentialInput,
) -> Result<Reply, ApiError> {
    let id = &input.service_specific_credential_id;
    let (_, credential) = authorized_credential(
        cx,
        input.user_name.as_deref(),
        id,
        "iam:DeleteServiceSpecificCredential",
    )
    .await?;
    cx.tx
        .delete_service_credential(cx.account(), &credential.id)
        .await
        .map_err(|e| match e {
            StoreError::NotFound => not_found(id),
            other => other.into(),
        })?;
    Ok(Reply::empty())
}

/// ListServiceSpecificCredentials: the user's (or the caller's) credentials without
/// passwords, optionally of one service; `AllUsers` lists every user's (authorized on
/// `user/*`, `VERIFY`). Root has none: an empty list.
pub(crate) async fn list_service_specific_credentials<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ListServiceSpecificCredentialsInput,
) -> Result<Reply, ApiError> {
    let all_users = input.all_users.unwrap_or(false);
    let (credentials, scope_owner) = if all_users {
        if input.user_name.is_some() {
            // The model: AllUsers "cannot be specified together with UserName" (`VERIFY`
            // code and wording).
            return Err(ApiError::InvalidInput(
                "AllUsers cannot be specified together with UserName.".to_owned(),
            ));
        }
        cx.authorize(vec![Check::new(
            "iam:ListServiceSpecificCredentials",
            cx.arn("user", "/", "*"),
        )])?;
        (
            cx.tx.service_credentials(cx.account(), None).await?,
            "*".to_owned(),
        )
    } else {
        let owner = resolve_owner(
            cx,
            input.user_name.as_deref(),
            "iam:ListServiceSpecificCredentials",
            &[],
        )
        .await?;
        match owner.key_owner {
            KeyOwner::Root => (Vec::new(), "root".to_owned()),
            KeyOwner::User(id) => (
                cx.tx.service_credentials(cx.account(), Some(&id)).await?,
                id,
            ),
        }
    };
    if let Some(service) = &input.service_name {
        check_service(service)?;
    }
    let service = input.service_name.clone().unwrap_or_default();
    let scope = marker_scope(
        "ListServiceSpecificCredentials",
        &[("Owner", &scope_owner), ("ServiceName", &service)],
    );
    let query = list_query(&scope, None, input.marker.as_deref(), input.max_items)?;
    let kept: Vec<ServiceCredential> = credentials
        .into_iter()
        .filter(|c| {
            input
                .service_name
                .as_ref()
                .is_none_or(|s| *s == c.service_name)
        })
        .collect();
    let page = page_after(kept, &query, |c| c.id.clone());
    let (truncated, marker) = page_marker(&scope, page.next.as_deref())?;
    let mut names: HashMap<String, String> = HashMap::new();
    let mut list = Vec::with_capacity(page.items.len());
    for c in &page.items {
        let name = match names.get(&c.user_id) {
            Some(name) => name.clone(),
            None => {
                let name = cx
                    .tx
                    .user_by_id(cx.account(), &c.user_id)
                    .await?
                    .map(|u| u.name)
                    .unwrap_or_default();
                names.insert(c.user_id.clone(), name.clone());
                name
            }
        };
        list.push(ServiceSpecificCredentialMetadata {
            user_name: name,
            status: wire_status(c, cx.now),
            service_user_name: (!is_api_key(&c.service_name)).then(|| c.service_user_name.clone()),
            service_credential_alias: is_api_key(&c.service_name)
                .then(|| c.service_user_name.clone()),
            create_date: ts(c.created),
            expiration_date: c.expiration.map(ts),
            service_specific_credential_id: c.id.clone(),
            service_name: c.service_name.clone(),
        });
    }
    Ok(Reply::result(ListServiceSpecificCredentialsOutput {
        service_specific_credentials: Some(list),
        marker,
        is_truncated: Some(truncated),
    }))
}
