//! The analysis on several threads, for builds of large corpora (native only: feature
//! `fs`; the page's wasm and the engine worker run [`super::Analyser`] on one thread).
//! The result is [`super::analyse_with`]'s, exactly, whatever the number of threads.
//!
//! The two passes are per document; what ties the documents together is the lexicon of
//! people that pass 1 builds in corpus order (document `i` is read knowing the people
//! of documents `0..i`), and the corpus-level steps after pass 2 (grouping into
//! entities, dates), which run once, on one thread; the quotes, found per document once
//! the grouping has placed the mentions, are on the threads again.
//!
//! - **Pass 1**, a round of documents at a time (one document, then twice as many each
//!   round up to [`ROUND`]: a block read with the empty lexicon depends on its being
//!   empty, so the first documents teach it its first people before many are read): the
//!   threads read the round's documents with the lexicon as it was at the round's
//!   start, recording the lexicon's
//!   answers each block depended on (`recognise::Deps`); then, in corpus order, each document's
//!   blocks whose answers the lexicon of the documents before it gives again are kept
//!   (recognition is a function of the block and those answers, the lexicon only grows,
//!   and the people a document teaches come from strong cues, which a short form's
//!   renewed person never is), the others are read again, and the document teaches the
//!   lexicon its people. The lexicon is then exactly the one-thread lexicon.
//! - **Pass 2** with the settled lexicon: documents are independent; batches are taken
//!   by the threads in turn and their results joined in corpus order.

use super::{assemble, first_pass, second_pass, FirstPass, Layout, SecondPass};
use crate::corpus::{Corpus, Document};
use crate::curation::Curation;
use crate::model::{Analysis, DocAnalysis, Quote};
use crate::normal::Lookup;
use crate::recognise::{recognise_tokens, BlockFacts, Deps, Lexicon, Scratch};
use crate::text::KeptTokens;
use std::num::NonZeroUsize;
use std::ops::Range;
use std::sync::Mutex;

/// Documents read ahead by pass 1 with one lexicon: large enough to keep the threads
/// busy, small enough that few blocks meet a person taught within the round.
pub const ROUND: usize = 256;
/// Documents a thread takes at once in pass 2.
const BATCH: usize = 16;

/// [`super::analyse_with`] on `threads` threads: the same analysis.
pub fn analyse(corpus: &Corpus, curation: &Curation, threads: NonZeroUsize) -> Analysis {
    // One thread reads the documents one after the other anyway: with rounds of one
    // document, each is read with the lexicon of all before it, and none is read again.
    let round = if threads.get() == 1 { 1 } else { ROUND };
    analyse_in_rounds(corpus, curation, threads.get(), round)
}

/// [`analyse`] with pass 1 read ahead at most `round` documents at a time (tests use
/// small rounds, so that many blocks are read again).
#[doc(hidden)]
pub fn analyse_in_rounds(corpus: &Corpus, curation: &Curation, threads: usize, round: usize) -> Analysis {
    let threads = threads.max(1);
    let (lexicon, firsts) = pass_one(corpus, threads, round.max(1));
    let out = pass_two(corpus, &lexicon, firsts, threads);
    let find_quotes = |corpus: &Corpus, docs: &[DocAnalysis], tokens: Vec<Option<KeptTokens>>| {
        quotes_on_threads(corpus, docs, &tokens, threads)
    };
    assemble(corpus, out, curation, &find_quotes).0
}

/// Each document's quotes and their work ([`super::quotes_in_turn`]'s), found in batches
/// of documents on `threads` threads: the documents are independent once their mentions
/// are placed (at 2,000 articles the quotes were a sixth of the instructions left on the
/// main thread).
fn quotes_on_threads(
    corpus: &Corpus,
    docs: &[DocAnalysis],
    tokens: &[Option<KeptTokens>],
    threads: usize,
) -> Vec<(Vec<Quote>, usize)> {
    let batches: Vec<Range<usize>> = (0..docs.len())
        .step_by(BATCH)
        .map(|start| start..(start + BATCH).min(docs.len()))
        .collect();
    let mut states = vec![(); threads];
    let found = in_order(&mut states, batches, |batch, _| {
        let one = |i: usize| {
            let kept = tokens.get(i).and_then(Option::as_ref);
            crate::quotes::find_counting_in(&corpus.documents[i], &docs[i], kept)
        };
        batch.map(one).collect::<Vec<_>>()
    });
    found.into_iter().flatten().collect()
}

/// What pass 1 keeps of a document: its lookup text (when not in NFC), layout and
/// result.
type First = (Option<Lookup>, Layout, FirstPass);

/// Pass 1 over every document, a round at a time; the settled lexicon and each
/// document's result.
fn pass_one(corpus: &Corpus, threads: usize, round: usize) -> (Lexicon, Vec<First>) {
    let docs = &corpus.documents;
    let mut lexicon = Lexicon::default();
    let mut firsts: Vec<First> = Vec::with_capacity(docs.len());
    let mut scratch = Scratch::default();
    // Each thread's buffers, kept from round to round: with one thread a round is one
    // document, and fresh buffers would be allocated and grown again for each.
    let mut states: Vec<Scratch> = std::iter::repeat_with(Scratch::default).take(threads).collect();
    let mut work = 0;
    for Range { start, end } in rounds(docs.len(), round) {
        let known = &lexicon;
        let read = |di: usize, scratch: &mut Scratch| {
            let lookup = crate::normal::lookup(&docs[di]);
            let d = lookup.as_ref().map_or(&docs[di], |l| &l.doc);
            let (layout, first) = first_pass(d, known, scratch, &mut 0);
            (lookup, layout, first)
        };
        let ahead = in_order(&mut states, (start..end).collect(), read);
        for (i, (lookup, layout, first)) in ahead.into_iter().enumerate() {
            let d = lookup.as_ref().map_or(&docs[start + i], |l| &l.doc);
            let first = confirm(d, &layout, first, &lexicon, &mut scratch, &mut work);
            lexicon.learn(&d.text, start + i, &first.found);
            firsts.push((lookup, layout, first));
        }
    }
    let texts = docs.iter().zip(&firsts);
    lexicon.settle(texts.map(|(d, (l, _, _))| l.as_ref().map_or(&*d.text, |l| &*l.doc.text)));
    (lexicon, firsts)
}

/// The rounds of pass 1 over `n` documents: one document, then twice as many each round,
/// up to `max`.
fn rounds(n: usize, max: usize) -> impl Iterator<Item = Range<usize>> {
    let (mut start, mut size) = (0, 1);
    std::iter::from_fn(move || {
        let round = start..(start + size).min(n);
        (start, size) = (round.end, (2 * size).min(max));
        (!round.is_empty()).then_some(round)
    })
}

/// Document `d`'s pass-1 result `first`, made with an older lexicon, as `lexicon` would
/// make it: each block whose recorded answers `lexicon` gives again is kept, any other
/// is read again.
fn confirm(
    d: &Document,
    layout: &Layout,
    first: FirstPass,
    lexicon: &Lexicon,
    scratch: &mut Scratch,
    work: &mut usize,
) -> FirstPass {
    let text = &*d.text;
    let deps_of = |bi: usize| {
        let from = if bi == 0 { 0 } else { first.deps_end[bi - 1] };
        &first.deps.0[from..first.deps_end[bi]]
    };
    let holds: Vec<bool> = (0..layout.blocks.len())
        .map(|bi| Deps::hold(deps_of(bi), text, lexicon))
        .collect();
    if holds.iter().all(|&h| h) {
        return first;
    }
    let mut out = FirstPass {
        sentences: first.sentences,
        ..FirstPass::default()
    };
    let mut found = first.found.into_iter();
    let (mut found_start, mut deps_start) = (0, 0);
    scratch.read_document_again(text, &layout.blocks, first.tokens.as_ref(), first.evidence);
    out.tokens = first.tokens;
    for (bi, r) in layout.blocks.iter().enumerate() {
        let block_found = found.by_ref().take(first.found_end[bi] - found_start);
        let block_deps = &first.deps.0[deps_start..first.deps_end[bi]];
        (found_start, deps_start) = (first.found_end[bi], first.deps_end[bi]);
        if holds[bi] {
            out.found.extend(block_found);
            out.deps.0.extend_from_slice(block_deps);
            out.work.push(first.work[bi]);
        } else {
            block_found.for_each(drop);
            scratch.forget_decisions(r.clone());
            scratch.load_block(bi);
            let from = out.sentences.partition_point(|s| s.start < r.start);
            let to = out.sentences.partition_point(|s| s.start < r.end);
            let block = BlockFacts {
                title_case: layout.title_case[bi],
                sentences: &out.sentences[from..to],
            };
            let before = *work;
            let (deps, found) = (Some(&mut out.deps), &mut out.found);
            recognise_tokens(text, lexicon, block, Some(&mut *work), deps, scratch, found);
            out.work.push(*work - before);
        }
        out.found_end.push(out.found.len());
        out.deps_end.push(out.deps.0.len());
    }
    out.evidence = scratch.take_evidence();
    out
}

/// Pass 2 over every document with the settled `lexicon`, in batches on `threads`
/// threads, joined in corpus order.
fn pass_two<'c>(corpus: &'c Corpus, lexicon: &Lexicon, firsts: Vec<First>, threads: usize) -> SecondPass<'c> {
    let docs = &corpus.documents;
    let mut lookups = Vec::with_capacity(firsts.len());
    let mut batches: Vec<Vec<(usize, Layout, FirstPass)>> = Vec::new();
    for (di, (lookup, layout, first)) in firsts.into_iter().enumerate() {
        lookups.push(lookup);
        match batches.last_mut() {
            Some(b) if b.len() < BATCH => b.push((di, layout, first)),
            _ => batches.push(vec![(di, layout, first)]),
        }
    }
    let mut states: Vec<Scratch> = std::iter::repeat_with(Scratch::default).take(threads).collect();
    let parts = in_order(&mut states, batches, |batch, scratch: &mut Scratch| {
        let mut out = SecondPass {
            scratch: std::mem::take(scratch),
            ..SecondPass::default()
        };
        // Room for the batch's results, pass 1's names counted (pass 2 adds a few):
        // grown from nothing, they would be copied several times a batch.
        let names: usize = batch.iter().map(|(_, _, first)| first.found.len()).sum();
        out.raws.reserve(names);
        out.placed.reserve(names);
        out.docs.reserve(batch.len());
        out.tokens.reserve(batch.len());
        for (di, layout, first) in batch {
            let lookup = lookups[di].as_ref();
            second_pass(di, &docs[di], lookup, layout, first, lexicon, &mut out);
        }
        *scratch = std::mem::take(&mut out.scratch);
        out
    });
    join(parts)
}

/// The batches' results, one after the other.
fn join(parts: Vec<SecondPass<'_>>) -> SecondPass<'_> {
    let mut all = SecondPass::default();
    all.raws.reserve(parts.iter().map(|p| p.raws.len()).sum());
    all.placed.reserve(parts.iter().map(|p| p.placed.len()).sum());
    all.docs.reserve(parts.iter().map(|p| p.docs.len()).sum());
    all.tokens.reserve(parts.iter().map(|p| p.tokens.len()).sum());
    for p in parts {
        all.raws.extend(p.raws);
        all.placed.extend(p.placed);
        all.docs.extend(p.docs);
        all.tokens.extend(p.tokens);
        all.work += p.work;
    }
    all
}

/// `f(item, state)` for every item, in order, computed on as many threads as `states`
/// (each with its own state, kept for the next call) that take the next item in turn.
fn in_order<I: Send, T: Send, S: Send>(
    states: &mut [S],
    items: Vec<I>,
    f: impl Fn(I, &mut S) -> T + Sync,
) -> Vec<T> {
    if states.len() <= 1 || items.len() <= 1 {
        let state = states.first_mut().expect("at least one thread's state");
        return items.into_iter().map(|i| f(i, state)).collect();
    }
    let queue = Mutex::new(items.into_iter().enumerate());
    let (queue, f) = (&queue, &f);
    let mut done: Vec<(usize, T)> = std::thread::scope(|s| {
        let workers: Vec<_> = states
            .iter_mut()
            .map(|state| {
                s.spawn(move || {
                    let mut out = Vec::new();
                    // The lock is held only to take the next item.
                    while let Some((k, item)) = queue.lock().ok().and_then(|mut q| q.next()) {
                        out.push((k, f(item, state)));
                    }
                    out
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("an analysis thread panicked"))
            .collect()
    });
    done.sort_unstable_by_key(|(k, _)| *k);
    done.into_iter().map(|(_, t)| t).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Meta;

    fn doc(file: &str, text: &str) -> Document {
        Document::new(file.to_string(), text.to_string(), Meta::default()).unwrap()
    }

    #[test]
    fn rounds_double_from_one_document_up_to_the_largest() {
        let sizes: Vec<usize> = rounds(40, 8).map(|r| r.len()).collect();
        assert_eq!(sizes, [1, 2, 4, 8, 8, 8, 8, 1]);
        assert_eq!(rounds(3, 1).collect::<Vec<_>>(), [0..1, 1..2, 2..3]);
        assert_eq!(rounds(0, 256).count(), 0);
    }

    #[test]
    fn a_document_read_with_an_older_lexicon_is_confirmed_as_the_newer_would_read_it() {
        let teacher = doc(
            "a.txt",
            "Harbour plan approved\n\nAnna Kowalczyk, the port director, said the plan would go ahead.",
        );
        let reader = doc(
            "b.txt",
            "Director returns\n\nKowalczyk arrived in Gdansk on Monday.\n\nOfficials met Kowalczyk later.",
        );
        let mut scratch = Scratch::default();
        let mut lexicon = Lexicon::default();
        let (_, taught) = first_pass(&teacher, &lexicon, &mut scratch, &mut 0);
        lexicon.learn(&teacher.text, 0, &taught.found);
        let (layout, old) = first_pass(&reader, &Lexicon::default(), &mut scratch, &mut 0);
        let (_, new) = first_pass(&reader, &lexicon, &mut scratch, &mut 0);
        assert_ne!(old.found, new.found, "the lexicon changes this reading");
        let confirmed = confirm(&reader, &layout, old, &lexicon, &mut scratch, &mut 0);
        assert_eq!(confirmed.found, new.found);
        assert_eq!(confirmed.found_end, new.found_end);
        assert_eq!(confirmed.deps_end.len(), layout.blocks.len());
    }
}
