"""One not-found error per entity-naming tier-1 operation, with AWS's exact text (api.md §5.3).

Each case names one missing thing next to existing ones, so the message is unambiguous.
"""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from helpers import ARN_PREFIX, allow, expect_error, trust_service
from warden_harness import unique


@pytest.fixture(scope="module")
def ctx(iam):
    """Existing entities, and names/ARNs that do not exist."""
    c = SimpleNamespace(
        user=unique("nf-user"),
        group=unique("nf-group"),
        role=unique("nf-role"),
        missing=unique("nf-missing"),
        oidc=f"{ARN_PREFIX}:oidc-provider/{unique('nf')}.example.com",
    )
    iam.create_user(UserName=c.user)
    iam.create_group(GroupName=c.group)
    iam.create_role(RoleName=c.role, AssumeRolePolicyDocument=json.dumps(trust_service()))
    c.policy = iam.create_policy(PolicyName=unique("nf-pol"), PolicyDocument=json.dumps(allow("s3:*")))["Policy"]["Arn"]
    c.missing_policy = f"{ARN_PREFIX}:policy/{c.missing}"
    return c


DOC = json.dumps(allow("s3:GetObject"))
TAG = [{"Key": "k", "Value": "v"}]

# (id, call(iam, ctx), message(ctx))
CASES = [
    # users
    ("GetUser", lambda i, c: i.get_user(UserName=c.missing), lambda c: f"The user with name {c.missing} cannot be found."),
    ("UpdateUser", lambda i, c: i.update_user(UserName=c.missing, NewPath="/x/"), lambda c: f"The user with name {c.missing} cannot be found."),
    ("DeleteUser", lambda i, c: i.delete_user(UserName=c.missing), lambda c: f"The user with name {c.missing} cannot be found."),
    ("TagUser", lambda i, c: i.tag_user(UserName=c.missing, Tags=TAG), lambda c: f"The user with name {c.missing} cannot be found."),
    ("UntagUser", lambda i, c: i.untag_user(UserName=c.missing, TagKeys=["k"]), lambda c: f"The user with name {c.missing} cannot be found."),
    ("ListUserTags", lambda i, c: i.list_user_tags(UserName=c.missing), lambda c: f"The user with name {c.missing} cannot be found."),
    # groups
    ("GetGroup", lambda i, c: i.get_group(GroupName=c.missing), lambda c: f"The group with name {c.missing} cannot be found."),
    ("UpdateGroup", lambda i, c: i.update_group(GroupName=c.missing, NewPath="/x/"), lambda c: f"The group with name {c.missing} cannot be found."),
    ("DeleteGroup", lambda i, c: i.delete_group(GroupName=c.missing), lambda c: f"The group with name {c.missing} cannot be found."),
    ("AddUserToGroup", lambda i, c: i.add_user_to_group(GroupName=c.missing, UserName=c.user), lambda c: f"The group with name {c.missing} cannot be found."),
    ("RemoveUserFromGroup", lambda i, c: i.remove_user_from_group(GroupName=c.missing, UserName=c.user), lambda c: f"The group with name {c.missing} cannot be found."),
    ("ListGroupsForUser", lambda i, c: i.list_groups_for_user(UserName=c.missing), lambda c: f"The user with name {c.missing} cannot be found."),
    # roles
    ("GetRole", lambda i, c: i.get_role(RoleName=c.missing), lambda c: f"The role with name {c.missing} cannot be found."),
    ("UpdateRole", lambda i, c: i.update_role(RoleName=c.missing, Description="d"), lambda c: f"The role with name {c.missing} cannot be found."),
    ("UpdateAssumeRolePolicy", lambda i, c: i.update_assume_role_policy(RoleName=c.missing, PolicyDocument=json.dumps(trust_service())), lambda c: f"The role with name {c.missing} cannot be found."),
    ("DeleteRole", lambda i, c: i.delete_role(RoleName=c.missing), lambda c: f"The role with name {c.missing} cannot be found."),
    ("TagRole", lambda i, c: i.tag_role(RoleName=c.missing, Tags=TAG), lambda c: f"The role with name {c.missing} cannot be found."),
    ("UntagRole", lambda i, c: i.untag_role(RoleName=c.missing, TagKeys=["k"]), lambda c: f"The role with name {c.missing} cannot be found."),
    ("ListRoleTags", lambda i, c: i.list_role_tags(RoleName=c.missing), lambda c: f"The role with name {c.missing} cannot be found."),
    # managed policies and versions
    ("GetPolicy", lambda i, c: i.get_policy(PolicyArn=c.missing_policy), lambda c: f"Policy {c.missing_policy} was not found."),
    ("DeletePolicy", lambda i, c: i.delete_policy(PolicyArn=c.missing_policy), lambda c: f"Policy {c.missing_policy} was not found."),
    ("ListPolicyVersions", lambda i, c: i.list_policy_versions(PolicyArn=c.missing_policy), lambda c: f"Policy {c.missing_policy} was not found."),
    ("GetPolicyVersion", lambda i, c: i.get_policy_version(PolicyArn=c.policy, VersionId="v9"), lambda c: f"Policy {c.policy} version v9 does not exist or is not attachable."),
    ("DeletePolicyVersion", lambda i, c: i.delete_policy_version(PolicyArn=c.policy, VersionId="v9"), lambda c: f"Policy {c.policy} version v9 does not exist or is not attachable."),
    ("SetDefaultPolicyVersion", lambda i, c: i.set_default_policy_version(PolicyArn=c.policy, VersionId="v9"), lambda c: f"Policy {c.policy} version v9 does not exist or is not attachable."),
    ("TagPolicy", lambda i, c: i.tag_policy(PolicyArn=c.missing_policy, Tags=TAG), lambda c: f"Policy {c.missing_policy} was not found."),
    ("ListPolicyTags", lambda i, c: i.list_policy_tags(PolicyArn=c.missing_policy), lambda c: f"Policy {c.missing_policy} was not found."),
    ("ListEntitiesForPolicy", lambda i, c: i.list_entities_for_policy(PolicyArn=c.missing_policy), lambda c: f"Policy {c.missing_policy} does not exist or is not attachable."),
    # attachments
    ("AttachGroupPolicy", lambda i, c: i.attach_group_policy(GroupName=c.group, PolicyArn=c.missing_policy), lambda c: f"Policy {c.missing_policy} does not exist or is not attachable."),
    ("AttachRolePolicy", lambda i, c: i.attach_role_policy(RoleName=c.role, PolicyArn=c.missing_policy), lambda c: f"Policy {c.missing_policy} does not exist or is not attachable."),
    ("DetachGroupPolicy", lambda i, c: i.detach_group_policy(GroupName=c.group, PolicyArn=c.policy), lambda c: f"Policy {c.policy} was not found."),
    ("DetachRolePolicy", lambda i, c: i.detach_role_policy(RoleName=c.role, PolicyArn=c.policy), lambda c: f"Policy {c.policy} was not found."),
    ("ListAttachedUserPolicies", lambda i, c: i.list_attached_user_policies(UserName=c.missing), lambda c: f"The user with name {c.missing} cannot be found."),
    ("ListAttachedGroupPolicies", lambda i, c: i.list_attached_group_policies(GroupName=c.missing), lambda c: f"The group with name {c.missing} cannot be found."),
    ("ListAttachedRolePolicies", lambda i, c: i.list_attached_role_policies(RoleName=c.missing), lambda c: f"The role with name {c.missing} cannot be found."),
    # inline policies
    ("PutUserPolicy", lambda i, c: i.put_user_policy(UserName=c.missing, PolicyName="p", PolicyDocument=DOC), lambda c: f"The user with name {c.missing} cannot be found."),
    ("PutGroupPolicy", lambda i, c: i.put_group_policy(GroupName=c.missing, PolicyName="p", PolicyDocument=DOC), lambda c: f"The group with name {c.missing} cannot be found."),
    ("GetGroupPolicy", lambda i, c: i.get_group_policy(GroupName=c.group, PolicyName="absent"), lambda c: "The group policy with name absent cannot be found."),
    ("DeleteGroupPolicy", lambda i, c: i.delete_group_policy(GroupName=c.group, PolicyName="absent"), lambda c: "The group policy with name absent cannot be found."),
    ("GetRolePolicy", lambda i, c: i.get_role_policy(RoleName=c.role, PolicyName="absent"), lambda c: "The role policy with name absent cannot be found."),
    ("DeleteRolePolicy", lambda i, c: i.delete_role_policy(RoleName=c.role, PolicyName="absent"), lambda c: "The role policy with name absent cannot be found."),
    ("ListUserPolicies", lambda i, c: i.list_user_policies(UserName=c.missing), lambda c: f"The user with name {c.missing} cannot be found."),
    ("ListGroupPolicies", lambda i, c: i.list_group_policies(GroupName=c.missing), lambda c: f"The group with name {c.missing} cannot be found."),
    ("ListRolePolicies", lambda i, c: i.list_role_policies(RoleName=c.missing), lambda c: f"The role with name {c.missing} cannot be found."),
    # permissions boundaries
    ("PutRolePermissionsBoundary", lambda i, c: i.put_role_permissions_boundary(RoleName=c.role, PermissionsBoundary=c.missing_policy), lambda c: f"Scope ARN: {c.missing_policy} does not exist or is not attachable."),
    ("DeleteUserPermissionsBoundary", lambda i, c: i.delete_user_permissions_boundary(UserName=c.missing), lambda c: f"The user with name {c.missing} cannot be found."),
    ("DeleteRolePermissionsBoundary", lambda i, c: i.delete_role_permissions_boundary(RoleName=c.missing), lambda c: f"The role with name {c.missing} cannot be found."),
    # access keys
    ("ListAccessKeys", lambda i, c: i.list_access_keys(UserName=c.missing), lambda c: f"The user with name {c.missing} cannot be found."),
    # OIDC providers
    ("RemoveClientIDFromOpenIDConnectProvider", lambda i, c: i.remove_client_id_from_open_id_connect_provider(OpenIDConnectProviderArn=c.oidc, ClientID="a"), lambda c: f"OpenIDConnect Provider not found for arn {c.oidc}"),
    ("GetOpenIDConnectProvider", lambda i, c: i.get_open_id_connect_provider(OpenIDConnectProviderArn=c.oidc), lambda c: f"OpenIDConnect Provider not found for arn {c.oidc}"),
]


@pytest.mark.parametrize("call,message", [pytest.param(call, message, id=name) for name, call, message in CASES])
def test_not_found(iam, ctx, call, message):
    expect_error(lambda: call(iam, ctx), "NoSuchEntity", message(ctx), 404)
