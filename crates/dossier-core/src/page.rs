//! The analysed corpus as the web page carries it: the analysis is made once, at build
//! time, and the page holds its result, so the browser never runs the recogniser on the
//! embedded articles. [`write()`] makes it (the `dossier page` command, run by Trunk before
//! each build); [`read()`] is its one decoder, in the app. The page's loader (`web/boot.js`)
//! reads only the first part's fields and marks, to draw the linked article before the
//! wasm has started.
//!
//! # Format
//!
//! Two `<script>` elements of a data type (never run; an HTML minifier leaves their text
//! as it is), `#corpus` and `#analysis`. In every field of either, the characters
//! [`escaped`] (NUL, CR and `<`, which HTML would drop, change or end the element at; U+000E;
//! U+0010–U+001F, which the format uses) are written as U+000E followed by the character
//! XOR 0x40 (NUL as `@`, `<` as `|`).
//!
//! `#corpus`, for the first look and the texts: for each document, six fields each led by
//! ESC (U+001B): file, source, publication date (`YYYY[-MM[-DD]]`), what it covers, the
//! title when no block is its headline (else empty), and the marked text. The marked
//! text is the file's text in which each block (a non-empty line: the headline and
//! paragraphs of [`Document`]) starts with a zone character, U+001C + its [`ZONES`]
//! index, and each mention is its text between a label character, U+0011 + its
//! [`Label::ALL`] index, and U+0010. Its attributes give the loader the label and zone
//! codes, the legend's label names and the whole corpus's label counts (in the article
//! proper, and in every zone).
//!
//! `#analysis`, the rest of the analysis: records separated by U+001E, fields by U+001F.
//! First `dossier-page 4`, the number of documents and of entities; then one record a
//! document: url, metadata title, `1` if the first line is a lead, its sentences (pairs
//! of numbers: the start's distance from the previous sentence's end, then the length,
//! in bytes), the entity index of each of its mentions, the period of each of its
//! DATE mentions (`start/end/precision`, days as `YYYY-MM-DD` and precision as one
//! letter of `dwmyxc`; `~` for a length of time, `-` for any other mention that cannot
//! be placed), and its quotes (six numbers each: the start's distance from the previous
//! quote's start and the length in bytes, `0` direct or `1` reported, the speaker's
//! mention index plus one or `0`, and the cue's start and length or `0 0`: the start as
//! its distance `d` from the quote's start, `2d` after it, `2d - 1` before); numbers in
//! lists are separated by spaces. Then one record an entity: id, canonical name, label
//! code, aliases (text
//! and count, separated by U+001D), mentions, documents.
//!
//! An empty source, coverage, url or title reads back as none.

use crate::corpus::{Corpus, Document, Meta};
use crate::date::Date;
use crate::label::Label;
use crate::model::{Alias, Analysis, Block, DocAnalysis, Entity, Mention, Quote, QuoteKind, Zone};
use crate::query::label_mentions;
use crate::timeline::{DateMention, Period, Precision};
use std::borrow::Cow;
use std::fmt::{self, Write as _};
use std::ops::Range;

/// Leads an escaped character.
const ESCAPE: char = '\u{e}';
/// Separates the fields of `#corpus`.
pub(crate) const SEPARATOR: char = '\u{1b}';
/// Ends a mention.
const END: char = '\u{10}';
/// The label character of [`Label::ALL`]`[0]`; the others follow.
const FIRST_LABEL: u32 = 0x11;
/// The zone character of [`ZONES`]`[0]`; the others follow.
const FIRST_ZONE: u32 = 0x1c;
/// Separates the records of `#analysis`.
pub(crate) const RECORD: char = '\u{1e}';
/// Separates the fields of a record.
pub(crate) const FIELD: char = '\u{1f}';
/// Separates the items of a list of texts.
pub(crate) const ITEM: char = '\u{1d}';
/// The first field of `#analysis`.
const VERSION: &str = "dossier-page 4";
/// The zones, in the order of their characters.
pub const ZONES: [Zone; 4] = [Zone::Title, Zone::Body, Zone::Caption, Zone::Boilerplate];
/// The precisions, in the order of their letters.
const PRECISIONS: [(Precision, char); 6] = [
    (Precision::Day, 'd'),
    (Precision::Week, 'w'),
    (Precision::Month, 'm'),
    (Precision::Year, 'y'),
    (Precision::Decade, 'x'),
    (Precision::Century, 'c'),
];

/// Whether `c` is written escaped (see the module doc).
pub fn escaped(c: char) -> bool {
    matches!(c, '\0' | '\r' | '<' | ESCAPE | '\u{10}'..='\u{1f}')
}

/// Why a page's corpus cannot be made or read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageError(String);

impl fmt::Display for PageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PageError {}

impl PageError {
    /// An error saying `why`.
    pub fn new(why: impl Into<String>) -> PageError {
        PageError(why.into())
    }
}

/// A [`PageError`] saying `why`.
fn bad<T>(why: impl Into<String>) -> Result<T, PageError> {
    Err(PageError(why.into()))
}

/// The two `<script>` elements that carry `corpus` and its `analysis` (see the module
/// doc). Fails if the analysis breaks its contract (a mention across a block or over
/// another): the reader could not draw it.
pub fn write(corpus: &Corpus, analysis: &Analysis) -> Result<String, PageError> {
    let (texts, data) = write_parts(corpus, analysis)?;
    Ok(format!(
        "{}{texts}</script><script type=\"application/x-dossier\" id=\"analysis\">{data}</script>",
        corpus_tag(analysis)
    ))
}

/// The texts of `#corpus` and `#analysis` that [`write()`] puts in its two elements, as
/// [`read()`] takes them: how the engine worker hands the app a corpus with the reader's
/// own documents added (crates/dossier-engine).
pub fn write_parts(corpus: &Corpus, analysis: &Analysis) -> Result<(String, String), PageError> {
    let mut texts = String::new();
    let mut data = format!(
        "{VERSION}{FIELD}{}{FIELD}{}",
        corpus.documents.len(),
        analysis.entities.len()
    );
    let mut dates = analysis.dates.iter().peekable();
    for (di, (doc, a)) in corpus.documents.iter().zip(&analysis.docs).enumerate() {
        write_text(&mut texts, doc, a).map_err(|why| PageError(format!("{}: {why}", doc.file)))?;
        data.push(RECORD);
        let periods = std::iter::from_fn(|| dates.next_if(|d| d.doc == di));
        write_doc_record(&mut data, doc, a, periods);
    }
    for e in &analysis.entities {
        data.push(RECORD);
        write_entity(&mut data, e);
    }
    Ok((texts, data))
}

/// The opening tag of `#corpus`, with what the loader's legend needs: the label and
/// zone codes its characters stand for, the label names, and the whole corpus's count of
/// each label in the article proper and in every zone (the largest it can show, whose
/// room the legend keeps, so the loader's legend wraps where the app's will).
pub(crate) fn corpus_tag(analysis: &Analysis) -> String {
    let counts = label_mentions(analysis);
    let join = |it: &mut dyn Iterator<Item = String>, sep: &str| it.collect::<Vec<_>>().join(sep);
    format!(
        "<script type=\"application/x-dossier\" id=\"corpus\" data-labels=\"{}\" \
         data-names=\"{}\" data-counts=\"{}\" data-all=\"{}\" data-zones=\"{}\">",
        join(&mut Label::ALL.iter().map(|l| l.code().to_string()), " "),
        join(&mut Label::ALL.iter().map(|l| l.name().to_string()), ","),
        join(&mut counts.iter().map(|c| c.article.to_string()), " "),
        join(&mut counts.iter().map(|c| c.all.to_string()), " "),
        join(&mut ZONES.iter().map(|z| z.code().to_string()), " "),
    )
}

/// Appends `s`, escaped.
pub(crate) fn push_escaped(out: &mut String, s: &str) {
    for c in s.chars() {
        if escaped(c) {
            out.push(ESCAPE);
            out.push(flip(c));
        } else {
            out.push(c);
        }
    }
}

/// `c` XOR 0x40: an escaped character's stand-in, and back.
fn flip(c: char) -> char {
    char::from(c as u8 ^ 0x40)
}

/// Appends `doc`'s six `#corpus` fields, its analysis `a` marked in its text.
pub(crate) fn write_text(out: &mut String, doc: &Document, a: &DocAnalysis) -> Result<(), &'static str> {
    let has_headline = a.blocks.iter().any(|b| b.zone == Zone::Title);
    let title = if has_headline { "" } else { &doc.title };
    let m = &doc.meta;
    let date = m.published.map(|d| d.to_string()).unwrap_or_default();
    let or_empty = |s: &Option<String>| s.clone().unwrap_or_default();
    for field in [
        &*doc.file,
        &or_empty(&m.source),
        &date,
        &or_empty(&m.covers),
        title,
    ] {
        out.push(SEPARATOR);
        push_escaped(out, field);
    }
    out.push(SEPARATOR);
    let text = &*doc.text;
    let mut at = 0;
    let mut mentions = a.mentions.iter().peekable();
    for block in &a.blocks {
        if block.range.start < at {
            return Err("a mention crosses a block");
        }
        push_escaped(out, &text[at..block.range.start]);
        out.push(code(FIRST_ZONE, ZONES.iter().position(|&z| z == block.zone)));
        at = block.range.start;
        while let Some(m) = mentions.next_if(|m| m.range.start < block.range.end) {
            if m.range.start < at || m.range.end > block.range.end {
                return Err("a mention crosses a block or another mention");
            }
            push_escaped(out, &text[at..m.range.start]);
            out.push(code(FIRST_LABEL, Label::ALL.iter().position(|&l| l == m.label)));
            push_escaped(out, &text[m.range.clone()]);
            out.push(END);
            at = m.range.end;
        }
    }
    if mentions.next().is_some() {
        return Err("a mention is outside every block");
    }
    push_escaped(out, &text[at..]);
    Ok(())
}

/// The character `first + index`.
fn code(first: u32, index: Option<usize>) -> char {
    let i = index.expect("every zone and label has a character") as u32;
    char::from_u32(first + i).expect("a control character")
}

/// Appends `doc`'s `#analysis` record: metadata the first part lacks, sentences, each
/// mention's entity and each DATE mention's period.
pub(crate) fn write_doc_record<'d>(
    out: &mut String,
    doc: &Document,
    a: &DocAnalysis,
    dates: impl Iterator<Item = &'d DateMention>,
) {
    let m = &doc.meta;
    push_escaped(out, m.url.as_deref().unwrap_or_default());
    out.push(FIELD);
    push_escaped(out, m.title.as_deref().unwrap_or_default());
    out.push(FIELD);
    out.push_str(if m.lead { "1" } else { "" });
    out.push(FIELD);
    let mut end = 0;
    let sentences = a.sentences.iter().flat_map(|s| {
        let pair = [s.start - end, s.len()];
        end = s.end;
        pair
    });
    write_numbers(out, sentences);
    out.push(FIELD);
    write_numbers(out, a.mentions.iter().map(|m| m.entity));
    out.push(FIELD);
    for (i, d) in dates.enumerate() {
        if i > 0 {
            out.push(' ');
        }
        match d.period {
            None if d.duration => out.push('~'),
            None => out.push('-'),
            Some(p) => {
                let letter = PRECISIONS
                    .iter()
                    .find(|(q, _)| *q == p.precision)
                    .map(|(_, l)| *l);
                let _ = write!(out, "{}/{}/{}", p.start, p.end, letter.unwrap_or('d'));
            }
        }
    }
    out.push(FIELD);
    let mut start = 0;
    write_numbers(
        out,
        a.quotes.iter().flat_map(|q| {
            let numbers = quote_numbers(q, start);
            start = q.range.start;
            numbers
        }),
    );
}

/// A quote's six numbers, after a quote that starts at `previous` (see the module doc).
fn quote_numbers(q: &Quote, previous: usize) -> [usize; 6] {
    let kind = usize::from(q.kind == QuoteKind::Reported);
    let speaker = q.speaker.map_or(0, |m| m + 1);
    let (at, len) = match &q.cue {
        Some(c) if c.start >= q.range.start => (2 * (c.start - q.range.start), c.len()),
        Some(c) => (2 * (q.range.start - c.start) - 1, c.len()),
        None => (0, 0),
    };
    [q.range.start - previous, q.range.len(), kind, speaker, at, len]
}

/// A document's quotes from their numbers, each checked against its text and its number
/// of mentions; `None` if any is damaged.
fn read_quotes(s: &str, text: &str, mentions: usize) -> Option<Vec<Quote>> {
    let n: Vec<usize> = numbers(s).collect::<Option<_>>()?;
    if !n.len().is_multiple_of(6) {
        return None;
    }
    let in_text = |r: &Range<usize>| {
        r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end)
    };
    let mut previous = 0usize;
    n.chunks(6)
        .map(|q| {
            let start = previous.checked_add(q[0])?;
            previous = start;
            let range = start..start.checked_add(q[1])?;
            let at = match q[4] % 2 {
                0 => start.checked_add(q[4] / 2)?,
                _ => start.checked_sub(q[4].div_ceil(2))?,
            };
            let cue = at..at.checked_add(q[5])?;
            let kind = [QuoteKind::Direct, QuoteKind::Reported].get(q[2]).copied()?;
            let speaker = q[3].checked_sub(1);
            let ok = in_text(&range) && in_text(&cue) && speaker.is_none_or(|m| m < mentions);
            ok.then(|| Quote {
                range,
                kind,
                cue: (!cue.is_empty()).then_some(cue),
                speaker,
            })
        })
        .collect()
}

/// Appends `numbers`, separated by spaces.
pub(crate) fn write_numbers(out: &mut String, numbers: impl Iterator<Item = usize>) {
    for (i, n) in numbers.enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let _ = write!(out, "{n}");
    }
}

/// Appends entity `e`'s `#analysis` record.
pub(crate) fn write_entity(out: &mut String, e: &Entity) {
    push_escaped(out, &e.id);
    out.push(FIELD);
    push_escaped(out, &e.canonical);
    out.push(FIELD);
    out.push_str(e.label.code());
    out.push(FIELD);
    for (i, a) in e.aliases.iter().enumerate() {
        if i > 0 {
            out.push(ITEM);
        }
        push_escaped(out, &a.text);
        let _ = write!(out, "{ITEM}{}", a.count);
    }
    let _ = write!(out, "{FIELD}{}{FIELD}{}", e.mentions, e.documents);
}

/// `s` with its escapes undone.
pub(crate) fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            ESCAPE => out.extend(chars.next().map(flip)),
            c => out.push(c),
        }
    }
    out
}

/// A document's marked text read: the text, its blocks' zones and its mentions'
/// (range, label, block), in order.
#[derive(Default)]
struct Marked {
    text: String,
    zones: Vec<Zone>,
    mentions: Vec<(Range<usize>, Label, usize)>,
}

/// A marked text being read (see the module doc), a piece at a time if need be
/// ([`Reading`]): what is read so far, where it stopped, and the mention open there.
#[derive(Default)]
struct MarkedReader {
    out: Marked,
    /// Where the text not yet copied into `out.text` starts.
    from: usize,
    open: Option<(usize, Label)>,
}

impl MarkedReader {
    /// Reads `marked` on from where it stopped to about byte `until` (the next
    /// character's start); true once it is all read. Scans bytes: every character the
    /// format uses is ASCII, so such a byte is never part of another character.
    fn read(&mut self, marked: &str, until: usize) -> Result<bool, &'static str> {
        let bytes = marked.as_bytes();
        let mut i = self.from;
        while i < bytes.len() {
            let b = bytes[i];
            if b != 0x0e && !(0x10..=0x1f).contains(&b) {
                i += 1;
                if i >= until && marked.is_char_boundary(i) {
                    self.out.text.push_str(&marked[self.from..i]);
                    self.from = i;
                    return Ok(false);
                }
                continue;
            }
            self.out.text.push_str(&marked[self.from..i]);
            self.mark(bytes, i)?;
            i += usize::from(b == 0x0e) + 1;
            self.from = i;
        }
        self.out.text.push_str(&marked[self.from..]);
        self.from = bytes.len();
        Ok(true)
    }

    /// Reads the mark (or escape) at byte `i` of `bytes`, the text before it copied.
    fn mark(&mut self, bytes: &[u8], i: usize) -> Result<(), &'static str> {
        let out = &mut self.out;
        let at = out.text.len();
        match bytes[i] {
            0x0e => {
                let next = *bytes.get(i + 1).filter(|b| b.is_ascii()).ok_or("a bad escape")?;
                out.text.push(flip(char::from(next)));
            }
            0x10 => {
                let (start, label) = self.open.take().ok_or("a mention ends that never began")?;
                let block = out
                    .zones
                    .len()
                    .checked_sub(1)
                    .ok_or("a mention before any block")?;
                out.mentions.push((start..at, label, block));
            }
            b @ 0x1c..=0x1f if self.open.is_none() => out.zones.push(ZONES[usize::from(b - 0x1c)]),
            b @ 0x11..=0x1a if self.open.is_none() => {
                self.open = Some((at, Label::ALL[usize::from(b - 0x11)]));
            }
            _ => return Err("a mark inside a mention"),
        }
        Ok(())
    }

    /// What was read, once all is.
    fn finish(self) -> Result<Marked, &'static str> {
        match self.open {
            Some(_) => Err("a mention never ends"),
            None => Ok(self.out),
        }
    }
}

/// Reads a marked text (see the module doc) at once.
fn read_marked(marked: &str) -> Result<Marked, &'static str> {
    let mut reader = MarkedReader::default();
    reader.read(marked, usize::MAX)?;
    reader.finish()
}

/// Reads a page's `#corpus` and `#analysis` texts back into the corpus and its
/// analysis, exactly as [`write()`] was given them (at once: [`Reading`] reads them a
/// piece at a time).
pub fn read(corpus: &str, analysis: &str) -> Result<(Corpus, Analysis), PageError> {
    let mut reading = Reading::new(corpus.into(), analysis.into())?;
    while !reading.step(usize::MAX)? {}
    Ok(reading.finish())
}

/// A page's two texts read a piece at a time, as [`read()`] reads them: each
/// [`Reading::step`] reads about as many bytes as it is asked to (a document's marked
/// text in pieces, the rest of its record in one, the entities some at a time), so that
/// a browser's main thread can read megabytes between its other tasks (the app reads the
/// reader's own documents so: docs/performance.md, "The reader's own documents").
pub struct Reading<'a> {
    corpus: Cow<'a, str>,
    analysis: Cow<'a, str>,
    /// The numbers of documents and entities the header announces.
    docs: usize,
    entities: usize,
    /// Where the next document's fields (at the separator before them) and record start.
    text_at: usize,
    record_at: usize,
    /// The document whose marked text is being read, if any.
    doc: Option<Partial>,
    documents: Vec<Document>,
    out: Analysis,
}

/// A document being read ([`Reading`]), with its record's range in `#analysis`.
enum Partial {
    /// Its marked text (the last of its six fields, whose ranges in `#corpus` these
    /// are) read so far.
    Marked {
        fields: [Range<usize>; 6],
        record: Range<usize>,
        marked: MarkedReader,
    },
    /// All of it read but its dates and quotes ([`doc_of`]).
    Read {
        doc: Document,
        a: DocAnalysis,
        record: Range<usize>,
    },
}

impl<'a> Reading<'a> {
    /// Starts reading `corpus` and `analysis` (a page's two texts): their header read.
    pub fn new(corpus: Cow<'a, str>, analysis: Cow<'a, str>) -> Result<Reading<'a>, PageError> {
        let header_end = analysis.find(RECORD).unwrap_or(analysis.len());
        let header: Vec<&str> = analysis[..header_end].split(FIELD).collect();
        let [VERSION, docs, entities] = header[..] else {
            return bad("the analysis is not one this version of Dossier reads");
        };
        let (Ok(docs), Ok(entities)) = (docs.parse::<usize>(), entities.parse::<usize>()) else {
            return bad("the analysis's counts are not numbers");
        };
        if !corpus.is_empty() && !corpus.starts_with(SEPARATOR) {
            return bad("the corpus does not start with a document");
        }
        Ok(Reading {
            corpus,
            analysis,
            docs,
            entities,
            text_at: 0,
            record_at: header_end,
            doc: None,
            documents: Vec::with_capacity(docs.min(1 << 16)),
            out: Analysis::default(),
        })
    }

    /// Reads on for about `bytes` bytes (at least one step); true once all is read and
    /// checked, or why the texts cannot be read.
    pub fn step(&mut self, bytes: usize) -> Result<bool, PageError> {
        let mut left = bytes;
        loop {
            let done = if self.documents.len() < self.docs {
                self.step_doc(&mut left)?;
                false
            } else {
                self.step_entities(&mut left)?
            };
            if done || left == 0 {
                return Ok(done);
            }
        }
    }

    /// The corpus and analysis read, once [`Reading::step`] has said all is.
    pub fn finish(self) -> (Corpus, Analysis) {
        (Corpus::new(self.documents), self.out)
    }

    /// Reads on in the next document: its marked text for up to `left` bytes, then, once
    /// that is all read, the rest but its dates and quotes, then those (one step each,
    /// so that no step reads a large document whole); `left` less what was read.
    fn step_doc(&mut self, left: &mut usize) -> Result<(), PageError> {
        let di = self.documents.len();
        let partial = match self.doc.take() {
            Some(doc) => doc,
            None => self.next_fields(di)?,
        };
        match partial {
            Partial::Marked {
                fields,
                record,
                mut marked,
            } => {
                let fail = |why| PageError(format!("{}: {why}", unescape(&self.corpus[fields[0].clone()])));
                let from = marked.from;
                let all = marked.read(&self.corpus[fields[5].clone()], from.saturating_add(*left));
                *left = left.saturating_sub(marked.from - from);
                if !all.map_err(fail)? {
                    self.doc = Some(Partial::Marked {
                        fields,
                        record,
                        marked,
                    });
                    return Ok(());
                }
                let m = marked.finish().map_err(fail)?;
                *left = left.saturating_sub(m.text.len());
                let six = fields.map(|r| &self.corpus[r]);
                let (doc, a) = doc_of(six, m, &self.analysis[record.clone()], self.entities)?;
                self.doc = Some(Partial::Read { doc, a, record });
            }
            Partial::Read { doc, mut a, record } => {
                *left = left.saturating_sub(record.len());
                let record = &self.analysis[record];
                dates_and_quotes(di, &doc, &mut a, record, &mut self.out.dates)?;
                self.documents.push(doc);
                self.out.docs.push(a);
            }
        }
        Ok(())
    }

    /// Document `di`'s six fields and record, found (the document not read yet).
    fn next_fields(&mut self, di: usize) -> Result<Partial, PageError> {
        if self.record_at >= self.analysis.len() {
            return bad("fewer document records than documents");
        }
        let cut = || PageError(format!("document {} is cut short", di + 1));
        let rest = self.corpus[self.text_at..]
            .strip_prefix(SEPARATOR)
            .ok_or_else(cut)?;
        let mut at = self.text_at + 1;
        let mut pieces = rest.splitn(7, SEPARATOR);
        let mut fields: [Range<usize>; 6] = Default::default();
        for f in &mut fields {
            let piece = pieces.next().ok_or_else(cut)?;
            *f = at..at + piece.len();
            at = f.end + 1;
        }
        self.text_at = fields[5].end;
        let start = self.record_at + 1;
        let end = self.analysis[start..]
            .find(RECORD)
            .map_or(self.analysis.len(), |e| start + e);
        self.record_at = end;
        Ok(Partial::Marked {
            fields,
            record: start..end,
            marked: MarkedReader::default(),
        })
    }

    /// Reads entity records for up to `left` bytes; once all are, checks the whole: true.
    fn step_entities(&mut self, left: &mut usize) -> Result<bool, PageError> {
        if self.text_at < self.corpus.len() {
            return bad("more texts than documents");
        }
        while self.record_at < self.analysis.len() {
            let start = self.record_at + 1;
            let end = self.analysis[start..]
                .find(RECORD)
                .map_or(self.analysis.len(), |e| start + e);
            self.out.entities.push(read_entity(&self.analysis[start..end])?);
            self.record_at = end;
            *left = left.saturating_sub(end - start + 1);
            if *left == 0 {
                return Ok(false);
            }
        }
        if self.out.entities.len() != self.entities {
            return bad("the entities are not as many as announced");
        }
        // A corpus keeps its documents in file-name order, as the analysis's are.
        if self.documents.windows(2).any(|w| w[0].file >= w[1].file) {
            return bad("the documents are not in file-name order, or a file repeats");
        }
        Ok(true)
    }
}

/// Reads the corpus and analysis of an HTML page that carries them (a built
/// `index.html`, its attributes quoted or not).
pub fn read_html(html: &str) -> Result<(Corpus, Analysis), PageError> {
    let texts = script_text(html, "corpus").ok_or_else(|| PageError::new("the page holds no #corpus"))?;
    let data = script_text(html, "analysis").ok_or_else(|| PageError::new("the page holds no #analysis"))?;
    read(texts, data)
}

/// The text of the `<script>` element with this id in `html`.
pub(crate) fn script_text<'a>(html: &'a str, id: &str) -> Option<&'a str> {
    let mut rest = html;
    while let Some(at) = rest.find("<script") {
        let tag_end = at + rest[at..].find('>')? + 1;
        let tag = &rest[at..tag_end];
        let body = &rest[tag_end..];
        if tag.contains(&format!("id={id}")) || tag.contains(&format!("id=\"{id}\"")) {
            return Some(&body[..body.find("</script>")?]);
        }
        rest = body;
    }
    None
}

/// Reads document `di`: its six `#corpus` fields from `fields` and its `#analysis`
/// `record`, checked against each other and the number of `entities`; its DATE
/// mentions are added to `dates`.
pub(crate) fn read_doc(
    di: usize,
    fields: &mut std::str::Split<'_, char>,
    record: &str,
    entities: usize,
    dates: &mut Vec<DateMention>,
) -> Result<(Document, DocAnalysis), PageError> {
    let mut next = || {
        fields
            .next()
            .ok_or_else(|| PageError(format!("document {} is cut short", di + 1)))
    };
    let six = [next()?, next()?, next()?, next()?, next()?, next()?];
    let m = read_marked(six[5]).map_err(|why| PageError(format!("{}: {why}", unescape(six[0]))))?;
    let (doc, mut a) = doc_of(six, m, record, entities)?;
    dates_and_quotes(di, &doc, &mut a, record, dates)?;
    Ok((doc, a))
}

/// Document `di` from its six `#corpus` `fields`, its marked text read (`m`), and its
/// `#analysis` `record` (as [`read_doc`]), but for its dates and quotes
/// ([`dates_and_quotes`]).
fn doc_of(
    fields: [&str; 6],
    m: Marked,
    record: &str,
    entities: usize,
) -> Result<(Document, DocAnalysis), PageError> {
    let file = unescape(fields[0]);
    let [_, source, published, covers, _title, _] = fields;
    let fail = |why: &str| PageError(format!("{file}: {why}"));
    let [url, title, lead, sentences, entity_of, _, _] =
        record_fields(record).ok_or_else(|| fail(WRONG_FIELDS))?;
    let published = match published {
        "" => None,
        p => Some(Date::parse(p).map_err(|_| fail("a bad publication date"))?),
    };
    let known = |s: &str| (!s.is_empty()).then(|| unescape(s));
    let meta = Meta {
        title: known(title),
        source: known(source),
        url: known(url),
        published,
        lead: lead == "1",
        covers: known(covers),
    };
    let doc = Document::new(file.clone(), m.text, meta).map_err(|_| fail("an empty text"))?;
    let ranges: Vec<Range<usize>> = doc.headline.iter().chain(&doc.paragraphs).cloned().collect();
    if ranges.len() != m.zones.len() {
        return Err(fail("its zones do not match its blocks"));
    }
    let mut a = DocAnalysis {
        blocks: ranges
            .into_iter()
            .zip(m.zones)
            .map(|(range, zone)| Block { range, zone })
            .collect(),
        sentences: read_sentences(sentences, &doc.text).ok_or_else(|| fail("bad sentences"))?,
        mentions: Vec::with_capacity(m.mentions.len()),
        quotes: Vec::new(),
    };
    let mut entity_of = numbers(entity_of);
    // The mentions are in order: each one's sentence is found from the last one's on.
    let mut sentence = 0;
    for (range, label, block) in m.mentions {
        let entity = match entity_of.next() {
            Some(Some(e)) if e < entities => e,
            _ => return Err(fail("a mention without a known entity")),
        };
        sentence += a.sentences[sentence..].partition_point(|s| s.end <= range.start);
        a.mentions.push(Mention {
            range,
            label,
            entity,
            block,
            sentence,
        });
    }
    if entity_of.next().is_some() {
        return Err(fail("more entities than mentions"));
    }
    Ok((doc, a))
}

/// Why a document's record cannot be read.
const WRONG_FIELDS: &str = "its analysis record has the wrong number of fields";

/// The seven fields of a document's `#analysis` record.
fn record_fields(record: &str) -> Option<[&str; 7]> {
    let r: Vec<&str> = record.split(FIELD).collect();
    r.try_into().ok()
}

/// Document `di` ([`doc_of`]) with its DATE mentions' periods, added to `dates`, and
/// its quotes, from its `record`.
fn dates_and_quotes(
    di: usize,
    doc: &Document,
    a: &mut DocAnalysis,
    record: &str,
    dates: &mut Vec<DateMention>,
) -> Result<(), PageError> {
    let fail = |why: &str| PageError(format!("{}: {why}", doc.file));
    let [.., periods, quotes] = record_fields(record).ok_or_else(|| fail(WRONG_FIELDS))?;
    read_dates(di, a, periods, dates).ok_or_else(|| fail("bad dates"))?;
    a.quotes = read_quotes(quotes, &doc.text, a.mentions.len()).ok_or_else(|| fail("bad quotes"))?;
    Ok(())
}

/// The numbers of a space-separated list; `None` for one that is not a number.
pub(crate) fn numbers(s: &str) -> impl Iterator<Item = Option<usize>> + '_ {
    s.split(' ').filter(|n| !n.is_empty()).map(|n| n.parse().ok())
}

/// Sentence ranges in `text` from their pairs of numbers (see the module doc).
fn read_sentences(s: &str, text: &str) -> Option<Vec<Range<usize>>> {
    let n: Vec<usize> = numbers(s).collect::<Option<_>>()?;
    if !n.len().is_multiple_of(2) {
        return None;
    }
    let mut end = 0;
    let sentences = n.chunks(2).map(|p| {
        let start = end + p[0];
        end = start + p[1];
        start..end
    });
    let sentences: Vec<Range<usize>> = sentences.collect();
    let fits = |s: &Range<usize>| {
        s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
    };
    sentences.iter().all(fits).then_some(sentences)
}

/// Adds document `di`'s DATE mentions to `dates`, with their `periods`.
fn read_dates(di: usize, a: &DocAnalysis, periods: &str, dates: &mut Vec<DateMention>) -> Option<()> {
    let mut periods = periods.split(' ').filter(|p| !p.is_empty());
    for (mi, m) in a
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.label == Label::Date)
    {
        let (period, duration) = match periods.next()? {
            "-" => (None, false),
            "~" => (None, true),
            p => (Some(read_period(p)?), false),
        };
        let article = a.blocks[m.block].zone.is_article();
        dates.push(DateMention::new(
            di,
            mi,
            m.range.clone(),
            article,
            period,
            duration,
        ));
    }
    periods.next().is_none().then_some(())
}

/// A period written `start/end/precision`.
fn read_period(p: &str) -> Option<Period> {
    let mut parts = p.split('/');
    let day = |s: Option<&str>| Date::parse(s?).ok().filter(|d| d.day.is_some());
    let (start, end) = (day(parts.next())?, day(parts.next())?);
    let letter = parts.next()?.chars().next()?;
    let precision = PRECISIONS.iter().find(|(_, l)| *l == letter)?.0;
    Some(Period {
        start,
        end,
        precision,
    })
}

/// Reads an entity's `#analysis` record.
pub(crate) fn read_entity(record: &str) -> Result<Entity, PageError> {
    let f: Vec<&str> = record.split(FIELD).collect();
    let [id, canonical, label, aliases, mentions, documents] = f[..] else {
        return bad("an entity record has the wrong number of fields");
    };
    let fail = || PageError(format!("the entity {id:?} is damaged"));
    let items: Vec<&str> = aliases.split(ITEM).collect();
    let aliases = items
        .chunks(2)
        .map(|p| match p {
            [text, count] => Some(Alias {
                text: unescape(text),
                count: count.parse().ok()?,
            }),
            _ => None,
        })
        .collect::<Option<Vec<_>>>()
        .ok_or_else(fail)?;
    Ok(Entity {
        id: unescape(id),
        canonical: unescape(canonical),
        label: Label::from_code(label).ok_or_else(fail)?,
        aliases,
        mentions: mentions.parse().map_err(|_| fail())?,
        documents: documents.parse().map_err(|_| fail())?,
    })
}

#[cfg(all(test, feature = "engine"))]
mod tests {
    use super::*;
    use crate::analysis::analyse;

    fn corpus(docs: &[(&str, &str, Meta)]) -> Corpus {
        Corpus::new(
            docs.iter()
                .map(|(f, t, m)| Document::new(*f, t.to_string(), m.clone()).unwrap())
                .collect(),
        )
    }

    /// The text of the `<script>` with this id in `html`.
    fn script<'a>(html: &'a str, id: &str) -> &'a str {
        script_text(html, id).unwrap()
    }

    fn round_trip(c: &Corpus) -> (Corpus, Analysis) {
        read_html(&write(c, &analyse(c)).unwrap()).unwrap()
    }

    #[test]
    fn the_corpus_and_analysis_read_back_as_written() {
        let meta = Meta {
            title: Some("A better <headline>".into()),
            source: Some("Wire\u{1b}s".into()),
            url: Some("https://example.org/a?b=1&c=2".into()),
            published: Date::parse("2024-05-16").ok(),
            lead: true,
            covers: Some("The visit".into()),
        };
        let c = corpus(&[
            (
                "a.txt",
                "Port strike ends\r\n\r\n  Mr. Jansen arrived in Rotterdam on Monday, May 13, for two weeks.  \r\n",
                Meta::default(),
            ),
            ("b.txt", "Photo: AP\nThe talks in Lisbon, Portugal went on.\n\n", meta),
            (
                "ä.txt",
                "Zelenskiy’s “visit” to Kyiv — ok\n\nAngela Merkel met <b>Ölaf</b> in Zürich \0\u{e}\u{10}\u{1f}, 5%.",
                Meta::default(),
            ),
        ]);
        let a = analyse(&c);
        assert!(!a.dates.is_empty() && !a.entities.is_empty());
        assert!(a.dates.iter().any(|d| d.duration), "{:?}", a.dates);
        let (c2, a2) = round_trip(&c);
        assert_eq!(a2, a);
        for (d2, d) in c2.documents.iter().zip(&c.documents) {
            assert_eq!(
                (&d2.file, &d2.text, &d2.title, &d2.meta),
                (&d.file, &d.text, &d.title, &d.meta)
            );
        }
    }

    #[test]
    fn the_page_carries_no_character_html_would_change_or_end_the_element_at() {
        let c = corpus(&[(
            "a.txt",
            "Officials </script><script>alert(1)</script> \r\n\0 met",
            Meta::default(),
        )]);
        let html = write(&c, &analyse(&c)).unwrap();
        let body = script(&html, "corpus");
        assert!(!body.contains(['<', '\r', '\0']), "{body:?}");
        assert_eq!(html.matches("</script>").count(), 2);
    }

    #[test]
    fn marks_and_zones_are_written_where_the_analysis_puts_them() {
        let c = corpus(&[(
            "a.txt",
            "Bank holds rates\n\nChristine Lagarde spoke in Portugal.",
            Meta::default(),
        )]);
        let a = analyse(&c);
        let html = write(&c, &a).unwrap();
        let fields: Vec<&str> = script(&html, "corpus").split(SEPARATOR).collect();
        assert_eq!(fields[..6], ["", "a.txt", "", "", "", ""]);
        let marked = fields[6];
        let zones = marked
            .chars()
            .filter(|c| ('\u{1c}'..='\u{1f}').contains(c))
            .count();
        assert_eq!(zones, a.docs[0].blocks.len());
        assert_eq!(marked.matches(END).count(), a.docs[0].mentions.len());
        let gpe = code(FIRST_LABEL, Label::ALL.iter().position(|&l| l == Label::Gpe));
        assert!(marked.contains(&format!("{gpe}Portugal{END}")), "{marked:?}");
    }

    #[test]
    fn read_a_few_bytes_at_a_time_a_page_reads_as_at_once() {
        let c = corpus(&[
            (
                "a.txt",
                "Harbour deal signed\n\nMarta Quispe met officials in Valparaíso on 4 March 2021. \
                 \u{201c}The cranes will run again,\u{201d} Quispe said.\n\nThe port authority agreed.",
                Meta::default(),
            ),
            ("b.txt", "Short note\n\nNothing named here.", Meta::default()),
            (
                "c.txt",
                "Rail strike\n\nWorkers in Tampere stopped trains in May 2019; Quispe flew home.",
                Meta::default(),
            ),
        ]);
        let a = analyse(&c);
        let html = write(&c, &a).unwrap();
        let (texts, data) = (script(&html, "corpus"), script(&html, "analysis"));
        let whole = read(texts, data).unwrap();
        for bytes in [0, 1, 7, 64] {
            let mut reading = Reading::new(texts.into(), data.into()).unwrap();
            let mut steps = 1;
            while !reading.step(bytes).unwrap() {
                steps += 1;
            }
            assert!(steps > 6, "{bytes} bytes a step: {steps} steps");
            assert_eq!(reading.finish(), whole, "{bytes} bytes a step");
        }
        // A damaged page is the same error read either way.
        let damaged = texts.replacen('\u{10}', "", 1);
        let mut reading = Reading::new(damaged.as_str().into(), data.into()).unwrap();
        let error = loop {
            match reading.step(3) {
                Ok(false) => {}
                Ok(true) => panic!("read"),
                Err(e) => break e,
            }
        };
        assert_eq!(Err(error), read(&damaged, data));
    }

    #[test]
    fn a_damaged_page_is_an_error_never_a_panic() {
        let c = corpus(&[(
            "a.txt",
            "Strike ends\n\nDock workers in Rotterdam went back on May 3.",
            Meta::default(),
        )]);
        let html = write(&c, &analyse(&c)).unwrap();
        let (texts, data) = (script(&html, "corpus"), script(&html, "analysis"));
        assert!(read(texts, data).is_ok());
        // Every cut of either part, and a changed character at every place, reads as an
        // error or as some corpus: never a panic.
        for cut in 0..texts.len() {
            if texts.is_char_boundary(cut) {
                let _ = read(&texts[..cut], data);
            }
        }
        for cut in 0..data.len() {
            if data.is_char_boundary(cut) {
                let _ = read(texts, &data[..cut]);
            }
        }
        for (i, _) in texts.char_indices() {
            for c in ['\u{10}', '\u{11}', '\u{1c}', '\u{e}', 'x'] {
                let mut t = texts.to_string();
                t.replace_range(
                    i..i + texts[i..].chars().next().unwrap().len_utf8(),
                    &c.to_string(),
                );
                let _ = read(&t, data);
            }
        }
        assert!(read(texts, "dossier-page 1\u{1f}1\u{1f}0").is_err());
        assert!(read("", "").is_err());
    }

    #[test]
    fn quotes_read_back_with_their_speaker_and_cue_and_damaged_ones_are_errors() {
        let c = corpus(&[(
            "a.txt",
            "Port reopens\n\n\u{201c}The cranes are working again after the storm,\u{201d} said Angela Merkel. \
             The harbour master told reporters that the night shift would return on Monday.",
            Meta::default(),
        )]);
        let a = analyse(&c);
        let quotes = &a.docs[0].quotes;
        assert_eq!(quotes.len(), 2, "{quotes:?}");
        assert!(quotes[0].speaker.is_some() && quotes[0].cue.is_some());
        let html = write(&c, &a).unwrap();
        let (texts, data) = (script(&html, "corpus"), script(&html, "analysis"));
        assert_eq!(read(texts, data).unwrap().1, a);
        let written = quote_numbers(&quotes[0], 0).map(|n| n.to_string()).join(" ");
        assert!(data.contains(&written), "{data:?}");
        // Cut short, past the text, an unknown kind, a speaker with no mention, a cue
        // before the text's start.
        for bad in [
            "0 3 0 0 1 4",
            "1 2 3",
            "0 9999 0 0 0 0",
            "0 3 7 0 0 0",
            "0 3 0 99 0 0",
            "x 3 0 0 0 0",
        ] {
            let damaged = data.replace(&written, bad);
            let e = read(texts, &damaged).unwrap_err();
            assert_eq!(e.to_string(), "a.txt: bad quotes", "{bad}");
        }
    }
}
