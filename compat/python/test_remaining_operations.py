"""boto3 tests of the last operations without one (issue 5 item 8): response fields and errors of
DisableOutboundWebIdentityFederation (api.md §5.21), GetContextKeysForPrincipalPolicy (§5.17),
TagOpenIDConnectProvider / ListOpenIDConnectProviderTags / UntagOpenIDConnectProvider (§5.13)
and UpdateRoleDescription (§5.3).

A server of its own (`private=True`): outbound federation is account-wide state."""

from __future__ import annotations

import json

import pytest

from helpers import allow, denied_message, expect_error, trust_service
from warden_harness import ACCOUNT_ID, start_server, unique

FEATURE_DISABLED = "Outbound web identity federation is not enabled for this account."
THUMB = "9e99a48a9960b14926bb7f3b02e22da2b0ab7280"


@pytest.fixture(scope="module")
def server():
    s = start_server(private=True)
    yield s
    s.stop()


@pytest.fixture(scope="module")
def iam(server):
    return server.client()


def _user_client(server, iam, document: dict | None = None):
    """A new user (with an optional inline policy) and a client signed with its key."""
    name = unique("ro")
    arn = iam.create_user(UserName=name)["User"]["Arn"]
    if document is not None:
        iam.put_user_policy(UserName=name, PolicyName="p", PolicyDocument=json.dumps(document))
    key = iam.create_access_key(UserName=name)["AccessKey"]
    return arn, server.client(key["AccessKeyId"], key["SecretAccessKey"])


# ---- DisableOutboundWebIdentityFederation (§5.21)


def test_disable_outbound_web_identity_federation(server, iam):
    sts = server.client(service="sts")
    # Never enabled: disabling is FeatureDisabled (404).
    expect_error(iam.disable_outbound_web_identity_federation, "FeatureDisabled", FEATURE_DISABLED, 404)
    issuer = iam.enable_outbound_web_identity_federation()["IssuerIdentifier"]
    assert issuer == f"{server.url}/oidc/{ACCOUNT_ID}"
    info = iam.get_outbound_web_identity_federation_info()
    assert (info["IssuerIdentifier"], info["JwtVendingEnabled"]) == (issuer, True)
    sts.get_web_identity_token(Audience=["https://api.example.com"], SigningAlgorithm="RS256")

    out = iam.disable_outbound_web_identity_federation()
    assert out["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert set(out) == {"ResponseMetadata"}
    expect_error(iam.get_outbound_web_identity_federation_info, "FeatureDisabled", FEATURE_DISABLED, 404)
    err = expect_error(
        lambda: sts.get_web_identity_token(Audience=["https://api.example.com"], SigningAlgorithm="RS256"),
        "OutboundWebIdentityFederationDisabledException",
        None,
        403,
    )
    assert err.response["Error"]["Message"]
    # Disabled twice: FeatureDisabled again.
    expect_error(iam.disable_outbound_web_identity_federation, "FeatureDisabled", FEATURE_DISABLED, 404)
    # It can be enabled again, with the same issuer.
    assert iam.enable_outbound_web_identity_federation()["IssuerIdentifier"] == issuer
    iam.disable_outbound_web_identity_federation()


def test_disable_outbound_web_identity_federation_is_authorized(server, iam):
    arn, client = _user_client(server, iam)
    action = "iam:DisableOutboundWebIdentityFederation"
    expect_error(client.disable_outbound_web_identity_federation, "AccessDenied", denied_message(arn, action, "*"), 403)


# ---- GetContextKeysForPrincipalPolicy (§5.17)


def test_get_context_keys_for_principal_policy(iam):
    user = unique("ck")
    arn = iam.create_user(UserName=user)["User"]["Arn"]
    iam.put_user_policy(
        UserName=user,
        PolicyName="inline",
        PolicyDocument=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Action": "s3:*",
                        "Resource": "arn:aws:s3:::${aws:username}/*",
                        "Condition": {"StringEquals": {"s3:prefix": "home"}},
                    }
                ],
            }
        ),
    )
    assert iam.get_context_keys_for_principal_policy(PolicySourceArn=arn)["ContextKeyNames"] == ["aws:username", "s3:prefix"]

    # Attached managed policies and the extra PolicyInputList documents count too.
    managed = iam.create_policy(
        PolicyName=unique("ckm"),
        PolicyDocument=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": {"Effect": "Allow", "Action": "ec2:*", "Resource": "*", "Condition": {"StringEquals": {"ec2:Region": "eu-west-1"}}},
            }
        ),
    )["Policy"]["Arn"]
    iam.attach_user_policy(UserName=user, PolicyArn=managed)
    extra = '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}}'
    keys = iam.get_context_keys_for_principal_policy(PolicySourceArn=arn, PolicyInputList=[extra])["ContextKeyNames"]
    assert sorted(keys) == sorted(["aws:username", "s3:prefix", "ec2:Region", "aws:SecureTransport"])
    assert len(keys) == len(set(keys))

    # A principal without policies has no keys.
    bare = iam.create_user(UserName=unique("ck0"))["User"]["Arn"]
    assert iam.get_context_keys_for_principal_policy(PolicySourceArn=bare).get("ContextKeyNames", []) == []


def test_get_context_keys_for_principal_policy_errors(iam):
    expect_error(
        lambda: iam.get_context_keys_for_principal_policy(PolicySourceArn=f"arn:aws:iam::{ACCOUNT_ID}:user/nobody-ck"),
        "NoSuchEntity",
        "The user with name nobody-ck cannot be found.",
        404,
    )
    expect_error(
        lambda: iam.get_context_keys_for_principal_policy(PolicySourceArn="notanarnatall-xxxxxxxxxxxx"),
        "InvalidInput",
        "Invalid Entity Arn: notanarnatall-xxxxxxxxxxxx",
        400,
    )
    arn = iam.create_user(UserName=unique("ckx"))["User"]["Arn"]
    expect_error(
        lambda: iam.get_context_keys_for_principal_policy(PolicySourceArn=arn, PolicyInputList=["not json"]),
        "MalformedPolicyDocument",
        "Syntax errors in policy.",
        400,
    )


# ---- Tag / ListTags / Untag of OpenID Connect providers (§5.13)


def test_open_id_connect_provider_tags(iam):
    arn = iam.create_open_id_connect_provider(Url=f"https://{unique('oidc')}.example.com", ClientIDList=["a"], ThumbprintList=[THUMB])[
        "OpenIDConnectProviderArn"
    ]
    listed = iam.list_open_id_connect_provider_tags(OpenIDConnectProviderArn=arn)
    assert (listed["Tags"], listed["IsTruncated"]) == ([], False)
    out = iam.tag_open_id_connect_provider(OpenIDConnectProviderArn=arn, Tags=[{"Key": "Team", "Value": "blue"}, {"Key": "env", "Value": "dev"}])
    assert set(out) == {"ResponseMetadata"}
    listed = iam.list_open_id_connect_provider_tags(OpenIDConnectProviderArn=arn)
    assert sorted(listed["Tags"], key=lambda t: t["Key"]) == [{"Key": "Team", "Value": "blue"}, {"Key": "env", "Value": "dev"}]
    assert listed["IsTruncated"] is False and "Marker" not in listed
    # Tagging an existing key replaces its value.
    iam.tag_open_id_connect_provider(OpenIDConnectProviderArn=arn, Tags=[{"Key": "env", "Value": "prod"}])
    tags = {t["Key"]: t["Value"] for t in iam.list_open_id_connect_provider_tags(OpenIDConnectProviderArn=arn)["Tags"]}
    assert tags == {"Team": "blue", "env": "prod"}
    # Untagging a key that is absent is not an error.
    out = iam.untag_open_id_connect_provider(OpenIDConnectProviderArn=arn, TagKeys=["env", "absent"])
    assert set(out) == {"ResponseMetadata"}
    assert iam.list_open_id_connect_provider_tags(OpenIDConnectProviderArn=arn)["Tags"] == [{"Key": "Team", "Value": "blue"}]
    # GetOpenIDConnectProvider shows the same tags.
    assert iam.get_open_id_connect_provider(OpenIDConnectProviderArn=arn)["Tags"] == [{"Key": "Team", "Value": "blue"}]


def test_open_id_connect_provider_tag_errors(iam):
    arn = iam.create_open_id_connect_provider(Url=f"https://{unique('oidc')}.example.com", ClientIDList=["a"], ThumbprintList=[THUMB])[
        "OpenIDConnectProviderArn"
    ]
    expect_error(
        lambda: iam.tag_open_id_connect_provider(OpenIDConnectProviderArn=arn, Tags=[{"Key": "aws:x", "Value": "1"}]),
        "InvalidInput",
        "Tag keys starting with 'aws:' are reserved for internal use.",
        400,
    )
    expect_error(
        lambda: iam.tag_open_id_connect_provider(OpenIDConnectProviderArn=arn, Tags=[{"Key": f"k{i}", "Value": "1"} for i in range(51)]),
        "LimitExceeded",
        "The number of tags has reached the maximum limit.",
        409,
    )
    assert iam.list_open_id_connect_provider_tags(OpenIDConnectProviderArn=arn)["Tags"] == []
    missing = f"arn:aws:iam::{ACCOUNT_ID}:oidc-provider/{unique('none')}.example.com"
    message = f"OpenIDConnect Provider not found for arn {missing}"
    expect_error(lambda: iam.tag_open_id_connect_provider(OpenIDConnectProviderArn=missing, Tags=[{"Key": "a", "Value": "1"}]), "NoSuchEntity", message, 404)
    expect_error(lambda: iam.untag_open_id_connect_provider(OpenIDConnectProviderArn=missing, TagKeys=["a"]), "NoSuchEntity", message, 404)
    expect_error(lambda: iam.list_open_id_connect_provider_tags(OpenIDConnectProviderArn=missing), "NoSuchEntity", message, 404)


# ---- UpdateRoleDescription (§5.3)


def test_update_role_description(iam):
    name = unique("urd")
    trust = trust_service()
    created = iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust), Description="before")["Role"]
    role = iam.update_role_description(RoleName=name, Description="after")["Role"]
    for field in ("Path", "RoleName", "RoleId", "Arn", "CreateDate"):
        assert role[field] == created[field], field
    assert role["AssumeRolePolicyDocument"] == trust
    assert role["Description"] == "after"
    assert iam.get_role(RoleName=name)["Role"]["Description"] == "after"


def test_update_role_description_of_a_service_linked_role(iam):
    # AWS lets the description of a service-linked role be edited (IAM User Guide, "Editing a
    # service-linked role description"), unlike its trust policy.
    created = iam.create_service_linked_role(AWSServiceName="elasticbeanstalk.amazonaws.com")["Role"]
    role = iam.update_role_description(RoleName=created["RoleName"], Description="edited")["Role"]
    assert (role["Arn"], role["Description"]) == (created["Arn"], "edited")


def test_update_role_description_errors(server, iam):
    expect_error(
        lambda: iam.update_role_description(RoleName="no-such-role-urd", Description="x"),
        "NoSuchEntity",
        "The role with name no-such-role-urd cannot be found.",
        404,
    )
    name = unique("urde")
    iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust_service()))
    expect_error(
        lambda: iam.update_role_description(RoleName=name, Description="x" * 1001),
        "ValidationError",
        "1 validation error detected: Value at 'description' failed to satisfy constraint: Member must have length less than or equal to 1000",
        400,
    )
    arn, client = _user_client(server, iam, allow("iam:GetRole"))
    role_arn = f"arn:aws:iam::{ACCOUNT_ID}:role/{name}"
    expect_error(
        lambda: client.update_role_description(RoleName=name, Description="x"),
        "AccessDenied",
        denied_message(arn, "iam:UpdateRoleDescription", role_arn),
        403,
    )
    assert "Description" not in iam.get_role(RoleName=name)["Role"]
