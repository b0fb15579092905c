//! The analysis contract, checked on any corpus: offsets on char boundaries, in order,
//! not overlapping, inside their block and sentence; entity counts that add up.

use dossier_core::corpus::Corpus;
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
    let mut per_entity = vec![0usize; a.entities.len()];
    let mut docs_per_entity = vec![0usize; a.entities.len()];
    for (doc, da) in c.documents.iter().zip(&a.docs) {
        let t = &doc.text;
        let f = &doc.file;
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
        let inside =
            |outer: &Range<usize>, inner: &Range<usize>| outer.start <= inner.start && inner.end <= outer.end;
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
            let n = per_entity
                .get_mut(m.entity)
                .ok_or(format!("{f}: mention {m:?} of no entity"))?;
            *n += 1;
            if seen.insert(m.entity) {
                docs_per_entity[m.entity] += 1;
            }
        }
    }
    let mut ids = HashSet::new();
    for (i, e) in a.entities.iter().enumerate() {
        if !ids.insert(&e.id) {
            return Err(format!("entity id {:?} is not unique", e.id));
        }
        if e.id.is_empty() || e.id.bytes().any(|b| !(b.is_ascii_alphanumeric() || b == b'-')) {
            return Err(format!("entity id {:?} is not URL-safe", e.id));
        }
        if e.mentions != per_entity[i] || e.mentions == 0 {
            return Err(format!(
                "{:?} counts {} mentions, the documents hold {}",
                e.id, e.mentions, per_entity[i]
            ));
        }
        if e.documents != docs_per_entity[i] {
            return Err(format!(
                "{:?} counts {} documents, its mentions are in {}",
                e.id, e.documents, docs_per_entity[i]
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
