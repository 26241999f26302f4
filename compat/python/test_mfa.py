"""Virtual MFA devices and MFA in STS through boto3 (api.md §5.11, §6.2 step 3, §6.5;
policy.md §5: aws:MultiFactorAuthPresent). TOTP (RFC 6238) is computed here with hmac."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import struct
import time

from helpers import expect_error
from warden_harness import unique

BAD_CODE = "Authentication code for device is not valid."
MFA_BOTH = "MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code."
MFA_UNABLE = (
    "MultiFactorAuthentication failed, unable to validate MFA code.  "
    "Please verify your MFA serial number is valid and associated with this user."
)
MFA_INVALID = "MultiFactorAuthentication failed with invalid MFA one time pass code. "


def totp(seed: str, step: int) -> str:
    """RFC 6238 with HMAC-SHA1, 30-second steps, 6 digits (RFC 4226 dynamic truncation)."""
    key = base64.b32decode(seed)
    digest = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = (struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{value:06d}"


def step_now() -> int:
    return int(time.time()) // 30


def other_code(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def create_device(iam, **kwargs) -> tuple[str, str]:
    name = unique("mfa")
    device = iam.create_virtual_mfa_device(VirtualMFADeviceName=name, **kwargs)["VirtualMFADevice"]
    return device["SerialNumber"], device["Base32StringSeed"].decode("ascii")


def enable_in_the_past(iam, user: str, serial: str, seed: str) -> None:
    """Enables with the codes of the two previous steps (within the ±10-step window), so
    that the current and next steps stay usable for STS without waiting."""
    s = step_now()
    iam.enable_mfa_device(
        UserName=user,
        SerialNumber=serial,
        AuthenticationCode1=totp(seed, s - 2),
        AuthenticationCode2=totp(seed, s - 1),
    )


def test_virtual_mfa_device_lifecycle(iam, make_user, account_id):
    user = make_user()
    name = unique("mfa")
    created = iam.create_virtual_mfa_device(
        VirtualMFADeviceName=name, Path="/team/", Tags=[{"Key": "env", "Value": "dev"}]
    )["VirtualMFADevice"]
    serial = created["SerialNumber"]
    assert serial == f"arn:aws:iam::{account_id}:mfa/team/{name}"
    seed = created["Base32StringSeed"].decode("ascii")
    assert len(seed) == 64 and base64.b32decode(seed)
    assert created["QRCodePNG"].startswith(b"\x89PNG\r\n\x1a\n")
    assert created["Tags"] == [{"Key": "env", "Value": "dev"}]
    expect_error(
        lambda: iam.create_virtual_mfa_device(VirtualMFADeviceName=name, Path="/team/"),
        "EntityAlreadyExists",
        "MFA device already exists.",
        409,
    )
    unassigned = [
        d["SerialNumber"]
        for page in iam.get_paginator("list_virtual_mfa_devices").paginate(
            AssignmentStatus="Unassigned", PaginationConfig={"PageSize": 1}
        )
        for d in page["VirtualMFADevices"]
    ]
    assert serial in unassigned

    s = step_now()
    expect_error(
        lambda: iam.enable_mfa_device(
            UserName=user.name,
            SerialNumber=serial,
            AuthenticationCode1=totp(seed, s - 1),
            AuthenticationCode2=totp(seed, s + 1),
        ),
        "InvalidAuthenticationCode",
        BAD_CODE,
        403,
    )
    enable_in_the_past(iam, user.name, serial, seed)
    listed = iam.list_mfa_devices(UserName=user.name)["MFADevices"]
    assert [(d["UserName"], d["SerialNumber"]) for d in listed] == [(user.name, serial)]
    got = iam.get_mfa_device(UserName=user.name, SerialNumber=serial)
    assert (got["UserName"], got["SerialNumber"]) == (user.name, serial)
    assert "EnableDate" in got
    assigned = {
        d["SerialNumber"]: d for d in iam.list_virtual_mfa_devices(AssignmentStatus="Assigned")["VirtualMFADevices"]
    }
    assert assigned[serial]["User"]["UserName"] == user.name
    assert "Base32StringSeed" not in assigned[serial]

    expect_error(
        lambda: iam.delete_virtual_mfa_device(SerialNumber=serial),
        "DeleteConflict",
        "MFA Device is in use by a user",
        409,
    )
    expect_error(
        lambda: iam.delete_user(UserName=user.name),
        "DeleteConflict",
        None,
        409,
    )
    s = step_now()
    iam.resync_mfa_device(
        UserName=user.name,
        SerialNumber=serial,
        AuthenticationCode1=totp(seed, s),
        AuthenticationCode2=totp(seed, s + 1),
    )

    iam.tag_mfa_device(SerialNumber=serial, Tags=[{"Key": "team", "Value": "blue"}])
    iam.untag_mfa_device(SerialNumber=serial, TagKeys=["env"])
    assert iam.list_mfa_device_tags(SerialNumber=serial)["Tags"] == [{"Key": "team", "Value": "blue"}]

    iam.deactivate_mfa_device(UserName=user.name, SerialNumber=serial)
    assert iam.list_mfa_devices(UserName=user.name)["MFADevices"] == []
    iam.delete_virtual_mfa_device(SerialNumber=serial)
    missing = f"MFA Device with serial number {serial} does not exist."
    expect_error(lambda: iam.delete_virtual_mfa_device(SerialNumber=serial), "NoSuchEntity", missing, 404)
    expect_error(lambda: iam.list_mfa_device_tags(SerialNumber=serial), "NoSuchEntity", missing, 404)


def _mfa_policy() -> str:
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"},
                {
                    "Effect": "Allow",
                    "Action": "iam:ListUsers",
                    "Resource": "*",
                    "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}},
                },
            ],
        }
    )


def _session_clients(warden, creds):
    args = (creds["AccessKeyId"], creds["SecretAccessKey"])
    return (
        warden.client(*args, session_token=creds["SessionToken"]),
        warden.client(*args, service="sts", session_token=creds["SessionToken"]),
    )


def test_assume_role_and_get_session_token_with_mfa(warden, iam, make_user, account_id):
    user = make_user()
    iam.put_user_policy(UserName=user.name, PolicyName="mfa", PolicyDocument=_mfa_policy())
    role_name = unique("secure")
    trust = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"AWS": f"arn:aws:iam::{account_id}:root"},
                "Action": "sts:AssumeRole",
                "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}},
            }
        ],
    }
    role_arn = iam.create_role(RoleName=role_name, AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
    iam.put_role_policy(RoleName=role_name, PolicyName="p", PolicyDocument=_mfa_policy())
    serial, seed = create_device(iam)
    enable_in_the_past(iam, user.name, serial, seed)
    user_sts = warden.client(user.access_key_id, user.secret_access_key, service="sts")

    # The MFA trust policy refuses the caller without MFA.
    expect_error(
        lambda: user_sts.assume_role(RoleArn=role_arn, RoleSessionName="s1"),
        "AccessDenied",
        f"User: {user.arn} is not authorized to perform: sts:AssumeRole on resource: {role_arn}",
        403,
    )
    s = step_now()
    expect_error(
        lambda: user_sts.assume_role(RoleArn=role_arn, RoleSessionName="s1", SerialNumber=serial),
        "AccessDenied",
        MFA_BOTH,
        403,
    )
    expect_error(
        lambda: user_sts.assume_role(
            RoleArn=role_arn,
            RoleSessionName="s1",
            SerialNumber=f"arn:aws:iam::{account_id}:mfa/{unique('ghost')}",
            TokenCode=totp(seed, s),
        ),
        "AccessDenied",
        MFA_UNABLE,
        403,
    )
    expect_error(
        lambda: user_sts.assume_role(
            RoleArn=role_arn, RoleSessionName="s1", SerialNumber=serial, TokenCode=other_code(totp(seed, s))
        ),
        "AccessDenied",
        MFA_INVALID,
        403,
    )
    # With the current code: allowed, and the session carries MFA into policy evaluation.
    code = totp(seed, s)
    creds = user_sts.assume_role(RoleArn=role_arn, RoleSessionName="s1", SerialNumber=serial, TokenCode=code)[
        "Credentials"
    ]
    session_iam, _ = _session_clients(warden, creds)
    session_iam.list_users()
    # A code is accepted once.
    expect_error(
        lambda: user_sts.assume_role(RoleArn=role_arn, RoleSessionName="s1", SerialNumber=serial, TokenCode=code),
        "AccessDenied",
        MFA_INVALID,
        403,
    )

    # Long-term keys: aws:MultiFactorAuthPresent is absent, so the MFA condition fails.
    expect_error(lambda: user.client.list_users(), "AccessDenied", None, 403)
    # GetSessionToken without MFA: no IAM at all; with MFA: the identity policy's MFA
    # condition allows ListUsers.
    plain = user_sts.get_session_token(DurationSeconds=900)["Credentials"]
    plain_iam, _ = _session_clients(warden, plain)
    expect_error(lambda: plain_iam.list_users(), "AccessDenied", None, 403)
    mfa_creds = user_sts.get_session_token(
        DurationSeconds=900, SerialNumber=serial, TokenCode=totp(seed, step_now() + 1)
    )["Credentials"]
    mfa_iam, mfa_sts = _session_clients(warden, mfa_creds)
    assert any(u["UserName"] == user.name for u in mfa_iam.list_users()["Users"])
    # The MFA session assumes the MFA-protected role without another code.
    chained = mfa_sts.assume_role(RoleArn=role_arn, RoleSessionName="chained")["Credentials"]
    chained_iam, _ = _session_clients(warden, chained)
    chained_iam.list_users()
