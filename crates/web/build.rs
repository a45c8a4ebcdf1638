//! Brings the front-end assets into the binary: the NL Design System stylesheets, htmx and Swagger UI,
//! installed from npm (pinned in the workspace's package-lock.json) and gzipped once here.
//! `npm ci` runs when node_modules is missing, so `cargo build` alone sets everything up.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

const ASSETS: &[(&str, &str)] = &[
    ("utrecht-components.css", "@utrecht/component-library-css/dist/index.css"),
    ("utrecht-tokens.css", "@utrecht/design-tokens/dist/theme.css"),
    ("htmx.min.js", "htmx.org/dist/htmx.min.js"),
    ("swagger-ui-bundle.js", "swagger-ui-dist/swagger-ui-bundle.js"),
    ("swagger-ui.css", "swagger-ui-dist/swagger-ui.css"),
];

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let root = manifest.join("../..").canonicalize().expect("workspace root");
    let modules = root.join("node_modules");
    println!("cargo::rerun-if-changed={}", root.join("package-lock.json").display());
    println!("cargo::rerun-if-changed=static");
    if ASSETS.iter().any(|(_, from)| !modules.join(from).exists()) {
        let status = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            .current_dir(&root)
            .status()
            .unwrap_or_else(|e| {
                panic!("the web assets come from npm, which could not start ({e}); install Node.js and npm")
            });
        assert!(status.success(), "`npm ci` failed in {}; the web assets cannot be installed", root.display());
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    for (name, from) in ASSETS {
        let path = modules.join(from);
        println!("cargo::rerun-if-changed={}", path.display());
        gzip(&path, &out.join(format!("{name}.gz")));
    }
    for entry in std::fs::read_dir(manifest.join("static")).expect("static/") {
        let path = entry.expect("static entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).expect("file name").to_owned();
        gzip(&path, &out.join(format!("{name}.gz")));
    }
}

/// Writes the file as is and gzipped beside it.
fn gzip(from: &Path, to: &Path) {
    let bytes = std::fs::read(from).unwrap_or_else(|e| panic!("cannot read {}: {e}", from.display()));
    std::fs::write(to.with_extension(""), &bytes).expect("write asset");
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(&bytes).expect("gzip");
    std::fs::write(to, enc.finish().expect("gzip")).expect("write asset");
}
