"""Account alias, GetAccountSummary and GetAccountAuthorizationDetails through boto3 (api.md §5.16)."""

from __future__ import annotations

import json
import subprocess
import tempfile

import pytest
from helpers import ARN_PREFIX, allow, denied_message, doc, expect_error, trust_service
from warden_harness import ACCOUNT_ID, start_server, unique, warden_bin

SUMMARY_KEYS = {
    "Users", "UsersQuota", "Groups", "GroupsQuota", "ServerCertificates", "ServerCertificatesQuota",
    "UserPolicySizeQuota", "GroupPolicySizeQuota", "GroupsPerUserQuota", "SigningCertificatesPerUserQuota",
    "AccessKeysPerUserQuota", "MFADevices", "MFADevicesInUse", "AccountMFAEnabled", "AccountAccessKeysPresent",
    "AccountPasswordPresent", "AccountSigningCertificatesPresent", "AttachedPoliciesPerGroupQuota",
    "AttachedPoliciesPerRoleQuota", "AttachedPoliciesPerUserQuota", "Policies", "PoliciesQuota",
    "PolicySizeQuota", "PolicyVersionsInUse", "PolicyVersionsInUseQuota", "VersionsPerPolicyQuota",
    "GlobalEndpointTokenVersion", "AssumeRolePolicySizeQuota", "InstanceProfiles", "InstanceProfilesQuota",
    "Providers", "RolePolicySizeQuota", "Roles", "RolesQuota",
}


@pytest.fixture
def no_alias(iam):
    """The alias is account-wide: tests using it start and end without one."""

    def clear():
        for alias in iam.list_account_aliases()["AccountAliases"]:
            iam.delete_account_alias(AccountAlias=alias)

    clear()
    yield
    clear()


def test_alias_create_replace_delete(iam, no_alias):
    assert iam.list_account_aliases()["AccountAliases"] == []
    first = unique("co").lower().replace("_", "-")
    second = unique("co2").lower().replace("_", "-")
    iam.create_account_alias(AccountAlias=first)
    listed = iam.list_account_aliases()
    assert listed["AccountAliases"] == [first]
    assert listed["IsTruncated"] is False
    # An account holds one alias: a new one replaces it.
    iam.create_account_alias(AccountAlias=second)
    assert iam.list_account_aliases()["AccountAliases"] == [second]
    expect_error(
        lambda: iam.create_account_alias(AccountAlias=second),
        "EntityAlreadyExists",
        f"The account alias {second} already exists.",
        409,
    )
    expect_error(
        lambda: iam.delete_account_alias(AccountAlias=first),
        "NoSuchEntity",
        f"The account alias {first} cannot be found.",
        404,
    )
    iam.delete_account_alias(AccountAlias=second)
    assert iam.list_account_aliases()["AccountAliases"] == []
    # The paginator sees the same single page.
    pages = list(iam.get_paginator("list_account_aliases").paginate())
    assert [a for p in pages for a in p["AccountAliases"]] == []


def test_alias_validation(iam, no_alias):
    for bad in ["Upper-case", "-lead", "dou--ble"]:
        err = expect_error(lambda: iam.create_account_alias(AccountAlias=bad), "ValidationError", None, 400)
        assert "accountAlias" in err.response["Error"]["Message"], err.response
    expect_error(
        lambda: iam.create_account_alias(AccountAlias="123456789012"),
        "InvalidInput",
        "The account alias 123456789012 cannot consist of digits only.",
        400,
    )


def test_account_summary_counts(iam, make_user):
    before = iam.get_account_summary()["SummaryMap"]
    assert set(before) == SUMMARY_KEYS
    assert before["UsersQuota"] == 5000
    assert before["AccountAccessKeysPresent"] == 1
    group = unique("sumg")
    iam.create_group(GroupName=group)
    user = make_user("sumu")
    arn = iam.create_policy(PolicyName=unique("sump"), PolicyDocument=doc(allow("s3:Get*")))["Policy"]["Arn"]
    iam.attach_group_policy(GroupName=group, PolicyArn=arn)
    after = iam.get_account_summary()["SummaryMap"]
    assert after["Users"] == before["Users"] + 1
    assert after["Groups"] == before["Groups"] + 1
    assert after["Policies"] == before["Policies"] + 1
    assert after["PolicyVersionsInUse"] == before["PolicyVersionsInUse"] + 1
    iam.detach_group_policy(GroupName=group, PolicyArn=arn)
    iam.delete_policy(PolicyArn=arn)
    iam.delete_group(GroupName=group)
    assert user.name


def _setup_entities(iam):
    """A group with policies, a user in it with a boundary and tags, a role, a 2-version policy."""
    tag = unique("gaad")
    policy_arn = iam.create_policy(
        PolicyName=f"{tag}-p", Path="/gaad/", Description="gaad test", PolicyDocument=doc(allow("s3:Get*"))
    )["Policy"]["Arn"]
    iam.create_policy_version(PolicyArn=policy_arn, PolicyDocument=doc(allow("s3:List*")), SetAsDefault=True)
    iam.create_group(GroupName=f"{tag}-g")
    iam.put_group_policy(GroupName=f"{tag}-g", PolicyName="gi", PolicyDocument=doc(allow("sqs:*")))
    iam.attach_group_policy(GroupName=f"{tag}-g", PolicyArn=policy_arn)
    iam.create_user(UserName=f"{tag}-u", PermissionsBoundary=policy_arn, Tags=[{"Key": "team", "Value": "blue"}])
    iam.add_user_to_group(GroupName=f"{tag}-g", UserName=f"{tag}-u")
    iam.put_user_policy(UserName=f"{tag}-u", PolicyName="ui", PolicyDocument=doc(allow("sns:*")))
    iam.create_role(RoleName=f"{tag}-r", AssumeRolePolicyDocument=doc(trust_service()))
    iam.put_role_policy(RoleName=f"{tag}-r", PolicyName="ri", PolicyDocument=doc(allow("ec2:*")))
    iam.attach_role_policy(RoleName=f"{tag}-r", PolicyArn=policy_arn)
    return tag, policy_arn


def _all_pages(iam, page_size, **kwargs):
    out = {"UserDetailList": [], "GroupDetailList": [], "RoleDetailList": [], "Policies": []}
    pages = iam.get_paginator("get_account_authorization_details").paginate(
        PaginationConfig={"PageSize": page_size}, **kwargs
    )
    for page in pages:
        count = sum(len(page[k]) for k in out)
        assert count <= page_size, page
        for k in out:
            out[k].extend(page[k])
    return out


def test_authorization_details_shape(iam):
    tag, policy_arn = _setup_entities(iam)
    full = _all_pages(iam, 1000)
    user = next(u for u in full["UserDetailList"] if u["UserName"] == f"{tag}-u")
    assert user["Arn"] == f"{ARN_PREFIX}:user/{tag}-u"
    assert user["GroupList"] == [f"{tag}-g"]
    assert user["UserPolicyList"] == [{"PolicyName": "ui", "PolicyDocument": allow("sns:*")}]
    assert user["AttachedManagedPolicies"] == []
    assert user["PermissionsBoundary"] == {"PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": policy_arn}
    assert user["Tags"] == [{"Key": "team", "Value": "blue"}]
    group = next(g for g in full["GroupDetailList"] if g["GroupName"] == f"{tag}-g")
    assert group["GroupPolicyList"] == [{"PolicyName": "gi", "PolicyDocument": allow("sqs:*")}]
    assert group["AttachedManagedPolicies"] == [{"PolicyName": f"{tag}-p", "PolicyArn": policy_arn}]
    role = next(r for r in full["RoleDetailList"] if r["RoleName"] == f"{tag}-r")
    assert role["AssumeRolePolicyDocument"] == trust_service()
    assert role["RolePolicyList"] == [{"PolicyName": "ri", "PolicyDocument": allow("ec2:*")}]
    assert role["InstanceProfileList"] == []
    assert role["RoleLastUsed"] == {}
    assert role["Tags"] == []
    policy = next(p for p in full["Policies"] if p["Arn"] == policy_arn)
    assert policy["DefaultVersionId"] == "v2"
    assert policy["AttachmentCount"] == 2
    assert policy["PermissionsBoundaryUsageCount"] == 1
    assert policy["Description"] == "gaad test"
    versions = {v["VersionId"]: v for v in policy["PolicyVersionList"]}
    assert versions["v2"]["Document"] == allow("s3:List*") and versions["v2"]["IsDefaultVersion"] is True
    assert versions["v1"]["Document"] == allow("s3:Get*") and versions["v1"]["IsDefaultVersion"] is False
    # The export is valid JSON for `warden import` (datetimes aside).
    json.dumps(full, default=str)


def test_authorization_details_pagination_and_filters(iam):
    tag, _ = _setup_entities(iam)
    full = _all_pages(iam, 1000)
    for size in (1, 2, 3, 7):
        assert _all_pages(iam, size) == full, size
    users_only = _all_pages(iam, 2, Filter=["User"])
    assert users_only["UserDetailList"] == full["UserDetailList"]
    assert users_only["GroupDetailList"] == users_only["RoleDetailList"] == users_only["Policies"] == []
    roles_policies = _all_pages(iam, 3, Filter=["Role", "LocalManagedPolicy"])
    assert roles_policies["RoleDetailList"] == full["RoleDetailList"]
    assert {p["Arn"] for p in roles_policies["Policies"]} == {
        p["Arn"] for p in full["Policies"] if ":aws:policy/" not in p["Arn"]
    }
    assert roles_policies["UserDetailList"] == []
    for p in _all_pages(iam, 10, Filter=["AWSManagedPolicy"])["Policies"]:
        assert p["Arn"].startswith("arn:aws:iam::aws:policy/")
    assert any(r["RoleName"] == f"{tag}-r" for r in roles_policies["RoleDetailList"])
    expect_error(
        lambda: iam.get_account_authorization_details(Marker="garbage"),
        "ValidationError",
        "Invalid Marker.",
        400,
    )


def test_account_operations_need_permission(make_user):
    user = make_user("acctdeny")
    c = user.client
    for call, action in [
        (lambda: c.get_account_summary(), "iam:GetAccountSummary"),
        (lambda: c.get_account_authorization_details(), "iam:GetAccountAuthorizationDetails"),
        (lambda: c.list_account_aliases(), "iam:ListAccountAliases"),
        (lambda: c.create_account_alias(AccountAlias="denied-co"), "iam:CreateAccountAlias"),
    ]:
        expect_error(call, "AccessDenied", denied_message(user.arn, action, "*"), 403)


def _export(iam) -> dict:
    """The merged pages, as `aws iam get-account-authorization-details` prints them."""
    merged = _all_pages(iam, 2)
    return json.loads(json.dumps(merged, default=lambda d: d.isoformat()))


def test_authorization_details_round_trip_through_warden_import():
    """What GetAccountAuthorizationDetails prints is what `warden import` loads: exporting one
    server and importing into a fresh one reproduces the same details."""
    with tempfile.TemporaryDirectory(prefix="warden-gaad-a-") as dir_a, tempfile.TemporaryDirectory(
        prefix="warden-gaad-b-"
    ) as dir_b:
        source = start_server(data_dir=dir_a)
        try:
            iam = source.client()
            _setup_entities(iam)
            exported = _export(iam)
        finally:
            source.stop()
        target = start_server(data_dir=dir_b)
        try:
            with tempfile.NamedTemporaryFile("w", suffix=".json") as f:
                json.dump(exported, f)
                f.flush()
                out = subprocess.run(
                    [warden_bin(), "import", f.name, "--account", ACCOUNT_ID, "--data-dir", dir_b],
                    capture_output=True,
                    text=True,
                    timeout=120,
                    check=False,
                )
            assert out.returncode == 0, out.stderr
            assert _export(target.client()) == exported
        finally:
            target.stop()
