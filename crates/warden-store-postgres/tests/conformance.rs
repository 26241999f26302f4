//! The warden-core storage conformance suite on PostgreSQL, one new database per case.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test harness: failures must abort loudly"
)]

mod common;

use std::time::Duration;

use warden_core::test_suite::{Case, run_case};
use warden_store_postgres::PgStore;

async fn run(case: Case) {
    let db = common::TestDb::create().await;
    let store = PgStore::connect(&db.url()).await.unwrap();
    // Spawned so that a failing case still gets its database dropped.
    let outcome = tokio::time::timeout(
        Duration::from_secs(60),
        tokio::spawn(run_case(case, store.clone())),
    )
    .await;
    store.close().await;
    drop(store);
    db.drop_db().await;
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(failure)) => std::panic::resume_unwind(failure.into_panic()),
        Err(_) => panic!("{case:?} timed out"),
    }
}

warden_core::store_conformance_tests!(run);
