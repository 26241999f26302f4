"""Pagination (api.md §1.5) of every paginated operation test_pagination.py does not cover:
MaxItems=1 followed by hand through Marker (every item exactly once, IsTruncated true with a
Marker until the last page, no Marker on the last) and botocore's paginator where it has one.

A server of its own (`private=True`), so that counts are exact."""

from __future__ import annotations

import json
import pathlib

import pytest

from helpers import allow, expect_error, trust_service
from test_credentials import make_cert, openssh, rsa_key
from test_mfa import step_now, totp
from warden_harness import ACCOUNT_ID, start_server, unique

SAML_METADATA = (pathlib.Path(__file__).resolve().parents[2] / "crates/warden-sts/tests/fixtures/saml/metadata.xml").read_text()
THUMB = "9e99a48a9960b14926bb7f3b02e22da2b0ab7280"
TAGS = [{"Key": f"k{i}", "Value": f"v{i}"} for i in range(3)]


@pytest.fixture(scope="module")
def server():
    s = start_server(private=True)
    yield s
    s.stop()


@pytest.fixture(scope="module")
def iam(server):
    return server.client()


def _walk(call, keys, **kwargs):
    """Follow Marker by hand with MaxItems=1; return (items of every key in `keys`, pages)."""
    items, pages, marker = [], [], None
    while True:
        args = dict(kwargs, MaxItems=1)
        if marker:
            args["Marker"] = marker
        out = call(**args)
        page = [i for key in keys for i in out.get(key, [])]
        pages.append(page)
        items += page
        assert isinstance(out["IsTruncated"], bool), out
        if not out["IsTruncated"]:
            assert "Marker" not in out, out
            return items, pages
        marker = out["Marker"]
        assert marker, out
        assert len(pages) < 100, "pagination does not terminate"


def check(iam, operation: str, key: str, expected: list, field=None, **kwargs):
    """`operation` lists exactly `expected` (as a multiset, in any order), one item per page by
    hand, and through botocore's paginator with PageSize 1 when botocore has one."""
    pick = (lambda i: i[field]) if field else (lambda i: i)
    items, pages = _walk(getattr(iam, operation), [key], **kwargs)
    assert len(pages) == len(expected), (operation, pages)
    assert all(len(p) == 1 for p in pages), (operation, pages)
    assert sorted(map(pick, items)) == sorted(expected), operation
    if iam.can_paginate(operation):
        pages = list(iam.get_paginator(operation).paginate(PaginationConfig={"PageSize": 1}, **kwargs))
        assert len(pages) == len(expected), operation
        assert sorted(pick(i) for p in pages for i in p[key]) == sorted(expected), operation
    return items


def _policy(iam, action: str = "s3:GetObject") -> str:
    return iam.create_policy(PolicyName=unique("pm"), PolicyDocument=json.dumps(allow(action)))["Policy"]["Arn"]


def _role(iam, **kwargs) -> str:
    name = unique("pr")
    iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust_service()), **kwargs)
    return name


def test_attached_and_inline_policies_of_groups_and_roles(iam):
    group = unique("pg")
    iam.create_group(GroupName=group)
    role = _role(iam)
    arns = [_policy(iam) for _ in range(3)]
    for arn in arns:
        iam.attach_group_policy(GroupName=group, PolicyArn=arn)
        iam.attach_role_policy(RoleName=role, PolicyArn=arn)
    check(iam, "list_attached_group_policies", "AttachedPolicies", arns, "PolicyArn", GroupName=group)
    check(iam, "list_attached_role_policies", "AttachedPolicies", arns, "PolicyArn", RoleName=role)
    names = [f"inline{i}" for i in range(3)]
    for n in names:
        iam.put_group_policy(GroupName=group, PolicyName=n, PolicyDocument=json.dumps(allow("s3:*")))
        iam.put_role_policy(RoleName=role, PolicyName=n, PolicyDocument=json.dumps(allow("s3:*")))
    # Inline policy names come back in name order (as ListUserPolicies in test_pagination.py).
    assert check(iam, "list_group_policies", "PolicyNames", names, GroupName=group) == names
    assert check(iam, "list_role_policies", "PolicyNames", names, RoleName=role) == names


def test_entities_for_policy(iam):
    arn = _policy(iam)
    user, group, role = unique("eu"), unique("eg"), _role(iam)
    iam.create_user(UserName=user)
    iam.create_group(GroupName=group)
    iam.attach_user_policy(UserName=user, PolicyArn=arn)
    iam.attach_group_policy(GroupName=group, PolicyArn=arn)
    iam.attach_role_policy(RoleName=role, PolicyArn=arn)
    keys = ["PolicyGroups", "PolicyUsers", "PolicyRoles"]
    items, pages = _walk(iam.list_entities_for_policy, keys, PolicyArn=arn)
    assert len(pages) == 3 and all(len(p) == 1 for p in pages), pages
    names = sorted(i.get("UserName") or i.get("GroupName") or i.get("RoleName") for i in items)
    assert names == sorted([user, group, role])
    pages = list(iam.get_paginator("list_entities_for_policy").paginate(PolicyArn=arn, PaginationConfig={"PageSize": 1}))
    assert len(pages) == 3
    assert sum(len(p[k]) for p in pages for k in keys) == 3


def test_groups_for_user(iam):
    user = unique("gu")
    iam.create_user(UserName=user)
    groups = [unique("gg") for _ in range(3)]
    for g in groups:
        iam.create_group(GroupName=g)
        iam.add_user_to_group(GroupName=g, UserName=user)
    check(iam, "list_groups_for_user", "Groups", groups, "GroupName", UserName=user)


def test_tags_of_roles_policies_instance_profiles_and_providers(iam):
    keys = [t["Key"] for t in TAGS]
    role = _role(iam, Tags=TAGS)
    check(iam, "list_role_tags", "Tags", keys, "Key", RoleName=role)
    arn = iam.create_policy(PolicyName=unique("tp"), PolicyDocument=json.dumps(allow("s3:*")), Tags=TAGS)["Policy"]["Arn"]
    check(iam, "list_policy_tags", "Tags", keys, "Key", PolicyArn=arn)
    profile = unique("ip")
    iam.create_instance_profile(InstanceProfileName=profile, Tags=TAGS)
    check(iam, "list_instance_profile_tags", "Tags", keys, "Key", InstanceProfileName=profile)
    oidc = iam.create_open_id_connect_provider(
        Url=f"https://{unique('oidc')}.example.com", ClientIDList=["a"], ThumbprintList=[THUMB], Tags=TAGS
    )["OpenIDConnectProviderArn"]
    check(iam, "list_open_id_connect_provider_tags", "Tags", keys, "Key", OpenIDConnectProviderArn=oidc)
    saml = iam.create_saml_provider(Name=unique("idp"), SAMLMetadataDocument=SAML_METADATA, Tags=TAGS)["SAMLProviderArn"]
    check(iam, "list_saml_provider_tags", "Tags", keys, "Key", SAMLProviderArn=saml)


def test_instance_profiles_for_role_single_page(iam):
    # A role can be in at most one instance profile (api.md §5.10): one item, one page.
    role = _role(iam)
    profile = unique("ipr")
    iam.create_instance_profile(InstanceProfileName=profile)
    iam.add_role_to_instance_profile(InstanceProfileName=profile, RoleName=role)
    out = iam.list_instance_profiles_for_role(RoleName=role, MaxItems=1)
    assert [p["InstanceProfileName"] for p in out["InstanceProfiles"]] == [profile]
    assert out["IsTruncated"] is False and "Marker" not in out
    check(iam, "list_instance_profiles_for_role", "InstanceProfiles", [profile], "InstanceProfileName", RoleName=role)


def test_mfa_devices_and_their_tags(iam):
    # AWS allows several MFA devices per user (up to 8), so ListMFADevices pages over three
    # enabled virtual devices; enabling needs two consecutive TOTP codes (computed as test_mfa.py).
    user = unique("mu")
    iam.create_user(UserName=user)
    serials = []
    for _ in range(3):
        device = iam.create_virtual_mfa_device(VirtualMFADeviceName=unique("mfa"), Tags=TAGS)["VirtualMFADevice"]
        seed = device["Base32StringSeed"].decode("ascii")
        s = step_now()
        iam.enable_mfa_device(
            UserName=user,
            SerialNumber=device["SerialNumber"],
            AuthenticationCode1=totp(seed, s - 2),
            AuthenticationCode2=totp(seed, s - 1),
        )
        serials.append(device["SerialNumber"])
    check(iam, "list_mfa_devices", "MFADevices", serials, "SerialNumber", UserName=user)
    check(iam, "list_mfa_device_tags", "Tags", [t["Key"] for t in TAGS], "Key", SerialNumber=serials[0])


def test_ssh_keys_signing_certificates_and_service_credentials(iam):
    user = unique("cu")
    iam.create_user(UserName=user)
    ssh = [iam.upload_ssh_public_key(UserName=user, SSHPublicKeyBody=openssh(rsa_key()))["SSHPublicKey"]["SSHPublicKeyId"] for _ in range(3)]
    check(iam, "list_ssh_public_keys", "SSHPublicKeys", ssh, "SSHPublicKeyId", UserName=user)
    # Two signing certificates per user is the quota (api.md §5.15).
    certs = [
        iam.upload_signing_certificate(UserName=user, CertificateBody=make_cert(rsa_key()))["Certificate"]["CertificateId"]
        for _ in range(2)
    ]
    check(iam, "list_signing_certificates", "Certificates", certs, "CertificateId", UserName=user)
    # Two credentials per service per user is the quota: two services give three.
    creds = [
        iam.create_service_specific_credential(UserName=user, ServiceName=service)["ServiceSpecificCredential"][
            "ServiceSpecificCredentialId"
        ]
        for service in ("codecommit.amazonaws.com", "codecommit.amazonaws.com", "cassandra.amazonaws.com")
    ]
    check(iam, "list_service_specific_credentials", "ServiceSpecificCredentials", creds, "ServiceSpecificCredentialId", UserName=user)


def test_simulate_principal_policy(iam):
    user = unique("su")
    iam.create_user(UserName=user)
    iam.put_user_policy(UserName=user, PolicyName="p", PolicyDocument=json.dumps(allow("s3:GetObject")))
    arn = f"arn:aws:iam::{ACCOUNT_ID}:user/{user}"
    actions = ["s3:GetObject", "s3:PutObject", "iam:ListUsers"]
    items = check(iam, "simulate_principal_policy", "EvaluationResults", actions, "EvalActionName", PolicySourceArn=arn, ActionNames=actions)
    decisions = {r["EvalActionName"]: r["EvalDecision"] for r in items}
    assert decisions == {"s3:GetObject": "allowed", "s3:PutObject": "implicitDeny", "iam:ListUsers": "implicitDeny"}


def test_service_last_accessed_details(iam):
    user = unique("la")
    iam.create_user(UserName=user)
    arn = f"arn:aws:iam::{ACCOUNT_ID}:user/{user}"
    iam.put_user_policy(UserName=user, PolicyName="p", PolicyDocument=json.dumps(allow(["s3:GetObject", "ec2:DescribeInstances", "sqs:SendMessage"])))
    job = iam.generate_service_last_accessed_details(Arn=arn)["JobId"]
    items, pages = _walk(iam.get_service_last_accessed_details, ["ServicesLastAccessed"], JobId=job)
    assert all(len(p) == 1 for p in pages), pages
    assert sorted(s["ServiceNamespace"] for s in items) == ["ec2", "s3", "sqs"]


def test_service_last_accessed_details_with_entities(iam):
    arn = _policy(iam)
    users = [unique("we") for _ in range(3)]
    for u in users:
        iam.create_user(UserName=u)
        iam.attach_user_policy(UserName=u, PolicyArn=arn)
    job = iam.generate_service_last_accessed_details(Arn=arn)["JobId"]
    items, pages = _walk(iam.get_service_last_accessed_details_with_entities, ["EntityDetailsList"], JobId=job, ServiceNamespace="s3")
    assert all(len(p) == 1 for p in pages), pages
    assert sorted(e["EntityInfo"]["Name"] for e in items) == sorted(users)


def test_policies_granting_service_access_is_one_page(iam):
    # The input has a Marker but no MaxItems: a principal's policies fit in one page.
    user = unique("gs")
    iam.create_user(UserName=user)
    for n in range(3):
        iam.put_user_policy(UserName=user, PolicyName=f"p{n}", PolicyDocument=json.dumps(allow("s3:GetObject")))
    out = iam.list_policies_granting_service_access(Arn=f"arn:aws:iam::{ACCOUNT_ID}:user/{user}", ServiceNamespaces=["s3"])
    assert out["IsTruncated"] is False and "Marker" not in out
    [entry] = out["PoliciesGrantingServiceAccess"]
    assert entry["ServiceNamespace"] == "s3"
    assert sorted(p["PolicyName"] for p in entry["Policies"]) == ["p0", "p1", "p2"]


def test_delegation_requests_are_one_empty_page(iam):
    out = iam.list_delegation_requests(MaxItems=1)
    assert out.get("DelegationRequests", []) == []
    # The model spells the flag `isTruncated` (lower case); botocore parses it by that name.
    assert out["isTruncated"] is False
    assert "Marker" not in out


def test_organizations_access_report_has_no_pages(iam):
    # Warden's account is in no organization: the job fails (test_tier3.py), and a failed
    # report is one page with no access details, whatever MaxItems asks.
    job = iam.generate_organizations_access_report(EntityPath="o-a1b2c3d4e5/r-f6g7h8i9j0example")["JobId"]
    out = iam.get_organizations_access_report(JobId=job, MaxItems=1)
    assert out["JobStatus"] == "FAILED"
    assert out["ErrorDetails"]["Code"] == "AWSOrganizationsNotInUseException"
    assert out.get("AccessDetails", []) == []
    assert out.get("IsTruncated", False) is False
    assert "Marker" not in out


def test_invalid_marker(iam):
    role = _role(iam, Tags=TAGS)
    expect_error(lambda: iam.list_role_tags(RoleName=role, Marker="certainly-not-a-marker"), "ValidationError", "Invalid Marker.", 400)
    user = unique("im")
    iam.create_user(UserName=user)
    expect_error(lambda: iam.list_groups_for_user(UserName=user, Marker="certainly-not-a-marker"), "ValidationError", "Invalid Marker.", 400)
