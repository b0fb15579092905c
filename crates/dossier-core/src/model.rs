//! The analysed corpus: zones, sentences, mentions, entities and resolved dates — the
//! data contract between the analysis engine (run at build time, or in a worker) and
//! every view. The page carries it ([`crate::page`]); the index and queries read it.
//!
//! All offsets are byte ranges into the document's unchanged `text` (the CLI converts
//! them to code points). Documents in an [`Analysis`] are parallel to the corpus's.

use crate::label::Label;
use crate::timeline::DateMention;
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

/// Whether a quote gives the speaker's words or the reporter's account of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QuoteKind {
    /// Words inside quotation marks.
    Direct,
    /// A content clause after a speech verb: "X said (that) …", "according to X, …".
    Reported,
}

impl QuoteKind {
    /// The lower-case name used in data files: `direct` or `reported`.
    pub fn code(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Reported => "reported",
        }
    }
}

/// One quotation in a document: what was said, how, and by whom when the text says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Byte range of the quoted words (direct: inside the marks) in the document's text.
    pub range: Range<usize>,
    /// Direct or reported.
    pub kind: QuoteKind,
    /// Byte range of the cue ("said", "according to"), when there is one.
    pub cue: Option<Range<usize>>,
    /// The speaker: index into the document's mentions of the mention that names them,
    /// `None` when the quote is unattributed.
    pub speaker: Option<usize>,
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
    /// Quotations in the body, sorted by start offset ([`Quote`]).
    pub quotes: Vec<Quote>,
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
    /// Every entity, sorted by label then by mentions (most first); with the reader's own
    /// documents added, the new ones follow (`dossier_core::part`).
    pub entities: Vec<Entity>,
    /// Every DATE mention resolved against its article's publication date, by document
    /// then position.
    pub dates: Vec<DateMention>,
}

impl Analysis {
    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<(usize, &Entity)> {
        self.entities.iter().enumerate().find(|(_, e)| e.id == id)
    }
}
