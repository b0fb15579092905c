//! Quote finding on short invented texts.

use super::*;
use crate::corpus::{Corpus, Document, Meta};
use crate::model::QuoteKind;

/// (quoted text, kind, speaker text) for each quote of a one-document corpus whose body
/// is `body`.
fn quotes_of(body: &str) -> Vec<(String, QuoteKind, Option<String>)> {
    let text = format!("Headline\n\n{body}");
    let corpus = Corpus::new(vec![
        Document::new("a.txt", text.clone(), Meta::default()).unwrap()
    ]);
    let analysis = crate::analyse(&corpus);
    let da = &analysis.docs[0];
    find(&corpus.documents[0], da)
        .into_iter()
        .map(|q| {
            let speaker = q.speaker.map(|m| text[da.mentions[m].range.clone()].to_string());
            (text[q.range].to_string(), q.kind, speaker)
        })
        .collect()
}

#[test]
fn a_quote_with_a_trailing_said_name_is_attributed() {
    let q = quotes_of("“The harbour will reopen next spring,” said Helena Varga.");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].0, "The harbour will reopen next spring,");
    assert_eq!(q[0].2.as_deref(), Some("Helena Varga"));
}

fn one(body: &str) -> (String, QuoteKind, Option<String>) {
    let q = quotes_of(body);
    assert_eq!(q.len(), 1, "{q:?}");
    q.into_iter().next().unwrap()
}

#[test]
fn said_that_gives_a_reported_clause_and_its_subject() {
    let (text, kind, speaker) =
        one("Angela Merkel said on Friday that the coalition would survive the budget vote.");
    assert_eq!(text, "the coalition would survive the budget vote");
    assert_eq!(kind, QuoteKind::Reported);
    assert_eq!(speaker.as_deref(), Some("Angela Merkel"));
}

#[test]
fn a_trailing_said_takes_the_clause_before_its_comma() {
    let (text, kind, speaker) = one("The factory will close in March, Microsoft said.");
    assert_eq!(
        (text.as_str(), kind),
        ("The factory will close in March", QuoteKind::Reported)
    );
    assert_eq!(speaker.as_deref(), Some("Microsoft"));
}

#[test]
fn according_to_works_before_and_after_the_clause() {
    let (text, _, speaker) = one("According to the United Nations, four hundred families lost their homes.");
    assert_eq!(text, "four hundred families lost their homes");
    assert_eq!(speaker.as_deref(), Some("United Nations"));
    let (text, _, speaker) = one("Four hundred families lost their homes, according to the United Nations.");
    assert_eq!(text, "Four hundred families lost their homes");
    assert_eq!(speaker.as_deref(), Some("United Nations"));
}

#[test]
fn a_pronoun_speaker_is_the_person_named_before_it() {
    let q = quotes_of(
        "Angela Merkel visited the flooded valley on Monday. “We will rebuild every single house,” she said.",
    );
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].2.as_deref(), Some("Angela Merkel"));
}

#[test]
fn a_bare_role_leaves_the_quote_unattributed() {
    let (_, _, speaker) = one("“The water is still rising in the lower town,” a spokesman said.");
    assert_eq!(speaker, None);
}

#[test]
fn an_appositive_between_name_and_verb_is_passed_over() {
    let (_, _, speaker) = one("Angela Merkel, the former chancellor of Germany, said the talks had failed.");
    assert_eq!(speaker.as_deref(), Some("Angela Merkel"));
    let (_, _, speaker) = one("The former chancellor, Angela Merkel, said the talks had failed.");
    assert_eq!(speaker.as_deref(), Some("Angela Merkel"));
}

#[test]
fn a_quote_over_two_paragraphs_is_one_quote() {
    let q = quotes_of(
        "“The first part of the speech was about the harbour.\n\n“The second part was about the new railway line,” said Angela Merkel.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].0.contains("harbour") && q[0].0.contains("railway"));
    assert_eq!(q[0].2.as_deref(), Some("Angela Merkel"));
}

#[test]
fn an_unclosed_mark_stops_at_its_paragraph() {
    let q = quotes_of("The “ sign on the door was never finished by the painters.\n\nThe next paragraph talks about something else entirely.");
    for (text, _, _) in &q {
        assert!(!text.contains('\n'), "{text:?}");
    }
}

#[test]
fn an_open_quote_stops_before_the_reporter_takes_over() {
    let q = quotes_of(
        "“We cannot wait any longer for the repairs. Angela Merkel warned that the bridge was unsafe.",
    );
    assert_eq!(q[0].0, "We cannot wait any longer for the repairs.");
    assert_eq!(q[0].2.as_deref(), Some("Angela Merkel"));
}

#[test]
fn nested_quotes_stay_inside_the_outer_one() {
    let (text, kind, _) = one("“She told me ‘never again’ and walked out of the room,” said Angela Merkel.");
    assert_eq!(text, "She told me ‘never again’ and walked out of the room,");
    assert_eq!(kind, QuoteKind::Direct);
}

#[test]
fn titles_and_scare_quotes_are_not_quotes() {
    assert!(quotes_of("The film “The Long Road Home” opened in Lisbon on Friday.").is_empty());
    assert!(quotes_of("Aid workers set up a “safe zone” near the river.").is_empty());
}

#[test]
fn straight_quotes_pair_like_curly_ones() {
    let (text, _, speaker) = one("\"Prices will keep falling this year,\" said Angela Merkel.");
    assert_eq!(text, "Prices will keep falling this year,");
    assert_eq!(speaker.as_deref(), Some("Angela Merkel"));
}

#[test]
fn a_quote_without_a_cue_continues_the_speaker_before_it() {
    let q = quotes_of(
        "“The bridge will open in May,” said Angela Merkel. “After that, the ferries will stop running.”",
    );
    assert_eq!(q.len(), 2);
    assert_eq!(q[1].2.as_deref(), Some("Angela Merkel"));
}

#[test]
fn passives_and_nouns_are_no_cue() {
    assert!(quotes_of("The bridge is said to be unsafe after the winter storms.").is_empty());
    assert!(quotes_of("The claims made in the letter were checked by the court.").is_empty());
}

#[test]
fn a_clause_that_holds_a_long_quote_is_left_to_the_quote() {
    let q = quotes_of("Angela Merkel said the plan “will not survive the first winter storms.”");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, QuoteKind::Direct);
    assert_eq!(q[0].2.as_deref(), Some("Angela Merkel"));
}

#[test]
fn a_short_quote_stays_inside_the_reported_clause() {
    let (text, kind, _) = one("Angela Merkel said the plan was “too timid” for the region.");
    assert_eq!(text, "the plan was “too timid” for the region");
    assert_eq!(kind, QuoteKind::Reported);
}

#[test]
fn a_second_verb_joined_by_and_has_the_same_speaker() {
    let q = quotes_of("Microsoft said it would appeal the fine and denied that it had broken the law.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].0, "it would appeal the fine");
    assert_eq!(q[1].0, "it had broken the law");
    assert_eq!(q[1].2.as_deref(), Some("Microsoft"));
}

#[test]
fn a_thousand_stray_marks_give_no_quote_across_paragraphs() {
    let body = format!("{}\n\nA calm paragraph follows here.", "“a ".repeat(1000));
    for (text, _, _) in quotes_of(&body) {
        assert!(!text.contains("calm"));
    }
}

#[test]
fn a_definite_role_is_the_one_person_given_that_title() {
    let q = quotes_of(
        "Foreign Minister Ana Ruiz met the delegation on Tuesday. “We have reached an agreement on the border,” the minister said.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2.as_deref(), Some("Ana Ruiz"));
}

#[test]
fn a_role_given_in_an_appositive_is_resolved_in_the_next_paragraph() {
    let q = quotes_of(
        "Tomas Brandt, the club's coach, praised the defence after the match.\n\n“We were patient and it paid off in the end,” the coach said.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2.as_deref(), Some("Tomas Brandt"));
}

#[test]
fn a_role_two_people_hold_stays_unattributed() {
    let q = quotes_of(
        "Foreign Minister Ana Ruiz and Defence Minister Karl Olsen met in Oslo. “The talks were useful for both of our countries,” the minister said.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, None);
}

#[test]
fn the_company_is_the_one_organisation_named_nearby() {
    let q = quotes_of(
        "Nordvik Shipping Corporation reported a loss for the third quarter. “Freight rates fell faster than we expected,” the company said.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2.as_deref(), Some("Nordvik Shipping Corporation"));
}

#[test]
fn the_ministry_prefers_the_organisation_whose_name_holds_the_word() {
    let q = quotes_of(
        "The Ministry of Health asked the Red Cross for tents. “Every family will have shelter by Friday,” the ministry said.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2.as_deref(), Some("Ministry of Health"));
}

#[test]
fn the_company_among_two_companies_stays_unattributed() {
    let q = quotes_of(
        "Nordvik Shipping Corporation sued Baltic Freight Corporation in March. “The contract was broken twice,” the company said.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, None);
}

#[test]
fn the_company_is_its_mention_nearest_the_quote() {
    let text = "Headline\n\nNordvik Shipping Corporation reported a loss for the third quarter. \
                Shares of Nordvik Shipping Corporation fell in Oslo. \
                “Freight rates fell faster than we expected,” the company said.";
    let corpus = Corpus::new(vec![Document::new("a.txt", text, Meta::default()).unwrap()]);
    let analysis = crate::analyse(&corpus);
    let da = &analysis.docs[0];
    let found = find(&corpus.documents[0], da);
    assert_eq!(found.len(), 1, "{found:?}");
    let speaker = &da.mentions[found[0].speaker.expect("attributed")];
    assert_eq!(&text[speaker.range.clone()], "Nordvik Shipping Corporation");
    assert_eq!(speaker.range.start, text.rfind("Nordvik").unwrap());
}
