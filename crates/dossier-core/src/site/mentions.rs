//! A common entity's mentions cut in parts by document range, as a common term's
//! postings are (see the [module doc](super)): the writer and the one decoder.

use super::read::{mention_pairs, write_mentions, FileRef};
use super::terms::digits;
use super::SiteError;
use crate::index::Index;
use crate::page::{FIELD, RECORD};

/// The parts of each entity whose mentions alone would reach `size` bytes, handed to
/// `put` as (content, the directory's fields after the name and length), each ending
/// with the document that brings it to `size`; returns which entities have parts.
pub(super) fn mention_parts<E>(
    ix: &Index,
    size: usize,
    put: &mut impl FnMut(String, String) -> Result<(), E>,
) -> Result<Vec<bool>, E> {
    let n = ix.analysis().entities.len();
    let mut in_parts = vec![false; n];
    let mut record = String::new();
    for (e, cut) in in_parts.iter_mut().enumerate() {
        let mentions = ix.entity_mentions(e);
        record.clear();
        write_mentions(&mut record, mentions);
        if record.len() < size {
            continue;
        }
        *cut = true;
        let mut start = 0;
        while start < mentions.len() {
            let (mut end, mut bytes, mut previous) = (start, 0, 0);
            while end < mentions.len() && bytes < size {
                let (d, m) = mentions[end];
                bytes += digits((d - previous) as usize) + digits(m as usize);
                (previous, end) = (d, end + 1);
            }
            while end < mentions.len() && mentions[end].0 == mentions[end - 1].0 {
                end += 1;
            }
            let (first, last) = (mentions[start].0, mentions[end - 1].0);
            let count = last - first + 1;
            let mut out = format!("dossier-mentions 1{FIELD}{e}{FIELD}{first}{FIELD}{count}{RECORD}");
            write_mentions(&mut out, &mentions[start..end]);
            put(out, format!("{first}{FIELD}{count}{FIELD}{e}"))?;
            start = end;
        }
    }
    Ok(in_parts)
}

/// Reads the part `file` of an entity's mentions, as `fetched`: its mentions as
/// (document, index in the document's mentions), in order.
pub fn read_mention_part(file: &FileRef, fetched: Option<&[u8]>) -> Result<Vec<(u32, u32)>, SiteError> {
    let text = file.open(fetched)?;
    let bad = |why: &str| SiteError::damaged(&file.name, why);
    let (header, list) = text.split_once(RECORD).ok_or_else(|| bad("no mentions"))?;
    let (e, first, count) = (&file.key, file.first, file.count);
    if header != format!("dossier-mentions 1{FIELD}{e}{FIELD}{first}{FIELD}{count}") {
        return Err(bad("not the part the directory says"));
    }
    let mentions = mention_pairs(list).ok_or_else(|| bad("bad mentions"))?;
    if !mentions
        .iter()
        .all(|&(d, _)| (first..first + count).contains(&(d as usize)))
    {
        return Err(bad("mentions outside its documents"));
    }
    Ok(mentions)
}
