//! How `sifa serve` faces clients directly: each connection is hyper's
//! HTTP/1 with a header read timeout, and at most so many connections are
//! open at once.
//!
//! `axum::serve` gives hyper no timer, so a client whose request headers
//! never finish holds its connection (and a file descriptor) for as long
//! as it likes; a few thousand such clients exhaust the process. Behind
//! HAProxy its `timeout http-request` protects; facing clients directly,
//! hyper's own `header_read_timeout` does the same (it needs the timer
//! axum leaves out, so the accept loop is here rather than in axum), and a
//! semaphore caps the connections: past the cap, new connections wait in
//! the kernel's backlog until one closes, so a flood slows new clients
//! down instead of exhausting file descriptors. tower's concurrency limit
//! would cap requests, not connections, and a client that never finishes
//! its headers never makes a request.

use std::sync::Arc;
use std::time::Duration;

use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::{Semaphore, watch};

/// How long a client may take to send a request's headers (the usual
/// value of HAProxy's `timeout http-request`).
pub const DEFAULT_HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// Connections open at once. Each holds a file descriptor: the process's
/// limit (`ulimit -n`, systemd's `LimitNOFILE`) must be above it.
pub const DEFAULT_MAX_CONNECTIONS: usize = 4096;

/// The limits of the connections `sifa serve` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Connections {
    /// A connection whose request headers are not complete within this
    /// time (counted from when hyper starts reading them) is closed.
    pub header_timeout: Duration,
    /// At most this many connections are open at once.
    pub max: usize,
}

impl Default for Connections {
    fn default() -> Self {
        Self { header_timeout: DEFAULT_HEADER_TIMEOUT, max: DEFAULT_MAX_CONNECTIONS }
    }
}

/// Serves `app` on `listener` within `limits` until `shutdown` completes,
/// then stops accepting and lets the requests under way finish.
pub async fn serve_connections(
    listener: TcpListener,
    app: axum::Router,
    limits: Connections,
    shutdown: impl Future<Output = ()>,
) {
    let permits = Arc::new(Semaphore::new(limits.max.max(1)));
    let (closing, closing_seen) = watch::channel(());
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            permit = permits.clone().acquire_owned() => permit.expect("the semaphore is never closed"),
            () = &mut shutdown => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(error) => {
                    // Out of file descriptors, or a connection reset before
                    // it was accepted: wait a little rather than spin.
                    tracing::warn!(%error, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let service = TowerToHyperService::new(app.clone());
        let mut closing_seen = closing_seen.clone();
        tokio::spawn(async move {
            let _permit = permit;
            let mut builder = http1::Builder::new();
            builder.timer(TokioTimer::new()).header_read_timeout(limits.header_timeout);
            let connection = builder.serve_connection(TokioIo::new(stream), service);
            let mut connection = std::pin::pin!(connection);
            let served = tokio::select! {
                served = connection.as_mut() => served,
                _ = closing_seen.changed() => {
                    connection.as_mut().graceful_shutdown();
                    connection.as_mut().await
                }
            };
            if let Err(error) = served {
                tracing::debug!(%error, "connection closed");
            }
        });
    }
    drop(listener);
    drop(closing_seen);
    let _ = closing.send(());
    // Every connection's task holds a receiver until it ends.
    closing.closed().await;
}
