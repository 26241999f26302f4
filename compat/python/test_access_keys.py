"""Access keys through boto3 (api.md §2.7, §3.3, §5.9)."""

from __future__ import annotations

import json
import re

from helpers import allow, assert_error, error_of, expect_error
from warden_harness import ROOT_ARN, unique, wait_until

INVALID_TOKEN = "The security token included in the request is invalid."


def _authenticates(client) -> bool:
    """True when the key is accepted: a user without policies is then denied by authorization
    (AccessDenied), whereas an unusable key fails authentication (InvalidClientTokenId)."""
    err = error_of(lambda: client.list_users())
    code = err.response["Error"]["Code"]
    assert code in ("AccessDenied", "InvalidClientTokenId"), err.response
    if code == "InvalidClientTokenId":
        assert_error(err, "InvalidClientTokenId", INVALID_TOKEN, 403)
    return code == "AccessDenied"


def test_user_manages_own_keys_without_user_name(make_user):
    me = make_user(
        "kself",
        inline={"p": allow(["iam:CreateAccessKey", "iam:ListAccessKeys", "iam:DeleteAccessKey"])},
    )
    created = me.client.create_access_key()["AccessKey"]
    assert created["UserName"] == me.name
    ids = [k["AccessKeyId"] for k in me.client.list_access_keys()["AccessKeyMetadata"]]
    assert sorted(ids) == sorted([me.access_key_id, created["AccessKeyId"]])
    me.client.delete_access_key(AccessKeyId=created["AccessKeyId"])


def test_user_gets_itself_with_a_new_key(warden, iam):
    user = unique("kw")
    iam.create_user(UserName=user)
    iam.put_user_policy(UserName=user, PolicyName="p", PolicyDocument=json.dumps(allow("iam:GetUser")))
    key = iam.create_access_key(UserName=user)["AccessKey"]
    client = warden.client(key["AccessKeyId"], key["SecretAccessKey"])
    assert client.get_user()["User"]["UserName"] == user


def test_create_access_key_fields(iam):
    user = unique("kf")
    iam.create_user(UserName=user)
    key = iam.create_access_key(UserName=user)["AccessKey"]
    assert key["UserName"] == user
    assert re.fullmatch(r"AKIA[A-Z2-7]{16}", key["AccessKeyId"]), key["AccessKeyId"]
    assert re.fullmatch(r"[A-Za-z0-9/+]{40}", key["SecretAccessKey"]), key["SecretAccessKey"]
    assert key["Status"] == "Active"
    assert "CreateDate" in key


def test_list_access_keys_never_shows_the_secret(iam):
    user = unique("kl")
    iam.create_user(UserName=user)
    k1 = iam.create_access_key(UserName=user)["AccessKey"]
    k2 = iam.create_access_key(UserName=user)["AccessKey"]
    out = iam.list_access_keys(UserName=user)
    assert out["IsTruncated"] is False
    assert sorted(k["AccessKeyId"] for k in out["AccessKeyMetadata"]) == sorted([k1["AccessKeyId"], k2["AccessKeyId"]])
    for k in out["AccessKeyMetadata"]:
        assert set(k) == {"UserName", "AccessKeyId", "Status", "CreateDate"}, k
        assert (k["UserName"], k["Status"]) == (user, "Active")


def test_third_access_key_is_limit_exceeded(iam):
    user = unique("k3")
    iam.create_user(UserName=user)
    iam.create_access_key(UserName=user)
    iam.create_access_key(UserName=user)
    expect_error(lambda: iam.create_access_key(UserName=user), "LimitExceeded", "Cannot exceed quota for AccessKeysPerUser: 2", 409)
    assert len(iam.list_access_keys(UserName=user)["AccessKeyMetadata"]) == 2


def test_access_key_for_missing_user(iam):
    user = unique("kmu")
    expect_error(lambda: iam.create_access_key(UserName=user), "NoSuchEntity", f"The user with name {user} cannot be found.", 404)


def test_new_key_authenticates_immediately(make_user):
    me = make_user("kn")
    assert _authenticates(me.client)


def test_inactive_key_fails_authentication_until_reactivated(iam, make_user):
    me = make_user("ki")
    assert _authenticates(me.client)
    iam.update_access_key(UserName=me.name, AccessKeyId=me.access_key_id, Status="Inactive")
    assert iam.list_access_keys(UserName=me.name)["AccessKeyMetadata"][0]["Status"] == "Inactive"
    assert not _authenticates(me.client)
    iam.update_access_key(UserName=me.name, AccessKeyId=me.access_key_id, Status="Active")
    assert _authenticates(me.client)


def test_deleted_key_fails_authentication(iam, make_user):
    me = make_user("kd")
    assert _authenticates(me.client)
    iam.delete_access_key(UserName=me.name, AccessKeyId=me.access_key_id)
    assert not _authenticates(me.client)
    assert iam.list_access_keys(UserName=me.name)["AccessKeyMetadata"] == []


def test_deleted_user_key_fails_authentication(iam, make_user):
    me = make_user("kdu")
    iam.delete_access_key(UserName=me.name, AccessKeyId=me.access_key_id)
    iam.delete_user(UserName=me.name)
    assert not _authenticates(me.client)


def test_update_access_key_invalid_status(iam, make_user):
    me = make_user("ks")
    expect_error(
        lambda: iam.update_access_key(UserName=me.name, AccessKeyId=me.access_key_id, Status="Sleeping"),
        "ValidationError",
        "1 validation error detected: Value at 'status' failed to satisfy constraint: Member must satisfy enum value set",
        400,
    )


def test_unknown_or_foreign_key_is_no_such_entity(iam, make_user):
    me, other = make_user("ko"), make_user("kx")
    unknown = "AKIAAAAAAAAAAAAAAAAA"
    for key_id, user in ((unknown, me.name), (other.access_key_id, me.name)):
        message = f"The Access Key with id {key_id} cannot be found"
        expect_error(lambda: iam.update_access_key(UserName=user, AccessKeyId=key_id, Status="Inactive"), "NoSuchEntity", message, 404)
        expect_error(lambda: iam.delete_access_key(UserName=user, AccessKeyId=key_id), "NoSuchEntity", message, 404)


def test_get_access_key_last_used(iam, make_user):
    me = make_user("klu")
    fresh = iam.get_access_key_last_used(AccessKeyId=me.access_key_id)
    assert fresh["UserName"] == me.name
    assert fresh["AccessKeyLastUsed"]["ServiceName"] == "N/A"
    assert fresh["AccessKeyLastUsed"]["Region"] == "N/A"
    assert "LastUsedDate" not in fresh["AccessKeyLastUsed"]
    # A denied request is still an authenticated use of the key (§3.8).
    assert _authenticates(me.client)
    used = wait_until(
        lambda: (lambda u: u if u.get("ServiceName") == "iam" else None)(
            iam.get_access_key_last_used(AccessKeyId=me.access_key_id)["AccessKeyLastUsed"]
        ),
        timeout_s=5.0,
    )
    assert used, iam.get_access_key_last_used(AccessKeyId=me.access_key_id)
    assert used["Region"] == "us-east-1"
    assert "LastUsedDate" in used


def test_get_access_key_last_used_of_unknown_key(iam):
    key = "AKIAAAAAAAAAAAAAAAAB"
    expect_error(
        lambda: iam.get_access_key_last_used(AccessKeyId=key),
        "AccessDenied",
        f"User: {ROOT_ARN} is not authorized to perform iam:GetAccessKeyLastUsed on resource: access key {key}",
        403,
    )
