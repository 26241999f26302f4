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


def test_attach_list_detach_user_policy(iam):
    user = unique("au")
    iam.create_user(UserName=user)
    p = _policy(iam, path="/att/")
    iam.attach_user_policy(UserName=user, PolicyArn=p["Arn"])
    # Attaching again is a no-op, not a duplicate.
    iam.attach_user_policy(UserName=user, PolicyArn=p["Arn"])
    out = iam.list_attached_user_policies(UserName=user)
    assert out["AttachedPolicies"] == [{"PolicyName": p["PolicyName"], "PolicyArn": p["Arn"]}]
    assert out["IsTruncated"] is False
    assert iam.get_policy(PolicyArn=p["Arn"])["Policy"]["AttachmentCount"] == 1
    # PathPrefix filters on the policy's path.
    assert iam.list_attached_user_policies(UserName=user, PathPrefix="/other/")["AttachedPolicies"] == []
    assert len(iam.list_attached_user_policies(UserName=user, PathPrefix="/att/")["AttachedPolicies"]) == 1
    iam.detach_user_policy(UserName=user, PolicyArn=p["Arn"])
    assert iam.list_attached_user_policies(UserName=user)["AttachedPolicies"] == []
    assert iam.get_policy(PolicyArn=p["Arn"])["Policy"]["AttachmentCount"] == 0


def test_attach_list_detach_group_policy(iam):
    group = unique("ag")
    iam.create_group(GroupName=group)
    p = _policy(iam)
    iam.attach_group_policy(GroupName=group, PolicyArn=p["Arn"])
    assert iam.list_attached_group_policies(GroupName=group)["AttachedPolicies"] == [{"PolicyName": p["PolicyName"], "PolicyArn": p["Arn"]}]
    iam.detach_group_policy(GroupName=group, PolicyArn=p["Arn"])
    assert iam.list_attached_group_policies(GroupName=group)["AttachedPolicies"] == []


def test_attach_list_detach_role_policy(iam):
    role = _role(iam)
    p = _policy(iam)
    iam.attach_role_policy(RoleName=role, PolicyArn=p["Arn"])
    assert iam.list_attached_role_policies(RoleName=role)["AttachedPolicies"] == [{"PolicyName": p["PolicyName"], "PolicyArn": p["Arn"]}]
    iam.detach_role_policy(RoleName=role, PolicyArn=p["Arn"])
    assert iam.list_attached_role_policies(RoleName=role)["AttachedPolicies"] == []


def test_list_entities_for_policy(iam):
    p = _policy(iam)
    user, group, role = unique("eu"), unique("eg"), _role(iam)
    uid = iam.create_user(UserName=user)["User"]["UserId"]
    gid = iam.create_group(GroupName=group)["Group"]["GroupId"]
    rid = iam.get_role(RoleName=role)["Role"]["RoleId"]
    iam.attach_user_policy(UserName=user, PolicyArn=p["Arn"])
    iam.attach_group_policy(GroupName=group, PolicyArn=p["Arn"])
    iam.attach_role_policy(RoleName=role, PolicyArn=p["Arn"])
    out = iam.list_entities_for_policy(PolicyArn=p["Arn"])
    assert out["PolicyUsers"] == [{"UserName": user, "UserId": uid}]
    assert out["PolicyGroups"] == [{"GroupName": group, "GroupId": gid}]
    assert out["PolicyRoles"] == [{"RoleName": role, "RoleId": rid}]
    assert out["IsTruncated"] is False
    assert iam.get_policy(PolicyArn=p["Arn"])["Policy"]["AttachmentCount"] == 3
    only_users = iam.list_entities_for_policy(PolicyArn=p["Arn"], EntityFilter="User")
    assert (only_users["PolicyUsers"], only_users["PolicyGroups"], only_users["PolicyRoles"]) == (
        [{"UserName": user, "UserId": uid}],
        [],
        [],
    )


def test_list_entities_for_missing_policy(iam):
    arn = f"{ARN_PREFIX}:policy/{unique('gone')}"
    expect_error(
        lambda: iam.list_entities_for_policy(PolicyArn=arn), "NoSuchEntity", f"Policy {arn} does not exist or is not attachable.", 404
    )


def test_attach_missing_policy(iam):
    user = unique("amp")
    iam.create_user(UserName=user)
    arn = f"{ARN_PREFIX}:policy/{unique('gone')}"
    expect_error(
        lambda: iam.attach_user_policy(UserName=user, PolicyArn=arn),
        "NoSuchEntity",
        f"Policy {arn} does not exist or is not attachable.",
        404,
    )


def test_attach_policy_of_another_account_is_not_attachable(iam):
    user = unique("xacct")
    iam.create_user(UserName=user)
    arn = f"arn:aws:iam::444455556666:policy/{unique('foreign')}"
    expect_error(
        lambda: iam.attach_user_policy(UserName=user, PolicyArn=arn), "NoSuchEntity", f"Policy {arn} does not exist or is not attachable.", 404
    )


def test_attach_malformed_arn(iam):
    user = unique("bad")
    iam.create_user(UserName=user)
    expect_error(lambda: iam.attach_user_policy(UserName=user, PolicyArn="this-is-not-an-arn-value"), "ValidationError", "ARN this-is-not-an-arn-value is not valid.", 400)


def test_attach_to_missing_user(iam):
    user = unique("nobody")
    p = _policy(iam)
    expect_error(lambda: iam.attach_user_policy(UserName=user, PolicyArn=p["Arn"]), "NoSuchEntity", f"The user with name {user} cannot be found.", 404)


def test_detach_not_attached(iam):
    user = unique("dna")
    iam.create_user(UserName=user)
    p = _policy(iam)
    expect_error(lambda: iam.detach_user_policy(UserName=user, PolicyArn=p["Arn"]), "NoSuchEntity", f"Policy {p['Arn']} was not found.", 404)


def test_policies_per_user_quota(iam):
    user = unique("many")
    iam.create_user(UserName=user)
    for _ in range(10):
        iam.attach_user_policy(UserName=user, PolicyArn=_policy(iam)["Arn"])
    extra = _policy(iam)["Arn"]
    expect_error(lambda: iam.attach_user_policy(UserName=user, PolicyArn=extra), "LimitExceeded", "Cannot exceed quota for PoliciesPerUser: 10", 409)


def test_policies_per_role_quota(iam):
    role = _role(iam)
    for _ in range(10):
        iam.attach_role_policy(RoleName=role, PolicyArn=_policy(iam)["Arn"])
    extra = _policy(iam)["Arn"]
    expect_error(lambda: iam.attach_role_policy(RoleName=role, PolicyArn=extra), "LimitExceeded", "Cannot exceed quota for PoliciesPerRole: 10", 409)


def test_user_inline_policy_round_trip(iam):
    user = unique("iu")
    iam.create_user(UserName=user)
    document = allow(["iam:GetUser", "iam:ListUsers"], f"{ARN_PREFIX}:user/*")
    iam.put_user_policy(UserName=user, PolicyName="b-policy", PolicyDocument=doc(document))
    iam.put_user_policy(UserName=user, PolicyName="a-policy", PolicyDocument=doc(allow("s3:*")))
    got = iam.get_user_policy(UserName=user, PolicyName="b-policy")
    assert (got["UserName"], got["PolicyName"]) == (user, "b-policy")
    assert got["PolicyDocument"] == document
    listed = iam.list_user_policies(UserName=user)
    assert listed["PolicyNames"] == ["a-policy", "b-policy"]
    assert listed["IsTruncated"] is False
    # Put is an upsert by name.
    replaced = allow("iam:GetGroup")
    iam.put_user_policy(UserName=user, PolicyName="b-policy", PolicyDocument=doc(replaced))
    assert iam.get_user_policy(UserName=user, PolicyName="b-policy")["PolicyDocument"] == replaced
    iam.delete_user_policy(UserName=user, PolicyName="b-policy")
    assert iam.list_user_policies(UserName=user)["PolicyNames"] == ["a-policy"]
    expect_error(
        lambda: iam.get_user_policy(UserName=user, PolicyName="b-policy"),
        "NoSuchEntity",
        "The user policy with name b-policy cannot be found.",
        404,
    )
    expect_error(
        lambda: iam.delete_user_policy(UserName=user, PolicyName="b-policy"),
        "NoSuchEntity",
        "The user policy with name b-policy cannot be found.",
        404,
    )


def test_group_inline_policy_round_trip(iam):
    group = unique("ig")
    iam.create_group(GroupName=group)
    document = allow("s3:ListBucket", "arn:aws:s3:::bucket")
    iam.put_group_policy(GroupName=group, PolicyName="gp", PolicyDocument=doc(document))
    got = iam.get_group_policy(GroupName=group, PolicyName="gp")
    assert (got["GroupName"], got["PolicyName"], got["PolicyDocument"]) == (group, "gp", document)
    assert iam.list_group_policies(GroupName=group)["PolicyNames"] == ["gp"]
    iam.delete_group_policy(GroupName=group, PolicyName="gp")
    expect_error(
        lambda: iam.get_group_policy(GroupName=group, PolicyName="gp"), "NoSuchEntity", "The group policy with name gp cannot be found.", 404
    )


def test_role_inline_policy_round_trip(iam):
    role = _role(iam)
    document = policy(statement("Allow", "s3:GetObject", "*", Condition={"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}))
    iam.put_role_policy(RoleName=role, PolicyName="rp", PolicyDocument=doc(document))
    got = iam.get_role_policy(RoleName=role, PolicyName="rp")
    assert (got["RoleName"], got["PolicyName"], got["PolicyDocument"]) == (role, "rp", document)
    assert iam.list_role_policies(RoleName=role)["PolicyNames"] == ["rp"]
    iam.delete_role_policy(RoleName=role, PolicyName="rp")
    expect_error(lambda: iam.get_role_policy(RoleName=role, PolicyName="rp"), "NoSuchEntity", "The role policy with name rp cannot be found.", 404)


def test_inline_policy_may_use_version_2008(iam):
    user = unique("v2008")
    iam.create_user(UserName=user)
    document = policy(statement("Allow", "s3:GetObject"), version="2008-10-17")
    iam.put_user_policy(UserName=user, PolicyName="old", PolicyDocument=json.dumps(document))
    assert iam.get_user_policy(UserName=user, PolicyName="old")["PolicyDocument"] == document


def test_inline_policy_document_is_validated(iam):
    user = unique("iv")
    iam.create_user(UserName=user)
    bad = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "invalid", "Resource": "*"}]})
    expect_error(
        lambda: iam.put_user_policy(UserName=user, PolicyName="p", PolicyDocument=bad),
        "MalformedPolicyDocument",
        "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.",
        400,
    )
    with_principal = json.dumps(policy(statement("Allow", "s3:*", Principal="*")))
    expect_error(
        lambda: iam.put_user_policy(UserName=user, PolicyName="p", PolicyDocument=with_principal),
        "MalformedPolicyDocument",
        "Policy document should not specify a principal.",
        400,
    )


def test_user_inline_policies_aggregate_size(iam):
    user = unique("agg")
    iam.create_user(UserName=user)
    resources = [f"arn:aws:s3:::bucket-{i:03d}-{'y' * 30}" for i in range(20)]
    first = json.dumps(allow("s3:GetObject", resources))
    assert 1024 < len("".join(first.split())) < 2048
    iam.put_user_policy(UserName=user, PolicyName="one", PolicyDocument=first)
    expect_error(
        lambda: iam.put_user_policy(UserName=user, PolicyName="two", PolicyDocument=first),
        "LimitExceeded",
        f"Maximum policy size of 2048 bytes exceeded for user {user}",
        409,
    )
    # Replacing the same policy keeps the sum below the limit.
    iam.put_user_policy(UserName=user, PolicyName="one", PolicyDocument=first)


def test_put_inline_policy_on_missing_role(iam):
    role = unique("nr")
    expect_error(
        lambda: iam.put_role_policy(RoleName=role, PolicyName="p", PolicyDocument=json.dumps(allow("s3:*"))),
        "NoSuchEntity",
        f"The role with name {role} cannot be found.",
        404,
    )


def test_user_permissions_boundary(iam):
    user = unique("bu")
    iam.create_user(UserName=user)
    p = _policy(iam)
    iam.put_user_permissions_boundary(UserName=user, PermissionsBoundary=p["Arn"])
    got = iam.get_user(UserName=user)["User"]
    assert got["PermissionsBoundary"] == {"PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": p["Arn"]}
    info = iam.get_policy(PolicyArn=p["Arn"])["Policy"]
    assert (info["PermissionsBoundaryUsageCount"], info["AttachmentCount"]) == (1, 0)
    # A boundary is not a permissions-policy attachment.
    assert iam.list_attached_user_policies(UserName=user)["AttachedPolicies"] == []
    # Replacing moves the usage count.
    q = _policy(iam)
    iam.put_user_permissions_boundary(UserName=user, PermissionsBoundary=q["Arn"])
    assert iam.get_policy(PolicyArn=p["Arn"])["Policy"]["PermissionsBoundaryUsageCount"] == 0
    assert iam.get_policy(PolicyArn=q["Arn"])["Policy"]["PermissionsBoundaryUsageCount"] == 1
    iam.delete_user_permissions_boundary(UserName=user)
    assert "PermissionsBoundary" not in iam.get_user(UserName=user)["User"]
    assert iam.get_policy(PolicyArn=q["Arn"])["Policy"]["PermissionsBoundaryUsageCount"] == 0


def test_boundary_counts_as_attached_for_delete_policy(iam):
    user = unique("bd")
    iam.create_user(UserName=user)
    p = _policy(iam)
    iam.put_user_permissions_boundary(UserName=user, PermissionsBoundary=p["Arn"])
    expect_error(lambda: iam.delete_policy(PolicyArn=p["Arn"]), "DeleteConflict", "Cannot delete a policy attached to entities.", 409)


def test_create_user_with_boundary(iam):
    p = _policy(iam)
    user = iam.create_user(UserName=unique("cb"), PermissionsBoundary=p["Arn"])["User"]
    assert user["PermissionsBoundary"] == {"PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": p["Arn"]}


def test_boundary_errors(iam):
    user = unique("be")
    iam.create_user(UserName=user)
    expect_error(
        lambda: iam.put_user_permissions_boundary(UserName=user, PermissionsBoundary="garbage-that-is-not-an-arn"),
        "InvalidInput",
        "ARN garbage-that-is-not-an-arn is not valid.",
        400,
    )
    missing = f"{ARN_PREFIX}:policy/{unique('nob')}"
    expect_error(
        lambda: iam.put_user_permissions_boundary(UserName=user, PermissionsBoundary=missing),
        "NoSuchEntity",
        f"Scope ARN: {missing} does not exist or is not attachable.",
        404,
    )
    expect_error(
        lambda: iam.create_user(UserName=unique("cbm"), PermissionsBoundary=missing),
        "NoSuchEntity",
        f"Scope ARN: {missing} does not exist or is not attachable.",
        404,
    )


def test_role_permissions_boundary(iam):
    role = unique("br")
    p = _policy(iam)
    created = iam.create_role(RoleName=role, AssumeRolePolicyDocument=json.dumps(trust_service()), PermissionsBoundary=p["Arn"])["Role"]
    assert created["PermissionsBoundary"] == {"PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": p["Arn"]}
    iam.delete_role_permissions_boundary(RoleName=role)
    assert "PermissionsBoundary" not in iam.get_role(RoleName=role)["Role"]
    iam.put_role_permissions_boundary(RoleName=role, PermissionsBoundary=p["Arn"])
    assert iam.get_role(RoleName=role)["Role"]["PermissionsBoundary"]["PermissionsBoundaryArn"] == p["Arn"]
    # Boundaries do not block DeleteRole.
    iam.delete_role(RoleName=role)
