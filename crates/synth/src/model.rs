//! The distributions the generator draws from, each calibrated to a figure in the seeds
//! (see `calibration` for the comparison).

use rand::RngExt;
use rand::rngs::ChaCha8Rng;

pub type Rng = ChaCha8Rng;

/// Picks from `(value, weight)` pairs.
pub fn weighted<T: Copy>(rng: &mut Rng, items: &[(T, f64)]) -> T {
    let total: f64 = items.iter().map(|(_, w)| w).sum();
    let mut x = rng.random::<f64>() * total;
    for (v, w) in items {
        if x < *w {
            return *v;
        }
        x -= w;
    }
    items[items.len() - 1].0
}

pub fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

/// Referrals per calendar month relative to the mean: fewer in the summer holidays, more
/// once school starts again.
pub const SEASON: [f64; 12] = [1.05, 1.0, 1.1, 1.0, 1.0, 1.0, 0.7, 0.6, 1.25, 1.2, 1.1, 0.85];

/// Working days from referral to intake. 58% within 5 working days (the seeds), and a mean
/// of just over 7 calendar days.
pub fn intake_working_days(rng: &mut Rng) -> u32 {
    let band = weighted(
        rng,
        &[
            ((1, 1), 0.10),
            ((2, 2), 0.14),
            ((3, 3), 0.13),
            ((4, 4), 0.11),
            ((5, 5), 0.10),
            ((6, 6), 0.135),
            ((7, 7), 0.10),
            ((8, 8), 0.08),
            ((9, 12), 0.08),
            ((13, 20), 0.02),
            ((21, 30), 0.005),
        ],
    );
    rng.random_range(band.0..=band.1)
}

/// Calendar days from intake to start of support: 86% within 2 weeks, 91% within 4 (the seeds).
pub fn start_days(rng: &mut Rng) -> i64 {
    let band = weighted(rng, &[((0, 14), 0.86), ((15, 28), 0.05), ((29, 75), 0.09)]);
    rng.random_range(band.0..=band.1)
}

/// Days of support: log-normal with a median of about five months and a long tail of
/// long-running support (about one in eight over a year).
pub fn support_days(rng: &mut Rng) -> i64 {
    let (u1, u2): (f64, f64) = (rng.random::<f64>().max(1e-12), rng.random::<f64>());
    let z = (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos();
    let days = (150.0_f64.ln() + 0.85 * z).exp();
    (days.round() as i64).clamp(14, 1500)
}

/// How a case that started support ends. With the closures before support (mostly
/// "other": unreachable, declined) all closures come to the seeds' half-year figures:
/// 80% fitting result, 4% external circumstances, the rest other reasons.
pub fn closure_after_support(rng: &mut Rng) -> (&'static str, &'static str) {
    weighted(
        rng,
        &[
            (("result_achieved", "goals_achieved"), 0.55),
            (("result_achieved", "social_base"), 0.16),
            (("result_achieved", "referred_onward"), 0.12),
            (("external_circumstances", "moved"), 0.038),
            (("external_circumstances", "deceased"), 0.002),
            (("external_circumstances", "other_external"), 0.005),
            (("other", "unreachable"), 0.055),
            (("other", "declined"), 0.035),
            (("other", "trust_broken"), 0.025),
            (("other", "other_reason"), 0.01),
        ],
    )
}

/// How a case closes before support started (after the intake, or without one).
pub fn closure_before_support(rng: &mut Rng, intake_held: bool) -> (&'static str, &'static str) {
    if intake_held {
        weighted(
            rng,
            &[
                (("result_achieved", "no_help_needed"), 0.45),
                (("result_achieved", "referred_onward"), 0.40),
                (("other", "declined"), 0.15),
            ],
        )
    } else {
        weighted(
            rng,
            &[
                (("other", "unreachable"), 0.45),
                (("other", "declined"), 0.25),
                (("result_achieved", "no_help_needed"), 0.30),
            ],
        )
    }
}

pub fn source(rng: &mut Rng, school_team: bool) -> &'static str {
    if school_team {
        return weighted(
            rng,
            &[("school", 0.55), ("self", 0.25), ("youth_health", 0.10), ("gp", 0.05), ("other", 0.05)],
        );
    }
    weighted(
        rng,
        &[
            ("self", 0.30),
            ("school", 0.15),
            ("gp", 0.15),
            ("youth_health", 0.12),
            ("municipality", 0.08),
            ("safe_at_home", 0.05),
            ("outreach", 0.05),
            ("other", 0.10),
        ],
    )
}

/// The first (main) life domain of a request.
pub fn main_domain(rng: &mut Rng, school_team: bool, mental_health_focus: bool, high_reach: bool) -> &'static str {
    let mental = if school_team || mental_health_focus { 0.34 } else { 0.13 };
    let finances = if high_reach { 0.16 } else { 0.07 };
    weighted(
        rng,
        &[
            ("mental_health", mental),
            ("parenting", if school_team { 0.08 } else { 0.20 }),
            ("domestic_relations", 0.12),
            ("finances", finances),
            ("development_school", if school_team { 0.18 } else { 0.08 }),
            ("housing", 0.05),
            ("social_network", 0.04),
            ("physical_health", 0.03),
            ("safety", 0.04),
            ("substance_use", if school_team { 0.04 } else { 0.02 }),
            ("work_education", if school_team { 0.06 } else { 0.03 }),
            ("time_use", 0.02),
            ("social_participation", 0.02),
            ("justice", 0.015),
            ("basic_adl", 0.005),
            ("instrumental_adl", 0.01),
        ],
    )
}

/// A request in plain Dutch for the main life domain, about `who` (a first name) aged `age`.
pub fn request_text(rng: &mut Rng, domain: &str, who: &str, age: i16) -> String {
    let options: &[&str] = match domain {
        "mental_health" => &[
            "{who} ({age}) zit niet lekker in zijn of haar vel, slaapt slecht en trekt zich terug.",
            "Zorgen over somberheid en angst bij {who} ({age}); school merkt het ook.",
            "{who} ({age}) heeft veel stress en paniekaanvallen sinds de verhuizing.",
        ],
        "parenting" => &[
            "Ouders lopen vast in de opvoeding van {who} ({age}): veel ruzie en boze buien thuis.",
            "Vraag om hulp bij grenzen stellen aan {who} ({age}).",
            "Moeder is overbelast en wil steun bij de opvoeding; {who} is {age}.",
        ],
        "domestic_relations" => &[
            "Ouders zijn in scheiding; {who} ({age}) zit er middenin.",
            "Veel spanningen tussen de ouders, {who} ({age}) heeft er last van.",
        ],
        "finances" => &[
            "Betalingsachterstanden bij huur en energie; gezin wil overzicht krijgen.",
            "Schulden lopen op, ouders durven de post niet meer open te maken.",
        ],
        "development_school" => &[
            "{who} ({age}) verzuimt veel van school en raakt achter.",
            "School maakt zich zorgen over de concentratie en het gedrag van {who} ({age}).",
        ],
        "housing" => &[
            "Het gezin woont te klein en dreigt de woning te verliezen.",
            "Gezin staat op straat na uitzetting; zoekt hulp.",
        ],
        "safety" => &["Melding over onveiligheid thuis; gezin wil samen werken aan veiligheid voor {who} ({age})."],
        "substance_use" => &["{who} ({age}) blowt dagelijks; ouders weten niet wat ze moeten doen."],
        "work_education" => &["{who} ({age}) is gestopt met de opleiding en zoekt een nieuwe richting."],
        "social_network" => &["Moeder staat er alleen voor en heeft weinig mensen om op terug te vallen."],
        "physical_health" => &["{who} ({age}) is langdurig ziek; het gezin zoekt ondersteuning."],
        "justice" => &["{who} ({age}) is in aanraking gekomen met de politie; ouders willen hem of haar steunen."],
        _ => &["Gezin vraagt hulp bij de dagelijkse gang van zaken; {who} is {age}."],
    };
    pick(rng, options).replace("{who}", who).replace("{age}", &age.to_string())
}

pub fn contact_form(rng: &mut Rng) -> (&'static str, (i32, i32)) {
    weighted(
        rng,
        &[
            (("home_visit", (45, 120)), 0.30),
            (("office", (30, 90)), 0.14),
            (("phone", (10, 30)), 0.25),
            (("video", (20, 60)), 0.08),
            (("chat", (10, 30)), 0.07),
            (("school", (30, 60)), 0.08),
            (("gp_practice", (30, 60)), 0.03),
            (("group", (60, 120)), 0.05),
        ],
    )
}

/// A random valid BSN (passes the 11-test).
pub fn bsn(rng: &mut Rng) -> String {
    loop {
        let digits: Vec<u32> =
            (0..8).map(|i| if i == 0 { rng.random_range(1..10) } else { rng.random_range(0..10) }).collect();
        let sum: u32 = digits.iter().enumerate().map(|(i, d)| d * (9 - i as u32)).sum();
        let last = sum % 11;
        if last < 10 {
            return digits.iter().chain(std::iter::once(&last)).map(|d| char::from(b'0' + *d as u8)).collect();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn generated_bsns_pass_the_eleven_test() {
        let mut rng = Rng::seed_from_u64(7);
        for _ in 0..500 {
            let b = bsn(&mut rng);
            assert!(buurtteam_domain::person::Bsn::parse(&b).is_ok(), "{b}");
        }
    }

    #[test]
    fn intake_delays_are_58_percent_within_five_working_days() {
        let mut rng = Rng::seed_from_u64(1);
        let n = 100_000;
        let within = (0..n).filter(|_| intake_working_days(&mut rng) <= 5).count();
        let share = within as f64 / n as f64;
        assert!((share - 0.58).abs() < 0.01, "{share}");
    }
}
