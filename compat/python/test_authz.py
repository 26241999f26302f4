"""Authorization of IAM calls: AccessDenied messages (policy.md §6.6, api.md §4)."""

from __future__ import annotations

import json

from helpers import ARN_PREFIX, allow, deny, denied_message, expect_error, explicit_deny_message, policy, statement
from warden_harness import ACCOUNT_ID, unique


def test_attaching_a_policy_allows_then_explicit_deny_wins(iam, make_user):
    me = make_user("allowme")
    expect_error(lambda: me.client.list_users(), "AccessDenied", denied_message(me.arn, "iam:ListUsers", f"{ARN_PREFIX}:user/"), 403)
    arn = iam.create_policy(PolicyName=unique("lu"), PolicyDocument=json.dumps(allow("iam:ListUsers")))["Policy"]["Arn"]
    iam.attach_user_policy(UserName=me.name, PolicyArn=arn)
    # Read-your-writes (§1.9): the very next call sees the attachment.
    assert me.client.list_users()["ResponseMetadata"]["HTTPStatusCode"] == 200
    iam.put_user_policy(UserName=me.name, PolicyName="deny", PolicyDocument=json.dumps(deny("iam:List*")))
    expect_error(
        lambda: me.client.list_users(),
        "AccessDenied",
        explicit_deny_message(me.arn, "iam:ListUsers", f"{ARN_PREFIX}:user/"),
        403,
    )
    iam.delete_user_policy(UserName=me.name, PolicyName="deny")
    assert me.client.list_users()["ResponseMetadata"]["HTTPStatusCode"] == 200


def test_resource_scoped_allow(iam, make_user):
    me = make_user("scoped", path="/team/")
    iam.put_user_policy(
        UserName=me.name, PolicyName="own", PolicyDocument=json.dumps(allow("iam:GetUser", f"{ARN_PREFIX}:user/team/*"))
    )
    assert me.client.get_user(UserName=me.name)["User"]["Path"] == "/team/"
    other = unique("other")
    iam.create_user(UserName=other)
    expect_error(
        lambda: me.client.get_user(UserName=other), "AccessDenied", denied_message(me.arn, "iam:GetUser", f"{ARN_PREFIX}:user/{other}"), 403
    )


def test_policy_variables(iam, make_user):
    me = make_user("var")
    iam.put_user_policy(
        UserName=me.name,
        PolicyName="self",
        PolicyDocument=json.dumps(allow("iam:ListAccessKeys", f"{ARN_PREFIX}:user/${{aws:username}}")),
    )
    assert me.client.list_access_keys(UserName=me.name)["AccessKeyMetadata"][0]["AccessKeyId"] == me.access_key_id
    other = make_user("var2")
    expect_error(
        lambda: me.client.list_access_keys(UserName=other.name),
        "AccessDenied",
        denied_message(me.arn, "iam:ListAccessKeys", other.arn),
        403,
    )


def test_group_policies_apply_to_members(iam, make_user):
    me = make_user("member")
    group = unique("readers")
    iam.create_group(GroupName=group)
    iam.put_group_policy(GroupName=group, PolicyName="list", PolicyDocument=json.dumps(allow("iam:ListGroups")))
    expect_error(lambda: me.client.list_groups(), "AccessDenied", denied_message(me.arn, "iam:ListGroups", f"{ARN_PREFIX}:group/"), 403)
    iam.add_user_to_group(GroupName=group, UserName=me.name)
    assert me.client.list_groups()["ResponseMetadata"]["HTTPStatusCode"] == 200
    iam.remove_user_from_group(GroupName=group, UserName=me.name)
    expect_error(lambda: me.client.list_groups(), "AccessDenied", denied_message(me.arn, "iam:ListGroups", f"{ARN_PREFIX}:group/"), 403)


def test_default_policy_version_switch_takes_effect(iam, make_user):
    me = make_user("ver")
    arn = iam.create_policy(PolicyName=unique("sw"), PolicyDocument=json.dumps(allow("iam:ListUsers")))["Policy"]["Arn"]
    iam.attach_user_policy(UserName=me.name, PolicyArn=arn)
    me.client.list_users()
    iam.create_policy_version(PolicyArn=arn, PolicyDocument=json.dumps(allow("iam:ListGroups")), SetAsDefault=True)
    expect_error(lambda: me.client.list_users(), "AccessDenied", denied_message(me.arn, "iam:ListUsers", f"{ARN_PREFIX}:user/"), 403)
    me.client.list_groups()
    iam.set_default_policy_version(PolicyArn=arn, VersionId="v1")
    me.client.list_users()


def test_permissions_boundary_limits_grants(iam, make_user):
    me = make_user("bounded", inline={"all": allow("iam:*")})
    me.client.list_users()
    boundary = iam.create_policy(PolicyName=unique("bnd"), PolicyDocument=json.dumps(allow("iam:GetUser")))["Policy"]["Arn"]
    iam.put_user_permissions_boundary(UserName=me.name, PermissionsBoundary=boundary)
    expect_error(
        lambda: me.client.list_users(),
        "AccessDenied",
        denied_message(me.arn, "iam:ListUsers", f"{ARN_PREFIX}:user/", reason="no permissions boundary"),
        403,
    )
    assert me.client.get_user()["User"]["UserName"] == me.name
    iam.delete_user_permissions_boundary(UserName=me.name)
    me.client.list_users()


def test_create_with_tags_needs_the_tag_permission(iam, make_user):
    me = make_user("tagger", inline={"create": allow("iam:CreateUser")})
    name = unique("made")
    me.client.create_user(UserName=name)
    tagged = unique("tagged")
    expect_error(
        lambda: me.client.create_user(UserName=tagged, Tags=[{"Key": "a", "Value": "b"}]),
        "AccessDenied",
        denied_message(me.arn, "iam:TagUser", f"{ARN_PREFIX}:user/{tagged}"),
        403,
    )


def test_condition_on_request_tag(iam, make_user):
    me = make_user(
        "cond",
        inline={
            "p": policy(
                statement("Allow", ["iam:CreateRole", "iam:TagRole"], "*", Condition={"StringEquals": {"aws:RequestTag/team": "blue"}})
            )
        },
    )
    trust = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
    me.client.create_role(RoleName=unique("blue"), AssumeRolePolicyDocument=trust, Tags=[{"Key": "team", "Value": "blue"}])
    red = unique("red")
    expect_error(
        lambda: me.client.create_role(RoleName=red, AssumeRolePolicyDocument=trust, Tags=[{"Key": "team", "Value": "red"}]),
        "AccessDenied",
        denied_message(me.arn, "iam:CreateRole", f"{ARN_PREFIX}:role/{red}"),
        403,
    )


def test_list_resource_uses_the_path_prefix(make_user):
    me = make_user("pfx")
    expect_error(
        lambda: me.client.list_roles(PathPrefix="/team/"),
        "AccessDenied",
        denied_message(me.arn, "iam:ListRoles", f"{ARN_PREFIX}:role/team/"),
        403,
    )


def test_user_without_policy_is_denied_list_users(make_user):
    me = make_user("nopol")
    expect_error(
        lambda: me.client.list_users(),
        "AccessDenied",
        f"User: arn:aws:iam::{ACCOUNT_ID}:user/{me.name} is not authorized to perform: iam:ListUsers on resource: "
        f"arn:aws:iam::{ACCOUNT_ID}:user/ because no identity-based policy allows the iam:ListUsers action",
        403,
    )


def test_authorization_precedes_existence_checks(make_user):
    me = make_user("exist")
    ghost = unique("ghost")
    expect_error(
        lambda: me.client.get_user(UserName=ghost),
        "AccessDenied",
        denied_message(me.arn, "iam:GetUser", f"{ARN_PREFIX}:user/{ghost}"),
        403,
    )
