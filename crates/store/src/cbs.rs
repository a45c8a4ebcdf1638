//! The rows of the CBS delivery (Beleidsinformatie Jeugd, decision 0042): every client of a
//! case whose support started and ran during a half year, with what the protocol asks. Voided
//! referrals (data repair) are no trajectories; destroyed files have no rows left to read.

use buurtteam_domain::cbs::TrajectoryInput;
use buurtteam_domain::codes::{ClosureDetail, ReferralSource};
use jiff::civil::Date;

use crate::{Result, Tx, parse_code, sql_date};

type Row =
    (Option<String>, jiff_sqlx::Date, String, String, jiff_sqlx::Date, Option<jiff_sqlx::Date>, Option<String>, bool);

/// The clients of the cases whose support started on or before `last` and that were not closed
/// before `first`, by case and person; `earlier_trajectory` when the same person's support in
/// another case had ended before this one started.
pub async fn trajectory_rows(tx: &mut Tx, first: Date, last: Date) -> Result<Vec<TrajectoryInput>> {
    let rows: Vec<Row> = on!(tx, |c| sqlx::query_as(
        "SELECT p.bsn, p.birth_date, h.postcode, c.source, c.started_on, c.closed_on, c.closure_detail, \
                EXISTS (SELECT 1 FROM case_clients e JOIN cases o ON o.id = e.case_id \
                        WHERE e.person_id = p.id AND o.id <> c.id AND o.voided_on IS NULL \
                          AND o.started_on IS NOT NULL AND o.closed_on IS NOT NULL AND o.closed_on < c.started_on) \
         FROM cases c \
         JOIN case_clients cc ON cc.case_id = c.id \
         JOIN persons p ON p.id = cc.person_id \
         JOIN households h ON h.id = c.household_id \
         WHERE c.voided_on IS NULL AND c.started_on IS NOT NULL AND c.started_on <= $2 \
           AND (c.closed_on IS NULL OR c.closed_on >= $1) \
         ORDER BY c.started_on, c.id, p.id"
    )
    .bind(sql_date(first))
    .bind(sql_date(last))
    .fetch_all(&mut *c)
    .await)?;
    rows.into_iter()
        .map(|(bsn, birth, postcode, source, started, closed, detail, earlier)| {
            Ok(TrajectoryInput {
                bsn,
                birth_date: birth.to_jiff(),
                postcode,
                source: parse_code("cases.source", &source, ReferralSource::parse)?,
                started_on: started.to_jiff(),
                closed_on: closed.map(|d| d.to_jiff()),
                closure_detail: detail
                    .map(|d| parse_code("cases.closure_detail", &d, ClosureDetail::parse))
                    .transpose()?,
                earlier_trajectory: earlier,
            })
        })
        .collect()
}
