//! One test per bug found while tuning the recogniser, named after what must hold.

mod common;

use common::{headlined, HEADLINE};

fn spans(text: &str) -> Vec<(String, &'static str)> {
    let (c, a) = headlined(&[text]);
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
    assert!(!spans("The ministry says Cross-border trade matters.")
        .iter()
        .any(|(_, l)| *l == "PERSON"));
}

#[test]
fn a_deictic_word_before_a_hyphenated_duration_stays_out() {
    assert!(has(
        "During this three-week tour, she painted.",
        "three-week",
        "DATE"
    ));
}

#[test]
fn only_is_not_an_approximator() {
    assert!(has(
        "The plan won only 12 percent of the vote.",
        "12 percent",
        "PERCENT"
    ));
}

#[test]
fn a_dateline_in_capitals_is_a_place() {
    assert!(has("MADRID — The concert ended late.", "MADRID", "GPE"));
}

#[test]
fn an_organisation_opening_a_title_is_kept() {
    let text = "On Friday Senate Majority Whip Dana Ortiz voted.";
    assert!(has(text, "Senate", "ORG"));
    assert!(has(text, "Dana Ortiz", "PERSON"));
}

#[test]
fn a_numbered_mission_is_not_a_person() {
    assert!(!spans("The crew will test the Orion IV capsule.")
        .iter()
        .any(|(_, l)| *l == "PERSON"));
}

#[test]
fn a_verb_last_before_years_is_not_a_date() {
    assert!(has(
        "The strike could last weeks or months.",
        "weeks or months",
        "DATE"
    ));
}

#[test]
fn a_trans_compound_is_not_a_place() {
    assert!(!spans("to ease trans-Pacific shipping on grain")
        .iter()
        .any(|(s, _)| s == "Pacific"));
}

/// The people of each document of a corpus made of `texts` (each under a headline), as
/// (text, byte offset) pairs.
fn people(texts: &[&str]) -> Vec<Vec<(String, usize)>> {
    let (c, a) = headlined(texts);
    a.docs
        .iter()
        .zip(&c.documents)
        .map(|(da, d)| {
            da.mentions
                .iter()
                .filter(|m| m.label.code() == "PERSON")
                .map(|m| {
                    (
                        d.text[m.range.clone()].to_string(),
                        m.range.start - HEADLINE.len(),
                    )
                })
                .collect()
        })
        .collect()
}

#[test]
fn a_word_a_cut_left_after_a_title_is_not_a_person_at_every_sentence_start() {
    // "… and Mr." lost its name to a scraper's cut: "Critics" became a person, then the
    // subject of every "Critics say …" in the corpus.
    let p = people(&[
        "The mayor met the council, and Mr. Critics argue this was a costly plan. Critics say work starts soon. Some critics doubt it.",
        "Critics expect little change before the winter.",
        // Not a word of the corpus in lower case: still only where the title is.
        "Turnout fell, and Mr. Dips in interest followed. Dips in turnout are common.",
    ]);
    assert!(p[0].iter().all(|(_, at)| *at < 60), "{p:?}");
    assert!(p[1].is_empty(), "{p:?}");
    assert_eq!(p[2].len(), 1, "{p:?}");
}

#[test]
fn a_title_before_a_preposition_makes_no_person() {
    assert!(
        !spans("Both teams agreed, and Mr. Despite the rain, play resumed.")
            .iter()
            .any(|(_, l)| *l == "PERSON")
    );
}

#[test]
fn a_titled_surname_that_is_also_a_word_is_found_where_titled() {
    let p = people(&[
        "Mr. Brown said the budget was sound. The brown envelope arrived late.",
        "Later, Mr. Brown argued that taxes must fall. Ms. Rice agreed, though rice prices rose.",
    ]);
    let words = |d: &[(String, usize)]| d.iter().map(|(t, _)| t.clone()).collect::<Vec<_>>();
    assert_eq!(words(&p[0]), ["Brown"]);
    assert_eq!(words(&p[1]), ["Brown", "Rice"]);
}

#[test]
fn a_surname_that_is_also_a_word_is_found_everywhere_once_its_full_name_is_known() {
    let p = people(&[
        "Gordon Brown visited Leeds. Voters ate brown bread.",
        "Brown said the economy was strong. The plan, Brown argued, was sound. Young voters cheered.",
    ]);
    assert_eq!(p[1].iter().filter(|(t, _)| t == "Brown").count(), 2, "{p:?}");
    assert!(!p[1].iter().any(|(t, _)| t == "Young"), "{p:?}");
}

#[test]
fn a_titled_name_that_is_no_word_of_the_corpus_is_still_found_inside_sentences() {
    let p = people(&[
        "Ms. Okoro spoke on Monday.",
        "The plan was drafted by Okoro and her team.",
        "“It is very close,” Lee said in Singapore.",
        // Introduced by "said", not by a title: found at a sentence start too.
        "Lee said the talks went well.",
    ]);
    assert_eq!(p[1].len(), 1, "{p:?}");
    assert_eq!(p[3].len(), 1, "{p:?}");
}

/// The canonical name of the entity of each mention of the one document `text` (under a
/// headline), as (text as written, canonical) pairs.
fn grouped(text: &str) -> Vec<(String, String)> {
    let (c, a) = headlined(&[text]);
    a.docs[0]
        .mentions
        .iter()
        .map(|m| {
            let written = c.documents[0].text[m.range.clone()].to_string();
            (written, a.entities[m.entity].canonical.clone())
        })
        .collect()
}

#[test]
fn an_airport_code_after_the_name_of_its_system_is_the_airport() {
    let g = grouped(
        "Flights land at Velmoran Harbour International Airport (IATA: VHI) near the coast. \
         Buses link VHI with the city centre every hour.",
    );
    let vhi: Vec<_> = g.iter().filter(|(w, _)| w == "VHI").collect();
    assert!(!vhi.is_empty(), "{g:?}");
    assert!(
        vhi.iter()
            .all(|(_, c)| c == "Velmoran Harbour International Airport"),
        "{g:?}"
    );
}

#[test]
fn a_nickname_with_the_surname_of_a_person_named_before_is_that_person() {
    let g = grouped(
        "Critics praised William Ostrander on Monday. \"We expected it,\" Ostrander said. \
         Later, Bill Ostrander told reporters the show would tour.",
    );
    assert!(g.iter().any(|(w, _)| w == "Bill Ostrander"), "{g:?}");
    assert!(
        g.iter()
            .filter(|(w, _)| w.contains("Ostrander"))
            .all(|(_, c)| c == "William Ostrander"),
        "{g:?}"
    );
}
