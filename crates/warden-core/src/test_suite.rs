//! The storage conformance suite: one set of cases every [`Store`] backend must pass
//! (the idea of Garage's `src/db/test.rs`).
//!
//! A backend's tests call [`store_conformance_tests!`](crate::store_conformance_tests)
//! with a function `async fn(Case)` that builds a fresh, empty store (a temp file, a new
//! database), runs [`run_case`] on it and cleans up. The macro expands to one
//! `#[tokio::test]` per case, so failures are reported by name. The cases themselves are
//! runtime-agnostic (concurrency uses a local `join`), like the rest of the crate.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a failed expectation must abort the case loudly"
)]

use std::future::{Future, poll_fn};
use std::pin::pin;
use std::task::Poll;

use time::OffsetDateTime;
use warden_types::AccountId;

use crate::{
    AccessKey, Account, AeadCipher, AuditEvent, AuditOutcome, Change, ChangeStream, CipherKey,
    Constraint, CountedEntity, Group, InlinePolicy, KeyLastUsed, KeyOwner, KeyStatus, ListQuery,
    NewPolicy, OidcProvider, PolicyHolder, PolicyUsage, ResolvedPrincipal, Role, RoleLastUsed,
    SecretAccessKey, SecretCipher, Store, StoreError, Tag, TagTarget, Transaction, User,
};

macro_rules! cases {
    ($($(#[doc = $doc:literal])* $variant:ident => $case:ident,)*) => {
        /// One conformance case.
        #[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
        pub enum Case {
            $($(#[doc = $doc])* $variant,)*
        }

        /// Every case, in a stable order.
        pub const ALL_CASES: &[Case] = &[$(Case::$variant,)*];

        /// Runs one case against a fresh, empty store. Panics on failure.
        pub async fn run_case<S: Store>(case: Case, store: S) {
            match case {
                $(Case::$variant => $case(store).await,)*
            }
        }
    };
}

cases! {
    /// Accounts: create, read, duplicate id refused, initial generation.
    Accounts => accounts,
    /// Accounts are listed by id; deleting one removes everything in it, and only it.
    AccountListAndDelete => account_list_and_delete,
    /// The dev wipe empties every account and the server secrets; ids can be reused.
    Wipe => wipe,
    /// Users: create, case-insensitive get with stored spelling, rename, list, delete.
    UserLifecycle => user_lifecycle,
    /// `Alice` and `alice` collide for users, groups, roles and policies; other accounts do not.
    CaseInsensitiveUniqueness => case_insensitive_uniqueness,
    /// Pagination by name key with markers stays correct across concurrent inserts.
    PaginationAcrossInserts => pagination_across_inserts,
    /// Path-prefix filtering is a case-sensitive string prefix.
    PathPrefixFilter => path_prefix_filter,
    /// Groups and membership; a group with members cannot be deleted.
    GroupsAndMembership => groups_and_membership,
    /// Roles keep the trust policy verbatim and record their last use.
    RoleLifecycle => role_lifecycle,
    /// Policy versions: ids never reused, default version protected, newest first.
    PolicyVersionsNeverReused => policy_versions_never_reused,
    /// Attachments and usage counts; an attached or boundary policy cannot be deleted.
    AttachmentsRestrictPolicyDeletion => attachments_restrict_policy_deletion,
    /// Inline policies: upsert, case-insensitive name, listing, deletion.
    InlinePolicies => inline_policies,
    /// A user with keys, policies or groups cannot be deleted.
    UserDependentsRestrictDeletion => user_dependents_restrict_deletion,
    /// Access keys: sealed secret round trip, owner, status, order, hot-path read, last use.
    AccessKeys => access_keys,
    /// Access keys created in the same second list in creation order, not by key id.
    AccessKeysSameSecondInCreationOrder => access_keys_same_second_in_creation_order,
    /// Tags: ordered, replaced wholesale, deleted with their entity.
    Tags => tags,
    /// OIDC providers: create, duplicate refused, update, list, delete.
    OidcProviders => oidc_providers,
    /// SAML providers: create, read back verbatim, update, list by name, delete with tags.
    SamlProviders => saml_providers,
    /// Virtual MFA devices: keyed by path and name, creation order, assignment, one use per
    /// TOTP step, an enabled device keeps its user, tags go with the device.
    MfaDevices => mfa_devices,
    /// Audit events commit with the change and vanish with a dropped transaction.
    AuditIsAtomicWithTheChange => audit_is_atomic_with_the_change,
    /// A batch of audit events is stored whole, in order, or not at all.
    AuditBatch => audit_batch,
    /// A failed transaction leaves nothing, including writes before the failure.
    DroppedTransactionLeavesNothing => dropped_transaction_leaves_nothing,
    /// Every committed mutation bumps the generation by one and is announced.
    GenerationBumpsOnEveryMutation => generation_bumps_on_every_mutation,
    /// Two concurrent writers of the same name: exactly one wins.
    ConcurrentWritersOneWins => concurrent_writers_one_wins,
    /// Entities of one account are invisible from another.
    AccountIsolation => account_isolation,
    /// Server secrets: first writer wins, compare-and-swap replacement.
    ServerSecrets => server_secrets,
    /// Server certificates, signing certificates, SSH keys and service-specific
    /// credentials: round trips, order, status, a holder user cannot be deleted, account
    /// deletion takes them along.
    Credentials => credentials,
    /// Credential reports (one per account, replaced), report jobs by id, the STS
    /// token-version preference (bumps the generation); all go with their account.
    ReportsAndPreferences => reports_and_preferences,
    /// AWS managed policies (loaded by an import) are visible, attachable and counted per
    /// account; an import upserts by name, replaces relations and is idempotent.
    AwsManagedAndImport => aws_managed_and_import,
    /// Outbound web identity federation: the per-account switch (bumps the generation),
    /// signing keys oldest first, deletion by kid; all go with their account.
    OutboundFederation => outbound_federation,
    /// Instance profiles (one role each, a role in one cannot be deleted, tags go with
    /// the profile) and workloads (no generation bump, revocation keeps the first time);
    /// all go with their account.
    InstanceProfilesAndWorkloads => instance_profiles_and_workloads,
    /// Login profiles (upsert keeps the creation date, a user with one cannot be deleted),
    /// the password policy and the deployment-unique account alias; usage counts; all
    /// go with their account.
    PasswordsAndAccountSettings => passwords_and_account_settings,
}

/// Expands to one `#[tokio::test]` per [`Case`], each calling `$run(case).await`.
#[macro_export]
macro_rules! store_conformance_tests {
    ($run:path) => {
        $crate::store_conformance_tests!(@cases $run;
            accounts => Accounts,
            account_list_and_delete => AccountListAndDelete,
            wipe => Wipe,
            user_lifecycle => UserLifecycle,
            case_insensitive_uniqueness => CaseInsensitiveUniqueness,
            pagination_across_inserts => PaginationAcrossInserts,
            path_prefix_filter => PathPrefixFilter,
            groups_and_membership => GroupsAndMembership,
            role_lifecycle => RoleLifecycle,
            policy_versions_never_reused => PolicyVersionsNeverReused,
            attachments_restrict_policy_deletion => AttachmentsRestrictPolicyDeletion,
            inline_policies => InlinePolicies,
            user_dependents_restrict_deletion => UserDependentsRestrictDeletion,
            access_keys => AccessKeys,
            access_keys_same_second_in_creation_order => AccessKeysSameSecondInCreationOrder,
            tags => Tags,
            oidc_providers => OidcProviders,
            saml_providers => SamlProviders,
            mfa_devices => MfaDevices,
            audit_is_atomic_with_the_change => AuditIsAtomicWithTheChange,
            audit_batch => AuditBatch,
            dropped_transaction_leaves_nothing => DroppedTransactionLeavesNothing,
            generation_bumps_on_every_mutation => GenerationBumpsOnEveryMutation,
            concurrent_writers_one_wins => ConcurrentWritersOneWins,
            account_isolation => AccountIsolation,
            server_secrets => ServerSecrets,
            credentials => Credentials,
            reports_and_preferences => ReportsAndPreferences,
            aws_managed_and_import => AwsManagedAndImport,
            outbound_federation => OutboundFederation,
            instance_profiles_and_workloads => InstanceProfilesAndWorkloads,
            passwords_and_account_settings => PasswordsAndAccountSettings,
        );
    };
    (@cases $run:path; $($name:ident => $variant:ident,)*) => {
        $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() {
                $run($crate::test_suite::Case::$variant).await;
            }
        )*
    };
}

// ---- fixtures

const A: &str = "111111111111";
const B: &str = "222222222222";

fn acct(id: &str) -> AccountId {
    id.parse().unwrap()
}

fn at(seconds: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(1_700_000_000 + seconds).unwrap()
}

fn user(account: &str, id: &str, name: &str) -> User {
    User {
        account: acct(account),
        id: id.to_owned(),
        name: name.to_owned(),
        path: "/".to_owned(),
        created: at(0),
        permissions_boundary: None,
        password_last_used: None,
    }
}

fn group(account: &str, id: &str, name: &str) -> Group {
    Group {
        account: acct(account),
        id: id.to_owned(),
        name: name.to_owned(),
        path: "/".to_owned(),
        created: at(0),
    }
}

const TRUST: &str = "{\"Version\":\"2012-10-17\",  \"Statement\":[{\"Effect\":\"Allow\",\
     \"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

fn role(account: &str, id: &str, name: &str) -> Role {
    Role {
        account: acct(account),
        id: id.to_owned(),
        name: name.to_owned(),
        path: "/".to_owned(),
        created: at(0),
        trust_policy: TRUST.to_owned(),
        description: Some("a role".to_owned()),
        max_session_duration: 3600,
        permissions_boundary: None,
        last_used: None,
        trust_principals: Vec::new(),
    }
}

const DOC: &str = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \
     \"Action\": \"s3:*\", \"Resource\": \"*\"}]}";

fn new_policy(account: &str, id: &str, name: &str) -> NewPolicy {
    NewPolicy {
        account: acct(account),
        id: id.to_owned(),
        name: name.to_owned(),
        path: "/".to_owned(),
        arn: format!("arn:aws:iam::{account}:policy/{name}"),
        description: None,
        created: at(0),
        document: DOC.to_owned(),
    }
}

fn audit(account: &str, id: &str, event: &str) -> AuditEvent {
    AuditEvent {
        id: id.to_owned(),
        account: acct(account),
        time: at(1),
        event_name: event.to_owned(),
        outcome: AuditOutcome::Success,
        principal_arn: format!("arn:aws:iam::{account}:root"),
        access_key_id: Some("AKIAROOTKEY000000000".to_owned()),
        document: format!("{{\"eventName\":\"{event}\",\"eventID\":\"{id}\"}}"),
    }
}

/// A cipher with a fixed key, for the secret round trip.
pub fn test_cipher() -> AeadCipher {
    AeadCipher::new(CipherKey::from_bytes([42; 32]))
}

/// Commits a transaction that creates the given accounts.
async fn with_accounts<S: Store>(store: &S, accounts: &[&str]) {
    let mut tx = store.begin().await.unwrap();
    for id in accounts {
        tx.insert_account(&Account {
            id: acct(id),
            created: at(0),
        })
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
}

fn conflict(result: Result<impl std::fmt::Debug, StoreError>) -> Constraint {
    match result {
        Err(StoreError::Conflict { constraint }) => constraint,
        other => panic!("expected a conflict, got {other:?}"),
    }
}

/// Polls two futures concurrently on the current task (no runtime needed).
async fn join<X: Future, Y: Future>(x: X, y: Y) -> (X::Output, Y::Output) {
    let mut x = pin!(x);
    let mut y = pin!(y);
    let mut x_out = None;
    let mut y_out = None;
    poll_fn(move |cx| {
        if x_out.is_none()
            && let Poll::Ready(v) = x.as_mut().poll(cx)
        {
            x_out = Some(v);
        }
        if y_out.is_none()
            && let Poll::Ready(v) = y.as_mut().poll(cx)
        {
            y_out = Some(v);
        }
        if x_out.is_some() && y_out.is_some() {
            Poll::Ready((x_out.take().unwrap(), y_out.take().unwrap()))
        } else {
            Poll::Pending
        }
    })
    .await
}

// ---- cases

async fn server_secrets<S: Store>(store: S) {
    use crate::EncryptedSecret;
    let first = EncryptedSecret::from_bytes(vec![1, 2, 3]);
    let second = EncryptedSecret::from_bytes(vec![4, 5]);
    let third = EncryptedSecret::from_bytes(vec![6]);
    assert!(store.server_secret("ring").await.unwrap().is_none());
    assert!(
        store
            .init_server_secret("ring", &first, at(1))
            .await
            .unwrap()
            == first
    );
    // A second node starting later adopts the stored value.
    assert!(
        store
            .init_server_secret("ring", &second, at(2))
            .await
            .unwrap()
            == first
    );
    assert!(store.server_secret("ring").await.unwrap() == Some(first.clone()));
    // Compare and swap: a stale expectation does not overwrite.
    assert!(
        !store
            .replace_server_secret("ring", &second, &third, at(3))
            .await
            .unwrap()
    );
    assert!(
        store
            .replace_server_secret("ring", &first, &third, at(3))
            .await
            .unwrap()
    );
    assert!(store.server_secret("ring").await.unwrap() == Some(third));
    assert!(store.server_secret("other").await.unwrap().is_none());
}

async fn accounts<S: Store>(store: S) {
    assert_eq!(store.generation(acct(A)).await.unwrap(), 0);
    with_accounts(&store, &[A]).await;
    let mut tx = store.begin().await.unwrap();
    let account = tx.account(acct(A)).await.unwrap().unwrap();
    assert_eq!(account.created, at(0));
    assert!(tx.account(acct(B)).await.unwrap().is_none());
    let again = tx
        .insert_account(&Account {
            id: acct(A),
            created: at(5),
        })
        .await;
    assert_eq!(conflict(again), Constraint::AccountId);
}

/// Fills account `id` with one entity of every kind, all linked to each other.
async fn populate<S: Store>(store: &S, id: &str) {
    let cipher = test_cipher();
    let secret = SecretAccessKey::new("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".into());
    let mut tx = store.begin().await.unwrap();
    let (uid, gid, rid, pid) = (
        format!("AIDA{id}"),
        format!("AGPA{id}"),
        format!("AROA{id}"),
        format!("ANPA{id}"),
    );
    tx.insert_user(&user(id, &uid, "u")).await.unwrap();
    tx.insert_group(&group(id, &gid, "g")).await.unwrap();
    tx.insert_role(&role(id, &rid, "r")).await.unwrap();
    tx.insert_policy(&new_policy(id, &pid, "p")).await.unwrap();
    tx.insert_policy_version(acct(id), &pid, DOC, at(2), false)
        .await
        .unwrap();
    tx.add_user_to_group(acct(id), &gid, &uid).await.unwrap();
    for holder in [
        PolicyHolder::User(uid.clone()),
        PolicyHolder::Group(gid.clone()),
        PolicyHolder::Role(rid.clone()),
    ] {
        tx.attach_policy(acct(id), &holder, &pid).await.unwrap();
        tx.put_inline_policy(
            acct(id),
            &InlinePolicy {
                holder,
                name: "inline".to_owned(),
                document: DOC.to_owned(),
            },
        )
        .await
        .unwrap();
    }
    for (key_id, owner) in [
        (format!("AKIAU{id}"), KeyOwner::User(uid.clone())),
        (format!("AKIAR{id}"), KeyOwner::Root),
    ] {
        tx.insert_access_key(&AccessKey {
            account: acct(id),
            secret: cipher.seal(&key_id, &secret).unwrap(),
            id: key_id,
            owner,
            status: KeyStatus::Active,
            created: at(1),
            last_used: None,
        })
        .await
        .unwrap();
    }
    let tag = [Tag {
        key: "k".to_owned(),
        value: "v".to_owned(),
    }];
    tx.set_tags(acct(id), &TagTarget::User(uid.clone()), &tag)
        .await
        .unwrap();
    tx.insert_oidc_provider(&OidcProvider {
        account: acct(id),
        url: "token.example.com".to_owned(),
        client_ids: vec!["sts.amazonaws.com".to_owned()],
        thumbprints: vec![],
        created: at(1),
    })
    .await
    .unwrap();
    tx.insert_audit(&audit(id, &format!("event-{id}"), "CreateUser"))
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

async fn account_list_and_delete<S: Store>(store: S) {
    let mut tx = store.begin().await.unwrap();
    assert!(tx.list_accounts().await.unwrap().is_empty());
    drop(tx);
    with_accounts(&store, &[B, A]).await;
    populate(&store, A).await;
    populate(&store, B).await;
    let mut tx = store.begin().await.unwrap();
    let ids: Vec<_> = tx
        .list_accounts()
        .await
        .unwrap()
        .into_iter()
        .map(|a| (a.id, a.created))
        .collect();
    assert_eq!(ids, [(acct(A), at(0)), (acct(B), at(0))], "by id");
    drop(tx);

    // A dropped deletion leaves everything.
    let mut tx = store.begin().await.unwrap();
    tx.delete_account(acct(A)).await.unwrap();
    drop(tx);
    let mut tx = store.begin().await.unwrap();
    assert!(
        tx.user_by_id(acct(A), "AIDA111111111111")
            .await
            .unwrap()
            .is_some()
    );
    drop(tx);

    let mut changes = store.watch_changes();
    let mut tx = store.begin().await.unwrap();
    tx.delete_account(acct(A)).await.unwrap();
    tx.commit().await.unwrap();
    // Earlier changes may still be on their way (PostgreSQL's feed is asynchronous): the
    // deletion is the first change of A announced with generation 0.
    loop {
        match changes.next().await.unwrap() {
            Change::Account {
                account,
                generation: 0,
            } if account == acct(A) => break,
            Change::Account { .. } | Change::Lagged => {}
        }
    }
    assert_eq!(store.generation(acct(A)).await.unwrap(), 0);
    assert!(
        store
            .access_key("AKIAR111111111111")
            .await
            .unwrap()
            .is_none()
    );
    let mut tx = store.begin().await.unwrap();
    assert!(tx.account(acct(A)).await.unwrap().is_none());
    assert_eq!(
        tx.list_accounts()
            .await
            .unwrap()
            .into_iter()
            .map(|a| a.id)
            .collect::<Vec<_>>(),
        [acct(B)]
    );
    assert!(matches!(
        tx.delete_account(acct(A)).await,
        Err(StoreError::NotFound)
    ));
    for kind in [
        CountedEntity::Users,
        CountedEntity::Groups,
        CountedEntity::Roles,
        CountedEntity::Policies,
        CountedEntity::OidcProviders,
    ] {
        assert_eq!(tx.count(acct(A), kind).await.unwrap(), 0, "{kind:?} of A");
        assert_eq!(tx.count(acct(B), kind).await.unwrap(), 1, "{kind:?} of B");
    }
    assert!(
        tx.audit_events(acct(A), None, 10)
            .await
            .unwrap()
            .items
            .is_empty()
    );
    assert_eq!(
        tx.audit_events(acct(B), None, 10)
            .await
            .unwrap()
            .items
            .len(),
        1
    );
    let b_user = PolicyHolder::User("AIDA222222222222".to_owned());
    assert_eq!(
        tx.attached_policies(acct(B), &b_user).await.unwrap().len(),
        1
    );
    assert_eq!(tx.inline_policies(acct(B), &b_user).await.unwrap().len(), 1);
    drop(tx);

    // The id can be used again, from a clean slate.
    with_accounts(&store, &[A]).await;
    populate(&store, A).await;
    let mut tx = store.begin().await.unwrap();
    assert_eq!(tx.count(acct(A), CountedEntity::Users).await.unwrap(), 1);
    assert_eq!(
        tx.access_keys(acct(A), &KeyOwner::Root)
            .await
            .unwrap()
            .len(),
        1
    );
}

async fn wipe<S: Store>(store: S) {
    with_accounts(&store, &[A, B]).await;
    populate(&store, A).await;
    populate(&store, B).await;
    let secret = crate::EncryptedSecret::from_bytes(vec![1, 2, 3]);
    store
        .init_server_secret("sts-key-ring", &secret, at(0))
        .await
        .unwrap();
    let mut changes = store.watch_changes();
    store.wipe().await.unwrap();
    // Earlier changes may still be on their way (PostgreSQL's feed is asynchronous).
    while changes.next().await.unwrap() != Change::Lagged {}

    assert!(store.server_secret("sts-key-ring").await.unwrap().is_none());
    assert!(
        store
            .access_key("AKIAR111111111111")
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(store.generation(acct(A)).await.unwrap(), 0);
    let mut tx = store.begin().await.unwrap();
    assert!(tx.list_accounts().await.unwrap().is_empty());
    assert!(
        tx.user_by_id(acct(B), "AIDA222222222222")
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        tx.audit_events(acct(A), None, 10)
            .await
            .unwrap()
            .items
            .is_empty()
    );
    drop(tx);

    // The schema is intact: everything can be created again under the same ids.
    with_accounts(&store, &[A]).await;
    populate(&store, A).await;
    let mut tx = store.begin().await.unwrap();
    assert_eq!(tx.count(acct(A), CountedEntity::Users).await.unwrap(), 1);
    drop(tx);
    assert_eq!(
        store
            .init_server_secret("sts-key-ring", &secret, at(1))
            .await
            .unwrap(),
        secret
    );
}

async fn user_lifecycle<S: Store>(store: S) {
    with_accounts(&store, &[A]).await;
    let mut tx = store.begin().await.unwrap();
    let mut alice = user(A, "AIDAALICE", "Alice");
    alice.path = "/eng/".to_owned();
    alice.permissions_boundary = Some(format!("arn:aws:iam::{A}:policy/Boundary"));
    tx.insert_user(&alice).await.unwrap();
    tx.insert_user(&user(A, "AIDABOB", "bob")).await.unwrap();
    tx.commit().await.unwrap();

    let mut tx = store.begin().await.unwrap();
    assert_eq!(
        tx.user_by_name(acct(A), "ALICE").await.unwrap(),
        Some(alice.clone())
    );
    assert_eq!(
        tx.user_by_id(acct(A), "AIDAALICE").await.unwrap(),
        Some(alice.clone())
    );
    assert_eq!(tx.count(acct(A), CountedEntity::Users).await.unwrap(), 2);

    let mut renamed = alice.clone();
    renamed.name = "Carol".to_owned();
    renamed.path = "/ops/".to_owned();
    renamed.password_last_used = Some(at(9));
    tx.update_user(&renamed).await.unwrap();
    assert!(tx.user_by_name(acct(A), "alice").await.unwrap().is_none());
    assert_eq!(
        tx.user_by_name(acct(A), "carol").await.unwrap(),
        Some(renamed.clone())
    );
    let names: Vec<_> = tx
        .list_users(acct(A), &ListQuery::first(100))
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|u| u.name)
        .collect();
    assert_eq!(names, ["bob", "Carol"], "case-insensitive ascending order");

    tx.delete_user(acct(A), "AIDABOB").await.unwrap();
    assert!(matches!(
        tx.delete_user(acct(A), "AIDABOB").await,
        Err(StoreError::NotFound)
    ));
    let mut ghost = user(A, "AIDAGHOST", "ghost");
    ghost.name = "ghost".to_owned();
    assert!(matches!(
        tx.update_user(&ghost).await,
        Err(StoreError::NotFound)
    ));
    tx.commit().await.unwrap();

    let mut tx = store.begin().await.unwrap();
    assert!(tx.user_by_id(acct(A), "AIDABOB").await.unwrap().is_none());
    assert_eq!(tx.count(acct(A), CountedEntity::Users).await.unwrap(), 1);
}

async fn case_insensitive_uniqueness<S: Store>(store: S) {
    with_accounts(&store, &[A, B]).await;
    let mut tx = store.begin().await.unwrap();
    tx.insert_user(&user(A, "AIDA1", "Alice")).await.unwrap();
    tx.insert_group(&group(A, "AGPA1", "Admins")).await.unwrap();
    tx.insert_role(&role(A, "AROA1", "Deploy")).await.unwrap();
    tx.insert_policy(&new_policy(A, "ANPA1", "ReadAll"))
        .await
        .unwrap();
    // The same names in another account are fine.
    tx.insert_user(&user(B, "AIDA2", "alice")).await.unwrap();
    tx.insert_group(&group(B, "AGPA2", "admins")).await.unwrap();
    tx.commit().await.unwrap();

    let mut tx = store.begin().await.unwrap();
    assert_eq!(
        conflict(tx.insert_user(&user(A, "AIDA3", "alice")).await),
        Constraint::UserName
    );
    drop(tx);
    let mut tx = store.begin().await.unwrap();
    assert_eq!(
        conflict(tx.insert_group(&group(A, "AGPA3", "ADMINS")).await),
        Constraint::GroupName
    );
    drop(tx);
    let mut tx = store.begin().await.unwrap();
    assert_eq!(
        conflict(tx.insert_role(&role(A, "AROA3", "deploy")).await),
        Constraint::RoleName
    );
    drop(tx);
    let mut tx = store.begin().await.unwrap();
    assert_eq!(
        conflict(tx.insert_policy(&new_policy(A, "ANPA3", "readall")).await),
        Constraint::PolicyName
    );
    drop(tx);
    let mut tx = store.begin().await.unwrap();
    assert_eq!(
        conflict(tx.insert_user(&user(A, "AIDA1", "Zed")).await),
        Constraint::EntityId
    );
    drop(tx);
    // Renaming onto another user's name collides too.
    let mut tx = store.begin().await.unwrap();
    tx.insert_user(&user(A, "AIDA4", "Bob")).await.unwrap();
    assert_eq!(
        conflict(tx.update_user(&user(A, "AIDA4", "ALICE")).await),
        Constraint::UserName
    );
}

async fn pagination_across_inserts<S: Store>(store: S) {
    with_accounts(&store, &[A]).await;
    let mut tx = store.begin().await.unwrap();
    for (i, name) in ["b", "D", "f", "H", "j"].iter().enumerate() {
        tx.insert_user(&user(A, &format!("AIDA{i}"), name))
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();

    let query = ListQuery::first(2);
    let mut tx = store.begin().await.unwrap();
    let page = tx.list_users(acct(A), &query).await.unwrap();
    let names: Vec<_> = page.items.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["b", "D"]);
    let next = page.next.clone().expect("more users exist");
    tx.commit().await.unwrap();

    // Inserts before and after the marker between two page requests.
    let mut tx = store.begin().await.unwrap();
    tx.insert_user(&user(A, "AIDAA", "a")).await.unwrap();
    tx.insert_user(&user(A, "AIDAE", "E")).await.unwrap();
    tx.commit().await.unwrap();

    let mut seen = names.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    let mut tx = store.begin().await.unwrap();
    let mut query = query.after(&next);
    loop {
        let page = tx.list_users(acct(A), &query).await.unwrap();
        assert!(page.items.len() <= 2);
        seen.extend(page.items.iter().map(|u| u.name.clone()));
        match page.next {
            Some(next) => query = query.after(&next),
            None => break,
        }
    }
    assert_eq!(
        seen,
        ["b", "D", "E", "f", "H", "j"],
        "no duplicates, no skipped items"
    );

    // A full last page says there is nothing more.
    let page = tx.list_users(acct(A), &ListQuery::first(7)).await.unwrap();
    assert_eq!(page.items.len(), 7);
    assert_eq!(page.next, None);
    let page = tx.list_users(acct(A), &ListQuery::first(6)).await.unwrap();
    assert_eq!(page.next.as_deref(), Some("h"));
}

async fn path_prefix_filter<S: Store>(store: S) {
    with_accounts(&store, &[A]).await;
    let mut tx = store.begin().await.unwrap();
    for (id, name, path) in [
        ("AIDA1", "a", "/division/"),
        ("AIDA2", "b", "/division_abc/"),
        ("AIDA3", "c", "/Division/"),
        ("AIDA4", "d", "/"),
    ] {
        let mut u = user(A, id, name);
        u.path = path.to_owned();
        tx.insert_user(&u).await.unwrap();
        let mut r = role(A, &id.replace("AIDA", "AROA"), name);
        r.path = path.to_owned();
        tx.insert_role(&r).await.unwrap();
    }
    let query = ListQuery {
        path_prefix: "/division".to_owned(),
        after: None,
        limit: 100,
    };
    let users: Vec<_> = tx
        .list_users(acct(A), &query)
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|u| u.name)
        .collect();
    assert_eq!(users, ["a", "b"]);
    let roles = tx.list_roles(acct(A), &query).await.unwrap().items;
    assert_eq!(roles.len(), 2);
    assert_eq!(
        tx.list_roles(acct(A), &ListQuery::first(100))
            .await
            .unwrap()
            .items
            .len(),
        4
    );
}

async fn groups_and_membership<S: Store>(store: S) {
    with_accounts(&store, &[A]).await;
    let mut tx = store.begin().await.unwrap();
    tx.insert_group(&group(A, "AGPA1", "devs")).await.unwrap();
    tx.insert_group(&group(A, "AGPA2", "Admins")).await.unwrap();
    tx.insert_user(&user(A, "AIDA1", "zoe")).await.unwrap();
    tx.insert_user(&user(A, "AIDA2", "Adam")).await.unwrap();
    assert!(
        tx.add_user_to_group(acct(A), "AGPA1", "AIDA1")
            .await
            .unwrap()
    );
    assert!(
        !tx.add_user_to_group(acct(A), "AGPA1", "AIDA1")
            .await
            .unwrap()
    );
    assert!(
        tx.add_user_to_group(acct(A), "AGPA1", "AIDA2")
            .await
            .unwrap()
    );
    assert!(
        tx.add_user_to_group(acct(A), "AGPA2", "AIDA1")
            .await
            .unwrap()
    );
    assert!(matches!(
        tx.add_user_to_group(acct(A), "AGPA1", "AIDANOBODY").await,
        Err(StoreError::NotFound)
    ));
    tx.commit().await.unwrap();

    let mut tx = store.begin().await.unwrap();
    let members: Vec<_> = tx
        .group_members(acct(A), "AGPA1", &ListQuery::first(10))
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|u| u.name)
        .collect();
    assert_eq!(members, ["Adam", "zoe"]);
    let groups: Vec<_> = tx
        .groups_for_user(acct(A), "AIDA1", &ListQuery::first(10))
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|g| g.name)
        .collect();
    assert_eq!(groups, ["Admins", "devs"]);
    let mut renamed = group(A, "AGPA1", "Developers");
    renamed.path = "/eng/".to_owned();
    tx.update_group(&renamed).await.unwrap();
    assert_eq!(
        tx.group_by_name(acct(A), "developers").await.unwrap(),
        Some(renamed)
    );
    assert_eq!(
        tx.list_groups(acct(A), &ListQuery::first(10))
            .await
            .unwrap()
            .items
            .len(),
        2
    );
    tx.commit().await.unwrap();

    let mut tx = store.begin().await.unwrap();
    assert_eq!(
        conflict(tx.delete_group(acct(A), "AGPA1").await),
        Constraint::InUse
    );
    drop(tx);
    let mut tx = store.begin().await.unwrap();
    assert!(
        tx.remove_user_from_group(acct(A), "AGPA1", "AIDA1")
            .await
            .unwrap()
    );
    assert!(
        !tx.remove_user_from_group(acct(A), "AGPA1", "AIDA1")
            .await
            .unwrap()
    );
    assert!(
        tx.remove_user_from_group(acct(A), "AGPA1", "AIDA2")
            .await
            .unwrap()
    );
    tx.delete_group(acct(A), "AGPA1").await.unwrap();
    tx.commit().await.unwrap();
    let mut tx = store.begin().await.unwrap();
    assert!(tx.group_by_id(acct(A), "AGPA1").await.unwrap().is_none());
    assert_eq!(tx.count(acct(A), CountedEntity::Groups).await.unwrap(), 1);
}

async fn role_lifecycle<S: Store>(store: S) {
    with_accounts(&store, &[A]).await;
    let mut tx = store.begin().await.unwrap();
    let deploy = role(A, "AROA1", "Deploy");
    tx.insert_role(&deploy).await.unwrap();
    tx.commit().await.unwrap();

    let mut tx = store.begin().await.unwrap();
    let stored = tx.role_by_name(acct(A), "deploy").await.unwrap().unwrap();
    assert_eq!(stored, deploy);
    assert_eq!(stored.trust_policy, TRUST, "trust policy is kept verbatim");
    let mut changed = stored.clone();
    changed.description = None;
    changed.max_session_duration = 43200;
    changed.trust_policy = "{ }".to_owned();
    // Save-time principal resolution (policy.md §1.7.3) round-trips with the role.
    changed.trust_principals = vec![
        ResolvedPrincipal {
            arn: format!("arn:aws:iam::{A}:user/a/b"),
            id: "AIDAB".to_owned(),
        },
        ResolvedPrincipal {
            arn: format!("arn:aws:iam::{B}:role/\"q\""),
            id: "AROAQ".to_owned(),
        },
    ];
    changed.permissions_boundary = Some(format!("arn:aws:iam::{A}:policy/B"));
    tx.update_role(&changed).await.unwrap();
    tx.commit().await.unwrap();

    let used = RoleLastUsed {
        date: at(60),
        region: "eu-west-1".to_owned(),
    };
    store.record_role_use("AROA1", &used).await.unwrap();
    let mut tx = store.begin().await.unwrap();
    let stored = tx.role_by_id(acct(A), "AROA1").await.unwrap().unwrap();
    assert_eq!(stored.last_used, Some(used));
    assert_eq!(stored.description, None);
    assert_eq!(stored.max_session_duration, 43200);
    assert_eq!(stored.trust_policy, "{ }");
    assert_eq!(stored.trust_principals, changed.trust_principals);
    tx.delete_role(acct(A), "AROA1").await.unwrap();
    assert!(tx.role_by_id(acct(A), "AROA1").await.unwrap().is_none());
    assert_eq!(tx.count(acct(A), CountedEntity::Roles).await.unwrap(), 0);
}

async fn policy_versions_never_reused<S: Store>(store: S) {
    with_accounts(&store, &[A]).await;
    let mut tx = store.begin().await.unwrap();
    let mut spec = new_policy(A, "ANPA1", "Ops");
    spec.description = Some("operators".to_owned());
    let created = tx.insert_policy(&spec).await.unwrap();
    assert_eq!(created.default_version_id, "v1");
    assert_eq!(created.arn, spec.arn);
    assert_eq!(created.description.as_deref(), Some("operators"));
    assert_eq!(
        (created.attachment_count, created.boundary_usage_count),
        (0, 0)
    );
    assert_eq!(created.updated, created.created);
    let v2 = tx
        .insert_policy_version(acct(A), "ANPA1", "{\"v\": 2}", at(10), false)
        .await
        .unwrap();
    assert_eq!((v2.version_id.as_str(), v2.is_default), ("v2", false));
    let v3 = tx
        .insert_policy_version(acct(A), "ANPA1", "{\"v\": 3}", at(20), true)
        .await
        .unwrap();
    assert_eq!((v3.version_id.as_str(), v3.is_default), ("v3", true));
    tx.commit().await.unwrap();

    let mut tx = store.begin().await.unwrap();
    let policy = tx.policy_by_name(acct(A), "OPS").await.unwrap().unwrap();
    assert_eq!(policy.default_version_id, "v3");
    assert_eq!(policy.updated, at(20));
    tx.delete_policy_version(acct(A), "ANPA1", "v2")
        .await
        .unwrap();
    assert_eq!(
        conflict(tx.delete_policy_version(acct(A), "ANPA1", "v3").await),
        Constraint::DefaultPolicyVersion
    );
    tx.commit().await.unwrap();

    let mut tx = store.begin().await.unwrap();
    let v4 = tx
        .insert_policy_version(acct(A), "ANPA1", "{\"v\": 4}", at(30), false)
        .await
        .unwrap();
    assert_eq!(v4.version_id, "v4", "v2 is never reused");
    let ids: Vec<_> = tx
        .policy_versions(acct(A), "ANPA1")
        .await
        .unwrap()
        .into_iter()
        .map(|v| (v.version_id, v.is_default))
        .collect();
    assert_eq!(
        ids,
        [
            ("v4".into(), false),
            ("v3".into(), true),
            ("v1".into(), false)
        ]
    );
    let v1 = tx
        .policy_version(acct(A), "ANPA1", "v1")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(v1.document, DOC, "documents are kept verbatim");
    for missing in ["v2", "v9", "1", "v01", "v", ""] {
        assert!(
            tx.policy_version(acct(A), "ANPA1", missing)
                .await
                .unwrap()
                .is_none(),
            "{missing}"
        );
    }
    assert!(matches!(
        tx.delete_policy_version(acct(A), "ANPA1", "v2").await,
        Err(StoreError::NotFound)
    ));
    tx.set_default_policy_version(acct(A), "ANPA1", "v1", at(40))
        .await
        .unwrap();
    assert!(matches!(
        tx.set_default_policy_version(acct(A), "ANPA1", "v2", at(41))
            .await,
        Err(StoreError::NotFound)
    ));
    let policy = tx.policy_by_id(acct(A), "ANPA1").await.unwrap().unwrap();
    assert_eq!(
        (policy.default_version_id.as_str(), policy.updated),
        ("v1", at(40))
    );
    tx.commit().await.unwrap();

    // Deleting the policy and creating it again starts a new history under a new id.
    let mut tx = store.begin().await.unwrap();
    for v in ["v3", "v4"] {
        tx.delete_policy_version(acct(A), "ANPA1", v).await.unwrap();
    }
    tx.delete_policy(acct(A), "ANPA1").await.unwrap();
    assert!(
        tx.policy_versions(acct(A), "ANPA1")
            .await
            .unwrap()
            .is_empty()
    );
    let again = tx
        .insert_policy(&new_policy(A, "ANPA2", "Ops"))
        .await
        .unwrap();
    assert_eq!(again.default_version_id, "v1");
    tx.commit().await.unwrap();
}

async fn attachments_restrict_policy_deletion<S: Store>(store: S) {
    with_accounts(&store, &[A]).await;
    let mut tx = store.begin().await.unwrap();
    let policy = tx
        .insert_policy(&new_policy(A, "ANPA1", "Ops"))
        .await
        .unwrap();
    let other = tx
        .insert_policy(&new_policy(A, "ANPA2", "Audit"))
        .await
        .unwrap();
    tx.insert_user(&user(A, "AIDA1", "u")).await.unwrap();
    tx.insert_group(&group(A, "AGPA1", "g")).await.unwrap();
    tx.insert_role(&role(A, "AROA1", "r")).await.unwrap();
    let holders = [
        PolicyHolder::Role("AROA1".into()),
        PolicyHolder::User("AIDA1".into()),
        PolicyHolder::Group("AGPA1".into()),
    ];
    for holder in &holders {
        assert!(tx.attach_policy(acct(A), holder, "ANPA1").await.unwrap());
        assert!(!tx.attach_policy(acct(A), holder, "ANPA1").await.unwrap());
    }
    assert!(
        tx.attach_policy(acct(A), &holders[1], "ANPA2")
            .await
            .unwrap()
    );
    assert!(matches!(
        tx.attach_policy(acct(A), &holders[1], "ANPANONE").await,
        Err(StoreError::NotFound)
    ));
    tx.commit().await.unwrap();

    let mut tx = store.begin().await.unwrap();
    let stored = tx.policy_by_id(acct(A), "ANPA1").await.unwrap().unwrap();
    assert_eq!(stored.attachment_count, 3);
    assert_eq!(tx.policy_holders(acct(A), "ANPA1").await.unwrap(), holders);
    let attached: Vec<_> = tx
        .attached_policies(acct(A), &holders[1])
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(attached, ["Ops", "Audit"], "attachment order");
    let listed = tx
        .list_policies(acct(A), PolicyUsage::AsPermissions, &ListQuery::first(10))
        .await
        .unwrap();
    assert_eq!(listed.items.len(), 2);
    assert_eq!(
        conflict(tx.delete_policy(acct(A), "ANPA1").await),
        Constraint::InUse
    );
    drop(tx);

    // Boundary use counts and protects too.
    let mut tx = store.begin().await.unwrap();
    for holder in &holders {
        assert!(tx.detach_policy(acct(A), holder, "ANPA1").await.unwrap());
        assert!(!tx.detach_policy(acct(A), holder, "ANPA1").await.unwrap());
    }
    let mut u = tx.user_by_id(acct(A), "AIDA1").await.unwrap().unwrap();
    u.permissions_boundary = Some(policy.arn.clone());
    tx.update_user(&u).await.unwrap();
    let mut r = tx.role_by_id(acct(A), "AROA1").await.unwrap().unwrap();
    r.permissions_boundary = Some(policy.arn.clone());
    tx.update_role(&r).await.unwrap();
    let stored = tx
        .policy_by_arn(acct(A), &policy.arn)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (stored.attachment_count, stored.boundary_usage_count),
        (0, 2)
    );
    let boundaries = tx
        .list_policies(acct(A), PolicyUsage::AsBoundary, &ListQuery::first(10))
        .await
        .unwrap();
    assert_eq!(boundaries.items.len(), 1);
    let attached = tx
        .list_policies(acct(A), PolicyUsage::Attached, &ListQuery::first(10))
        .await
        .unwrap();
    assert_eq!(attached.items.len(), 2);
    assert_eq!(
        tx.list_policies(acct(A), PolicyUsage::Any, &ListQuery::first(10))
            .await
            .unwrap()
            .items
            .len(),
        2
    );
    tx.commit().await.unwrap();
    let mut tx = store.begin().await.unwrap();
    assert_eq!(
        conflict(tx.delete_policy(acct(A), "ANPA1").await),
        Constraint::InUse
    );
    drop(tx);

    let mut tx = store.begin().await.unwrap();
    u.permissions_boundary = None;
    tx.update_user(&u).await.unwrap();
    r.permissions_boundary = None;
    tx.update_role(&r).await.unwrap();
    tx.delete_policy(acct(A), "ANPA1").await.unwrap();
    assert!(tx.policy_by_id(acct(A), "ANPA1").await.unwrap().is_none());
    assert!(
        tx.policy_version(acct(A), "ANPA1", "v1")
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(other.name, "Audit");
    assert_eq!(tx.count(acct(A), CountedEntity::Policies).await.unwrap(), 1);
    tx.commit().await.unwrap();
}

async fn inline_policies<S: Store>(store: S) {
    with_accounts(&store, &[A]).await;
    let mut tx = store.begin().await.unwrap();
    tx.insert_user(&user(A, "AIDA1", "u")).await.unwrap();
    tx.insert_role(&role(A, "AROA1", "r")).await.unwrap();
    let holder = PolicyHolder::User("AIDA1".into());
    let put = |name: &str, document: &str| InlinePolicy {
        holder: holder.clone(),
        name: name.to_owned(),
        document: document.to_owned(),
    };
    tx.put_inline_policy(acct(A), &put("S3Read", DOC))
        .await
        .unwrap();
    tx.put_inline_policy(acct(A), &put("alpha", "{}"))
        .await
        .unwrap();
    // Same name in another case replaces the document and keeps the stored spelling.
    tx.put_inline_policy(acct(A), &put("s3read", "{\"new\": true}"))
        .await
        .unwrap();
    // The same name on another holder is independent.
    tx.put_inline_policy(
        acct(A),
        &InlinePolicy {
            holder: PolicyHolder::Role("AROA1".into()),
            name: "S3Read".into(),
            document: "{}".into(),
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    let mut tx = store.begin().await.unwrap();
    let got = tx
        .inline_policy(acct(A), &holder, "S3READ")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(got.name, "S3Read");
    assert_eq!(got.document, "{\"new\": true}");
    let names: Vec<_> = tx
        .inline_policies(acct(A), &holder)
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, ["alpha", "S3Read"]);
    assert!(
        tx.delete_inline_policy(acct(A), &holder, "ALPHA")
            .await
            .unwrap()
    );
    assert!(
        !tx.delete_inline_policy(acct(A), &holder, "alpha")
            .await
            .unwrap()
    );
    assert_eq!(tx.inline_policies(acct(A), &holder).await.unwrap().len(), 1);
    assert_eq!(
        tx.inline_policies(acct(A), &PolicyHolder::Role("AROA1".into()))
            .await
            .unwrap()
            .len(),
        1
    );
}

async fn user_dependents_restrict_deletion<S: Store>(store: S) {
    with_accounts(&store, &[A]).await;
    let cipher = test_cipher();
    let secret = SecretAccessKey::new("x".repeat(40));
    let mut tx = store.begin().await.unwrap();
    tx.insert_user(&user(A, "AIDA1", "u")).await.unwrap();
    tx.insert_access_key(&AccessKey {
        account: acct(A),
        id: "AKIAUSERKEY000000001".into(),
        owner: KeyOwner::User("AIDA1".into()),
        status: KeyStatus::Active,
        created: at(0),
        last_used: None,
        secret: cipher.seal("AKIAUSERKEY000000001", &secret).unwrap(),
    })
    .await
    .unwrap();
    tx.set_tags(
        acct(A),
        &TagTarget::User("AIDA1".into()),
        &[Tag {
            key: "k".into(),
            value: "v".into(),
        }],
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    let mut tx = store.begin().await.unwrap();
    assert_eq!(
        conflict(tx.delete_user(acct(A), "AIDA1").await),
        Constraint::InUse
    );
    drop(tx);
    let mut tx = store.begin().await.unwrap();
    tx.delete_access_key(acct(A), "AKIAUSERKEY000000001")
        .await
        .unwrap();
    tx.put_inline_policy(
        acct(A),
        &InlinePolicy {
            holder: PolicyHolder::User("AIDA1".into()),
            name: "p".into(),
            document: "{}".into(),
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let mut tx = store.begin().await.unwrap();
    assert_eq!(
        conflict(tx.delete_user(acct(A), "AIDA1").await),
        Constraint::InUse
    );
    drop(tx);
    let mut tx = store.begin().await.unwrap();
    assert!(
        tx.delete_inline_policy(acct(A), &PolicyHolder::User("AIDA1".into()), "p")
            .await
            .unwrap()
    );
    tx.delete_user(acct(A), "AIDA1").await.unwrap();
    // Tags go with the user (a later user with the same id would not inherit them).
    assert!(
        tx.tags(acct(A), &TagTarget::User("AIDA1".into()))
            .await
            .unwrap()
            .is_empty()
    );
    tx.commit().await.unwrap();
}

async fn access_keys<S: Store>(store: S) {
    with_accounts(&store, &[A]).await;
    let cipher = test_cipher();
    let secret = SecretAccessKey::new("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".into());
    let key = |id: &str, owner: KeyOwner, created: i64| AccessKey {
        account: acct(A),
        id: id.to_owned(),
        owner,
        status: KeyStatus::Active,
        created: at(created),
        last_used: None,
        secret: cipher.seal(id, &secret).unwrap(),
    };
    let mut tx = store.begin().await.unwrap();
    tx.insert_user(&user(A, "AIDA1", "u")).await.unwrap();
    let user_key_2 = key("AKIAUSER000000000002", KeyOwner::User("AIDA1".into()), 5);
    let user_key_1 = key("AKIAUSER000000000001", KeyOwner::User("AIDA1".into()), 1);
    let root_key = key("AKIAROOT000000000001", KeyOwner::Root, 0);
    for k in [&user_key_2, &user_key_1, &root_key] {
        tx.insert_access_key(k).await.unwrap();
    }
    assert_eq!(
        conflict(tx.insert_access_key(&root_key).await),
        Constraint::AccessKeyId
    );
    drop(tx);

    let mut tx = store.begin().await.unwrap();
    tx.insert_user(&user(A, "AIDA1", "u")).await.unwrap();
    for k in [&user_key_2, &user_key_1, &root_key] {
        tx.insert_access_key(k).await.unwrap();
    }
    tx.commit().await.unwrap();

    // The hot path: no transaction, the sealed secret opens to the original.
    let stored = store
        .access_key("AKIAUSER000000000001")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored, user_key_1);
    assert_eq!(cipher.open(&stored.id, &stored.secret).unwrap(), secret);
    assert!(
        store
            .access_key("AKIANOPE000000000000")
            .await
            .unwrap()
            .is_none()
    );

    let mut tx = store.begin().await.unwrap();
    let ids: Vec<_> = tx
        .access_keys(acct(A), &KeyOwner::User("AIDA1".into()))
        .await
        .unwrap()
        .into_iter()
        .map(|k| k.id)
        .collect();
    assert_eq!(
        ids,
        ["AKIAUSER000000000001", "AKIAUSER000000000002"],
        "oldest first"
    );
    let root: Vec<_> = tx.access_keys(acct(A), &KeyOwner::Root).await.unwrap();
    assert_eq!(root, std::slice::from_ref(&root_key));
    tx.set_access_key_status(acct(A), "AKIAUSER000000000001", KeyStatus::Inactive)
        .await
        .unwrap();
    assert!(matches!(
        tx.set_access_key_status(acct(A), "AKIANOPE000000000000", KeyStatus::Active)
            .await,
        Err(StoreError::NotFound)
    ));
    tx.commit().await.unwrap();

    let used = KeyLastUsed {
        date: at(100),
        service: "iam".into(),
        region: "us-east-1".into(),
    };
    store
        .record_access_key_use("AKIAUSER000000000001", &used)
        .await
        .unwrap();
    let stored = store
        .access_key("AKIAUSER000000000001")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.status, KeyStatus::Inactive);
    assert_eq!(stored.last_used, Some(used));

    let mut tx = store.begin().await.unwrap();
    tx.delete_access_key(acct(A), "AKIAROOT000000000001")
        .await
        .unwrap();
    assert!(matches!(
        tx.delete_access_key(acct(A), "AKIAROOT000000000001").await,
        Err(StoreError::NotFound)
    ));
    tx.commit().await.unwrap();
    assert!(
        store
            .access_key("AKIAROOT000000000001")
            .await
            .unwrap()
            .is_none()
    );
}

async fn access_keys_same_second_in_creation_order<S: Store>(store: S) {
    // api.md §1.5: oldest first; `created` has whole seconds, so keys created within one
    // second must still come back in creation order. The ids are chosen to sort the other
    // way round, and the keys are spread over two transactions and two owners.
    with_accounts(&store, &[A]).await;
    let cipher = test_cipher();
    let secret = SecretAccessKey::new("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".into());
    let key = |id: &str, owner: KeyOwner| AccessKey {
        account: acct(A),
        id: id.to_owned(),
        owner,
        status: KeyStatus::Active,
        created: at(7),
        last_used: None,
        secret: cipher.seal(id, &secret).unwrap(),
    };
    let owner = KeyOwner::User("AIDA1".into());
    let mut tx = store.begin().await.unwrap();
    tx.insert_user(&user(A, "AIDA1", "u")).await.unwrap();
    tx.insert_access_key(&key("AKIAZZZZ000000000003", owner.clone()))
        .await
        .unwrap();
    tx.insert_access_key(&key("AKIAROOT000000000009", KeyOwner::Root))
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let mut tx = store.begin().await.unwrap();
    tx.insert_access_key(&key("AKIAMMMM000000000002", owner.clone()))
        .await
        .unwrap();
    tx.insert_access_key(&key("AKIAAAAA000000000001", KeyOwner::Root))
        .await
        .unwrap();
    tx.commit().await.unwrap();

    let mut tx = store.begin().await.unwrap();
    let ids = |keys: Vec<AccessKey>| keys.into_iter().map(|k| k.id).collect::<Vec<_>>();
    assert_eq!(
        ids(tx.access_keys(acct(A), &owner).await.unwrap()),
        ["AKIAZZZZ000000000003", "AKIAMMMM000000000002"],
        "user keys in creation order"
    );
    assert_eq!(
        ids(tx.access_keys(acct(A), &KeyOwner::Root).await.unwrap()),
        ["AKIAROOT000000000009", "AKIAAAAA000000000001"],
        "root keys in creation order"
    );
    // A deleted key does not disturb the order of the others.
    tx.delete_access_key(acct(A), "AKIAZZZZ000000000003")
        .await
        .unwrap();
    tx.insert_access_key(&key("AKIABBBB000000000004", owner.clone()))
        .await
        .unwrap();
    assert_eq!(
        ids(tx.access_keys(acct(A), &owner).await.unwrap()),
        ["AKIAMMMM000000000002", "AKIABBBB000000000004"]
    );
}

async fn tags<S: Store>(store: S) {
    with_accounts(&store, &[A]).await;
    let tag = |k: &str, v: &str| Tag {
        key: k.to_owned(),
        value: v.to_owned(),
    };
    let mut tx = store.begin().await.unwrap();
    tx.insert_role(&role(A, "AROA1", "r")).await.unwrap();
    let target = TagTarget::Role("AROA1".into());
    let first = [tag("z", "1"), tag("a", ""), tag("Costcenter", "7")];
    tx.set_tags(acct(A), &target, &first).await.unwrap();
    // Another kind of entity with the same id keeps its own tags.
    tx.set_tags(
        acct(A),
        &TagTarget::Policy("AROA1".into()),
        &[tag("p", "q")],
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    let mut tx = store.begin().await.unwrap();
    assert_eq!(
        tx.tags(acct(A), &target).await.unwrap(),
        first,
        "order is kept"
    );
    let second = [tag("a", "2")];
    tx.set_tags(acct(A), &target, &second).await.unwrap();
    assert_eq!(tx.tags(acct(A), &target).await.unwrap(), second);
    tx.set_tags(acct(A), &target, &[]).await.unwrap();
    assert!(tx.tags(acct(A), &target).await.unwrap().is_empty());
    assert_eq!(
        tx.tags(acct(A), &TagTarget::Policy("AROA1".into()))
            .await
            .unwrap()
            .len(),
        1
    );
    tx.set_tags(acct(A), &target, &first).await.unwrap();
    tx.delete_role(acct(A), "AROA1").await.unwrap();
    assert!(tx.tags(acct(A), &target).await.unwrap().is_empty());
}

async fn oidc_providers<S: Store>(store: S) {
    with_accounts(&store, &[A]).await;
    let provider = OidcProvider {
        account: acct(A),
        url: "token.actions.githubusercontent.com".into(),
        client_ids: vec!["sts.amazonaws.com".into(), "other".into()],
        thumbprints: vec!["6938fd4d98bab03faadb97b34396831e3780aea1".into()],
        created: at(0),
    };
    let mut tx = store.begin().await.unwrap();
    tx.insert_oidc_provider(&provider).await.unwrap();
    tx.commit().await.unwrap();
    let mut tx = store.begin().await.unwrap();
    assert_eq!(
        conflict(tx.insert_oidc_provider(&provider).await),
        Constraint::OidcProviderUrl
    );
    drop(tx);
    let mut tx = store.begin().await.unwrap();
    assert_eq!(
        tx.oidc_provider(acct(A), &provider.url).await.unwrap(),
        Some(provider.clone())
    );
    let mut changed = provider.clone();
    changed.client_ids = vec!["third".into()];
    changed.thumbprints.push("a".repeat(40));
    tx.update_oidc_provider(&changed).await.unwrap();
    let eks = OidcProvider {
        url: "oidc.eks.eu-west-1.amazonaws.com/id/ABC".into(),
        ..provider.clone()
    };
    tx.insert_oidc_provider(&eks).await.unwrap();
    assert_eq!(
        tx.list_oidc_providers(acct(A)).await.unwrap(),
        [eks.clone(), changed]
    );
    assert_eq!(
        tx.count(acct(A), CountedEntity::OidcProviders)
            .await
            .unwrap(),
        2
    );
    tx.delete_oidc_provider(acct(A), &provider.url)
        .await
        .unwrap();
    assert!(matches!(
        tx.delete_oidc_provider(acct(A), &provider.url).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(tx.list_oidc_providers(acct(A)).await.unwrap(), [eks]);
}

async fn saml_providers<S: Store>(store: S) {
    with_accounts(&store, &[A]).await;
    let provider = crate::SamlProvider {
        account: acct(A),
        name: "Okta".into(),
        uuid: "A1B2C3D4E5F6G7H8I9J0K1L2".into(),
        metadata: "<EntityDescriptor/>".repeat(100),
        valid_until: at(1_000_000),
        assertion_encryption_mode: None,
        created: at(0),
    };
    let mut tx = store.begin().await.unwrap();
    tx.insert_saml_provider(&provider).await.unwrap();
    tx.set_tags(
        acct(A),
        &TagTarget::SamlProvider("Okta".into()),
        &[Tag {
            key: "team".into(),
            value: "id".into(),
        }],
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let mut tx = store.begin().await.unwrap();
    assert_eq!(
        tx.saml_provider(acct(A), "Okta").await.unwrap(),
        Some(provider.clone())
    );
    // Names are case-sensitive (part of the ARN).
    assert_eq!(tx.saml_provider(acct(A), "okta").await.unwrap(), None);
    let mut changed = provider.clone();
    changed.metadata = "<EntityDescriptor validUntil=\"x\"/>".into();
    changed.valid_until = at(2_000_000);
    changed.assertion_encryption_mode = Some("Allowed".into());
    tx.update_saml_provider(&changed).await.unwrap();
    // Private keys: added, listed oldest first, removed one by one, sealed bytes kept.
    let key = |id: &str, second: i64| crate::SamlPrivateKey {
        key_id: id.into(),
        created: at(second),
        private_key: crate::EncryptedSecret::from_bytes(vec![
            9,
            8,
            7,
            u8::try_from(second).unwrap(),
        ]),
    };
    assert!(
        tx.saml_private_keys(acct(A), "Okta")
            .await
            .unwrap()
            .is_empty()
    );
    tx.insert_saml_private_key(acct(A), "Okta", &key("KEYTWO0000000000000000", 20))
        .await
        .unwrap();
    tx.insert_saml_private_key(acct(A), "Okta", &key("KEYONE0000000000000000", 10))
        .await
        .unwrap();
    assert_eq!(
        tx.saml_private_keys(acct(A), "Okta").await.unwrap(),
        [
            key("KEYONE0000000000000000", 10),
            key("KEYTWO0000000000000000", 20)
        ]
    );
    assert!(
        tx.saml_private_keys(acct(A), "okta")
            .await
            .unwrap()
            .is_empty()
    );
    tx.delete_saml_private_key(acct(A), "Okta", "KEYONE0000000000000000")
        .await
        .unwrap();
    assert!(matches!(
        tx.delete_saml_private_key(acct(A), "Okta", "KEYONE0000000000000000")
            .await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(
        tx.saml_private_keys(acct(A), "Okta").await.unwrap(),
        [key("KEYTWO0000000000000000", 20)]
    );
    let adfs = crate::SamlProvider {
        name: "ADFS".into(),
        uuid: "Z".repeat(24),
        ..provider.clone()
    };
    tx.insert_saml_provider(&adfs).await.unwrap();
    assert_eq!(
        tx.list_saml_providers(acct(A)).await.unwrap(),
        [adfs.clone(), changed]
    );
    assert_eq!(
        tx.count(acct(A), CountedEntity::SamlProviders)
            .await
            .unwrap(),
        2
    );
    tx.delete_saml_provider(acct(A), "Okta").await.unwrap();
    assert!(matches!(
        tx.delete_saml_provider(acct(A), "Okta").await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        tx.update_saml_provider(&provider).await,
        Err(StoreError::NotFound)
    ));
    assert!(
        tx.tags(acct(A), &TagTarget::SamlProvider("Okta".into()))
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(tx.list_saml_providers(acct(A)).await.unwrap(), [adfs]);
    // Deleting the provider took its keys.
    assert!(
        tx.saml_private_keys(acct(A), "Okta")
            .await
            .unwrap()
            .is_empty()
    );
}

async fn audit_is_atomic_with_the_change<S: Store>(store: S) {
    with_accounts(&store, &[A]).await;
    // Dropped: neither the user nor its audit event exists.
    let mut tx = store.begin().await.unwrap();
    tx.insert_user(&user(A, "AIDA1", "dropped")).await.unwrap();
    tx.insert_audit(&audit(A, "e-dropped", "CreateUser"))
        .await
        .unwrap();
    drop(tx);
    // Explicit rollback: same.
    let mut tx = store.begin().await.unwrap();
    tx.insert_user(&user(A, "AIDA1", "rolled")).await.unwrap();
    tx.insert_audit(&audit(A, "e-rolled", "CreateUser"))
        .await
        .unwrap();
    tx.rollback().await.unwrap();

    let mut tx = store.begin().await.unwrap();
    assert!(
        tx.audit_events(acct(A), None, 10)
            .await
            .unwrap()
            .items
            .is_empty()
    );
    assert!(tx.user_by_id(acct(A), "AIDA1").await.unwrap().is_none());
    // Committed: both, and the record is verbatim.
    tx.insert_user(&user(A, "AIDA1", "kept")).await.unwrap();
    let event = audit(A, "e-kept", "CreateUser");
    tx.insert_audit(&event).await.unwrap();
    tx.commit().await.unwrap();

    let mut tx = store.begin().await.unwrap();
    for i in 0..3 {
        tx.insert_audit(&audit(A, &format!("e-{i}"), "ListUsers"))
            .await
            .unwrap();
    }
    assert_eq!(
        conflict(tx.insert_audit(&audit(A, "e-kept", "X")).await),
        Constraint::AuditEventId
    );
    drop(tx);
    let mut tx = store.begin().await.unwrap();
    for i in 0..3 {
        tx.insert_audit(&audit(A, &format!("e-{i}"), "ListUsers"))
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();

    let mut tx = store.begin().await.unwrap();
    let first = tx.audit_events(acct(A), None, 2).await.unwrap();
    assert_eq!(first.items[0], event);
    assert_eq!(first.items[1].id, "e-0");
    let rest = tx
        .audit_events(acct(A), first.next.as_deref(), 2)
        .await
        .unwrap();
    let ids: Vec<_> = rest.items.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["e-1", "e-2"]);
    assert_eq!(rest.next, None);
}

async fn audit_batch<S: Store>(store: S) {
    with_accounts(&store, &[A]).await;
    // More rows than one multi-row insert holds, to cross a chunk boundary.
    let events: Vec<AuditEvent> = (0..600)
        .map(|i| audit(A, &format!("b-{i:04}"), "GetUser"))
        .collect();
    let mut tx = store.begin().await.unwrap();
    tx.insert_audit_batch(&events).await.unwrap();
    drop(tx);
    let mut tx = store.begin().await.unwrap();
    assert!(
        tx.audit_events(acct(A), None, 10)
            .await
            .unwrap()
            .items
            .is_empty(),
        "a dropped batch leaves nothing"
    );
    tx.insert_audit_batch(&events).await.unwrap();
    tx.commit().await.unwrap();

    let mut stored = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let mut tx = store.begin_read().await.unwrap();
        let page = tx
            .audit_events(acct(A), after.as_deref(), 250)
            .await
            .unwrap();
        stored.extend(page.items);
        match page.next {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    assert_eq!(
        stored, events,
        "every event, verbatim and in insertion order"
    );
    // A duplicate id anywhere in a batch rejects the batch.
    let mut tx = store.begin().await.unwrap();
    let clash = [audit(A, "c-1", "GetUser"), audit(A, "b-0001", "GetUser")];
    assert_eq!(
        conflict(tx.insert_audit_batch(&clash).await),
        Constraint::AuditEventId
    );
}

async fn dropped_transaction_leaves_nothing<S: Store>(store: S) {
    with_accounts(&store, &[A]).await;
    let mut tx = store.begin().await.unwrap();
    tx.insert_user(&user(A, "AIDA1", "alice")).await.unwrap();
    tx.commit().await.unwrap();
    let before = store.generation(acct(A)).await.unwrap();

    // A CreateUser-like operation: a group and tags are written, then the user insert
    // fails; the operation gives up, and none of it may remain.
    let mut tx = store.begin().await.unwrap();
    tx.insert_group(&group(A, "AGPA1", "g")).await.unwrap();
    tx.set_tags(
        acct(A),
        &TagTarget::User("AIDA2".into()),
        &[Tag {
            key: "k".into(),
            value: "v".into(),
        }],
    )
    .await
    .unwrap();
    tx.insert_audit(&audit(A, "e-1", "CreateUser"))
        .await
        .unwrap();
    assert_eq!(
        conflict(tx.insert_user(&user(A, "AIDA2", "ALICE")).await),
        Constraint::UserName
    );
    drop(tx);

    let mut tx = store.begin().await.unwrap();
    assert!(tx.group_by_id(acct(A), "AGPA1").await.unwrap().is_none());
    assert!(
        tx.tags(acct(A), &TagTarget::User("AIDA2".into()))
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        tx.audit_events(acct(A), None, 10)
            .await
            .unwrap()
            .items
            .is_empty()
    );
    assert_eq!(
        store.generation(acct(A)).await.unwrap(),
        before,
        "no bump without commit"
    );
}

async fn generation_bumps_on_every_mutation<S: Store>(store: S) {
    let mut changes = store.watch_changes();
    with_accounts(&store, &[A, B]).await;
    let mut expected_a = store.generation(acct(A)).await.unwrap();
    assert_eq!(expected_a, 1, "creating the account is its first change");

    // Drain the account-creation notifications.
    let mut seen = Vec::new();
    while seen.len() < 2 {
        match changes.next().await.unwrap() {
            Change::Account {
                account,
                generation,
            } => seen.push((account, generation)),
            Change::Lagged => {}
        }
    }
    seen.sort();
    assert_eq!(seen, [(acct(A), 1), (acct(B), 1)]);

    let mut mutate = async |label: &str, tx: S::Tx| {
        tx.commit().await.unwrap();
        expected_a += 1;
        assert_eq!(
            store.generation(acct(A)).await.unwrap(),
            expected_a,
            "after {label}"
        );
        loop {
            match changes.next().await.unwrap() {
                Change::Account {
                    account,
                    generation,
                } if account == acct(A) => {
                    assert_eq!(generation, expected_a, "announced after {label}");
                    break;
                }
                _ => {}
            }
        }
    };

    let mut tx = store.begin().await.unwrap();
    tx.insert_user(&user(A, "AIDA1", "u")).await.unwrap();
    mutate("insert user", tx).await;
    let mut tx = store.begin().await.unwrap();
    // Several writes in one transaction: one bump.
    tx.insert_group(&group(A, "AGPA1", "g")).await.unwrap();
    tx.add_user_to_group(acct(A), "AGPA1", "AIDA1")
        .await
        .unwrap();
    tx.insert_policy(&new_policy(A, "ANPA1", "p"))
        .await
        .unwrap();
    mutate("several writes", tx).await;
    let mut tx = store.begin().await.unwrap();
    tx.attach_policy(acct(A), &PolicyHolder::Group("AGPA1".into()), "ANPA1")
        .await
        .unwrap();
    mutate("attach", tx).await;
    let mut tx = store.begin().await.unwrap();
    tx.insert_policy_version(acct(A), "ANPA1", "{}", at(1), true)
        .await
        .unwrap();
    mutate("policy version", tx).await;
    let mut tx = store.begin().await.unwrap();
    tx.put_inline_policy(
        acct(A),
        &InlinePolicy {
            holder: PolicyHolder::User("AIDA1".into()),
            name: "i".into(),
            document: "{}".into(),
        },
    )
    .await
    .unwrap();
    mutate("inline policy", tx).await;
    let mut tx = store.begin().await.unwrap();
    tx.set_tags(acct(A), &TagTarget::User("AIDA1".into()), &[])
        .await
        .unwrap();
    mutate("tags", tx).await;
    let mut tx = store.begin().await.unwrap();
    tx.detach_policy(acct(A), &PolicyHolder::Group("AGPA1".into()), "ANPA1")
        .await
        .unwrap();
    mutate("detach", tx).await;
    let mut tx = store.begin().await.unwrap();
    tx.remove_user_from_group(acct(A), "AGPA1", "AIDA1")
        .await
        .unwrap();
    tx.delete_group(acct(A), "AGPA1").await.unwrap();
    mutate("delete group", tx).await;

    // Reads, audit-only writes and no-op writes change nothing.
    let mut tx = store.begin().await.unwrap();
    tx.user_by_name(acct(A), "u").await.unwrap();
    tx.insert_audit(&audit(A, "e-1", "GetUser")).await.unwrap();
    assert!(
        !tx.detach_policy(acct(A), &PolicyHolder::User("AIDA1".into()), "ANPA1")
            .await
            .unwrap()
    );
    tx.commit().await.unwrap();
    assert_eq!(store.generation(acct(A)).await.unwrap(), expected_a);
    assert_eq!(
        store.generation(acct(B)).await.unwrap(),
        1,
        "other accounts untouched"
    );
}

async fn concurrent_writers_one_wins<S: Store>(store: S) {
    with_accounts(&store, &[A]).await;
    let writer = |id: &'static str| {
        let store = store.clone();
        async move {
            let mut tx = store.begin().await?;
            tx.lock_account(acct(A)).await?;
            tx.insert_user(&user(A, id, if id.ends_with('1') { "Dup" } else { "dup" }))
                .await?;
            tx.commit().await
        }
    };
    let (one, two) = join(writer("AIDA1"), writer("AIDA2")).await;
    let outcomes = [&one, &two];
    assert_eq!(
        outcomes.iter().filter(|r| r.is_ok()).count(),
        1,
        "{one:?} {two:?}"
    );
    let loser = outcomes.iter().find(|r| r.is_err()).unwrap();
    assert!(
        matches!(
            loser,
            Err(StoreError::Conflict {
                constraint: Constraint::UserName
            })
        ),
        "{loser:?}"
    );
    let mut tx = store.begin().await.unwrap();
    assert_eq!(tx.count(acct(A), CountedEntity::Users).await.unwrap(), 1);
}

async fn account_isolation<S: Store>(store: S) {
    with_accounts(&store, &[A, B]).await;
    let mut tx = store.begin().await.unwrap();
    tx.insert_user(&user(A, "AIDA1", "u")).await.unwrap();
    tx.insert_group(&group(A, "AGPA1", "g")).await.unwrap();
    tx.insert_policy(&new_policy(A, "ANPA1", "p"))
        .await
        .unwrap();
    tx.insert_user(&user(B, "AIDB1", "v")).await.unwrap();
    tx.commit().await.unwrap();

    let mut tx = store.begin().await.unwrap();
    assert!(tx.user_by_id(acct(B), "AIDA1").await.unwrap().is_none());
    assert!(tx.user_by_name(acct(B), "u").await.unwrap().is_none());
    assert!(tx.policy_by_id(acct(B), "ANPA1").await.unwrap().is_none());
    assert!(
        tx.list_users(acct(B), &ListQuery::first(10))
            .await
            .unwrap()
            .items
            .len()
            == 1
    );
    // Cross-account attachment and membership are refused as not found.
    assert!(matches!(
        tx.attach_policy(acct(B), &PolicyHolder::User("AIDB1".into()), "ANPA1")
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        tx.add_user_to_group(acct(A), "AGPA1", "AIDB1").await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        tx.delete_user(acct(B), "AIDA1").await,
        Err(StoreError::NotFound)
    ));
}

async fn mfa_devices<S: Store>(store: S) {
    use crate::EncryptedSecret;
    use crate::model::{MfaAssignment, MfaAssignmentFilter, MfaDevice};
    with_accounts(&store, &[A, B]).await;
    let device = |path: &str, name: &str, secs: i64| MfaDevice {
        account: acct(A),
        path: path.to_owned(),
        name: name.to_owned(),
        seed: EncryptedSecret::from_bytes(vec![1, 2, 3, u8::try_from(secs).unwrap()]),
        created: at(secs),
        assignment: None,
        last_used_step: None,
    };
    let dev = device("/", "dev", 1);
    // Same name under another path: another serial number, another device.
    let nested = device("/team/", "dev", 2);
    let other = device("/", "other", 3);
    let mut tx = store.begin().await.unwrap();
    tx.insert_user(&user(A, "AIDA1", "alice")).await.unwrap();
    for d in [&dev, &nested, &other] {
        tx.insert_mfa_device(d).await.unwrap();
    }
    tx.commit().await.unwrap();

    let mut tx = store.begin().await.unwrap();
    assert_eq!(
        tx.mfa_device(acct(A), "/", "dev").await.unwrap(),
        Some(dev.clone())
    );
    assert_eq!(tx.mfa_device(acct(A), "/", "DEV").await.unwrap(), None);
    assert_eq!(tx.mfa_device(acct(B), "/", "dev").await.unwrap(), None);
    assert_eq!(
        tx.count(acct(A), CountedEntity::MfaDevices).await.unwrap(),
        3
    );
    // Creation order, two per page.
    let first = tx
        .list_mfa_devices(acct(A), MfaAssignmentFilter::Any, &ListQuery::first(2))
        .await
        .unwrap();
    assert_eq!(first.items, [dev.clone(), nested.clone()]);
    let next = first.next.expect("a second page");
    let second = tx
        .list_mfa_devices(
            acct(A),
            MfaAssignmentFilter::Any,
            &ListQuery::first(2).after(&next),
        )
        .await
        .unwrap();
    assert_eq!(second.items, std::slice::from_ref(&other));
    assert_eq!(second.next, None);

    // Enabling assigns the device and records the step.
    let assignment = MfaAssignment {
        user_id: "AIDA1".into(),
        enabled: at(10),
    };
    tx.enable_mfa_device(acct(A), "/team/", "dev", &assignment, 100)
        .await
        .unwrap();
    assert!(matches!(
        tx.enable_mfa_device(acct(A), "/", "missing", &assignment, 1)
            .await,
        Err(StoreError::NotFound)
    ));
    let enabled = tx
        .mfa_device(acct(A), "/team/", "dev")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(enabled.assignment, Some(assignment.clone()));
    assert_eq!(enabled.last_used_step, Some(100));
    assert_eq!(
        tx.user_mfa_devices(acct(A), "AIDA1").await.unwrap(),
        std::slice::from_ref(&enabled)
    );
    let assigned = tx
        .list_mfa_devices(
            acct(A),
            MfaAssignmentFilter::Assigned,
            &ListQuery::first(10),
        )
        .await
        .unwrap();
    assert_eq!(assigned.items, [enabled]);
    let unassigned = tx
        .list_mfa_devices(
            acct(A),
            MfaAssignmentFilter::Unassigned,
            &ListQuery::first(10),
        )
        .await
        .unwrap();
    assert_eq!(unassigned.items, [dev.clone(), other.clone()]);

    // A step is used at most once, and never an older one.
    assert!(
        !tx.use_mfa_step(acct(A), "/team/", "dev", 100)
            .await
            .unwrap()
    );
    assert!(!tx.use_mfa_step(acct(A), "/team/", "dev", 99).await.unwrap());
    assert!(
        tx.use_mfa_step(acct(A), "/team/", "dev", 101)
            .await
            .unwrap()
    );
    assert!(
        !tx.use_mfa_step(acct(A), "/team/", "dev", 101)
            .await
            .unwrap()
    );
    assert!(tx.use_mfa_step(acct(A), "/", "dev", 5).await.unwrap());

    // An enabled device keeps its user from being deleted.
    tx.commit().await.unwrap();
    let mut tx = store.begin().await.unwrap();
    assert_eq!(
        conflict(tx.delete_user(acct(A), "AIDA1").await),
        Constraint::InUse
    );
    drop(tx);
    let mut tx = store.begin().await.unwrap();
    tx.deactivate_mfa_device(acct(A), "/team/", "dev")
        .await
        .unwrap();
    let deactivated = tx
        .mfa_device(acct(A), "/team/", "dev")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(deactivated.assignment, None);
    assert_eq!(deactivated.last_used_step, Some(101));
    assert!(
        tx.user_mfa_devices(acct(A), "AIDA1")
            .await
            .unwrap()
            .is_empty()
    );
    tx.delete_user(acct(A), "AIDA1").await.unwrap();

    // Deleting a device deletes its tags.
    let target = TagTarget::MfaDevice("/dev".into());
    let tags = [Tag {
        key: "k".into(),
        value: "v".into(),
    }];
    tx.set_tags(acct(A), &target, &tags).await.unwrap();
    assert_eq!(tx.tags(acct(A), &target).await.unwrap(), tags);
    tx.delete_mfa_device(acct(A), "/", "dev").await.unwrap();
    assert!(tx.tags(acct(A), &target).await.unwrap().is_empty());
    assert!(matches!(
        tx.delete_mfa_device(acct(A), "/", "dev").await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        tx.deactivate_mfa_device(acct(A), "/", "dev").await,
        Err(StoreError::NotFound)
    ));
    tx.commit().await.unwrap();
    // The account goes with its devices.
    let mut tx = store.begin().await.unwrap();
    tx.delete_account(acct(A)).await.unwrap();
    tx.commit().await.unwrap();
}

async fn credentials<S: Store>(store: S) {
    use crate::{ServerCertificate, ServiceCredential, SigningCertificate, SshPublicKey};
    with_accounts(&store, &[A]).await;
    let cipher = test_cipher();
    let sealed = |id: &str| {
        cipher
            .seal(id, &SecretAccessKey::new("secret".into()))
            .unwrap()
    };
    let server = |id: &str, name: &str, path: &str| ServerCertificate {
        account: acct(A),
        id: id.into(),
        name: name.into(),
        path: path.into(),
        uploaded: at(0),
        expiration: at(1000),
        body: "body".into(),
        chain: Some("chain".into()),
        private_key: sealed(id),
    };
    let signing = |id: &str, owner: KeyOwner, fp: &str, t: i64| SigningCertificate {
        account: acct(A),
        id: id.into(),
        owner,
        body: "b".into(),
        fingerprint: fp.into(),
        status: KeyStatus::Active,
        uploaded: at(t),
    };
    let ssh = |id: &str| SshPublicKey {
        account: acct(A),
        id: id.into(),
        user_id: "AIDA1".into(),
        body: "ssh-rsa AAAA".into(),
        fingerprint: "aa:bb".into(),
        status: KeyStatus::Active,
        uploaded: at(5),
    };
    let credential = ServiceCredential {
        account: acct(A),
        id: "ACCA1".into(),
        user_id: "AIDA1".into(),
        service_name: "codecommit.amazonaws.com".into(),
        service_user_name: "u-at-111111111111".into(),
        password: sealed("ACCA1"),
        status: KeyStatus::Active,
        created: at(7),
        expiration: Some(at(99)),
    };

    let mut tx = store.begin().await.unwrap();
    tx.insert_user(&user(A, "AIDA1", "u")).await.unwrap();
    let web_inserted = server("ASCA1", "Web", "/a/");
    tx.insert_server_certificate(&web_inserted).await.unwrap();
    tx.insert_server_certificate(&server("ASCA2", "api", "/b/"))
        .await
        .unwrap();
    // Same-second uploads list in creation order, not by id.
    tx.insert_signing_certificate(&signing("ZZZ", KeyOwner::User("AIDA1".into()), "f1", 3))
        .await
        .unwrap();
    tx.insert_signing_certificate(&signing("AAA", KeyOwner::User("AIDA1".into()), "f2", 3))
        .await
        .unwrap();
    tx.insert_signing_certificate(&signing("ROOT", KeyOwner::Root, "f3", 3))
        .await
        .unwrap();
    tx.insert_ssh_public_key(&ssh("APKA2")).await.unwrap();
    tx.insert_ssh_public_key(&ssh("APKA1")).await.unwrap();
    tx.insert_service_credential(&credential).await.unwrap();
    tx.set_tags(
        acct(A),
        &TagTarget::ServerCertificate("ASCA1".into()),
        &[Tag {
            key: "k".into(),
            value: "v".into(),
        }],
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    let mut tx = store.begin().await.unwrap();
    let web = tx
        .server_certificate(acct(A), "WEB")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(web, web_inserted);
    assert_eq!(
        cipher.open("ASCA1", &web.private_key).unwrap().expose(),
        "secret"
    );
    assert_eq!(
        tx.count(acct(A), CountedEntity::ServerCertificates)
            .await
            .unwrap(),
        2
    );
    let names = |p: crate::Page<ServerCertificate>| -> Vec<String> {
        p.items.into_iter().map(|c| c.name).collect()
    };
    let all = tx
        .list_server_certificates(acct(A), &ListQuery::first(10))
        .await
        .unwrap();
    assert_eq!(names(all), ["api", "Web"]);
    let first = tx
        .list_server_certificates(acct(A), &ListQuery::first(1))
        .await
        .unwrap();
    let next = first.next.clone().unwrap();
    assert_eq!(names(first), ["api"]);
    let rest = tx
        .list_server_certificates(acct(A), &ListQuery::first(1).after(&next))
        .await
        .unwrap();
    assert_eq!(names(rest), ["Web"]);
    let mut under_a = ListQuery::first(10);
    under_a.path_prefix = "/a".into();
    let filtered = tx
        .list_server_certificates(acct(A), &under_a)
        .await
        .unwrap();
    assert_eq!(names(filtered), ["Web"]);
    let mut renamed = web.clone();
    renamed.name = "www".into();
    renamed.path = "/c/".into();
    tx.update_server_certificate(&renamed).await.unwrap();
    assert!(
        tx.server_certificate(acct(A), "web")
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(
        tx.server_certificate(acct(A), "www")
            .await
            .unwrap()
            .unwrap()
            .path,
        "/c/"
    );

    let ids = |v: Vec<SigningCertificate>| -> Vec<String> { v.into_iter().map(|c| c.id).collect() };
    let of_user = tx
        .signing_certificates(acct(A), &KeyOwner::User("AIDA1".into()))
        .await
        .unwrap();
    assert_eq!(ids(of_user), ["ZZZ", "AAA"]);
    let of_root = tx
        .signing_certificates(acct(A), &KeyOwner::Root)
        .await
        .unwrap();
    assert_eq!(ids(of_root), ["ROOT"]);
    assert_eq!(
        tx.signing_certificate_by_fingerprint(acct(A), "f2")
            .await
            .unwrap()
            .unwrap()
            .id,
        "AAA"
    );
    assert!(
        tx.signing_certificate_by_fingerprint(acct(A), "nope")
            .await
            .unwrap()
            .is_none()
    );
    tx.set_signing_certificate_status(acct(A), "AAA", KeyStatus::Inactive)
        .await
        .unwrap();
    assert_eq!(
        tx.signing_certificate(acct(A), "AAA")
            .await
            .unwrap()
            .unwrap()
            .status,
        KeyStatus::Inactive
    );
    assert!(matches!(
        tx.set_signing_certificate_status(acct(A), "NONE", KeyStatus::Active)
            .await,
        Err(StoreError::NotFound)
    ));

    let keys: Vec<String> = tx
        .ssh_public_keys(acct(A), "AIDA1")
        .await
        .unwrap()
        .into_iter()
        .map(|k| k.id)
        .collect();
    assert_eq!(keys, ["APKA2", "APKA1"]);
    tx.set_ssh_public_key_status(acct(A), "APKA1", KeyStatus::Inactive)
        .await
        .unwrap();
    assert_eq!(
        tx.ssh_public_key(acct(A), "APKA1")
            .await
            .unwrap()
            .unwrap()
            .status,
        KeyStatus::Inactive
    );

    let stored = tx
        .service_credential(acct(A), "ACCA1")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored, credential);
    let mut reset = stored.clone();
    reset.status = KeyStatus::Inactive;
    reset.password = sealed("ACCA1");
    tx.update_service_credential(&reset).await.unwrap();
    assert_eq!(
        tx.service_credentials(acct(A), Some("AIDA1"))
            .await
            .unwrap(),
        std::slice::from_ref(&reset)
    );
    assert_eq!(
        tx.service_credentials(acct(A), None).await.unwrap(),
        [reset]
    );
    assert!(
        tx.service_credentials(acct(A), Some("AIDA2"))
            .await
            .unwrap()
            .is_empty()
    );
    tx.commit().await.unwrap();

    // A user holding any of them cannot be deleted.
    for step in 0..3 {
        let mut tx = store.begin().await.unwrap();
        assert_eq!(
            conflict(tx.delete_user(acct(A), "AIDA1").await),
            Constraint::InUse
        );
        drop(tx);
        let mut tx = store.begin().await.unwrap();
        match step {
            0 => {
                tx.delete_signing_certificate(acct(A), "ZZZ").await.unwrap();
                tx.delete_signing_certificate(acct(A), "AAA").await.unwrap();
            }
            1 => {
                tx.delete_ssh_public_key(acct(A), "APKA1").await.unwrap();
                tx.delete_ssh_public_key(acct(A), "APKA2").await.unwrap();
            }
            _ => tx
                .delete_service_credential(acct(A), "ACCA1")
                .await
                .unwrap(),
        }
        tx.commit().await.unwrap();
    }
    let mut tx = store.begin().await.unwrap();
    assert!(matches!(
        tx.delete_ssh_public_key(acct(A), "APKA1").await,
        Err(StoreError::NotFound)
    ));
    tx.delete_user(acct(A), "AIDA1").await.unwrap();
    tx.delete_server_certificate(acct(A), "ASCA1")
        .await
        .unwrap();
    assert!(
        tx.tags(acct(A), &TagTarget::ServerCertificate("ASCA1".into()))
            .await
            .unwrap()
            .is_empty()
    );
    tx.commit().await.unwrap();

    // Deleting the account takes the rest (the root certificate, a server certificate).
    let mut tx = store.begin().await.unwrap();
    tx.delete_account(acct(A)).await.unwrap();
    tx.commit().await.unwrap();
    with_accounts(&store, &[A]).await;
    let mut tx = store.begin().await.unwrap();
    assert!(
        tx.signing_certificates(acct(A), &KeyOwner::Root)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        tx.server_certificate(acct(A), "api")
            .await
            .unwrap()
            .is_none()
    );
}

async fn reports_and_preferences<S: Store>(store: S) {
    use crate::{CredentialReport, GlobalEndpointTokenVersion, ReportJob, ReportJobKind};
    with_accounts(&store, &[A, B]).await;
    let base = store.generation(acct(A)).await.unwrap();
    let mut tx = store.begin().await.unwrap();
    assert_eq!(tx.credential_report(acct(A)).await.unwrap(), None);
    let first = CredentialReport {
        account: acct(A),
        generated: at(10),
        content: "user,arn\n".to_owned(),
    };
    tx.put_credential_report(&first).await.unwrap();
    let second = CredentialReport {
        generated: at(20),
        content: "user,arn\n<root_account>,x\n".to_owned(),
        ..first.clone()
    };
    tx.put_credential_report(&second).await.unwrap();
    let job = ReportJob {
        account: acct(A),
        id: "6f1c3b52-0000-4000-8000-000000000001".to_owned(),
        kind: ReportJobKind::ServiceLastAccessed,
        created: at(30),
        completed: Some(at(31)),
        document: r#"{"services":[]}"#.to_owned(),
    };
    tx.insert_report_job(&job).await.unwrap();
    let pending = ReportJob {
        id: "task/aws-service-role/x.amazonaws.com/R/1".to_owned(),
        kind: ReportJobKind::ServiceLinkedRoleDeletion,
        completed: None,
        ..job.clone()
    };
    tx.insert_report_job(&pending).await.unwrap();
    tx.commit().await.unwrap();
    // Reports and jobs are derived data: no generation bump.
    assert_eq!(store.generation(acct(A)).await.unwrap(), base);

    let mut tx = store.begin().await.unwrap();
    assert_eq!(tx.credential_report(acct(A)).await.unwrap(), Some(second));
    assert_eq!(tx.credential_report(acct(B)).await.unwrap(), None);
    assert_eq!(
        tx.report_job(acct(A), &job.id).await.unwrap(),
        Some(job.clone())
    );
    assert_eq!(
        tx.report_job(acct(A), &pending.id).await.unwrap(),
        Some(pending)
    );
    assert_eq!(tx.report_job(acct(B), &job.id).await.unwrap(), None);
    assert_eq!(tx.report_job(acct(A), "unknown").await.unwrap(), None);
    assert_eq!(
        tx.global_endpoint_token_version(acct(A)).await.unwrap(),
        None
    );
    tx.set_global_endpoint_token_version(acct(A), GlobalEndpointTokenVersion::V2Token)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(store.generation(acct(A)).await.unwrap(), base + 1);

    let mut tx = store.begin().await.unwrap();
    assert_eq!(
        tx.global_endpoint_token_version(acct(A)).await.unwrap(),
        Some(GlobalEndpointTokenVersion::V2Token)
    );
    tx.set_global_endpoint_token_version(acct(A), GlobalEndpointTokenVersion::V1Token)
        .await
        .unwrap();
    assert_eq!(
        tx.global_endpoint_token_version(acct(A)).await.unwrap(),
        Some(GlobalEndpointTokenVersion::V1Token)
    );
    assert_eq!(
        tx.global_endpoint_token_version(acct(B)).await.unwrap(),
        None
    );
    // Everything goes with the account.
    tx.delete_account(acct(A)).await.unwrap();
    tx.commit().await.unwrap();
    let mut tx = store.begin().await.unwrap();
    assert_eq!(tx.credential_report(acct(A)).await.unwrap(), None);
    assert_eq!(tx.report_job(acct(A), &job.id).await.unwrap(), None);
    assert_eq!(
        tx.global_endpoint_token_version(acct(A)).await.unwrap(),
        None
    );
    tx.rollback().await.unwrap();
}

async fn aws_managed_and_import<S: Store>(store: S) {
    use crate::{AccountImport, ImportedPolicy, ImportedPolicyVersion, ImportedRelations};
    with_accounts(&store, &[A, B]).await;
    let aws_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    let version = |number: u32, seconds: i64| ImportedPolicyVersion {
        number,
        document: DOC.to_owned(),
        created: at(seconds),
    };
    let data = AccountImport {
        aws_policies: vec![ImportedPolicy {
            id: "ANPAAWSREADONLY000001".to_owned(),
            name: "ReadOnlyAccess".to_owned(),
            path: "/".to_owned(),
            arn: aws_arn.to_owned(),
            description: None,
            created: at(1),
            updated: at(1),
            default_version: 1,
            versions: vec![version(1, 1)],
            attachable: true,
        }],
        policies: vec![ImportedPolicy {
            id: "ANPALOCAL00000000001".to_owned(),
            // A customer policy may share an AWS managed policy's name.
            name: "ReadOnlyAccess".to_owned(),
            path: "/".to_owned(),
            arn: format!("arn:aws:iam::{A}:policy/ReadOnlyAccess"),
            description: Some("mine".to_owned()),
            created: at(2),
            updated: at(4),
            default_version: 3,
            versions: vec![version(3, 4), version(1, 2)],
            attachable: true,
        }],
        groups: vec![(
            group(A, "AGPAIMPORTED00000001", "devs"),
            ImportedRelations {
                attached: vec![aws_arn.to_owned()],
                inline: vec![("g".to_owned(), DOC.to_owned())],
                tags: Vec::new(),
            },
        )],
        users: vec![(
            user(A, "AIDAIMPORTED00000001", "alice"),
            ImportedRelations {
                attached: vec![format!("arn:aws:iam::{A}:policy/ReadOnlyAccess")],
                inline: vec![("u".to_owned(), DOC.to_owned())],
                tags: vec![Tag {
                    key: "team".to_owned(),
                    value: "a".to_owned(),
                }],
            },
            vec!["DEVS".to_owned()],
        )],
        roles: vec![(
            role(A, "AROAIMPORTED00000001", "app"),
            ImportedRelations {
                attached: vec![aws_arn.to_owned()],
                inline: Vec::new(),
                tags: Vec::new(),
            },
        )],
    };
    let before = store.generation(acct(B)).await.unwrap();
    let mut tx = store.begin().await.unwrap();
    let counts = tx.import_account(acct(A), &data, &|_| {}).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(
        (
            counts.users_created,
            counts.aws_policies_created,
            counts.policies_created
        ),
        (1, 1, 1)
    );
    assert_eq!(
        (counts.attachments, counts.memberships, counts.tags),
        (3, 1, 1)
    );
    // AWS managed documents are shared: every account's caches are invalidated.
    assert!(store.generation(acct(B)).await.unwrap() > before);

    let mut tx = store.begin().await.unwrap();
    // Visible from every account, counted per account.
    let seen_a = tx.policy_by_arn(acct(A), aws_arn).await.unwrap().unwrap();
    let seen_b = tx.policy_by_arn(acct(B), aws_arn).await.unwrap().unwrap();
    assert!(seen_a.is_aws_managed());
    assert_eq!((seen_a.account, seen_a.attachment_count), (acct(A), 2));
    assert_eq!((seen_b.account, seen_b.attachment_count), (acct(B), 0));
    let versions = tx.policy_versions(acct(B), &seen_b.id).await.unwrap();
    assert_eq!(versions.len(), 1);
    // Attachable from another account.
    tx.insert_user(&user(B, "AIDAB0000000000000001", "bob"))
        .await
        .unwrap();
    let bob = PolicyHolder::User("AIDAB0000000000000001".to_owned());
    assert!(tx.attach_policy(acct(B), &bob, &seen_b.id).await.unwrap());
    assert_eq!(
        tx.attached_policies(acct(B), &bob).await.unwrap()[0].arn,
        aws_arn
    );
    // The customer policy keeps the file's versions and default.
    let local = tx
        .policy_by_name(acct(A), "readonlyaccess")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(local.id, "ANPALOCAL00000000001");
    assert_eq!(local.default_version_id, "v3");
    let ids: Vec<_> = tx
        .policy_versions(acct(A), &local.id)
        .await
        .unwrap()
        .into_iter()
        .map(|v| v.version_id)
        .collect();
    assert_eq!(ids, ["v3", "v1"]);
    // Scopes, paginated one by one: name, then ARN.
    for (scope, expected) in [
        (
            crate::PolicyScope::All,
            vec![
                format!("arn:aws:iam::{A}:policy/ReadOnlyAccess"),
                aws_arn.to_owned(),
            ],
        ),
        (crate::PolicyScope::Aws, vec![aws_arn.to_owned()]),
        (
            crate::PolicyScope::Local,
            vec![format!("arn:aws:iam::{A}:policy/ReadOnlyAccess")],
        ),
    ] {
        let first = tx
            .list_scoped_policies(acct(A), scope, PolicyUsage::Any, &ListQuery::first(1))
            .await
            .unwrap();
        let mut arns: Vec<_> = first.items.iter().map(|p| p.arn.clone()).collect();
        if let Some(next) = &first.next {
            let rest = tx
                .list_scoped_policies(
                    acct(A),
                    scope,
                    PolicyUsage::Any,
                    &ListQuery::first(1).after(next),
                )
                .await
                .unwrap();
            arns.extend(rest.items.iter().map(|p| p.arn.clone()));
        }
        assert_eq!(arns, expected, "{scope:?}");
    }
    let groups = tx
        .groups_for_user(acct(A), "AIDAIMPORTED00000001", &ListQuery::first(10))
        .await
        .unwrap();
    assert_eq!(groups.items.len(), 1);
    tx.commit().await.unwrap();

    // Again: updated in place, relations replaced, nothing duplicated. An existing entity
    // keeps its own id.
    let mut again = data.clone();
    again.users[0].0.id = "AIDAOTHER00000000001".to_owned();
    again.users[0].1.attached.clear();
    let mut tx = store.begin().await.unwrap();
    let counts = tx.import_account(acct(A), &again, &|_| {}).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!((counts.users_created, counts.users_updated), (0, 1));
    assert_eq!(counts.aws_policies_updated, 1);
    let mut tx = store.begin().await.unwrap();
    let alice = tx.user_by_name(acct(A), "alice").await.unwrap().unwrap();
    assert_eq!(alice.id, "AIDAIMPORTED00000001");
    let holder = PolicyHolder::User(alice.id.clone());
    assert!(
        tx.attached_policies(acct(A), &holder)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(tx.inline_policies(acct(A), &holder).await.unwrap().len(), 1);
    let page = tx.list_users(acct(A), &ListQuery::first(10)).await.unwrap();
    assert_eq!(page.items.len(), 1);
    // The pseudo-account is no account.
    let accounts: Vec<_> = tx
        .list_accounts()
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(accounts, [acct(A), acct(B)]);
    tx.rollback().await.unwrap();
}

async fn outbound_federation<S: Store>(store: S) {
    use crate::{EncryptedSecret, OutboundSigningKey};
    with_accounts(&store, &[A, B]).await;
    let key = |account: &str, kid: &str, seconds: i64| OutboundSigningKey {
        account: acct(account),
        kid: kid.to_owned(),
        algorithm: "RS256".to_owned(),
        private_key: EncryptedSecret::from_bytes(vec![1, 2, 3, u8::try_from(seconds).unwrap()]),
        public_jwk: format!(r#"{{"kid":"{kid}"}}"#),
        created: at(seconds),
    };
    let base = store.generation(acct(A)).await.unwrap();
    let mut tx = store.begin().await.unwrap();
    assert!(!tx.outbound_federation_enabled(acct(A)).await.unwrap());
    tx.set_outbound_federation_enabled(acct(A), true)
        .await
        .unwrap();
    tx.insert_outbound_signing_key(&key(A, "new", 20))
        .await
        .unwrap();
    tx.insert_outbound_signing_key(&key(A, "old", 10))
        .await
        .unwrap();
    tx.insert_outbound_signing_key(&key(B, "other", 5))
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert!(store.generation(acct(A)).await.unwrap() > base);

    let mut tx = store.begin().await.unwrap();
    assert!(tx.outbound_federation_enabled(acct(A)).await.unwrap());
    assert!(!tx.outbound_federation_enabled(acct(B)).await.unwrap());
    let keys = tx.outbound_signing_keys(acct(A)).await.unwrap();
    assert_eq!(keys, vec![key(A, "old", 10), key(A, "new", 20)]);
    assert!(
        tx.insert_outbound_signing_key(&key(A, "old", 30))
            .await
            .is_err()
    );
    tx.rollback().await.unwrap();

    let mut tx = store.begin().await.unwrap();
    tx.delete_outbound_signing_key(acct(A), "old")
        .await
        .unwrap();
    tx.delete_outbound_signing_key(acct(A), "absent")
        .await
        .unwrap();
    tx.set_outbound_federation_enabled(acct(A), false)
        .await
        .unwrap();
    assert!(!tx.outbound_federation_enabled(acct(A)).await.unwrap());
    assert_eq!(
        tx.outbound_signing_keys(acct(A)).await.unwrap(),
        vec![key(A, "new", 20)]
    );
    tx.delete_account(acct(A)).await.unwrap();
    tx.commit().await.unwrap();
    let mut tx = store.begin().await.unwrap();
    assert!(tx.outbound_signing_keys(acct(A)).await.unwrap().is_empty());
    assert_eq!(tx.outbound_signing_keys(acct(B)).await.unwrap().len(), 1);
    tx.rollback().await.unwrap();
}

fn instance_profile(account: &str, id: &str, name: &str, path: &str) -> crate::InstanceProfile {
    crate::InstanceProfile {
        account: acct(account),
        id: id.to_owned(),
        name: name.to_owned(),
        path: path.to_owned(),
        created: at(0),
        role_id: None,
    }
}

async fn instance_profiles_and_workloads<S: Store>(store: S) {
    with_accounts(&store, &[A, B]).await;
    let web = instance_profile(A, "AIPAWEB", "Web", "/apps/");
    let batch = instance_profile(A, "AIPABATCH", "batch", "/");
    let other = instance_profile(B, "AIPAOTHER", "web", "/");
    let before = store.generation(acct(A)).await.unwrap();
    let mut tx = store.begin().await.unwrap();
    tx.insert_role(&role(A, "AROA1", "r1")).await.unwrap();
    for p in [&web, &batch, &other] {
        tx.insert_instance_profile(p).await.unwrap();
    }
    tx.commit().await.unwrap();
    assert!(store.generation(acct(A)).await.unwrap() > before);

    let mut tx = store.begin().await.unwrap();
    // Case-insensitive lookup, stored spelling; accounts are separate.
    assert_eq!(
        tx.instance_profile_by_name(acct(A), "WEB").await.unwrap(),
        Some(web.clone())
    );
    assert_eq!(
        tx.instance_profile_by_name(acct(B), "WEB").await.unwrap(),
        Some(other.clone())
    );
    assert_eq!(
        tx.instance_profile_by_id(acct(B), "AIPAWEB").await.unwrap(),
        None
    );
    // Listing by name, paginated, path filter.
    let first = tx
        .list_instance_profiles(acct(A), &ListQuery::first(1))
        .await
        .unwrap();
    assert_eq!(first.items, std::slice::from_ref(&batch));
    let rest = tx
        .list_instance_profiles(acct(A), &ListQuery::first(1).after(&first.next.unwrap()))
        .await
        .unwrap();
    assert_eq!((rest.items, rest.next), (vec![web.clone()], None));
    let apps = ListQuery {
        path_prefix: "/apps/".to_owned(),
        ..ListQuery::first(10)
    };
    assert_eq!(
        tx.list_instance_profiles(acct(A), &apps)
            .await
            .unwrap()
            .items,
        std::slice::from_ref(&web)
    );
    // The role of a profile.
    tx.set_instance_profile_role(acct(A), "AIPAWEB", Some("AROA1"))
        .await
        .unwrap();
    tx.set_instance_profile_role(acct(A), "AIPABATCH", Some("AROA1"))
        .await
        .unwrap();
    assert!(matches!(
        tx.set_instance_profile_role(acct(A), "AIPANONE", None)
            .await,
        Err(StoreError::NotFound)
    ));
    let for_role = tx
        .instance_profiles_for_role(acct(A), "AROA1", &ListQuery::first(10))
        .await
        .unwrap();
    let names: Vec<_> = for_role.items.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["batch", "Web"]);
    assert!(
        for_role
            .items
            .iter()
            .all(|p| p.role_id.as_deref() == Some("AROA1"))
    );
    tx.commit().await.unwrap();
    // A role in a profile cannot be deleted.
    let mut tx = store.begin().await.unwrap();
    assert_eq!(
        conflict(tx.delete_role(acct(A), "AROA1").await),
        Constraint::InUse
    );
    drop(tx);
    // Deleting a profile takes its tags along.
    let mut tx = store.begin().await.unwrap();
    let target = TagTarget::InstanceProfile("AIPABATCH".to_owned());
    tx.set_tags(
        acct(A),
        &target,
        &[Tag {
            key: "k".into(),
            value: "v".into(),
        }],
    )
    .await
    .unwrap();
    tx.set_instance_profile_role(acct(A), "AIPABATCH", None)
        .await
        .unwrap();
    tx.delete_instance_profile(acct(A), "AIPABATCH")
        .await
        .unwrap();
    assert_eq!(tx.tags(acct(A), &target).await.unwrap(), []);
    assert!(matches!(
        tx.delete_instance_profile(acct(A), "AIPABATCH").await,
        Err(StoreError::NotFound)
    ));
    tx.commit().await.unwrap();

    // Workloads: not IAM state (no generation bump), revocation keeps the first time.
    let generation = store.generation(acct(A)).await.unwrap();
    let workload = crate::Workload {
        account: acct(A),
        id: "wl-00000000000000000001".to_owned(),
        name: "api".to_owned(),
        instance_profile_id: "AIPAWEB".to_owned(),
        token_sha256: "ab".repeat(32),
        created: at(5),
        revoked: None,
    };
    let in_b = crate::Workload {
        account: acct(B),
        id: "wl-00000000000000000002".to_owned(),
        instance_profile_id: "AIPAOTHER".to_owned(),
        ..workload.clone()
    };
    let mut tx = store.begin().await.unwrap();
    tx.insert_workload(&workload).await.unwrap();
    tx.insert_workload(&in_b).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(store.generation(acct(A)).await.unwrap(), generation);
    let mut tx = store.begin().await.unwrap();
    assert_eq!(
        tx.workload(&workload.id).await.unwrap(),
        Some(workload.clone())
    );
    assert_eq!(tx.workload("wl-nope").await.unwrap(), None);
    assert_eq!(
        tx.list_workloads(Some(acct(A))).await.unwrap(),
        std::slice::from_ref(&workload)
    );
    assert_eq!(
        tx.list_workloads(None).await.unwrap(),
        [workload.clone(), in_b.clone()]
    );
    tx.revoke_workload(&workload.id, at(10)).await.unwrap();
    tx.revoke_workload(&workload.id, at(20)).await.unwrap();
    assert!(matches!(
        tx.revoke_workload("wl-nope", at(10)).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(
        tx.workload(&workload.id).await.unwrap().unwrap().revoked,
        Some(at(10))
    );
    tx.commit().await.unwrap();
    // Deleting the account takes its profiles and workloads along.
    let mut tx = store.begin().await.unwrap();
    tx.delete_account(acct(A)).await.unwrap();
    tx.commit().await.unwrap();
    let mut tx = store.begin().await.unwrap();
    assert_eq!(tx.workload(&workload.id).await.unwrap(), None);
    assert_eq!(
        tx.instance_profile_by_id(acct(A), "AIPAWEB").await.unwrap(),
        None
    );
    assert_eq!(tx.list_workloads(None).await.unwrap(), [in_b]);
    assert_eq!(
        tx.instance_profile_by_id(acct(B), "AIPAOTHER")
            .await
            .unwrap(),
        Some(other)
    );
}

async fn passwords_and_account_settings<S: Store>(store: S) {
    use crate::{LoginProfile, PasswordHash, PasswordPolicy};
    with_accounts(&store, &[A, B]).await;
    let mut tx = store.begin().await.unwrap();
    tx.insert_user(&user(A, "AIDAPWUSER", "alice"))
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let before = store.generation(acct(A)).await.unwrap();
    let hash = |h: &str| PasswordHash::new(format!("$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ${h}"));
    let profile = LoginProfile {
        account: acct(A),
        user_id: "AIDAPWUSER".to_owned(),
        password_hash: hash("first"),
        previous_hashes: Vec::new(),
        created: at(1),
        password_changed: at(1),
        reset_required: true,
    };
    let mut tx = store.begin().await.unwrap();
    assert_eq!(tx.login_profile(acct(A), "AIDAPWUSER").await.unwrap(), None);
    tx.put_login_profile(&profile).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(store.generation(acct(A)).await.unwrap(), before + 1);
    // A replacement keeps the creation date and stores the history in order.
    let replaced = LoginProfile {
        password_hash: hash("second"),
        previous_hashes: vec![hash("first"), hash("zeroth")],
        created: at(9),
        password_changed: at(5),
        reset_required: false,
        ..profile.clone()
    };
    let mut tx = store.begin().await.unwrap();
    tx.put_login_profile(&replaced).await.unwrap();
    assert_eq!(
        tx.login_profile(acct(A), "AIDAPWUSER").await.unwrap(),
        Some(LoginProfile {
            created: at(1),
            ..replaced.clone()
        })
    );
    assert_eq!(tx.login_profile(acct(B), "AIDAPWUSER").await.unwrap(), None);
    // A user with a login profile cannot be deleted.
    assert!(matches!(
        tx.delete_user(acct(A), "AIDAPWUSER").await,
        Err(StoreError::Conflict {
            constraint: Constraint::InUse
        })
    ));
    drop(tx);
    let mut tx = store.begin().await.unwrap();
    assert!(
        tx.delete_login_profile(acct(A), "AIDAPWUSER")
            .await
            .unwrap()
    );
    assert!(
        !tx.delete_login_profile(acct(A), "AIDAPWUSER")
            .await
            .unwrap()
    );
    tx.delete_user(acct(A), "AIDAPWUSER").await.unwrap();
    tx.commit().await.unwrap();

    // The password policy: absent, set, replaced, deleted.
    let policy = PasswordPolicy {
        minimum_length: 12,
        require_symbols: true,
        require_numbers: false,
        require_uppercase: true,
        require_lowercase: false,
        allow_users_to_change: true,
        max_age_days: Some(90),
        reuse_prevention: Some(24),
        hard_expiry: Some(false),
    };
    let mut tx = store.begin().await.unwrap();
    assert_eq!(tx.password_policy(acct(A)).await.unwrap(), None);
    assert!(!tx.delete_password_policy(acct(A)).await.unwrap());
    tx.put_password_policy(acct(A), &policy).await.unwrap();
    assert_eq!(
        tx.password_policy(acct(A)).await.unwrap(),
        Some(policy.clone())
    );
    let minimal = PasswordPolicy {
        minimum_length: 6,
        max_age_days: None,
        reuse_prevention: None,
        hard_expiry: None,
        ..policy.clone()
    };
    tx.put_password_policy(acct(A), &minimal).await.unwrap();
    assert_eq!(tx.password_policy(acct(A)).await.unwrap(), Some(minimal));
    assert_eq!(tx.password_policy(acct(B)).await.unwrap(), None);
    tx.commit().await.unwrap();

    // The alias: unique across accounts, replaced by a new one, freed on delete.
    let mut tx = store.begin().await.unwrap();
    assert_eq!(tx.account_alias(acct(A)).await.unwrap(), None);
    tx.set_account_alias(acct(A), "alpha").await.unwrap();
    assert_eq!(tx.account_by_alias("alpha").await.unwrap(), Some(acct(A)));
    tx.commit().await.unwrap();
    let mut tx = store.begin().await.unwrap();
    assert!(tx.set_account_alias(acct(B), "alpha").await.is_err());
    drop(tx);
    let mut tx = store.begin().await.unwrap();
    tx.set_account_alias(acct(A), "beta").await.unwrap();
    assert_eq!(
        tx.account_alias(acct(A)).await.unwrap().as_deref(),
        Some("beta")
    );
    assert_eq!(tx.account_by_alias("alpha").await.unwrap(), None);
    tx.set_account_alias(acct(B), "alpha").await.unwrap();
    assert!(tx.delete_account_alias(acct(B)).await.unwrap());
    assert!(!tx.delete_account_alias(acct(B)).await.unwrap());
    tx.commit().await.unwrap();

    // Usage counts.
    let mut tx = store.begin().await.unwrap();
    tx.insert_user(&user(A, "AIDAPWUSER2", "bob"))
        .await
        .unwrap();
    tx.insert_group(&group(A, "AGPAPWGROUP", "devs"))
        .await
        .unwrap();
    let usage = tx.account_usage(acct(A)).await.unwrap();
    assert_eq!((usage.users, usage.groups, usage.roles), (1, 1, 0));
    assert_eq!(tx.account_usage(acct(B)).await.unwrap().users, 0);
    tx.put_login_profile(&LoginProfile {
        user_id: "AIDAPWUSER2".to_owned(),
        ..profile.clone()
    })
    .await
    .unwrap();
    tx.commit().await.unwrap();

    // Deleting the account takes its login profiles, policy and alias along.
    let mut tx = store.begin().await.unwrap();
    tx.delete_account(acct(A)).await.unwrap();
    tx.commit().await.unwrap();
    let mut tx = store.begin().await.unwrap();
    assert_eq!(tx.account_by_alias("beta").await.unwrap(), None);
    assert_eq!(tx.password_policy(acct(A)).await.unwrap(), None);
    assert_eq!(
        tx.login_profile(acct(A), "AIDAPWUSER2").await.unwrap(),
        None
    );
}
