//! Static assets compiled into the binary (see build.rs): served with a content hash in the
//! URL, cached for a year, gzipped when the browser accepts it.

use std::sync::LazyLock;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use crate::AppState;

pub struct Asset {
    pub name: &'static str,
    content_type: &'static str,
    raw: &'static [u8],
    gz: &'static [u8],
    /// Short content hash, for the URL.
    pub version: String,
}

macro_rules! asset {
    ($name:literal, $ty:literal) => {
        (
            $name,
            $ty,
            include_bytes!(concat!(env!("OUT_DIR"), "/", $name)).as_slice(),
            include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".gz")).as_slice(),
        )
    };
}

static ASSETS: LazyLock<Vec<Asset>> = LazyLock::new(|| {
    [
        asset!("utrecht-components.css", "text/css; charset=utf-8"),
        asset!("utrecht-tokens.css", "text/css; charset=utf-8"),
        asset!("buurtteam.css", "text/css; charset=utf-8"),
        asset!("htmx.min.js", "text/javascript; charset=utf-8"),
        asset!("swagger-ui-bundle.js", "text/javascript; charset=utf-8"),
        asset!("swagger-ui.css", "text/css; charset=utf-8"),
        asset!("api-reference.js", "text/javascript; charset=utf-8"),
        asset!("api-reference.css", "text/css; charset=utf-8"),
        asset!("print.js", "text/javascript; charset=utf-8"),
    ]
    .into_iter()
    .map(|(name, content_type, raw, gz)| {
        let version = Sha256::digest(raw).iter().take(6).map(|b| format!("{b:02x}")).collect();
        Asset { name, content_type, raw, gz, version }
    })
    .collect()
});

/// The URL of an asset, with its content hash so that a new release is fetched anew.
pub fn url(name: &str) -> String {
    let version = ASSETS.iter().find(|a| a.name == name).map_or("0", |a| a.version.as_str());
    format!("/assets/{name}?v={version}")
}

pub async fn serve(State(state): State<AppState>, Path(name): Path<String>, headers: HeaderMap) -> Response {
    if name == "theme.css"
        && let Some(theme) = &state.config.theme
    {
        // Not versioned in its URL: cached for an hour, so a new theme shows the same day.
        let headers =
            [(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")];
        return (headers, theme.css.clone()).into_response();
    }
    let Some(asset) = ASSETS.iter().find(|a| a.name == name) else {
        return (StatusCode::NOT_FOUND, "no such asset").into_response();
    };
    let gzip_ok = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|e| e.trim().starts_with("gzip")));
    let mut response = if gzip_ok { asset.gz.into_response() } else { asset.raw.into_response() };
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(asset.content_type));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=31536000, immutable"));
    h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if gzip_ok {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
    response
}
