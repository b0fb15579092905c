//! The compare view: two sets of articles side by side, A and B, each the app's filters
//! (the filter bar, kept by both sides) and a side's own (`crate::sides`: two articles,
//! two periods, or any two filters). It shows the entities only A names (dropped in B),
//! both name, and only B names (new in B), with mentions and articles on each side and
//! the change of each entity's share of its side's mentions (`crate::comparison`), the
//! quotes each side has, and, for an entity chosen, its mentions on both sides with links
//! to their places in the articles; the comparison exports as CSV or JSON.
//!
//! Its own URL parameters: `v-a` and `v-b`, the sides (`crate::sides`); `v-e`, the entity
//! whose mentions are shown; `v-sort`, the column the tables are sorted by and which way
//! (`comparison::Sort`: a press on a column's header).

use crate::comparison::{fixed, Column, Comparison, Presence, Row, Sort};
use crate::quotes::{self, param, with_param};
use crate::sides::{self, SIDES};
use dossier_app::data::{data, Data};
use dossier_app::results::{query_of, search};
use dossier_app::url::{View, ViewState};
use dossier_app::wording;
use dossier_core::export::Format;
use dossier_core::query::{self, Kwic, KwicSort, Query, Results};
use leptos::prelude::*;

/// The parameter of the entity whose mentions are shown.
const ENTITY: &str = "v-e";
/// The parameter of the tables' order (`comparison::Sort`); none: each table's own.
const SORT: &str = "v-sort";
/// The sides' names, as the view writes them.
const NAMES: [&str; 2] = ["A", "B"];
/// Most rows a table of entities shows (the export has them all).
const MAX_ROWS: usize = 200;
/// Most mentions of the chosen entity shown on a side.
const MAX_MENTIONS: usize = 50;

/// A side as shown: its filters, what its parameter had that was ignored, and the
/// search's results over its articles.
#[derive(Debug, Clone, PartialEq)]
struct Side {
    filters: ViewState,
    notices: Vec<String>,
    results: Results,
    /// Its mentions of the labels shown (what the shares are of).
    mentions: usize,
}

/// The side whose parameter has `value`, within the app's filters `base` (which match
/// the articles `matched`): the side's filters, its article alone if it names one, and
/// the app's hidden labels and zones.
fn side(d: &Data, base: &Query, matched: &[bool], value: &str) -> Side {
    let (filters, notices) = sides::read(value, d);
    let mut q = query_of(&filters);
    let own = q.docs.take();
    let doc = filters.doc.as_deref().and_then(|f| d.doc_index(f));
    q.docs = Some(
        matched
            .iter()
            .enumerate()
            .map(|(i, &m)| m && own.as_ref().is_none_or(|o| o[i]) && doc.is_none_or(|k| k == i))
            .collect(),
    );
    q.hidden = base.hidden;
    q.all_zones = base.all_zones;
    let results = search(&q);
    let mentions = dossier_core::Label::ALL
        .into_iter()
        .filter(|&l| !base.hidden.contains(l))
        .map(|l| results.label(l).mentions)
        .sum();
    Side {
        filters,
        notices,
        results,
        mentions,
    }
}

/// The link to `s` with the entity `id` chosen (none: no entity chosen).
fn choose(s: &ViewState, id: &str) -> ViewState {
    with_param(s, ENTITY, id)
}

/// The compare view, drawn for the view `state`.
#[component]
pub fn CompareView(
    /// The view the URL describes.
    state: ArcRwSignal<ViewState>,
) -> impl IntoView {
    let d = data();
    let st = state.clone();
    // What the sides depend on: the app's filters and the two sides' parameters.
    let key = Memo::new(move |_| st.with(|s| (query_of(s), SIDES.map(|k| param(s, k).to_string()))));
    let both = Memo::new(move |_| {
        key.with(|(base, values)| {
            let matched = search(base).matched;
            values.clone().map(|v| side(d, base, &matched, &v))
        })
    });
    let comparison = compared(d, key, both);
    // The links the tables make: the view without its chosen entity (choosing one
    // draws no table again, so the focus stays on the link chosen).
    let st = state.clone();
    let chosen = Memo::new(move |_| {
        st.with(|s| {
            d.entity_index(param(s, ENTITY))
                .map(|e| (e, param(s, ENTITY).to_string()))
        })
    });
    // The view as its links write it: the sides as read (what was ignored left out), an
    // entity chosen only if there is one.
    let st = state.clone();
    let clean = Memo::new(move |_| {
        let mut s = st.get();
        both.with(|b| {
            for (k, side) in SIDES.iter().zip(b) {
                s = with_param(&s, k, &sides::write(&side.filters));
            }
        });
        if chosen.with(Option::is_none) {
            s = choose(&s, "");
        }
        s
    });
    let st = state.clone();
    let notices = move || {
        let all = both.with(|sides| st.with(|s| ignored(s, sides, chosen.with(Option::is_some))));
        (!all.is_empty()).then(|| {
            view! { <p class="notice" role="status">{format!("Part of this link was ignored: {}.", all.join("; "))}</p> }
        })
    };
    let summary = move || comparison.with(summary_of);
    let base = Memo::new(move |_| clean.with(|s| choose(s, "")));
    view! {
        <section class="compare-view" aria-labelledby="compare-title">
            <h2 id="compare-title">"Compare"</h2>
            {notices}
            <p class="compare-intro">
                "Two sets of articles side by side: A and B each keep the filters above and add their own."
            </p>
            <p class="compare-help" id="compare-when-help">"Dates in: a year, a month, or two of the same kind as from..to."</p>
            <div class="compare-sides">
                {[0, 1].map(|i| view! { <SideBox state=clean both=both which=i/> }).collect_view()}
            </div>
            <SideLinks state=clean/>
            <p class="compare-summary" role="status">{summary}</p>
            <p class="compare-measure">
                "Change: an entity’s share of all the mentions on its side, in B minus in A, in percentage points."
            </p>
            <ExportButtons comparison=comparison base=base/>
            <EntityMentions state=clean both=both chosen=chosen comparison=comparison/>
            {Presence::ALL
                .map(|p| view! { <EntityTable presence=p comparison=comparison base=base state=clean/> })
                .collect_view()}
            <section class="compare-quotes" aria-labelledby="compare-quotes-title">
                <h3 id="compare-quotes-title">"Quotes"</h3>
                <div class="compare-sides">
                    {[0, 1].map(|i| view! { <SideQuotes state=base both=both which=i/> }).collect_view()}
                </div>
            </section>
        </section>
    }
}

/// The comparison of the two sides `both` (the labels the app's filters in `key` hide
/// left out).
fn compared(d: &'static Data, key: Memo<(Query, [String; 2])>, both: Memo<[Side; 2]>) -> Memo<Comparison> {
    Memo::new(move |_| {
        let hidden = key.with(|(base, _)| base.hidden);
        both.with(|[a, b]| {
            let entities = &d.analysis.entities;
            Comparison::new(
                &a.results.entities,
                &b.results.entities,
                |e| !hidden.contains(entities[e].label),
                |e| wording::name(&entities[e]).to_string(),
            )
        })
    })
}

/// The line that counts the entities only in A, in both and only in B.
fn summary_of(c: &Comparison) -> String {
    let n = |p| c.of(p).count();
    format!(
        "{} only in A, {} in both, {} only in B.",
        wording::count(n(Presence::OnlyA), "entity"),
        n(Presence::Both),
        n(Presence::OnlyB)
    )
}

/// The buttons that export `comparison` as CSV or JSON, its links to the view `base`.
#[component]
fn ExportButtons(comparison: Memo<Comparison>, base: Memo<ViewState>) -> impl IntoView {
    let d = data();
    let export = move |format: Format, name: &'static str, mime: &'static str| {
        let table = comparison.with_untracked(|c| export_table(d, c, &base.get_untracked(), format));
        dossier_app::components::export_menu::download(name, mime, &table);
    };
    let export_csv = export;
    view! {
        <div class="quotes-export">
            <button type="button" class="tool" on:click=move |_| export_csv(Format::Csv, "comparison.csv", "text/csv")>"Export CSV"</button>
            <button type="button" class="tool" on:click=move |_| export(Format::Json, "comparison.json", "application/json")>"Export JSON"</button>
        </div>
    }
}

/// What the link asked for that the view could not read: each side's ignored filters,
/// an entity it does not know (`chosen`: the one asked for is known), an unknown order.
fn ignored(s: &ViewState, sides: &[Side; 2], chosen: bool) -> Vec<String> {
    let mut all = Vec::new();
    for (name, side) in NAMES.iter().zip(sides) {
        all.extend(side.notices.iter().map(|n| format!("in {name}, {n}")));
    }
    let clip = |v: &str| v.chars().take(40).collect::<String>();
    let e = param(s, ENTITY);
    if !e.is_empty() && !chosen {
        all.push(format!("no entity “{}”", clip(e)));
    }
    let by = param(s, SORT);
    if !by.is_empty() && Sort::read(by).is_none() {
        all.push(format!("no order “{}”", clip(by)));
    }
    all
}

/// The comparison `c` as a table in `format`, each entity with a link to the view `base`
/// with it chosen.
fn export_table(d: &Data, c: &Comparison, base: &ViewState, format: Format) -> String {
    let entities = &d.analysis.entities;
    let origin = window().location().origin().unwrap_or_default();
    c.export(
        |e| {
            let e = &entities[e];
            [e.id.clone(), e.canonical.clone(), e.label.code().to_string()]
        },
        |e| format!("{origin}{}", crate::href(&choose(base, &entities[e].id))),
        format,
    )
}

/// One side's heading, size and form.
#[component]
fn SideBox(state: Memo<ViewState>, both: Memo<[Side; 2]>, which: usize) -> impl IntoView {
    let d = data();
    let name = NAMES[which];
    let described = move || both.with(|s| sides::describe(d, &s[which].filters));
    let size = move || {
        both.with(|s| {
            let articles = s[which].results.matched.iter().filter(|&&m| m).count();
            let mentions = s[which].mentions;
            format!(
                "{}, {}",
                wording::count(articles, "article"),
                wording::count(mentions, "mention")
            )
        })
    };
    let title = format!("compare-{}-title", name.to_lowercase());
    let labelled = title.clone();
    view! {
        <section class="compare-side" aria-labelledby=labelled>
            <h3 id=title>{format!("{name}: ")} {described}</h3>
            <p class="compare-size">{size}</p>
            <SideForm state=state both=both which=which/>
        </section>
    }
}

/// The form that sets a side's text query, period and article (its other filters stay).
#[component]
fn SideForm(state: Memo<ViewState>, both: Memo<[Side; 2]>, which: usize) -> impl IntoView {
    let d = data();
    let id = |field: &str| format!("compare-{}-{field}", NAMES[which].to_lowercase());
    let q = NodeRef::<leptos::html::Input>::new();
    let when = NodeRef::<leptos::html::Input>::new();
    let doc = NodeRef::<leptos::html::Select>::new();
    let current = move || both.with(|s| s[which].filters.clone());
    let submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let mut side = both.with_untracked(|s| s[which].filters.clone());
        side.q = q.get().map(|i| i.value().trim().to_string()).unwrap_or_default();
        let w = when
            .get()
            .map(|i| i.value().trim().to_string())
            .unwrap_or_default();
        side.when = (!w.is_empty()).then_some(w);
        let f = doc.get().map(|s| s.value()).unwrap_or_default();
        side.doc = (!f.is_empty()).then_some(f);
        crate::go(&with_param(
            &state.get_untracked(),
            SIDES[which],
            &sides::write(&side),
        ));
    };
    let options = d
        .corpus
        .documents
        .iter()
        .map(|doc| {
            let file = doc.file.clone();
            let f = file.clone();
            let selected = move || current().doc.as_deref() == Some(f.as_str());
            let title = match doc.meta.published {
                Some(p) => format!("{} ({p})", doc.title),
                None => doc.title.clone(),
            };
            view! { <option value=file selected=selected>{title}</option> }
        })
        .collect_view();
    let q_value = move || current().q;
    let w_value = move || current().when.unwrap_or_default();
    let label = |field: &str| format!("{field} ({})", NAMES[which]);
    view! {
        <form class="compare-form" on:submit=submit>
            <label for=id("q")>{label("Search")}</label>
            <input id=id("q") type="search" node_ref=q prop:value=q_value/>
            <label for=id("when")>{label("Dates in")}</label>
            <input id=id("when") type="text" node_ref=when prop:value=w_value placeholder="2024, 2024-05 or 2024-01..2024-06" aria-describedby="compare-when-help"/>
            <label for=id("doc")>{label("Article")}</label>
            <select id=id("doc") node_ref=doc>
                <option value="">"Any article"</option>
                {options}
            </select>
            <button type="submit" class="tool">{format!("Show {}", NAMES[which])}</button>
        </form>
    }
}

/// Links that swap the sides, and that move the app's filters to a side.
#[component]
fn SideLinks(state: Memo<ViewState>) -> impl IntoView {
    let swap = move || {
        state.with(|s| {
            let [a, b] = SIDES.map(|k| param(s, k).to_string());
            crate::href(&with_param(&with_param(s, SIDES[0], &b), SIDES[1], &a))
        })
    };
    let moves = move || {
        let s = state.get();
        s.is_filtered().then(|| {
            let filters = ViewState {
                doc: None,
                ..sides::filters(&s)
            };
            let rest = sides::without_filters(&s);
            let to = |i: usize| crate::href(&with_param(&rest, SIDES[i], &sides::write(&filters)));
            view! {
                " · " <a href=to(0)>"Move the filters above to A"</a>
                " · " <a href=to(1)>"Move the filters above to B"</a>
            }
        })
    };
    view! {
        <p class="compare-links">
            <a href=swap>"Swap A and B"</a>
            {moves}
        </p>
    }
}

/// A count on one side as a table cell says it: mentions, articles and share.
fn side_cell(mentions: usize, articles: usize, share: f64) -> String {
    if mentions == 0 {
        return "none".to_string();
    }
    format!(
        "{} in {} ({} %)",
        wording::count(mentions, "mention"),
        wording::count(articles, "article"),
        fixed(share, 1)
    )
}

/// A change in points, signed: "+1.9", "−0.4", "0.0".
fn signed(points: f64) -> String {
    let shown = fixed(points.abs(), 1);
    match points {
        p if shown == "0.0" || p == 0.0 => shown,
        p if p > 0.0 => format!("+{shown}"),
        _ => format!("−{shown}"),
    }
}

/// The entities of one presence, as a table.
#[component]
fn EntityTable(
    presence: Presence,
    comparison: Memo<Comparison>,
    base: Memo<ViewState>,
    state: Memo<ViewState>,
) -> impl IntoView {
    let d = data();
    let (heading, code) = match presence {
        Presence::OnlyA => ("Only in A (dropped in B)", "only-a"),
        Presence::Both => ("In both", "both"),
        Presence::OnlyB => ("Only in B (new in B)", "only-b"),
    };
    let title = format!("compare-{code}-title");
    let labelled = title.clone();
    let count = move || comparison.with(|c| c.of(presence).count());
    let rows = move || {
        let s = base.get();
        let sort = Sort::read(param(&s, SORT));
        comparison.with(|c| {
            let mut rows: Vec<Row> = c.of(presence).copied().collect();
            if let Some(sort) = sort {
                c.sort(&mut rows, sort, |e| wording::name(&d.analysis.entities[e]).to_string());
            }
            rows.truncate(MAX_ROWS);
            if rows.is_empty() {
                return view! { <p>"None."</p> }.into_any();
            }
            let more = (count() > MAX_ROWS).then(|| {
                view! { <p>{format!("The first {MAX_ROWS} of {} are shown; the export has them all.", count())}</p> }
            });
            let body = rows
                .into_iter()
                .map(|r| {
                    let e = &d.analysis.entities[r.entity];
                    let id = e.id.clone();
                    let current = move || (state.with(|s| param(s, ENTITY) == id)).then_some("true");
                    view! {
                        <tr>
                            <th scope="row">
                                <a href=crate::href(&choose(&s, &e.id)) data-entity=e.id.clone() aria-current=current>{wording::name(e).to_string()}</a>
                                " " <span class="compare-label">{e.label.code()}</span>
                            </th>
                            <td>{side_cell(r.a.mentions, r.a.documents, c.share_a(&r))}</td>
                            <td>{side_cell(r.b.mentions, r.b.documents, c.share_b(&r))}</td>
                            <td class="compare-change">{signed(c.change(&r))}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table class="compare-table">
                    <thead>
                        <tr>{Column::ALL.map(|col| header(state, sort, col, code)).collect_view()}</tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
                {more}
            }
            .into_any()
        })
    };
    view! {
        <section class="compare-entities" aria-labelledby=labelled>
            <h3 id=title>{heading} " " <span class="quote-count">{move || format!("({})", count())}</span></h3>
            {rows}
        </section>
    }
}

/// A column's header: a button that sorts the tables of the view `state` by it (its first way, or the other
/// way if they are sorted by it), with `aria-sort` on the column sorted by. The focus
/// stays on the button as the table is drawn again (`data-focus`, unique: `table` is the
/// table's code).
fn header(state: Memo<ViewState>, sort: Option<Sort>, column: Column, table: &str) -> impl IntoView {
    let title = match column {
        Column::Entity => "Entity",
        Column::A => "A",
        Column::B => "B",
        Column::Change => "Change (points)",
    };
    let by = sort.filter(|s| s.column == column);
    let aria = by.map(|s| if s.ascending { "ascending" } else { "descending" });
    let press = move |_| {
        dossier_app::focus::keep();
        crate::go(&state.with_untracked(|s| with_param(s, SORT, &Sort::pressed(sort, column).write())));
    };
    view! {
        <th scope="col" aria-sort=aria>
            <button type="button" class="sort-head" data-focus=format!("sort {table} {}", column.code()) on:click=press>
                {title}
            </button>
        </th>
    }
}

/// The chosen entity's mentions on both sides, each with a link to its place.
#[component]
fn EntityMentions(
    state: Memo<ViewState>,
    both: Memo<[Side; 2]>,
    chosen: Memo<Option<(usize, String)>>,
    comparison: Memo<Comparison>,
) -> impl IntoView {
    let d = data();
    // An entity chosen (not the one the page opened with): the focus goes to its
    // mentions, which appear above the tables; closed, back to its link in the tables.
    Effect::new(move |before: Option<Option<(usize, String)>>| {
        let now = chosen.get();
        if let Some(before) = before.filter(|b| *b != now) {
            let target = match (&now, before) {
                (Some(_), _) => Some("#compare-entity-title".to_string()),
                (None, Some((_, id))) => Some(format!("a[data-entity=\"{id}\"]")),
                (None, None) => None,
            };
            if let Some(t) = target {
                request_animation_frame(move || {
                    dossier_app::focus::to(&t);
                });
            }
        }
        now
    });
    move || {
        let (e, _) = chosen.get()?;
        let s = state.get();
        let entity = &d.analysis.entities[e];
        let all_zones = s.all_zones;
        let found = query::mentions(d.index(), &[e], KwicSort::Document, all_zones);
        let row = comparison.with(|c| c.rows.iter().find(|r| r.entity == e).copied());
        let columns = both.with(|sides| {
            sides
                .iter()
                .enumerate()
                .map(|(i, side)| {
                    let shown: Vec<&Kwic> = found.iter().filter(|k| side.results.matched[k.doc]).collect();
                    let counts = row.map_or((0, 0), |r| if i == 0 { (r.a.mentions, r.a.documents) } else { (r.b.mentions, r.b.documents) });
                    let items = shown.iter().take(MAX_MENTIONS).map(|k| mention_row(d, &s, entity, k)).collect_view();
                    let more = (shown.len() > MAX_MENTIONS)
                        .then(|| view! { <p>{format!("The first {MAX_MENTIONS} of {} are shown.", shown.len())}</p> });
                    view! {
                        <section class="compare-side">
                            <h4>{format!("In {}: {} in {}", NAMES[i], wording::count(counts.0, "mention"), wording::count(counts.1, "article"))}</h4>
                            <ul class="compare-mentions">{items}</ul>
                            {more}
                        </section>
                    }
                })
                .collect_view()
        });
        let close = crate::href(&choose(&s, ""));
        Some(view! {
            <section class="compare-entity" aria-labelledby="compare-entity-title">
                <h3 id="compare-entity-title" tabindex="-1">{format!("Mentions of {}", wording::name(entity))}</h3>
                <p><a href=close>"Close the mentions"</a></p>
                <div class="compare-sides">{columns}</div>
            </section>
        })
    }
}

/// One mention in its context, with a link to its place in the article.
fn mention_row(d: &Data, s: &ViewState, entity: &dossier_core::Entity, k: &Kwic) -> impl IntoView {
    let doc = &d.corpus.documents[k.doc];
    let (left, said, right) = k.texts(&doc.text);
    let label = d.analysis.docs[k.doc].mentions[k.mention].label.code();
    let at = ViewState {
        doc: Some(doc.file.clone()),
        mention: Some(k.range.start),
        selected: Some(entity.id.clone()),
        view: View::Articles,
        ..s.clone()
    };
    let title = match doc.meta.published {
        Some(p) => format!("{} ({p})", doc.title),
        None => doc.title.clone(),
    };
    view! {
        <li>
            {format!("{}{left}", if k.cut_start { "…" } else { "" })}
            <mark data-label=label>{said.to_string()}</mark>
            {format!("{right}{}", if k.cut_end { "…" } else { "" })}
            " · "
            <a href=crate::href(&at)>{title}</a>
        </li>
    }
}

/// One side's quotes, by speaker, each speaker's in a disclosure.
#[component]
fn SideQuotes(state: Memo<ViewState>, both: Memo<[Side; 2]>, which: usize) -> impl IntoView {
    let d = data();
    move || {
        let s = state.get();
        both.with(|sides| {
            let groups = quotes::groups(
                d,
                &sides[which].results.matched,
                quotes::Only::default(),
                "speaker",
            );
            let n: usize = groups.iter().map(|g| g.rows.len()).sum();
            let list = groups
                .into_iter()
                .map(|g| {
                    let rows = g.rows.iter().map(|&r| quotes::quote_row(d, &s, r)).collect_view();
                    view! {
                        <details class="compare-speaker">
                            <summary>{format!("{} ({})", g.heading, g.rows.len())}</summary>
                            <ul class="quote-list">{rows}</ul>
                        </details>
                    }
                })
                .collect_view();
            view! {
                <section class="compare-side">
                    <h4>{format!("In {}: {}", NAMES[which], wording::count(n, "quote"))}</h4>
                    {list}
                </section>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_are_signed_and_a_zero_has_no_sign() {
        assert_eq!(signed(1.94), "+1.9");
        assert_eq!(signed(-0.44), "−0.4");
        assert_eq!(signed(-0.01), "0.0");
        assert_eq!(signed(0.0), "0.0");
        assert_eq!(side_cell(0, 0, 0.0), "none");
        assert_eq!(side_cell(3, 1, 2.345), "3 mentions in 1 article (2.3 %)");
    }
}
