"""Login profiles, ChangePassword and the account password policy through boto3 (api.md §5.10)."""

from __future__ import annotations

import tempfile

import pytest
from helpers import ARN_PREFIX, allow, denied_message, doc, expect_error
from warden_harness import start_server, unique

STRONG = "Str0ng!Passw0rd"
OTHER = "An0ther!Secret9"
THIRD = "Th1rd#Secret-42"


@pytest.fixture(autouse=True)
def no_password_policy(iam):
    """The password policy is account-wide: every test starts and ends without one."""

    def clear():
        try:
            iam.delete_account_password_policy()
        except iam.exceptions.NoSuchEntityException:
            pass

    clear()
    yield
    clear()


def test_login_profile_lifecycle(iam, make_user):
    user = make_user("pw")
    created = iam.create_login_profile(UserName=user.name, Password=STRONG, PasswordResetRequired=True)
    profile = created["LoginProfile"]
    assert profile["UserName"] == user.name
    assert profile["PasswordResetRequired"] is True
    assert "CreateDate" in profile
    assert "Password" not in profile
    got = iam.get_login_profile(UserName=user.name)["LoginProfile"]
    assert got == profile
    iam.update_login_profile(UserName=user.name, PasswordResetRequired=False)
    assert iam.get_login_profile(UserName=user.name)["LoginProfile"]["PasswordResetRequired"] is False
    iam.update_login_profile(UserName=user.name, Password=OTHER)
    expect_error(
        lambda: iam.create_login_profile(UserName=user.name, Password=THIRD),
        "EntityAlreadyExists",
        f"Login Profile for user {user.name} already exists.",
        409,
    )
    # A user with a password cannot be deleted before its login profile.
    iam.delete_access_key(UserName=user.name, AccessKeyId=user.access_key_id)
    expect_error(
        lambda: iam.delete_user(UserName=user.name),
        "DeleteConflict",
        "Cannot delete entity, must delete login profile first.",
        409,
    )
    iam.delete_login_profile(UserName=user.name)
    for call in (
        lambda: iam.get_login_profile(UserName=user.name),
        lambda: iam.delete_login_profile(UserName=user.name),
        lambda: iam.update_login_profile(UserName=user.name, PasswordResetRequired=True),
    ):
        expect_error(call, "NoSuchEntity", f"Login Profile for User {user.name} cannot be found.", 404)
    iam.delete_user(UserName=user.name)


def test_login_profile_of_missing_user(iam):
    expect_error(
        lambda: iam.create_login_profile(UserName="no-such-user-pw", Password=STRONG),
        "NoSuchEntity",
        "The user with name no-such-user-pw cannot be found.",
        404,
    )


def test_default_rules_without_a_policy(iam, make_user):
    user = make_user("pwdef")
    err = expect_error(
        lambda: iam.create_login_profile(UserName=user.name, Password="abcdefgh1"),
        "PasswordPolicyViolation",
        "Password does not conform to the account password policy.",
        400,
    )
    assert "abcdefgh1" not in str(err.response)
    iam.create_login_profile(UserName=user.name, Password="abcdefg1!")


def test_password_policy_round_trip_and_defaults(iam, account_id):
    expect_error(
        iam.get_account_password_policy,
        "NoSuchEntity",
        f"The Password Policy with domain name {account_id} cannot be found.",
        404,
    )
    expect_error(
        iam.delete_account_password_policy,
        "NoSuchEntity",
        "The account policy with name PasswordPolicy cannot be found.",
        404,
    )
    iam.update_account_password_policy(
        MinimumPasswordLength=12,
        RequireSymbols=True,
        RequireNumbers=True,
        RequireUppercaseCharacters=True,
        RequireLowercaseCharacters=True,
        AllowUsersToChangePassword=True,
        MaxPasswordAge=90,
        PasswordReusePrevention=5,
        HardExpiry=False,
    )
    assert iam.get_account_password_policy()["PasswordPolicy"] == {
        "MinimumPasswordLength": 12,
        "RequireSymbols": True,
        "RequireNumbers": True,
        "RequireUppercaseCharacters": True,
        "RequireLowercaseCharacters": True,
        "AllowUsersToChangePassword": True,
        "ExpirePasswords": True,
        "MaxPasswordAge": 90,
        "PasswordReusePrevention": 5,
        "HardExpiry": False,
    }
    # The whole policy is replaced: omitted settings revert to their defaults.
    iam.update_account_password_policy(RequireNumbers=True)
    assert iam.get_account_password_policy()["PasswordPolicy"] == {
        "MinimumPasswordLength": 6,
        "RequireSymbols": False,
        "RequireNumbers": True,
        "RequireUppercaseCharacters": False,
        "RequireLowercaseCharacters": False,
        "AllowUsersToChangePassword": False,
        "ExpirePasswords": False,
    }
    iam.delete_account_password_policy()


def test_each_policy_rule(iam, make_user):
    user = make_user("pwrule")
    iam.update_account_password_policy(
        MinimumPasswordLength=10,
        RequireSymbols=True,
        RequireNumbers=True,
        RequireUppercaseCharacters=True,
        RequireLowercaseCharacters=True,
    )
    for password, message in [
        ("Sh0rt!a", "Password should have a minimum length of 10"),
        ("NoSymbols123abc", "Password should have at least one symbol"),
        ("NoNumbers!!abcD", "Password should have at least one number"),
        ("nouppercase1!abc", "Password should have at least one uppercase letter"),
        ("NOLOWERCASE1!ABC", "Password should have at least one lowercase letter"),
    ]:
        expect_error(
            lambda: iam.create_login_profile(UserName=user.name, Password=password),
            "PasswordPolicyViolation",
            message,
            400,
        )
    iam.create_login_profile(UserName=user.name, Password=STRONG)


def test_reuse_prevention(iam, make_user):
    user = make_user("pwreuse")
    iam.update_account_password_policy(PasswordReusePrevention=2)
    iam.create_login_profile(UserName=user.name, Password=STRONG)
    reused = "Password should not be one of your previous 2 passwords"
    expect_error(lambda: iam.update_login_profile(UserName=user.name, Password=STRONG), "PasswordPolicyViolation", reused, 400)
    iam.update_login_profile(UserName=user.name, Password=OTHER)
    expect_error(lambda: iam.update_login_profile(UserName=user.name, Password=STRONG), "PasswordPolicyViolation", reused, 400)
    iam.update_login_profile(UserName=user.name, Password=THIRD)
    iam.update_login_profile(UserName=user.name, Password=STRONG)


def test_change_password_by_the_user_itself(iam, make_user):
    user = make_user("pwchg")
    me = user.client
    iam.create_login_profile(UserName=user.name, Password=STRONG, PasswordResetRequired=True)
    # Without AllowUsersToChangePassword nor a policy granting it: denied.
    expect_error(
        lambda: me.change_password(OldPassword=STRONG, NewPassword=OTHER),
        "AccessDenied",
        denied_message(user.arn, "iam:ChangePassword", user.arn),
        403,
    )
    iam.update_account_password_policy(AllowUsersToChangePassword=True, RequireSymbols=True)
    # The same setting lets every user read the policy.
    assert me.get_account_password_policy()["PasswordPolicy"]["AllowUsersToChangePassword"] is True
    expect_error(
        lambda: me.change_password(OldPassword="wr0ng!Password", NewPassword=OTHER),
        "AccessDenied",
        "The old password is incorrect.",
        403,
    )
    expect_error(
        lambda: me.change_password(OldPassword=STRONG, NewPassword="NoSymbols12345"),
        "PasswordPolicyViolation",
        "Password should have at least one symbol",
        400,
    )
    me.change_password(OldPassword=STRONG, NewPassword=OTHER)
    assert iam.get_login_profile(UserName=user.name)["LoginProfile"]["PasswordResetRequired"] is False
    expect_error(
        lambda: me.change_password(OldPassword=STRONG, NewPassword=THIRD),
        "AccessDenied",
        "The old password is incorrect.",
        403,
    )
    me.change_password(OldPassword=OTHER, NewPassword=THIRD)


def test_change_password_with_an_identity_policy(iam, make_user):
    user = make_user("pwpol")
    iam.put_user_policy(UserName=user.name, PolicyName="self", PolicyDocument=doc(allow("iam:ChangePassword", user.arn)))
    iam.create_login_profile(UserName=user.name, Password=STRONG)
    user.client.change_password(OldPassword=STRONG, NewPassword=OTHER)
    # The policy does not grant GetAccountPasswordPolicy.
    expect_error(
        user.client.get_account_password_policy,
        "AccessDenied",
        denied_message(user.arn, "iam:GetAccountPasswordPolicy", "*"),
        403,
    )


def test_change_password_refused_for_root_and_without_profile(iam, make_user):
    expect_error(
        lambda: iam.change_password(OldPassword=STRONG, NewPassword=OTHER),
        "InvalidUserType",
        "Only IAM Users can change their own password.",
        400,
    )
    iam.update_account_password_policy(AllowUsersToChangePassword=True)
    user = make_user("pwnone")
    expect_error(
        lambda: user.client.change_password(OldPassword=STRONG, NewPassword=OTHER),
        "NoSuchEntity",
        f"Login Profile for User {user.name} cannot be found.",
        404,
    )


def test_login_profile_operations_need_permission(iam, make_user):
    target = make_user("pwtarget")
    caller = make_user("pwcaller")
    arn = f"{ARN_PREFIX}:user/{target.name}"
    expect_error(
        lambda: caller.client.create_login_profile(UserName=target.name, Password=STRONG),
        "AccessDenied",
        denied_message(caller.arn, "iam:CreateLoginProfile", arn),
        403,
    )
    expect_error(
        lambda: caller.client.update_account_password_policy(MinimumPasswordLength=8),
        "AccessDenied",
        denied_message(caller.arn, "iam:UpdateAccountPasswordPolicy", "*"),
        403,
    )


def test_passwords_are_hidden_in_the_audit_log():
    # The audit CLI reads a data directory: a server of its own, whatever the session's storage.
    with tempfile.TemporaryDirectory(prefix="warden-pw-audit-") as data_dir:
        server = start_server(data_dir=data_dir)
        try:
            iam = server.client()
            name = unique("pwaudit")
            iam.create_user(UserName=name)
            iam.create_login_profile(UserName=name, Password=STRONG)
            iam.update_login_profile(UserName=name, Password=OTHER)
            events = [
                e
                for e in server.audit_events()
                if e.get("eventName") in ("CreateLoginProfile", "UpdateLoginProfile")
                and (e.get("requestParameters") or {}).get("userName") == name
            ]
        finally:
            server.stop()
    assert len(events) == 2, events
    for event in events:
        assert event["requestParameters"]["password"] == "HIDDEN_DUE_TO_SECURITY_REASONS"
        assert STRONG not in str(event) and OTHER not in str(event)
