//! The analysis engine's driver: a corpus in, its [`Analysis`] out (zones, sentences,
//! mentions, entities, resolved dates), by two passes of recognition over each document
//! and a grouping of the mentions into entities. The data types are in [`crate::model`].

use crate::alias::{group, Raw};
use crate::corpus::Corpus;
use crate::curation::Curation;
use crate::label::Label;
use crate::model::Quote;
pub use crate::model::{Alias, Analysis, Block, DocAnalysis, Entity, Mention, Zone};
use crate::normal::{is_all_caps, lexicon_form, Lookup};
use crate::recognise::{
    is_title_case, recognise_tokens, BlockFacts, Candidate, Deps, Lexicon, Scratch, Source,
};
use crate::text::KeptTokens;
use std::borrow::Cow;
use std::ops::Range;

pub mod extend;
#[cfg(feature = "fs")]
pub mod threads;

/// Analyses every document of `corpus` (no curation; see [`analyse_with`]).
pub fn analyse(corpus: &Corpus) -> Analysis {
    analyse_with(corpus, &Curation::default())
}

/// Analyses every document of `corpus`, applying the publisher's `curation`.
///
/// Two passes: the first finds the people each document introduces with a strong cue
/// (a given name, a title, "said"), the second finds every mention again with those
/// people known, so that "Putin" in a headline is found from "Vladimir Putin" further
/// down. Then mentions are grouped into entities across the corpus.
pub fn analyse_with(corpus: &Corpus, curation: &Curation) -> Analysis {
    analyse_counting(corpus, curation).0
}

/// [`analyse_with`], also returning a count of elementary steps (tokens visited, and the
/// words and mentions the linking of short forms visits), which the tests use to check
/// that the work grows linearly with the text.
///
/// Each block is tokenized once, in pass 1, which also records which of the lexicon's
/// answers its result depended on ([`Deps`]). In pass 2 a block is recognised again only
/// when the final lexicon answers one of those questions differently; otherwise its
/// pass-1 result is the pass-2 result (recognition is a function of the block and those
/// answers) once its short forms name the final lexicon's people ([`Deps::renew`]), so
/// the output is exactly that of recognising every block twice.
#[doc(hidden)]
pub fn analyse_counting(corpus: &Corpus, curation: &Curation) -> (Analysis, usize) {
    let mut analyser = Analyser::new(corpus);
    while analyser.step() {}
    analyser.finish_counting(curation)
}

/// A corpus's analysis run one document at a time, so that its caller can do other
/// work between the steps (the web app draws its progress at a large corpus):
///
/// ```
/// use dossier_core::analysis::Analyser;
/// use dossier_core::corpus::{Corpus, Document, Meta};
/// use dossier_core::Curation;
///
/// let text = "Putin meets Xi\n\nVladimir Putin arrived in Beijing. Mr. Putin smiled.";
/// let corpus = Corpus::new(vec![Document::new("a.txt", text, Meta::default()).unwrap()]);
/// let mut analyser = Analyser::new(&corpus);
/// while analyser.step() {
///     let (done, of) = analyser.progress(); // e.g. drawn as a progress bar
///     assert!(0 < done && done <= of);
/// }
/// assert_eq!(analyser.progress(), (5, 5));
/// let analysis = analyser.finish(&Curation::default());
/// assert_eq!(analysis, dossier_core::analyse(&corpus));
/// assert!(analysis.entities.iter().any(|e| e.canonical == "Vladimir Putin"));
/// ```
///
/// The steps are the two passes over each document ([`analyse_with`]) and, between
/// them, the settling of the people the first pass found; the grouping into entities
/// runs in [`Analyser::finish`].
pub struct Analyser<'c> {
    corpus: &'c Corpus,
    /// The people the documents read so far introduce.
    lexicon: Lexicon,
    /// Whether the lexicon is final (every document read, then settled).
    settled: bool,
    /// The first pass's results, one per document read; taken by the second pass.
    firsts: Vec<(Layout, FirstPass)>,
    /// The lookup text of each document read that is not in NFC ([`crate::normal`]):
    /// both passes read it, and their ranges are taken back to the document's text.
    lookups: Vec<Option<Lookup>>,
    /// How many documents the first pass has read.
    read: usize,
    /// The second pass's results so far.
    out: SecondPass<'c>,
}

impl<'c> Analyser<'c> {
    /// An analysis of `corpus` with no step taken yet.
    pub fn new(corpus: &'c Corpus) -> Self {
        let n = corpus.documents.len();
        Analyser {
            corpus,
            lexicon: Lexicon::default(),
            settled: false,
            firsts: Vec::with_capacity(n),
            lookups: Vec::with_capacity(n),
            read: 0,
            out: SecondPass {
                raws: Vec::new(),
                placed: Vec::new(),
                docs: Vec::with_capacity(n),
                tokens: Vec::with_capacity(n),
                scratch: Scratch::default(),
                work: 0,
            },
        }
    }

    /// Takes the next step: the first pass over the next document, the settling of the
    /// lexicon, or the second pass over the next document. False when none was left.
    pub fn step(&mut self) -> bool {
        let docs = &self.corpus.documents;
        if let Some(d) = docs.get(self.read) {
            let out = &mut self.out;
            let lookup = crate::normal::lookup(d);
            let d = lookup.as_ref().map_or(d, |l| &l.doc);
            let (layout, first) = first_pass(d, &self.lexicon, &mut out.scratch, &mut out.work);
            self.lexicon.learn(&d.text, self.read, &first.found);
            self.firsts.push((layout, first));
            self.lookups.push(lookup);
            self.read += 1;
        } else if !self.settled {
            let texts = docs.iter().zip(&self.lookups);
            self.lexicon
                .settle(texts.map(|(d, l)| l.as_ref().map_or(&*d.text, |l| &*l.doc.text)));
            self.settled = true;
            // About as many mentions as pass 1 found.
            let mentions = self.firsts.iter().map(|(_, f)| f.found.len()).sum();
            self.out.raws.reserve(mentions);
            self.out.placed.reserve(mentions);
        } else if let Some(next) = self.firsts.get_mut(self.out.docs.len()) {
            let (layout, first) = std::mem::take(next);
            let di = self.out.docs.len();
            let lookup = self.lookups[di].as_ref();
            second_pass(di, &docs[di], lookup, layout, first, &self.lexicon, &mut self.out);
        } else {
            return false;
        }
        true
    }

    /// The index of the document the next step's first pass reads, if any is left.
    pub fn reading(&self) -> Option<usize> {
        (self.read < self.corpus.documents.len()).then_some(self.read)
    }

    /// How much of the work is done, as (done, of): five units a document, four for its
    /// first pass and one for its second, which mostly reuses the first's results.
    pub fn progress(&self) -> (usize, usize) {
        (
            4 * self.read + self.out.docs.len(),
            5 * self.corpus.documents.len(),
        )
    }

    /// The analysis, with the publisher's `curation` applied; takes first any step not
    /// yet taken.
    pub fn finish(self, curation: &Curation) -> Analysis {
        self.finish_counting(curation).0
    }

    fn finish_counting(mut self, curation: &Curation) -> (Analysis, usize) {
        while self.step() {}
        assemble(self.corpus, self.out, curation, &quotes_in_turn)
    }
}

/// Finds each document's quotes and counts the work, given the documents' analyses
/// (mentions placed) and the tokens pass 2 kept of each: [`quotes_in_turn`] on one
/// thread, or spread over the analysis threads ([`threads`]).
pub(crate) type FindQuotes<'f> =
    dyn Fn(&Corpus, &[DocAnalysis], Vec<Option<KeptTokens>>) -> Vec<(Vec<Quote>, usize)> + Sync + 'f;

/// Each document's quotes and their work, one document after the other.
pub(crate) fn quotes_in_turn(
    corpus: &Corpus,
    docs: &[DocAnalysis],
    tokens: Vec<Option<KeptTokens>>,
) -> Vec<(Vec<Quote>, usize)> {
    let mut tokens = tokens.into_iter();
    let docs = corpus.documents.iter().zip(docs);
    docs.map(|(doc, a)| crate::quotes::find_counting_in(doc, a, tokens.next().flatten().as_ref()))
        .collect()
}

/// The corpus-level steps after pass 2 (`out`, every document's): the grouping into
/// entities, each mention's entity, the quotes (by `find_quotes`), the dates resolved.
/// Returns the work counted too.
pub(crate) fn assemble(
    corpus: &Corpus,
    out: SecondPass<'_>,
    curation: &Curation,
    find_quotes: &FindQuotes<'_>,
) -> (Analysis, usize) {
    let SecondPass {
        raws,
        placed,
        mut docs,
        tokens,
        work,
        ..
    } = out;
    let grouping = group(&raws, curation);
    let mut work = work + grouping.work;
    for (i, (di, range, block)) in placed.into_iter().enumerate() {
        if let Some(entity) = grouping.entity_of[i] {
            add_mention(&mut docs[di], range, block, entity, &grouping.entities);
        }
    }
    let found = find_quotes(corpus, &docs, tokens);
    for (a, (quotes, quote_work)) in docs.iter_mut().zip(found) {
        a.quotes = quotes;
        work += quote_work;
    }
    let dates = crate::resolve::date_mentions(corpus, &docs);
    let analysis = Analysis {
        docs,
        entities: grouping.entities,
        dates,
    };
    (analysis, work)
}

/// Adds to `doc` (whose mentions so far end before `range`) the mention at `range` in
/// block `block` of entity `entity` (of `entities`).
pub(crate) fn add_mention(
    doc: &mut DocAnalysis,
    range: Range<usize>,
    block: usize,
    entity: usize,
    entities: &[Entity],
) {
    let sentence = doc.sentences.partition_point(|s| s.end <= range.start);
    doc.mentions.push(Mention {
        range,
        label: entities[entity].label,
        entity,
        block,
        sentence,
    });
}

// The passes run one call per document, never inlined: a browser first runs wasm with a
// baseline compiler and uses optimised code from a function's next call on, so a loop
// over the whole corpus inside one call would run unoptimised to its end
// (docs/performance.md).

/// Pass 1 over document `d`: its layout, and each block's sentences, title case,
/// candidates and the lexicon answers they depend on.
#[inline(never)]
pub(crate) fn first_pass(
    d: &crate::corpus::Document,
    lexicon: &Lexicon,
    scratch: &mut Scratch,
    work: &mut usize,
) -> (Layout, FirstPass) {
    let mut layout = Layout::new(d);
    let mut first = FirstPass::default();
    // One entry a block in each: room for all of them up front.
    let blocks = layout.blocks.len();
    first.work.reserve_exact(blocks);
    first.found_end.reserve_exact(blocks);
    first.deps_end.reserve_exact(blocks);
    scratch.read_document(&d.text, &layout.blocks);
    for (bi, r) in layout.blocks.iter().enumerate() {
        scratch.load_block(bi);
        let toks = &scratch.toks;
        // Only short blocks can be headlines; a block in capitals reads as one.
        let tc = r.len() <= 400 && toks.len() <= 40 && is_title_case(&d.text, toks)
            || crate::normal::written_in_capitals(&d.text, toks);
        layout.title_case.push(tc);
        let sentences_before = first.sentences.len();
        first.sentences.extend(crate::text::sentences(&d.text, toks));
        let block = BlockFacts {
            title_case: tc,
            sentences: &first.sentences[sentences_before..],
        };
        let work_before = *work;
        recognise_tokens(
            &d.text,
            lexicon,
            block,
            Some(&mut *work),
            Some(&mut first.deps),
            scratch,
            &mut first.found,
        );
        first.work.push(*work - work_before);
        first.found_end.push(first.found.len());
        first.deps_end.push(first.deps.0.len());
    }
    first.evidence = scratch.take_evidence();
    first.tokens = scratch.doc.keep();
    (layout, first)
}

/// What pass 2 gathers over the documents (whose text it borrows).
#[derive(Default)]
pub(crate) struct SecondPass<'a> {
    /// Every mention's surface and grouping key, in corpus order.
    pub(crate) raws: Vec<Raw<'a>>,
    /// Where each of `raws` is: document, range, block.
    pub(crate) placed: Vec<(usize, Range<usize>, usize)>,
    /// Each document's analysis, mentions still to come.
    pub(crate) docs: Vec<DocAnalysis>,
    /// Each document's tokens, kept for the quote finder (`None`: tokenized again).
    pub(crate) tokens: Vec<Option<KeptTokens>>,
    /// Recognition's token buffer and scratch space, shared by the documents.
    pub(crate) scratch: Scratch,
    /// Tokens visited.
    pub(crate) work: usize,
}

/// A stage of the second pass that finds names the others missed: given the names found
/// so far (in text order), the document's tokens and the work counter, the names it adds,
/// each with its block.
type Stage<'a> = dyn Fn(&[Candidate], &crate::text::DocTokens, &mut usize) -> Vec<(usize, Candidate)> + 'a;

/// Pass 2 over document `di`: each block's pass-1 candidates where the final lexicon
/// answers as pass 1 saw it, else the block recognised again. Both passes read the
/// document's `lookup` text when it has one; the ranges kept are in `d`'s text.
#[inline(never)]
pub(crate) fn second_pass<'c>(
    di: usize,
    d: &'c crate::corpus::Document,
    lookup: Option<&Lookup>,
    layout: Layout,
    mut first: FirstPass,
    lexicon: &Lexicon,
    out: &mut SecondPass<'c>,
) {
    let text: &str = lookup.map_or(&d.text, |l| &l.doc.text);
    // A range of the lookup text in the document's text.
    let original = |r: &Range<usize>| lookup.map_or(r.clone(), |l| l.map.range_to_original(r));
    let (evidence, tokens) = (first.evidence.take(), first.tokens.take());
    out.scratch
        .read_document_again(text, &layout.blocks, tokens.as_ref(), evidence);
    out.scratch.pool_decisions();
    let (sentences, mut found) = block_candidates(di, text, &original, &layout, first, lexicon, out);
    // The document's event words, from the evidence pass 2 holds (indexed once a
    // document): consistency and the event stage both read them.
    let event_words = {
        let (toks, ev) = out.scratch.document_evidence(text);
        crate::recognise::EventWords::of(text, toks, ev)
    };
    crate::recognise::make_consistent_in(text, &mut found, &mut out.scratch, &event_words);
    let datelines = crate::recognise::find_datelines(text, &layout.blocks, &mut found);
    add_found(di, &original, datelines, &mut found, out);
    let capitals = crate::recognise::Capitals {
        title_case: &layout.title_case,
        sentences: &sentences,
    };
    // The stages over the document's tokens, in order: each reads the names those before
    // it added.
    let stages: [&Stage; 5] = [
        &|found, toks, work| crate::recognise::find_repeats(text, &capitals, found, toks, work),
        &|found, toks, work| crate::recognise::find_events(text, &capitals, &event_words, found, toks, work),
        &|found, toks, work| crate::recognise::find_caps_names(text, found, toks, work),
        &|found, toks, work| crate::recognise::find_club_names(text, &capitals, found, toks, work),
        &|found, toks, work| crate::short_forms::find(text, found, toks, &lexicon.acronyms, work),
    ];
    for stage in stages {
        let more = stage(&found, &out.scratch.doc, &mut out.work);
        add_found(di, &original, more, &mut found, out);
    }
    push_raws(di, d, lookup, &original, found, lexicon, out);
    let blocks = layout
        .blocks
        .iter()
        .zip(&layout.zones)
        .map(|(r, z)| Block {
            range: original(r),
            zone: *z,
        })
        .collect();
    let sentences = match lookup {
        Some(_) => sentences.iter().map(original).collect(),
        None => sentences,
    };
    out.docs.push(DocAnalysis {
        blocks,
        sentences,
        mentions: Vec::new(),
        quotes: Vec::new(),
    });
    // The quote finder reads the document's own text: the tokens of a lookup text
    // are not its tokens.
    out.tokens.push(tokens.filter(|_| lookup.is_none()));
}

/// The candidates of document `di` (its lookup `text`), block by block: pass 1's where
/// the final lexicon answers as pass 1 saw it, else the block recognised again; each
/// placed in `out.placed`. Returns the document's sentences too.
fn block_candidates(
    di: usize,
    text: &str,
    original: &dyn Fn(&Range<usize>) -> Range<usize>,
    layout: &Layout,
    first: FirstPass,
    lexicon: &Lexicon,
    out: &mut SecondPass<'_>,
) -> (Vec<Range<usize>>, Vec<Candidate>) {
    let FirstPass {
        sentences,
        work: block_work,
        found: first_found,
        found_end,
        deps,
        deps_end,
        ..
    } = first;
    let mut found = Vec::new();
    let mut first_found = first_found.into_iter();
    let (mut found_start, mut deps_start) = (0, 0);
    for (bi, r) in layout.blocks.iter().enumerate() {
        let before = found.len();
        let block_found = first_found.by_ref().take(found_end[bi] - found_start);
        let block_deps = &deps.0[deps_start..deps_end[bi]];
        (found_start, deps_start) = (found_end[bi], deps_end[bi]);
        if Deps::hold(block_deps, text, lexicon) && out.scratch.decisions_hold(r.clone()) {
            // Counted as a visit of the block's tokens: checking the answers costs
            // at most a few lookups per token.
            out.work += block_work[bi];
            found.extend(block_found);
            Deps::renew(block_deps, text, lexicon, &mut found[before..]);
        } else {
            block_found.for_each(drop);
            out.scratch.load_block(bi);
            // The block's sentences: no sentence crosses a block.
            let first = sentences.partition_point(|s| s.start < r.start);
            let end = sentences.partition_point(|s| s.start < r.end);
            let block = BlockFacts {
                title_case: layout.title_case[bi],
                sentences: &sentences[first..end],
            };
            recognise_tokens(
                text,
                lexicon,
                block,
                Some(&mut out.work),
                None,
                &mut out.scratch,
                &mut found,
            );
        }
        for c in &found[before..] {
            out.placed.push((di, original(&c.range), bi));
        }
    }
    (sentences, found)
}

/// Adds document `di`'s candidates `found` (in its lookup `text`) to `out.raws`, each
/// with its surface in `d`'s text and its grouping key.
fn push_raws<'c>(
    di: usize,
    d: &'c crate::corpus::Document,
    lookup: Option<&Lookup>,
    original: &dyn Fn(&Range<usize>) -> Range<usize>,
    found: Vec<Candidate>,
    lexicon: &Lexicon,
    out: &mut SecondPass<'c>,
) {
    let text: &str = lookup.map_or(&d.text, |l| &l.doc.text);
    let mut previous: Option<Range<usize>> = None;
    for c in found {
        let surface = &d.text[original(&c.range)];
        // Keys come from the lookup text: a name reads the same in any normal form.
        let looked_up: Cow<'c, str> = match lookup {
            Some(_) => Cow::Owned(text[c.range.clone()].to_string()),
            None => Cow::Borrowed(surface),
        };
        let (key, settled) = grouping_key(c.label, c.source, looked_up, lexicon);
        let key = crate::value_key::of(c.label, key);
        let scoped = (c.label == Label::Date)
            .then(|| crate::value_key::scoped_key(&key, di, d.meta.published))
            .flatten();
        let before = previous.replace(c.range.clone());
        let named = before
            .clone()
            .and_then(|p| crate::alias::defined::around(text, p, c.range.clone()));
        out.raws.push(Raw {
            doc: di,
            label: c.label,
            surface,
            key,
            settled,
            in_parens: named.is_some(),
            parens_name: named
                .filter(|r| Some(r) != before.as_ref())
                .map(|r| &d.text[original(&r)]),
            scoped,
        });
    }
}

/// Adds to document `di`'s candidates `found` (placed last in `out.placed`) the
/// `extra` ones (each with its block) that a later stage found, keeping both in text
/// order: the names a document repeats ([`crate::recognise::find_repeats`]), the short
/// forms of its full names ([`crate::short_forms`]).
fn add_found(
    di: usize,
    original: &dyn Fn(&Range<usize>) -> Range<usize>,
    extra: Vec<(usize, Candidate)>,
    found: &mut Vec<Candidate>,
    out: &mut SecondPass<'_>,
) {
    if extra.is_empty() {
        return;
    }
    let from = out.placed.len() - found.len();
    let mut all: Vec<(usize, Candidate, bool)> = out
        .placed
        .drain(from..)
        .map(|(_, _, bi)| bi)
        .zip(found.drain(..))
        .map(|(bi, c)| (bi, c, false))
        .collect();
    all.extend(extra.into_iter().map(|(bi, c)| (bi, c, true)));
    // By start, the longer first: an extra name that covers found parts of it
    // (a repeated name, `recognise::find_repeats`) comes before them and replaces them.
    crate::order::sort_by(&mut all, |a, b| {
        let key = |c: &Candidate| (c.range.start, std::cmp::Reverse(c.range.end));
        key(&a.1).cmp(&key(&b.1))
    });
    let mut covered_until = 0;
    for (bi, c, extra) in all {
        if !extra && c.range.start < covered_until {
            continue;
        }
        if extra {
            covered_until = c.range.end;
        }
        out.placed.push((di, original(&c.range), bi));
        found.push(c);
    }
}

/// The grouping key of a candidate of `label` found by `source` and written `surface`,
/// and whether it is settled evidence: a table's canonical name, a person's full name,
/// a value.
fn grouping_key<'a>(
    label: Label,
    source: Source,
    surface: Cow<'a, str>,
    lexicon: &Lexicon,
) -> (Cow<'a, str>, bool) {
    match source {
        Source::Table(canon) => (Cow::Borrowed(canon), true),
        Source::Person { canonical, .. } => {
            let k = canonical.map_or(surface, Cow::Owned);
            // A name from the lexicon is copied: the results outlive this step, and
            // the lexicon may not be borrowed across steps (`Analyser`).
            let known = if k.contains(' ') {
                lexicon.full.get(k.as_ref()).map(String::as_str)
            } else {
                lexicon.short_form(&k)
            };
            let k = known.map_or(k, |c| Cow::Owned(c.to_owned()));
            let settled = k.contains(' ');
            (k, settled)
        }
        // Most values ("2024", "last week") are lower case already.
        Source::Value if surface.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) => (surface, true),
        Source::Value => (Cow::Owned(crate::case::lower_str(&surface)), true),
        Source::Composed => match abbreviation_without_period(&surface, label) {
            Some(canonical) => (Cow::Borrowed(canonical), true),
            // A place in capitals (a dateline's "MANCHESTER") as names are written; not
            // a code of three letters or fewer ("PHX").
            None if matches!(label, Label::Gpe | Label::Loc)
                && surface.chars().count() > 3
                && surface.split(' ').all(is_all_caps) =>
            {
                let words: Vec<Cow<str>> = surface.split(' ').map(lexicon_form).collect();
                (Cow::Owned(words.join(" ")), false)
            }
            None => (surface, false),
        },
    }
}

/// The tables' canonical name of `surface` (a name of `label`) when it is a dotted
/// abbreviation they know with that label, written without its last period ("U.K" for
/// "U.K."): recognition leaves the period to a sentence end, or the writer dropped it.
fn abbreviation_without_period(surface: &str, label: Label) -> Option<&'static str> {
    if !surface.contains('.') || surface.ends_with('.') || surface.len() > 12 {
        return None;
    }
    let g = crate::gazetteer::Gazetteer::get();
    let known = g.name(&format!("{surface}."))?;
    (known.label == label).then_some(known.canonical)
}

/// What pass 1 keeps of a document for pass 2.
#[derive(Default)]
pub(crate) struct FirstPass {
    /// Sentences of all blocks (they do not depend on the lexicon).
    pub(crate) sentences: Vec<Range<usize>>,
    /// Work (tokens visited) of each block.
    pub(crate) work: Vec<usize>,
    /// Candidates of all blocks; block `b`'s end at `found_end[b]`.
    pub(crate) found: Vec<Candidate>,
    pub(crate) found_end: Vec<usize>,
    /// Lexicon answers of all blocks; block `b`'s end at `deps_end[b]`.
    pub(crate) deps: Deps,
    pub(crate) deps_end: Vec<usize>,
    /// The learned decision's evidence of the document, if a question indexed it: kept
    /// for the blocks read again, so that it is built once.
    pub(crate) evidence: Option<crate::decide::DocEvidence>,
    /// The document's tokens, kept for its next reading (`None`: tokenized again).
    pub(crate) tokens: Option<KeptTokens>,
}

/// A document's blocks in text order, their zones and whether each is in Title Case
/// (filled in pass 1).
#[derive(Default)]
pub(crate) struct Layout {
    pub(crate) blocks: Vec<Range<usize>>,
    pub(crate) zones: Vec<Zone>,
    pub(crate) title_case: Vec<bool>,
}

impl Layout {
    #[inline(never)]
    pub(crate) fn new(d: &crate::corpus::Document) -> Layout {
        let mut blocks: Vec<Range<usize>> = d.headline.iter().cloned().collect();
        blocks.extend(d.paragraphs.iter().cloned());
        let zones = crate::zone::classify(&d.text, &blocks, d.headline.is_some());
        Layout {
            title_case: Vec::with_capacity(blocks.len()),
            blocks,
            zones,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dotted_abbreviation_without_its_last_period_keeps_its_table_name() {
        assert_eq!(
            abbreviation_without_period("U.K", Label::Gpe),
            Some("United Kingdom")
        );
        assert_eq!(abbreviation_without_period("U.K", Label::Org), None);
        assert_eq!(abbreviation_without_period("UK", Label::Gpe), None);
    }

    #[test]
    fn a_name_in_parentheses_or_square_brackets_follows_the_previous_one() {
        let text = "the Velmoran Rail Board (VRB) and the Tarn Guard [TG] and Ostby (OS";
        let at = |s: &str| text.find(s).unwrap()..text.find(s).unwrap() + s.len();
        let after = |prev: &str, s: &str| crate::alias::defined::around(text, at(prev), at(s)).is_some();
        assert!(after("Velmoran Rail Board", "VRB"));
        assert!(after("Tarn Guard", "TG"));
        assert!(!after("Ostby", "OS"), "unclosed");
        assert!(!after("VRB", "Tarn Guard"));
    }
}
