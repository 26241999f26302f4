//! Rotation of the STS session-token key ring in the server (issue 4 item 2, ADR 0004
//! "Rotation in the server"): sessions survive rotations, nodes sharing one store converge
//! on one ring (compare-and-swap), a node reloads the ring for a token of a key it has not
//! loaded yet, and tokens of retired keys are refused (api.md §2.7).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests: failing loudly is the point"
)]

mod common;
mod handlers_support;

use std::time::{Duration, SystemTime};

use aws_credential_types::Credentials;
use aws_sigv4::http_request::{SignableBody, SignableRequest, SigningSettings, sign};
use aws_sigv4::sign::v4;
use aws_smithy_runtime_api::client::identity::Identity;
use axum::body::Body;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use common::{ACCOUNT, ROOT, Resp, Server, form};
use warden_core::Store;
use warden_server::{AppState, KeyRingTick, RELOAD_INTERVAL, ServerConfig, app};

/// The rotation period of the nodes under test (the default is a day).
const ROTATE_AFTER: i64 = 3_600;
/// How long a retired key stays in the ring after its successor became current
/// (warden_sts::token::MAX_SESSION_SECONDS + RETIREMENT_MARGIN_SECONDS).
const RETIREMENT_HORIZON: u64 = 129_600 + 3_600;
/// A check period the tests never reach: they call `key_ring_tick` themselves.
const NEVER: Duration = Duration::from_secs(3_600);

const INVALID: &str = "The security token included in the request is invalid.";
const EXPIRED: &str = "The security token included in the request is expired";

/// A node on `srv`'s store, clock, ids and cipher, rotating after [`ROTATE_AFTER`] and
/// checking every `check`.
fn node<S: Store>(srv: &Server<S>, check: Duration) -> Server<S> {
    let mut config = ServerConfig::new(ACCOUNT.parse().unwrap());
    config.key_ring_rotate_after = time::Duration::seconds(ROTATE_AFTER);
    config.key_ring_check_interval = check;
    let state = AppState::new(
        srv.store.clone(),
        config,
        srv.state.services().clone(),
        None,
    );
    Server {
        app: app(state.clone()),
        state,
        clock: srv.clock.clone(),
        store: srv.store.clone(),
        dir: tempfile::tempdir().unwrap(),
    }
}

/// A node whose ring is loaded.
async fn loaded_node<S: Store>(srv: &Server<S>, check: Duration) -> Server<S> {
    let n = node(srv, check);
    n.state.init_key_ring().await.unwrap();
    n
}

/// Session credentials.
#[derive(Clone, Debug)]
struct Session {
    key: String,
    secret: String,
    token: String,
}

impl Session {
    /// The id of the ring key that sealed the token (token bytes 1..5, ADR 0004).
    fn sealing_key(&self) -> u32 {
        let bytes = URL_SAFE_NO_PAD.decode(&self.token).unwrap();
        u32::from_be_bytes(bytes[1..5].try_into().unwrap())
    }
}

fn signed(creds: (&str, &str, Option<&str>), body: &str, time: SystemTime) -> http::Request<Body> {
    let identity: Identity =
        Credentials::new(creds.0, creds.1, creds.2.map(str::to_owned), None, "test").into();
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region("us-east-1")
        .name("sts")
        .time(time)
        .settings(SigningSettings::default())
        .build()
        .unwrap()
        .into();
    let headers = [
        ("host", "localhost:8700"),
        (
            "content-type",
            "application/x-www-form-urlencoded; charset=utf-8",
        ),
    ];
    let signable = SignableRequest::new(
        "POST",
        "http://localhost:8700/",
        headers.iter().copied(),
        SignableBody::Bytes(body.as_bytes()),
    )
    .unwrap();
    let (instructions, _) = sign(signable, &params).unwrap().into_parts();
    let mut req = http::Request::builder().method("POST").uri("/");
    for (n, v) in headers {
        req = req.header(n, v);
    }
    let mut req = req.body(Body::from(body.to_owned())).unwrap();
    instructions.apply_to_request_http1x(&mut req);
    req
}

async fn sts<S: Store>(
    srv: &Server<S>,
    creds: (&str, &str, Option<&str>),
    action: &str,
    params: &[(&str, &str)],
) -> Resp {
    let mut all = vec![("Action", action), ("Version", "2011-06-15")];
    all.extend_from_slice(params);
    srv.send(signed(creds, &form(&all), srv.now())).await
}

/// Creates the role `r`, assumable by the account's root (once per store).
async fn create_role<S: Store>(srv: &Server<S>) {
    let trust = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"arn:aws:iam::{ACCOUNT}:root"}},"Action":"sts:AssumeRole"}}]}}"#
    );
    srv.call(
        "CreateRole",
        &[("RoleName", "r"), ("AssumeRolePolicyDocument", &trust)],
    )
    .await
    .assert_ok();
}

/// A one-hour session of role `r`, issued by `srv`.
async fn assume<S: Store>(srv: &Server<S>, name: &str) -> Session {
    let role_arn = format!("arn:aws:iam::{ACCOUNT}:role/r");
    let r = sts(
        srv,
        (ROOT.0, ROOT.1, None),
        "AssumeRole",
        &[("RoleArn", &role_arn), ("RoleSessionName", name)],
    )
    .await;
    r.assert_ok();
    Session {
        key: r.text("AccessKeyId").unwrap(),
        secret: r.text("SecretAccessKey").unwrap(),
        token: r.text("SessionToken").unwrap(),
    }
}

/// GetCallerIdentity with `session` on `srv`.
async fn whoami<S: Store>(srv: &Server<S>, session: &Session) -> Resp {
    sts(
        srv,
        (&session.key, &session.secret, Some(&session.token)),
        "GetCallerIdentity",
        &[],
    )
    .await
}

#[track_caller]
fn assert_caller(r: &Resp, session_name: &str) {
    r.assert_ok();
    assert!(
        r.text("Arn")
            .unwrap()
            .ends_with(&format!("assumed-role/r/{session_name}")),
        "{}",
        r.body
    );
}

async fn tick<S: Store>(srv: &Server<S>) -> KeyRingTick {
    srv.state.key_ring_tick().await.unwrap()
}

// ---- scenarios

async fn sessions_survive_rotation<S: Store>(srv: Server<S>) {
    create_role(&srv).await;
    let node1 = loaded_node(&srv, NEVER).await;
    let first_ring = node1.state.session_key_ids();
    assert_eq!(first_ring.len(), 1);
    // Half-way through the key's period: the one-hour session outlives the rotation.
    srv.advance(1_800);
    let before = assume(&node1, "before").await;
    assert_eq!(before.sealing_key(), first_ring[0]);

    // Not due one second before the rotation period, due at it.
    srv.advance(u64::try_from(ROTATE_AFTER).unwrap() - 1_800 - 1);
    assert_eq!(tick(&node1).await, KeyRingTick::Unchanged);
    assert_eq!(node1.state.session_key_ids(), first_ring);
    srv.advance(1);
    assert_eq!(tick(&node1).await, KeyRingTick::Rotated);
    let rotated = node1.state.session_key_ids();
    assert_eq!(rotated.len(), 2);
    assert_eq!(rotated[0], first_ring[0]);
    // The new key is fresh: the next tick leaves it.
    assert_eq!(tick(&node1).await, KeyRingTick::Unchanged);

    // A session sealed before the rotation still works; a new one uses the new key.
    assert_caller(&whoami(&node1, &before).await, "before");
    let after = assume(&node1, "after").await;
    assert_eq!(after.sealing_key(), rotated[1]);
    assert_caller(&whoami(&node1, &after).await, "after");

    // A node started afterwards (a restart) loads the rotated ring: both sessions work.
    let restarted = loaded_node(&srv, NEVER).await;
    assert_eq!(restarted.state.session_key_ids(), rotated);
    assert_caller(&whoami(&restarted, &before).await, "before");
    assert_caller(&whoami(&restarted, &after).await, "after");
}

async fn another_node_reloads_for_a_key_it_has_not_loaded<S: Store>(srv: Server<S>) {
    create_role(&srv).await;
    let node1 = loaded_node(&srv, NEVER).await;
    let node2 = loaded_node(&srv, NEVER).await;
    assert_eq!(node1.state.session_key_ids(), node2.state.session_key_ids());

    srv.advance(u64::try_from(ROTATE_AFTER).unwrap());
    assert_eq!(tick(&node1).await, KeyRingTick::Rotated);
    let rotated = node1.state.session_key_ids();
    // Node 2 has not checked yet: it does not know the new key.
    assert_eq!(node2.state.session_key_ids().len(), 1);

    // A token sealed with node 1's new key: node 2 reloads the ring once and accepts it.
    let fresh = assume(&node1, "fresh").await;
    assert_eq!(fresh.sealing_key(), rotated[1]);
    assert_caller(&whoami(&node2, &fresh).await, "fresh");
    assert_eq!(node2.state.session_key_ids(), rotated);
    // Already reloaded: its next check has nothing to do.
    assert_eq!(tick(&node2).await, KeyRingTick::Unchanged);

    // Node 1 rotates again; node 2's next check adopts the stored ring.
    srv.advance(u64::try_from(ROTATE_AFTER).unwrap());
    assert_eq!(tick(&node1).await, KeyRingTick::Rotated);
    assert_eq!(tick(&node2).await, KeyRingTick::Reloaded);
    assert_eq!(node2.state.session_key_ids(), node1.state.session_key_ids());
    assert_eq!(node2.state.session_key_ids().len(), 3);

    // A token naming a key no node holds is refused as before (after at most one reload);
    // node 2 keeps accepting the tokens of node 1's current key.
    let mut bytes = URL_SAFE_NO_PAD.decode(&fresh.token).unwrap();
    bytes[1..5].copy_from_slice(&(rotated[1] ^ 0x5A5A_5A5A).to_be_bytes());
    let forged = Session {
        token: URL_SAFE_NO_PAD.encode(&bytes),
        ..fresh.clone()
    };
    tokio::time::sleep(RELOAD_INTERVAL).await;
    whoami(&node2, &forged)
        .await
        .assert_error(403, "InvalidClientTokenId", INVALID);
    let latest = assume(&node1, "latest").await;
    assert_caller(&whoami(&node2, &latest).await, "latest");
}

async fn retired_keys_refuse_their_tokens<S: Store>(srv: Server<S>) {
    create_role(&srv).await;
    let node1 = loaded_node(&srv, NEVER).await;
    let first_key = node1.state.session_key_ids()[0];
    let old = assume(&node1, "old").await;

    srv.advance(u64::try_from(ROTATE_AFTER).unwrap());
    assert_eq!(tick(&node1).await, KeyRingTick::Rotated);
    // Past its one-hour lifetime the token still opens (its key is held): ExpiredToken.
    srv.advance(1);
    whoami(&node1, &old)
        .await
        .assert_error(403, "ExpiredToken", EXPIRED);

    // Rotations before the horizon keep the first key…
    srv.advance(RETIREMENT_HORIZON - 2);
    assert_eq!(tick(&node1).await, KeyRingTick::Rotated);
    assert!(node1.state.session_key_ids().contains(&first_key));
    // …the first rotation past the horizon retires it: its tokens no longer open.
    srv.advance(u64::try_from(ROTATE_AFTER).unwrap());
    assert_eq!(tick(&node1).await, KeyRingTick::Rotated);
    let ring = node1.state.session_key_ids();
    assert!(!ring.contains(&first_key), "{ring:?}");
    whoami(&node1, &old)
        .await
        .assert_error(403, "InvalidClientTokenId", INVALID);
    // So does a node that loads the stored ring.
    let other = loaded_node(&srv, NEVER).await;
    assert_eq!(other.state.session_key_ids(), ring);
    whoami(&other, &old)
        .await
        .assert_error(403, "InvalidClientTokenId", INVALID);
}

async fn concurrent_rotations_converge<S: Store>(srv: Server<S>) {
    create_role(&srv).await;
    let node1 = loaded_node(&srv, NEVER).await;
    let node2 = loaded_node(&srv, NEVER).await;
    for round in 1..=4_usize {
        srv.advance(u64::try_from(ROTATE_AFTER).unwrap());
        let (a, b) = tokio::join!(node1.state.key_ring_tick(), node2.state.key_ring_tick());
        let mut outcomes = [a.unwrap(), b.unwrap()];
        outcomes.sort_by_key(|o| *o == KeyRingTick::Rotated);
        // Exactly one node stored a rotation; the other lost the compare-and-swap, or read
        // the stored ring after it (then the new key was not due).
        assert_eq!(outcomes[1], KeyRingTick::Rotated, "round {round}");
        assert!(
            matches!(outcomes[0], KeyRingTick::LostRace | KeyRingTick::Reloaded),
            "round {round}: {outcomes:?}"
        );
        let ring = node1.state.session_key_ids();
        assert_eq!(ring.len(), round + 1, "one key added per round");
        assert_eq!(node2.state.session_key_ids(), ring, "round {round}");
        // The stored ring is the one both nodes use.
        let fresh = loaded_node(&srv, NEVER).await;
        assert_eq!(fresh.state.session_key_ids(), ring, "round {round}");
    }
    // A session issued by either node works on the other.
    let s1 = assume(&node1, "one").await;
    let s2 = assume(&node2, "two").await;
    assert_eq!(s1.sealing_key(), s2.sealing_key());
    assert_caller(&whoami(&node2, &s1).await, "one");
    assert_caller(&whoami(&node1, &s2).await, "two");
}

async fn background_checks_rotate_and_converge<S: Store>(srv: Server<S>) {
    create_role(&srv).await;
    let period = Duration::from_millis(100);
    let node1 = loaded_node(&srv, period).await;
    let node2 = loaded_node(&srv, period).await;
    let first = node1.state.session_key_ids();
    srv.advance(1_800);
    let before = assume(&node1, "before").await;
    // Not due: several periods pass without a rotation.
    tokio::time::sleep(period * 4).await;
    assert_eq!(node1.state.session_key_ids(), first);
    assert_eq!(node2.state.session_key_ids(), first);

    srv.advance(u64::try_from(ROTATE_AFTER).unwrap() - 1_800);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        let (a, b) = (node1.state.session_key_ids(), node2.state.session_key_ids());
        if a.len() == 2 && a == b {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "nodes did not converge: {a:?} / {b:?}"
        );
        tokio::time::sleep(period / 2).await;
    }
    // Converged on one rotation, and no node rotates again while the new key is fresh.
    tokio::time::sleep(period * 4).await;
    let ring = node1.state.session_key_ids();
    assert_eq!(ring.len(), 2);
    assert_eq!(ring[0], first[0]);
    assert_eq!(node2.state.session_key_ids(), ring);
    let after = assume(&node2, "after").await;
    assert_eq!(after.sealing_key(), ring[1]);
    assert_caller(&whoami(&node1, &after).await, "after");
    assert_caller(&whoami(&node2, &before).await, "before");
}

backend_tests!(
    sessions_survive_rotation,
    another_node_reloads_for_a_key_it_has_not_loaded,
    retired_keys_refuse_their_tokens,
    concurrent_rotations_converge,
    background_checks_rotate_and_converge,
);

mod postgres {
    macro_rules! on_postgres {
        ($($name:ident),* $(,)?) => {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::common::on_postgres(super::$name).await;
                }
            )*
        };
    }

    on_postgres!(
        sessions_survive_rotation,
        another_node_reloads_for_a_key_it_has_not_loaded,
        retired_keys_refuse_their_tokens,
        concurrent_rotations_converge,
        background_checks_rotate_and_converge,
    );
}
