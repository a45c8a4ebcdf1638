//! `buurtteam audit`: verify the audit log's hash chain (decision 0021) and print its heads for
//! keeping elsewhere. `verify` exits 0 with one line `N rows verified`, or non-zero with one
//! line naming the first row that does not fit.

use std::path::PathBuf;

use anyhow::{Context, bail};
use buurtteam_app::App;
use buurtteam_app::privacy::integrity;
use buurtteam_store::audit::chain::{Broken, Problem};
use buurtteam_store::audit::heads::Export;
use clap::Args;

#[derive(Args, Clone)]
pub struct VerifyArgs {
    /// Also compare with heads exported before (`buurtteam audit heads`): a chain whose
    /// exported head is no longer in it was cut back (its tail deleted) or rewritten.
    #[arg(long)]
    heads: Option<PathBuf>,
}

/// Verifies every chain; `Ok` only when the log is whole.
pub async fn verify(app: &App, args: &VerifyArgs) -> anyhow::Result<()> {
    let exported = match &args.heads {
        None => None,
        Some(path) => {
            let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
            let export: Export = serde_json::from_str(&text)
                .with_context(|| format!("{} is not a heads file of `buurtteam audit heads`", path.display()))?;
            Some(export.heads)
        }
    };
    let checked = integrity::check(app, None, exported.as_deref()).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    let v = &checked.verification;
    match v.first_broken() {
        None => {
            println!("{} rows verified", v.rows);
            Ok(())
        }
        Some(b) => {
            let more = v.broken.len() - 1;
            let also = match more {
                0 => String::new(),
                1 => " (and 1 more break)".to_owned(),
                n => format!(" (and {n} more breaks)"),
            };
            bail!("the audit log is broken: {}{also}", describe(b))
        }
    }
}

/// The heads as JSON, to keep elsewhere.
pub async fn heads(app: &App) -> anyhow::Result<()> {
    let export = buurtteam_store::audit::heads::current(&app.db, app.now()).await?;
    println!("{}", serde_json::to_string_pretty(&export)?);
    Ok(())
}

/// A broken row in plain English: which row, where in which chain, and what is wrong.
pub fn describe(b: &Broken) -> String {
    let row = match b.id {
        Some(id) => format!("row {id}"),
        None => "no row".to_owned(),
    };
    let place = match (b.chain, b.seq) {
        (Some(c), Some(s)) => format!(" (chain {c}, place {s})"),
        (Some(c), None) => format!(" (chain {c})"),
        _ => String::new(),
    };
    let what = match &b.problem {
        Problem::Unchained => "it is in no chain: it was inserted around the application".to_owned(),
        Problem::Gap { expected_seq } => {
            format!("the rows before it are missing from place {expected_seq}: a row was deleted")
        }
        Problem::Altered => "its content does not match its hash: it was edited or inserted".to_owned(),
        Problem::DetailAltered => "its detail does not match its digest: the detail was edited".to_owned(),
        Problem::HeadMismatch { head_seq, last_seq } if head_seq > last_seq => format!(
            "the chain ends here at place {last_seq} but its recorded head is at place {head_seq}: rows at its end were deleted"
        ),
        Problem::HeadMismatch { head_seq, last_seq } => format!(
            "the chain ends at place {last_seq} but its recorded head is at place {head_seq} (or has another hash): the head was changed"
        ),
        Problem::OutOfOrder => "its id does not fit its place in the chain: rows' contents were moved".to_owned(),
        Problem::ExportedHeadMissing { exported_seq, last_seq } => format!(
            "the exported head at place {exported_seq} is gone, the chain now ends at place {last_seq}: rows at its end were deleted and the head moved back"
        ),
        Problem::ExportedHeadAltered { exported_seq } => {
            format!("the row at the exported head's place {exported_seq} has another hash: the chain was rewritten")
        }
        Problem::PseudonymisedWithoutTombstone => {
            "its detail was removed as if its file was destroyed, but no file was destroyed: the detail was erased"
                .to_owned()
        }
    };
    format!("{row}{place}: {what}")
}
