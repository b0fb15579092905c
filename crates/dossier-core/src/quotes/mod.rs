//! Quotations and who said them: direct quotes (the words inside quotation marks) and
//! reported speech (a content clause after a speech verb), each attributed to the entity
//! mention that names its speaker when the text allows it, else left unattributed.
//!
//! The rules are written in `docs/quotes-guidelines.md`; the stages are:
//!
//! - `marks`: pair quotation marks paragraph by paragraph (straight and curly; a quote
//!   left open runs on only into a paragraph that opens with a mark, the news convention,
//!   and otherwise stops in its own paragraph);
//! - `direct`: keep the stretches that are quotes (four words or more, not a title) and
//!   find their cue before or after the marks;
//! - `reported`: "X said (that) …", "…, X said.", "according to X, …";
//! - `speaker`: the mention a cue points to: a name before the cue ("X said"), after
//!   it ("said X"), an appositive ("X, the minister, said"), a pronoun resolved to the
//!   last speaker or the nearest compatible mention in the paragraph, or a definite role
//!   resolved when one entity can be meant (`role`: "the minister said").
//!
//! Every stage looks at a bounded window around each mark or cue, so the work is linear
//! in the text, and no quote crosses a paragraph unless the next paragraph opens with a
//! quotation mark.
//!
//! ```
//! use dossier_core::corpus::{Corpus, Document, Meta};
//! use dossier_core::{analyse, quotes, QuoteKind};
//!
//! let text = "Rain Ends\n\n\u{201c}The river is back within its banks,\u{201d} said Maria Lopez.";
//! let corpus = Corpus::new(vec![Document::new("a.txt", text, Meta::default()).unwrap()]);
//! let analysis = analyse(&corpus);
//! let found = quotes::find(&corpus.documents[0], &analysis.docs[0]);
//! assert_eq!(found.len(), 1);
//! assert_eq!(&text[found[0].range.clone()], "The river is back within its banks,");
//! assert_eq!(found[0].kind, QuoteKind::Direct);
//! let speaker = &analysis.docs[0].mentions[found[0].speaker.unwrap()];
//! assert_eq!(&text[speaker.range.clone()], "Maria Lopez");
//! ```

mod cues;
mod direct;
mod marks;
mod reported;
mod role;
mod speaker;

use crate::corpus::Document;
use crate::label::Label;
use crate::model::{DocAnalysis, Quote, Zone};
use crate::text::{sentences, tokenize_into, KeptTokens, Token, TokenKind};
use std::cell::{Cell, OnceCell};
use std::ops::Range;

/// How far back, in tokens, a speaker named earlier is looked for (a pronoun's
/// antecedent, the entity a role stands for), at most.
const REACH: usize = 300;

/// The quotes of one analysed document, in text order.
pub fn find(doc: &Document, analysis: &DocAnalysis) -> Vec<Quote> {
    find_counting(doc, analysis).0
}

/// [`find`], with a count of the work done (tokens visited), for the linear-cost tests.
pub fn find_counting(doc: &Document, analysis: &DocAnalysis) -> (Vec<Quote>, usize) {
    find_counting_in(doc, analysis, None)
}

/// [`find_counting`], given the document's `tokens` if they were kept when it was
/// analysed ([`crate::text::DocTokens::keep`], blocks as in `analysis`): they are not
/// tokenized again.
pub fn find_counting_in(
    doc: &Document,
    analysis: &DocAnalysis,
    tokens: Option<&KeptTokens>,
) -> (Vec<Quote>, usize) {
    let d = Doc::new(&doc.text, analysis, tokens);
    let stretches = marks::stretches(&d);
    let (mut claims, quoted) = direct::claims(&d, &stretches);
    claims.extend(reported::claims(&d, &quoted));
    claims.sort_by_key(|c| (c.range.start, c.range.end));
    let quotes = speaker::attribute(&d, claims);
    (quotes, d.work.get())
}

/// A quote found but not yet attributed: the cue token, or how to find the speaker.
#[derive(Debug, Clone)]
struct Claim {
    range: Range<usize>,
    kind: crate::model::QuoteKind,
    /// Byte range of the cue words, when there are any.
    cue: Option<Range<usize>>,
    /// Where the speaker is looked for.
    source: Source,
}

/// How a claim finds its speaker.
#[derive(Debug, Clone, Copy)]
enum Source {
    /// From the speech verb at token `token`, whose clause starts at token `bound`.
    Cue { token: usize, bound: usize },
    /// The first person, else organisation, else country named in these tokens
    /// ("according to the ministry's spokesman, Ana Ruiz, …").
    Within { from: usize, to: usize },
    /// The speaker of the previous quote (a quote that continues one before it).
    Continues,
}

/// The body of a document as the quote finder reads it: tokens with their paragraph,
/// sentence and mention.
struct Doc<'a> {
    text: &'a str,
    toks: Vec<Token>,
    /// Token index ranges of the body paragraphs, in order.
    paras: Vec<Range<usize>>,
    /// Token index ranges of the sentences, in order.
    sents: Vec<Range<usize>>,
    /// Per token: its paragraph and sentence.
    para_of: Vec<u32>,
    sent_of: Vec<u32>,
    /// Per token: the mention it is in (index into `mentions`).
    mention_of: Vec<Option<u32>>,
    analysis: &'a DocAnalysis,
    work: Cell<usize>,
    /// The roles the text gives its people (`role::held_roles`), made when a role first
    /// stands as a speaker.
    roles: OnceCell<Vec<(String, usize)>>,
}

impl Claim {
    /// A claim whose speaker is found from the speech verb at token `token`.
    fn at_cue(
        d: &Doc,
        range: Range<usize>,
        kind: crate::model::QuoteKind,
        token: usize,
        bound: usize,
    ) -> Claim {
        let cue = Some(d.toks[token].start..d.toks[token].end);
        Claim {
            range,
            kind,
            cue,
            source: Source::Cue { token, bound },
        }
    }
}

impl<'a> Doc<'a> {
    fn new(text: &'a str, analysis: &'a DocAnalysis, tokens: Option<&KeptTokens>) -> Doc<'a> {
        let mut d = Doc {
            text,
            toks: Vec::new(),
            paras: Vec::new(),
            sents: Vec::new(),
            para_of: Vec::new(),
            sent_of: Vec::new(),
            mention_of: Vec::new(),
            analysis,
            work: Cell::new(0),
            roles: OnceCell::new(),
        };
        let tokens = tokens.filter(|t| t.blocks() == analysis.blocks.len());
        if let Some(t) = tokens {
            // The body's tokens are at most these: room for them and their marks.
            d.toks.reserve(t.tokens());
            d.para_of.reserve(t.tokens());
            d.sent_of.reserve(t.tokens());
        }
        for (b, block) in analysis.blocks.iter().enumerate() {
            if block.zone == Zone::Body {
                d.add_paragraph(block.range.clone(), tokens.map(|t| (t, b)));
            }
        }
        d.link_mentions();
        d
    }

    /// Adds the paragraph `range`: its tokens, block `b` of `kept` when they were kept.
    fn add_paragraph(&mut self, range: Range<usize>, kept: Option<(&KeptTokens, usize)>) {
        let first = self.toks.len();
        match kept {
            Some((kept, b)) => kept.block_into(b, &mut self.toks),
            None => tokenize_into(self.text, range.clone(), &mut self.toks),
        }
        let para = self.paras.len() as u32;
        let block = &self.toks[first..];
        // Kept tokens are the analysis's own, so its sentences are those of the same
        // tokens: taken as found, not found again.
        let all = &self.analysis.sentences;
        let found = kept.map(|_| {
            &all[all.partition_point(|s| s.start < range.start)..all.partition_point(|s| s.start < range.end)]
        });
        let again = found.is_none().then(|| sentences(self.text, block));
        for s in found
            .into_iter()
            .flatten()
            .cloned()
            .chain(again.into_iter().flatten())
        {
            let from = first + block.partition_point(|t| t.start < s.start);
            let to = first + block.partition_point(|t| t.start < s.end);
            self.sent_of.resize(to, self.sents.len() as u32);
            self.sents.push(from..to);
        }
        self.sent_of
            .resize(self.toks.len(), self.sents.len().saturating_sub(1) as u32);
        self.paras.push(first..self.toks.len());
        self.para_of.resize(self.toks.len(), para);
    }

    /// Marks each token with the mention covering it (both lists are in text order).
    fn link_mentions(&mut self) {
        self.mention_of = vec![None; self.toks.len()];
        let mentions = &self.analysis.mentions;
        let mut m = 0;
        for (i, t) in self.toks.iter().enumerate() {
            while m < mentions.len() && mentions[m].range.end <= t.start {
                m += 1;
            }
            if m < mentions.len() && mentions[m].range.start <= t.start {
                self.mention_of[i] = Some(m as u32);
            }
        }
    }

    fn tick(&self, n: usize) {
        self.work.set(self.work.get() + n);
    }

    fn word(&self, i: usize) -> &'a str {
        self.toks[i].text(self.text)
    }

    fn is_punct(&self, i: usize, p: &str) -> bool {
        self.toks[i].kind == TokenKind::Punct && self.word(i) == p
    }

    /// Whether token `i` ends a sentence: `.`, `!` or `?`.
    fn ends_sentence(&self, i: usize) -> bool {
        self.toks[i].kind == TokenKind::Punct && matches!(self.word(i), "." | "!" | "?")
    }

    /// The mention at token `i` when it can speak: a person, organisation or country.
    fn speaker_mention(&self, i: usize) -> Option<usize> {
        let m = self.mention_of[i]? as usize;
        can_speak(self.analysis.mentions[m].label).then_some(m)
    }

    /// Where a look back from token `i` for a speaker named earlier stops: the first
    /// token of the paragraph before `i`'s, or `REACH` tokens back, whichever is nearer.
    fn reach_start(&self, i: usize) -> usize {
        let para = self.para_of[i] as usize;
        self.paras[para.saturating_sub(1)]
            .start
            .max(i.saturating_sub(REACH))
    }

    /// The token index of the first token starting at or after byte `b`.
    fn token_at(&self, b: usize) -> usize {
        self.toks.partition_point(|t| t.start < b)
    }
}

/// Labels whose mentions can be a speaker.
fn can_speak(label: Label) -> bool {
    matches!(label, Label::Person | Label::Org | Label::Gpe)
}

#[cfg(test)]
mod tests;
