//! `warden workload register|list|revoke`, run as an operator runs them.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test helpers fail loudly by design"
)]

use std::path::Path;
use std::process::{Command, Output};

use warden_core::{InstanceProfile, Store, Transaction};
use warden_store_sqlite::SqliteStore;

const ACCOUNT: &str = "111111111111";

/// Runs `warden SUBCOMMAND ARGS --data-dir DATA`.
fn warden(data: &Path, subcommand: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_warden"))
        .arg(subcommand)
        .args(args)
        .arg("--data-dir")
        .arg(data)
        .env_remove("WARDEN_DATA_DIR")
        .env_remove("WARDEN_DATABASE_URL")
        .output()
        .unwrap()
}

fn ok(data: &Path, args: &[&str]) -> String {
    let out = warden(data, "workload", args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn fails(data: &Path, args: &[&str]) -> String {
    let out = warden(data, "workload", args);
    assert!(!out.status.success(), "{args:?} succeeded");
    String::from_utf8(out.stderr).unwrap()
}

/// An account with instance profile `web` (written straight to the store: the IAM API is
/// tested elsewhere).
fn setup(data: &Path) {
    let out = warden(data, "account", &["create", "--account-id", ACCOUNT]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let store = SqliteStore::open(&data.join("warden.sqlite"))
            .await
            .unwrap();
        let mut tx = store.begin().await.unwrap();
        tx.insert_instance_profile(&InstanceProfile {
            account: ACCOUNT.parse().unwrap(),
            id: "AIPAWEB0000000000001".to_owned(),
            name: "web".to_owned(),
            path: "/".to_owned(),
            created: time::OffsetDateTime::now_utc(),
            role_id: None,
        })
        .await
        .unwrap();
        tx.commit().await.unwrap();
        store.close().await.unwrap();
    });
}

/// Every byte of the database files, to look for secrets at rest.
fn database_bytes(data: &Path) -> Vec<u8> {
    let mut all = Vec::new();
    for suffix in ["", "-wal"] {
        if let Ok(bytes) = std::fs::read(data.join(format!("warden.sqlite{suffix}"))) {
            all.extend(bytes);
        }
    }
    all
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[test]
fn register_prints_the_token_once_and_stores_only_its_hash() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let text = ok(
        dir.path(),
        &[
            "register",
            "--account",
            ACCOUNT,
            "--instance-profile",
            "web",
        ],
    );
    let token = text
        .split_whitespace()
        .find_map(|w| w.strip_prefix("AWS_CONTAINER_AUTHORIZATION_TOKEN="))
        .unwrap_or_else(|| panic!("no token in {text}"))
        .to_owned();
    assert!(token.starts_with("wl-"), "{token}");
    assert!(
        text.contains(
            "AWS_CONTAINER_CREDENTIALS_FULL_URI=http://127.0.0.1:8700/_warden/workload/credentials"
        ),
        "{text}"
    );
    let (id, secret) = token.split_once('.').unwrap();
    assert_eq!(secret.len(), 64);
    assert!(
        text.starts_with(&format!("registered workload {id} (web)")),
        "{text}"
    );

    let json: serde_json::Value = serde_json::from_str(&ok(
        dir.path(),
        &[
            "register",
            "--account",
            ACCOUNT,
            "--instance-profile",
            "WEB",
            "--name",
            "batch",
            "--output",
            "json",
        ],
    ))
    .unwrap();
    assert_eq!(json["Name"], "batch");
    assert_eq!(json["AccountId"], ACCOUNT);
    let second = json["Token"].as_str().unwrap();
    assert!(second.starts_with(json["WorkloadId"].as_str().unwrap()));
    assert_ne!(second, token);

    // Neither the list nor the database holds a token.
    let listed = ok(dir.path(), &["list"]);
    let listed_json = ok(dir.path(), &["list", "--output", "json"]);
    for secret in [secret, second.split_once('.').unwrap().1] {
        assert!(!listed.contains(secret), "{listed}");
        assert!(!listed_json.contains(secret), "{listed_json}");
        assert!(!contains(&database_bytes(dir.path()), secret));
    }
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines.len(), 2, "{listed}");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with(id) && l.contains(" web ") && l.ends_with("active")),
        "{listed}"
    );
    let items: serde_json::Value = serde_json::from_str(&listed_json).unwrap();
    let items = items.as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert!(items.iter().all(|w| w["InstanceProfileName"] == "web"));
    assert!(items.iter().all(|w| w["RevokeDate"].is_null()));
}

#[test]
fn revoke_marks_the_workload_and_list_filters_by_account() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let json: serde_json::Value = serde_json::from_str(&ok(
        dir.path(),
        &[
            "register",
            "--account",
            ACCOUNT,
            "--instance-profile",
            "web",
            "--output",
            "json",
        ],
    ))
    .unwrap();
    let id = json["WorkloadId"].as_str().unwrap();
    assert_eq!(
        ok(dir.path(), &["revoke", "--id", id]),
        format!("revoked workload {id}\n")
    );
    let listed = ok(dir.path(), &["list", "--account", ACCOUNT]);
    assert!(listed.contains("  revoked "), "{listed}");
    let items: serde_json::Value =
        serde_json::from_str(&ok(dir.path(), &["list", "--output", "json"])).unwrap();
    assert!(items[0]["RevokeDate"].as_str().unwrap().ends_with('Z'));
    assert_eq!(ok(dir.path(), &["list", "--account", "222222222222"]), "");
    let err = fails(dir.path(), &["revoke", "--id", "wl-00000000000000000000"]);
    assert!(
        err.contains("workload wl-00000000000000000000 does not exist"),
        "{err}"
    );
}

#[test]
fn register_refuses_unknown_accounts_and_profiles() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let err = fails(
        dir.path(),
        &[
            "register",
            "--account",
            ACCOUNT,
            "--instance-profile",
            "nope",
        ],
    );
    assert!(
        err.contains("instance profile nope does not exist in the account"),
        "{err}"
    );
    let err = fails(
        dir.path(),
        &[
            "register",
            "--account",
            "222222222222",
            "--instance-profile",
            "web",
        ],
    );
    assert!(err.contains("account 222222222222 does not exist"), "{err}");
    let err = fails(
        dir.path(),
        &["register", "--account", "12", "--instance-profile", "web"],
    );
    assert!(!err.is_empty());
    assert_eq!(ok(dir.path(), &["list"]), "");
}
