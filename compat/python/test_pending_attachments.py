"""Managed-policy attachments, inline policies and permissions boundaries through boto3 (api.md §5.8)."""

from __future__ import annotations

import json

from helpers import ARN_PREFIX, allow, doc, expect_error, policy, statement, trust_service
from warden_harness import unique


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
