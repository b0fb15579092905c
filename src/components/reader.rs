//! The reader: one article with every mention highlighted, residue shown apart, the
//! search's hits marked, and next/previous mention of the selected entity and hit.

use crate::app::{Hover, Navigator, Painted};
use crate::components::hover_card::Pinned;
use crate::data::{data, Data};
use crate::dom;
use crate::url::ViewState;
use crate::wording::{count, name};
use dossier_core::model::Zone;
use dossier_core::query::{Query, Results, Snippets};
use dossier_core::Label;
use leptos::prelude::*;
use std::ops::Range;
use wasm_bindgen::JsCast;

/// The search's hits in the open article and the one stepped to: short-lived state, kept
/// out of the URL (the search and the article are in it, and they give the hits).
#[derive(Clone, Copy)]
pub struct Hits {
    /// Byte ranges of the text query's matches in the open article, in text order.
    pub list: Memo<Vec<Range<usize>>>,
    /// The hit stepped to, if any: the first when an article opens or the search changes
    /// (none while a mention is selected, which the view shows instead).
    pub at: RwSignal<Option<usize>>,
}

impl Hits {
    /// The hits of `query` in the article `nav` has open, once the first frame is on
    /// screen (they need the index, which is built after it).
    pub fn new(nav: Navigator, query: Memo<Query>, painted: Painted) -> Hits {
        let d = data();
        let list = Memo::new(move |_| {
            let doc = nav.state.with(|s| s.doc.as_deref().and_then(|f| d.doc_index(f)));
            match doc {
                Some(doc) if painted.0.get() => query.with(|q| {
                    if q.text.trim().is_empty() {
                        Vec::new()
                    } else {
                        Snippets::new(d.index(), q).hits(doc)
                    }
                }),
                _ => Vec::new(),
            }
        });
        let at = RwSignal::new(None);
        Effect::new(move |_| {
            let any = list.with(|l| !l.is_empty());
            let mention = nav.state.with_untracked(|s| s.mention.is_some());
            at.set((any && !mention).then_some(0));
        });
        Hits { list, at }
    }
}

/// Moves to the next (`by` = 1) or previous hit, wrapping; returns false when the open
/// article has none.
pub fn step_hit(hits: Hits, by: isize) -> bool {
    let n = hits.list.with_untracked(Vec::len) as isize;
    if n == 0 {
        return false;
    }
    let next = match hits.at.get_untracked() {
        Some(i) => (i as isize + by).rem_euclid(n),
        None if by > 0 => 0,
        None => n - 1,
    };
    hits.at.set(Some(next as usize));
    true
}

/// Start offsets of the selected entity's mentions in the open article.
fn selected_mentions(d: &Data, s: &ViewState) -> Vec<usize> {
    let (Some(doc), Some(sel)) = (
        s.doc.as_deref().and_then(|f| d.doc_index(f)),
        s.selected.as_deref(),
    ) else {
        return Vec::new();
    };
    let Some(e) = d.entity_index(sel) else {
        return Vec::new();
    };
    d.analysis.docs[doc]
        .mentions
        .iter()
        .filter(|m| m.entity == e)
        .map(|m| m.range.start)
        .collect()
}

/// Moves the selected mention `by` steps (wrapping) through the selected entity's
/// mentions in the open article; returns false when there is nothing to move through.
pub fn step_mention(nav: Navigator, by: isize) -> bool {
    let s = nav.state.get_untracked();
    let starts = selected_mentions(data(), &s);
    if starts.is_empty() {
        return false;
    }
    let n = starts.len() as isize;
    let next = match s.mention.and_then(|m| starts.iter().position(|&x| x == m)) {
        Some(i) => (i as isize + by).rem_euclid(n),
        None if by > 0 => 0,
        None => n - 1,
    };
    nav.update(|s| s.mention = Some(starts[next as usize]));
    true
}

/// The mark element (if any) that an event happened in.
fn mark_of(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("mark[data-entity]")
        .ok()?
}

/// Whether a click came from a touch (or a pen), not a mouse or a key.
fn tapped(ev: &web_sys::MouseEvent) -> bool {
    ev.dyn_ref::<web_sys::PointerEvent>()
        .is_some_and(|p| matches!(p.pointer_type().as_str(), "touch" | "pen"))
}

/// What the reader shows: the open article, the hidden labels and the search's hits in
/// it. The article is drawn again only when one of them changes, so filtering with an
/// article open redraws nothing here.
type Open = Memo<(Option<usize>, Vec<Label>, Vec<Range<usize>>)>;

/// The open article, or a short guide when none is open.
#[component]
pub fn Reader() -> impl IntoView {
    let nav = crate::app::context::<Navigator>();
    let hover = crate::app::context::<Hover>();
    let hits = crate::app::context::<Hits>();
    let pinned = crate::app::context::<Pinned>();
    let results = crate::components::results_list::use_results();
    let painted = crate::app::context::<Painted>().0;
    let d = data();
    // What is left to draw of the open article (drawn for `BUDGET` ms a frame, below).
    let drawing: Drawing = Default::default();
    follow_mention(nav, drawing.clone());
    let on_click = move |ev: web_sys::MouseEvent| click_mark(&ev, nav, hover, pinned);
    let over = move |ev: &web_sys::Event| hover_mark(ev, hover);
    let out = move || hover.0.set(None);
    let open: Open = Memo::new(move |_| {
        let (doc, hide) = nav
            .state
            .with(|s| (s.doc.as_deref().and_then(|f| d.doc_index(f)), s.hide.clone()));
        (doc, hide, hits.list.get())
    });
    draw_on_open(open, nav, hits, drawing.clone());
    follow_hit(open, hits, drawing);
    mark_selection(open, nav);
    move || {
        let (Some(i), ..) = open.get() else {
            return welcome(nav, results, painted).into_any();
        };
        let doc = &d.corpus.documents[i];
        let close = move || {
            nav.href(&ViewState {
                doc: None,
                mention: None,
                ..nav.state.get()
            })
        };
        // The printed page ends with the link to this view.
        let link = move || nav.address(&nav.state.get());
        let meta = doc.meta.byline();
        view! {
            <article class="reader" aria-labelledby="article-title" data-link=link
                on:click=on_click
                // A move, not `mouseover`: the browser sends that when the text scrolls
                // under a pointer that stays still (a jump to a mention), and the card of
                // whatever name came under it would cover the mention.
                on:mousemove=move |ev: web_sys::MouseEvent| over(&ev)
                on:focusin=move |ev: web_sys::FocusEvent| over(&ev)
                on:mouseout=move |_| out()
                on:focusout=move |_| out()
            >
                <div class="reader-head">
                    <a class="close" href=close>"← All articles"</a>
                    <HitStepper/>
                    <MentionStepper/>
                </div>
                // The headline and the blocks: drawn by `draw_on_open` (`Draw`).
                <h1 id="article-title"></h1>
                <p class="meta">{meta}</p>
                <label class="zones-toggle">
                    <input
                        type="checkbox"
                        prop:checked=move || nav.state.with(|s| s.all_zones)
                        on:change=move |_| nav.update(|s| s.all_zones = !s.all_zones)
                    />
                    " Count captions, credits and site text"
                </label>
                <div class="reader-body"></div>
            </article>
        }
        .into_any()
    }
}

/// Scrolls to and focuses the selected mention whenever it changes (drawing the article
/// as far as it first, if it is in a part not yet drawn).
fn follow_mention(nav: Navigator, drawing: Drawing) {
    Effect::new(move |_| {
        let s = nav.state.get();
        if let (Some(m), Some(_)) = (s.mention, s.doc) {
            let drawing = drawing.clone();
            request_animation_frame(move || {
                let q = format!("mark[data-start=\"{m}\"]");
                draw_until(&drawing, &q);
                let el = document().query_selector(&q).ok().flatten();
                if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                    center(el.clone().into(), SETTLE);
                    crate::components::hover_card::focus_quietly(&el);
                }
            });
        }
    });
}

/// A click in the article: on a name, filters by its entity and selects the mention
/// (Alt or Shift: excludes it); a tap opens its card; elsewhere, closes a pinned card.
fn click_mark(ev: &web_sys::MouseEvent, nav: Navigator, hover: Hover, pinned: Pinned) {
    let d = data();
    let Some(mark) = mark_of(ev) else {
        pinned.0.set(None);
        return;
    };
    let (Some(id), Some(start)) = (
        mark.get_attribute("data-entity"),
        mark.get_attribute("data-start"),
    ) else {
        return;
    };
    ev.prevent_default();
    // A tap opens the entity's card, whose buttons filter: a touch screen has no
    // hover to show the card first, nor Alt to exclude.
    if tapped(ev) {
        if let (Some(e), Ok(start)) = (d.entity_index(&id), start.parse()) {
            hover.0.set(None);
            pinned.open(e, start);
        }
        return;
    }
    let exclude = ev.alt_key() || ev.shift_key();
    nav.update(|s| {
        s.put(&id, exclude);
        if !exclude {
            s.selected = Some(id);
            s.mention = start.parse().ok();
        }
    });
}

/// The pointer or the focus on a name: its card, unless one may not open now.
fn hover_mark(ev: &web_sys::Event, hover: Hover) {
    let d = data();
    if !crate::components::hover_card::may_open() {
        return;
    }
    let Some(mark) = mark_of(ev) else { return };
    let Some(e) = mark
        .get_attribute("data-entity")
        .and_then(|id| d.entity_index(&id))
    else {
        return;
    };
    let r = mark.get_bounding_client_rect();
    let at = Some((e, r.left(), r.bottom()));
    if hover.0.get_untracked() != at {
        hover.0.set(at);
    }
}

/// The guide shown when no article is open; its line counts what the filters keep (once
/// the counts come, after the first frame), the whole corpus when nothing filters.
fn welcome(nav: Navigator, results: Memo<Results>, painted: RwSignal<bool>) -> impl IntoView {
    let d = data();
    let line = move || {
        let total = count(d.corpus.documents.len(), "article");
        let guide = "Choose an article to read it, search, or pick an entity to see where it occurs.";
        if !nav.state.with(ViewState::is_filtered) {
            return format!("{total}, {}. {guide}", count(d.analysis.entities.len(), "entity"));
        }
        if !painted.get() {
            return guide.to_string();
        }
        let (n, named) =
            results.with(|r| (r.hits.len(), r.entities.iter().filter(|c| c.mentions > 0).count()));
        if n == 0 {
            format!("0 of {total} match these filters: remove one, or clear them all.")
        } else {
            format!(
                "{n} of {total} match these filters, naming {}. {guide}",
                count(named, "entity")
            )
        }
    };
    view! {
        <section class="welcome">
            <h1>"Dossier"</h1>
            <p>{line}</p>
            <p class="hint">
                "Keys: " <kbd>"/"</kbd> " search · " <kbd>"j"</kbd> " / " <kbd>"k"</kbd>
                " next / previous article · " <kbd>"n"</kbd> " / " <kbd>"p"</kbd>
                " next / previous mention · " <kbd>"h"</kbd> " / " <kbd>"H"</kbd>
                " next / previous search hit · " <kbd>"Esc"</kbd> " clear"
            </p>
        </section>
    }
}

/// Draws the open article's headline and blocks whenever `open` changes, with plain DOM
/// calls after the view (before the effects that mark and scroll to what is selected):
/// blocks for [`BUDGET`] ms at once, or every part up to the selected mention's, then
/// blocks for [`BUDGET`] ms a frame, so that a long article (a reader's own document may
/// be megabytes) costs no long task.
fn draw_on_open(open: Open, nav: Navigator, hits: Hits, drawing: Drawing) {
    let d = data();
    Effect::new(move |_| {
        let (Some(doc), hide, hits_in) = open.get() else {
            return;
        };
        let q = |s: &str| document().query_selector(s).ok().flatten();
        let (Some(title), Some(body)) = (q("#article-title"), q("article.reader .reader-body")) else {
            return;
        };
        let mention = nav.state.with_untracked(|s| s.mention);
        title.set_text_content(None);
        body.set_text_content(None);
        let draw = Draw {
            d,
            doc,
            hide,
            hits: hits_in,
            nav,
            at: hits.at,
            body: body.clone(),
            width: Default::default(),
            top: mention.is_none(),
        };
        let a = &d.analysis.docs[doc];
        // The headline's marks carry no name of their own, so the heading's accessible
        // name stays the title.
        match a.blocks.iter().position(|b| b.zone == Zone::Title) {
            Some(bi) => draw.block(&title, bi, false),
            None => title.set_text_content(Some(&d.corpus.documents[doc].title)),
        }
        let parts = parts(&a.blocks);
        // How many parts are drawn whole at once: those up to the mention's, if any.
        let next = mention.map_or(0, |m| {
            let bi = a.blocks.partition_point(|b| b.range.end <= m);
            parts.partition_point(|p| p.end <= bi) + 1
        });
        for p in parts.iter().take(next) {
            let part = draw.part(&body, p);
            for bi in p.clone() {
                draw.paragraph(&part, bi);
            }
        }
        *drawing.borrow_mut() = Some(Pending {
            part: body.clone(),
            body,
            draw,
            parts,
            next,
            left: 0..0,
        });
        if next == 0 {
            draw_next(&drawing, now() + BUDGET);
        }
        draw_rest(drawing.clone());
    });
}

/// Marks the hit stepped to apart and scrolls it to the middle of the view, once the
/// article is drawn.
fn follow_hit(open: Open, hits: Hits, drawing: Drawing) {
    Effect::new(move |_| {
        open.track();
        let at = hits.at.get();
        let drawing = drawing.clone();
        request_animation_frame(move || {
            let Some(article) = document().query_selector("article.reader").ok().flatten() else {
                return;
            };
            let selector = at.map(|k| format!("mark.hit[data-hit=\"{k}\"]"));
            if let Some(q) = &selector {
                draw_until(&drawing, q);
            }
            mark_only(&article, "current-hit", selector.clone());
            let first = selector.and_then(|q| article.query_selector(&q).ok().flatten());
            if let Some(el) = first {
                center(el, SETTLE);
            }
        });
    });
}

/// Moves the selected entity's marks (`sel`) and the selected mention (`current`): two
/// classes moved in place, one effect instead of a reactive class on every mark, which
/// would cost kilobytes of wasm for the same result (docs/performance.md).
fn mark_selection(open: Open, nav: Navigator) {
    Effect::new(move |_| {
        open.track(); // a new article has new marks
        let (entity, mention) = nav.state.with(|s| (s.selected.clone(), s.mention));
        let Some(article) = document().query_selector("article.reader").ok().flatten() else {
            return;
        };
        // Entity ids and offsets are URL-safe (ARCHITECTURE.md), so they quote safely.
        mark_only(
            &article,
            "sel",
            entity.map(|id| format!("mark[data-entity=\"{id}\"]")),
        );
        mark_only(
            &article,
            "current",
            mention.map(|m| format!("mark[data-start=\"{m}\"]")),
        );
    });
}

/// The article's blocks in parts of about [`PART`] bytes of text each, in order.
fn parts(blocks: &[dossier_core::model::Block]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (bi, b) in blocks.iter().enumerate() {
        if bi + 1 == blocks.len() || b.range.end - blocks[start].range.start >= PART {
            out.push(start..bi + 1);
            start = bi + 1;
        }
    }
    out
}

/// About how many bytes of text an article's part holds: the blocks of one are laid out
/// together or not at all (`.part`, `content-visibility` in web/own.css).
const PART: usize = 16_000;

/// About how many milliseconds of a frame go to drawing the rest of an article (the
/// browser lays out and paints after them): docs/performance.md.
const BUDGET: f64 = 8.0;

/// How many frames after a scroll to a mark it is scrolled to again, should the parts
/// around it, placed at an estimated height until laid out, have moved it.
const SETTLE: u8 = 3;

/// Scrolls `el` to the middle of the view, then again in each of the next `frames`.
fn center(el: web_sys::Element, frames: u8) {
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
    if frames > 0 && el.is_connected() {
        request_animation_frame(move || center(el, frames - 1));
    }
}

/// The page's clock, in milliseconds.
fn now() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// Gives `class` to the marks of `article` that match `selector`, and to no other.
fn mark_only(article: &web_sys::Element, class: &str, selector: Option<String>) {
    let each = |query: &str, on: bool| {
        let Ok(list) = article.query_selector_all(query) else {
            return;
        };
        for k in 0..list.length() {
            if let Some(el) = list.item(k).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                let _ = el.class_list().toggle_with_force(class, on);
            }
        }
    };
    each(&format!("mark.{class}"), false);
    if let Some(q) = selector {
        each(&q, true);
    }
}

/// The open article's parts not yet drawn, shared by the frames that draw them and the
/// effects that must find a mark in them first.
type Drawing = std::rc::Rc<std::cell::RefCell<Option<Pending>>>;

/// An article being drawn: its body, how, its parts, the next one to start, and the
/// part being drawn with its blocks left.
struct Pending {
    body: web_sys::Element,
    draw: Draw,
    parts: Vec<Range<usize>>,
    next: usize,
    part: web_sys::Element,
    left: Range<usize>,
}

/// Draws blocks of the open article until `deadline` (on [`now`]'s clock) has passed or
/// the part being drawn is finished, starting the next part if none is; false when
/// nothing is left (or the reader closed).
fn draw_next(drawing: &Drawing, deadline: f64) -> bool {
    let mut pending = drawing.borrow_mut();
    let Some(p) = pending.as_mut() else {
        return false;
    };
    // An article no longer shown (another opened, or the views mounted again on new
    // data, their signals disposed: reading them would panic) is drawn no further, even
    // in the middle of a part.
    if !p.body.is_connected() || (p.left.is_empty() && p.next >= p.parts.len()) {
        *pending = None;
        return false;
    }
    if p.left.is_empty() {
        p.part = p.draw.part(&p.body, &p.parts[p.next]);
        p.left = p.parts[p.next].clone();
        p.next += 1;
    }
    for bi in p.left.by_ref() {
        p.draw.paragraph(&p.part, bi);
        if now() > deadline {
            break;
        }
    }
    true
}

/// Draws the rest of the open article, for [`BUDGET`] ms a frame. An article opened
/// while this runs replaces what is pending, so the frames go on with it.
fn draw_rest(drawing: Drawing) {
    request_animation_frame(move || {
        let deadline = now() + BUDGET;
        let mut more = true;
        while more && now() < deadline {
            more = draw_next(&drawing, deadline);
        }
        if more {
            draw_rest(drawing);
        }
    });
}

/// Draws parts of the open article until a mark matching `selector` is drawn: a
/// mention or hit stepped to before its part's frame came.
fn draw_until(drawing: &Drawing, selector: &str) {
    let found = || {
        document()
            .query_selector(&format!("article.reader {selector}"))
            .ok()
            .flatten()
            .is_some()
    };
    while !found() && draw_next(drawing, f64::INFINITY) {}
}

/// What the open article is drawn with: its document, the labels hidden, the search's
/// hits (byte ranges, in order), and where to read what is selected (a part drawn later
/// is drawn marked as the effects above mark the drawn ones).
struct Draw {
    d: &'static Data,
    doc: usize,
    hide: Vec<Label>,
    hits: Vec<Range<usize>>,
    nav: Navigator,
    at: RwSignal<Option<usize>>,
    /// The article's body, and its width in pixels once read, for a part's height before
    /// it is laid out: read when a part first needs it, so that opening an article lays
    /// out nothing before its first frame.
    body: web_sys::Element,
    width: std::cell::Cell<Option<f64>>,
    /// Whether the article opens at its top (no mention to scroll to): its first part is
    /// then laid out in the first frame and needs no height estimated.
    top: bool,
}

impl Draw {
    /// A new part of `body` for the blocks `part`, empty, its height until laid out
    /// estimated from their text (but the first of an article opened at its top, laid out
    /// in the first frame): lines of about 0.42 of the font size a character, at the
    /// stylesheet's `.block` font (1.08rem/1.75) and gap (1rem), so that the parts around
    /// a mark scrolled to move it little once laid out.
    fn part(&self, body: &web_sys::Element, part: &Range<usize>) -> web_sys::Element {
        let div = dom::el("div", "part", "");
        let _ = body.append_with_node_1(&div);
        if self.top && part.start == 0 {
            // Laid out in the first frame: its size is kept from then on (`auto`).
            dom::set_attr(&div, "style", Some("contain-intrinsic-size:auto none"));
            return div;
        }
        let width = self.width.get().unwrap_or_else(|| {
            let w = f64::from(self.body.client_width().max(200));
            self.width.set(Some(w));
            w
        });
        let (font, gap) = (1.08 * 16.0, 16.0);
        let per_line = (width / (font * 0.42)).max(1.0);
        let blocks = &self.d.analysis.docs[self.doc].blocks[part.clone()];
        let px: f64 = blocks
            .iter()
            .filter(|b| b.zone != Zone::Title)
            .map(|b| (b.range.len() as f64 / per_line).ceil() * font * 1.75 + gap)
            .sum();
        // As a whole number: formatting a float would add its code to the wasm.
        let size = format!("contain-intrinsic-size:auto {}px", px as u32);
        dom::set_attr(&div, "style", Some(&size));
        div
    }

    /// Block `bi` (none for the headline) as a paragraph of `part`; a caption's or site
    /// text's tag is the stylesheet's (`.block[data-zone]`), as in the loader's first look
    /// (web/boot.js).
    fn paragraph(&self, part: &web_sys::Element, bi: usize) {
        let zone = self.d.analysis.docs[self.doc].blocks[bi].zone;
        if zone != Zone::Title {
            let p = dom::el("p", "block", "");
            dom::set_attr(&p, "data-zone", Some(zone.code()));
            self.block(&p, bi, true);
            let _ = part.append_with_node_1(&p);
        }
    }

    /// Block `bi`'s text in `parent`, its mentions as `<mark>`s (hidden labels stay plain
    /// text) and the search's hits marked. With `named`, each mention is a button whose
    /// accessible name is "name, label".
    fn block(&self, parent: &web_sys::Element, bi: usize, named: bool) {
        let (text, a) = (
            &self.d.corpus.documents[self.doc].text,
            &self.d.analysis.docs[self.doc],
        );
        let range = a.blocks[bi].range.clone();
        let mut at = range.start;
        let (sel, mention) = self.nav.state.with_untracked(|s| (s.selected.clone(), s.mention));
        // Mentions are in text order: this block's start where the earlier ones end.
        let first = a.mentions.partition_point(|m| m.block < bi);
        for m in a.mentions[first..].iter().take_while(|m| m.block == bi) {
            if m.range.start < at || self.hide.contains(&m.label) {
                continue;
            }
            self.text(parent, at..m.range.start);
            let e = &self.d.analysis.entities[m.entity];
            let class = match (sel.as_deref() == Some(&e.id), mention == Some(m.range.start)) {
                (true, true) => "sel current",
                (true, false) => "sel",
                (false, true) => "current",
                (false, false) => "",
            };
            let mark = dom::el("mark", class, "");
            dom::set_attr(&mark, "data-label", Some(m.label.code()));
            dom::set_attr(&mark, "data-entity", Some(&e.id));
            dom::set_attr(&mark, "data-start", Some(&m.range.start.to_string()));
            if named {
                // The name starts with the visible text (WCAG 2.5.3), then says who it is.
                let (written, shown) = (&text[m.range.clone()], name(e));
                let label = if written == shown {
                    format!("{shown}, {}", m.label.name())
                } else {
                    format!("{written} ({shown}, {})", m.label.name())
                };
                dom::set_attr(&mark, "role", Some("button"));
                dom::set_attr(&mark, "tabindex", Some("-1"));
                dom::set_attr(&mark, "aria-label", Some(&label));
            }
            self.text(&mark, m.range.clone());
            let _ = parent.append_with_node_1(&mark);
            at = m.range.end;
        }
        self.text(parent, at..range.end);
    }

    /// The text of `range` in `parent`, the parts that are search hits as
    /// `<mark class="hit">`s, each carrying its hit's number (a hit across a mention's
    /// edge is marked in pieces, so that marks nest).
    fn text(&self, parent: &web_sys::Element, range: Range<usize>) {
        let text = &self.d.corpus.documents[self.doc].text;
        let mut at = range.start;
        let from = self.hits.partition_point(|h| h.end <= range.start);
        for (k, h) in self.hits.iter().enumerate().skip(from) {
            if h.start >= range.end {
                break;
            }
            let (start, end) = (h.start.max(range.start), h.end.min(range.end));
            if start >= end {
                continue;
            }
            if start > at {
                let _ = parent.append_with_str_1(&text[at..start]);
            }
            let class = if self.at.get_untracked() == Some(k) {
                "hit current-hit"
            } else {
                "hit"
            };
            let mark = dom::el("mark", class, &text[start..end]);
            dom::set_attr(&mark, "data-hit", Some(&k.to_string()));
            let _ = parent.append_with_node_1(&mark);
            at = end;
        }
        if at < range.end {
            let _ = parent.append_with_str_1(&text[at..range.end]);
        }
    }
}

/// "hit 2 of 7" with previous and next buttons, while the open article has hits of the
/// search; the count is announced politely as it changes.
#[component]
fn HitStepper() -> impl IntoView {
    let hits = crate::app::context::<Hits>();
    let n = move || hits.list.with(Vec::len);
    let text = move || match hits.at.get() {
        Some(k) if k < n() => format!("hit {} of {}", k + 1, n()),
        _ => count(n(), "hit"),
    };
    view! {
        <div class="stepper hit-stepper" role="group" aria-label="Search hits" hidden=move || n() == 0>
            <span aria-live="polite">{text}</span>
            <button type="button" on:click=move |_| { step_hit(hits, -1); } aria-label="Previous hit" title="Previous hit (Shift+H, or Shift+Enter in the search box)">"‹"</button>
            <button type="button" on:click=move |_| { step_hit(hits, 1); } aria-label="Next hit" title="Next hit (h, or Enter in the search box)">"›"</button>
        </div>
    }
}

/// "Vladimir Putin: 3 of 12" with previous and next buttons, for the selected entity.
#[component]
fn MentionStepper() -> impl IntoView {
    let nav = crate::app::context::<Navigator>();
    let d = data();
    move || {
        let s = nav.state.get();
        let starts = selected_mentions(d, &s);
        let name = s
            .selected
            .as_deref()
            .and_then(|id| d.analysis.entity(id))
            .map(|(_, e)| name(e).to_string())?;
        if starts.is_empty() {
            return Some(
                view! { <span class="stepper">{format!("{name} is not mentioned here")}</span> }.into_any(),
            );
        }
        let pos = s.mention.and_then(|m| starts.iter().position(|&x| x == m));
        let where_ = match pos {
            Some(p) => format!("{} of {}", p + 1, starts.len()),
            None => count(starts.len(), "mention"),
        };
        Some(
            view! {
                <div class="stepper" role="group" aria-label=format!("Mentions of {name}")>
                    <span>{format!("{name}: {where_}")}</span>
                    <button type="button" on:click=move |_| { step_mention(nav, -1); } aria-label="Previous mention" title="Previous mention (p)">"‹"</button>
                    <button type="button" on:click=move |_| { step_mention(nav, 1); } aria-label="Next mention" title="Next mention (n)">"›"</button>
                </div>
            }
            .into_any(),
        )
    }
}
