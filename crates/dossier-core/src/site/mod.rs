//! The analysed corpus as a sharded site, for corpora too large for one page: the page
//! embeds a small manifest and the first article, and every other part of the analysis
//! is a file fetched when a view needs it. [`write()`] makes the files (`dossier page
//! --shards`); this module's decoders read them, each checking the file's address
//! first. Below [`EMBED_BELOW`] bytes of page data the page embeds everything instead
//! ([`crate::page`]).
//!
//! # Files
//!
//! Every file is UTF-8 text named by its content: a kind letter, `-`, the 16 hex digits
//! of [`address()`] (64-bit FNV-1a of its bytes) and `.txt`, in the folder [`FOLDER`]
//! beside the page (`shards/d-0123456789abcdef.txt`). A name never changes meaning, so
//! hosts and browsers may cache it for ever, and a file from another deploy can never
//! pass for this one's: the manifest gives each file's name and length, and a decoder
//! refuses a file that is missing ([`SiteErrorKind::Missing`]), shorter or longer
//! ([`SiteErrorKind::Truncated`]), of another content ([`SiteErrorKind::Mismatch`]) or
//! unreadable ([`SiteErrorKind::Damaged`]). The address detects damage and stale files;
//! it is not a defence against a forger (the files come from the page's own origin).
//!
//! Records are separated by U+001E and fields by U+001F; texts are escaped as in
//! [`crate::page`] (so neither separator occurs inside a field); lists of numbers are
//! separated by spaces. Each file starts with a header record: its format and version.
//!
//! A file of documents or entities holds a run of them in order, cut at a size in
//! bytes ([`Sizes`]): its header gives its first and its number; a file of keys (words,
//! terms) holds them in sorted order, from its first key (given where the file is named)
//! to the next file's. The first screen of any view needs the page, the head and one
//! article-list run, whatever the corpus's size.
//!
//! - **The manifest** (`#manifest` in the page): `dossier-site 2`, documents, entities;
//!   then one record a file: `h` the head; `l` an article-list run and `d` a document
//!   shard, each with its first document and its number of documents, the shard also
//!   with its first document's file name (documents are in file-name order, so a link's
//!   file finds its shard by a binary search); `i` the directory. Each file record:
//!   kind, name, length in bytes, then those fields.
//! - **The directory** (`i-…`), fetched by the first search or entity view:
//!   `dossier-directory 5`, then one record a file as in the manifest: `n` an
//!   entity-table run and `e` an entity shard, each with its first entity and number of
//!   entities; `x` a name-index fragment with its first word; `t` a search-index
//!   fragment with its first term; for each term cut in parts, `w` with the term and its
//!   totals (postings in all zones, in the article proper; documents in all zones, in
//!   the article proper), then `p` its parts in document order, each with its first
//!   document, the number of documents from its first to its last, and the term; `m`
//!   a part of an entity's mentions (below); `c` a period file with its first bucket; `g`
//!   a counts run and `q` a quotes run, each with its first document and number of
//!   documents; `r` a ranked run with its first rank, its number of entities and its
//!   label's code; `s` the speakers file; `k` a speaker file with its first quote's
//!   speaker, its number of quotes and that quote's rank among its speaker's. Kept
//!   out of the page, whose size then grows only with the number of document shards and
//!   list runs.
//! - **The head** (`h-…`), what the first screen of every view draws: `dossier-head 1`,
//!   documents, entities; the corpus's label counts (article proper, then all zones, one
//!   number a label of [`crate::Label::ALL`]); four timelines (month and year, article
//!   proper and all zones): granularity letter `m`/`y`, `a`/`z`, buckets as
//!   `key:mentions:documents`, then the coarser, unresolved and duration counts; then
//!   each label's [`HEAD_ENTITIES`] entities in most documents, label by label, one
//!   record each: the entity's index, then its `#analysis` record as in the page.
//! - **Article-list runs** (`l-…`): `dossier-list 1`, first document, number; one record
//!   a document for the article list (file, title, publication date, source, words in
//!   the article proper). A virtualised list's row range needs the run or two it meets.
//! - **Entity-table runs** (`n-…`): `dossier-table 1`, first entity, number; one record
//!   an entity, as in the page's `#analysis` (id, canonical name, label, aliases with
//!   counts, mentions, documents).
//! - **Name-index fragments** (`x-…`): `dossier-names 1`; one record a word of an
//!   entity's canonical name or aliases (normalised as
//!   [`crate::index::normalise_words`]): the word, then the entities whose names hold it,
//!   as distances from the previous (the first: from 0); and one record an entity's id
//!   (ids hold a `-`, words none), with its entity. "Search over all entities" fetches
//!   the fragments of its prefix, then the table runs of what it found; an entity named
//!   in the URL, the fragment of its id.
//! - **Document shards** (`d-…`), the texts with their marks: `dossier-docs 1`, first
//!   document, number of documents; each document's `#analysis` record as in the page;
//!   then, from the first U+001B, each document's six `#corpus` fields as in the page
//!   (file, source, date, coverage, title, marked text). A document record may gain
//!   fields in a later version of the page format: the shard carries whatever
//!   [`crate::page`] writes.
//! - **Search-index fragments** (`t-…`): `dossier-terms 1`; one record a term: the
//!   term (normalised as [`crate::index::normalise_words`]), then its postings as pairs
//!   of numbers, the document's distance from the previous posting's (the first: from 0)
//!   and the word position times two, plus one when the word is in the article proper.
//!   A query fetches the fragments of its terms only (a prefix: the fragments its range
//!   of terms meets). A term whose postings alone would reach a fragment's size is in no
//!   fragment but in parts.
//! - **Parts of a common term** (`p-…`): `dossier-part 1`, the term, first document,
//!   number of documents; then one record: the postings in those documents, as in a
//!   fragment. A part ends with the document that brings it to its size, so a document's
//!   postings are in one part: a search's first rows need the first part, its counts
//!   the directory's totals.
//! - **Entity shards** (`e-…`): `dossier-entities 1`, first entity, number of entities;
//!   one record an entity: its mentions as pairs (document's distance from the previous
//!   mention's, index of the mention in the document's; none when they are in parts),
//!   then the entities it shares documents with, at most [`PARTNERS`], most shared
//!   first, as pairs (entity, shared documents).
//! - **Parts of a common entity's mentions** (`m-…`): `dossier-mentions 1`, the entity's
//!   number, first document, number of documents; then one record: the mentions in those
//!   documents, as in an entity shard. An entity whose mentions alone would reach an
//!   entity shard's size has them in parts, cut as a common term's postings are; the
//!   directory names them (`m`, with first document, number of documents and the
//!   entity's number), after the search index and before the entity shards.
//! - **Period files** (`c-…`), what a period chosen on the timeline keeps: `dossier-periods
//!   1`; one record a bucket of the month or the year timeline, in sorted order of its
//!   key (`YYYY` or `YYYY-MM`, as the head's): the key; the documents with a date that
//!   counts in it (as [`crate::timeline::timeline`] counts) in the article proper; the
//!   documents with such dates only outside it; each list as distances from the
//!   previous (the first: from 0), as the name index's. A range of buckets keeps the
//!   documents of any of them; a bucket's documents are as many as the head's bucket's
//!   `documents` (the first list, or both for all zones). After the entity shards in the
//!   directory; cut at the search index's size.
//! - **Counts runs** (`g-…`), what a filter's entity counts and a comparison's sides
//!   are summed from: `dossier-counts 1`, first document, number of documents; one
//!   record a document: its entities in order with their mentions in all zones, as
//!   pairs (the entity's distance from the previous one's, the first from 0; mentions).
//!   Cut at the document shards' size: a filter's articles are spread over the corpus,
//!   so counting them reads nearly every run, and fewer runs are read faster.
//! - **Quotes runs** (`q-…`), the Quotes view: `dossier-quotes 1`, first document,
//!   number of documents; one record a document, six fields a quote (`d` direct or `r`
//!   reported; the speaker's entity, id and canonical name, all empty when the quote is
//!   unattributed; the quoted words; the entities named inside them, ascending, as the
//!   name index's lists), empty for a document with none. Cut at the search index's size.
//! - **Ranked runs** (`r-…`), the entity panel's groups past the head's top entities:
//!   `dossier-ranked 1`, first rank, number, label code; one record an entity of that
//!   label, in most documents first (as the head's top entities, which are the first
//!   ranks): its index, then its `#analysis` record. Cut at the entity table's size.
//! - **The speakers file** (`s-…`): `dossier-speakers 1`, the corpus's quotes, those
//!   attributed; then the [`SPEAKERS`] most quoted speakers, most first, one record
//!   each: entity, quotes, id, canonical name.
//! - **Speaker files** (`k-…`), one speaker's quotes (the Quotes view of a speaker, at
//!   any size of corpus): the attributed quotes ordered by speaker, then document, then
//!   text, cut at the search index's size, so a much-quoted speaker's quotes span
//!   several files and a rarely quoted one's share a file with others':
//!   `dossier-said 1`, the first quote's speaker, its rank among the speaker's quotes
//!   (0: their first), number of quotes; one record a quote: speaker, document, `d` or
//!   `r`, the words, the entities named in them (as a quotes run's). A speaker's files
//!   are the one whose range holds their first quote and those after it starting with
//!   theirs ([`Manifest::said_files`]); their first page needs one or two files.
//!
//! The page, when sharded, carries `#corpus` with the first document only (the loader
//! draws it as before, with the corpus's legend counts), `#manifest`, and preloads of
//! the head and the first article-list run, which every view's first screen needs, so
//! that they arrive while the reader loads (at low priority: a deep link's shard, which
//! its first look waits for, goes before them). For a link to an article, the reader's
//! script finds its shard in the manifest's `d` records and fetches it before its wasm
//! runs, and the loader draws the article from the shard's `#corpus` fields once the
//! shard's length and address are the manifest's (web/site.js, web/boot.js): the `d`
//! records' fields, the documents' order, the texts' place in a shard and
//! [`address()`] are read there too.

mod facets;
mod facts;
mod mentions;
mod periods;
mod read;
mod terms;
mod write;

pub use facets::{read_list, read_names, read_table, DocSummary, Head, NameKey, HEAD_ENTITIES};
pub use facts::{read_counts, read_quotes, read_ranked, read_said, QuoteRow, SaidRow, Speakers, SPEAKERS};
pub use mentions::read_mention_part;
pub use periods::{read_periods, PeriodDocs};
pub use read::{
    read_all, read_directory, read_doc_at, read_doc_files, read_docs, read_entities, DocRun, EntityFiles,
    FileRef, Kind, Manifest,
};
pub use terms::{read_part, read_terms, TermPostings, TermTotals};
pub use write::{write, write_each, Site, Sizes};

use std::fmt;

/// The folder of the files, beside the page.
pub const FOLDER: &str = "shards";
/// Page data (the page's `#corpus` and `#analysis`) below this many bytes is embedded
/// whole; above, the site is sharded. 512 KB of data is about 80 generated articles;
/// below it the one page's first look is within the noise of the sharded page's, and
/// the whole app works with no fetch; above it the one page's first look grows with its
/// bytes (`scripts/threshold.py`, docs/performance.md).
pub const EMBED_BELOW: usize = 512 * 1024;
/// The most co-occurring entities an entity shard lists for each entity.
pub const PARTNERS: usize = 50;
/// The manifest's first field.
const VERSION: &str = "dossier-site 2";
/// The directory's first field.
const DIRECTORY: &str = "dossier-directory 5";

/// The address of `bytes`: 64-bit FNV-1a, as 16 hex digits.
pub fn address(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Whether `name` is a site file's name: a kind letter of this version or of the first
/// (`f`, its facets file), `-`, 16 hex digits, `.txt` (`d-0123456789abcdef.txt`); a
/// build clears these from [`FOLDER`] and leaves any other file alone.
pub fn is_file_name(name: &str) -> bool {
    let Some((letter, rest)) = name.split_once('-') else {
        return false;
    };
    let known = letter == "f" || Kind::of_letter(letter).is_some();
    let hex = rest.strip_suffix(".txt");
    known && hex.is_some_and(|h| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Why a file of the site cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SiteErrorKind {
    /// The file is not there (not deployed, or the network failed).
    Missing,
    /// The file is not as long as the manifest says (cut short, or another file).
    Truncated {
        /// The manifest's length.
        expected: usize,
        /// The file's.
        found: usize,
    },
    /// The file's content does not have its name's address (another deploy's, or damaged).
    Mismatch {
        /// The content's address.
        found: String,
    },
    /// The file passed its checks but does not read as its format (or the manifest does not).
    Damaged(String),
}

/// A file of the site that cannot be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteError {
    /// The file's name (`manifest` for the manifest).
    pub file: String,
    /// What is wrong with it.
    pub kind: SiteErrorKind,
}

impl SiteError {
    fn damaged(file: &str, why: impl Into<String>) -> SiteError {
        SiteError {
            file: file.to_string(),
            kind: SiteErrorKind::Damaged(why.into()),
        }
    }
}

impl fmt::Display for SiteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = &self.file;
        match &self.kind {
            SiteErrorKind::Missing => write!(f, "{file} is missing"),
            SiteErrorKind::Truncated { expected, found } => {
                write!(f, "{file} has {found} bytes instead of {expected}")
            }
            SiteErrorKind::Mismatch { found } => {
                write!(
                    f,
                    "{file} holds other content (its address is {found}): from another version of the site?"
                )
            }
            SiteErrorKind::Damaged(why) => write!(f, "{file} is damaged: {why}"),
        }
    }
}

impl std::error::Error for SiteError {}

/// The manifest a built page carries (`#manifest`), if it is a sharded site's page.
pub fn manifest_of_html(html: &str) -> Option<Result<Manifest, SiteError>> {
    crate::page::script_text(html, "manifest").map(Manifest::read)
}

#[cfg(all(test, feature = "engine"))]
mod tests;
