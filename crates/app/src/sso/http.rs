//! The HTTP client of single sign-on: reqwest over rustls with ring's cryptography (no C
//! toolchain beyond a C compiler, no cmake), with the system's certificate store, no redirects
//! followed (the protocol's answers are never redirects) and a time limit.

use std::sync::OnceLock;
use std::time::Duration;

use openidconnect::{HttpRequest, HttpResponse};

#[derive(Debug, thiserror::Error)]
pub enum HttpError {
    #[error("request to the provider failed: {0}")]
    Request(#[from] reqwest::Error),
    #[error("the provider's answer could not be read: {0}")]
    Answer(#[from] openidconnect::http::Error),
}

pub(super) fn client() -> &'static reqwest::Client {
    static CLIENT: OnceLock<reqwest::Client> = OnceLock::new();
    CLIENT.get_or_init(|| {
        // Another part of the process may have chosen a provider already; either will do.
        let _ = rustls::crypto::ring::default_provider().install_default();
        reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(10))
            .build()
            .unwrap_or_default()
    })
}

/// Sends one of the protocol's requests (discovery, keys, token).
pub(super) async fn send(request: HttpRequest) -> Result<HttpResponse, HttpError> {
    let (parts, body) = request.into_parts();
    let answer = client()
        .request(parts.method, parts.uri.to_string())
        .headers(parts.headers)
        .body(body)
        .send()
        .await?;
    let mut response = openidconnect::http::Response::builder().status(answer.status());
    for (name, value) in answer.headers() {
        response = response.header(name, value);
    }
    let body = answer.bytes().await?;
    Ok(response.body(body.to_vec())?)
}
