//! The database file never holds a secret access key in clear (the IAM service issue's
//! requirement): write a key, close the database, and search the files' bytes.

use time::OffsetDateTime;
use warden_core::test_suite::test_cipher;
use warden_core::{
    AccessKey, Account, IdGenerator, KeyOwner, KeyStatus, SecretAccessKey, SecretCipher, Store,
    Transaction,
};
use warden_store_sqlite::SqliteStore;

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

#[tokio::test]
async fn database_files_hold_the_sealed_secret_never_the_plain_one() {
    let dir = std::env::temp_dir().join(format!(
        "warden-secret-{}",
        warden_core::RandomIds.event_id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("warden.db");
    let store = SqliteStore::open(&path).await.unwrap();

    let secret = warden_core::RandomIds.secret_access_key();
    let cipher = test_cipher();
    let sealed = cipher.seal("AKIASECRETTEST000001", &secret).unwrap();
    let account = "123456789012".parse().unwrap();
    let mut tx = store.begin().await.unwrap();
    tx.insert_account(&Account {
        id: account,
        created: OffsetDateTime::UNIX_EPOCH,
    })
    .await
    .unwrap();
    tx.insert_access_key(&AccessKey {
        account,
        id: "AKIASECRETTEST000001".into(),
        owner: KeyOwner::Root,
        status: KeyStatus::Active,
        created: OffsetDateTime::UNIX_EPOCH,
        last_used: None,
        secret: sealed.clone(),
    })
    .await
    .unwrap();
    tx.commit().await.unwrap();
    // Before closing, the row may sit in the WAL: check every file of the database.
    let files = || {
        std::fs::read_dir(&dir)
            .unwrap()
            .map(|entry| std::fs::read(entry.unwrap().path()).unwrap())
            .collect::<Vec<_>>()
    };
    assert!(
        files()
            .iter()
            .any(|bytes| contains(bytes, sealed.as_bytes()))
    );
    assert!(
        !files()
            .iter()
            .any(|bytes| contains(bytes, secret.expose().as_bytes()))
    );

    store.close().await.unwrap();
    let bytes = std::fs::read(&path).unwrap();
    assert!(
        contains(&bytes, sealed.as_bytes()),
        "the sealed secret is stored"
    );
    assert!(
        !contains(&bytes, secret.expose().as_bytes()),
        "the secret is not in clear"
    );
    for bytes in files() {
        assert!(!contains(&bytes, secret.expose().as_bytes()));
    }

    // And it opens again after a restart.
    let store = SqliteStore::open(&path).await.unwrap();
    let key = store
        .access_key("AKIASECRETTEST000001")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        cipher.open(&key.id, &key.secret).unwrap(),
        SecretAccessKey::new(secret.expose().to_owned())
    );
    store.close().await.unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
}
