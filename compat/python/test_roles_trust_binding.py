"""Trust policies bind their user and role principals by unique id (policy.md §1.7.3)."""

from __future__ import annotations

import json

from helpers import policy
from warden_harness import unique


def _trust_aws(principal: str) -> dict:
    return policy({"Effect": "Allow", "Principal": {"AWS": principal}, "Action": "sts:AssumeRole"})


def test_trust_policy_shows_the_unique_id_once_the_principal_is_deleted(iam):
    user = unique("trusted")
    created = iam.create_user(UserName=user)["User"]
    name = unique("tr")
    iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(_trust_aws(created["Arn"])))
    assert iam.get_role(RoleName=name)["Role"]["AssumeRolePolicyDocument"] == _trust_aws(created["Arn"])
    iam.delete_user(UserName=user)
    # policy.md §1.7.3: the ARN token is re-rendered as the stored unique id.
    assert iam.get_role(RoleName=name)["Role"]["AssumeRolePolicyDocument"] == _trust_aws(created["UserId"])
