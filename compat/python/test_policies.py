"""Managed policies, versions and policy tags through boto3 (api.md §5.7)."""

from __future__ import annotations

import json
import re

from helpers import ARN_PREFIX, allow, doc, expect_error, policy, statement
from warden_harness import unique

VERSION_LIMIT = (
    "A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version."
)
MORE_THAN_ONE_VERSION = (
    "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. "
    "The default version is deleted with the policy."
)


def _create(iam, document=None, **kwargs):
    kwargs.setdefault("PolicyName", unique("pol"))
    return iam.create_policy(PolicyDocument=doc(document or allow("s3:GetObject")), **kwargs)["Policy"]


def test_create_policy_fields(iam):
    name = unique("pol")
    p = iam.create_policy(PolicyName=name, Path="/team/", PolicyDocument=doc(allow("s3:*")), Description="desc")["Policy"]
    assert p["PolicyName"] == name
    assert p["Arn"] == f"{ARN_PREFIX}:policy/team/{name}"
    assert p["Path"] == "/team/"
    assert re.fullmatch(r"ANPA[A-Z2-7]{17}", p["PolicyId"]), p["PolicyId"]
    assert p["DefaultVersionId"] == "v1"
    assert p["AttachmentCount"] == 0
    assert p["PermissionsBoundaryUsageCount"] == 0
    assert p["IsAttachable"] is True
    assert p["CreateDate"] == p["UpdateDate"]
    # CreatePolicy does not echo Description (observed, §5.7) and has no Tags when none were given.
    assert "Description" not in p
    assert "Tags" not in p


def test_get_policy_has_description_and_always_tags(iam):
    p = _create(iam, Description="the description")
    got = iam.get_policy(PolicyArn=p["Arn"])["Policy"]
    assert got["Description"] == "the description"
    assert got["Tags"] == []
    for key in ("PolicyName", "PolicyId", "Arn", "Path", "DefaultVersionId", "AttachmentCount", "IsAttachable", "CreateDate"):
        assert got[key] == p[key], key


def test_duplicate_policy_name_regardless_of_path(iam):
    name = unique("dup")
    _create(iam, PolicyName=name, Path="/a/")
    expect_error(
        lambda: _create(iam, PolicyName=name, Path="/b/"),
        "EntityAlreadyExists",
        f"A policy called {name} already exists. Duplicate names are not allowed.",
        409,
    )


def test_managed_policy_must_be_version_2012(iam):
    expect_error(
        lambda: _create(iam, policy(statement("Allow", "s3:*"), version="2008-10-17")),
        "MalformedPolicyDocument",
        "Policy document must be version 2012-10-17 or greater.",
        400,
    )


def test_malformed_policy_documents(iam):
    cases = [
        ("This is not a json document", "Syntax errors in policy."),
        (json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "invalid", "Resource": "*"}]}),
         "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."),
        (json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject"}]}),
         "Policy statement must contain resources."),
        (json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "allow", "Action": "s3:*", "Resource": "*"}]}),
         "The policy failed legacy parsing"),
    ]
    for text, message in cases:
        expect_error(lambda: iam.create_policy(PolicyName=unique("bad"), PolicyDocument=text), "MalformedPolicyDocument", message, 400)


def test_policy_size_quota(iam):
    # 6,144 non-whitespace characters at most (§5.7).
    resources = [f"arn:aws:s3:::bucket-{i:05d}-{'x' * 40}" for i in range(140)]
    text = json.dumps(allow("s3:GetObject", resources))
    assert len("".join(text.split())) > 6144
    expect_error(
        lambda: iam.create_policy(PolicyName=unique("big"), PolicyDocument=text), "LimitExceeded", "Cannot exceed quota for PolicySize: 6144", 409
    )


def test_get_missing_policy(iam):
    arn = f"{ARN_PREFIX}:policy/{unique('nope')}"
    expect_error(lambda: iam.get_policy(PolicyArn=arn), "NoSuchEntity", f"Policy {arn} was not found.", 404)


def test_get_policy_version_returns_the_document(iam):
    document = allow(["s3:GetObject", "s3:PutObject"], ["arn:aws:s3:::b/*"])
    p = _create(iam, document)
    v = iam.get_policy_version(PolicyArn=p["Arn"], VersionId="v1")["PolicyVersion"]
    assert v["Document"] == document
    assert v["VersionId"] == "v1"
    assert v["IsDefaultVersion"] is True
    assert "CreateDate" in v


def test_get_unknown_policy_version(iam):
    p = _create(iam)
    expect_error(
        lambda: iam.get_policy_version(PolicyArn=p["Arn"], VersionId="v9"),
        "NoSuchEntity",
        f"Policy {p['Arn']} version v9 does not exist or is not attachable.",
        404,
    )


def test_policy_versions_limit_default_and_ids_never_reused(iam):
    p = _create(iam)
    arn = p["Arn"]
    docs = {"v1": allow("s3:GetObject")}
    for n in range(2, 6):
        d = allow(f"s3:Action{n}")
        v = iam.create_policy_version(PolicyArn=arn, PolicyDocument=doc(d))["PolicyVersion"]
        docs[v["VersionId"]] = d
        assert v["VersionId"] == f"v{n}"
        assert v["IsDefaultVersion"] is False
        assert "Document" not in v
    expect_error(
        lambda: iam.create_policy_version(PolicyArn=arn, PolicyDocument=doc(allow("s3:Six"))), "LimitExceeded", VERSION_LIMIT, 409
    )
    listed = iam.list_policy_versions(PolicyArn=arn)
    assert [v["VersionId"] for v in listed["Versions"]] == ["v5", "v4", "v3", "v2", "v1"]
    assert listed["IsTruncated"] is False
    assert all("Document" not in v for v in listed["Versions"])
    assert [v["IsDefaultVersion"] for v in listed["Versions"]] == [False, False, False, False, True]

    iam.delete_policy_version(PolicyArn=arn, VersionId="v2")
    iam.delete_policy_version(PolicyArn=arn, VersionId="v5")
    v = iam.create_policy_version(PolicyArn=arn, PolicyDocument=doc(allow("s3:Six")), SetAsDefault=True)["PolicyVersion"]
    assert (v["VersionId"], v["IsDefaultVersion"]) == ("v6", True)
    assert iam.get_policy(PolicyArn=arn)["Policy"]["DefaultVersionId"] == "v6"
    assert [v["VersionId"] for v in iam.list_policy_versions(PolicyArn=arn)["Versions"]] == ["v6", "v4", "v3", "v1"]
    expect_error(
        lambda: iam.get_policy_version(PolicyArn=arn, VersionId="v2"),
        "NoSuchEntity",
        f"Policy {arn} version v2 does not exist or is not attachable.",
        404,
    )
    assert iam.get_policy_version(PolicyArn=arn, VersionId="v4")["PolicyVersion"]["Document"] == docs["v4"]


def test_set_default_policy_version(iam):
    p = _create(iam)
    arn = p["Arn"]
    iam.create_policy_version(PolicyArn=arn, PolicyDocument=doc(allow("s3:Two")))
    iam.set_default_policy_version(PolicyArn=arn, VersionId="v2")
    got = iam.get_policy(PolicyArn=arn)["Policy"]
    assert got["DefaultVersionId"] == "v2"
    assert got["UpdateDate"] >= got["CreateDate"]
    assert iam.get_policy_version(PolicyArn=arn, VersionId="v1")["PolicyVersion"]["IsDefaultVersion"] is False
    expect_error(
        lambda: iam.delete_policy_version(PolicyArn=arn, VersionId="v2"), "DeleteConflict", "Cannot delete the default version of a policy.", 409
    )


def test_delete_policy_rules(iam):
    p = _create(iam)
    arn = p["Arn"]
    iam.create_policy_version(PolicyArn=arn, PolicyDocument=doc(allow("s3:Two")))
    expect_error(lambda: iam.delete_policy(PolicyArn=arn), "DeleteConflict", MORE_THAN_ONE_VERSION, 409)
    iam.delete_policy_version(PolicyArn=arn, VersionId="v2")
    user = unique("pu")
    iam.create_user(UserName=user)
    iam.attach_user_policy(UserName=user, PolicyArn=arn)
    expect_error(lambda: iam.delete_policy(PolicyArn=arn), "DeleteConflict", "Cannot delete a policy attached to entities.", 409)
    iam.detach_user_policy(UserName=user, PolicyArn=arn)
    iam.delete_policy(PolicyArn=arn)
    expect_error(lambda: iam.get_policy(PolicyArn=arn), "NoSuchEntity", f"Policy {arn} was not found.", 404)
    expect_error(lambda: iam.delete_policy(PolicyArn=arn), "NoSuchEntity", f"Policy {arn} was not found.", 404)


def test_policy_ids_are_not_reused(iam):
    name = unique("again")
    first = _create(iam, PolicyName=name)
    iam.delete_policy(PolicyArn=first["Arn"])
    second = _create(iam, PolicyName=name)
    assert first["PolicyId"] != second["PolicyId"]
    assert first["Arn"] == second["Arn"]


def test_list_policies_local_with_path_prefix(iam):
    prefix = f"/{unique('lp')}/"
    names = sorted(unique("lp") for _ in range(3))
    for n in names:
        _create(iam, PolicyName=n, Path=prefix, Tags=[{"Key": "a", "Value": "b"}])
    out = iam.list_policies(Scope="Local", PathPrefix=prefix)
    assert out["IsTruncated"] is False
    assert [p["PolicyName"] for p in out["Policies"]] == names
    for p in out["Policies"]:
        assert "Tags" not in p and "Description" not in p
        assert p["DefaultVersionId"] == "v1"


def test_list_policies_only_attached(iam):
    prefix = f"/{unique('oa')}/"
    attached = _create(iam, Path=prefix)
    _create(iam, Path=prefix)
    user = unique("oau")
    iam.create_user(UserName=user)
    iam.attach_user_policy(UserName=user, PolicyArn=attached["Arn"])
    out = iam.list_policies(Scope="Local", PathPrefix=prefix, OnlyAttached=True)["Policies"]
    assert [p["Arn"] for p in out] == [attached["Arn"]]
    assert out[0]["AttachmentCount"] == 1


def test_policy_tags_are_case_sensitive(iam):
    p = _create(iam, Tags=[{"Key": "Costcenter", "Value": "1"}])
    assert p["Tags"] == [{"Key": "Costcenter", "Value": "1"}]
    iam.tag_policy(PolicyArn=p["Arn"], Tags=[{"Key": "costcenter", "Value": "2"}])
    tags = sorted((t["Key"], t["Value"]) for t in iam.list_policy_tags(PolicyArn=p["Arn"])["Tags"])
    assert tags == [("Costcenter", "1"), ("costcenter", "2")]
    assert sorted(t["Key"] for t in iam.get_policy(PolicyArn=p["Arn"])["Policy"]["Tags"]) == ["Costcenter", "costcenter"]
    iam.untag_policy(PolicyArn=p["Arn"], TagKeys=["Costcenter"])
    assert iam.list_policy_tags(PolicyArn=p["Arn"])["Tags"] == [{"Key": "costcenter", "Value": "2"}]
    expect_error(
        lambda: iam.tag_policy(PolicyArn=p["Arn"], Tags=[{"Key": "x", "Value": "1"}, {"Key": "x", "Value": "2"}]),
        "InvalidInput",
        "Duplicate tag keys found.",
        400,
    )
