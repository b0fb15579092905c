//! One test per bug found while tuning the recogniser, named after what must hold.

use dossier_core::corpus::{Corpus, Document, Meta};

fn spans(text: &str) -> Vec<(String, &'static str)> {
    let c = Corpus::new(vec![Document::new(
        "a.txt",
        format!("Headline\n{text}"),
        Meta::default(),
    )
    .unwrap()]);
    let a = dossier_core::analyse(&c);
    a.docs[0]
        .mentions
        .iter()
        .map(|m| (c.documents[0].text[m.range.clone()].to_string(), m.label.code()))
        .collect()
}

fn has(text: &str, span: &str, label: &str) -> bool {
    let v = spans(text);
    v.iter().any(|(s, l)| s == span && *l == label)
}

#[test]
fn a_capitalised_compound_after_says_is_not_a_person() {
    assert!(!spans("The government says Dual-use exports matter.")
        .iter()
        .any(|(_, l)| *l == "PERSON"));
}

#[test]
fn a_deictic_word_before_a_hyphenated_duration_stays_out() {
    assert!(has("During this two-day visit, he spoke.", "two-day", "DATE"));
}

#[test]
fn only_is_not_an_approximator() {
    assert!(has(
        "It received only 5 percent of the funds.",
        "5 percent",
        "PERCENT"
    ));
}

#[test]
fn a_dateline_in_capitals_is_a_place() {
    assert!(has("LONDON — The match ended late.", "LONDON", "GPE"));
}

#[test]
fn an_organisation_opening_a_title_is_kept() {
    assert!(has(
        "Yesterday Senate Majority Leader Chuck Schumer spoke.",
        "Senate",
        "ORG"
    ));
    assert!(has(
        "Yesterday Senate Majority Leader Chuck Schumer spoke.",
        "Chuck Schumer",
        "PERSON"
    ));
}

#[test]
fn a_numbered_mission_is_not_a_person() {
    assert!(!spans("NASA will delay the Artemis II mission.")
        .iter()
        .any(|(_, l)| *l == "PERSON"));
}

#[test]
fn a_verb_last_before_years_is_not_a_date() {
    assert!(has(
        "It could last years, if not decades.",
        "years, if not decades",
        "DATE"
    ));
}

#[test]
fn trans_atlantic_is_not_a_place() {
    assert!(!spans("to weaken trans-Atlantic coordination on trade")
        .iter()
        .any(|(s, _)| s == "Atlantic"));
}

#[test]
fn a_truncated_country_name_is_still_the_country() {
    assert!(has(
        "They also criticized Israel And the United State – Convergence grew.",
        "United State",
        "GPE"
    ));
}
