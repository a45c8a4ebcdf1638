//! Profiles: the shape of a synthetic organisation. `city` is an organisation like the
//! seeds' (Utrecht's ten districts); `region` is for scale.

/// One district (wijk) and how it differs.
#[derive(Debug, Clone)]
pub struct DistrictSpec {
    pub name: String,
    /// Inhabitants on 1 January 2023 (BRP; shared/research/domain.md §5).
    pub population: u32,
    /// Relative use of the teams per inhabitant: higher where many families face several
    /// problems at once (Overvecht, Zuidwest, Noordwest in the seeds).
    pub reach: f64,
    /// Mental health is the most frequent request here (the seeds: Noordoost, Oost, Vleuten-De Meern).
    pub mental_health_focus: bool,
    /// The names of its two neighbourhood teams.
    pub teams: [String; 2],
    /// Its postcode areas as people write them (`3561-3565`), so that an address from a signal
    /// file or a new household lands in the district; none for the region's towns. They hold
    /// every postcode the generator gives this district's households (`names::streets`).
    pub postcode_areas: Vec<&'static str>,
}

#[derive(Debug, Clone)]
pub struct Profile {
    pub name: &'static str,
    pub city: &'static str,
    pub districts: Vec<DistrictSpec>,
    /// City-wide teams: (name, kind code).
    pub school_teams: Vec<(String, &'static str)>,
    /// Share of all referrals that go to the school teams.
    pub school_share: f64,
    pub cases_per_year: u32,
    pub workers_per_team: u32,
    /// Mean days between two contacts during support.
    pub contact_gap_days: f64,
}

fn district(
    name: &str,
    population: u32,
    reach: f64,
    mental: bool,
    teams: [&str; 2],
    postcode_areas: &[&'static str],
) -> DistrictSpec {
    DistrictSpec {
        postcode_areas: postcode_areas.to_vec(),
        name: name.to_owned(),
        population,
        reach,
        mental_health_focus: mental,
        teams: [format!("Buurtteam {}", teams[0]), format!("Buurtteam {}", teams[1])],
    }
}

/// Utrecht: ten districts, twenty neighbourhood teams, a secondary-school team and two
/// vocational-school teams, about 15,000 referrals a year.
pub fn city() -> Profile {
    Profile {
        name: "city",
        city: "Utrecht",
        districts: vec![
            district("Overvecht", 34_916, 2.6, false, ["Overvecht-Noord", "Overvecht-Zuid"], &["3561-3565"]),
            district("Zuidwest", 39_918, 2.0, false, ["Kanaleneiland", "Rivierenwijk-Transwijk"], &["3525-3528"]),
            district("Noordwest", 44_713, 1.7, false, ["Zuilen-Ondiep", "Pijlsweerd-Zuilen-Noord"], &["3551-3555"]),
            district("West", 29_035, 1.1, false, ["Lombok-Oog in Al", "Nieuw Engeland-Schepenbuurt"], &["3531-3534"]),
            district("Zuid", 27_855, 1.1, false, ["Hoograven-Tolsteeg", "Lunetten"], &["3521-3524"]),
            district("Binnenstad", 19_835, 0.7, false, ["Binnenstad-Noord", "Binnenstad-Zuid"], &["3511-3512"]),
            district(
                "Noordoost",
                40_534,
                0.8,
                true,
                ["Wittevrouwen-Votulast", "Tuindorp-Voordorp"],
                &["3513-3514", "3571-3574", "3584"],
            ),
            district(
                "Oost",
                32_787,
                0.7,
                true,
                ["Oost-Abstede", "Rijnsweerd-Wilhelminapark"],
                &["3515-3516", "3581-3583", "3585"],
            ),
            district(
                "Leidsche Rijn",
                47_092,
                0.9,
                false,
                ["Leidsche Rijn-Terwijde", "Leidsche Rijn-Het Zand"],
                &["3541-3546"],
            ),
            district(
                "Vleuten-De Meern",
                51_299,
                0.7,
                true,
                ["Vleuten-Vleuterweide", "De Meern-Veldhuizen"],
                &["3451-3455"],
            ),
        ],
        school_teams: vec![
            ("VO-team Utrecht".to_owned(), "secondary_school"),
            ("Mbo-team ROC Midden Nederland".to_owned(), "vocational_school"),
            ("Mbo-team MBO Utrecht".to_owned(), "vocational_school"),
        ],
        school_share: 0.12,
        cases_per_year: 15_000,
        workers_per_team: 9,
        contact_gap_days: 10.0,
    }
}

/// A region of municipalities around a city, for volume: about 205,000 referrals a year, so
/// `--years 5` gives over 1,000,000 cases and 20,000,000 contact moments.
pub fn region() -> Profile {
    let mut p = city();
    let towns = [
        "Amersfoort",
        "Nieuwegein",
        "Zeist",
        "Houten",
        "IJsselstein",
        "Veenendaal",
        "Woerden",
        "De Bilt",
        "Stichtse Vecht",
        "Utrechtse Heuvelrug",
        "Soest",
        "Baarn",
        "Leusden",
        "Lopik",
        "Montfoort",
        "Vijfheerenlanden",
    ];
    for town in towns {
        for (i, part) in ["Noord", "Zuid", "Oost", "West"].iter().enumerate() {
            let name = format!("{town} {part}");
            p.districts.push(DistrictSpec {
                teams: [format!("Buurtteam {name} 1"), format!("Buurtteam {name} 2")],
                name,
                population: 28_000 + 3_000 * i as u32,
                reach: 0.8 + 0.3 * (i % 3) as f64,
                mental_health_focus: i == 1,
                postcode_areas: Vec::new(),
            });
        }
    }
    p.name = "region";
    p.city = "Regio Utrecht";
    p.cases_per_year = 205_000;
    p.workers_per_team = 10;
    p.contact_gap_days = 5.5;
    p
}

pub fn by_name(name: &str) -> Option<Profile> {
    match name {
        "city" => Some(city()),
        "region" => Some(region()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    /// The shipped population file and the city profile name the same districts with the
    /// same 1 January 2023 figures, so reach works on generated data.
    #[test]
    fn the_city_profile_matches_the_shipped_population_file() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/populations/utrecht-2023.csv");
        let text = std::fs::read_to_string(path).expect("data/populations/utrecht-2023.csv");
        let mut rows: Vec<(String, u32)> = text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("district,") && !l.trim().is_empty())
            .filter_map(|l| {
                let cells: Vec<&str> = l.split(',').collect();
                Some((cells.first()?.to_string(), cells.get(2)?.parse().ok()?))
            })
            .collect();
        let mut profile: Vec<(String, u32)> =
            super::city().districts.iter().map(|d| (d.name.clone(), d.population)).collect();
        rows.sort();
        profile.sort();
        assert_eq!(rows.len(), 10);
        assert_eq!(rows, profile);
    }

    /// Every postcode the generator gives a district's households lies in that district's
    /// postcode areas, and the areas of two districts never overlap (the store refuses it).
    #[test]
    fn the_city_postcode_areas_hold_the_generated_postcodes_and_do_not_overlap() {
        use buurtteam_domain::postcode_area::PostcodeArea;
        let city = super::city();
        let mut all: Vec<(PostcodeArea, &str)> = Vec::new();
        for d in &city.districts {
            let areas: Vec<PostcodeArea> =
                d.postcode_areas.iter().map(|a| PostcodeArea::parse(a).expect("an area")).collect();
            assert!(!areas.is_empty(), "{} has postcode areas", d.name);
            for pc4 in crate::names::streets(&d.name).1 {
                for suffix in ["AA", "ZZ"] {
                    let postcode = format!("{pc4}{suffix}");
                    assert!(areas.iter().any(|a| a.contains(&postcode)), "{postcode} in {}", d.name);
                }
            }
            for a in areas {
                for (b, other) in &all {
                    assert!(!a.overlaps(b), "{} overlaps {other}", d.name);
                }
                all.push((a, &d.name));
            }
        }
        assert!(super::region().districts.iter().skip(city.districts.len()).all(|d| d.postcode_areas.is_empty()));
    }
}
