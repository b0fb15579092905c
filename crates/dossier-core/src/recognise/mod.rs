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
//!    place or facility ("Kestrel Policy Centre", "Harbour and Rail Forum", "Spirit of
//!    Aurora 2 gas pipeline"); otherwise known pieces stand alone and runs of unknown
//!    words are people when the context says so: a title or role before them, "said"
//!    around them, an apposition (", director of …"), a photo credit ("Name/Agency"), a
//!    surname shape, or a position inside a sentence.
//!
//! Headlines in Title Case capitalise every word, so there only known names count.
//! Words glued together by a scraper ("TehranIt") are split only where both halves
//! are known: a capitalised function word after a known name.
//!
//! ```
//! use dossier_core::recognise::{recognise_block, Lexicon};
//! use dossier_core::Label;
//!
//! let text = "French President Claire Dubois met Li Wenbo at the Kestrel Policy Center.";
//! let found: Vec<(&str, Label)> = recognise_block(text, 0..text.len(), &Lexicon::default(), false)
//!     .iter()
//!     .map(|c| (&text[c.range.clone()], c.label))
//!     .collect();
//! assert_eq!(found, [("French", Label::Norp), ("Claire Dubois", Label::Person),
//!     ("Li Wenbo", Label::Person), ("Kestrel Policy Center", Label::Org)]);
//! ```
//!
//! # The stages, one module each
//!
//! A block goes through `recognise_tokens` (here), in order:
//!
//! 1. `glued`: words glued together by a scraper are split into two tokens.
//! 2. Marks: the values ([`crate::values`]: DATE, MONEY, PERCENT) that names stop at,
//!    less the days that end a holiday's name (`observances`: "Good Friday"), and the
//!    sentence starts, where a capital says nothing.
//! 3. `pieces`: level 1.
//! 4. `names`: level 2, with `unknown` deciding the runs of unknown words; an event
//!    takes the year after its name (`names`), the ordinal word before it and a Roman
//!    "I" after it (`ordinals`).
//! 5. The values join the names, in text order.
//!
//! `context` holds the questions asked of a token (its word, capital, table names,
//! titles, shape) and `cues` the word lists they read. `lexicon` is the corpus-level
//! part: the people introduced so far ([`Lexicon`]), and the lexicon answers each block
//! depended on, so that [`crate::analysis`]'s second pass recognises again only the
//! blocks whose answers changed.

mod caps;
mod clubs;
mod consistency;
mod context;
mod cues;
mod datelines;
mod events;
mod glued;
mod lexicon;
mod names;
mod observances;
mod ordinals;
mod pieces;
mod repeats;
mod unknown;

pub(crate) use caps::find as find_caps_names;
pub(crate) use clubs::find as find_club_names;
pub(crate) use consistency::make_consistent_in;
pub(crate) use datelines::find as find_datelines;
pub(crate) use events::{find as find_events, EventWords};
pub use lexicon::{full_key, Lexicon};
pub(crate) use lexicon::{is_acronym_form, Deps};
pub(crate) use repeats::{find as find_repeats, Capitals};

use crate::gazetteer::{Gazetteer, Lengths};
use crate::label::Label;
use crate::text::{is_capitalised, lower_into, sentences, tokenize, DocTokens, KeptTokens, Token, TokenKind};
use crate::values;
use context::Ctx;
use glued::split_glued;
use names::join_pieces;
use pieces::{find_pieces, Piece};
use std::ops::Range;

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
    let mut scratch = Scratch::default();
    scratch.read_document(text, std::slice::from_ref(&(0..text.len())));
    scratch.toks = tokenize(text, range);
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

/// The document's tokens, the block's, and the buffers that [`recognise_tokens`] reuses
/// from block to block (a block would otherwise allocate half a dozen).
#[derive(Default)]
pub(crate) struct Scratch {
    /// The document's tokens, block by block ([`Scratch::read_document`]).
    pub(crate) doc: DocTokens,
    /// The block's tokens ([`Scratch::load_block`]); splitting glued words adds to them.
    pub(crate) toks: Vec<Token>,
    vals: Vec<values::Value>,
    covered: Vec<bool>,
    next_covered: Vec<usize>,
    initial: Vec<bool>,
    pieces: Vec<(usize, usize, Piece)>,
    key: String,
    lower: String,
    /// The document's evidence for the learned decision, kept from block to block.
    evidence: crate::decide::DocEvidence,
}

impl Scratch {
    /// Tokenizes the document of `text` whose blocks are `blocks`, for the blocks and
    /// stages that read it next; its evidence is indexed on its first question.
    pub(crate) fn read_document(&mut self, text: &str, blocks: &[Range<usize>]) {
        self.read_document_again(text, blocks, None, None);
    }

    /// [`Scratch::read_document`] for a document read before, whose tokens were `tokens`
    /// then ([`DocTokens::keep`]), if they were kept: they are not tokenized again; and
    /// whose evidence was `kept` ([`Scratch::take_evidence`]), if it was indexed: it is
    /// not indexed again.
    pub(crate) fn read_document_again(
        &mut self,
        text: &str,
        blocks: &[Range<usize>],
        tokens: Option<&KeptTokens>,
        kept: Option<crate::decide::DocEvidence>,
    ) {
        match tokens {
            Some(tokens) => self.doc.restore(tokens),
            None => self.doc.tokenize(text, blocks),
        }
        match kept {
            Some(evidence) => self.evidence.put(evidence),
            None => self.evidence.forget(),
        }
    }

    /// The tokens of the document of `text` read last, and its evidence, indexed from
    /// them if its recognition did not index it yet.
    pub(crate) fn document_evidence(&mut self, text: &str) -> (&[Token], &mut crate::decide::DocEvidence) {
        self.evidence.index_tokens(text, self.doc.all());
        (self.doc.all(), &mut self.evidence)
    }

    /// The evidence of the document read last, if its recognition indexed it, to keep
    /// for the next reading of the document.
    pub(crate) fn take_evidence(&mut self) -> Option<crate::decide::DocEvidence> {
        self.evidence.take()
    }

    /// Ends the document's first reading: from now on the learned decision answers each
    /// surface on the scores of all its mentions asked about so far
    /// ([`crate::decide::pool`]).
    pub(crate) fn pool_decisions(&mut self) {
        self.evidence.pool.close();
    }

    /// Whether the answers the learned decision gave inside `block` in the first reading
    /// stand once pooled ([`Scratch::pool_decisions`]): if not, the block is read again.
    pub(crate) fn decisions_hold(&self, block: Range<usize>) -> bool {
        self.evidence.pool.holds(block)
    }

    /// Drops the first reading's questions inside `block`, about to be read again.
    pub(crate) fn forget_decisions(&mut self, block: Range<usize>) {
        self.evidence.pool.forget_in(block);
    }

    /// Makes block `b` of the document read last the block to recognise.
    pub(crate) fn load_block(&mut self, b: usize) {
        self.toks.clear();
        self.toks.extend_from_slice(self.doc.block(b));
    }
}

/// The workhorse: recognises the entities of one block's tokens (`scratch.toks`, of the
/// document `scratch.doc`) and appends them to `out`, in order (what `out` holds already is from earlier blocks: it
/// stays before).
/// `work` counts elementary steps (for the linearity test).
///
/// The steps: split glued words, mark the values and sentence starts, find the pieces
/// (level 1), join them into names (level 2), add the values.
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
        doc,
        toks,
        vals,
        covered,
        next_covered,
        initial,
        pieces,
        key,
        lower,
        evidence,
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
    values::scan_into(text, toks, vals);
    observances::release_holiday_days(text, toks, vals);
    mark_values(vals, toks.len(), covered, next_covered);
    mark_sentence_starts(toks, block_sentences, initial);
    let mut cx = Ctx {
        text,
        toks,
        doc: doc.all(),
        g: Gazetteer::get(),
        lex,
        key: std::mem::take(key),
        lower: std::mem::take(lower),
        deps,
        lengths_at: (usize::MAX, Lengths::default()),
        evidence: std::mem::take(evidence),
    };
    let marks = Marks {
        covered,
        next_covered,
        initial,
        title_case,
    };
    find_pieces(&mut cx, &marks, pieces);
    join_pieces(&mut cx, pieces, &marks, out);
    names::take_years(&cx, marks.covered, &mut out[earlier_blocks..]);
    ordinals::take_ordinals(&cx, &mut out[earlier_blocks..]);
    ordinals::take_roman_one(&cx, &mut out[earlier_blocks..]);
    (*key, *lower, *evidence) = (cx.key, cx.lower, cx.evidence);
    // Values, merged in order; a year an event's name took ("Harvest Games 2019") is
    // the event's.
    let events = event_ranges(&out[earlier_blocks..]);
    for v in vals
        .iter()
        .filter(|v| v.end > v.start + 1 || !inside(&events, toks[v.start].start))
    {
        out.push(Candidate {
            range: toks[v.start].start..toks[v.end - 1].end,
            label: v.label,
            source: Source::Value,
        });
    }
    crate::order::sort_by_key(&mut out[earlier_blocks..], |c| c.range.start);
}

/// The ranges of the events among `found`, in text order.
fn event_ranges(found: &[Candidate]) -> Vec<std::ops::Range<usize>> {
    let mut events: Vec<_> = found
        .iter()
        .filter(|c| c.label == Label::Event)
        .map(|c| c.range.clone())
        .collect();
    crate::order::sort_by_key(&mut events, |r| r.start);
    events
}

/// Whether byte `at` lies inside one of the sorted, disjoint `ranges`.
fn inside(ranges: &[std::ops::Range<usize>], at: usize) -> bool {
    let k = ranges.partition_point(|r| r.start <= at);
    k > 0 && ranges[k - 1].contains(&at)
}

/// What is known of a block's tokens before its pieces are found.
struct Marks<'a> {
    /// Whether each token is part of a value (DATE, MONEY, PERCENT).
    covered: &'a [bool],
    /// For each token, the index of the next covered token (or the token count): names
    /// stop there.
    next_covered: &'a [usize],
    /// Whether each token starts a sentence (its capital says nothing).
    initial: &'a [bool],
    /// The block is a headline in Title Case (every capital says nothing).
    title_case: bool,
}

/// Marks the `n` tokens that the values `vals` cover, and for each token the next
/// covered one.
fn mark_values(vals: &[values::Value], n: usize, covered: &mut Vec<bool>, next_covered: &mut Vec<usize>) {
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
}

/// Marks the sentence-initial tokens of `toks`: the first one after any punctuation
/// that opens each of `sentences`.
fn mark_sentence_starts(toks: &[Token], sentences: &[Range<usize>], initial: &mut Vec<bool>) {
    let n = toks.len();
    initial.clear();
    initial.resize(n, false);
    let mut k = 0;
    for s in sentences {
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
        let v = found("Floods Threaten the Danube Harvest Across Serbia");
        assert_eq!(
            v,
            [
                ("Danube".to_string(), Label::Loc),
                ("Serbia".to_string(), Label::Gpe)
            ]
        );
    }

    #[test]
    fn possessives_stay_out_of_spans() {
        let v = found("Brazil’s exports and Hamas’ ceasefire");
        assert!(
            has(&v, "Brazil", Label::Gpe) && has(&v, "Hamas", Label::Org),
            "{v:?}"
        );
    }
}
