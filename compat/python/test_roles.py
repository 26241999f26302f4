"""Roles, trust policies, max session duration and role tags through boto3 (api.md §1.4, §5.6)."""

from __future__ import annotations

import json
import re

from helpers import ARN_PREFIX, allow, doc, expect_error, policy, trust_service
from warden_harness import ACCOUNT_ID, unique


def _trust_aws(principal: str) -> dict:
    return policy({"Effect": "Allow", "Principal": {"AWS": principal}, "Action": "sts:AssumeRole"})


def test_create_role_returns_the_decoded_trust_policy(iam):
    name = unique("app")
    trust = trust_service()
    role = iam.create_role(RoleName=name, Path="/svc/", AssumeRolePolicyDocument=doc(trust), Description="the app role")["Role"]
    assert role["RoleName"] == name
    assert role["Path"] == "/svc/"
    assert role["Arn"] == f"{ARN_PREFIX}:role/svc/{name}"
    assert re.fullmatch(r"AROA[A-Z2-7]{17}", role["RoleId"]), role["RoleId"]
    assert role["Description"] == "the app role"
    # botocore percent-decodes and JSON-parses the document (§1.4); it must equal what was sent.
    assert role["AssumeRolePolicyDocument"] == trust
    # CreateRole does not return MaxSessionDuration or RoleLastUsed (observed, §5.6).
    assert "MaxSessionDuration" not in role
    assert "RoleLastUsed" not in role
    assert "Tags" not in role


def test_get_role_has_max_session_duration_and_role_last_used(iam):
    name = unique("gr")
    trust = policy({"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT_ID}:root"}, "Action": ["sts:AssumeRole", "sts:TagSession"]})
    iam.create_role(RoleName=name, AssumeRolePolicyDocument=doc(trust))
    role = iam.get_role(RoleName=name)["Role"]
    assert role["AssumeRolePolicyDocument"] == trust
    assert role["MaxSessionDuration"] == 3600
    # Always present; empty when the role was never used.
    assert "RoleLastUsed" in role
    assert "LastUsedDate" not in role["RoleLastUsed"]
    assert "Tags" not in role
    assert "Description" not in role


def test_role_lookup_is_case_insensitive(iam):
    name = unique("CaseRole")
    iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust_service()))
    assert iam.get_role(RoleName=name.lower())["Role"]["RoleName"] == name
    expect_error(
        lambda: iam.create_role(RoleName=name.upper(), AssumeRolePolicyDocument=json.dumps(trust_service())),
        "EntityAlreadyExists",
        f"Role with name {name.upper()} already exists.",
        409,
    )


def test_custom_max_session_duration(iam):
    name = unique("long")
    iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust_service()), MaxSessionDuration=43200)
    assert iam.get_role(RoleName=name)["Role"]["MaxSessionDuration"] == 43200


def test_max_session_duration_above_range_is_a_validation_error(iam):
    expect_error(
        lambda: iam.create_role(RoleName=unique("r"), AssumeRolePolicyDocument=json.dumps(trust_service()), MaxSessionDuration=43201),
        "ValidationError",
        "1 validation error detected: Value at 'maxSessionDuration' failed to satisfy constraint: "
        "Member must have value less than or equal to 43200",
        400,
    )


def test_trust_policy_with_resource_is_malformed(iam):
    trust = trust_service()
    trust["Statement"][0]["Resource"] = "*"
    expect_error(
        lambda: iam.create_role(RoleName=unique("r"), AssumeRolePolicyDocument=json.dumps(trust)),
        "MalformedPolicyDocument",
        "Has prohibited field Resource",
        400,
    )


def test_trust_policy_with_non_sts_action_is_malformed(iam):
    trust = trust_service()
    trust["Statement"][0]["Action"] = "s3:GetObject"
    expect_error(
        lambda: iam.create_role(RoleName=unique("r"), AssumeRolePolicyDocument=json.dumps(trust)),
        "MalformedPolicyDocument",
        "AssumeRole policy may only specify STS AssumeRole actions.",
        400,
    )


def test_trust_policy_syntax_error(iam):
    expect_error(
        lambda: iam.create_role(RoleName=unique("r"), AssumeRolePolicyDocument="This is not a json document"),
        "MalformedPolicyDocument",
        # policy.md §1.2: trust policies word JSON errors differently from other policies.
        "This policy contains invalid Json",
        400,
    )


def test_get_missing_role(iam):
    name = unique("nr")
    expect_error(lambda: iam.get_role(RoleName=name), "NoSuchEntity", f"The role with name {name} cannot be found.", 404)


def test_list_roles_items(iam):
    prefix = f"/{unique('lr')}/"
    names = sorted(unique("lr") for _ in range(3))
    trust = trust_service()
    for n in names:
        iam.create_role(RoleName=n, Path=prefix, AssumeRolePolicyDocument=doc(trust), Tags=[{"Key": "a", "Value": "b"}])
    out = iam.list_roles(PathPrefix=prefix)
    assert out["IsTruncated"] is False
    assert [r["RoleName"] for r in out["Roles"]] == names
    for r in out["Roles"]:
        assert r["AssumeRolePolicyDocument"] == trust
        assert r["MaxSessionDuration"] == 3600
        assert not {"Tags", "PermissionsBoundary", "RoleLastUsed"} & set(r), r


def test_update_role(iam):
    name = unique("ur")
    iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust_service()), Description="before")
    out = iam.update_role(RoleName=name, MaxSessionDuration=7200)
    assert out["ResponseMetadata"]["HTTPStatusCode"] == 200
    role = iam.get_role(RoleName=name)["Role"]
    assert (role["MaxSessionDuration"], role["Description"]) == (7200, "before")
    iam.update_role(RoleName=name, Description="after")
    role = iam.get_role(RoleName=name)["Role"]
    assert (role["MaxSessionDuration"], role["Description"]) == (7200, "after")


def test_update_missing_role(iam):
    name = unique("umr")
    expect_error(lambda: iam.update_role(RoleName=name, Description="x"), "NoSuchEntity", f"The role with name {name} cannot be found.", 404)


def test_update_assume_role_policy(iam):
    name = unique("uarp")
    iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust_service()))
    new_trust = trust_service("lambda.amazonaws.com")
    iam.update_assume_role_policy(RoleName=name, PolicyDocument=doc(new_trust))
    assert iam.get_role(RoleName=name)["Role"]["AssumeRolePolicyDocument"] == new_trust
    bad = trust_service()
    bad["Statement"][0]["Resource"] = "*"
    expect_error(
        lambda: iam.update_assume_role_policy(RoleName=name, PolicyDocument=json.dumps(bad)),
        "MalformedPolicyDocument",
        "Has prohibited field Resource",
        400,
    )
    assert iam.get_role(RoleName=name)["Role"]["AssumeRolePolicyDocument"] == new_trust


def test_delete_role_conflicts(iam):
    name = unique("dr")
    iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust_service()))
    iam.put_role_policy(RoleName=name, PolicyName="inline", PolicyDocument=json.dumps(allow("s3:GetObject")))
    expect_error(lambda: iam.delete_role(RoleName=name), "DeleteConflict", "Cannot delete entity, must delete policies first.", 409)
    iam.delete_role_policy(RoleName=name, PolicyName="inline")
    arn = iam.create_policy(PolicyName=unique("rp"), PolicyDocument=json.dumps(allow("s3:GetObject")))["Policy"]["Arn"]
    iam.attach_role_policy(RoleName=name, PolicyArn=arn)
    expect_error(lambda: iam.delete_role(RoleName=name), "DeleteConflict", "Cannot delete entity, must detach all policies first.", 409)
    iam.detach_role_policy(RoleName=name, PolicyArn=arn)
    iam.delete_role(RoleName=name)
    expect_error(lambda: iam.get_role(RoleName=name), "NoSuchEntity", f"The role with name {name} cannot be found.", 404)


def test_role_tags(iam):
    name = unique("tr")
    role = iam.create_role(
        RoleName=name, AssumeRolePolicyDocument=json.dumps(trust_service()), Tags=[{"Key": "Env", "Value": "prod"}]
    )["Role"]
    assert role["Tags"] == [{"Key": "Env", "Value": "prod"}]
    assert iam.get_role(RoleName=name)["Role"]["Tags"] == [{"Key": "Env", "Value": "prod"}]
    # Keys are case-insensitive for roles: this replaces Env.
    iam.tag_role(RoleName=name, Tags=[{"Key": "env", "Value": "dev"}, {"Key": "team", "Value": "x"}])
    tags = sorted((t["Key"].lower(), t["Value"]) for t in iam.list_role_tags(RoleName=name)["Tags"])
    assert tags == [("env", "dev"), ("team", "x")]
    iam.untag_role(RoleName=name, TagKeys=["team"])
    assert [t["Value"] for t in iam.list_role_tags(RoleName=name)["Tags"]] == ["dev"]
    expect_error(
        lambda: iam.tag_role(RoleName=name, Tags=[{"Key": "A", "Value": "1"}, {"Key": "a", "Value": "2"}]),
        "InvalidInput",
        "Duplicate tag keys found. Please note that Tag keys are case insensitive.",
        400,
    )


def test_tag_missing_role(iam):
    name = unique("tmr")
    expect_error(
        lambda: iam.tag_role(RoleName=name, Tags=[{"Key": "a", "Value": "b"}]), "NoSuchEntity", f"The role with name {name} cannot be found.", 404
    )


def test_trust_policy_naming_a_missing_user_is_an_invalid_principal(iam):
    ghost = f"{ARN_PREFIX}:user/{unique('ghost')}"
    expect_error(
        lambda: iam.create_role(RoleName=unique("r"), AssumeRolePolicyDocument=json.dumps(_trust_aws(ghost))),
        "MalformedPolicyDocument",
        f'Invalid principal in policy: "AWS":"{ghost}"',
        400,
    )
