//! Running the app on a socket: plain HTTP or TLS (rustls), graceful shutdown on SIGINT and
//! SIGTERM.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tower::ServiceExt;

/// Certificate and key files (PEM) for TLS.
#[derive(Clone, Debug)]
pub struct TlsFiles {
    /// The certificate chain.
    pub cert: PathBuf,
    /// The private key.
    pub key: PathBuf,
}

/// Why serving failed.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// Binding the listen address failed.
    #[error("while binding {addr}: {source}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// Loading the TLS certificate or key failed.
    #[error("while loading the TLS certificate and key: {0}")]
    Tls(#[source] std::io::Error),
    /// The server failed while running.
    #[error("while serving: {0}")]
    Io(#[source] std::io::Error),
}

/// How long in-flight requests may take to finish after a shutdown signal.
const GRACE: Duration = Duration::from_secs(10);

/// How long a connection may take to send a request's headers, counted from when the
/// server is ready for the next request: a client that opens connections and sends nothing
/// (or a byte at a time) cannot hold them, and with them the server's file descriptors,
/// for ever. It also closes keep-alive connections idle this long, as AWS's endpoints close
/// idle ones; the SDKs open a new connection when they find one closed.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(30);

/// After an accept error (out of file descriptors, most likely), wait before accepting
/// again instead of spinning; connections that end meanwhile free what is needed.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(100);

/// Serves `router` on `addr` until SIGINT/SIGTERM; `ready` is called with the bound address
/// once connections are accepted.
pub async fn serve(
    router: Router,
    addr: SocketAddr,
    tls: Option<TlsFiles>,
    ready: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
    match tls {
        None => {
            let listener = tokio::net::TcpListener::bind(addr)
                .await
                .map_err(|source| ServeError::Bind { addr, source })?;
            let bound = listener.local_addr().map_err(ServeError::Io)?;
            ready(bound);
            serve_plain(listener, router, HEADER_READ_TIMEOUT, shutdown_signal()).await;
            Ok(())
        }
        Some(files) => {
            // One process-wide provider; a second install (tests) is harmless.
            let _ = rustls::crypto::ring::default_provider().install_default();
            let config =
                axum_server::tls_rustls::RustlsConfig::from_pem_file(&files.cert, &files.key)
                    .await
                    .map_err(ServeError::Tls)?;
            let listener = std::net::TcpListener::bind(addr)
                .map_err(|source| ServeError::Bind { addr, source })?;
            let bound = listener.local_addr().map_err(ServeError::Io)?;
            let handle = axum_server::Handle::new();
            let shutdown = handle.clone();
            tokio::spawn(async move {
                shutdown_signal().await;
                shutdown.graceful_shutdown(Some(GRACE));
            });
            ready(bound);
            let mut server = axum_server::from_tcp_rustls(listener, config).handle(handle);
            server
                .http_builder()
                .http1()
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_READ_TIMEOUT);
            server
                .serve(router.into_make_service_with_connect_info::<SocketAddr>())
                .await
                .map_err(ServeError::Io)
        }
    }
}

/// Plain HTTP/1.1: one task per connection, each with `header_read_timeout` and the peer
/// address as `ConnectInfo` (the audit trail's `sourceIPAddress`). When `shutdown` resolves
/// the listener closes, idle connections are closed, and requests in flight get [`GRACE`]
/// to finish.
///
/// Why not `axum::serve`: it gives no way to set a timer, so hyper's header read timeout
/// was off and a connection that never sent a request stayed open for ever.
pub async fn serve_plain(
    listener: tokio::net::TcpListener,
    router: Router,
    header_read_timeout: Duration,
    shutdown: impl Future<Output = ()>,
) {
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(header_read_timeout);
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    tracing::warn!(%error, "accepting a connection failed");
                    tokio::time::sleep(ACCEPT_BACKOFF).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        // Request/response exchanges are small: send each answer at once (Nagle off).
        if let Err(error) = stream.set_nodelay(true) {
            tracing::debug!(%error, "TCP_NODELAY not set");
        }
        let service = router
            .clone()
            .map_request(move |request: hyper::Request<Incoming>| {
                let mut request = request.map(Body::new);
                request.extensions_mut().insert(ConnectInfo(peer));
                request
            });
        let connection =
            http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(error) = connection.await {
                tracing::debug!(%error, "connection ended with an error");
            }
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(GRACE) => {
            tracing::warn!("requests still running after the shutdown grace period were cut off");
        }
    }
}

/// Resolves on SIGINT or (Unix) SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
