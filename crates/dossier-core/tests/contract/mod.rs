//! The analysis contract, checked on any corpus: offsets on char boundaries, in order,
//! not overlapping, inside their block and sentence; entity counts that add up.

use dossier_core::corpus::Corpus;
use dossier_core::model::DocAnalysis;
use dossier_core::Analysis;
use std::collections::HashSet;
use std::ops::Range;

/// Checks every invariant of `a` as the analysis of `c`; the error names the first
/// broken one.
pub fn contract(c: &Corpus, a: &Analysis) -> Result<(), String> {
    if a.docs.len() != c.documents.len() {
        return Err(format!(
            "{} analyses for {} documents",
            a.docs.len(),
            c.documents.len()
        ));
    }
    let mut counts = Counts {
        mentions: vec![0; a.entities.len()],
        documents: vec![0; a.entities.len()],
    };
    for (doc, da) in c.documents.iter().zip(&a.docs) {
        ranges(&doc.file, &doc.text, da)?;
        mentions(&doc.file, da, &mut counts)?;
    }
    entities(a, &counts)
}

/// Each entity's mentions and documents, as the documents hold them.
struct Counts {
    mentions: Vec<usize>,
    documents: Vec<usize>,
}

/// A document's blocks, sentences and mentions: each in order, on char boundaries in
/// its text `t`, not overlapping; each sentence inside a block.
fn ranges(f: &str, t: &str, da: &DocAnalysis) -> Result<(), String> {
    let range_ok = |what: &str, r: &Range<usize>| -> Result<(), String> {
        if r.start >= r.end || r.end > t.len() {
            return Err(format!(
                "{f}: {what} {r:?} is empty or outside the text ({})",
                t.len()
            ));
        }
        if !t.is_char_boundary(r.start) || !t.is_char_boundary(r.end) {
            return Err(format!("{f}: {what} {r:?} is not on char boundaries"));
        }
        Ok(())
    };
    let in_order = |what: &str, rs: &mut dyn Iterator<Item = &Range<usize>>| -> Result<(), String> {
        let mut end = 0;
        for r in rs {
            range_ok(what, r)?;
            if r.start < end {
                return Err(format!("{f}: {what} {r:?} overlaps or precedes the previous one"));
            }
            end = r.end;
        }
        Ok(())
    };
    in_order("block", &mut da.blocks.iter().map(|b| &b.range))?;
    in_order("sentence", &mut da.sentences.iter())?;
    in_order("mention", &mut da.mentions.iter().map(|m| &m.range))?;
    // Both lists are in order: walk them together.
    let mut b = 0;
    for s in &da.sentences {
        while b < da.blocks.len() && da.blocks[b].range.end < s.end {
            b += 1;
        }
        if !da.blocks.get(b).is_some_and(|b| inside(&b.range, s)) {
            return Err(format!("{f}: sentence {s:?} is in no block"));
        }
    }
    Ok(())
}

fn inside(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// Each mention of a document inside its block and its sentence, of an entity that
/// exists; counted in `counts`.
fn mentions(f: &str, da: &DocAnalysis, counts: &mut Counts) -> Result<(), String> {
    let mut seen = HashSet::new();
    for m in &da.mentions {
        let block = da
            .blocks
            .get(m.block)
            .ok_or(format!("{f}: mention {m:?} has no block"))?;
        if !inside(&block.range, &m.range) {
            return Err(format!(
                "{f}: mention {m:?} is outside its block {:?}",
                block.range
            ));
        }
        let s = da
            .sentences
            .get(m.sentence)
            .ok_or(format!("{f}: mention {m:?} has no sentence"))?;
        if !inside(s, &m.range) {
            return Err(format!("{f}: mention {m:?} is outside its sentence {s:?}"));
        }
        let n = counts
            .mentions
            .get_mut(m.entity)
            .ok_or(format!("{f}: mention {m:?} of no entity"))?;
        *n += 1;
        if seen.insert(m.entity) {
            counts.documents[m.entity] += 1;
        }
    }
    Ok(())
}

/// Entity ids unique and URL-safe; each entity's counts those of the documents.
fn entities(a: &Analysis, counts: &Counts) -> Result<(), String> {
    let mut ids = HashSet::new();
    for (i, e) in a.entities.iter().enumerate() {
        if !ids.insert(&e.id) {
            return Err(format!("entity id {:?} is not unique", e.id));
        }
        if e.id.is_empty() || e.id.bytes().any(|b| !(b.is_ascii_alphanumeric() || b == b'-')) {
            return Err(format!("entity id {:?} is not URL-safe", e.id));
        }
        if e.mentions != counts.mentions[i] || e.mentions == 0 {
            return Err(format!(
                "{:?} counts {} mentions, the documents hold {}",
                e.id, e.mentions, counts.mentions[i]
            ));
        }
        if e.documents != counts.documents[i] {
            return Err(format!(
                "{:?} counts {} documents, its mentions are in {}",
                e.id, e.documents, counts.documents[i]
            ));
        }
        let aliases: usize = e.aliases.iter().map(|a| a.count).sum();
        if aliases != e.mentions {
            return Err(format!(
                "{:?}: aliases count {aliases}, mentions {}",
                e.id, e.mentions
            ));
        }
    }
    let total: usize = a.docs.iter().map(|d| d.mentions.len()).sum();
    let counted: usize = a.entities.iter().map(|e| e.mentions).sum();
    if total != counted {
        return Err(format!("{total} mentions, the entities count {counted}"));
    }
    Ok(())
}
