//! The two sides of a comparison as the URL keeps them: `v-a` and `v-b`, each the query
//! string of the app's filters for that side, as one parameter value (so `v-a=when%3D2024`
//! is "the articles with dates in 2024"): `q`, `e`, `x`, `when` and `own` as the app
//! reads them, and `doc`, which on a side means that article alone. Each side is read
//! with the app's own parser, so a malformed value is dropped with the notice the app
//! gives, and a parameter that is no filter is dropped too, with a notice; written back,
//! a side holds its filters only, so `read(write(s)) == s`.

use dossier_app::data::Data;
use dossier_app::url::{parse_query, Known, ViewState, Whose};
use dossier_app::wording;

/// The parameters of side A and side B.
pub const SIDES: [&str; 2] = ["v-a", "v-b"];
/// The parameters a side keeps.
pub const FILTERS: [&str; 6] = ["q", "e", "x", "when", "own", "doc"];

/// At most 40 characters of `s`, for notices about hostile input.
fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// Reads a side from its parameter's value: its filters, and one line for each thing
/// ignored.
pub fn read(value: &str, known: &dyn Known) -> (ViewState, Vec<String>) {
    let pairs = parse_query(value);
    let mut notices = Vec::new();
    let kept = pairs.iter().filter(|(k, _)| {
        let filter = FILTERS.contains(&k.as_str());
        if !filter {
            notices.push(format!("“{}”, which is not a filter", clip(k)));
        }
        filter
    });
    let parsed = ViewState::from_pairs(kept.map(|(k, v)| (k.as_str(), v.as_str())), known);
    notices.extend(parsed.notices);
    (filters(&parsed.state), notices)
}

/// The value of a side's parameter: its filters' query string.
pub fn write(s: &ViewState) -> String {
    filters(s).to_query()
}

/// `s`'s filters alone (the text query, the entities required and excluded, the period,
/// whose articles, and the article).
pub fn filters(s: &ViewState) -> ViewState {
    ViewState {
        q: s.q.clone(),
        require: s.require.clone(),
        exclude: s.exclude.clone(),
        when: s.when.clone(),
        own: s.own,
        doc: s.doc.clone(),
        ..ViewState::default()
    }
}

/// `s` without its filters (those of [`filters`] but the open article, which is not a
/// filter in the app): what stays of the app's state once its filters go to a side.
pub fn without_filters(s: &ViewState) -> ViewState {
    ViewState {
        q: String::new(),
        require: Vec::new(),
        exclude: Vec::new(),
        when: None,
        own: Whose::Both,
        ..s.clone()
    }
}

/// A side in words: "every article", or its filters ("“gas”, naming Vladimir Putin,
/// dates in 2024").
pub fn describe(d: &Data, s: &ViewState) -> String {
    let name = |id: &String| {
        d.analysis
            .entity(id)
            .map_or(id.clone(), |(_, e)| wording::name(e).to_string())
    };
    let names = |ids: &[String]| ids.iter().map(name).collect::<Vec<_>>().join(" and ");
    let mut parts = Vec::new();
    if let Some(doc) = s.doc.as_deref().and_then(|f| d.corpus.get(f)) {
        parts.push(format!("the article “{}”", doc.title));
    }
    if !s.q.is_empty() {
        parts.push(format!("matching “{}”", s.q));
    }
    if !s.require.is_empty() {
        parts.push(format!("naming {}", names(&s.require)));
    }
    if !s.exclude.is_empty() {
        parts.push(format!("not naming {}", names(&s.exclude)));
    }
    if let Some(w) = &s.when {
        parts.push(format!("dates {}", wording::period(w)));
    }
    if s.own != Whose::Both {
        parts.push(wording::whose(s.own).to_string());
    }
    if parts.is_empty() {
        "every article".to_string()
    } else {
        parts.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_app::url::encode;

    struct Fixture;
    impl Known for Fixture {
        fn doc(&self, file: &str) -> bool {
            file == "a.txt"
        }
        fn entity(&self, id: &str) -> bool {
            ["person-a", "gpe-b"].contains(&id)
        }
    }

    #[test]
    fn a_side_keeps_its_filters_and_round_trips() {
        let (s, notices) = read(
            "q=gas%20deal&e=person-a&x=gpe-b&when=2025..2024&own=corpus&doc=a.txt",
            &Fixture,
        );
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(s.q, "gas deal");
        assert_eq!((s.require.len(), s.exclude.len()), (1, 1));
        assert_eq!(s.when.as_deref(), Some("2024..2025"));
        assert_eq!((s.own, s.doc.as_deref()), (Whose::Corpus, Some("a.txt")));
        assert_eq!(read(&write(&s), &Fixture), (s.clone(), Vec::new()));
        // As the app's URL writes it: one value, read back the same.
        let pairs = parse_query(&format!("v-a={}", encode(&write(&s))));
        assert_eq!(read(&pairs[0].1, &Fixture).0, s);
    }

    #[test]
    fn what_is_malformed_or_no_filter_is_dropped_with_a_notice() {
        let (s, notices) = read(
            "when=May&view=quotes&e=nobody,person-a&sel=person-a&doc=zz.txt&q=oil",
            &Fixture,
        );
        assert_eq!(s.q, "oil");
        assert_eq!(s.require, ["person-a"]);
        assert_eq!((s.when.clone(), s.doc.clone()), (None, None));
        assert_eq!(notices.len(), 5, "{notices:?}");
        assert!(notices.contains(&"“view”, which is not a filter".to_string()));
        assert!(notices.contains(&"unknown entity “nobody”".to_string()));
        // Nothing readable at all: every article.
        let (s, notices) = read("%%%&&=", &Fixture);
        assert_eq!((s, notices.len()), (ViewState::default(), 2));
    }

    #[test]
    fn filters_move_out_of_the_app_s_state_and_the_rest_stays() {
        let (s, _) = read("q=gas&e=person-a", &Fixture);
        let app = ViewState {
            sort: dossier_app::url::SortBy::Name,
            doc: Some("a.txt".into()),
            ..s.clone()
        };
        assert_eq!(
            filters(&app),
            ViewState {
                doc: app.doc.clone(),
                ..s
            }
        );
        let left = without_filters(&app);
        assert!(!left.is_filtered());
        assert_eq!((left.sort, left.doc), (app.sort, app.doc));
    }
}
