//! The plain-HTTP serving loop (`warden_server::serve::serve_plain`) over real sockets: peer
//! address for the handlers, the header read timeout that frees connections which send
//! nothing, and graceful shutdown.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "tests fail loudly by design"
)]

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::ConnectInfo;
use axum::routing::get;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::oneshot;
use warden_server::serve::serve_plain;

const TIMEOUT: Duration = Duration::from_millis(300);

struct Running {
    addr: SocketAddr,
    stop: oneshot::Sender<()>,
    done: tokio::task::JoinHandle<()>,
}

async fn start() -> Running {
    let router = Router::new().route(
        "/peer",
        get(|ConnectInfo(peer): ConnectInfo<SocketAddr>| async move { peer.to_string() }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    let done = tokio::spawn(serve_plain(listener, router, TIMEOUT, async move {
        let _ = stopped.await;
    }));
    Running { addr, stop, done }
}

/// Reads until the server closes the connection; what it sent, or panics after `limit`.
async fn read_until_closed(stream: &mut TcpStream, limit: Duration) -> Vec<u8> {
    let mut seen = Vec::new();
    tokio::time::timeout(limit, async {
        let mut buf = [0u8; 4096];
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => seen.extend_from_slice(buf.get(..n).unwrap()),
            }
        }
    })
    .await
    .expect("the server kept the connection open");
    seen
}

async fn get_peer(stream: &mut TcpStream) -> String {
    stream
        .write_all(b"GET /peer HTTP/1.1\r\nHost: warden\r\n\r\n")
        .await
        .unwrap();
    let mut buf = vec![0u8; 4096];
    let n = stream.read(&mut buf).await.unwrap();
    String::from_utf8_lossy(buf.get(..n).unwrap()).into_owned()
}

#[tokio::test]
async fn handlers_see_the_peer_address() {
    let server = start().await;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    let local = stream.local_addr().unwrap();
    let answer = get_peer(&mut stream).await;
    assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
    assert!(answer.ends_with(&local.to_string()), "{answer}");
    // Keep-alive: a second request on the same connection.
    assert!(get_peer(&mut stream).await.ends_with(&local.to_string()));
}

#[tokio::test]
async fn a_connection_that_sends_nothing_is_closed() {
    let server = start().await;
    let started = Instant::now();
    let mut silent = TcpStream::connect(server.addr).await.unwrap();
    read_until_closed(&mut silent, TIMEOUT * 10).await;
    assert!(started.elapsed() >= TIMEOUT, "closed before the timeout");
}

#[tokio::test]
async fn a_header_sent_too_slowly_is_cut_off() {
    let server = start().await;
    let mut slow = TcpStream::connect(server.addr).await.unwrap();
    slow.write_all(b"GET /peer HTTP/1.1\r\nHost: war")
        .await
        .unwrap();
    let seen = read_until_closed(&mut slow, TIMEOUT * 10).await;
    let seen = String::from_utf8_lossy(&seen);
    assert!(!seen.contains("200 OK"), "{seen}");
}

#[tokio::test]
async fn an_idle_keep_alive_connection_is_closed_after_the_timeout() {
    let server = start().await;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    assert!(get_peer(&mut stream).await.starts_with("HTTP/1.1 200 OK"));
    read_until_closed(&mut stream, TIMEOUT * 10).await;
}

#[tokio::test]
async fn shutdown_stops_accepting_and_closes_idle_connections() {
    let server = start().await;
    let mut idle = TcpStream::connect(server.addr).await.unwrap();
    assert!(get_peer(&mut idle).await.starts_with("HTTP/1.1 200 OK"));
    server.stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(5), server.done)
        .await
        .expect("serve_plain did not return after shutdown")
        .unwrap();
    read_until_closed(&mut idle, Duration::from_secs(1)).await;
    assert!(
        TcpStream::connect(server.addr).await.is_err(),
        "still accepting after shutdown"
    );
}
