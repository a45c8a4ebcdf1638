//! Rebuild when a migration is added or changed: `sqlx::migrate!` embeds the files, and cargo
//! does not know to look at them otherwise (sqlx's own advice).
fn main() {
    println!("cargo::rerun-if-changed=migrations");
}
