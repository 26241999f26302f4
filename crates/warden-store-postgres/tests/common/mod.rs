//! A throw-away database per test: `CREATE DATABASE warden_test_<random>` on the server at
//! `WARDEN_TEST_POSTGRES` (default `postgres://postgres@127.0.0.1:5432`), dropped after.
#![allow(
    dead_code,
    clippy::unwrap_used,
    reason = "test helpers: each test binary uses part of them; failures abort"
)]

use sqlx::Connection;
use warden_core::IdGenerator;

/// The server URL without a database name.
fn server() -> String {
    std::env::var("WARDEN_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".to_owned())
}

/// A database created for one test.
#[derive(Debug)]
pub(crate) struct TestDb {
    name: String,
}

impl TestDb {
    /// Creates a new, empty database.
    pub(crate) async fn create() -> Self {
        let name = format!(
            "warden_test_{}",
            warden_core::RandomIds.event_id().replace('-', "")
        );
        let mut admin = sqlx::PgConnection::connect(&format!("{}/postgres", server()))
            .await
            .unwrap();
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut admin)
            .await
            .unwrap();
        Self { name }
    }

    /// The database's URL.
    pub(crate) fn url(&self) -> String {
        format!("{}/{}", server(), self.name)
    }

    /// Drops the database, disconnecting whoever is still connected.
    pub(crate) async fn drop_db(self) {
        let mut admin = sqlx::PgConnection::connect(&format!("{}/postgres", server()))
            .await
            .unwrap();
        sqlx::query(&format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            self.name
        ))
        .execute(&mut admin)
        .await
        .unwrap();
    }
}
