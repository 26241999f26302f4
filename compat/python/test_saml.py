"""SAML providers and AssumeRoleWithSAML through boto3 (api.md §5.14, §6.4).

The signed responses are pre-signed fixtures made by an independent XML-DSig implementation
(signxml, crates/warden-sts/tests/fixtures/saml/make_fixture.py) with a validity window
2020-2099; their Role attribute names SamlFixtureRole and FixtureIdP of account
123456789012, which this module creates (and removes at the end).
"""

from __future__ import annotations

import base64
import hashlib
import json
import pathlib

import boto3
import botocore
import pytest
from botocore.config import Config

from helpers import expect_error
from warden_harness import ACCOUNT_ID, unique

FIXTURES = pathlib.Path(__file__).resolve().parents[2] / "crates/warden-sts/tests/fixtures/saml"
PROVIDER_NAME = "FixtureIdP"
PROVIDER_ARN = f"arn:aws:iam::{ACCOUNT_ID}:saml-provider/{PROVIDER_NAME}"
ROLE_NAME = "SamlFixtureRole"
ROLE_ARN = f"arn:aws:iam::{ACCOUNT_ID}:role/{ROLE_NAME}"
ENTITY_ID = "https://idp.fixture.example/saml"


def _read(name: str) -> str:
    return (FIXTURES / name).read_text()


def _assertion(name: str = "response_signed_assertion.xml") -> str:
    return base64.b64encode(_read(name).encode()).decode()


def _trust(condition: dict | None = None) -> str:
    statement = {
        "Effect": "Allow",
        "Principal": {"Federated": PROVIDER_ARN},
        "Action": ["sts:AssumeRoleWithSAML", "sts:TagSession", "sts:SetSourceIdentity"],
    }
    if condition:
        statement["Condition"] = condition
    return json.dumps({"Version": "2012-10-17", "Statement": [statement]})


@pytest.fixture(scope="module")
def provider(iam):
    arn = iam.create_saml_provider(Name=PROVIDER_NAME, SAMLMetadataDocument=_read("metadata.xml"))[
        "SAMLProviderArn"
    ]
    iam.create_role(
        RoleName=ROLE_NAME,
        AssumeRolePolicyDocument=_trust({"StringEquals": {"saml:aud": "https://signin.aws.amazon.com/saml"}}),
    )
    yield arn
    iam.delete_role(RoleName=ROLE_NAME)
    iam.delete_saml_provider(SAMLProviderArn=arn)


@pytest.fixture(scope="module")
def unsigned_sts(warden):
    """An STS client that never signs (as an IdP-side script without AWS credentials)."""
    return boto3.session.Session(region_name="us-east-1").client(
        "sts",
        endpoint_url=warden.url,
        config=Config(signature_version=botocore.UNSIGNED, retries={"max_attempts": 1}),
    )


def test_provider_crud_and_tags(iam):
    name = unique("idp")
    arn = iam.create_saml_provider(
        Name=name,
        SAMLMetadataDocument=_read("metadata.xml"),
        Tags=[{"Key": "team", "Value": "identity"}],
    )["SAMLProviderArn"]
    assert arn == f"arn:aws:iam::{ACCOUNT_ID}:saml-provider/{name}"
    got = iam.get_saml_provider(SAMLProviderArn=arn)
    assert got["SAMLMetadataDocument"] == _read("metadata.xml")
    assert got["ValidUntil"].year == 2099
    assert got["Tags"] == [{"Key": "team", "Value": "identity"}]
    assert len(got["SAMLProviderUUID"]) >= 22
    listed = {p["Arn"]: p for p in iam.list_saml_providers()["SAMLProviderList"]}
    assert listed[arn]["ValidUntil"].year == 2099
    iam.tag_saml_provider(SAMLProviderArn=arn, Tags=[{"Key": "Team", "Value": "x"}])
    iam.untag_saml_provider(SAMLProviderArn=arn, TagKeys=["team"])
    assert iam.list_saml_provider_tags(SAMLProviderArn=arn)["Tags"] == [{"Key": "Team", "Value": "x"}]
    no_valid_until = _read("metadata.xml").replace(' validUntil="2099-01-01T00:00:00Z"', "")
    assert iam.update_saml_provider(SAMLProviderArn=arn, SAMLMetadataDocument=no_valid_until)[
        "SAMLProviderArn"
    ] == arn
    assert iam.get_saml_provider(SAMLProviderArn=arn)["ValidUntil"].year > 2100
    iam.delete_saml_provider(SAMLProviderArn=arn)
    expect_error(
        lambda: iam.get_saml_provider(SAMLProviderArn=arn),
        "NoSuchEntity",
        f"Manifest not found for arn {arn}",
        404,
    )


def test_invalid_metadata_is_refused(iam):
    expect_error(
        lambda: iam.create_saml_provider(Name=unique("idp"), SAMLMetadataDocument="<html>" + "x" * 1000 + "</html>"),
        "InvalidInput",
        "Could not parse metadata",
        400,
    )


def test_assume_role_with_saml(provider, sts, unsigned_sts, warden):
    for client in (sts, unsigned_sts):
        out = client.assume_role_with_saml(
            RoleArn=ROLE_ARN, PrincipalArn=provider, SAMLAssertion=_assertion(), DurationSeconds=900
        )
        creds = out["Credentials"]
        assert creds["AccessKeyId"].startswith("ASIA")
        assert out["AssumedRoleUser"]["Arn"] == (
            f"arn:aws:sts::{ACCOUNT_ID}:assumed-role/{ROLE_NAME}/alice@fixture.example"
        )
        assert out["Subject"] == "alice@fixture.example"
        assert out["SubjectType"] == "persistent"
        assert out["Issuer"] == ENTITY_ID
        assert out["Audience"] == "https://signin.aws.amazon.com/saml"
        expected = base64.b64encode(
            hashlib.sha1(f"{ENTITY_ID}{ACCOUNT_ID}/{PROVIDER_NAME}".encode()).digest()
        ).decode()
        assert out["NameQualifier"] == expected
        assert out["SourceIdentity"] == "alice"
        assert out["PackedPolicySize"] >= 1
    # The credentials work.
    session = warden.client(
        creds["AccessKeyId"], creds["SecretAccessKey"], service="sts", session_token=creds["SessionToken"]
    )
    assert session.get_caller_identity()["Arn"] == out["AssumedRoleUser"]["Arn"]


def test_refused_assertions(provider, unsigned_sts):
    tampered = _read("response_signed_assertion.xml").replace(
        ">alice@fixture.example</saml:NameID>", ">mallory@fixture.example</saml:NameID>"
    )
    expect_error(
        lambda: unsigned_sts.assume_role_with_saml(
            RoleArn=ROLE_ARN,
            PrincipalArn=provider,
            SAMLAssertion=base64.b64encode(tampered.encode()).decode(),
        ),
        "InvalidIdentityToken",
        "Response signature invalid",
        400,
    )
    expect_error(
        lambda: unsigned_sts.assume_role_with_saml(
            RoleArn=ROLE_ARN,
            PrincipalArn=f"arn:aws:iam::{ACCOUNT_ID}:saml-provider/Nope",
            SAMLAssertion=_assertion(),
        ),
        "InvalidIdentityToken",
        "Specified provider doesn't exist",
        400,
    )
    # A role the assertion does not list.
    expect_error(
        lambda: unsigned_sts.assume_role_with_saml(
            RoleArn=f"arn:aws:iam::{ACCOUNT_ID}:role/NotListed",
            PrincipalArn=provider,
            SAMLAssertion=_assertion(),
        ),
        "AccessDenied",
        "Not authorized to perform sts:AssumeRoleWithSAML",
        403,
    )


def test_trust_policy_conditions_on_saml_keys(iam, provider, unsigned_sts):
    iam.update_assume_role_policy(
        RoleName=ROLE_NAME, PolicyDocument=_trust({"StringEquals": {"saml:sub": "bob@fixture.example"}})
    )
    try:
        expect_error(
            lambda: unsigned_sts.assume_role_with_saml(
                RoleArn=ROLE_ARN, PrincipalArn=provider, SAMLAssertion=_assertion("response_signed_response.xml")
            ),
            "AccessDenied",
            "Not authorized to perform sts:AssumeRoleWithSAML",
            403,
        )
        iam.update_assume_role_policy(
            RoleName=ROLE_NAME,
            PolicyDocument=_trust(
                {"StringEquals": {"saml:sub": "alice@fixture.example", "saml:edupersonaffiliation": "staff"}}
            ),
        )
        out = unsigned_sts.assume_role_with_saml(
            RoleArn=ROLE_ARN, PrincipalArn=provider, SAMLAssertion=_assertion("response_signed_response.xml")
        )
        assert out["Subject"] == "alice@fixture.example"
    finally:
        iam.update_assume_role_policy(RoleName=ROLE_NAME, PolicyDocument=_trust())


def test_session_keeps_saml_keys(iam, provider, unsigned_sts, warden):
    """After the call, saml:sub, saml:sub_type and saml:namequalifier remain available to the
    session's policies (policy.md); other saml:* keys do not."""
    qualifier = base64.b64encode(hashlib.sha1(f"{ENTITY_ID}{ACCOUNT_ID}/{PROVIDER_NAME}".encode()).digest()).decode()
    policy = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Action": "iam:GetRole",
                "Resource": "*",
                "Condition": {
                    "StringEquals": {
                        "saml:sub": "alice@fixture.example",
                        "saml:sub_type": "persistent",
                        "saml:namequalifier": qualifier,
                    }
                },
            },
            {
                "Effect": "Allow",
                "Action": "iam:ListRoles",
                "Resource": "*",
                "Condition": {"StringEquals": {"saml:iss": ENTITY_ID}},
            },
        ],
    }
    iam.put_role_policy(RoleName=ROLE_NAME, PolicyName="saml-keys", PolicyDocument=json.dumps(policy))
    try:
        creds = unsigned_sts.assume_role_with_saml(
            RoleArn=ROLE_ARN, PrincipalArn=provider, SAMLAssertion=_assertion()
        )["Credentials"]
        session_iam = warden.client(
            creds["AccessKeyId"], creds["SecretAccessKey"], session_token=creds["SessionToken"]
        )
        assert session_iam.get_role(RoleName=ROLE_NAME)["Role"]["Arn"] == ROLE_ARN
        # saml:iss is a trust-evaluation key only: absent in the session, so no match.
        err = expect_error(lambda: session_iam.list_roles(), "AccessDenied", None, 403)
        assert "iam:ListRoles" in err.response["Error"]["Message"]
    finally:
        iam.delete_role_policy(RoleName=ROLE_NAME, PolicyName="saml-keys")


def test_encrypted_assertions(iam, provider, unsigned_sts):
    """Assertions encrypted to the provider's private key (pyca/cryptography made the
    fixtures, make_encrypted_fixture.py): decrypted, verified, and the key managed with
    AddPrivateKey / RemovePrivateKey; the key itself is never returned."""
    iam.update_saml_provider(SAMLProviderArn=provider, AddPrivateKey=_read("sp_private_key.pem"))
    try:
        got = iam.get_saml_provider(SAMLProviderArn=provider)
        keys = got["PrivateKeyList"]
        assert len(keys) == 1
        assert len(keys[0]["KeyId"]) >= 22 and keys[0]["KeyId"].isalnum()
        assert keys[0]["Timestamp"].year >= 2026
        assert "PRIVATE KEY" not in json.dumps(got, default=str)
        for name in ("response_encrypted_cbc.xml", "response_encrypted_gcm.xml"):
            out = unsigned_sts.assume_role_with_saml(
                RoleArn=ROLE_ARN, PrincipalArn=provider, SAMLAssertion=_assertion(name)
            )
            assert out["Subject"] == "alice@fixture.example"
            assert out["Credentials"]["AccessKeyId"].startswith("ASIA")
    finally:
        for key in iam.get_saml_provider(SAMLProviderArn=provider).get("PrivateKeyList", []):
            iam.update_saml_provider(SAMLProviderArn=provider, RemovePrivateKey=key["KeyId"])
    assert "PrivateKeyList" not in iam.get_saml_provider(SAMLProviderArn=provider)
    # Without a key the encrypted assertion cannot be read.
    expect_error(
        lambda: unsigned_sts.assume_role_with_saml(
            RoleArn=ROLE_ARN, PrincipalArn=provider, SAMLAssertion=_assertion("response_encrypted_cbc.xml")
        ),
        "InvalidIdentityToken",
        None,
        400,
    )
