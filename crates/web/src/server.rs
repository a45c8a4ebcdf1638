//! Serving connections: HTTP/1.1 by hyper, with a time limit on reading a request's head, so
//! that a client that sends half its headers (or nothing at all) cannot hold a connection, and
//! with it memory and a file descriptor, for as long as it likes. axum's own `serve` sets no
//! timer, and without a timer hyper has no header timeout at all.
//!
//! The limit runs from the moment the server waits for a request head until the head is
//! complete: for a new connection and for an idle kept-alive one alike. It does not limit a
//! request body or the time a handler takes.

use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower::{Service, ServiceExt};

/// Serves `router` on `listener` until `shutdown` completes; then stops accepting, lets the
/// requests in flight finish and returns. Handlers see the peer as `ConnectInfo<SocketAddr>`.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    header_read_timeout: Duration,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let mut make_service = router.into_make_service_with_connect_info::<SocketAddr>();
    let mut builder = http1::Builder::new();
    builder.timer(TokioTimer::new()).header_read_timeout(header_read_timeout);

    // Shutting down: `stop_rx` is dropped when `shutdown` completes, which every connection
    // task sees through its clone of `stop_tx`. Each task holds a `done_rx` until it ends.
    let (stop_tx, stop_rx) = watch::channel(());
    tokio::spawn(async move {
        shutdown.await;
        drop(stop_rx);
    });
    let (done_tx, done_rx) = watch::channel(());

    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    accept_failed(e).await;
                    continue;
                }
            },
            () = stop_tx.closed() => break,
        };
        // The make service cannot fail (its error type is `Infallible`).
        let Ok(ready) = ServiceExt::<SocketAddr>::ready(&mut make_service).await;
        let Ok(service) = ready.call(peer).await;
        let connection = builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
        let (stop_tx, done_rx) = (stop_tx.clone(), done_rx.clone());
        tokio::spawn(async move {
            let mut connection = std::pin::pin!(connection);
            let result = tokio::select! {
                result = connection.as_mut() => result,
                () = stop_tx.closed() => {
                    connection.as_mut().graceful_shutdown();
                    connection.await
                }
            };
            if let Err(e) = result {
                // Timeouts, resets and malformed requests: the client's doing, not ours.
                tracing::debug!(error = %e, %peer, "connection ended with an error");
            }
            drop(done_rx);
        });
    }
    drop(listener);
    drop(done_rx);
    done_tx.closed().await;
    Ok(())
}

/// An error accepting a connection: a connection that went away before it was accepted is
/// nothing; anything else (out of file descriptors, say) is logged and waited out a moment
/// rather than retried in a busy loop.
async fn accept_failed(e: std::io::Error) {
    use std::io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
    if matches!(e.kind(), ConnectionRefused | ConnectionAborted | ConnectionReset) {
        return;
    }
    tracing::warn!(error = %e, "accepting a connection failed");
    tokio::time::sleep(Duration::from_secs(1)).await;
}
