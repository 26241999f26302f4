"""Attaching AWS managed policies (loaded by `warden import`) through boto3 (api.md §5.7, §5.8)."""

from __future__ import annotations

import json

import pytest

from aws_managed import load_aws_managed
from helpers import allow, expect_error, trust_service
from warden_harness import unique


@pytest.fixture(scope="module", autouse=True)
def aws_managed(warden):
    load_aws_managed(warden)


def _policy(iam, path="/"):
    return iam.create_policy(PolicyName=unique("ap"), Path=path, PolicyDocument=json.dumps(allow("s3:GetObject")))["Policy"]


def _role(iam):
    name = unique("role")
    iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust_service()))
    return name


def test_attach_aws_managed_policy(iam):
    user = unique("aws")
    iam.create_user(UserName=user)
    arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
    iam.attach_user_policy(UserName=user, PolicyArn=arn)
    assert iam.list_attached_user_policies(UserName=user)["AttachedPolicies"] == [{"PolicyName": "ReadOnlyAccess", "PolicyArn": arn}]


def test_aws_managed_policy_attaches_to_groups_and_roles_and_counts_per_account(iam):
    arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
    before = iam.get_policy(PolicyArn=arn)["Policy"]["AttachmentCount"]
    group = unique("g")
    iam.create_group(GroupName=group)
    role = _role(iam)
    iam.attach_group_policy(GroupName=group, PolicyArn=arn)
    iam.attach_role_policy(RoleName=role, PolicyArn=arn)
    assert iam.list_attached_role_policies(RoleName=role)["AttachedPolicies"] == [
        {"PolicyName": "AWSLambdaBasicExecutionRole", "PolicyArn": arn}
    ]
    assert iam.get_policy(PolicyArn=arn)["Policy"]["AttachmentCount"] == before + 2
    entities = iam.list_entities_for_policy(PolicyArn=arn)
    assert group in [g["GroupName"] for g in entities["PolicyGroups"]]
    assert role in [r["RoleName"] for r in entities["PolicyRoles"]]
    iam.detach_group_policy(GroupName=group, PolicyArn=arn)
    iam.detach_role_policy(RoleName=role, PolicyArn=arn)
    assert iam.get_policy(PolicyArn=arn)["Policy"]["AttachmentCount"] == before


def test_aws_managed_policy_grants_what_it_allows(make_user):
    user = make_user("awsro", managed=["arn:aws:iam::aws:policy/IAMReadOnlyAccess"])
    # IAMReadOnlyAccess (stand-in: iam:Get*, iam:List*) lets the user read, not write.
    assert user.client.get_user(UserName=user.name)["User"]["UserName"] == user.name
    expect_error(lambda: user.client.create_user(UserName=unique("nope")), "AccessDenied", None, 403)
