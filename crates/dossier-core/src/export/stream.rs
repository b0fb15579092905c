//! The mentions and quotes tables written a document at a time, for a reader that holds
//! neither the whole corpus nor every entity (the sharded site's export):
//! [`MentionParts`] and [`QuoteParts`] write the parts, whose concatenation is what
//! [`super::mentions`] and [`super::quotes`] write for the same documents, and [`Names`]
//! keeps the entities' names and ids it is fed, a run of the entity table at a time,
//! within a bound.

use super::{finish, start, text, CodePoints, Field, Format, Table};
use crate::corpus::Document;
use crate::model::{DocAnalysis, Entity, Mention, Quote};

/// The columns of the mentions table.
pub(super) const COLUMNS: &[&str] = &["doc", "start", "end", "text", "label", "canonical", "zone"];

/// The mentions table in parts: [`start`](Self::start), then each document's rows
/// ([`document`](Self::document)), then [`finish`](Self::finish).
#[derive(Debug, Clone)]
pub struct MentionParts {
    format: Format,
    rows: usize,
}

impl MentionParts {
    /// A table in `format`, with no row yet.
    pub fn new(format: Format) -> Self {
        MentionParts { format, rows: 0 }
    }

    /// What comes before the rows: CSV's byte order mark and header, JSON's `[`.
    pub fn start(&self) -> String {
        start(COLUMNS, self.format)
    }

    /// The rows of `doc`'s mentions (analysed as `da`) for which `keep` holds, each with
    /// its entity's canonical name, `name(entity index)`. Fails with the first entity
    /// `name` does not know, writing nothing.
    pub fn document<'n>(
        &mut self,
        doc: &Document,
        da: &DocAnalysis,
        name: impl Fn(usize) -> Option<&'n str>,
        keep: impl Fn(&Mention) -> bool,
    ) -> Result<String, usize> {
        let mut out = String::new();
        self.document_into(doc, da, name, keep, &mut out)?;
        Ok(out)
    }

    /// [`document`](Self::document), appending the rows to `out` (left as it was when
    /// it fails): the whole table is written into one string, not copied a document's
    /// rows at a time.
    pub(crate) fn document_into<'n>(
        &mut self,
        doc: &Document,
        da: &DocAnalysis,
        name: impl Fn(usize) -> Option<&'n str>,
        keep: impl Fn(&Mention) -> bool,
        out: &mut String,
    ) -> Result<(), usize> {
        let mut t = Table::with_rows(COLUMNS, da.mentions.len());
        let mut cp = CodePoints::new(&doc.text);
        for m in da.mentions.iter().filter(|m| keep(m)) {
            let canonical = name(m.entity).ok_or(m.entity)?;
            let (start, end) = (cp.at(m.range.start), cp.at(m.range.end));
            t.row([
                text(&doc.file),
                Field::Num(start),
                Field::Num(end),
                text(&doc.text[m.range.clone()]),
                text(m.label.code()),
                text(canonical),
                text(da.blocks[m.block].zone.code()),
            ]);
        }
        t.encode_rows(self.format, self.rows, out);
        self.rows += t.rows().len();
        Ok(())
    }

    /// What comes after the rows (JSON's `]`).
    pub fn finish(&self) -> String {
        finish(self.format, self.rows > 0).to_string()
    }
}

/// The columns of the quotes table.
pub(super) const QUOTE_COLUMNS: &[&str] = &[
    "doc",
    "start",
    "end",
    "text",
    "kind",
    "cue",
    "speaker",
    "speaker_id",
    "speaker_start",
    "speaker_end",
    "speaker_text",
];

/// The quotes table in parts, as [`MentionParts`] writes the mentions table.
#[derive(Debug, Clone)]
pub struct QuoteParts {
    format: Format,
    rows: usize,
}

impl QuoteParts {
    /// A table in `format`, with no row yet.
    pub fn new(format: Format) -> Self {
        QuoteParts { format, rows: 0 }
    }

    /// What comes before the rows: CSV's byte order mark and header, JSON's `[`.
    pub fn start(&self) -> String {
        start(QUOTE_COLUMNS, self.format)
    }

    /// The rows of `doc`'s quotes (analysed as `da`) for which `keep` holds, each with
    /// its speaker's canonical name and id, `speaker(entity index)`. Fails with the first
    /// speaker `speaker` does not know, writing nothing.
    pub fn document<'n>(
        &mut self,
        doc: &Document,
        da: &DocAnalysis,
        speaker: impl Fn(usize) -> Option<(&'n str, &'n str)>,
        keep: impl Fn(&Quote) -> bool,
    ) -> Result<String, usize> {
        let mut t = Table::new(QUOTE_COLUMNS);
        let mut cp = CodePoints::new(&doc.text);
        for q in da.quotes.iter().filter(|q| keep(q)) {
            let (start, end) = (cp.at(q.range.start), cp.at(q.range.end));
            let cue = q.cue.clone().map(|c| doc.text[c].to_lowercase());
            let said = q.speaker.map(|m| &da.mentions[m]);
            let who = said.map(|m| speaker(m.entity).ok_or(m.entity)).transpose()?;
            let offsets = said.map(|m| (cp.at(m.range.start), cp.at(m.range.end)));
            t.row([
                text(&doc.file),
                Field::Num(start),
                Field::Num(end),
                text(&doc.text[q.range.clone()]),
                text(q.kind.code()),
                cue.map_or(Field::Null, text),
                who.map_or(Field::Null, |(name, _)| text(name)),
                who.map_or(Field::Null, |(_, id)| text(id)),
                offsets.map_or(Field::Null, |o| Field::Num(o.0)),
                offsets.map_or(Field::Null, |o| Field::Num(o.1)),
                said.map_or(Field::Null, |m| text(&doc.text[m.range.clone()])),
            ]);
        }
        let mut out = String::new();
        t.encode_rows(self.format, self.rows, &mut out);
        self.rows += t.rows().len();
        Ok(out)
    }

    /// What comes after the rows (JSON's `]`).
    pub fn finish(&self) -> String {
        finish(self.format, self.rows > 0).to_string()
    }
}

/// Entities' canonical names and ids, given a run of the entity table at a time ([`add`](Self::add)),
/// kept within a bound in bytes by [`trim`](Self::trim), which lets the runs given first go
/// first: called once the rows that needed them are written, it never takes a name a
/// document being written needs.
#[derive(Debug, Clone, Default)]
pub struct Names {
    /// Each run kept, in the order given: its first entity, its names and ids one after
    /// the other (an entity's name, then its id), and where each ends.
    runs: Vec<(usize, String, Vec<u32>)>,
    bound: usize,
}

impl Names {
    /// No names yet; `bound`: the bytes of names [`trim`](Self::trim) keeps.
    pub fn new(bound: usize) -> Self {
        Names {
            bound,
            ..Names::default()
        }
    }

    /// Keeps the names and ids of `entities`, the run of the table from entity number
    /// `first`.
    pub fn add(&mut self, first: usize, entities: &[Entity]) {
        let (mut all, mut ends) = (String::new(), Vec::with_capacity(2 * entities.len()));
        for s in entities.iter().flat_map(|e| [&e.canonical, &e.id]) {
            all.push_str(s);
            ends.push(u32::try_from(all.len()).unwrap_or(u32::MAX));
        }
        self.runs.push((first, all, ends));
    }

    /// Lets the runs given first go until the names kept are within the bound (the last
    /// run given stays, however large).
    pub fn trim(&mut self) {
        let mut keep = self.runs.len();
        let mut bytes = 0;
        while keep > 0 {
            let (_, all, ends) = &self.runs[keep - 1];
            let size = all.len() + 4 * ends.len();
            if keep < self.runs.len() && bytes + size > self.bound {
                break;
            }
            bytes += size;
            keep -= 1;
        }
        self.runs.drain(..keep);
    }

    /// The canonical name of entity number `entity`, if its run is kept.
    pub fn get(&self, entity: usize) -> Option<&str> {
        self.with_id(entity).map(|(name, _)| name)
    }

    /// The canonical name and id of entity number `entity`, if its run is kept.
    pub fn with_id(&self, entity: usize) -> Option<(&str, &str)> {
        self.runs.iter().rev().find_map(|(first, all, ends)| {
            let i = 2 * entity.checked_sub(*first)?;
            let (name, id) = (*ends.get(i)? as usize, *ends.get(i + 1)? as usize);
            let start = if i == 0 { 0 } else { ends[i - 1] as usize };
            Some((all.get(start..name)?, all.get(name..id)?))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Label;

    fn entity(name: &str) -> Entity {
        Entity {
            id: format!("x-{name}"),
            canonical: name.to_string(),
            label: Label::Org,
            aliases: Vec::new(),
            mentions: 1,
            documents: 1,
        }
    }

    #[test]
    fn names_are_found_in_the_run_that_gave_them_and_the_oldest_runs_go_when_trimmed_past_the_bound() {
        let mut names = Names::new(100);
        names.add(0, &[entity("Ålesund Port"), entity("Acme")]);
        names.add(5, &[entity("Zeta"), entity("")]);
        assert_eq!(names.get(0), Some("Ålesund Port"));
        assert_eq!(names.get(1), Some("Acme"));
        assert_eq!(names.get(2), None);
        assert_eq!(names.get(5), Some("Zeta"));
        assert_eq!(names.get(6), Some(""));
        assert_eq!(names.get(7), None);
        assert_eq!(names.with_id(5), Some(("Zeta", "x-Zeta")));
        // 17 + 21 + 16 and 4 + 8 + 16 bytes kept; with the next run's 48 they pass 100:
        // trimmed, the first goes.
        names.add(9, &[entity("Bravo Charlie Delta")]);
        assert_eq!(names.get(0), Some("Ålesund Port"));
        names.trim();
        assert_eq!(names.get(0), None);
        assert_eq!(names.get(5), Some("Zeta"));
        assert_eq!(names.get(9), Some("Bravo Charlie Delta"));
        // A run larger than the bound alone is still kept.
        names.add(20, &[entity(&"n".repeat(60))]);
        names.trim();
        assert_eq!(names.get(20).map(str::len), Some(60));
        assert_eq!(names.get(9), None);
    }

    #[test]
    fn a_mention_whose_entity_has_no_name_given_writes_nothing() {
        let (c, a) = crate::query::tests::fixture();
        let mut parts = MentionParts::new(Format::Csv);
        let known = |e: usize| (e != 2).then_some("someone");
        let doc = (0..c.documents.len())
            .find(|&d| a.docs[d].mentions.iter().any(|m| m.entity == 2))
            .unwrap();
        assert_eq!(
            parts.document(&c.documents[doc], &a.docs[doc], known, |_| true),
            Err(2)
        );
        assert_eq!(parts.finish(), "");
    }
}
