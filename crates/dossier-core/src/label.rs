//! Entity labels (OntoNotes names for the ten kinds Dossier recognises).

use std::fmt;

/// The kind of a named entity or expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Label {
    /// People, real or fictional.
    Person,
    /// Organisations: companies, agencies, institutions, parties, alliances, media.
    Org,
    /// Countries, cities, states: places with a government.
    Gpe,
    /// Nationalities and religious, regional or political groups.
    Norp,
    /// Non-political places: regions, seas, mountains.
    Loc,
    /// Buildings and infrastructure.
    Fac,
    /// Named events: wars, summits, forums, holidays.
    Event,
    /// Absolute and relative dates and periods.
    Date,
    /// Amounts of money.
    Money,
    /// Percentages.
    Percent,
}

impl Label {
    /// Every label, in display order.
    pub const ALL: [Label; 10] = [
        Label::Person,
        Label::Org,
        Label::Gpe,
        Label::Norp,
        Label::Loc,
        Label::Fac,
        Label::Event,
        Label::Date,
        Label::Money,
        Label::Percent,
    ];

    /// The OntoNotes code, e.g. `PERSON`, `GPE`.
    pub fn code(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Gpe => "GPE",
            Label::Norp => "NORP",
            Label::Loc => "LOC",
            Label::Fac => "FAC",
            Label::Event => "EVENT",
            Label::Date => "DATE",
            Label::Money => "MONEY",
            Label::Percent => "PERCENT",
        }
    }

    /// A reader-facing name, e.g. "person", "place".
    pub fn name(self) -> &'static str {
        match self {
            Label::Person => "person",
            Label::Org => "organisation",
            Label::Gpe => "country or city",
            Label::Norp => "group or nationality",
            Label::Loc => "location",
            Label::Fac => "facility",
            Label::Event => "event",
            Label::Date => "date",
            Label::Money => "money",
            Label::Percent => "percentage",
        }
    }

    /// The label with this code (case-insensitive), if any.
    pub fn from_code(code: &str) -> Option<Label> {
        Label::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code))
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for l in Label::ALL {
            assert_eq!(Label::from_code(l.code()), Some(l));
            assert_eq!(Label::from_code(&l.code().to_lowercase()), Some(l));
        }
        assert_eq!(Label::from_code("CARDINAL"), None);
    }
}
