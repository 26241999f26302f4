//! Access keys of users and of root (api.md §5.9).

use serde_json::json;
use warden_core::{AccessKey, IdKind, KeyOwner, KeyStatus, Page, Store, StoreError, Transaction};
use warden_query::iam::{
    AccessKeyLastUsed, AccessKeyMetadata, CreateAccessKeyInput, DeleteAccessKeyInput,
    GetAccessKeyLastUsedInput, GetAccessKeyLastUsedOutput, ListAccessKeysInput,
    ListAccessKeysOutput, UpdateAccessKeyInput,
};
use warden_query::{Timestamp, WriteXml, XmlWriter};

use super::{Cx, Reply, UserTarget, list_query, marker_scope, no_such_user, page_marker, ts};
use crate::authz::Check;
use crate::error::{ApiError, InternalError};

/// Access keys per user and per root (api.md §3.7).
const KEYS_PER_USER: usize = 2;

/// The key owner addressed by an operation, resolved and authorized.
struct Owner {
    key_owner: KeyOwner,
    /// The user name in its stored spelling; `None` for root.
    user_name: Option<String>,
}

/// Resolves the owner named by an optional `UserName` (or the caller), authorizes
/// `action` on it, then checks that the user exists (api.md §4.2: authorization first).
async fn resolve_owner<S: Store>(
    cx: &mut Cx<'_, S>,
    user_name: Option<&str>,
    action: &str,
) -> Result<Owner, ApiError> {
    match cx.user_or_caller(user_name)? {
        UserTarget::Root => {
            let arn = cx.root_arn();
            cx.authorize(vec![Check::new(action, arn)])?;
            Ok(Owner {
                key_owner: KeyOwner::Root,
                user_name: None,
            })
        }
        UserTarget::Named(name) => {
            let target = cx.user(&name).await?;
            cx.authorize(vec![
                Check::new(action, &target.arn).with_resource_tags(&target.tags, true),
            ])?;
            let user = target.require(|| no_such_user(&name))?;
            Ok(Owner {
                key_owner: KeyOwner::User(user.id),
                user_name: Some(user.name),
            })
        }
    }
}

fn no_such_key(id: &str) -> ApiError {
    // No final period: AWS's exact text (api.md §5.3).
    ApiError::NoSuchEntity(format!("The Access Key with id {id} cannot be found"))
}

/// CreateAccessKey's result; `UserName` is omitted for root keys (api.md §5.9).
struct NewKey {
    user_name: Option<String>,
    id: String,
    secret: String,
    created: Timestamp,
}

impl WriteXml for NewKey {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("AccessKey");
        if let Some(name) = &self.user_name {
            w.element("UserName", name);
        }
        w.element("AccessKeyId", &self.id);
        w.element("Status", KeyStatus::Active.as_str());
        w.element("SecretAccessKey", &self.secret);
        w.timestamp_element("CreateDate", self.created);
        w.end("AccessKey");
    }
}

/// CreateAccessKey: at most two keys per user (and per root).
pub(crate) async fn create_access_key<S: Store>(
    cx: &mut Cx<'_, S>,
    input: CreateAccessKeyInput,
) -> Result<Reply, ApiError> {
    let owner = resolve_owner(cx, input.user_name.as_deref(), "iam:CreateAccessKey").await?;
    let account = cx.account();
    cx.tx.lock_account(account).await?;
    if cx.tx.access_keys(account, &owner.key_owner).await?.len() >= KEYS_PER_USER {
        return Err(ApiError::LimitExceeded(format!(
            "Cannot exceed quota for AccessKeysPerUser: {KEYS_PER_USER}"
        )));
    }
    let services = cx.state.services();
    let id = services.ids.unique_id(IdKind::AccessKey);
    let secret = services.ids.secret_access_key();
    let sealed = services
        .cipher
        .seal(&id, &secret)
        .map_err(|e| ApiError::Internal(InternalError::Cipher(e)))?;
    let key = AccessKey {
        account,
        id: id.clone(),
        owner: owner.key_owner,
        status: KeyStatus::Active,
        created: cx.now,
        last_used: None,
        secret: sealed,
    };
    cx.tx.insert_access_key(&key).await?;
    let created = ts(cx.now);
    // responseElements without the secret (CloudTrail never logs it).
    let audit = json!({"accessKey": {
        "userName": owner.user_name, "accessKeyId": id, "status": "Active",
        "createDate": created.to_string(),
    }});
    Ok(Reply::result(NewKey {
        user_name: owner.user_name,
        id,
        secret: secret.expose().to_owned(),
        created,
    })
    .with_audit(audit))
}

/// ListAccessKeys: metadata only, oldest first, paginated by key id (api.md §1.5).
pub(crate) async fn list_access_keys<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ListAccessKeysInput,
) -> Result<Reply, ApiError> {
    let owner = resolve_owner(cx, input.user_name.as_deref(), "iam:ListAccessKeys").await?;
    let owner_key = match &owner.key_owner {
        KeyOwner::Root => "root".to_owned(),
        KeyOwner::User(id) => id.clone(),
    };
    let scope = marker_scope("ListAccessKeys", &[("Owner", &owner_key)]);
    let query = list_query(&scope, None, input.marker.as_deref(), input.max_items)?;
    let keys = cx.tx.access_keys(cx.account(), &owner.key_owner).await?;
    // Keys come oldest first; the marker is the last returned key's id.
    let start = match &query.after {
        None => 0,
        Some(after) => keys
            .iter()
            .position(|k| &k.id == after)
            .map_or(keys.len(), |i| i + 1),
    };
    let rest: Vec<AccessKey> = keys.into_iter().skip(start).collect();
    let page = Page::from_overfetch(rest, query.limit, |k| k.id.clone());
    let (truncated, marker) = page_marker(&scope, page.next.as_deref())?;
    let metadata = page
        .items
        .iter()
        .map(|k| AccessKeyMetadata {
            user_name: owner.user_name.clone(),
            access_key_id: Some(k.id.clone()),
            status: Some(k.status.as_str().to_owned()),
            create_date: Some(ts(k.created)),
        })
        .collect();
    Ok(Reply::result(ListAccessKeysOutput {
        access_key_metadata: metadata,
        is_truncated: Some(truncated),
        marker,
    }))
}

/// The key `id` if it belongs to `owner`, else `NoSuchEntity` (api.md §5.9).
async fn owned_key<S: Store>(
    cx: &mut Cx<'_, S>,
    owner: &KeyOwner,
    id: &str,
) -> Result<AccessKey, ApiError> {
    match cx.tx.access_key(cx.account(), id).await? {
        Some(k) if &k.owner == owner => Ok(k),
        _ => Err(no_such_key(id)),
    }
}

/// UpdateAccessKey: Active/Inactive; an inactive key fails authentication.
pub(crate) async fn update_access_key<S: Store>(
    cx: &mut Cx<'_, S>,
    input: UpdateAccessKeyInput,
) -> Result<Reply, ApiError> {
    let owner = resolve_owner(cx, input.user_name.as_deref(), "iam:UpdateAccessKey").await?;
    let status = KeyStatus::parse(&input.status).ok_or_else(|| {
        ApiError::Validation("1 validation error detected: Value at 'status' failed to satisfy constraint: Member must satisfy enum value set".to_owned())
    })?;
    let key = owned_key(cx, &owner.key_owner, &input.access_key_id).await?;
    cx.tx
        .set_access_key_status(cx.account(), &key.id, status)
        .await
        .map_err(|e| match e {
            StoreError::NotFound => no_such_key(&input.access_key_id),
            other => other.into(),
        })?;
    Ok(Reply::empty())
}

/// DeleteAccessKey.
pub(crate) async fn delete_access_key<S: Store>(
    cx: &mut Cx<'_, S>,
    input: DeleteAccessKeyInput,
) -> Result<Reply, ApiError> {
    let owner = resolve_owner(cx, input.user_name.as_deref(), "iam:DeleteAccessKey").await?;
    let key = owned_key(cx, &owner.key_owner, &input.access_key_id).await?;
    cx.tx
        .delete_access_key(cx.account(), &key.id)
        .await
        .map_err(|e| match e {
            StoreError::NotFound => no_such_key(&input.access_key_id),
            other => other.into(),
        })?;
    Ok(Reply::empty())
}

/// GetAccessKeyLastUsed: authorized on the owner's ARN; an unknown key (or another
/// account's) gets AWS's special AccessDenied, even for administrators (api.md §5.9).
pub(crate) async fn get_access_key_last_used<S: Store>(
    cx: &mut Cx<'_, S>,
    input: GetAccessKeyLastUsedInput,
) -> Result<Reply, ApiError> {
    let account = cx.account();
    let unknown = || {
        ApiError::AccessDenied(format!(
            "User: {} is not authorized to perform iam:GetAccessKeyLastUsed on resource: access key {}",
            cx.caller.arn(),
            input.access_key_id
        ))
    };
    let Some(key) = cx.tx.access_key(account, &input.access_key_id).await? else {
        return Err(unknown());
    };
    let (arn, user_name, tags) = match &key.owner {
        KeyOwner::Root => (cx.root_arn(), None, Vec::new()),
        KeyOwner::User(id) => {
            let Some(user) = cx.tx.user_by_id(account, id).await? else {
                return Err(unknown());
            };
            let tags = cx
                .tx
                .tags(account, &warden_core::TagTarget::User(user.id.clone()))
                .await?;
            (
                cx.arn("user", &user.path, &user.name),
                Some(user.name),
                tags,
            )
        }
    };
    cx.authorize(vec![
        Check::new("iam:GetAccessKeyLastUsed", arn).with_resource_tags(&tags, true),
    ])?;
    let last_used = match &key.last_used {
        Some(u) => AccessKeyLastUsed {
            last_used_date: Some(ts(u.date)),
            service_name: u.service.clone(),
            region: u.region.clone(),
        },
        // Never used: `N/A` for both, no date (api.md §3.8).
        None => AccessKeyLastUsed {
            last_used_date: None,
            service_name: "N/A".to_owned(),
            region: "N/A".to_owned(),
        },
    };
    Ok(Reply::result(GetAccessKeyLastUsedOutput {
        user_name,
        access_key_last_used: Some(last_used),
    }))
}
