//! Running the app on a socket: plain HTTP or TLS (rustls), graceful shutdown on SIGINT and
//! SIGTERM.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use axum::Router;

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

/// Serves `router` on `addr` until SIGINT/SIGTERM; `ready` is called with the bound address
/// once connections are accepted.
pub async fn serve(
    router: Router,
    addr: SocketAddr,
    tls: Option<TlsFiles>,
    ready: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
    let service = router.into_make_service_with_connect_info::<SocketAddr>();
    match tls {
        None => {
            let listener = tokio::net::TcpListener::bind(addr)
                .await
                .map_err(|source| ServeError::Bind { addr, source })?;
            let bound = listener.local_addr().map_err(ServeError::Io)?;
            ready(bound);
            axum::serve(listener, service)
                .with_graceful_shutdown(shutdown_signal())
                .await
                .map_err(ServeError::Io)
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
            axum_server::from_tcp_rustls(listener, config)
                .handle(handle)
                .serve(service)
                .await
                .map_err(ServeError::Io)
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
