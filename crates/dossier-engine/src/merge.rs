//! The reader's own documents added to an analysed corpus, one at a time. The corpus
//! keeps its analysis exactly (its mentions, entities and ids); each of the reader's
//! documents is analysed as if it came after the corpus's documents
//! ([`dossier_core::analysis::extend`]: the recogniser knows the people the corpus
//! introduces, and the document's mentions are grouped with the corpus's), and each of
//! its entities joins the corpus entity it is there.
//!
//! An entity of a document's analysis that has mentions in the corpus joins the build's
//! entity of most of those mentions. One found only in the reader's documents joins an
//! entity of the same label, the corpus's or one a document added before named, whose
//! canonical name or alias is its canonical name, or is added as a new entity. A
//! document's analysis does not depend on the documents added before it, so adding one
//! costs the same however many were added: [`Merged::add`] analyses only it.

use dossier_core::analysis::extend::{Extender, Extension};
use dossier_core::corpus::{Corpus, Document};
use dossier_core::model::{Alias, Analysis, DocAnalysis, Entity};
use dossier_core::order;
use dossier_core::timeline::DateMention;
use dossier_core::Label;
use std::collections::{HashMap, HashSet};

/// An analysed corpus and the reader's documents added to it so far.
pub struct Merged<'c> {
    corpus: &'c Corpus,
    build: &'c Analysis,
    extender: Extender<'c>,
    /// The reader's documents in the order they were added, each with its analysis (its
    /// mentions pointing into `join.entities`) and dates (of document 0).
    mine: Vec<(Document, DocAnalysis, Vec<DateMention>)>,
    join: Joiner,
}

impl<'c> Merged<'c> {
    /// `corpus` and its build's `analysis`, read once by the analysis's passes
    /// ([`Extender::new`]; `progress(done, of)` is called as they go), with no document
    /// of the reader's yet.
    pub fn new(corpus: &'c Corpus, analysis: &'c Analysis, progress: impl FnMut(usize, usize)) -> Self {
        Merged {
            corpus,
            build: analysis,
            extender: Extender::new(corpus, progress),
            mine: Vec::new(),
            join: Joiner::new(analysis.entities.clone()),
        }
    }

    /// The corpus (without the reader's documents).
    pub fn corpus(&self) -> &'c Corpus {
        self.corpus
    }

    /// Adds `d`, whose file name no document has: analyses it with the corpus and joins
    /// its entities to the corpus's (and to those added before). Returns the analysis's
    /// work (elementary steps: [`Extension::work`]), which does not depend on the
    /// documents added before.
    pub fn add(&mut self, d: Document) -> usize {
        let x = self.extender.analyse(&d);
        let to_build = entities_in_build(self.build, &x);
        let Extension {
            mut doc, dates, work, ..
        } = x;
        self.join.count(&mut doc, &d, &x.entities, &to_build);
        self.mine.push((d, doc, dates));
        work
    }

    /// Forgets the reader's documents: the corpus alone again.
    pub fn clear(&mut self) {
        self.mine.clear();
        self.join = Joiner::new(self.build.entities.clone());
    }

    /// The reader's documents' part of the whole ([`dossier_core::part::split`] of
    /// [`Merged::whole`]): their texts and analysis in file-name order, every entity.
    pub fn part(&self) -> (Corpus, Analysis) {
        let mut order: Vec<usize> = (0..self.mine.len()).collect();
        order::sort_by(&mut order, |&a, &b| self.mine[a].0.file.cmp(&self.mine[b].0.file));
        let documents = order.iter().map(|&i| self.mine[i].0.clone()).collect();
        let docs = order.iter().map(|&i| self.mine[i].1.clone()).collect();
        let dates = (order.iter().enumerate())
            .flat_map(|(at, &i)| {
                self.mine[i]
                    .2
                    .iter()
                    .map(move |d| DateMention { doc: at, ..d.clone() })
            })
            .collect();
        let analysis = Analysis {
            docs,
            entities: self.join.entities.clone(),
            dates,
        };
        (Corpus { documents }, analysis)
    }

    /// The corpus with the reader's documents, in file-name order, and its analysis:
    /// the corpus's part is the build's.
    pub fn whole(&self) -> (Corpus, Analysis) {
        let (part, part_analysis) = self.part();
        dossier_core::part::join(self.corpus, self.build, part, part_analysis)
    }
}

/// `corpus` and its build's `analysis` with `mine` (the reader's documents, whose names
/// no corpus document has) added, in that order ([`Merged::add`]), as a whole
/// ([`Merged::whole`]). `progress(done, of, file)` is called before each step of the
/// analysis, with the file of the reader's document it reads, if it reads one.
pub fn add(
    corpus: Corpus,
    analysis: Analysis,
    mine: Vec<Document>,
    mut progress: impl FnMut(usize, usize, Option<&str>),
) -> (Corpus, Analysis) {
    let extra = 5 * mine.len();
    let mut of = 0;
    let mut merged = Merged::new(&corpus, &analysis, |done, n| {
        of = n;
        progress(done, n + extra, None)
    });
    for (i, d) in mine.into_iter().enumerate() {
        progress(of + 5 * i, of + extra, Some(&d.file));
        merged.add(d);
    }
    progress(of + extra, of + extra, None);
    merged.whole()
}

/// For each entity of `x` that its document names, the build's entity of most of its
/// mentions in corpus documents (same document and range), if any.
fn entities_in_build(build: &Analysis, x: &Extension) -> Vec<Option<usize>> {
    let mut named = vec![false; x.entities.len()];
    for m in &x.doc.mentions {
        named[m.entity] = true;
    }
    let mut votes: HashMap<usize, HashMap<usize, usize>> = HashMap::new();
    for (e, di, range) in x.corpus_mentions().filter(|(e, _, _)| named[*e]) {
        let theirs = &build.docs[di].mentions;
        let at = theirs.partition_point(|m| m.range.start < range.start);
        if let Some(m) = theirs.get(at).filter(|m| m.range == range) {
            *votes.entry(e).or_default().entry(m.entity).or_default() += 1;
        }
    }
    let mut to = vec![None; x.entities.len()];
    for (e, v) in votes {
        to[e] = v
            .into_iter()
            .max_by_key(|&(b, n)| (n, usize::MAX - b))
            .map(|(b, _)| b);
    }
    to
}

/// The merged entities as the reader's mentions are counted in.
struct Joiner {
    /// The build's entities, then the new ones.
    entities: Vec<Entity>,
    /// An entity of the document's analysis → its merged entity, once decided.
    chosen: HashMap<usize, usize>,
    /// The ids in use.
    ids: HashMap<String, ()>,
    /// The entities of each label and canonical name, and of each label and alias:
    /// found without reading every entity ([`Joiner::named`]).
    names: Names,
    aliases: Names,
}

/// Entities by label and a name.
type Names = HashMap<(Label, String), Vec<usize>>;

impl Joiner {
    fn new(entities: Vec<Entity>) -> Joiner {
        let ids = entities.iter().map(|e| (e.id.clone(), ())).collect();
        let (mut names, mut aliases) = (Names::new(), Names::new());
        for (i, e) in entities.iter().enumerate() {
            names.entry((e.label, e.canonical.clone())).or_default().push(i);
            for a in &e.aliases {
                aliases.entry((e.label, a.text.clone())).or_default().push(i);
            }
        }
        Joiner {
            entities,
            chosen: HashMap::new(),
            ids,
            names,
            aliases,
        }
    }

    /// Points the mentions of `a` (a reader's document `d`, by its analysis's entities
    /// `full`) at merged entities, counting them in.
    fn count(&mut self, a: &mut DocAnalysis, d: &Document, full: &[Entity], to_build: &[Option<usize>]) {
        self.chosen.clear();
        let mut seen = HashSet::new();
        for m in &mut a.mentions {
            let to = self.merged(m.entity, full, to_build);
            m.entity = to;
            let e = &mut self.entities[to];
            e.mentions += 1;
            if seen.insert(to) {
                e.documents += 1;
            }
            let text = &d.text[m.range.clone()];
            if add_alias(&mut e.aliases, text) {
                self.aliases
                    .entry((e.label, text.to_string()))
                    .or_default()
                    .push(to);
            }
        }
    }

    /// The merged entity of the document's analysis's entity `f`.
    fn merged(&mut self, f: usize, full: &[Entity], to_build: &[Option<usize>]) -> usize {
        if let Some(&to) = self.chosen.get(&f) {
            return to;
        }
        let e = &full[f];
        let to = to_build[f].or_else(|| self.named(e)).unwrap_or_else(|| {
            let id = unique_id(&e.id, &self.ids);
            self.ids.insert(id.clone(), ());
            let at = self.entities.len();
            self.names
                .entry((e.label, e.canonical.clone()))
                .or_default()
                .push(at);
            self.entities.push(Entity {
                id,
                aliases: Vec::new(),
                mentions: 0,
                documents: 0,
                ..e.clone()
            });
            at
        });
        self.chosen.insert(f, to);
        to
    }

    /// The merged entity that `e` names: same label, and `e`'s canonical name is its
    /// canonical name (first) or an alias; most mentions first.
    fn named(&self, e: &Entity) -> Option<usize> {
        let best = |index: &Names| {
            (index.get(&(e.label, e.canonical.clone()))?.iter().copied())
                .max_by_key(|&i| (self.entities[i].mentions, usize::MAX - i))
        };
        best(&self.names).or_else(|| best(&self.aliases))
    }
}

/// Counts one more mention written `text`, most frequent alias first; whether `text` is
/// a new alias.
fn add_alias(aliases: &mut Vec<Alias>, text: &str) -> bool {
    let new = match aliases.iter_mut().find(|x| x.text == text) {
        Some(x) => {
            x.count += 1;
            false
        }
        None => {
            aliases.push(Alias {
                text: text.to_string(),
                count: 1,
            });
            true
        }
    };
    order::sort_by(aliases, |x, y| y.count.cmp(&x.count).then(x.text.cmp(&y.text)));
    new
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
