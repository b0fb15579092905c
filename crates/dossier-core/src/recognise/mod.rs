//! Named-entity recognition over one block: rules, tables and context cues, in one
//! left-to-right pass over the tokens.
//!
//! Two levels:
//!
//! 1. **Pieces.** Each capitalised token starts the longest of: a name from the tables
//!    (places, organisations, demonyms), a person the corpus already knows (the
//!    [`Lexicon`]), a title ("Mr.", "Secretary of State"), a person introduced by a
//!    given name ("Max Hess") or by a family name written first ("Xi Jinping"), or an
//!    unknown capitalised word.
//! 2. **Names.** Adjacent pieces that end in a head word become one organisation, event,
//!    place or facility ("Carnegie Russia Eurasia Centre", "Belt and Road Forum", "Power
//!    of Siberia 2 gas pipeline"); otherwise known pieces stand alone and runs of unknown
//!    words are people when the context says so: a title or role before them, "said"
//!    around them, an apposition (", director of …"), a photo credit ("Name/Agency"), a
//!    surname shape, or a position inside a sentence.
//!
//! Headlines in Title Case capitalise every word, so there only known names count.
//! Words glued together by a scraper ("Putinafter", "TehranIt") are split when one part
//! is a known name and the other a function word or a capitalised word.
//!
//! ```
//! use dossier_core::recognise::{recognise_block, Lexicon};
//! use dossier_core::Label;
//!
//! let text = "Russian President Vladimir Putin met Xi Jinping at the Stimson Center.";
//! let found: Vec<(&str, Label)> = recognise_block(text, 0..text.len(), &Lexicon::default(), false)
//!     .iter()
//!     .map(|c| (&text[c.range.clone()], c.label))
//!     .collect();
//! assert_eq!(found, [("Russian", Label::Norp), ("Vladimir Putin", Label::Person),
//!     ("Xi Jinping", Label::Person), ("Stimson Center", Label::Org)]);
//! ```
//!
//! The stages, one module each: [`lexicon`] (the people the corpus knows, and the
//! answers recognition took from it), `glued` (splitting glued words), `context` (the
//! questions asked of a token), `pieces` (level 1), `names` and `unknown` (level 2), with
//! the word lists in `cues`. [`recognise_tokens`] runs them over one block.

mod context;
mod cues;
mod glued;
mod lexicon;
mod names;
mod pieces;
mod unknown;

pub use lexicon::{full_key, Lexicon};
pub(crate) use lexicon::{Dep, Deps};

use crate::gazetteer::{Gazetteer, Known, Lengths};
use crate::label::Label;
use crate::text::{is_capitalised, lower_into, sentences, tokenize, Token, TokenKind};
use crate::values;
use context::Ctx;
use cues::{CONNECTORS, FIELD_WORDS};
use glued::split_glued;
use lexicon::span_of;
use names::{compose, head_label};
use pieces::Piece;
use std::ops::Range;
use unknown::classify_unknown;

/// Where a candidate's label comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A table entry, with its canonical name.
    Table(&'static str),
    /// A person: the full-name key when the recogniser knows it.
    Person {
        /// Canonical full name when known ("Vladimir Putin" for "Putin").
        canonical: Option<String>,
        /// Found by a strong cue (given name, title, "said"), not only by the lexicon.
        strong: bool,
    },
    /// A value expression (DATE, MONEY, PERCENT).
    Value,
    /// Composed from capitalised words and a head word, or an unknown acronym.
    Composed,
}

/// One recognised mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Byte range in the document's text.
    pub range: Range<usize>,
    /// Its label.
    pub label: Label,
    /// Where the label comes from.
    pub source: Source,
}

/// Recognises the entities of one block `range` of `text`. `lexicon` holds the people
/// known so far; `title_case` says the block is a headline in Title Case.
pub fn recognise_block(
    text: &str,
    range: Range<usize>,
    lexicon: &Lexicon,
    title_case: bool,
) -> Vec<Candidate> {
    let mut scratch = Scratch {
        toks: tokenize(text, range),
        ..Scratch::default()
    };
    let mut out = Vec::new();
    let block = BlockFacts {
        title_case,
        sentences: &sentences(text, &scratch.toks),
    };
    recognise_tokens(text, lexicon, block, None, None, &mut scratch, &mut out);
    out
}

/// What the caller knows of a block before recognising its tokens.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BlockFacts<'a> {
    /// The block is a headline in Title Case.
    pub(crate) title_case: bool,
    /// Its [`sentences`] over its tokens as tokenized (before glued words are split).
    pub(crate) sentences: &'a [Range<usize>],
}

/// Whether a block reads as a headline in Title Case: most of its longer words
/// capitalised.
#[inline(never)]
pub fn is_title_case(text: &str, toks: &[Token]) -> bool {
    let g = Gazetteer::get();
    let mut words = 0;
    let mut caps = 0;
    let mut lower = String::new();
    for t in toks {
        let w = t.text(text);
        if t.kind != TokenKind::Word || w.chars().count() < 4 || t.hyphen {
            continue;
        }
        lower_into(w, &mut lower);
        if g.stop(&lower).is_some_and(|k| k == "function") {
            continue;
        }
        words += 1;
        if is_capitalised(w) {
            caps += 1;
        }
    }
    // Headlines do not end with a full stop; sentences full of names do.
    let ends_sentence = toks
        .last()
        .is_some_and(|t| matches!(t.text(text), "." | "!" | "?" | "”" | "\""));
    !ends_sentence && words >= 2 && caps * 4 >= words * 3
}

/// The block's tokens and the buffers that [`recognise_tokens`] reuses from block to
/// block (a block would otherwise allocate half a dozen).
#[derive(Default)]
pub(crate) struct Scratch {
    /// The block's tokens: the caller tokenizes the block into it; splitting glued
    /// words adds to them.
    pub(crate) toks: Vec<Token>,
    vals: Vec<values::Value>,
    covered: Vec<bool>,
    next_covered: Vec<usize>,
    initial: Vec<bool>,
    pieces: Vec<(usize, usize, Piece)>,
    key: String,
    lower: String,
}

/// The workhorse: recognises the entities of one block's tokens (`scratch.toks`) and
/// appends them to `out`, in order (what `out` holds already is from earlier blocks: it
/// stays before).
/// `work` counts elementary steps (for the linearity test).
pub(crate) fn recognise_tokens(
    text: &str,
    lex: &Lexicon,
    block: BlockFacts,
    work: Option<&mut usize>,
    mut deps: Option<&mut Deps>,
    scratch: &mut Scratch,
    out: &mut Vec<Candidate>,
) {
    let Scratch {
        toks,
        vals,
        covered,
        next_covered,
        initial,
        pieces,
        key,
        lower,
    } = scratch;
    let title_case = block.title_case;
    let earlier_blocks = out.len();
    let tokenized = toks.len();
    split_glued(text, toks, lex, deps.as_deref_mut());
    let toks: &[Token] = toks;
    // Splitting only adds tokens: with none added, the sentences are the caller's.
    let split_sentences;
    let block_sentences = if toks.len() == tokenized {
        block.sentences
    } else {
        split_sentences = sentences(text, toks);
        &split_sentences
    };
    if let Some(w) = work {
        *w += toks.len();
    }
    let n = toks.len();
    values::scan_into(text, toks, vals);
    covered.clear();
    covered.resize(n, false);
    for v in vals.iter() {
        covered[v.start..v.end].iter_mut().for_each(|c| *c = true);
    }
    // For each token, the index of the next covered token (or n): names stop there.
    next_covered.clear();
    next_covered.resize(n + 1, n);
    for k in (0..n).rev() {
        next_covered[k] = if covered[k] { k } else { next_covered[k + 1] };
    }
    // Sentence-initial tokens.
    initial.clear();
    initial.resize(n, false);
    {
        let mut k = 0;
        for s in block_sentences {
            while k < n && toks[k].start < s.start {
                k += 1;
            }
            let mut m = k;
            while m < n && toks[m].kind == TokenKind::Punct && toks[m].start < s.end {
                m += 1;
            }
            if m < n {
                initial[m] = true;
            }
        }
    }
    let mut cx = Ctx {
        text,
        toks,
        g: Gazetteer::get(),
        lex,
        key: std::mem::take(key),
        lower: std::mem::take(lower),
        deps,
        lengths_at: (usize::MAX, Lengths::default()),
    };

    // Level 1: pieces.
    pieces.clear();
    let mut i = 0;
    while i < n {
        if covered[i] || !cx.cap(i) {
            i += 1;
            continue;
        }
        let w = cx.w(i);
        // "the West" as a bloc.
        if w == "West" && i > 0 && cx.lower_is(i - 1, &["the"]) && !cx.cap(i + 1) {
            pieces.push((
                i,
                i + 1,
                Piece::Known(Known {
                    label: Label::Loc,
                    canonical: "the West",
                    ambiguous: false,
                }),
            ));
            i += 1;
            continue;
        }
        let g = cx.gaz(i);
        let t = cx.title(i);
        let l = cx.lex_full(i);
        let glen = g.map_or(0, |(n, _)| n);
        let llen = l.as_ref().map_or(0, |(n, _)| *n);
        let limit = next_covered[i] - i;
        // "Senate Majority Leader Chuck Schumer": an organisation opening a title is its own name.
        let org_opens_title = g.is_some_and(|(len, k)| {
            len < t && k.label == Label::Org && !k.ambiguous && cx.title(i + len) > 0
        });
        // "trans-Atlantic", "cross-Channel": an adjective made from a place is not a name.
        if toks[i].hyphen
            && i > 0
            && cx.lower_is(i - 1, &["trans", "cross", "intra", "inter", "sub", "pre", "post"])
        {
            i += 1;
            continue;
        }
        if let Some((len, k)) = g.filter(|(len, k)| {
            !k.ambiguous && ((*len >= llen && *len >= t) || org_opens_title) && *len <= limit
        }) {
            pieces.push((i, i + len, Piece::Known(k)));
            i += len;
            continue;
        }
        if let Some((len, canon)) = l.filter(|(len, _)| *len >= t && *len <= limit) {
            pieces.push((
                i,
                i + len,
                Piece::Person {
                    canonical: Some(canon),
                    strong: false,
                },
            ));
            i += len;
            continue;
        }
        if t > 0 && t <= limit {
            pieces.push((i, i + t, Piece::Title));
            i += t;
            continue;
        }
        if let Some(len) = cx.person_chunk(i).filter(|&len| len <= limit) {
            {
                let canon = full_key(&text[toks[i].start..toks[i + len - 1].end]);
                pieces.push((
                    i,
                    i + len,
                    Piece::Person {
                        canonical: Some(canon),
                        strong: true,
                    },
                ));
                i += len;
                continue;
            }
        }
        // A capital at a sentence start or in a Title Case headline says nothing, unless
        // the word has a surname's shape.
        let short = lex
            .short_form(w)
            .filter(|_| lex.spreads(w, (initial[i] || title_case) && !cx.surname_shaped(i)))
            .map(str::to_string);
        if cx.deps.is_some() {
            let (a, b) = span_of(text, w);
            cx.note(if short.is_some() {
                Dep::Short(a, b)
            } else {
                Dep::NoShort(a, b)
            });
        }
        if let Some((len, k)) = g.filter(|(len, _)| *len <= limit) {
            // Ambiguous table names lose to a person the corpus knows.
            if short.is_none() {
                pieces.push((i, i + len, Piece::Known(k)));
                i += len;
                continue;
            }
            let _ = glen;
        }
        if let Some(canon) = short {
            pieces.push((
                i,
                i + 1,
                Piece::Person {
                    canonical: Some(canon),
                    strong: false,
                },
            ));
            i += 1;
            continue;
        }
        if cx.stop(i).is_some() {
            i += 1;
            continue;
        }
        pieces.push((i, i + 1, Piece::Unknown));
        i += 1;
    }

    // Level 2: names.
    let adjacent = |a: usize, b: usize| a == b;
    let mut p = 0;
    let mut last_title_end: Option<usize> = None;
    while p < pieces.len() {
        let (s, e, ref piece) = pieces[p];
        if *piece == Piece::Title {
            last_title_end = Some(e);
            p += 1;
            continue;
        }
        // Basic sequence: adjacent non-title pieces.
        let mut q = p + 1;
        while q < pieces.len() && adjacent(pieces[q - 1].1, pieces[q].0) && pieces[q].2 != Piece::Title {
            q += 1;
        }
        let mut seq_end_piece = q;
        let mut end_tok = pieces[q - 1].1;
        let mut composed: Option<Label> = None;
        if !title_case {
            // Try to extend over connectors while a head word makes one name of it.
            let mut qq = q;
            let mut ee = end_tok;
            loop {
                if let Some(c) = compose(&mut cx, s, ee, &pieces[p..qq]) {
                    composed = Some(c);
                    seq_end_piece = qq;
                    end_tok = ee;
                }
                // Connector + next sequence.
                if qq < pieces.len()
                    && ee < n
                    && cx.lower_is(ee, CONNECTORS)
                    && pieces[qq].0 == ee + 1
                    && pieces[qq].2 != Piece::Title
                {
                    let mut r = qq + 1;
                    while r < pieces.len()
                        && adjacent(pieces[r - 1].1, pieces[r].0)
                        && pieces[r].2 != Piece::Title
                    {
                        r += 1;
                    }
                    let cand_end = pieces[r - 1].1;
                    let ok = compose(&mut cx, s, cand_end, &pieces[p..r]);
                    let prefix_of = cx.lower_is(ee, &["of", "for", "on"]) && {
                        let lw = cx.w(ee - 1);
                        cx.g.org_head(lw).prefix
                            || cx.g.event_head(lw).prefix
                            || cx.g.loc_head(lw).prefix
                            || cx.g.fac_head(lw).prefix
                    };
                    if ok.is_some() || prefix_of {
                        // "Institute of Russian, East European and Central Asian Studies"
                        let mut r2 = r;
                        let mut end2 = cand_end;
                        if prefix_of {
                            let mut rr = r;
                            let mut et = cand_end;
                            loop {
                                let sep_and = cx.lower_is(et, &["and"]);
                                let sep_comma = cx.w(et) == ",";
                                if !(sep_and || sep_comma) || rr >= pieces.len() {
                                    break;
                                }
                                let gap = if sep_comma && cx.lower_is(et + 1, &["and"]) {
                                    2
                                } else {
                                    1
                                };
                                if pieces[rr].0 != et + gap {
                                    break;
                                }
                                let mut r3 = rr + 1;
                                while r3 < pieces.len() && adjacent(pieces[r3 - 1].1, pieces[r3].0) {
                                    r3 += 1;
                                }
                                et = pieces[r3 - 1].1;
                                rr = r3;
                                if FIELD_WORDS.contains(&cx.w(et - 1)) {
                                    r2 = rr;
                                    end2 = et;
                                    break;
                                }
                            }
                        }
                        qq = r2;
                        ee = end2;
                        let c2 = compose(&mut cx, s, ee, &pieces[p..qq]).or(if prefix_of {
                            Some(head_label(&cx, s, ee).unwrap_or(Label::Org))
                        } else {
                            None
                        });
                        if c2.is_some() {
                            composed = c2;
                            seq_end_piece = qq;
                            end_tok = ee;
                            continue;
                        }
                    }
                }
                break;
            }
            // A name followed by "… gas pipeline" is a facility.
            if composed.is_none() || composed == Some(Label::Loc) {
                let single_known =
                    seq_end_piece == p + 1 && matches!(pieces[p].2, Piece::Known(_) | Piece::Person { .. });
                let mut fac = cx.facility_noun_from(end_tok);
                // Try "X of Y N" too.
                if !fac && cx.lower_is(end_tok, &["of"]) && q < pieces.len() && pieces[q].0 == end_tok + 1 {
                    let mut r = q + 1;
                    while r < pieces.len() && adjacent(pieces[r - 1].1, pieces[r].0) {
                        r += 1;
                    }
                    let mut ee = pieces[r - 1].1;
                    if toks
                        .get(ee)
                        .is_some_and(|t| t.kind == TokenKind::Number && t.end - t.start <= 2)
                        && !covered[ee]
                    {
                        ee += 1;
                    }
                    fac = cx.facility_noun_from(ee);
                    if fac {
                        end_tok = ee;
                        seq_end_piece = r;
                    }
                } else if fac && !single_known {
                    if toks
                        .get(end_tok)
                        .is_some_and(|t| t.kind == TokenKind::Number && t.end - t.start <= 2)
                    {
                        end_tok += 1;
                    }
                } else {
                    fac = false;
                }
                if fac {
                    composed = Some(Label::Fac);
                }
            }
        }
        if let Some(label) = composed {
            // Trailing numerals belong to events and facilities ("World War II", "Power of Siberia 2").
            let mut e2 = end_tok;
            if matches!(label, Label::Event | Label::Fac)
                && toks
                    .get(e2)
                    .is_some_and(|t| t.kind == TokenKind::Number && t.end - t.start <= 2)
                && !covered[e2]
            {
                e2 += 1;
            }
            out.push(Candidate {
                range: toks[s].start..toks[e2 - 1].end,
                label,
                source: Source::Composed,
            });
            p = seq_end_piece;
            last_title_end = None;
            continue;
        }
        // Pieces one by one; runs of unknown words classified by context.
        let mut k = p;
        while k < q {
            let (a, b, ref pc) = pieces[k];
            match pc {
                Piece::Known(kn) => {
                    out.push(Candidate {
                        range: toks[a].start..toks[b - 1].end,
                        label: kn.label,
                        source: Source::Table(kn.canonical),
                    });
                    k += 1;
                }
                Piece::Person { canonical, strong } => {
                    out.push(Candidate {
                        range: toks[a].start..toks[b - 1].end,
                        label: Label::Person,
                        source: Source::Person {
                            canonical: canonical.clone(),
                            strong: *strong,
                        },
                    });
                    k += 1;
                }
                Piece::Title => {
                    k += 1;
                }
                Piece::Unknown => {
                    let mut m = k + 1;
                    while m < q && pieces[m].2 == Piece::Unknown {
                        m += 1;
                    }
                    let (ua, ub) = (a, pieces[m - 1].1);
                    let after_title =
                        last_title_end.is_some_and(|te| te == ua || (te + 1 == ua && cx.w(te) == ","));
                    if let Some(c) =
                        classify_unknown(&mut cx, ua, ub, after_title, initial[ua], title_case, out)
                    {
                        out.push(c);
                    }
                    k = m;
                }
            }
        }
        last_title_end = None;
        p = q;
    }
    (*key, *lower) = (cx.key, cx.lower);
    // Values, merged in order.
    for v in vals.iter() {
        out.push(Candidate {
            range: toks[v.start].start..toks[v.end - 1].end,
            label: v.label,
            source: Source::Value,
        });
    }
    crate::order::sort_by_key(&mut out[earlier_blocks..], |c| c.range.start);
}

#[cfg(test)]
mod testing {
    use super::*;

    /// The mentions `recognise_block` finds in `text` knowing no one.
    pub(super) fn found(text: &str) -> Vec<(String, Label)> {
        found_with(text, &Lexicon::default())
    }

    /// The mentions `recognise_block` finds in `text` knowing the people in `lex`.
    pub(super) fn found_with(text: &str, lex: &Lexicon) -> Vec<(String, Label)> {
        let toks = tokenize(text, 0..text.len());
        let tc = is_title_case(text, &toks);
        recognise_block(text, 0..text.len(), lex, tc)
            .into_iter()
            .map(|c| (text[c.range].to_string(), c.label))
            .collect()
    }

    /// Whether `v` holds the mention `s` with label `l`.
    pub(super) fn has(v: &[(String, Label)], s: &str, l: Label) -> bool {
        v.iter().any(|(t, x)| t == s && *x == l)
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{found, has};
    use super::*;

    #[test]
    fn title_case_headlines_only_take_known_names() {
        let v = found("Aligning Forces Amidst the Ukraine Conflict Reaffirm Ties");
        assert_eq!(v, [("Ukraine".to_string(), Label::Gpe)]);
    }

    #[test]
    fn possessives_stay_out_of_spans() {
        let v = found("Russia’s offensive and Hamas’ attack");
        assert!(
            has(&v, "Russia", Label::Gpe) && has(&v, "Hamas", Label::Org),
            "{v:?}"
        );
    }
}
