//! The quotes view: every quote in the articles the filters match, grouped by speaker
//! (most quoted first, the unattributed last) or by article (in date or file order),
//! each with its speaker's mention highlighted and a link to that place in the article;
//! a search inside the quotes; a speaker picked from every speaker of the corpus; the
//! rows exported as CSV or JSON.
//!
//! Its own URL parameters: `v-q`, the search inside the quotes; `v-by`, `speaker`
//! (default), `date` or `article`; `v-who`, an entity id: only the quotes it is quoted
//! in (quoted by X); `v-about`, an entity id: only the quotes that mention it (with
//! `v-who`: X quoted about Y).

use dossier_app::data::{data, Data};
use dossier_app::url::{View, ViewState};
use dossier_app::wording;
use dossier_core::export::{self, Format};
use dossier_core::model::{Quote, QuoteKind};
use leptos::prelude::*;

/// The parameter of the search inside the quotes.
const SEARCH: &str = "v-q";
/// The parameter of the order.
const ORDER: &str = "v-by";
/// The parameter of the speaker whose quotes alone are shown.
const WHO: &str = "v-who";
/// The parameter of the entity the quotes shown mention.
const ABOUT: &str = "v-about";
/// The orders: URL code and name.
const ORDERS: [(&str, &str); 3] = [("speaker", "Speaker"), ("date", "Date"), ("article", "Article")];

/// The value of the view parameter `key` in `s`, empty if absent.
pub fn param<'a>(s: &'a ViewState, key: &str) -> &'a str {
    s.views.iter().find(|(k, _)| k == key).map_or("", |(_, v)| v)
}

/// `s` with the view parameter `key` set to `value` (removed when empty).
pub fn with_param(s: &ViewState, key: &str, value: &str) -> ViewState {
    let mut s = s.clone();
    s.views.retain(|(k, _)| k != key);
    if !value.is_empty() {
        s.views.push((key.to_string(), value.to_string()));
        s.views.sort();
    }
    s
}

/// One quote shown: its document and its index among the document's quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// The document's index.
    pub doc: usize,
    /// The quote's index in the document's analysis.
    pub quote: usize,
}

/// A heading and its quotes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// What the quotes share: a speaker's name, or an article's title.
    pub heading: String,
    /// The speaker entity, for a group of one speaker's quotes.
    pub speaker: Option<usize>,
    /// The quotes, in text order.
    pub rows: Vec<Row>,
}

/// The quote `r` and its document.
fn quote(d: &Data, r: Row) -> &Quote {
    &d.analysis.docs[r.doc].quotes[r.quote]
}

/// The speaker entity of quote `r`, if it has one.
fn speaker(d: &Data, r: Row) -> Option<usize> {
    let m = quote(d, r).speaker?;
    Some(d.analysis.docs[r.doc].mentions[m].entity)
}

/// Whether quote `r` mentions entity `e` inside its words.
fn mentions(d: &Data, r: Row, e: usize) -> bool {
    let q = quote(d, r);
    let ms = &d.analysis.docs[r.doc].mentions;
    let first = ms.partition_point(|m| m.range.start < q.range.start);
    ms[first..]
        .iter()
        .take_while(|m| m.range.end <= q.range.end)
        .any(|m| m.entity == e)
}

/// Which quotes are shown: a search inside them, a speaker, an entity they mention.
#[derive(Debug, Clone, Copy, Default)]
pub struct Only<'a> {
    /// Words the quote or its speaker's name contains (any case); empty for any.
    pub search: &'a str,
    /// The speaker entity (quoted by X).
    pub who: Option<usize>,
    /// An entity the quote's words mention (quoted about Y).
    pub about: Option<usize>,
}

/// The quotes of the documents `matched` keeps that `only` keeps, grouped by `order`:
/// `speaker` (also for any other value), `date` or `article`.
pub fn groups(d: &Data, matched: &[bool], only: Only, order: &str) -> Vec<Group> {
    let search = only.search.to_lowercase();
    let mut rows = Vec::new();
    for (doc, a) in d.analysis.docs.iter().enumerate() {
        if !matched.get(doc).copied().unwrap_or(false) {
            continue;
        }
        let text = &d.corpus.documents[doc].text;
        for (i, q) in a.quotes.iter().enumerate() {
            let r = Row { doc, quote: i };
            if only.who.is_some_and(|w| speaker(d, r) != Some(w))
                || only.about.is_some_and(|e| !mentions(d, r, e))
            {
                continue;
            }
            let said = text[q.range.clone()].to_lowercase();
            let who = speaker(d, r).map(|e| d.analysis.entities[e].canonical.to_lowercase());
            if search.is_empty() || said.contains(&search) || who.is_some_and(|w| w.contains(&search)) {
                rows.push(r);
            }
        }
    }
    match order {
        "date" | "article" => by_article(d, rows, order == "date"),
        _ => by_speaker(d, rows),
    }
}

/// Groups by speaker: the most quoted first (then by name), the unattributed last.
fn by_speaker(d: &Data, rows: Vec<Row>) -> Vec<Group> {
    let mut by: std::collections::HashMap<Option<usize>, Vec<Row>> = std::collections::HashMap::new();
    for r in rows {
        by.entry(speaker(d, r)).or_default().push(r);
    }
    let mut keyed: Vec<(Option<usize>, Vec<Row>)> = by.into_iter().collect();
    let name = |e: Option<usize>| {
        e.map_or(String::new(), |e| {
            wording::name(&d.analysis.entities[e]).to_string()
        })
    };
    keyed.sort_by_cached_key(|(e, v)| (e.is_none(), std::cmp::Reverse(v.len()), name(*e), *e));
    keyed
        .into_iter()
        .map(|(e, rows)| Group {
            heading: e.map_or_else(|| "Unattributed".to_string(), |_| name(e)),
            speaker: e,
            rows,
        })
        .collect()
}

/// Groups by article, in publication date order (undated last) or in file order.
fn by_article(d: &Data, rows: Vec<Row>, by_date: bool) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for r in rows {
        match groups.last_mut() {
            Some(g) if g.rows[0].doc == r.doc => g.rows.push(r),
            _ => groups.push(Group {
                heading: title(d, r.doc),
                speaker: None,
                rows: vec![r],
            }),
        }
    }
    if by_date {
        let docs = &d.corpus.documents;
        groups.sort_by_key(|g| {
            let p = docs[g.rows[0].doc].meta.published;
            (p.is_none(), p)
        });
    }
    groups
}

/// An article's title, with its date when it has one.
fn title(d: &Data, doc: usize) -> String {
    let doc = &d.corpus.documents[doc];
    match doc.meta.published {
        Some(p) => format!("{} ({p})", doc.title),
        None => doc.title.clone(),
    }
}

/// Where a quote's link goes: the article, at the speaker's mention when it has one.
fn at_quote(d: &Data, s: &ViewState, r: Row) -> ViewState {
    let a = &d.analysis.docs[r.doc];
    let m = quote(d, r).speaker.map(|m| &a.mentions[m]);
    ViewState {
        doc: Some(d.corpus.documents[r.doc].file.clone()),
        mention: m.map(|m| m.range.start),
        selected: m.map(|m| d.analysis.entities[m.entity].id.clone()),
        view: View::Articles,
        ..s.clone()
    }
}

/// The quotes view, drawn for the view `state`.
#[component]
pub fn QuotesView(
    /// The view the URL describes.
    state: ArcRwSignal<ViewState>,
) -> impl IntoView {
    let d = data();
    let st = state.clone();
    let matched = Memo::new(move |_| dossier_app::results::results(&st.get()).matched);
    let st = state.clone();
    let shown = Memo::new(move |_| {
        st.with(|s| {
            let only = Only {
                search: param(s, SEARCH),
                who: d.entity_index(param(s, WHO)),
                about: d.entity_index(param(s, ABOUT)),
            };
            matched.with(|m| groups(d, m, only, param(s, ORDER)))
        })
    });
    let st = state.clone();
    let summary = move || shown.with(|g| st.with(|s| summary_of(g, param(s, SEARCH))));
    let st = state.clone();
    // An order the link names that there is not: said, as the app says of what it drops.
    let unknown_order = move || {
        let by = param(&st.get(), ORDER).to_string();
        (!by.is_empty() && !ORDERS.iter().any(|o| o.0 == by)).then(|| {
            view! {
                <p class="notice" role="status">
                    {format!("Part of this link was ignored: no order “{by}”; quotes are grouped by speaker.")}
                </p>
            }
        })
    };
    let st = state.clone();
    // A speaker or subject the link names that there is not: said too.
    let unknown_entities = move || {
        let missing = st.with(|s| missing_entities(d, s));
        (!missing.is_empty()).then(|| {
            view! {
                <p class="notice" role="status">{format!("Part of this link was ignored: {}.", missing.join("; "))}</p>
            }
        })
    };
    let export = move |format: Format, name: &'static str, mime: &'static str| {
        // The rows shown, by the address of their quote: one lookup a quote.
        let keep: std::collections::HashSet<*const Quote> = shown.with(|g| {
            g.iter()
                .flat_map(|g| g.rows.iter().map(|&r| quote(d, r) as *const Quote))
                .collect()
        });
        let table = export::quotes(d.corpus, d.analysis, format, |_, q| {
            keep.contains(&(q as *const Quote))
        });
        dossier_app::components::export_menu::download(name, mime, &table);
    };
    let export_csv = export;
    view! {
        <section class="quotes-view" aria-labelledby="quotes-title">
            <h2 id="quotes-title">"Quotes"</h2>
            {unknown_order}
            {unknown_entities}
            <SearchForm state=state.clone()/>
            <SpeakerPicker state=state.clone()/>
            <Speaker state=state.clone()/>
            <Orders state=state.clone()/>
            <p class="quotes-summary" role="status">{summary}</p>
            <div class="quotes-export">
                <button type="button" class="tool" on:click=move |_| export_csv(Format::Csv, "quotes.csv", "text/csv")>"Export CSV"</button>
                <button type="button" class="tool" on:click=move |_| export(Format::Json, "quotes.json", "application/json")>"Export JSON"</button>
            </div>
            <QuoteGroups state=state shown=shown/>
        </section>
    }
}

/// The line above the quotes: how many are shown in how many articles, or why none.
fn summary_of(groups: &[Group], search: &str) -> String {
    let n: usize = groups.iter().map(|g| g.rows.len()).sum();
    let mut docs: Vec<usize> = groups.iter().flat_map(|g| g.rows.iter().map(|r| r.doc)).collect();
    docs.sort_unstable();
    docs.dedup();
    match n {
        0 if !search.is_empty() => format!("No quote matches “{search}”."),
        0 => "No quotes in these articles.".to_string(),
        n => format!(
            "{} in {}",
            wording::count(n, "quote"),
            wording::count(docs.len(), "article")
        ),
    }
}

/// The speaker or subject the link `s` names that the corpus does not have, as notices.
fn missing_entities(d: &Data, s: &ViewState) -> Vec<String> {
    [(WHO, "speaker"), (ABOUT, "entity")]
        .iter()
        .filter(|(k, _)| !param(s, k).is_empty() && d.entity_index(param(s, k)).is_none())
        .map(|(k, what)| format!("no {what} “{}”", param(s, k).chars().take(40).collect::<String>()))
        .collect()
}

/// The search inside the quotes: a form whose submission changes the URL.
#[component]
fn SearchForm(state: ArcRwSignal<ViewState>) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    let st = state.clone();
    let value = move || param(&st.get(), SEARCH).to_string();
    let submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let typed = input.get().map(|i| i.value()).unwrap_or_default();
        let s = with_param(&state.get_untracked(), SEARCH, typed.trim());
        crate::go(&s);
    };
    view! {
        <form class="quotes-search" role="search" on:submit=submit>
            <label for="quotes-q">"Search in quotes"</label>
            <input id="quotes-q" type="search" node_ref=input prop:value=value/>
            <button type="submit" class="tool">"Search"</button>
        </form>
    }
}

/// The corpus's speakers, most quoted first (then by name): entity and quotes.
pub fn speakers(d: &Data) -> Vec<(usize, usize)> {
    let mut by = vec![0usize; d.analysis.entities.len()];
    for a in &d.analysis.docs {
        for q in &a.quotes {
            if let Some(m) = q.speaker {
                by[a.mentions[m].entity] += 1;
            }
        }
    }
    let mut out: Vec<(usize, usize)> = (0..by.len()).filter(|&e| by[e] > 0).map(|e| (e, by[e])).collect();
    let name = |e: usize| wording::name(&d.analysis.entities[e]).to_string();
    out.sort_by_cached_key(|&(e, n)| (std::cmp::Reverse(n), name(e), e));
    out
}

/// The speaker picker (as the sharded reader's): every speaker of the corpus, most quoted
/// first, the one shown chosen; choosing one shows their quotes alone (`v-who`).
#[component]
fn SpeakerPicker(state: ArcRwSignal<ViewState>) -> impl IntoView {
    let d = data();
    let select = NodeRef::<leptos::html::Select>::new();
    let st = state.clone();
    let current = move || param(&st.get(), WHO).to_string();
    let options = speakers(d)
        .into_iter()
        .map(|(e, n)| {
            let entity = &d.analysis.entities[e];
            let id = entity.id.clone();
            let current = current.clone();
            let chosen = move || current() == id;
            let text = format!("{} ({})", wording::name(entity), wording::count(n, "quote"));
            view! { <option value=entity.id.clone() prop:selected=chosen>{text}</option> }
        })
        .collect_view();
    let submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let who = select.get().map(|s| s.value()).unwrap_or_default();
        crate::go(&with_param(&state.get_untracked(), WHO, &who));
    };
    view! {
        <form class="quotes-search quotes-pick" aria-label="Quotes of one speaker" on:submit=submit>
            <label>"Quotes of " <select name="v-who" aria-label="Speaker" node_ref=select>
                <option value="">"Every speaker"</option>
                {options}
            </select></label>
            <button type="submit" class="tool">"Show"</button>
        </form>
    }
}

/// The speaker the quotes are limited to (quoted by X), with what they are quoted
/// about most as links (X quoted about Y), and a way back to every speaker.
#[component]
fn Speaker(state: ArcRwSignal<ViewState>) -> impl IntoView {
    let d = data();
    move || {
        let s = state.get();
        let who = d.entity_index(param(&s, WHO));
        let about = d.entity_index(param(&s, ABOUT));
        if who.is_none() && about.is_none() {
            return None;
        }
        let name = |e: usize| wording::name(&d.analysis.entities[e]).to_string();
        let said = match (who, about) {
            (Some(w), Some(a)) => format!("Quotes of {} about {}.", name(w), name(a)),
            (Some(w), None) => format!("Quotes of {}.", name(w)),
            (None, Some(a)) => format!("Quotes about {}.", name(a)),
            (None, None) => String::new(),
        };
        let all = crate::href(&with_param(&with_param(&s, WHO, ""), ABOUT, ""));
        let any = about.map(|_| {
            let href = crate::href(&with_param(&s, ABOUT, ""));
            view! { " · " <a href=href>"Any subject"</a> }
        });
        let subjects = who.map(|w| subjects(d, &s, w));
        Some(view! {
            <div class="quotes-speaker">
                <p>{said} " " <a href=all>"Every speaker"</a> {any}</p>
                {subjects}
            </div>
        })
    }
}

/// Most entities listed as what a speaker is quoted about.
const MAX_SUBJECTS: usize = 12;

/// What speaker `w` is quoted about in the articles `s`'s filters match: the entities
/// their quotes mention most (not themself), as links that limit the quotes to each.
fn subjects(d: &Data, s: &ViewState, w: usize) -> impl IntoView {
    let matched = dossier_app::results::results(s).matched;
    let mut counts: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for (doc, a) in d.analysis.docs.iter().enumerate() {
        if !matched.get(doc).copied().unwrap_or(false) {
            continue;
        }
        for (i, q) in a.quotes.iter().enumerate() {
            if speaker(d, Row { doc, quote: i }) != Some(w) {
                continue;
            }
            let first = a.mentions.partition_point(|m| m.range.start < q.range.start);
            let mut seen = Vec::new();
            for m in a.mentions[first..]
                .iter()
                .take_while(|m| m.range.end <= q.range.end)
            {
                if m.entity != w && !seen.contains(&m.entity) && !s.hide.contains(&m.label) {
                    seen.push(m.entity);
                    *counts.entry(m.entity).or_default() += 1;
                }
            }
        }
    }
    let mut top: Vec<(usize, usize)> = counts.into_iter().collect();
    let name = |e: usize| wording::name(&d.analysis.entities[e]).to_string();
    top.sort_by_cached_key(|&(e, n)| (std::cmp::Reverse(n), name(e), e));
    top.truncate(MAX_SUBJECTS);
    let current = param(s, ABOUT).to_string();
    let links = top
        .into_iter()
        .map(|(e, n)| {
            let id = &d.analysis.entities[e].id;
            let href = crate::href(&with_param(s, ABOUT, id));
            let here = (*id == current).then_some("true");
            view! { <li><a href=href aria-current=here>{format!("{} ({n})", name(e))}</a></li> }
        })
        .collect_view();
    view! {
        <nav class="quotes-about" aria-label="Quoted about">
            <span>"Quoted about: "</span>
            <ul>{links}</ul>
        </nav>
    }
}

/// The orders, as links; the current one marked.
#[component]
fn Orders(state: ArcRwSignal<ViewState>) -> impl IntoView {
    let links = ORDERS
        .iter()
        .enumerate()
        .map(|(i, &(code, name))| {
            let st = state.clone();
            let current = move || {
                let by = param(&st.get(), ORDER).to_string();
                by == code || (i == 0 && !ORDERS.iter().any(|o| o.0 == by))
            };
            let st = state.clone();
            let href = move || crate::href(&with_param(&st.get(), ORDER, if i == 0 { "" } else { code }));
            let current2 = current.clone();
            view! {
                <li>
                    <a href=href class="tab" class:current=current aria-current=move || current2().then_some("true")>{name}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="quotes-order" aria-label="Group quotes by">
            <ul>{links}</ul>
        </nav>
    }
}

/// The groups of quotes, each under its heading.
#[component]
fn QuoteGroups(state: ArcRwSignal<ViewState>, shown: Memo<Vec<Group>>) -> impl IntoView {
    let d = data();
    move || {
        let s = state.get();
        shown.with(|groups| {
            groups
                .iter()
                .map(|g| {
                    let rows = g.rows.iter().map(|&r| quote_row(d, &s, r)).collect_view();
                    // A speaker's group links to their quotes alone (and what they are quoted about).
                    let only = g
                        .speaker
                        .filter(|_| param(&s, WHO).is_empty())
                        .map(|e| {
                            let href = crate::href(&with_param(&s, WHO, &d.analysis.entities[e].id));
                            view! { <p class="quote-only"><a href=href>{format!("Only the quotes of {}", g.heading)}</a></p> }
                        });
                    view! {
                        <section class="quote-group">
                            <h3>{g.heading.clone()} " " <span class="quote-count">{format!("({})", g.rows.len())}</span></h3>
                            {only}
                            <ul class="quote-list">{rows}</ul>
                        </section>
                    }
                })
                .collect_view()
        })
    }
}

/// One quote: its words, then who said it (their mention highlighted), the cue and a
/// link to the place in the article.
pub fn quote_row(d: &Data, s: &ViewState, r: Row) -> impl IntoView {
    let doc = &d.corpus.documents[r.doc];
    let a = &d.analysis.docs[r.doc];
    let q = quote(d, r);
    let words = doc.text[q.range.clone()].to_string();
    let said = match q.kind {
        QuoteKind::Direct => {
            view! { <blockquote class="quote-words">{format!("“{words}”")}</blockquote> }.into_any()
        }
        QuoteKind::Reported => view! { <p class="quote-words reported">{words}</p> }.into_any(),
    };
    let who = q.speaker.map(|m| {
        let m = &a.mentions[m];
        view! { <mark data-label=m.label.code()>{doc.text[m.range.clone()].to_string()}</mark> }
    });
    let cue = q.cue.clone().map(|c| format!(" {}", &doc.text[c]));
    let kind = match q.kind {
        QuoteKind::Direct => "",
        QuoteKind::Reported => " (reported)",
    };
    let link = crate::href(&at_quote(d, s, r));
    view! {
        <li class="quote">
            {said}
            <p class="quote-source">
                {who.map_or_else(|| "Unattributed".into_any(), |w| w.into_any())}
                {cue}
                {kind}
                " · "
                <a href=link>{title(d, r.doc)}</a>
            </p>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The seed corpus and its analysis, as the page built on `seeds/` carries them.
    fn seeds() -> &'static Data {
        static DATA: std::sync::OnceLock<Data> = std::sync::OnceLock::new();
        DATA.get_or_init(|| {
            let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
            let corpus = dossier_core::corpus::load_dir(&seeds).expect("the seeds load");
            let curation = dossier_core::curation::load_curation(&seeds).expect("and their curation");
            let analysis = dossier_core::analyse_with(&corpus, &curation);
            Data::new(corpus, analysis)
        })
    }

    /// Whether quote `r` mentions `e` in its words, by a scan of all the document's mentions.
    fn names(d: &Data, r: Row, e: usize) -> bool {
        let q = quote(d, r);
        let inside =
            |m: &&dossier_core::Mention| m.range.start >= q.range.start && m.range.end <= q.range.end;
        d.analysis.docs[r.doc]
            .mentions
            .iter()
            .filter(inside)
            .any(|m| m.entity == e)
    }

    #[test]
    fn speakers_are_grouped_most_quoted_first_and_the_unattributed_last() {
        let d = seeds();
        let all = vec![true; d.corpus.documents.len()];
        let groups = groups(d, &all, Only::default(), "speaker");
        let quotes: usize = d.analysis.docs.iter().map(|a| a.quotes.len()).sum();
        assert_eq!(groups.iter().map(|g| g.rows.len()).sum::<usize>(), quotes);
        let (last, named) = groups.split_last().unwrap();
        assert_eq!((last.heading.as_str(), last.speaker), ("Unattributed", None));
        assert!(named.windows(2).all(|w| w[0].rows.len() >= w[1].rows.len()));
        for g in named {
            assert!(g.rows.iter().all(|&r| speaker(d, r) == g.speaker));
        }
        let mut speakers: Vec<_> = named.iter().map(|g| g.speaker).collect();
        speakers.dedup();
        assert_eq!(speakers.len(), named.len(), "one group a speaker");
    }

    #[test]
    fn quoted_by_x_keeps_their_quotes_and_about_y_those_whose_words_name_y() {
        let d = seeds();
        let all = vec![true; d.corpus.documents.len()];
        let x = d.entity_index("person-manoj-kewalramani").unwrap();
        let by_x = groups(
            d,
            &all,
            Only {
                who: Some(x),
                ..Only::default()
            },
            "speaker",
        );
        assert_eq!(by_x.len(), 1);
        assert_eq!((by_x[0].speaker, by_x[0].rows.len()), (Some(x), 5));
        // Every entity their quotes name: the quotes about it are exactly those naming it.
        let mut subjects: Vec<usize> = Vec::new();
        for &r in &by_x[0].rows {
            let q = quote(d, r);
            for m in &d.analysis.docs[r.doc].mentions {
                if m.range.start >= q.range.start
                    && m.range.end <= q.range.end
                    && !subjects.contains(&m.entity)
                {
                    subjects.push(m.entity);
                }
            }
        }
        assert!(!subjects.is_empty());
        for y in subjects {
            let only = Only {
                who: Some(x),
                about: Some(y),
                ..Only::default()
            };
            let about: Vec<Row> = groups(d, &all, only, "date")
                .into_iter()
                .flat_map(|g| g.rows)
                .collect();
            let expected: Vec<Row> = by_x[0].rows.iter().copied().filter(|&r| names(d, r, y)).collect();
            assert!(!about.is_empty());
            assert_eq!(about, expected);
        }
        // About Y by anyone: every speaker's quotes that name it.
        let russia = d.entity_index("gpe-russia").unwrap();
        let about = groups(
            d,
            &all,
            Only {
                about: Some(russia),
                ..Only::default()
            },
            "article",
        );
        let rows: Vec<Row> = about.into_iter().flat_map(|g| g.rows).collect();
        assert!(rows.len() > 1 && rows.iter().all(|&r| names(d, r, russia)));
    }

    #[test]
    fn the_picker_lists_every_speaker_once_most_quoted_first_with_their_quotes() {
        let d = seeds();
        let all = vec![true; d.corpus.documents.len()];
        let listed = speakers(d);
        let groups = groups(d, &all, Only::default(), "speaker");
        let named: Vec<(usize, usize)> = groups
            .iter()
            .filter_map(|g| Some((g.speaker?, g.rows.len())))
            .collect();
        assert!(listed.len() > 3);
        assert_eq!(listed, named, "the groups by speaker, in the same order");
    }

    #[test]
    fn a_view_parameter_is_set_replaced_and_removed() {
        let s = ViewState::default();
        let s = with_param(&s, SEARCH, "gas");
        assert_eq!(param(&s, SEARCH), "gas");
        let s = with_param(&s, ORDER, "date");
        let s = with_param(&s, SEARCH, "oil");
        assert_eq!((param(&s, SEARCH), param(&s, ORDER)), ("oil", "date"));
        assert_eq!(param(&with_param(&s, SEARCH, ""), SEARCH), "");
    }
}
