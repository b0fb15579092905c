//! Mentions in context (KWIC): every mention of chosen entities with the words on
//! either side, for the explorer's mentions view and its export.

use super::{context_left, context_right, CONTEXT_CHARS};
use crate::index::Index;
use crate::model::Zone;
use std::cmp::Ordering;
use std::ops::Range;

/// The order of a mentions list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum KwicSort {
    /// By document (file order), then position in it.
    #[default]
    Document,
    /// By publication date (undated documents last), then document and position.
    Date,
    /// By relative position in the document (leads first), then document.
    Position,
}

impl KwicSort {
    /// Every order.
    pub const ALL: [KwicSort; 3] = [KwicSort::Document, KwicSort::Date, KwicSort::Position];

    /// The lower-case name used in the URL: `document`, `date`, `position`.
    pub fn code(self) -> &'static str {
        match self {
            KwicSort::Document => "document",
            KwicSort::Date => "date",
            KwicSort::Position => "position",
        }
    }
}

/// One mention with its context. All ranges are byte ranges in the document's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kwic {
    /// Index of the document.
    pub doc: usize,
    /// Index of the mention in the document's mentions.
    pub mention: usize,
    /// Index of the entity.
    pub entity: usize,
    /// The mention itself.
    pub range: Range<usize>,
    /// Context before it: about [`CONTEXT_CHARS`] characters of its block, from a word start.
    pub left: Range<usize>,
    /// Context after it: about [`CONTEXT_CHARS`] characters of its block, to a word end.
    pub right: Range<usize>,
    /// The zone of the mention's block.
    pub zone: Zone,
    /// The left context starts inside the block (show an ellipsis before it).
    pub cut_start: bool,
    /// The right context ends inside the block (show an ellipsis after it).
    pub cut_end: bool,
}

impl Kwic {
    /// Left context, mention and right context as text (`text` is the document's).
    pub fn texts<'t>(&self, text: &'t str) -> (&'t str, &'t str, &'t str) {
        (
            &text[self.left.clone()],
            &text[self.range.clone()],
            &text[self.right.clone()],
        )
    }
}

/// Every mention of `entities` (indices into the analysis's entities), in the article
/// proper unless `all_zones`, sorted by `sort`.
pub fn mentions(ix: &Index, entities: &[usize], sort: KwicSort, all_zones: bool) -> Vec<Kwic> {
    let (corpus, a) = (ix.corpus(), ix.analysis());
    let mut refs: Vec<(u32, u32)> = Vec::new();
    for (i, &e) in entities.iter().enumerate() {
        if e < a.entities.len() && !entities[..i].contains(&e) {
            refs.extend_from_slice(ix.entity_mentions(e));
        }
    }
    crate::order::sort(&mut refs);
    let mut out: Vec<Kwic> = refs
        .into_iter()
        .filter_map(|(d, m)| {
            let (doc, mention) = (d as usize, m as usize);
            let da = &a.docs[doc];
            let mn = &da.mentions[mention];
            let block = &da.blocks[mn.block];
            if !all_zones && !block.zone.is_article() {
                return None;
            }
            let text = &corpus.documents[doc].text;
            let r = mn.range.clone();
            let left = context_left(text, &block.range, r.start, CONTEXT_CHARS)..r.start;
            let right = r.end..context_right(text, &block.range, r.end, CONTEXT_CHARS);
            Some(Kwic {
                doc,
                mention,
                entity: mn.entity,
                cut_start: left.start > block.range.start,
                cut_end: right.end < block.range.end,
                left,
                right,
                range: r,
                zone: block.zone,
            })
        })
        .collect();
    let by_doc = |x: &Kwic, y: &Kwic| (x.doc, x.range.start).cmp(&(y.doc, y.range.start));
    match sort {
        KwicSort::Document => {}
        KwicSort::Date => {
            let date = |k: &Kwic| corpus.documents[k.doc].meta.published;
            crate::order::sort_by(&mut out, |x, y| match (date(x), date(y)) {
                (Some(p), Some(q)) => p.cmp(&q).then_with(|| by_doc(x, y)),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => by_doc(x, y),
            });
        }
        KwicSort::Position => {
            // start / length, compared without floating point.
            let len = |k: &Kwic| corpus.documents[k.doc].text.len().max(1) as u128;
            crate::order::sort_by(&mut out, |x, y| {
                (x.range.start as u128 * len(y))
                    .cmp(&(y.range.start as u128 * len(x)))
                    .then_with(|| by_doc(x, y))
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::query::tests::fixture;

    #[test]
    fn every_mention_of_the_entities_comes_with_its_context() {
        let (c, a) = fixture();
        let ix = Index::new(&c, &a);
        let k = mentions(&ix, &[0], KwicSort::Document, false);
        assert_eq!(k.len(), 3);
        let (l, m, r) = k[1].texts(&c.documents[0].text);
        assert_eq!(
            (l, m, r),
            ("", "Putin", " and Xi signed a trade deal in Beijing.")
        );
        assert!(k.iter().all(|k| a.docs[k.doc].mentions[k.mention].entity == 0));
        assert!(!k[1].cut_start && !k[1].cut_end, "the whole line is context");
    }

    #[test]
    fn context_is_cut_between_words_and_says_where() {
        let (mut c, a) = fixture();
        // The same mention offsets, in a longer line (only text after the mention grows).
        c.documents[1].text.to_mut().push_str(
            " The harvest was late, the roads were closed again and the markets were quiet for weeks.",
        );
        let mut a = a;
        let end = c.documents[1].text.len();
        a.docs[1].blocks[1].range.end = end;
        let ix = Index::new(&c, &a);
        let k = mentions(&ix, &[0], KwicSort::Document, false);
        let k = k.iter().find(|k| k.doc == 1).unwrap();
        let (l, _, r) = k.texts(&c.documents[1].text);
        assert_eq!(l, "The trade talks stalled. ");
        assert!(!k.cut_start && k.cut_end);
        assert!(
            r.len() < end - k.range.end && r.ends_with(|ch: char| ch.is_alphanumeric()),
            "{r:?}"
        );
        assert_eq!(c.documents[1].text[k.right.end..].chars().next(), Some(' '));
    }

    #[test]
    fn captions_are_left_out_unless_all_zones() {
        let (c, a) = fixture();
        let ix = Index::new(&c, &a);
        assert_eq!(mentions(&ix, &[1], KwicSort::Document, false).len(), 2);
        assert_eq!(mentions(&ix, &[1, 1], KwicSort::Document, true).len(), 3);
        assert!(mentions(&ix, &[99], KwicSort::Document, true).is_empty());
    }

    #[test]
    fn mentions_sort_by_date_with_undated_documents_last() {
        let (mut c, a) = fixture();
        c.documents[1].meta.published = Date::parse("2023").ok();
        c.documents[0].meta.published = Date::parse("2024-05").ok();
        let ix = Index::new(&c, &a);
        let docs: Vec<usize> = mentions(&ix, &[0, 2], KwicSort::Date, false)
            .iter()
            .map(|k| k.doc)
            .collect();
        assert_eq!(docs, [1, 0, 0, 0, 2]);
    }

    #[test]
    fn mentions_sort_by_relative_position() {
        let (c, a) = fixture();
        let ix = Index::new(&c, &a);
        let k = mentions(&ix, &[0], KwicSort::Position, false);
        assert_eq!((k[0].doc, k[0].range.start), (0, 0));
        assert!(k.windows(2).all(|w| {
            let rel = |k: &Kwic| k.range.start as f64 / c.documents[k.doc].text.len() as f64;
            rel(&w[0]) <= rel(&w[1])
        }));
    }
}
