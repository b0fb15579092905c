//! The mentions and quotes tables written a document at a time, for a reader that holds
//! neither the whole corpus nor every entity (the sharded site's export), and a
//! comparison's a batch of rows at a time: [`Parts`] writes the parts of a table of
//! given columns, whose concatenation is what [`super::mentions`] and [`super::quotes`]
//! write for the same documents, and [`Names`]
//! keeps the entities' names and ids it is fed, a run of the entity table at a time,
//! within a bound.

use super::{finish, start, text, CodePoints, Field, Format, Table};
use crate::corpus::Document;
use crate::model::{DocAnalysis, Entity, Mention, Quote};

/// The columns of the mentions table.
pub const MENTION_COLUMNS: &[&str] = &["doc", "start", "end", "text", "label", "canonical", "zone"];

/// The columns of the quotes table.
pub const QUOTE_COLUMNS: &[&str] = &[
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

/// The columns of a comparison's table (Compare): the entity, where it is named (`only_a`,
/// `both`, `only_b`), its mentions, articles and share of the mentions (percent) on each
/// side, the change of its share (percentage points, B less A) and a link to the view of
/// its mentions on both sides.
pub const COMPARISON_COLUMNS: &[&str] = &[
    "entity_id",
    "entity",
    "label",
    "presence",
    "mentions_a",
    "articles_a",
    "share_a",
    "mentions_b",
    "articles_b",
    "share_b",
    "change",
    "link",
];

/// A table written in parts: [`start`](Self::start), then rows, a document's or a batch
/// at a time ([`mentions`](Self::mentions), [`quotes`](Self::quotes),
/// [`compared`](Self::compared), each for the table of its columns), then
/// [`finish`](Self::finish); the parts joined are the table written whole.
#[derive(Debug, Clone)]
pub struct Parts {
    columns: &'static [&'static str],
    format: Format,
    rows: usize,
}

/// A row of a comparison's table ([`COMPARISON_COLUMNS`]).
#[derive(Debug, Clone, PartialEq)]
pub struct ComparedRow<'a> {
    /// The entity's id, canonical name and label's code.
    pub entity: [&'a str; 3],
    /// `only_a`, `both` or `only_b`.
    pub presence: &'a str,
    /// Mentions and articles on side A, then on side B.
    pub counts: [usize; 4],
    /// Its share of each side's mentions, in percent.
    pub shares: [f64; 2],
    /// The view of its mentions on both sides.
    pub link: &'a str,
}

impl Parts {
    /// A table of `columns` in `format`, with no row yet.
    pub fn new(columns: &'static [&'static str], format: Format) -> Self {
        Parts {
            columns,
            format,
            rows: 0,
        }
    }

    /// What comes before the rows: CSV's byte order mark and header, JSON's `[`.
    pub fn start(&self) -> String {
        start(self.columns, self.format)
    }

    /// What comes after the rows (JSON's `]`).
    pub fn finish(&self) -> String {
        finish(self.format, self.rows > 0).to_string()
    }

    /// Appends `t`'s rows to `out`, after those written before.
    fn put(&mut self, t: &Table, out: &mut String) {
        t.encode_rows(self.format, self.rows, out);
        self.rows += t.rows().len();
    }

    /// The mentions table's rows ([`MENTION_COLUMNS`]) of `doc`'s mentions (analysed as
    /// `da`) for which `keep` holds, each with its entity's canonical name,
    /// `name(entity index)`. Fails with the first entity `name` does not know, writing
    /// nothing.
    pub fn mentions<'n>(
        &mut self,
        doc: &Document,
        da: &DocAnalysis,
        name: impl Fn(usize) -> Option<&'n str>,
        keep: impl Fn(&Mention) -> bool,
    ) -> Result<String, usize> {
        let mut out = String::new();
        self.mentions_into(doc, da, name, keep, &mut out)?;
        Ok(out)
    }

    /// [`mentions`](Self::mentions), appending the rows to `out` (left as it was when it
    /// fails): the whole table is written into one string, not copied a document's rows
    /// at a time.
    pub(crate) fn mentions_into<'n>(
        &mut self,
        doc: &Document,
        da: &DocAnalysis,
        name: impl Fn(usize) -> Option<&'n str>,
        keep: impl Fn(&Mention) -> bool,
        out: &mut String,
    ) -> Result<(), usize> {
        let mut t = Table::with_rows(self.columns, da.mentions.len());
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
        self.put(&t, out);
        Ok(())
    }

    /// The quotes table's rows ([`QUOTE_COLUMNS`]) of `doc`'s quotes (analysed as `da`)
    /// for which `keep` holds, each with its speaker's canonical name and id,
    /// `speaker(entity index)`. Fails with the first speaker `speaker` does not know,
    /// writing nothing.
    pub fn quotes<'n>(
        &mut self,
        doc: &Document,
        da: &DocAnalysis,
        speaker: impl Fn(usize) -> Option<(&'n str, &'n str)>,
        keep: impl Fn(&Quote) -> bool,
    ) -> Result<String, usize> {
        let mut t = Table::new(self.columns);
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
        self.put(&t, &mut out);
        Ok(out)
    }

    /// A comparison's table's rows ([`COMPARISON_COLUMNS`]), shares and change to two
    /// decimals.
    pub fn compared(&mut self, rows: &[ComparedRow]) -> String {
        let mut t = Table::with_rows(self.columns, rows.len());
        for r in rows {
            let [id, name, label] = r.entity;
            let [ma, aa, mb, ab] = r.counts;
            t.row([
                text(id),
                text(name),
                text(label),
                text(r.presence),
                Field::Num(ma),
                Field::Num(aa),
                Field::Written(fixed(r.shares[0])),
                Field::Num(mb),
                Field::Num(ab),
                Field::Written(fixed(r.shares[1])),
                Field::Written(fixed(r.shares[1] - r.shares[0])),
                text(r.link),
            ]);
        }
        let mut out = String::new();
        self.put(&t, &mut out);
        out
    }
}

/// `x` written to two decimals, rounded half away from zero, with no sign when it rounds
/// to zero (`-1.25`, `0.00`, never `-0.00`). Here, not in the encoder, so that a page
/// that never writes a comparison carries none of it.
fn fixed(x: f64) -> String {
    let n = (x.abs() * 100.0).round() as u64;
    let sign = if x < 0.0 && n > 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", n / 100, n % 100)
}

/// Entities' canonical names and ids, given a run of the entity table at a time ([`add`](Self::add)),
/// kept within a bound in bytes by [`trim`](Self::trim), which lets the runs given first go
/// first: called once the rows that needed them are written, it never takes a name a
/// document being written needs.
#[derive(Debug, Clone, Default)]
pub struct Names {
    /// Each run kept, in the order given: its first entity, its names, ids and labels'
    /// codes one after the other (an entity's name, id, then label), and where each ends.
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

    /// Keeps the names, ids and labels of `entities`, the run of the table from entity number
    /// `first`.
    pub fn add(&mut self, first: usize, entities: &[Entity]) {
        let (mut all, mut ends) = (String::new(), Vec::with_capacity(3 * entities.len()));
        for s in entities
            .iter()
            .flat_map(|e| [&e.canonical, &e.id, e.label.code()])
        {
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
        self.all(entity).map(|[name, id, _]| (name, id))
    }

    /// The canonical name, id and label's code of entity number `entity`, if its run is
    /// kept.
    pub fn all(&self, entity: usize) -> Option<[&str; 3]> {
        self.runs.iter().rev().find_map(|(first, all, ends)| {
            let i = 3 * entity.checked_sub(*first)?;
            let end = |k: usize| Some(*ends.get(i + k)? as usize);
            let (name, id, label) = (end(0)?, end(1)?, end(2)?);
            let start = if i == 0 { 0 } else { ends[i - 1] as usize };
            Some([all.get(start..name)?, all.get(name..id)?, all.get(id..label)?])
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
        assert_eq!(names.all(1), Some(["Acme", "x-Acme", "ORG"]));
        // 44 + 24 and 18 + 24 bytes kept (names, ids, labels; four bytes an end); with the
        // next run's 43 + 12 they pass 100: trimmed, the first goes.
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
    fn a_comparison_is_written_in_parts_with_shares_to_two_decimals_and_no_negative_zero() {
        let row = |id: &'static str, counts: [usize; 4], shares: [f64; 2]| ComparedRow {
            entity: [id, "Velmar, \"the\" Port", "ORG"],
            presence: "both",
            counts,
            shares,
            link: "https://example.org/?view=compare&v-e=x",
        };
        let mut parts = Parts::new(COMPARISON_COLUMNS, Format::Csv);
        let mut csv = parts.start();
        csv.push_str(&parts.compared(&[row("org-a", [3, 2, 1, 1], [12.5, 2.0 / 3.0])]));
        csv.push_str(&parts.compared(&[row("org-b", [1, 1, 1, 1], [0.001, 0.0])]));
        csv.push_str(&parts.finish());
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], format!("\u{feff}{}", COMPARISON_COLUMNS.join(",")));
        assert_eq!(
            lines[1],
            "org-a,\"Velmar, \"\"the\"\" Port\",ORG,both,3,2,12.50,1,1,0.67,-11.83,https://example.org/?view=compare&v-e=x"
        );
        assert!(lines[2].contains(",0.00,1,1,0.00,0.00,"), "{}", lines[2]);
        let mut parts = Parts::new(COMPARISON_COLUMNS, Format::Json);
        let json =
            parts.start() + &parts.compared(&[row("org-a", [3, 2, 1, 1], [12.5, 0.5])]) + &parts.finish();
        assert!(json.starts_with("[\n  {\"entity_id\": \"org-a\", "), "{json}");
        assert!(
            json.contains("\"share_a\": 12.50, ") && json.ends_with("}\n]\n"),
            "{json}"
        );
        let empty = Parts::new(COMPARISON_COLUMNS, Format::Json);
        assert_eq!(empty.start() + &empty.finish(), "[]\n");
    }

    #[test]
    fn a_mention_whose_entity_has_no_name_given_writes_nothing() {
        let (c, a) = crate::query::tests::fixture();
        let mut parts = Parts::new(MENTION_COLUMNS, Format::Csv);
        let known = |e: usize| (e != 2).then_some("someone");
        let doc = (0..c.documents.len())
            .find(|&d| a.docs[d].mentions.iter().any(|m| m.entity == 2))
            .unwrap();
        assert_eq!(
            parts.mentions(&c.documents[doc], &a.docs[doc], known, |_| true),
            Err(2)
        );
        assert_eq!(parts.finish(), "");
    }
}
