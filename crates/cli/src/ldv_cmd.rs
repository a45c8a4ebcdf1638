//! `buurtteam export-ldv --from --to`: the audit log of a period in the form of the Logboek
//! Dataverwerkingen (decision 0027), as JSON Lines on stdout, the same records as
//! `GET /api/v1/privacy/ldv-export`. Read page by page, so a log of millions of rows streams;
//! the count goes to stderr, so that stdout is the export and nothing else.

use std::io::Write;

use buurtteam_app::App;
use buurtteam_app::privacy::ldv::{LdvExportInput, start_ldv_export};
use clap::Args;

#[derive(Args, Clone)]
pub struct ExportLdvArgs {
    /// From this day (YYYY-MM-DD, the organisation's time zone), inclusive.
    #[arg(long)]
    from: String,
    /// Until this day (YYYY-MM-DD), inclusive.
    #[arg(long)]
    to: String,
}

pub async fn run(app: &App, args: &ExportLdvArgs) -> anyhow::Result<()> {
    let input = LdvExportInput { from: Some(args.from.clone()), to: Some(args.to.clone()) };
    let mut export = start_ldv_export(app, None, &input).await.map_err(crate::describe)?;
    let mut out = std::io::BufWriter::new(std::io::stdout());
    let mut rows = 0u64;
    while let Some(page) = export.next_page(app).await.map_err(crate::describe)? {
        for record in &page {
            serde_json::to_writer(&mut out, record)?;
            out.write_all(b"\n")?;
            rows += 1;
        }
    }
    out.flush()?;
    eprintln!("Exported {rows} rows from {} to {}.", args.from, args.to);
    Ok(())
}
