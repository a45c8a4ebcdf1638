//! The outreach section of the steering dashboards (issue 16) over HTTP: a payment-arrears
//! campaign in district A worked by hand, its funnel per campaign, approach, district and
//! decline reason in the CSV exports, exact for team A's manager and with small counts
//! suppressed for an analyst, as it stood at the end of the period.

use buurtteam_domain::ids::{DistrictId, UserId};
use buurtteam_domain::outreach::{Approach, AttemptResult, DeclineReason};
use jiff::civil::{Date, date};

use crate::harness::{Client, TestApp};
use crate::kpis::seven_cases;

/// The second quarter of 2026, as the dashboards' own tests.
const Q2: &str = "period=quarter&start=2026-05-15";

async fn csv(c: &Client, path: &str) -> (u16, String) {
    let r = c.http.get(format!("{}{path}", c.base)).send().await.expect("GET");
    let status = r.status().as_u16();
    (status, r.text().await.expect("body"))
}

type Plan = (Approach, Vec<(AttemptResult, Option<DeclineReason>)>);

/// "Vroegsignalering Overvecht", started 1 April 2026 over district A, with 65 addresses:
/// - 40 by house visit: 30 spoken to, 3 offered help, 2 offered and accepted, 1 offered and
///   declined (no trust), 4 not at home three times (unreachable);
/// - 20 by phone and flyer: 15 spoken to, 1 offered help, 4 no answer three times;
/// - 5 not tried yet.
///
/// Every attempt in May, but one: on 10 July a phoned address accepts after all.
async fn campaign(t: &TestApp, district: i64) {
    use AttemptResult as R;
    let mut plans: Vec<Plan> = Vec::new();
    let visit = Approach::HouseVisit;
    let flyer = Approach::PhoneAndFlyer;
    plans.extend((0..30).map(|_| (visit, vec![(R::Spoken, None)])));
    plans.extend((0..3).map(|_| (visit, vec![(R::OfferMade, None)])));
    plans.extend((0..2).map(|_| (visit, vec![(R::OfferMade, None), (R::Accepted, None)])));
    plans.push((visit, vec![(R::OfferMade, None), (R::Declined, Some(DeclineReason::NoTrust))]));
    plans.extend((0..4).map(|_| (visit, vec![(R::NotHome, None); 3])));
    plans.extend((0..15).map(|_| (flyer, vec![(R::Spoken, None)])));
    plans.push((flyer, vec![(R::OfferMade, None)]));
    plans.extend((0..4).map(|_| (flyer, vec![(R::NoAnswer, None); 3])));
    plans.extend((0..5).map(|_| (visit, Vec::new())));
    let now = t.app.now();
    let da = DistrictId(district);
    t.app
        .db
        .write(move |tx| {
            Box::pin(async move {
                use buurtteam_store::outreach_attempts::{NewAttempt, insert_attempt};
                use buurtteam_store::outreach_seed as seed;
                let c = seed::campaign(
                    tx,
                    buurtteam_domain::outreach::CampaignKind::PaymentArrears,
                    "Vroegsignalering Overvecht",
                    date(2026, 4, 1),
                    &[da],
                    &[],
                    UserId(1),
                    now,
                )
                .await?;
                for (i, (approach, results)) in plans.iter().enumerate() {
                    let number = 1 + i as i64;
                    let on = date(2026, 4, 20);
                    let a = seed::address(
                        tx,
                        c,
                        Some(da),
                        "Bottelier",
                        number,
                        "3564 AB",
                        None,
                        ("Anna", "Smit"),
                        on,
                        UserId(1),
                        now,
                    )
                    .await?;
                    for (day, (result, reason)) in results.iter().enumerate() {
                        let on: Date = date(2026, 5, 4 + day as i8);
                        let attempt = NewAttempt {
                            address_id: a,
                            approach: *approach,
                            on,
                            result: *result,
                            decline_reason: *reason,
                            decline_detail: None,
                            by: UserId(1),
                        };
                        insert_attempt(tx, &attempt, now).await?;
                    }
                    // After the quarter: the first phoned address accepts after all.
                    if i == 40 {
                        let attempt = NewAttempt {
                            address_id: a,
                            approach: Approach::Phone,
                            on: date(2026, 7, 10),
                            result: R::Accepted,
                            decline_reason: None,
                            decline_detail: None,
                            by: UserId(1),
                        };
                        insert_attempt(tx, &attempt, now).await?;
                    }
                }
                Ok::<_, buurtteam_store::StoreError>(())
            })
        })
        .await
        .expect("seed");
}

const HEADER: &str = "Adressen;Bereikt;Bereikt (%);Hulp aangeboden;Hulp aangeboden (%);Hulp aangenomen;\
     Hulp aangenomen (%);Hulp afgeslagen;Hulp afgeslagen (%);Niet bereikbaar;Niet bereikbaar (%)\r\n";

#[tokio::test]
async fn the_funnel_in_the_exports_matches_the_hand_worked_numbers() {
    let (t, o) = seven_cases().await;
    campaign(&t, o.district_a).await;
    let q = format!("scope=team-{}&{Q2}", o.team_a);

    // The campaign: 65 addresses; 36 + 16 reached (80.0%); 6 + 1 offers (10.8%); 2 accepted
    // (3.1%); 1 declined (1.5%); 4 + 4 unreachable (12.3%). July's acceptance is not in June.
    let (status, body) = csv(&o.manager, &format!("/dashboards/export.csv?{q}&table=outreach_campaigns")).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body,
        format!("\u{feff}Campagne;{HEADER}Vroegsignalering Overvecht;65;52;80,0;7;10,8;2;3,1;1;1,5;8;12,3\r\n")
    );
    // Per approach, side by side: house visits 6 offers of 40 (15%), phone and flyer 1 of 20 (5%).
    let (_, body) = csv(&o.manager, &format!("/dashboards/export.csv?{q}&table=outreach_approaches")).await;
    assert_eq!(
        body,
        format!(
            "\u{feff}Campagne en aanpak;{HEADER}\
             Vroegsignalering Overvecht: Huisbezoek;40;36;90,0;6;15,0;2;5,0;1;2,5;4;10,0\r\n\
             Vroegsignalering Overvecht: Telefoon en flyer;20;16;80,0;1;5,0;0;0,0;0;0,0;4;20,0\r\n"
        )
    );
    let (_, body) = csv(&o.manager, &format!("/dashboards/export.csv?{q}&table=outreach_districts")).await;
    assert!(body.contains("Vroegsignalering Overvecht: Overvecht;65;52;80,0;7;10,8;"), "{body}");
    let (_, body) = csv(&o.manager, &format!("/dashboards/export.csv?{q}&table=outreach_declines")).await;
    assert!(body.ends_with("Vroegsignalering Overvecht;1;0;0;0;1;0;0\r\n"), "{body}");

    // The third quarter counts July's acceptance: 8 offers, 3 accepted.
    let (_, body) = csv(
        &o.manager,
        &format!(
            "/dashboards/export.csv?scope=team-{}&period=quarter&start=2026-07-01&table=outreach_campaigns",
            o.team_a
        ),
    )
    .await;
    assert!(body.contains("Vroegsignalering Overvecht;65;52;80,0;8;12,3;3;4,6;"), "{body}");

    // The page has the section, with the offer rates per approach as a chart.
    let (status, html) = csv(&o.manager, &format!("/dashboards?{q}")).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Outreach en vroegsignalering per campagne")
            && html.contains("id=\"chart-outreach-approaches-")
            && html.contains("Hulp aangeboden per aanpak (% van de adressen): Vroegsignalering Overvecht"),
        "{html}"
    );
}

#[tokio::test]
async fn an_analyst_sees_the_funnel_with_small_cells_suppressed() {
    let (t, o) = seven_cases().await;
    campaign(&t, o.district_a).await;
    let (status, body) =
        csv(&o.analyst, &format!("/dashboards/export.csv?scope=city&{Q2}&table=outreach_campaigns")).await;
    assert_eq!(status, 200, "{body}");
    // Accepted 2 and declined 1 are small, and so their rates.
    assert_eq!(
        body,
        format!("\u{feff}Campagne;{HEADER}Vroegsignalering Overvecht;65;52;80,0;7;10,8;<5;<5;<5;<5;8;12,3\r\n")
    );
    let (_, body) = csv(&o.analyst, &format!("/dashboards/export.csv?scope=city&{Q2}&table=outreach_approaches")).await;
    // Every approach has its row; phone and flyer's single offer is "<5", and so is its rate;
    // 36 reached of 40 leaves 4: the rate would give the 4 away.
    assert!(body.contains("Vroegsignalering Overvecht: Huisbezoek;40;36;<5;6;15,0;<5;<5;<5;<5;<5;<5\r\n"), "{body}");
    assert!(
        body.contains("Vroegsignalering Overvecht: Telefoon en flyer;20;16;<5;<5;<5;<5;<5;<5;<5;<5;<5\r\n"),
        "{body}"
    );
    assert!(body.contains("Vroegsignalering Overvecht: Brief;<5;<5;<5;"), "a zero is small too: {body}");
    let (_, body) = csv(&o.analyst, &format!("/dashboards/export.csv?scope=city&{Q2}&table=outreach_declines")).await;
    assert!(body.ends_with("Vroegsignalering Overvecht;<5;<5;<5;<5;<5;<5;<5\r\n"), "{body}");
    // District B has no campaign: the section says so.
    let (_, html) = csv(&o.analyst, &format!("/dashboards?scope=district-{}&{Q2}", o.district_b)).await;
    assert!(html.contains("Geen campagnes in dit gebied in deze periode."), "{html}");
    assert!(!html.contains("Vroegsignalering Overvecht"));
    // A family worker of team B reads no other team's figures, so no section of team A either.
    let (status, _) =
        csv(&o.worker_b, &format!("/dashboards/export.csv?scope=team-{}&{Q2}&table=outreach_campaigns", o.team_a))
            .await;
    assert_eq!(status, 403);
}
