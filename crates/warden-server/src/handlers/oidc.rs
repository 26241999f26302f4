//! OpenID Connect identity providers (api.md §5.13) and their tags (§3.5).

use warden_core::{
    Constraint, CountedEntity, OidcProvider, Store, StoreError, TagTarget, Transaction,
};
use warden_query::iam::{
    self, AddClientIDToOpenIDConnectProviderInput, CreateOpenIDConnectProviderInput,
    CreateOpenIDConnectProviderOutput, DeleteOpenIDConnectProviderInput,
    GetOpenIDConnectProviderInput, GetOpenIDConnectProviderOutput,
    ListOpenIDConnectProviderTagsInput, ListOpenIDConnectProviderTagsOutput,
    ListOpenIDConnectProvidersInput, ListOpenIDConnectProvidersOutput,
    RemoveClientIDFromOpenIDConnectProviderInput, TagOpenIDConnectProviderInput,
    UntagOpenIDConnectProviderInput, UpdateOpenIDConnectProviderThumbprintInput,
};

use super::resolve::{apply_exact_tags, create_checks};
use super::tagging::{self, TagKeys, Tagging};
use super::{Cx, Reply, list_query, marker_scope, page_marker, sorted_tags, ts, wire_tags};
use crate::authz::Check;
use crate::error::ApiError;

/// OIDC providers per account (api.md §3.7; AWS's message is unrecorded, `VERIFY`).
const PROVIDERS_PER_ACCOUNT: u64 = 100;
/// Client ids per provider (api.md §3.7).
const CLIENT_IDS_PER_PROVIDER: usize = 100;
/// Thumbprints per provider (api.md §3.7).
const THUMBPRINTS_PER_PROVIDER: usize = 5;

/// `OpenIDConnect Provider not found for arn <arn>` (Get/Add/Remove/Update/Tag).
fn not_found(arn: &str) -> ApiError {
    ApiError::NoSuchEntity(format!("OpenIDConnect Provider not found for arn {arn}"))
}

/// The URL without `https://`: a host (with optional port) and optional path, no query or
/// fragment (api.md §5.13); anything else is `Invalid Open ID Connect Provider URL`.
fn parse_url(url: &str) -> Result<String, ApiError> {
    let invalid = || ApiError::Validation("Invalid Open ID Connect Provider URL".to_owned());
    let rest = url.strip_prefix("https://").ok_or_else(invalid)?;
    let host = rest.split('/').next().unwrap_or_default();
    let bad_char = |c: char| c == '?' || c == '#' || c.is_whitespace() || c.is_control();
    if host.is_empty() || rest.contains(bad_char) {
        return Err(invalid());
    }
    Ok(rest.to_owned())
}

/// Thumbprints: at most 5 (`fewer than 5` is AWS's wording for "at most 5", api.md §3.7),
/// each 40 hexadecimal characters (the model checks the length).
fn check_thumbprints(list: &[String]) -> Result<(), ApiError> {
    if list.len() > THUMBPRINTS_PER_PROVIDER {
        return Err(ApiError::InvalidInput(
            "Thumbprint list must contain fewer than 5 entries.".to_owned(),
        ));
    }
    // Not a recorded AWS message: AWS documents the thumbprint as the hex SHA-1
    // fingerprint; a non-hex value would never match a certificate.
    if let Some(bad) = list
        .iter()
        .find(|t| !t.chars().all(|c| c.is_ascii_hexdigit()))
    {
        return Err(ApiError::InvalidInput(format!(
            "Thumbprint {bad} must be a 40-character hexadecimal string."
        )));
    }
    Ok(())
}

fn client_id_quota() -> ApiError {
    ApiError::LimitExceeded(format!(
        "Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: {CLIENT_IDS_PER_PROVIDER}"
    ))
}

/// Resolves and authorizes an operation on a provider ARN, then requires it.
async fn authorized_provider<S: Store>(
    cx: &mut Cx<'_, S>,
    action: &str,
    arn: &str,
    missing: fn(&str) -> ApiError,
) -> Result<(OidcProvider, Vec<warden_core::Tag>), ApiError> {
    let target = cx.oidc(arn).await?;
    cx.authorize(vec![
        Check::new(action, &target.arn).with_resource_tags(&target.tags, false),
    ])?;
    let tags = target.tags.clone();
    let provider = target.require(|| missing(arn))?;
    Ok((provider, tags))
}

/// CreateOpenIDConnectProvider: tag-on-create needs `iam:TagOpenIDConnectProvider` too.
pub(crate) async fn create_open_id_connect_provider<S: Store>(
    cx: &mut Cx<'_, S>,
    input: CreateOpenIDConnectProviderInput,
) -> Result<Reply, ApiError> {
    let url = parse_url(&input.url)?;
    let arn = format!("{}{url}", cx.oidc_arn_prefix());
    let tags = input.tags.clone().unwrap_or_default();
    cx.authorize(create_checks(
        Check::new("iam:CreateOpenIDConnectProvider", &arn),
        "iam:TagOpenIDConnectProvider",
        &arn,
        &tags,
    ))?;
    let account = cx.account();
    cx.tx.lock_account(account).await?;
    let exists = || {
        ApiError::EntityAlreadyExists(format!("Provider with url https://{url} already exists."))
    };
    if cx.tx.oidc_provider(account, &url).await?.is_some() {
        return Err(exists());
    }
    if cx.tx.count(account, CountedEntity::OidcProviders).await? >= PROVIDERS_PER_ACCOUNT {
        return Err(ApiError::LimitExceeded(format!(
            "Cannot exceed quota for OpenIdConnectProvidersPerAccount: {PROVIDERS_PER_ACCOUNT}"
        )));
    }
    let mut client_ids: Vec<String> = Vec::new();
    for id in input.client_id_list.iter().flatten() {
        if !client_ids.contains(id) {
            client_ids.push(id.clone());
        }
    }
    if client_ids.len() > CLIENT_IDS_PER_PROVIDER {
        return Err(client_id_quota());
    }
    let thumbprints = input.thumbprint_list.clone().unwrap_or_default();
    check_thumbprints(&thumbprints)?;
    let stored_tags = apply_exact_tags(&[], &tags)?;
    let provider = OidcProvider {
        account,
        url: url.clone(),
        client_ids,
        thumbprints,
        created: cx.now,
    };
    cx.tx
        .insert_oidc_provider(&provider)
        .await
        .map_err(|e| match e {
            StoreError::Conflict {
                constraint: Constraint::OidcProviderUrl,
            } => exists(),
            other => other.into(),
        })?;
    if !stored_tags.is_empty() {
        cx.tx
            .set_tags(account, &TagTarget::OidcProvider(url), &stored_tags)
            .await?;
    }
    let audit = serde_json::json!({"openIDConnectProviderArn": arn});
    Ok(Reply::result(CreateOpenIDConnectProviderOutput {
        open_id_connect_provider_arn: Some(arn),
        tags: (!stored_tags.is_empty()).then(|| wire_tags(&stored_tags)),
    })
    .with_audit(audit))
}

/// GetOpenIDConnectProvider: `Url` without the scheme; `Tags` always (observed).
pub(crate) async fn get_open_id_connect_provider<S: Store>(
    cx: &mut Cx<'_, S>,
    input: GetOpenIDConnectProviderInput,
) -> Result<Reply, ApiError> {
    let (p, tags) = authorized_provider(
        cx,
        "iam:GetOpenIDConnectProvider",
        &input.open_id_connect_provider_arn,
        not_found,
    )
    .await?;
    Ok(Reply::result(GetOpenIDConnectProviderOutput {
        url: Some(p.url),
        client_id_list: Some(p.client_ids),
        thumbprint_list: Some(p.thumbprints),
        create_date: Some(ts(p.created)),
        tags: Some(wire_tags(&sorted_tags(tags))),
    }))
}

/// ListOpenIDConnectProviders: every provider's ARN, not paginated (api.md §1.5).
pub(crate) async fn list_open_id_connect_providers<S: Store>(
    cx: &mut Cx<'_, S>,
    _input: ListOpenIDConnectProvidersInput,
) -> Result<Reply, ApiError> {
    cx.authorize(vec![Check::new("iam:ListOpenIDConnectProviders", "*")])?;
    let prefix = cx.oidc_arn_prefix();
    let list = cx
        .tx
        .list_oidc_providers(cx.account())
        .await?
        .into_iter()
        .map(|p| iam::OpenIDConnectProviderListEntry {
            arn: Some(format!("{prefix}{}", p.url)),
        })
        .collect();
    Ok(Reply::result(ListOpenIDConnectProvidersOutput {
        open_id_connect_provider_list: Some(list),
    }))
}

/// DeleteOpenIDConnectProvider: not idempotent; its own not-found wording (api.md §5.3).
pub(crate) async fn delete_open_id_connect_provider<S: Store>(
    cx: &mut Cx<'_, S>,
    input: DeleteOpenIDConnectProviderInput,
) -> Result<Reply, ApiError> {
    let missing = |arn: &str| {
        ApiError::NoSuchEntity(format!("OpenId connect Provider {arn} cannot be found."))
    };
    let arn = input.open_id_connect_provider_arn.clone();
    let (p, _) = authorized_provider(cx, "iam:DeleteOpenIDConnectProvider", &arn, missing).await?;
    cx.tx
        .delete_oidc_provider(cx.account(), &p.url)
        .await
        .map_err(|e| match e {
            StoreError::NotFound => missing(&arn),
            other => other.into(),
        })?;
    Ok(Reply::empty())
}

/// AddClientIDToOpenIDConnectProvider: idempotent; at most 100 client ids.
pub(crate) async fn add_client_id_to_open_id_connect_provider<S: Store>(
    cx: &mut Cx<'_, S>,
    input: AddClientIDToOpenIDConnectProviderInput,
) -> Result<Reply, ApiError> {
    let (mut p, _) = authorized_provider(
        cx,
        "iam:AddClientIDToOpenIDConnectProvider",
        &input.open_id_connect_provider_arn,
        not_found,
    )
    .await?;
    if p.client_ids.contains(&input.client_id) {
        return Ok(Reply::empty());
    }
    if p.client_ids.len() >= CLIENT_IDS_PER_PROVIDER {
        return Err(client_id_quota());
    }
    p.client_ids.push(input.client_id.clone());
    cx.tx.update_oidc_provider(&p).await?;
    Ok(Reply::empty())
}

/// RemoveClientIDFromOpenIDConnectProvider: removing an absent id succeeds.
pub(crate) async fn remove_client_id_from_open_id_connect_provider<S: Store>(
    cx: &mut Cx<'_, S>,
    input: RemoveClientIDFromOpenIDConnectProviderInput,
) -> Result<Reply, ApiError> {
    let (mut p, _) = authorized_provider(
        cx,
        "iam:RemoveClientIDFromOpenIDConnectProvider",
        &input.open_id_connect_provider_arn,
        not_found,
    )
    .await?;
    let before = p.client_ids.len();
    p.client_ids.retain(|c| *c != input.client_id);
    if p.client_ids.len() != before {
        cx.tx.update_oidc_provider(&p).await?;
    }
    Ok(Reply::empty())
}

/// UpdateOpenIDConnectProviderThumbprint: replaces the list (same limits as create).
pub(crate) async fn update_open_id_connect_provider_thumbprint<S: Store>(
    cx: &mut Cx<'_, S>,
    input: UpdateOpenIDConnectProviderThumbprintInput,
) -> Result<Reply, ApiError> {
    let (mut p, _) = authorized_provider(
        cx,
        "iam:UpdateOpenIDConnectProviderThumbprint",
        &input.open_id_connect_provider_arn,
        not_found,
    )
    .await?;
    check_thumbprints(&input.thumbprint_list)?;
    p.thumbprints = input.thumbprint_list.clone();
    cx.tx.update_oidc_provider(&p).await?;
    Ok(Reply::empty())
}

/// TagOpenIDConnectProvider: case-sensitive keys (api.md §3.5).
pub(crate) async fn tag_open_id_connect_provider<S: Store>(
    cx: &mut Cx<'_, S>,
    input: TagOpenIDConnectProviderInput,
) -> Result<Reply, ApiError> {
    let target = cx.oidc(&input.open_id_connect_provider_arn).await?;
    let call = Tagging {
        target,
        action: "iam:TagOpenIDConnectProvider",
        keys: TagKeys::Exact,
    };
    tagging::tag(
        cx,
        call,
        &input.tags,
        || not_found(&input.open_id_connect_provider_arn),
        |p| Ok(TagTarget::OidcProvider(p.url)),
    )
    .await
}

/// UntagOpenIDConnectProvider: absent keys are ignored.
pub(crate) async fn untag_open_id_connect_provider<S: Store>(
    cx: &mut Cx<'_, S>,
    input: UntagOpenIDConnectProviderInput,
) -> Result<Reply, ApiError> {
    let target = cx.oidc(&input.open_id_connect_provider_arn).await?;
    let call = Tagging {
        target,
        action: "iam:UntagOpenIDConnectProvider",
        keys: TagKeys::Exact,
    };
    tagging::untag(
        cx,
        call,
        &input.tag_keys,
        || not_found(&input.open_id_connect_provider_arn),
        |p| Ok(TagTarget::OidcProvider(p.url)),
    )
    .await
}

/// ListOpenIDConnectProviderTags: paginated by key.
pub(crate) async fn list_open_id_connect_provider_tags<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ListOpenIDConnectProviderTagsInput,
) -> Result<Reply, ApiError> {
    let arn = input.open_id_connect_provider_arn.clone();
    let (_, tags) =
        authorized_provider(cx, "iam:ListOpenIDConnectProviderTags", &arn, not_found).await?;
    let scope = marker_scope("ListOpenIDConnectProviderTags", &[("Arn", &arn)]);
    let query = list_query(&scope, None, input.marker.as_deref(), input.max_items)?;
    let (items, next) = super::paginate_tags(sorted_tags(tags), &query);
    let (truncated, marker) = page_marker(&scope, next.as_deref())?;
    Ok(Reply::result(ListOpenIDConnectProviderTagsOutput {
        tags: wire_tags(&items),
        is_truncated: Some(truncated),
        marker,
    }))
}
