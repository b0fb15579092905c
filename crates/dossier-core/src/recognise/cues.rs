//! The closed word lists the recogniser reads context from: role nouns and verbs of
//! saying around people, connectors and particles inside names, facility nouns,
//! subject words, and the word endings that tell names from ordinary words.

/// Lower-case role nouns that introduce a person's name ("physicist Ana Ruiz").
pub(super) const ROLES: &[&str] = &[
    "leader",
    "premier",
    "president",
    "minister",
    "secretary",
    "director",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "analyst",
    "professor",
    "researcher",
    "fellow",
    "chief",
    "envoy",
    "ambassador",
    "official",
    "commander",
    "thinker",
    "reporter",
    "correspondent",
    "photographer",
    "coach",
    "founder",
    "chairman",
    "chairwoman",
    "author",
    "economist",
    "scientist",
    "senator",
    "governor",
    "mayor",
    "lawyer",
    "attorney",
    "judge",
    "actor",
    "actress",
    "singer",
    "player",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "manager",
    "executive",
    "activist",
    "counterpart",
    "rival",
    "candidate",
    "nominee",
    "wife",
    "husband",
    "son",
    "daughter",
    "mother",
    "father",
    "brother",
    "sister",
    "champion",
    "star",
    "writer",
    "novelist",
    "historian",
    "editor",
    "chancellor",
    "colleague",
    "lawmaker",
    "legislator",
    "representative",
    "prosecutor",
    "investor",
    "billionaire",
    "entrepreneur",
    "cofounder",
    "co-founder",
    "ceo",
    "host",
    "presenter",
    "dissident",
    "blogger",
    "influencer",
    "columnist",
    "diplomat",
    "strategist",
    "adviser",
    "advisor",
    "aide",
    "deputy",
    "head",
    "captain",
    "forward",
    "quarterback",
    "pitcher",
    "batsman",
    "bowler",
    "driver",
    "rider",
    "runner",
    "sprinter",
    "swimmer",
    "boxer",
    "general",
    "colonel",
    "sergeant",
    "emir",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "bishop",
    "cardinal",
    "imam",
    "rabbi",
    "pastor",
    "physicist",
    "biologist",
    "chemist",
    "astronomer",
    "engineer",
    "doctor",
    "surgeon",
    "nurse",
    "teacher",
    "student",
    "pupil",
    "farmer",
    "resident",
    "citizen",
    "villager",
    "survivor",
    "victim",
    "suspect",
    "defendant",
    "plaintiff",
    "witness",
    "partner",
    "friend",
    "designer",
    "artist",
    "conductor",
    "composer",
    "poet",
    "painter",
    "sculptor",
    "architect",
    "dancer",
    "producer",
    "curator",
    "filmmaker",
    "drummer",
    "director-general",
    "secretary-general",
    "vice-president",
    "prime",
];

/// Verbs of saying that follow or precede a person's name.
pub(super) const SAID: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "noted",
    "notes",
    "argued",
    "argues",
    "wrote",
    "writes",
    "warned",
    "warns",
    "stated",
    "explained",
    "insisted",
    "acknowledged",
    "believes",
    "thinks",
    "remarked",
    "stressed",
    "tweeted",
    "contributed",
    "recalled",
    "asked",
    "replied",
    "admitted",
    "announced",
    "declared",
    "suggested",
    "claimed",
    "conceded",
    "observed",
    "emphasised",
    "emphasized",
    "highlighted",
    "urged",
    "predicted",
    "cautioned",
    "continued",
    "concluded",
];

/// Words after ", " that open an apposition describing a person.
pub(super) const APPOSITION: &[&str] = &[
    "a",
    "an",
    "who",
    "whose",
    "the",
    "director",
    "head",
    "chief",
    "president",
    "professor",
    "author",
    "founder",
    "chairman",
    "executive",
    "senior",
    "associate",
    "former",
    "deputy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
];

/// Lower-case words that join parts of one name ("Institute of …", "Harbour and Rail").
pub(super) const CONNECTORS: &[&str] = &["of", "and", "for", "on", "&"];

/// Prepositions of place: a known place right after one is the place of a phrase ("in
/// Gaza", "from Brooklyn"), not the first word of a longer name, which would take an
/// article ("in the Brooklyn Courier").
pub(super) const LOCATIVES: &[&str] = &[
    "in",
    "at",
    "from",
    "near",
    "across",
    "into",
    "to",
    "around",
    "throughout",
    "outside",
    "inside",
    "within",
];

pub(super) use crate::decide::evidence::PARTICLES;

/// Lower-case nouns after a name that make it a facility ("… gas pipeline").
pub(super) const FAC_NOUNS: &[&str] = &[
    "pipeline",
    "bridge",
    "dam",
    "airport",
    "railway",
    "tunnel",
    "canal",
    "reactor",
    "stadium",
    "highway",
    "refinery",
    "terminal",
    "cosmodrome",
];

/// Bit `first letter - 'a'` of `FAC_SHAPES[n]` is set when a facility noun of `n` bytes
/// starts with that letter.
pub(super) const FAC_SHAPES: [u32; 16] = {
    let mut t = [0u32; 16];
    let mut i = 0;
    while i < FAC_NOUNS.len() {
        let b = FAC_NOUNS[i].as_bytes();
        t[b.len()] |= 1 << (b[0] - b'a');
        i += 1;
    }
    t
};

/// Whether a word of `len` bytes starting with the byte `first` may be one of
/// [`FAC_NOUNS`] in any ASCII case: most words are not, by their length and first letter.
pub(super) fn may_be_facility_noun(len: usize, first: u8) -> bool {
    let l = first.to_ascii_lowercase();
    len < FAC_SHAPES.len() && l.is_ascii_lowercase() && FAC_SHAPES[len] & (1 << (l - b'a')) != 0
}

/// Plural subject words that end long "Institute of …, … and … Studies" names.
pub(super) const FIELD_WORDS: &[&str] = &[
    "Studies",
    "Affairs",
    "Sciences",
    "Research",
    "Relations",
    "Development",
    "Technology",
    "Arts",
    "Letters",
    "Economics",
    "Policy",
    "Medicine",
    "Engineering",
    "Humanities",
];

/// Capitalised all-caps words that are not organisations.
pub(super) const NOT_ORG_ACRONYMS: &[&str] = &[
    "GDP", "CEO", "CFO", "COO", "CTO", "AI", "TV", "PM", "AM", "OK", "ID", "IQ", "PC", "GMT", "UTC", "DNA",
    "RNA", "HIV", "AIDS", "COVID", "LNG", "LGBT", "LGBTQ", "VAT", "ETF", "IPO", "USD", "EUR", "GBP", "CPI",
    "PMI", "ESG", "EV", "EVS", "SUV", "MVP", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "BC",
    "AD", "CE", "BCE", "PhD", "MBA", "OPINION", "UPDATE", "BREAKING", "LIVE", "VIDEO", "PHOTOS", "WATCH",
    "NEW", "THE", "AND", "FAQ", "GPS", "USB", "SMS", "URL", "PDF", "RSS", "CO2", "ICU", "ER", "IVF", "STEM",
    "UV", "3D", "NB", "PS", "RIP", "VIP", "MP", "MPS", "MEP", "FC", "PR", "HR", "IT", "QC", "KC", "CBE",
    "OBE", "MBE", "JR", "SR",
];

/// Lower-case nouns for kinds of organisation that introduce one's name right before it
/// ("the union Kestrel", "a carmaker Voltra", "rival team Zephyr9"), as a role noun
/// introduces a person.
pub(super) const ORG_KINDS: &[&str] = &[
    "company",
    "firm",
    "startup",
    "start-up",
    "carmaker",
    "automaker",
    "airline",
    "bank",
    "lender",
    "insurer",
    "retailer",
    "broadcaster",
    "newspaper",
    "magazine",
    "website",
    "publisher",
    "union",
    "charity",
    "agency",
    "regulator",
    "band",
    "club",
    "conglomerate",
    "manufacturer",
    "supplier",
    "operator",
    "developer",
    "organisation",
    "organization",
    "group",
    "journal",
    "tabloid",
    "team",
    "party",
    "network",
    "outlet",
];

/// English derivational endings: words that end so are rarely names.
pub(super) const WORDY_ENDINGS: &[&str] = &[
    "tion", "sion", "ment", "ness", "ity", "ance", "ence", "ive", "ing", "ism", "ist", "ical", "ous", "ful",
    "less", "able", "ible", "ship", "hood", "ward", "wards", "ly", "ed", "ary", "ory", "ure", "ics", "ics",
    "ate", "ize", "ise", "ies",
];

/// Endings of surnames in many languages ("Petrov", "Shevchenko", "Mickiewicz").
pub(super) const SURNAME_ENDINGS: &[&str] = &[
    "ov", "ova", "ev", "eva", "yev", "yeva", "enko", "vich", "vych", "sky", "skiy", "skyi", "ski", "ska",
    "shvili", "idze", "yan", "uk", "escu", "opoulos", "akis", "oglu", "oğlu", "ez", "ić", "ich", "wicz",
    "berg", "stein", "mann", "sson", "sen",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facility_nouns_have_the_shapes_of_facility_nouns() {
        for w in FAC_NOUNS {
            assert!(may_be_facility_noun(w.len(), w.as_bytes()[0]), "{w}");
            assert!(
                may_be_facility_noun(w.len(), w.as_bytes()[0].to_ascii_uppercase()),
                "{w}"
            );
        }
        assert!(!may_be_facility_noun(3, b'x') && !may_be_facility_noun(40, b'p'));
    }
}
