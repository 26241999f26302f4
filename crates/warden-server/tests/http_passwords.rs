//! In-process HTTP tests of login profiles, ChangePassword and the account password policy
//! (api.md §5.10), on SQLite and PostgreSQL.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests: failing loudly is the point"
)]

mod common;
mod handlers_support;

use common::{Server, golden};
use handlers_support::denied;
use warden_core::Store;

const STRONG: &str = "Str0ng!Passw0rd";
const OTHER: &str = "An0ther!Secret9";
const THIRD: &str = "Th1rd#Secret-42";

/// Runs each scenario on SQLite and on a fresh PostgreSQL database.
macro_rules! both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name(super::common::sqlite().await).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::common::on_postgres(super::$name).await;
                }
            )*
        }
    };
}

async fn create_user<S: Store>(srv: &Server<S>, name: &str) {
    srv.call("CreateUser", &[("UserName", name)])
        .await
        .assert_ok();
}

async fn create_profile<S: Store>(srv: &Server<S>, user: &str, password: &str) {
    srv.call(
        "CreateLoginProfile",
        &[("UserName", user), ("Password", password)],
    )
    .await
    .assert_ok();
}

async fn set_policy<S: Store>(srv: &Server<S>, params: &[(&str, &str)]) {
    srv.call("UpdateAccountPasswordPolicy", params)
        .await
        .assert_ok();
}

#[track_caller]
fn violation(resp: &common::Resp, message: &str) {
    resp.assert_error(400, "PasswordPolicyViolation", message);
}

async fn login_profile_golden<S: Store>(srv: Server<S>) {
    create_user(&srv, "Alice").await;
    golden(
        "create_login_profile",
        srv.call(
            "CreateLoginProfile",
            &[
                ("UserName", "alice"),
                ("Password", STRONG),
                ("PasswordResetRequired", "true"),
            ],
        )
        .await
        .assert_ok(),
    );
    golden(
        "get_login_profile",
        srv.call("GetLoginProfile", &[("UserName", "ALICE")])
            .await
            .assert_ok(),
    );
    golden(
        "update_login_profile",
        srv.call(
            "UpdateLoginProfile",
            &[("UserName", "alice"), ("PasswordResetRequired", "false")],
        )
        .await
        .assert_ok(),
    );
    let r = srv.call("GetLoginProfile", &[("UserName", "alice")]).await;
    assert_eq!(r.text("PasswordResetRequired").unwrap(), "false");
    assert_eq!(r.text("UserName").unwrap(), "Alice", "stored spelling");
    golden(
        "delete_login_profile",
        srv.call("DeleteLoginProfile", &[("UserName", "alice")])
            .await
            .assert_ok(),
    );
    srv.call("GetLoginProfile", &[("UserName", "alice")])
        .await
        .assert_error(
            404,
            "NoSuchEntity",
            "Login Profile for User Alice cannot be found.",
        );
}

async fn login_profile_errors<S: Store>(srv: Server<S>) {
    srv.call(
        "CreateLoginProfile",
        &[("UserName", "ghost"), ("Password", STRONG)],
    )
    .await
    .assert_error(
        404,
        "NoSuchEntity",
        "The user with name ghost cannot be found.",
    );
    for action in [
        "GetLoginProfile",
        "DeleteLoginProfile",
        "UpdateLoginProfile",
    ] {
        srv.call(action, &[("UserName", "ghost")])
            .await
            .assert_error(
                404,
                "NoSuchEntity",
                "The user with name ghost cannot be found.",
            );
    }
    create_user(&srv, "alice").await;
    for action in [
        "GetLoginProfile",
        "DeleteLoginProfile",
        "UpdateLoginProfile",
    ] {
        srv.call(action, &[("UserName", "alice")])
            .await
            .assert_error(
                404,
                "NoSuchEntity",
                "Login Profile for User alice cannot be found.",
            );
    }
    srv.call("CreateLoginProfile", &[("UserName", "alice")])
        .await
        .assert_error(
            400,
            "ValidationError",
            "1 validation error detected: Value null at 'password' failed to satisfy constraint: Member must not be null",
        );
    // Root has no login profile through this API.
    srv.call("GetLoginProfile", &[]).await.assert_error(
        400,
        "ValidationError",
        "Must specify userName when calling with non-User credentials",
    );
    create_profile(&srv, "alice", STRONG).await;
    srv.call(
        "CreateLoginProfile",
        &[("UserName", "ALICE"), ("Password", OTHER)],
    )
    .await
    .assert_error(
        409,
        "EntityAlreadyExists",
        "Login Profile for user alice already exists.",
    );
    // The model's length limit (1..128) is the decoder's.
    let long = "a".repeat(129);
    let r = srv
        .call(
            "UpdateLoginProfile",
            &[("UserName", "alice"), ("Password", &long)],
        )
        .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (400, "ValidationError"),
        "{}",
        r.body
    );
    // A user with a password cannot be deleted (api.md §5.4).
    srv.call("DeleteUser", &[("UserName", "alice")])
        .await
        .assert_error(
            409,
            "DeleteConflict",
            "Cannot delete entity, must delete login profile first.",
        );
    srv.call("DeleteLoginProfile", &[("UserName", "alice")])
        .await
        .assert_ok();
    srv.call("DeleteUser", &[("UserName", "alice")])
        .await
        .assert_ok();
}

async fn login_profile_access_denied<S: Store>(srv: Server<S>) {
    create_user(&srv, "alice").await;
    let (id, secret) = srv.user_with_key("bob").await;
    let bob = (id.as_str(), secret.as_str());
    let arn = "arn:aws:iam::123456789012:user/alice";
    for action in [
        "CreateLoginProfile",
        "GetLoginProfile",
        "UpdateLoginProfile",
        "DeleteLoginProfile",
    ] {
        srv.call_as(bob, action, &[("UserName", "alice"), ("Password", STRONG)])
            .await
            .assert_error(
                403,
                "AccessDenied",
                &denied("bob", &format!("iam:{action}"), arn),
            );
    }
    // Authorization comes before existence: a missing user is not revealed.
    srv.call_as(bob, "GetLoginProfile", &[("UserName", "ghost")])
        .await
        .assert_error(
            403,
            "AccessDenied",
            &denied(
                "bob",
                "iam:GetLoginProfile",
                "arn:aws:iam::123456789012:user/ghost",
            ),
        );
    // Without UserName, a user addresses itself.
    srv.call_as(bob, "GetLoginProfile", &[]).await.assert_error(
        403,
        "AccessDenied",
        &denied(
            "bob",
            "iam:GetLoginProfile",
            "arn:aws:iam::123456789012:user/bob",
        ),
    );
    for (action, resource) in [
        ("UpdateAccountPasswordPolicy", "*"),
        ("GetAccountPasswordPolicy", "*"),
        ("DeleteAccountPasswordPolicy", "*"),
    ] {
        srv.call_as(bob, action, &[]).await.assert_error(
            403,
            "AccessDenied",
            &denied("bob", &format!("iam:{action}"), resource),
        );
    }
}

async fn default_rules_without_policy<S: Store>(srv: Server<S>) {
    create_user(&srv, "alice").await;
    let weak = [
        ("Ab1!", "short"),
        ("abcdefgh1", "two kinds"),
        ("ABCDEFGHI", "one kind"),
    ];
    for (password, why) in weak {
        let r = srv
            .call(
                "CreateLoginProfile",
                &[("UserName", "alice"), ("Password", password)],
            )
            .await;
        assert_eq!(r.code(), "PasswordPolicyViolation", "{why}: {}", r.body);
        violation(
            &r,
            "Password does not conform to the account password policy.",
        );
        assert!(!r.body.contains(password), "the password is never echoed");
    }
    // Three kinds and 8 characters pass the default rules.
    create_profile(&srv, "alice", "abcdefg1!").await;
}

async fn each_policy_rule<S: Store>(srv: Server<S>) {
    create_user(&srv, "alice").await;
    set_policy(
        &srv,
        &[
            ("MinimumPasswordLength", "10"),
            ("RequireSymbols", "true"),
            ("RequireNumbers", "true"),
            ("RequireUppercaseCharacters", "true"),
            ("RequireLowercaseCharacters", "true"),
        ],
    )
    .await;
    let cases = [
        ("Sh0rt!a", "Password should have a minimum length of 10"),
        (
            "NoSymbols123abc",
            "Password should have at least one symbol",
        ),
        (
            "NoNumbers!!abcD",
            "Password should have at least one number",
        ),
        (
            "nouppercase1!abc",
            "Password should have at least one uppercase letter",
        ),
        (
            "NOLOWERCASE1!ABC",
            "Password should have at least one lowercase letter",
        ),
    ];
    for (password, message) in cases {
        violation(
            &srv.call(
                "CreateLoginProfile",
                &[("UserName", "alice"), ("Password", password)],
            )
            .await,
            message,
        );
    }
    create_profile(&srv, "alice", STRONG).await;
    // UpdateLoginProfile enforces the same rules.
    violation(
        &srv.call(
            "UpdateLoginProfile",
            &[("UserName", "alice"), ("Password", "nouppercase1!abc")],
        )
        .await,
        "Password should have at least one uppercase letter",
    );
    // A policy without rules accepts what the default rules would refuse.
    set_policy(&srv, &[]).await;
    srv.call(
        "UpdateLoginProfile",
        &[("UserName", "alice"), ("Password", "simple")],
    )
    .await
    .assert_ok();
    violation(
        &srv.call(
            "UpdateLoginProfile",
            &[("UserName", "alice"), ("Password", "five5")],
        )
        .await,
        "Password should have a minimum length of 6",
    );
}

async fn reuse_prevention<S: Store>(srv: Server<S>) {
    create_user(&srv, "alice").await;
    set_policy(&srv, &[("PasswordReusePrevention", "2")]).await;
    create_profile(&srv, "alice", STRONG).await;
    let update = |password: &'static str| {
        let srv = &srv;
        async move {
            srv.call(
                "UpdateLoginProfile",
                &[("UserName", "alice"), ("Password", password)],
            )
            .await
        }
    };
    let reused = "Password should not be one of your previous 2 passwords";
    violation(&update(STRONG).await, reused);
    update(OTHER).await.assert_ok();
    // The last two passwords are OTHER (current) and STRONG.
    violation(&update(STRONG).await, reused);
    violation(&update(OTHER).await, reused);
    update(THIRD).await.assert_ok();
    // STRONG has left the window of two.
    update(STRONG).await.assert_ok();
    // Without reuse prevention, the current password may be set again.
    set_policy(&srv, &[]).await;
    update(STRONG).await.assert_ok();
}

async fn password_policy_golden<S: Store>(srv: Server<S>) {
    golden(
        "update_account_password_policy",
        srv.call(
            "UpdateAccountPasswordPolicy",
            &[
                ("MinimumPasswordLength", "12"),
                ("RequireSymbols", "true"),
                ("RequireNumbers", "true"),
                ("RequireUppercaseCharacters", "true"),
                ("RequireLowercaseCharacters", "true"),
                ("AllowUsersToChangePassword", "true"),
                ("MaxPasswordAge", "90"),
                ("PasswordReusePrevention", "5"),
                ("HardExpiry", "false"),
            ],
        )
        .await
        .assert_ok(),
    );
    golden(
        "get_account_password_policy",
        srv.call("GetAccountPasswordPolicy", &[]).await.assert_ok(),
    );
    // Replacing: every omitted setting reverts to its default.
    set_policy(&srv, &[("RequireNumbers", "true")]).await;
    golden(
        "get_account_password_policy_defaults",
        srv.call("GetAccountPasswordPolicy", &[]).await.assert_ok(),
    );
    golden(
        "delete_account_password_policy",
        srv.call("DeleteAccountPasswordPolicy", &[])
            .await
            .assert_ok(),
    );
    srv.call("GetAccountPasswordPolicy", &[])
        .await
        .assert_error(
            404,
            "NoSuchEntity",
            "The Password Policy with domain name 123456789012 cannot be found.",
        );
    srv.call("DeleteAccountPasswordPolicy", &[])
        .await
        .assert_error(
            404,
            "NoSuchEntity",
            "The account policy with name PasswordPolicy cannot be found.",
        );
    // The model's ranges are the decoder's.
    for (name, value) in [
        ("MinimumPasswordLength", "129"),
        ("MinimumPasswordLength", "5"),
        ("MaxPasswordAge", "1096"),
        ("PasswordReusePrevention", "25"),
    ] {
        let r = srv
            .call("UpdateAccountPasswordPolicy", &[(name, value)])
            .await;
        assert_eq!(
            (r.status, r.code().as_str()),
            (400, "ValidationError"),
            "{}",
            r.body
        );
    }
}

async fn change_password<S: Store>(srv: Server<S>) {
    let (id, secret) = srv.user_with_key("alice").await;
    let alice = (id.as_str(), secret.as_str());
    let me = "arn:aws:iam::123456789012:user/alice";
    srv.call(
        "CreateLoginProfile",
        &[
            ("UserName", "alice"),
            ("Password", STRONG),
            ("PasswordResetRequired", "true"),
        ],
    )
    .await
    .assert_ok();
    let change = |old: &'static str, new: &'static str| {
        let srv = &srv;
        async move {
            srv.call_as(
                alice,
                "ChangePassword",
                &[("OldPassword", old), ("NewPassword", new)],
            )
            .await
        }
    };
    // Without a grant or a policy allowing it, the user may not change its password.
    change(STRONG, OTHER).await.assert_error(
        403,
        "AccessDenied",
        &denied("alice", "iam:ChangePassword", me),
    );
    srv.call_as(alice, "GetAccountPasswordPolicy", &[])
        .await
        .assert_error(
            403,
            "AccessDenied",
            &denied("alice", "iam:GetAccountPasswordPolicy", "*"),
        );
    // AllowUsersToChangePassword grants both actions to every user for itself.
    set_policy(
        &srv,
        &[
            ("AllowUsersToChangePassword", "true"),
            ("RequireSymbols", "true"),
            ("PasswordReusePrevention", "1"),
        ],
    )
    .await;
    srv.call_as(alice, "GetAccountPasswordPolicy", &[])
        .await
        .assert_ok();
    change("wrong-Passw0rd!", OTHER).await.assert_error(
        403,
        "AccessDenied",
        "The old password is incorrect.",
    );
    violation(
        &change(STRONG, "NoSymbolsHere123").await,
        "Password should have at least one symbol",
    );
    violation(
        &change(STRONG, STRONG).await,
        "Password should not be one of your previous 1 passwords",
    );
    golden("change_password", change(STRONG, OTHER).await.assert_ok());
    // The new password is the one checked now, and the reset flag is cleared.
    change(STRONG, THIRD)
        .await
        .assert_error(403, "AccessDenied", "The old password is incorrect.");
    let r = srv.call("GetLoginProfile", &[("UserName", "alice")]).await;
    assert_eq!(r.text("PasswordResetRequired").unwrap(), "false");
    change(OTHER, THIRD).await.assert_ok();
    // Root, or a user without a password, cannot change one.
    srv.call(
        "ChangePassword",
        &[("OldPassword", STRONG), ("NewPassword", OTHER)],
    )
    .await
    .assert_error(
        400,
        "InvalidUserType",
        "Only IAM Users can change their own password.",
    );
    let (id, secret) = srv.user_with_key("carol").await;
    srv.call_as(
        (id.as_str(), secret.as_str()),
        "ChangePassword",
        &[("OldPassword", STRONG), ("NewPassword", OTHER)],
    )
    .await
    .assert_error(
        404,
        "NoSuchEntity",
        "Login Profile for User carol cannot be found.",
    );
    // An explicit deny still wins over the grant.
    srv.call(
        "PutUserPolicy",
        &[
            ("UserName", "alice"),
            ("PolicyName", "deny"),
            (
                "PolicyDocument",
                r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:ChangePassword","Resource":"*"}]}"#,
            ),
        ],
    )
    .await
    .assert_ok();
    let r = change(THIRD, STRONG).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (403, "AccessDenied"),
        "{}",
        r.body
    );
    assert!(r.message().contains("with an explicit deny"), "{}", r.body);
}

async fn change_password_expiry<S: Store>(srv: Server<S>) {
    let (id, secret) = srv.user_with_key("alice").await;
    let alice = (id.as_str(), secret.as_str());
    set_policy(
        &srv,
        &[
            ("AllowUsersToChangePassword", "true"),
            ("MaxPasswordAge", "1"),
            ("HardExpiry", "true"),
        ],
    )
    .await;
    create_profile(&srv, "alice", STRONG).await;
    let r = srv.call("GetAccountPasswordPolicy", &[]).await;
    assert_eq!(r.text("ExpirePasswords").unwrap(), "true");
    assert_eq!(r.text("MaxPasswordAge").unwrap(), "1");
    // Within the day, the password may be changed.
    srv.advance(3600);
    srv.call_as(
        alice,
        "ChangePassword",
        &[("OldPassword", STRONG), ("NewPassword", OTHER)],
    )
    .await
    .assert_ok();
    // Expired with HardExpiry: only an administrator can reset it.
    srv.advance(86_400);
    srv.call_as(
        alice,
        "ChangePassword",
        &[("OldPassword", OTHER), ("NewPassword", THIRD)],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        "Your password has expired and can only be reset by an administrator.",
    );
    srv.call(
        "UpdateLoginProfile",
        &[("UserName", "alice"), ("Password", THIRD)],
    )
    .await
    .assert_ok();
    // Without HardExpiry the user may change an expired password itself.
    set_policy(
        &srv,
        &[
            ("AllowUsersToChangePassword", "true"),
            ("MaxPasswordAge", "1"),
        ],
    )
    .await;
    srv.advance(2 * 86_400);
    srv.call_as(
        alice,
        "ChangePassword",
        &[("OldPassword", THIRD), ("NewPassword", STRONG)],
    )
    .await
    .assert_ok();
}

async fn passwords_never_reach_the_audit_log<S: Store>(srv: Server<S>) {
    let (id, secret) = srv.user_with_key("alice").await;
    set_policy(
        &srv,
        &[
            ("AllowUsersToChangePassword", "true"),
            ("MinimumPasswordLength", "8"),
        ],
    )
    .await;
    create_profile(&srv, "alice", STRONG).await;
    srv.call(
        "UpdateLoginProfile",
        &[("UserName", "alice"), ("Password", OTHER)],
    )
    .await
    .assert_ok();
    srv.call_as(
        (id.as_str(), secret.as_str()),
        "ChangePassword",
        &[("OldPassword", OTHER), ("NewPassword", THIRD)],
    )
    .await
    .assert_ok();
    // A refused password is not audited either.
    srv.call(
        "UpdateLoginProfile",
        &[("UserName", "alice"), ("Password", "tiny")],
    )
    .await;
    let events = srv.audit().await;
    let text = serde_json::to_string(&events).unwrap();
    for secret in [STRONG, OTHER, THIRD, "tiny"] {
        assert!(!text.contains(secret), "password in the audit log");
    }
    let change = events
        .iter()
        .find(|e| e["eventName"] == "ChangePassword")
        .unwrap();
    assert_eq!(
        change["requestParameters"]["newPassword"],
        "HIDDEN_DUE_TO_SECURITY_REASONS"
    );
    assert_eq!(
        change["requestParameters"]["oldPassword"],
        "HIDDEN_DUE_TO_SECURITY_REASONS"
    );
    let policy = events
        .iter()
        .find(|e| e["eventName"] == "UpdateAccountPasswordPolicy")
        .unwrap();
    assert_eq!(policy["requestParameters"]["minimumPasswordLength"], "8");
    let created = events
        .iter()
        .find(|e| e["eventName"] == "CreateLoginProfile")
        .unwrap();
    assert_eq!(
        created["responseElements"]["loginProfile"]["userName"],
        "alice"
    );
    assert_eq!(
        created["requestParameters"]["password"],
        "HIDDEN_DUE_TO_SECURITY_REASONS"
    );
}

both_backends!(
    login_profile_golden,
    login_profile_errors,
    login_profile_access_denied,
    default_rules_without_policy,
    each_policy_rule,
    reuse_prevention,
    password_policy_golden,
    change_password,
    change_password_expiry,
    passwords_never_reach_the_audit_log,
);
