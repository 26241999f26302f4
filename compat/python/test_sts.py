"""STS through boto3 (api.md §6, §7): AssumeRole and calls with the session credentials,
GetCallerIdentity shapes, GetSessionToken, GetFederationToken, GetAccessKeyInfo and errors."""

from __future__ import annotations

import datetime as dt
import json

import botocore.exceptions
import pytest

from warden_harness import unique


def _doc(*actions: str) -> str:
    return json.dumps(
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": list(actions), "Resource": "*"}]}
    )


def _trust(principal: str) -> str:
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": {"AWS": principal},
                    "Action": ["sts:AssumeRole", "sts:TagSession"],
                }
            ],
        }
    )


def _error(excinfo) -> tuple[int, str, str]:
    err = excinfo.value.response
    return (
        err["ResponseMetadata"]["HTTPStatusCode"],
        err["Error"]["Code"],
        err["Error"]["Message"],
    )


@pytest.fixture
def make_role(iam, account_id):
    def make(policy: str | None = None, trust: str | None = None, **kwargs):
        name = unique("r")
        role = iam.create_role(
            RoleName=name,
            AssumeRolePolicyDocument=trust or _trust(f"arn:aws:iam::{account_id}:root"),
            **kwargs,
        )["Role"]
        if policy:
            iam.put_role_policy(RoleName=name, PolicyName="p", PolicyDocument=policy)
        return role

    return make


def _session_clients(warden, creds):
    args = (creds["AccessKeyId"], creds["SecretAccessKey"])
    return (
        warden.client(*args, session_token=creds["SessionToken"]),
        warden.client(*args, service="sts", session_token=creds["SessionToken"]),
    )


def test_caller_identity_of_root_and_user(warden, sts, make_user, account_id):
    me = sts.get_caller_identity()
    assert (me["UserId"], me["Account"], me["Arn"]) == (account_id, account_id, f"arn:aws:iam::{account_id}:root")
    user = make_user()
    user_sts = warden.client(user.access_key_id, user.secret_access_key, service="sts")
    me = user_sts.get_caller_identity()
    assert (me["UserId"], me["Account"], me["Arn"]) == (user.user_id, account_id, user.arn)


def test_assume_role_and_call_with_the_session(warden, sts, make_role, account_id):
    role = make_role(policy=_doc("iam:GetRole", "iam:ListRoles"))
    out = sts.assume_role(RoleArn=role["Arn"], RoleSessionName="boto")
    creds = out["Credentials"]
    assert creds["AccessKeyId"].startswith("ASIA") and len(creds["AccessKeyId"]) == 20
    assert len(creds["SecretAccessKey"]) == 40
    assert isinstance(creds["Expiration"], dt.datetime)
    assert out["AssumedRoleUser"] == {
        "AssumedRoleId": f"{role['RoleId']}:boto",
        "Arn": f"arn:aws:sts::{account_id}:assumed-role/{role['RoleName']}/boto",
    }
    assert "PackedPolicySize" not in out

    session_iam, session_sts = _session_clients(warden, creds)
    me = session_sts.get_caller_identity()
    assert me["Arn"] == out["AssumedRoleUser"]["Arn"]
    assert me["UserId"] == f"{role['RoleId']}:boto"
    assert me["Account"] == account_id
    assert session_iam.get_role(RoleName=role["RoleName"])["Role"]["RoleId"] == role["RoleId"]
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        session_iam.list_users()
    status, code, message = _error(excinfo)
    assert (status, code) == (403, "AccessDenied")
    assert message.startswith(f"User: {me['Arn']} is not authorized to perform: iam:ListUsers")


def test_session_policy_narrows_the_role(warden, sts, make_role):
    role = make_role(policy=_doc("iam:GetRole", "iam:ListRoles"))
    out = sts.assume_role(RoleArn=role["Arn"], RoleSessionName="narrow", Policy=_doc("iam:GetRole"))
    assert out["PackedPolicySize"] > 0
    session_iam, _ = _session_clients(warden, out["Credentials"])
    session_iam.get_role(RoleName=role["RoleName"])
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        session_iam.list_roles()
    status, code, message = _error(excinfo)
    assert (status, code) == (403, "AccessDenied")
    assert message.endswith("because no session policy allows the iam:ListRoles action")


def test_untrusted_caller_and_missing_role(sts, make_user, make_role, warden, account_id):
    role = make_role(trust=_trust(f"arn:aws:iam::{account_id}:root"))
    user = make_user()
    user_sts = warden.client(user.access_key_id, user.secret_access_key, service="sts")
    for arn in (role["Arn"], f"arn:aws:iam::{account_id}:role/{unique('missing')}"):
        with pytest.raises(botocore.exceptions.ClientError) as excinfo:
            user_sts.assume_role(RoleArn=arn, RoleSessionName="nope")
        assert _error(excinfo) == (
            403,
            "AccessDenied",
            f"User: {user.arn} is not authorized to perform: sts:AssumeRole on resource: {arn}",
        )


def test_assume_role_validation_errors(sts, make_role):
    role = make_role()
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        sts.assume_role(RoleArn="nothing-valid-in-here", RoleSessionName="xx")
    assert _error(excinfo) == (400, "ValidationError", "nothing-valid-in-here is invalid")
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        sts.assume_role(RoleArn=role["Arn"], RoleSessionName="xx", DurationSeconds=7200)
    assert _error(excinfo) == (
        400,
        "ValidationError",
        "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
    )
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        sts.assume_role(
            RoleArn=role["Arn"],
            RoleSessionName="xx",
            Tags=[{"Key": "a", "Value": "1"}, {"Key": "A", "Value": "2"}],
        )
    assert _error(excinfo) == (
        400,
        "InvalidParameterValue",
        "Duplicate tag keys found. Please note that Tag keys are case insensitive.",
    )


def test_role_chaining_is_capped(warden, sts, make_role):
    role = make_role(policy=_doc("sts:AssumeRole"), MaxSessionDuration=7200)
    first = sts.assume_role(RoleArn=role["Arn"], RoleSessionName="first", DurationSeconds=7200)
    _, session_sts = _session_clients(warden, first["Credentials"])
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        session_sts.assume_role(RoleArn=role["Arn"], RoleSessionName="second", DurationSeconds=3601)
    assert _error(excinfo) == (
        400,
        "ValidationError",
        "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
    )
    second = session_sts.assume_role(RoleArn=role["Arn"], RoleSessionName="second")
    assert second["AssumedRoleUser"]["Arn"].endswith("/second")


def test_forged_token_is_refused(warden, sts, make_role):
    role = make_role()
    creds = dict(sts.assume_role(RoleArn=role["Arn"], RoleSessionName="forge")["Credentials"])
    token = creds["SessionToken"]
    creds["SessionToken"] = token[:50] + ("A" if token[50] != "A" else "B") + token[51:]
    _, session_sts = _session_clients(warden, creds)
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        session_sts.get_caller_identity()
    assert _error(excinfo) == (403, "InvalidClientTokenId", "The security token included in the request is invalid.")


def test_get_session_token(warden, make_user):
    user = make_user()
    user_sts = warden.client(user.access_key_id, user.secret_access_key, service="sts")
    creds = user_sts.get_session_token(DurationSeconds=900)["Credentials"]
    session_iam, session_sts = _session_clients(warden, creds)
    me = session_sts.get_caller_identity()
    assert (me["Arn"], me["UserId"]) == (user.arn, user.user_id)
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        session_sts.get_session_token()
    assert _error(excinfo) == (403, "AccessDenied", "Cannot call GetSessionToken with session credentials")
    # Without MFA the session calls no IAM operation (api.md §7.6).
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        session_iam.list_roles()
    assert _error(excinfo)[1] == "AccessDenied"


def test_get_federation_token(warden, make_user, account_id):
    user = make_user(inline={"p": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:GetFederationToken", "Resource": "*"}]}})
    user_sts = warden.client(user.access_key_id, user.secret_access_key, service="sts")
    out = user_sts.get_federation_token(Name="fed-user", Policy=_doc("iam:ListRoles"))
    assert out["FederatedUser"] == {
        "FederatedUserId": f"{account_id}:fed-user",
        "Arn": f"arn:aws:sts::{account_id}:federated-user/fed-user",
    }
    assert out["PackedPolicySize"] > 0
    _, session_sts = _session_clients(warden, out["Credentials"])
    me = session_sts.get_caller_identity()
    assert (me["UserId"], me["Arn"]) == (f"{account_id}:fed-user", f"arn:aws:sts::{account_id}:federated-user/fed-user")


def test_get_access_key_info(sts, make_user, make_role, account_id):
    user = make_user()
    assert sts.get_access_key_info(AccessKeyId=user.access_key_id)["Account"] == account_id
    role = make_role()
    creds = sts.assume_role(RoleArn=role["Arn"], RoleSessionName="info")["Credentials"]
    assert sts.get_access_key_info(AccessKeyId=creds["AccessKeyId"])["Account"] == account_id


def test_foreign_authorization_message_does_not_decode(sts):
    with pytest.raises(botocore.exceptions.ClientError) as excinfo:
        sts.decode_authorization_message(EncodedMessage="abc")
    status, code, _ = _error(excinfo)
    assert (status, code) == (400, "InvalidAuthorizationMessageException")
