//! The warden-core storage conformance suite on SQLite, one temp database file per case.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test harness: failures must abort loudly"
)]

use std::path::PathBuf;
use std::time::Duration;

use warden_core::IdGenerator;
use warden_core::test_suite::{Case, run_case};
use warden_store_sqlite::SqliteStore;

fn temp_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "warden-sqlite-{}",
        warden_core::RandomIds.event_id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

async fn run(case: Case) {
    let dir = temp_dir();
    let store = SqliteStore::open(&dir.join("warden.db")).await.unwrap();
    tokio::time::timeout(Duration::from_secs(60), run_case(case, store.clone()))
        .await
        .unwrap_or_else(|_| panic!("{case:?} timed out"));
    store.close().await.unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
}

warden_core::store_conformance_tests!(run);
