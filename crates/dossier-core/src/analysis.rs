//! The analysed corpus: zones, sentences, mentions and entities — the data contract
//! between the analysis core and every view.
//!
//! All offsets are byte ranges into the document's unchanged `text` (the CLI converts
//! them to code points). Documents in an [`Analysis`] are parallel to the corpus's.

use crate::alias::{group, Raw};
use crate::corpus::Corpus;
use crate::curation::Curation;
use crate::label::Label;
use crate::recognise::{
    is_title_case, recognise_tokens, BlockFacts, Candidate, Deps, Lexicon, Scratch, Source,
};
use crate::text::tokenize_into;
use std::borrow::Cow;
use std::ops::Range;

/// What part of a page a block of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Zone {
    /// The headline.
    Title,
    /// The article itself.
    Body,
    /// Photo captions, photo credits and contributor lines.
    Caption,
    /// Site residue: navigation, comment forms, "See also", "Must Read", related links.
    Boilerplate,
}

impl Zone {
    /// The lower-case name used in data files and the URL: `title`, `body`, …
    pub fn code(self) -> &'static str {
        match self {
            Zone::Title => "title",
            Zone::Body => "body",
            Zone::Caption => "caption",
            Zone::Boilerplate => "boilerplate",
        }
    }

    /// Whether the zone is part of the article proper (title or body).
    pub fn is_article(self) -> bool {
        matches!(self, Zone::Title | Zone::Body)
    }
}

/// A non-empty line of a document and its zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Byte range in the document's text (trimmed line).
    pub range: Range<usize>,
    /// What the block is.
    pub zone: Zone,
}

/// One mention of an entity in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte range in the document's text.
    pub range: Range<usize>,
    /// The label of this mention (the entity's label, unless curated otherwise).
    pub label: Label,
    /// Index of the entity in [`Analysis::entities`].
    pub entity: usize,
    /// Index of the block the mention is in.
    pub block: usize,
    /// Index of the sentence the mention is in.
    pub sentence: usize,
}

/// The analysis of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocAnalysis {
    /// The non-empty lines, in order, with their zones.
    pub blocks: Vec<Block>,
    /// Sentence byte ranges, in order; no sentence crosses a block.
    pub sentences: Vec<Range<usize>>,
    /// Mentions sorted by start offset, never overlapping.
    pub mentions: Vec<Mention>,
}

/// A surface form of an entity and how often it occurs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// The text as written, e.g. "Mr. Putin" is written "Putin" in the span.
    pub text: String,
    /// Mentions with this text.
    pub count: usize,
}

/// One real-world entity: all its mentions across the corpus under one name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Stable, URL-safe identifier, e.g. `person-vladimir-putin`.
    pub id: String,
    /// The canonical name, e.g. "Vladimir Putin".
    pub canonical: String,
    /// The entity's label.
    pub label: Label,
    /// Surface forms, most frequent first.
    pub aliases: Vec<Alias>,
    /// Number of mentions in the corpus (all zones).
    pub mentions: usize,
    /// Number of documents that mention it.
    pub documents: usize,
}

/// The analysis of a whole corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Analysis {
    /// One per corpus document, in the corpus's order.
    pub docs: Vec<DocAnalysis>,
    /// Every entity, sorted by label then by mentions (most first).
    pub entities: Vec<Entity>,
}

impl Analysis {
    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<(usize, &Entity)> {
        self.entities.iter().enumerate().find(|(_, e)| e.id == id)
    }
}

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

/// [`analyse_with`], also returning a count of elementary steps (tokens visited), which
/// the tests use to check that the work grows linearly with the text.
///
/// Each block is tokenized once, in pass 1, which also records which of the lexicon's
/// answers its result depended on ([`Deps`]). In pass 2 a block is recognised again only
/// when the final lexicon answers one of those questions differently; otherwise its
/// pass-1 result is the pass-2 result (recognition is a function of the block and those
/// answers) once its short forms name the final lexicon's people ([`Deps::renew`]), so
/// the output is exactly that of recognising every block twice.
#[doc(hidden)]
pub fn analyse_counting(corpus: &Corpus, curation: &Curation) -> (Analysis, usize) {
    let mut work = 0usize;
    let mut lexicon = Lexicon::default();
    let mut scratch = Scratch::default();
    // Pass 1: people introduced with strong cues; sentences, title case, and each
    // block's candidates with the lexicon answers they depend on.
    let mut firsts = Vec::with_capacity(corpus.documents.len());
    for (di, d) in corpus.documents.iter().enumerate() {
        let (layout, first) = first_pass(d, &lexicon, &mut scratch, &mut work);
        lexicon.learn(&d.text, di, &first.found);
        firsts.push((layout, first));
    }
    lexicon.settle(corpus.documents.iter().map(|d| &*d.text));
    // Pass 2: every mention, with the people known.
    // About as many mentions as pass 1 found.
    let mentions = firsts.iter().map(|(_, f)| f.found.len()).sum();
    let mut out = SecondPass {
        raws: Vec::with_capacity(mentions),
        placed: Vec::with_capacity(mentions),
        docs: Vec::with_capacity(corpus.documents.len()),
        scratch,
        work,
    };
    for (di, (d, (layout, first))) in corpus.documents.iter().zip(firsts).enumerate() {
        second_pass(di, d, layout, first, &lexicon, &mut out);
    }
    let SecondPass {
        raws,
        placed,
        mut docs,
        work,
        ..
    } = out;
    let grouping = group(&raws, curation);
    for (i, (di, range, block)) in placed.into_iter().enumerate() {
        let Some(entity) = grouping.entity_of[i] else {
            continue;
        };
        let doc = &mut docs[di];
        let sentence = doc.sentences.partition_point(|s| s.end <= range.start);
        doc.mentions.push(Mention {
            range,
            label: grouping.entities[entity].label,
            entity,
            block,
            sentence,
        });
    }
    (
        Analysis {
            docs,
            entities: grouping.entities,
        },
        work,
    )
}

// The passes run one call per document, never inlined: a browser first runs wasm with a
// baseline compiler and uses optimised code from a function's next call on, so a loop
// over the whole corpus inside one call would run unoptimised to its end
// (docs/performance.md).

/// Pass 1 over document `d`: its layout, and each block's sentences, title case,
/// candidates and the lexicon answers they depend on.
#[inline(never)]
fn first_pass(
    d: &crate::corpus::Document,
    lexicon: &Lexicon,
    scratch: &mut Scratch,
    work: &mut usize,
) -> (Layout, FirstPass) {
    let mut layout = Layout::new(d);
    let mut first = FirstPass::default();
    for r in &layout.blocks {
        let toks = &mut scratch.toks;
        toks.clear();
        tokenize_into(&d.text, r.clone(), toks);
        // Only short blocks can be headlines.
        let tc = r.len() <= 400 && toks.len() <= 40 && is_title_case(&d.text, toks);
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
    (layout, first)
}

/// What pass 2 gathers over the documents (whose text and lexicon it borrows).
struct SecondPass<'a> {
    /// Every mention's surface and grouping key, in corpus order.
    raws: Vec<Raw<'a>>,
    /// Where each of `raws` is: document, range, block.
    placed: Vec<(usize, Range<usize>, usize)>,
    /// Each document's analysis, mentions still to come.
    docs: Vec<DocAnalysis>,
    /// Recognition's token buffer and scratch space, shared by the documents.
    scratch: Scratch,
    /// Tokens visited.
    work: usize,
}

/// Pass 2 over document `di`: each block's pass-1 candidates where the final lexicon
/// answers as pass 1 saw it, else the block recognised again.
#[inline(never)]
fn second_pass<'a>(
    di: usize,
    d: &'a crate::corpus::Document,
    layout: Layout,
    first: FirstPass,
    lexicon: &'a Lexicon,
    out: &mut SecondPass<'a>,
) {
    let FirstPass {
        sentences,
        work: block_work,
        found: first_found,
        found_end,
        deps,
        deps_end,
    } = first;
    let mut found = Vec::new();
    let mut first_found = first_found.into_iter();
    let (mut found_start, mut deps_start) = (0, 0);
    for (bi, r) in layout.blocks.iter().enumerate() {
        let before = found.len();
        let block_found = first_found.by_ref().take(found_end[bi] - found_start);
        let block_deps = &deps.0[deps_start..deps_end[bi]];
        (found_start, deps_start) = (found_end[bi], deps_end[bi]);
        if Deps::hold(block_deps, &d.text, lexicon) {
            // Counted as a visit of the block's tokens: checking the answers costs
            // at most a few lookups per token.
            out.work += block_work[bi];
            found.extend(block_found);
            Deps::renew(block_deps, &d.text, lexicon, &mut found[before..]);
        } else {
            block_found.for_each(drop);
            out.scratch.toks.clear();
            tokenize_into(&d.text, r.clone(), &mut out.scratch.toks);
            // The block's sentences: no sentence crosses a block.
            let first = sentences.partition_point(|s| s.start < r.start);
            let end = sentences.partition_point(|s| s.start < r.end);
            let block = BlockFacts {
                title_case: layout.title_case[bi],
                sentences: &sentences[first..end],
            };
            recognise_tokens(
                &d.text,
                lexicon,
                block,
                Some(&mut out.work),
                None,
                &mut out.scratch,
                &mut found,
            );
        }
        for c in &found[before..] {
            out.placed.push((di, c.range.clone(), bi));
        }
    }
    for c in found {
        let surface = &d.text[c.range.clone()];
        let key = match c.source {
            Source::Table(canon) => Cow::Borrowed(canon),
            Source::Person { canonical, .. } => {
                let k = canonical.map_or(Cow::Borrowed(surface), Cow::Owned);
                if k.contains(' ') {
                    lexicon
                        .full
                        .get(k.as_ref())
                        .map_or(k, |c| Cow::Borrowed(c.as_str()))
                } else {
                    lexicon.short_form(&k).map_or(k, Cow::Borrowed)
                }
            }
            // Most values ("2024", "last week") are lower case already.
            Source::Value if surface.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) => {
                Cow::Borrowed(surface)
            }
            Source::Value => Cow::Owned(crate::case::lower_str(surface)),
            Source::Composed => Cow::Borrowed(surface),
        };
        out.raws.push(Raw {
            doc: di,
            label: c.label,
            surface,
            key,
        });
    }
    let blocks = layout
        .blocks
        .iter()
        .zip(&layout.zones)
        .map(|(r, z)| Block {
            range: r.clone(),
            zone: *z,
        })
        .collect();
    out.docs.push(DocAnalysis {
        blocks,
        sentences,
        mentions: Vec::new(),
    });
}

/// What pass 1 keeps of a document for pass 2.
#[derive(Default)]
struct FirstPass {
    /// Sentences of all blocks (they do not depend on the lexicon).
    sentences: Vec<Range<usize>>,
    /// Work (tokens visited) of each block.
    work: Vec<usize>,
    /// Candidates of all blocks; block `b`'s end at `found_end[b]`.
    found: Vec<Candidate>,
    found_end: Vec<usize>,
    /// Lexicon answers of all blocks; block `b`'s end at `deps_end[b]`.
    deps: Deps,
    deps_end: Vec<usize>,
}

/// A document's blocks in text order, their zones and whether each is in Title Case
/// (filled in pass 1).
struct Layout {
    blocks: Vec<Range<usize>>,
    zones: Vec<Zone>,
    title_case: Vec<bool>,
}

impl Layout {
    #[inline(never)]
    fn new(d: &crate::corpus::Document) -> Layout {
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
