//! The HTTP client of single sign-on: hyper's client over rustls with ring's cryptography (a
//! C compiler, no cmake), the system's certificate store, no redirects followed (the
//! protocol's answers are never redirects), a time limit and a size limit.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use openidconnect::{HttpRequest, HttpResponse};

const TIMEOUT: Duration = Duration::from_secs(10);
/// Discovery documents, key sets and token answers are a few kilobytes.
const MAX_BODY: usize = 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum HttpError {
    #[error("no TLS set-up: {0}")]
    Tls(String),
    #[error("request to the provider failed: {0}")]
    Request(String),
    #[error("the provider did not answer within {0:?}")]
    Timeout(Duration),
}

type Https = Client<HttpsConnector<HttpConnector>, Full<Bytes>>;

fn client() -> Result<&'static Https, HttpError> {
    static CLIENT: OnceLock<Result<Https, String>> = OnceLock::new();
    CLIENT
        .get_or_init(|| {
            let provider = Arc::new(rustls::crypto::ring::default_provider());
            let https = hyper_rustls::HttpsConnectorBuilder::new()
                .with_provider_and_native_roots(provider)
                .map_err(|e| e.to_string())?
                // http:// only for a provider on this machine (the configuration allows no other).
                .https_or_http()
                .enable_http1()
                .build();
            Ok(Client::builder(TokioExecutor::new()).build(https))
        })
        .as_ref()
        .map_err(|e| HttpError::Tls(e.clone()))
}

/// Sends one of the protocol's requests (discovery, keys, token).
pub(super) async fn send(request: HttpRequest) -> Result<HttpResponse, HttpError> {
    let client = client()?;
    let (parts, body) = request.into_parts();
    let request = openidconnect::http::Request::from_parts(parts, Full::new(Bytes::from(body)));
    let answer = async {
        let response = client.request(request).await.map_err(|e| HttpError::Request(e.to_string()))?;
        let (parts, body) = response.into_parts();
        let bytes =
            Limited::new(body, MAX_BODY).collect().await.map_err(|e| HttpError::Request(e.to_string()))?.to_bytes();
        Ok(openidconnect::http::Response::from_parts(parts, bytes.to_vec()))
    };
    tokio::time::timeout(TIMEOUT, answer).await.map_err(|_| HttpError::Timeout(TIMEOUT))?
}
