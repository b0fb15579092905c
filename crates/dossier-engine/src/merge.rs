//! The reader's own documents added to an analysed corpus. The corpus keeps its analysis
//! exactly (its mentions, entities and ids); the reader's documents are analysed as if
//! they were in the corpus folder, and each of their entities joins the corpus entity
//! it is there.
//!
//! The reader's documents are analysed with the corpus's texts (the recogniser learns
//! the people the corpus knows, and groups across documents, as the build does): an
//! entity of that analysis that has mentions in the corpus joins the build's entity of
//! most of those mentions. One found only in the reader's documents joins a corpus
//! entity of the same label whose canonical name or alias is its canonical name, or is
//! added as a new entity.

use dossier_core::analysis::Analyser;
use dossier_core::corpus::{Corpus, Document};
use dossier_core::model::{Alias, Analysis, DocAnalysis, Entity};
use dossier_core::{order, Curation};
use std::collections::HashMap;

/// `corpus` and its build's `analysis` with `mine` (the reader's documents, whose names
/// no corpus document has) added, in file-name order; the build's entities keep their
/// places (so the app need renumber none of its mentions: [`dossier_core::part`]), the
/// new ones follow in the order the reader's documents first name them. `progress(done, of, file)` is called before each
/// step of the analysis, with the file of the reader's document it reads, if it reads one.
pub fn add(
    corpus: Corpus,
    analysis: Analysis,
    mine: Vec<Document>,
    mut progress: impl FnMut(usize, usize, Option<&str>),
) -> (Corpus, Analysis) {
    let combined = Corpus::new(corpus.documents.iter().cloned().chain(mine).collect());
    let in_build: HashMap<&str, usize> = (corpus.documents.iter().enumerate())
        .map(|(i, d)| (d.file.as_str(), i))
        .collect();
    let build_doc: Vec<Option<usize>> = (combined.documents.iter())
        .map(|d| in_build.get(d.file.as_str()).copied())
        .collect();
    let mut analyser = Analyser::new(&combined);
    loop {
        let (done, of) = analyser.progress();
        let reading = analyser.reading().filter(|&di| build_doc[di].is_none());
        progress(done, of, reading.map(|di| &*combined.documents[di].file));
        if !analyser.step() {
            break;
        }
    }
    let full = analyser.finish(&Curation::default());
    let to_build = entities_in_build(&analysis, &full, &build_doc);
    let mut join = Joiner::new(analysis.entities);
    let mut build_docs: Vec<Option<DocAnalysis>> = analysis.docs.into_iter().map(Some).collect();
    let mut docs = Vec::with_capacity(combined.documents.len());
    for (di, (mut a, d)) in full.docs.into_iter().zip(&combined.documents).enumerate() {
        match build_doc[di] {
            Some(b) => a = build_docs[b].take().expect("each document once"),
            None => join.count(&mut a, d, &full.entities, &to_build),
        }
        docs.push(a);
    }
    let dates = merged_dates(analysis.dates, full.dates, &build_doc);
    let analysis = Analysis {
        docs,
        entities: join.entities,
        dates,
    };
    (combined, analysis)
}

/// For each entity of `full` (the combined analysis), the build's entity of most of its
/// mentions in corpus documents (same document and range), if any.
fn entities_in_build(build: &Analysis, full: &Analysis, build_doc: &[Option<usize>]) -> Vec<Option<usize>> {
    let mut votes: Vec<HashMap<usize, usize>> = vec![HashMap::new(); full.entities.len()];
    for (di, a) in full.docs.iter().enumerate() {
        let Some(b) = build_doc[di] else { continue };
        let theirs = &build.docs[b].mentions;
        for m in &a.mentions {
            let at = theirs.partition_point(|x| x.range.start < m.range.start);
            if let Some(x) = theirs.get(at).filter(|x| x.range == m.range) {
                *votes[m.entity].entry(x.entity).or_default() += 1;
            }
        }
    }
    votes
        .into_iter()
        .map(|v| {
            v.into_iter()
                .max_by_key(|&(e, n)| (n, usize::MAX - e))
                .map(|(e, _)| e)
        })
        .collect()
}

/// The build's dates, then those of the reader's documents, by combined document index.
fn merged_dates(
    build: Vec<dossier_core::timeline::DateMention>,
    full: Vec<dossier_core::timeline::DateMention>,
    build_doc: &[Option<usize>],
) -> Vec<dossier_core::timeline::DateMention> {
    let mut index = vec![0; build_doc.len()];
    for (di, b) in build_doc.iter().enumerate() {
        if let Some(b) = b {
            index[*b] = di;
        }
    }
    let mut dates: Vec<_> = build
        .into_iter()
        .map(|mut d| {
            d.doc = index[d.doc];
            d
        })
        .chain(full.into_iter().filter(|d| build_doc[d.doc].is_none()))
        .collect();
    order::sort_by(&mut dates, |a, b| {
        a.doc.cmp(&b.doc).then(a.mention.cmp(&b.mention))
    });
    dates
}

/// The merged entities as the reader's mentions are counted in.
struct Joiner {
    /// The build's entities, then the new ones.
    entities: Vec<Entity>,
    /// An entity of the combined analysis → its merged entity, once decided.
    chosen: HashMap<usize, usize>,
    /// The ids in use.
    ids: HashMap<String, ()>,
}

impl Joiner {
    fn new(entities: Vec<Entity>) -> Joiner {
        let ids = entities.iter().map(|e| (e.id.clone(), ())).collect();
        Joiner {
            entities,
            chosen: HashMap::new(),
            ids,
        }
    }

    /// Points the mentions of `a` (a reader's document `d`, by the combined analysis's
    /// entities `full`) at merged entities, counting them in.
    fn count(&mut self, a: &mut DocAnalysis, d: &Document, full: &[Entity], to_build: &[Option<usize>]) {
        let mut seen = Vec::new();
        for m in &mut a.mentions {
            let to = self.merged(m.entity, full, to_build);
            m.entity = to;
            let e = &mut self.entities[to];
            e.mentions += 1;
            if !seen.contains(&to) {
                seen.push(to);
                e.documents += 1;
            }
            add_alias(&mut e.aliases, &d.text[m.range.clone()]);
        }
    }

    /// The merged entity of the combined analysis's entity `f`.
    fn merged(&mut self, f: usize, full: &[Entity], to_build: &[Option<usize>]) -> usize {
        if let Some(&to) = self.chosen.get(&f) {
            return to;
        }
        let e = &full[f];
        let to = to_build[f]
            .or_else(|| named(&self.entities, e))
            .unwrap_or_else(|| {
                let id = unique_id(&e.id, &self.ids);
                self.ids.insert(id.clone(), ());
                self.entities.push(Entity {
                    id,
                    aliases: Vec::new(),
                    mentions: 0,
                    documents: 0,
                    ..e.clone()
                });
                self.entities.len() - 1
            });
        self.chosen.insert(f, to);
        to
    }
}

/// The entity of `ours` that `e` names: same label, and `e`'s canonical name is its
/// canonical name (first) or an alias; most mentions first.
fn named(ours: &[Entity], e: &Entity) -> Option<usize> {
    let by = |canonical: bool| {
        ours.iter()
            .enumerate()
            .filter(|(_, o)| o.label == e.label)
            .filter(|(_, o)| {
                if canonical {
                    o.canonical == e.canonical
                } else {
                    o.aliases.iter().any(|a| a.text == e.canonical)
                }
            })
            .max_by_key(|(i, o)| (o.mentions, usize::MAX - i))
            .map(|(i, _)| i)
    };
    by(true).or_else(|| by(false))
}

/// Counts one more mention written `text`; most frequent alias first.
fn add_alias(aliases: &mut Vec<Alias>, text: &str) {
    match aliases.iter_mut().find(|x| x.text == text) {
        Some(x) => x.count += 1,
        None => aliases.push(Alias {
            text: text.to_string(),
            count: 1,
        }),
    }
    order::sort_by(aliases, |x, y| y.count.cmp(&x.count).then(x.text.cmp(&y.text)));
}

/// `id`, or `id-2`, `id-3`… the first that `taken` does not hold.
fn unique_id(id: &str, taken: &HashMap<String, ()>) -> String {
    if !taken.contains_key(id) {
        return id.to_string();
    }
    (2..)
        .map(|n| format!("{id}-{n}"))
        .find(|c| !taken.contains_key(c))
        .expect("an unused id")
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_core::corpus::Meta;

    fn doc(file: &str, text: &str) -> Document {
        Document::new(file, text.to_string(), Meta::default()).unwrap()
    }

    fn analysed(docs: Vec<Document>) -> (Corpus, Analysis) {
        let c = Corpus::new(docs);
        let a = dossier_core::analyse(&c);
        (c, a)
    }

    fn named<'a>(a: &'a Analysis, name: &str) -> Option<&'a Entity> {
        a.entities.iter().find(|e| e.canonical == name)
    }

    #[test]
    fn a_surname_alone_joins_the_corpus_person_who_bears_it() {
        let (c, a) = analysed(vec![doc(
            "a.txt",
            "Orchestra tour\n\nThe conductor Agnieszka Wolniewicz led the orchestra in Vienna. \
             Wolniewicz said the tour would go on.",
        )]);
        let id = named(&a, "Agnieszka Wolniewicz")
            .expect("the corpus knows her")
            .id
            .clone();
        let mine = vec![doc(
            "mine/1",
            "Review\n\nCritics praised Wolniewicz after the concert in Graz.",
        )];
        let (c, a) = add(c, a, mine, |_, _, _| {});
        assert_eq!(c.documents.len(), 2);
        let (_, e) = a.entity(&id).expect("the corpus id is kept");
        assert_eq!(e.documents, 2, "{e:?}");
        assert!(
            named(&a, "Wolniewicz").is_none(),
            "no second entity for the surname"
        );
    }

    #[test]
    fn the_corpus_part_is_unchanged_and_the_reader_documents_follow_file_order() {
        let (c, a) = analysed(vec![doc(
            "b.txt",
            "Rain in Lisbon\n\nIt rained in Lisbon on 3 May 2021.",
        )]);
        let before = a.docs[0].clone();
        let mine = vec![doc(
            "a-mine.txt",
            "Sun in Porto\n\nThe sun shone in Porto on 4 May 2021.",
        )];
        let (c, a) = add(c, a, mine, |_, _, _| {});
        assert_eq!(c.documents[0].file, "a-mine.txt");
        assert_eq!(a.docs[1].mentions.len(), before.mentions.len());
        for (m, b) in a.docs[1].mentions.iter().zip(&before.mentions) {
            assert_eq!(m.range, b.range);
        }
        assert!(a.dates.windows(2).all(|w| w[0].doc <= w[1].doc));
        assert!(a.dates.iter().any(|d| d.doc == 0) && a.dates.iter().any(|d| d.doc == 1));
        assert!(named(&a, "Porto").is_some_and(|e| e.documents == 1));
        // The page format takes it back: the two halves agree.
        let (t, d) = dossier_core::page::write_parts(&c, &a).unwrap();
        assert_eq!(dossier_core::page::read(&t, &d).unwrap(), (c, a));
    }

    #[test]
    fn a_new_entity_whose_id_is_taken_gets_another() {
        let taken: HashMap<String, ()> = [("per-ana".to_string(), ()), ("per-ana-2".to_string(), ())].into();
        assert_eq!(unique_id("per-ana", &taken), "per-ana-3");
        assert_eq!(unique_id("per-bo", &taken), "per-bo");
    }
}
