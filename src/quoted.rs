//! "Quoted n times": how many of the quotes the page carries give a person or an
//! organisation as their speaker, and the view of those quotes (the Quotes view limited
//! to them, "quoted by X": its `v-who` parameter, `crates/dossier-views`).

use crate::data::Data;
use crate::url::{View, ViewState};
use dossier_core::Label;

/// The Quotes view's parameter of the speaker whose quotes alone it shows.
pub const WHO: &str = "v-who";

/// Whether quotes are counted for an entity of label `l`: people and organisations
/// speak; a place or a date named as a quote's source is not said to be quoted.
pub fn speaks(l: Label) -> bool {
    matches!(l, Label::Person | Label::Org)
}

/// The quotes of the documents `matched` keeps, counted by their speaker: one count an
/// entity (zero for one who is no quote's speaker).
pub fn by_speaker(d: &Data, matched: &[bool]) -> Vec<usize> {
    let mut n = vec![0; d.analysis.entities.len()];
    for (doc, a) in d.analysis.docs.iter().enumerate() {
        if matched.get(doc).copied().unwrap_or(false) {
            for m in a.quotes.iter().filter_map(|q| q.speaker) {
                n[a.mentions[m].entity] += 1;
            }
        }
    }
    n
}

/// "quoted once", "quoted 3 times".
pub fn phrase(n: usize) -> String {
    match n {
        1 => "quoted once".to_string(),
        n => format!("quoted {n} times"),
    }
}

/// `s` showing the quotes of entity `id`, under the same filters: the Quotes view, its
/// speaker `id`, its other limits (a search, a subject) lifted, its order kept.
pub fn quotes_of(s: &ViewState, id: &str) -> ViewState {
    let mut t = s.clone();
    t.view = View::Quotes;
    t.views.retain(|(k, _)| k == "v-by");
    t.views.push((WHO.to_string(), id.to_string()));
    t.views.sort();
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_phrase_says_once_and_then_times() {
        assert_eq!(phrase(1), "quoted once");
        assert_eq!(phrase(2), "quoted 2 times");
    }

    #[test]
    fn the_quotes_of_an_entity_keep_the_filters_and_the_order_only() {
        let s = ViewState {
            q: "gas".into(),
            views: vec![
                ("v-about".into(), "gpe-x".into()),
                ("v-by".into(), "date".into()),
                ("v-q".into(), "deal".into()),
            ],
            ..ViewState::default()
        };
        let t = quotes_of(&s, "person-a");
        assert_eq!(t.view, View::Quotes);
        assert_eq!(t.q, "gas");
        assert_eq!(
            t.views,
            vec![
                ("v-by".to_string(), "date".to_string()),
                (WHO.to_string(), "person-a".to_string())
            ]
        );
    }
}
