//! Tag{Entity} and Untag{Entity} for every taggable IAM entity (api.md §3.5, §4.4): one flow
//! — authorize with the resource's and the request's tags, then the existence check, then
//! merge or remove and store — where the entity kinds differ only in how they are resolved,
//! how their keys compare, and their not-found error.

use warden_core::{Store, TagTarget, Transaction};
use warden_query::iam;

use super::resolve::{apply_exact_tags, remove_exact_tags};
use super::{Cx, Reply, Target, apply_tags, remove_tags};
use crate::authz::Check;
use crate::error::ApiError;

/// How an entity kind's tag keys compare (api.md §3.5).
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum TagKeys {
    /// Users and roles: keys are case-insensitive (the new spelling wins), and policies
    /// also see the tags as `iam:ResourceTag/<key>`.
    CaseInsensitive,
    /// Every other taggable entity: keys are case-sensitive.
    Exact,
}

impl TagKeys {
    fn iam_resource_tags(self) -> bool {
        self == Self::CaseInsensitive
    }
}

/// What a Tag/Untag call addresses: the resolved target, the action, the key rule.
pub(crate) struct Tagging<'a, T> {
    pub(crate) target: Target<T>,
    pub(crate) action: &'a str,
    pub(crate) keys: TagKeys,
}

/// Tag{Entity}: upserts `tags`; at most 50 in all. `entity` turns the existing entity into
/// the store's tag target, or refuses it (e.g. AWS managed policies).
pub(crate) async fn tag<S: Store, T>(
    cx: &mut Cx<'_, S>,
    call: Tagging<'_, T>,
    tags: &[iam::Tag],
    missing: impl FnOnce() -> ApiError,
    entity: impl FnOnce(T) -> Result<TagTarget, ApiError>,
) -> Result<Reply, ApiError> {
    let Tagging {
        target,
        action,
        keys,
    } = call;
    cx.authorize(vec![
        Check::new(action, &target.arn)
            .with_resource_tags(&target.tags, keys.iam_resource_tags())
            .with_request_tags(tags.iter().map(|t| (t.key.as_str(), t.value.as_str()))),
    ])?;
    let existing = target.tags.clone();
    let tag_target = entity(target.require(missing)?)?;
    let merged = match keys {
        TagKeys::CaseInsensitive => apply_tags(&existing, tags)?,
        TagKeys::Exact => apply_exact_tags(&existing, tags)?,
    };
    cx.tx.set_tags(cx.account(), &tag_target, &merged).await?;
    Ok(Reply::empty())
}

/// Untag{Entity}: removes `tag_keys`; keys that are absent are ignored.
pub(crate) async fn untag<S: Store, T>(
    cx: &mut Cx<'_, S>,
    call: Tagging<'_, T>,
    tag_keys: &[String],
    missing: impl FnOnce() -> ApiError,
    entity: impl FnOnce(T) -> Result<TagTarget, ApiError>,
) -> Result<Reply, ApiError> {
    let Tagging {
        target,
        action,
        keys,
    } = call;
    cx.authorize(vec![
        Check::new(action, &target.arn)
            .with_resource_tags(&target.tags, keys.iam_resource_tags())
            .with_tag_keys(tag_keys.iter().map(String::as_str)),
    ])?;
    let existing = target.tags.clone();
    let tag_target = entity(target.require(missing)?)?;
    let kept = match keys {
        TagKeys::CaseInsensitive => remove_tags(&existing, tag_keys),
        TagKeys::Exact => remove_exact_tags(&existing, tag_keys),
    };
    cx.tx.set_tags(cx.account(), &tag_target, &kept).await?;
    Ok(Reply::empty())
}
