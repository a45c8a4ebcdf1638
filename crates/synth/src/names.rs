//! Names and streets for synthetic households: common in Utrecht, of Dutch, Moroccan,
//! Turkish, Surinamese and other origins, as its neighbourhoods are.

pub const FAMILY_NAMES: &[&str] = &[
    "de Jong",
    "Jansen",
    "de Vries",
    "van den Berg",
    "van Dijk",
    "Bakker",
    "Janssen",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "Kok",
    "Verhoeven",
    "Koster",
    "Prins",
    "Blom",
    "El Amrani",
    "Bouzidi",
    "El Idrissi",
    "Ouali",
    "Benali",
    "Haddou",
    "Boukhari",
    "El Khatib",
    "Aziz",
    "Chaouch",
    "Yılmaz",
    "Kaya",
    "Demir",
    "Şahin",
    "Çelik",
    "Öztürk",
    "Arslan",
    "Doğan",
    "Aydın",
    "Koç",
    "Sitaldin",
    "Ramdin",
    "Biharie",
    "Kartosen",
    "Pinas",
    "Wijngaarde",
    "Tjon",
    "Amatdjais",
    "Mohamed",
    "Hassan",
    "Abdi",
    "Tesfaye",
    "Nowak",
    "Kowalski",
    "Santos",
    "Haidari",
    "Rahimi",
    "Al-Saleh",
];

pub const GIVEN_NAMES_ADULT: &[&str] = &[
    "Anna",
    "Marieke",
    "Sanne",
    "Linda",
    "Esther",
    "Femke",
    "Ilse",
    "Samira",
    "Fatima",
    "Khadija",
    "Elif",
    "Ayşe",
    "Zeynep",
    "Sharda",
    "Natasja",
    "Priya",
    "Agnieszka",
    "Maryam",
    "Hodan",
    "Nadia",
    "Jeroen",
    "Mark",
    "Dennis",
    "Kevin",
    "Tom",
    "Bas",
    "Ahmed",
    "Mohamed",
    "Youssef",
    "Rachid",
    "Mustafa",
    "Emre",
    "Hakan",
    "Rajesh",
    "Ricardo",
    "Stefan",
    "Tomasz",
    "Abdi",
    "Omar",
    "Dawit",
];

pub const GIVEN_NAMES_CHILD: &[&str] = &[
    "Emma", "Julia", "Mila", "Sophie", "Tess", "Noor", "Lotte", "Sara", "Yasmina", "Aya", "Lina", "Inaya", "Elif",
    "Zara", "Hiba", "Maja", "Fenna", "Liv", "Noah", "Sem", "Daan", "Lucas", "Finn", "Levi", "Luuk", "Milan", "Yassin",
    "Adam", "Rayan", "Ilias", "Ayoub", "Emir", "Mert", "Kerem", "Jayden", "Dylan", "Amir", "Mohammed", "Bilal",
    "Senna",
];

/// Streets per district (Utrecht's ten wijken), with the four-digit postcode areas they lie in.
pub fn streets(district: &str) -> (&'static [&'static str], &'static [u16]) {
    match district {
        "West" => {
            (&["Kanaalstraat", "Vleutenseweg", "Damstraat", "Laan van Nieuw-Guinea", "Oog in Al"], &[3531, 3532, 3533])
        }
        "Noordwest" => (
            &["Amsterdamsestraatweg", "Prins Bernhardlaan", "Ondiep-Zuidzijde", "Marnixlaan", "Cartesiusweg"],
            &[3551, 3552, 3553, 3554],
        ),
        "Overvecht" => (
            &["Zamenhofdreef", "Wolgadreef", "Neckardreef", "Vechtzoom", "Taagdreef", "Zambesidreef"],
            &[3561, 3562, 3563, 3564],
        ),
        "Noordoost" => (
            &["Biltstraat", "Voorveldselaan", "Tuindorpweg", "Kardinaal de Jongweg", "Blauwkapelseweg"],
            &[3571, 3572, 3573, 3584],
        ),
        "Oost" => (
            &["Burgemeester Reigerstraat", "Oudwijk", "Gansstraat", "Wilhelminapark", "Rijnsweerd"],
            &[3581, 3582, 3583, 3585],
        ),
        "Binnenstad" => {
            (&["Oudegracht", "Nieuwegracht", "Lange Nieuwstraat", "Twijnstraat", "Voorstraat"], &[3511, 3512])
        }
        "Zuid" => (
            &["Lunettenlaan", "Hooft Graaflandstraat", "Briljantlaan", "Smaragdplein", "Waalstraat"],
            &[3521, 3522, 3523, 3524],
        ),
        "Zuidwest" => {
            (&["Marshallaan", "Columbuslaan", "Churchilllaan", "Rivierenwijk", "Hoograven"], &[3525, 3526, 3527])
        }
        "Leidsche Rijn" => {
            (&["Terwijde", "Parkwijklaan", "Langerak", "Het Zand", "Veldhuizen"], &[3541, 3542, 3543, 3544, 3545, 3546])
        }
        "Vleuten-De Meern" => {
            (&["Dorpsstraat", "Meerndijk", "Vleuterweide", "Haarzuilens", "Rijnkade"], &[3451, 3452, 3453, 3454, 3455])
        }
        _ => (&["Stationsweg", "Dorpsstraat", "Kerkstraat", "Schoolstraat", "Molenweg"], &[3400, 3401, 3402]),
    }
}
