//! Entity co-occurrence at sentence level: how often the top entities are mentioned
//! in the same sentence, and which sentences those are.

use crate::label::Label;
use crate::model::Analysis;
use std::ops::Range;

/// Sentence co-occurrence counts among the top entities.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cooccurrence {
    /// The entities (indices into the analysis's entities): the pinned one first, then
    /// the most present.
    pub entities: Vec<usize>,
    /// Row-major `n × n` counts: off the diagonal, sentences mentioning both entities;
    /// on it, sentences mentioning the entity.
    pub counts: Vec<u32>,
    /// Row-major `n × n`: the documents with at least one such sentence.
    pub documents: Vec<u32>,
}

impl Cooccurrence {
    /// The number of entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// Whether there are no entities.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// The count for the `i`-th and `j`-th entities (positions in [`Self::entities`]).
    pub fn get(&self, i: usize, j: usize) -> u32 {
        self.counts[i * self.len() + j]
    }

    /// The documents where the `i`-th and `j`-th entities share a sentence.
    pub fn documents(&self, i: usize, j: usize) -> u32 {
        self.documents[i * self.len() + j]
    }

    /// Every pair `(i, j, count)` with `i < j` that shares a sentence, most shared first.
    pub fn pairs(&self) -> Vec<(usize, usize, u32)> {
        let n = self.len();
        let mut out: Vec<(usize, usize, u32)> = (0..n)
            .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
            .map(|(i, j)| (i, j, self.get(i, j)))
            .filter(|p| p.2 > 0)
            .collect();
        crate::order::sort_by(&mut out, |a, b| b.2.cmp(&a.2).then((a.0, a.1).cmp(&(b.0, b.1))));
        out
    }
}

/// Whether entities of this label take part in co-occurrence (values do not).
pub fn connects(label: Label) -> bool {
    !matches!(label, Label::Date | Label::Money | Label::Percent)
}

/// [`cooccurrence_in`] over every document's article proper.
pub fn cooccurrence(a: &Analysis, top_n: usize) -> Cooccurrence {
    cooccurrence_in(a, top_n, false, |_| true)
}

/// Co-occurrence among the `top_n` entities (by documents, then mentions; dates, money
/// and percentages left out) over the documents for which `keep` is true, counting the
/// article proper unless `all_zones`.
pub fn cooccurrence_in(
    a: &Analysis,
    top_n: usize,
    all_zones: bool,
    keep: impl Fn(usize) -> bool,
) -> Cooccurrence {
    let among = Among {
        top_n,
        all_zones,
        labels: &|_| true,
        pinned: None,
    };
    cooccurrence_among(a, &among, keep)
}

/// Which entities a [`cooccurrence_among`] takes.
pub struct Among<'a> {
    /// How many entities at most.
    pub top_n: usize,
    /// Count captions and boilerplate too.
    pub all_zones: bool,
    /// The labels taken (values are never taken).
    pub labels: &'a dyn Fn(Label) -> bool,
    /// An entity taken first, whatever its label or presence (unless a value).
    pub pinned: Option<usize>,
}

/// Co-occurrence among `among`'s entities over the documents for which `keep` is true:
/// the pinned entity, then the most present of the chosen labels (by documents, then
/// mentions).
pub fn cooccurrence_among(a: &Analysis, among: &Among, keep: impl Fn(usize) -> bool) -> Cooccurrence {
    let all_zones = among.all_zones;
    let counted = |doc: usize| {
        let da = &a.docs[doc];
        da.mentions
            .iter()
            .filter(move |m| all_zones || da.blocks[m.block].zone.is_article())
    };
    let docs: Vec<usize> = (0..a.docs.len()).filter(|&d| keep(d)).collect();
    let presence = presence(
        a.entities.len(),
        docs.iter().map(|&d| (d, counted(d).map(|m| m.entity))),
    );
    let pinned = among.pinned.filter(|&e| connects(a.entities[e].label));
    let mut top: Vec<usize> = (0..a.entities.len())
        .filter(|&e| presence[e].1 > 0 && Some(e) != pinned)
        .filter(|&e| connects(a.entities[e].label) && (among.labels)(a.entities[e].label))
        .collect();
    crate::order::sort_by(&mut top, |&x, &y| presence[y].cmp(&presence[x]).then(x.cmp(&y)));
    top.splice(0..0, pinned);
    top.truncate(among.top_n);
    let n = top.len();
    let mut slot = vec![usize::MAX; a.entities.len()];
    for (i, &e) in top.iter().enumerate() {
        slot[e] = i;
    }
    let mut counts = vec![0u32; n * n];
    let mut documents = vec![0u32; n * n];
    let mut last_doc = vec![usize::MAX; n * n];
    let mut here: Vec<usize> = Vec::new();
    for &d in &docs {
        let mut sentence = usize::MAX;
        for m in counted(d).chain(std::iter::once(&SENTINEL)) {
            if m.sentence != sentence {
                crate::order::sort_small(&mut here);
                here.dedup();
                for &i in &here {
                    for &j in &here {
                        counts[i * n + j] += 1;
                        if last_doc[i * n + j] != d {
                            last_doc[i * n + j] = d;
                            documents[i * n + j] += 1;
                        }
                    }
                }
                here.clear();
                sentence = m.sentence;
            }
            if m.entity != usize::MAX && slot[m.entity] != usize::MAX {
                here.push(slot[m.entity]);
            }
        }
    }
    Cooccurrence {
        entities: top,
        counts,
        documents,
    }
}

/// (documents, mentions) per entity over `docs`, each a document and its entities.
fn presence<I: Iterator<Item = usize>>(
    entities: usize,
    docs: impl Iterator<Item = (usize, I)>,
) -> Vec<(u32, u32)> {
    let mut presence = vec![(0u32, 0u32); entities];
    let mut last_doc = vec![usize::MAX; entities];
    for (d, mentioned) in docs {
        for e in mentioned {
            let p = &mut presence[e];
            p.1 += 1;
            if last_doc[e] != d {
                last_doc[e] = d;
                p.0 += 1;
            }
        }
    }
    presence
}

/// Ends the last sentence of a document in the counting loop.
const SENTINEL: crate::model::Mention = crate::model::Mention {
    range: 0..0,
    label: Label::Date,
    entity: usize::MAX,
    block: 0,
    sentence: usize::MAX - 1,
};

/// A sentence mentioning two entities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedSentence {
    /// Index of the document.
    pub doc: usize,
    /// Index of the sentence in the document's sentences.
    pub sentence: usize,
    /// Byte range of the sentence in the document's text.
    pub range: Range<usize>,
    /// The mentions of either entity in it: byte range and entity index, in order.
    pub mentions: Vec<(Range<usize>, usize)>,
}

/// Every sentence that mentions both entities `x` and `y` (indices), by document then
/// position, in the article proper unless `all_zones`.
pub fn sentences_with(a: &Analysis, x: usize, y: usize, all_zones: bool) -> Vec<SharedSentence> {
    let mut out = Vec::new();
    for (doc, da) in a.docs.iter().enumerate() {
        let ms = da.mentions.iter().filter(|m| {
            (m.entity == x || m.entity == y) && (all_zones || da.blocks[m.block].zone.is_article())
        });
        let mut current: Option<SharedSentence> = None;
        let mut flush = |s: Option<SharedSentence>| {
            if let Some(s) = s {
                let both = s.mentions.iter().any(|m| m.1 == x) && s.mentions.iter().any(|m| m.1 == y);
                if both && x != y {
                    out.push(s);
                }
            }
        };
        for m in ms {
            if current.as_ref().is_none_or(|s| s.sentence != m.sentence) {
                flush(current.take());
                current = Some(SharedSentence {
                    doc,
                    sentence: m.sentence,
                    range: da.sentences.get(m.sentence).cloned().unwrap_or(m.range.clone()),
                    mentions: Vec::new(),
                });
            }
            if let Some(s) = current.as_mut() {
                s.mentions.push((m.range.clone(), m.entity));
            }
        }
        flush(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::tests::fixture;

    #[test]
    fn entities_sharing_a_sentence_are_counted_once_per_sentence() {
        let (_, a) = fixture();
        let co = cooccurrence(&a, 10);
        // Putin: 2 documents, 3 mentions; Beijing: 2 and 2; Xi: 1 and 2 (article only).
        assert_eq!(co.entities, [0, 2, 1]);
        let at = |x: usize, y: usize| {
            let p = |e| co.entities.iter().position(|&v| v == e).unwrap();
            co.get(p(x), p(y))
        };
        assert_eq!(at(0, 1), 2); // title and first paragraph of document 0
        assert_eq!(at(0, 2), 1);
        assert_eq!(at(0, 0), 3);
        assert_eq!(co.pairs()[0].2, 2);
    }

    #[test]
    fn values_are_left_out_and_top_n_is_respected() {
        let (_, mut a) = fixture();
        a.entities[2].label = Label::Date;
        let co = cooccurrence(&a, 1);
        assert_eq!(co.entities, [0]);
        assert_eq!(co.counts, [3]);
        assert!(cooccurrence(&a, 0).is_empty());
    }

    #[test]
    fn a_scope_narrows_documents_and_zones() {
        let (_, a) = fixture();
        let co = cooccurrence_in(&a, 10, true, |d| d == 2);
        assert_eq!(co.entities, [1, 2]);
        assert_eq!(co.get(0, 1), 0);
    }

    #[test]
    fn shared_sentences_list_both_mentions() {
        let (c, a) = fixture();
        let s = sentences_with(&a, 0, 1, false);
        assert_eq!(s.len(), 2);
        assert_eq!(
            &c.documents[0].text[s[1].range.clone()],
            "Putin and Xi signed a trade deal in Beijing."
        );
        assert_eq!(s[1].mentions.len(), 2);
        assert!(sentences_with(&a, 0, 0, false).is_empty());
        assert_eq!(sentences_with(&a, 1, 2, false).len(), 1);
        assert!(sentences_with(&a, 1, 2, true).len() == 1);
    }

    #[test]
    fn labels_narrow_the_entities_and_a_pinned_one_comes_first() {
        let (_, a) = fixture();
        let people = |l: Label| l == Label::Person;
        let among = Among {
            top_n: 10,
            all_zones: false,
            labels: &people,
            pinned: None,
        };
        let co = cooccurrence_among(&a, &among, |_| true);
        assert!(co.entities.iter().all(|&e| a.entities[e].label == Label::Person));
        let beijing = (0..a.entities.len())
            .find(|&e| a.entities[e].label != Label::Person)
            .unwrap();
        let pinned = Among {
            pinned: Some(beijing),
            ..among
        };
        let co = cooccurrence_among(&a, &pinned, |_| true);
        assert_eq!(co.entities[0], beijing);
        assert_eq!(
            co.len(),
            1 + a.entities.iter().filter(|e| e.label == Label::Person).count()
        );
    }

    #[test]
    fn documents_count_each_article_once_per_pair() {
        let (_, a) = fixture();
        let co = cooccurrence(&a, 10);
        let p = |e| co.entities.iter().position(|&v| v == e).unwrap();
        // Putin and Beijing share two sentences, both in document 0.
        assert_eq!((co.get(p(0), p(1)), co.documents(p(0), p(1))), (2, 1));
    }
}
