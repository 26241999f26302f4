//! Permissions boundaries of users and roles (api.md §5.8).

use warden_core::{Store, Transaction};
use warden_query::iam::{
    DeleteRolePermissionsBoundaryInput, DeleteUserPermissionsBoundaryInput,
    PutRolePermissionsBoundaryInput, PutUserPermissionsBoundaryInput,
};

use super::resolve::{HolderKind, with_boundary};
use super::users::check_boundary;
use super::{Cx, Reply, no_such_user};
use crate::error::ApiError;

/// Put…PermissionsBoundary / Delete…PermissionsBoundary: authorized on the entity with
/// `iam:PermissionsBoundary` = the new boundary (Put) or the current one (Delete)
/// (api.md §4.2, §4.5); the store counts boundary uses from the entity rows, so the old
/// and new policies' `PermissionsBoundaryUsageCount` follow automatically.
async fn set_boundary<S: Store>(
    cx: &mut Cx<'_, S>,
    kind: HolderKind,
    name: &str,
    new: Option<&str>,
) -> Result<Reply, ApiError> {
    let target = cx.holder(kind, name).await?;
    let verb = if new.is_some() { "Put" } else { "Delete" };
    let action = format!("iam:{verb}{}PermissionsBoundary", kind.title());
    let key = new.or(target.boundary.as_deref());
    cx.authorize(vec![with_boundary(target.check(&action), key)])?;
    if target.found.is_none() {
        return Err(target.missing(name));
    }
    target.ensure_modifiable(name)?;
    if let Some(arn) = new {
        check_boundary(cx, arn).await?;
    }
    let account = cx.account();
    match kind {
        HolderKind::User => {
            let mut user = cx
                .tx
                .user_by_name(account, name)
                .await?
                .ok_or_else(|| no_such_user(name))?;
            user.permissions_boundary = new.map(str::to_owned);
            cx.tx.update_user(&user).await?;
        }
        HolderKind::Role => {
            let mut role = cx
                .tx
                .role_by_name(account, name)
                .await?
                .ok_or_else(|| target.missing(name))?;
            role.permissions_boundary = new.map(str::to_owned);
            cx.tx.update_role(&role).await?;
        }
        // Groups have no boundary; no operation addresses one.
        HolderKind::Group => return Err(target.missing(name)),
    }
    Ok(Reply::empty())
}

/// PutUserPermissionsBoundary: replaces any existing boundary.
pub(crate) async fn put_user_permissions_boundary<S: Store>(
    cx: &mut Cx<'_, S>,
    input: PutUserPermissionsBoundaryInput,
) -> Result<Reply, ApiError> {
    set_boundary(
        cx,
        HolderKind::User,
        &input.user_name,
        Some(&input.permissions_boundary),
    )
    .await
}

/// PutRolePermissionsBoundary: replaces any existing boundary.
pub(crate) async fn put_role_permissions_boundary<S: Store>(
    cx: &mut Cx<'_, S>,
    input: PutRolePermissionsBoundaryInput,
) -> Result<Reply, ApiError> {
    set_boundary(
        cx,
        HolderKind::Role,
        &input.role_name,
        Some(&input.permissions_boundary),
    )
    .await
}

/// DeleteUserPermissionsBoundary: succeeds without a boundary (api.md §5.8).
pub(crate) async fn delete_user_permissions_boundary<S: Store>(
    cx: &mut Cx<'_, S>,
    input: DeleteUserPermissionsBoundaryInput,
) -> Result<Reply, ApiError> {
    set_boundary(cx, HolderKind::User, &input.user_name, None).await
}

/// DeleteRolePermissionsBoundary: succeeds without a boundary (api.md §5.8).
pub(crate) async fn delete_role_permissions_boundary<S: Store>(
    cx: &mut Cx<'_, S>,
    input: DeleteRolePermissionsBoundaryInput,
) -> Result<Reply, ApiError> {
    set_boundary(cx, HolderKind::Role, &input.role_name, None).await
}
