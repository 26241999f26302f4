//! `warden account create|list|delete`, run as an operator runs them.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers fail loudly by design"
)]

use std::process::{Command, Output};

/// Runs `warden account ARGS --data-dir DATA`.
fn account(data: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_warden"))
        .arg("account")
        .args(args)
        .arg("--data-dir")
        .arg(data)
        .env_remove("WARDEN_DATA_DIR")
        .env_remove("WARDEN_DATABASE_URL")
        .output()
        .unwrap()
}

/// Runs a command that must succeed and returns its stdout.
fn ok(data: &std::path::Path, args: &[&str]) -> String {
    let out = account(data, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Runs a command that must fail and returns its stderr.
fn fails(data: &std::path::Path, args: &[&str]) -> String {
    let out = account(data, args);
    assert!(!out.status.success(), "{args:?} succeeded");
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn list_shows_accounts_by_id_as_table_and_json() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(ok(dir.path(), &["list"]), "");
    ok(dir.path(), &["create", "--account-id", "333333333333"]);
    ok(dir.path(), &["create", "--account-id", "111111111111"]);

    let table = ok(dir.path(), &["list"]);
    let ids: Vec<_> = table
        .lines()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(ids, ["111111111111", "333333333333"], "{table}");
    assert!(table.lines().all(|l| l.ends_with('Z')), "{table}");

    let json: serde_json::Value =
        serde_json::from_str(&ok(dir.path(), &["list", "--output", "json"])).unwrap();
    let list = json.as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["AccountId"], "111111111111");
    assert_eq!(list[1]["AccountId"], "333333333333");
    assert!(list[0]["CreateDate"].as_str().unwrap().ends_with('Z'));
}

#[test]
fn delete_removes_the_account_and_only_it() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["create", "--account-id", "111111111111"]);
    ok(dir.path(), &["create", "--account-id", "222222222222"]);
    let out = ok(dir.path(), &["delete", "--account-id", "111111111111"]);
    assert_eq!(out, "deleted account 111111111111\n");
    let json: serde_json::Value =
        serde_json::from_str(&ok(dir.path(), &["list", "--output", "json"])).unwrap();
    let ids: Vec<_> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["AccountId"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["222222222222"]);
    let ids = ok(dir.path(), &["list"]);
    assert!(ids.starts_with("222222222222 "), "{ids}");
    assert_eq!(ids.lines().count(), 1, "{ids}");

    // Gone: a second delete says so, and the id can be created again (with a new root key).
    let err = fails(dir.path(), &["delete", "--account-id", "111111111111"]);
    assert!(err.contains("account 111111111111 does not exist"), "{err}");
    let again = ok(dir.path(), &["create", "--account-id", "111111111111"]);
    assert!(again.contains("root access key id:     AKIA"), "{again}");
}

#[test]
fn delete_refuses_the_default_account_without_force() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["create", "--account-id", "123456789012"]);
    let err = fails(dir.path(), &["delete", "--account-id", "123456789012"]);
    assert!(err.contains("default account"), "{err}");
    assert!(ok(dir.path(), &["list"]).starts_with("123456789012 "));
    ok(
        dir.path(),
        &["delete", "--account-id", "123456789012", "--force"],
    );
    assert_eq!(ok(dir.path(), &["list"]), "");
}

#[test]
fn delete_rejects_a_malformed_account_id() {
    let dir = tempfile::tempdir().unwrap();
    fails(dir.path(), &["delete", "--account-id", "12345"]);
}
