//! The learned decision: what a run of capitalised words is when no rule has strong
//! evidence for it (no title, no "said", no table entry, no head word).
//!
//! A multiclass linear model — the mean of ten averaged perceptrons ([`perceptron`]) — scores five
//! classes ([`Class`]) from the features of the span ([`features`]): the shapes and
//! lower-cased forms of its words, the words around it, hits in the world-knowledge
//! tables, its position, the cues the rules look at, and what the rest of the document
//! says about the same words ([`evidence`]). The highest score wins; `NONE` drops the
//! candidate. Cost: a few dozen hash lookups per candidate.
//!
//! The weights are `data/decision_weights.tsv`, trained on openly licensed annotated
//! text (GUM) by `examples/train_decision.rs`, which runs this very code on the training
//! texts ([`collecting`]) so that the features at training are the features here.
//!
//! ```
//! use dossier_core::decide::{Class, Model};
//!
//! let model = Model::parse("# feature\tNONE\tPERSON\tORG\tPLACE\tEVENT\nlast=inc\t0\t0\t2\t0\t0\n");
//! assert_eq!(model.classify(&[Model::hash("last=inc")]), Class::Org);
//! assert_eq!(model.classify(&[Model::hash("last=unseen")]), Class::None);
//! ```

pub mod evidence;
pub mod features;
pub mod perceptron;
pub mod pool;
mod weights_rows;

pub use evidence::DocEvidence;
pub use features::{Cues, Features, SpanFacts};

use crate::hash::{FxHasher, FxMap};
use crate::text::Token;
use std::cell::RefCell;
use std::hash::Hasher;
use std::ops::Range;
use std::sync::OnceLock;

/// What the model decides a span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    /// Not a name (or not one of the labels below): the candidate is dropped.
    None,
    /// A person.
    Person,
    /// An organisation.
    Org,
    /// A place: the recogniser tells GPE, LOC and FAC apart by head words.
    Place,
    /// A named event.
    Event,
}

/// The number of classes: the columns of the weights table.
pub const CLASSES: usize = weights_rows::WEIGHTS;

impl Class {
    /// Every class, in the order of the weights table's columns.
    pub const ALL: [Class; CLASSES] = [Class::None, Class::Person, Class::Org, Class::Place, Class::Event];

    /// The column name in the weights table.
    pub fn code(self) -> &'static str {
        ["NONE", "PERSON", "ORG", "PLACE", "EVENT"][self as usize]
    }

    /// The class of a gold label: `GPE`, `LOC`, `FAC` (or alternatives of them) are
    /// places; labels the model does not decide give `None`.
    pub fn from_label(label: &str) -> Class {
        match label {
            "PERSON" => Class::Person,
            "ORG" => Class::Org,
            "EVENT" => Class::Event,
            l if l.split('|').all(|p| matches!(p, "GPE" | "LOC" | "FAC")) => Class::Place,
            _ => Class::None,
        }
    }
}

/// The weights: for each feature (by its hash), one weight per class.
#[derive(Debug, Default)]
pub struct Model {
    weights: FxMap<u64, [f32; CLASSES]>,
}

impl Model {
    /// The committed weights, read on first use from the form `build.rs` packs them in
    /// (the same rows as [`Model::parse`] of `data/decision_weights.tsv`, the numbers
    /// already read).
    pub fn get() -> &'static Model {
        static M: OnceLock<Model> = OnceLock::new();
        M.get_or_init(|| {
            Model::packed(
                include_str!(concat!(env!("OUT_DIR"), "/weights.features")),
                include_bytes!(concat!(env!("OUT_DIR"), "/weights.f32")),
            )
        })
    }

    /// The weights `build.rs` packs: the features' names, one a line, and their
    /// weights, [`CLASSES`] little-endian `f32` a row in the same order.
    fn packed(features: &str, weights: &[u8]) -> Model {
        let rows = weights.chunks_exact(4 * CLASSES);
        let mut map = FxMap::with_capacity_and_hasher(rows.len(), Default::default());
        for (name, row) in features.lines().zip(rows) {
            let mut w = [0f32; CLASSES];
            for (slot, bytes) in w.iter_mut().zip(row.chunks_exact(4)) {
                *slot = f32::from_le_bytes(bytes.try_into().expect("chunks of four bytes"));
            }
            map.insert(Model::hash(name), w);
        }
        Model { weights: map }
    }

    /// Parses a weights table: a `#` header line, then `feature<TAB>w_NONE<TAB>…`
    /// rows in the order of [`Class::ALL`]. Malformed rows are skipped.
    pub fn parse(tsv: &str) -> Model {
        let rows = weights_rows::rows(tsv);
        let weights = rows.map(|(name, w)| (Model::hash(name), w)).collect();
        Model { weights }
    }

    /// The hash a feature is looked up by.
    pub fn hash(feature: &str) -> u64 {
        let mut h = FxHasher::default();
        h.write(feature.as_bytes());
        h.finish()
    }

    /// The score of each class for a span with the features `hashes`.
    pub fn scores(&self, hashes: &[u64]) -> [f32; CLASSES] {
        let mut s = [0f32; CLASSES];
        for w in hashes.iter().filter_map(|h| self.weights.get(h)) {
            s.iter_mut().zip(w).for_each(|(a, b)| *a += b);
        }
        s
    }

    /// The class with the highest score; ties go to the earlier class (`None` first).
    pub fn classify(&self, hashes: &[u64]) -> Class {
        best(&self.scores(hashes))
    }
}

/// The index of the highest score, the first on ties, as a class.
fn best(scores: &[f32; CLASSES]) -> Class {
    let mut k = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[k] {
            k = i;
        }
    }
    Class::ALL[k]
}

/// One decision met while [`collecting`]: where it was and the features it had.
#[derive(Debug, Clone)]
pub struct Example {
    /// The address of the document's text (tells the documents of a corpus apart).
    pub doc: usize,
    /// The span's byte range in the document's text.
    pub range: Range<usize>,
    /// Its features, by name.
    pub features: Vec<String>,
}

thread_local! {
    /// The examples of [`collecting`], when a collection runs on this thread.
    static COLLECTED: RefCell<Option<Vec<Example>>> = const { RefCell::new(None) };
    /// The weights of [`deciding_with`], when they stand in for the committed ones.
    static STAND_IN: RefCell<Option<Model>> = const { RefCell::new(None) };
    /// The features of the span being decided: one buffer per thread, reused from span
    /// to span (a span has about twenty).
    static FEATURES: RefCell<Features> = RefCell::new(Features::default());
}

/// Runs `f` (an analysis) with `model` deciding on this thread in place of the
/// committed weights: how cross-validation (`examples/train_decision.rs --crossval`)
/// scores weights trained without the text it analyses.
pub fn deciding_with<R>(model: Model, f: impl FnOnce() -> R) -> R {
    STAND_IN.with(|m| *m.borrow_mut() = Some(model));
    let r = f();
    STAND_IN.with(|m| m.borrow_mut().take());
    r
}

/// Runs `f` (an analysis) and returns, with its result, every decision the model was
/// asked for on this thread, in order. Meanwhile the model answers `None` to every
/// question, so that what the recogniser sees while collecting never depends on
/// weights learnt before (training is reproducible from scratch).
pub fn collecting<R>(f: impl FnOnce() -> R) -> (R, Vec<Example>) {
    COLLECTED.with(|c| *c.borrow_mut() = Some(Vec::new()));
    let r = f();
    let examples = COLLECTED.with(|c| c.borrow_mut().take()).unwrap_or_default();
    (r, examples)
}

/// The longest span (in tokens) the model decides: a longer run of unknown capitalised
/// words in running text is a list, a line in capitals or a run-on heading, not one name,
/// and is dropped without a question (nor is it a training example).
pub const MAX_TOKENS: usize = 8;

/// Decides what the span of `facts` is, with the committed [`Model`]; `evidence` is the
/// document's, indexed on its first question from `doc` (all the document's tokens).
pub(crate) fn decide(facts: &SpanFacts, evidence: &mut DocEvidence, doc: &[Token]) -> Class {
    if facts.span.len() > MAX_TOKENS {
        return Class::None;
    }
    let collect = COLLECTED.with(|c| c.borrow().is_some());
    evidence.index_tokens(facts.text, doc);
    FEATURES.with(|f| {
        let mut f = f.borrow_mut();
        f.reset(collect);
        features::extract(facts, evidence, &mut f);
        decide_on(facts, &mut f, evidence, collect)
    })
}

/// The class of a span with the features `f` (its names taken when collecting), pooled
/// with the other mentions of its surface in the document ([`pool`]).
fn decide_on(facts: &SpanFacts, f: &mut Features, evidence: &mut DocEvidence, collect: bool) -> Class {
    if collect {
        let start = facts.toks[facts.span.start].start;
        let end = facts.toks[facts.span.end - 1].end;
        let example = Example {
            doc: facts.text.as_ptr() as usize,
            range: start..end,
            features: f.names.take().unwrap_or_default(),
        };
        COLLECTED.with(|c| c.borrow_mut().as_mut().map(|v| v.push(example)));
        return Class::None;
    }
    let stand_in = STAND_IN.with(|m| m.borrow().as_ref().map(|m| m.scores(&f.hashes)));
    let mut scores = stand_in.unwrap_or_else(|| Model::get().scores(&f.hashes));
    if has_code_word(facts) {
        // What reads as a person there is a product's code: no name.
        let person = std::mem::replace(&mut scores[Class::Person as usize], f32::MIN);
        scores[Class::None as usize] = scores[Class::None as usize].max(person);
    }
    let start = facts.toks[facts.span.start].start;
    let end = facts.toks[facts.span.end - 1].end;
    crate::text::lower_into(&facts.text[start..end], &mut f.surface);
    evidence.pool.decide(start..end, &f.surface, scores)
}

/// Whether a word of the span mixes letters and digits ("IE6", "A320"): a
/// model's or a version's code, an account's or a team's name, never a person's.
fn has_code_word(facts: &SpanFacts) -> bool {
    facts.toks[facts.span.clone()].iter().any(|t| {
        let w = t.text(facts.text);
        w.bytes().any(|b| b.is_ascii_digit()) && w.chars().any(char::is_alphabetic)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_and_unknown_features_give_none() {
        let m = Model::parse("# h\nx\t0\t1\t1\t0\t0\nbad\t1\n");
        assert_eq!(m.classify(&[]), Class::None);
        // PERSON and ORG tie: the earlier class wins.
        assert_eq!(m.classify(&[Model::hash("x")]), Class::Person);
        assert_eq!(m.classify(&[Model::hash("bad")]), Class::None);
    }

    #[test]
    fn the_packed_weights_are_the_committed_table_parsed() {
        let parsed = Model::parse(include_str!("../../data/decision_weights.tsv"));
        let packed = Model::get();
        assert!(packed.weights.len() > 10_000, "{}", packed.weights.len());
        assert_eq!(packed.weights, parsed.weights);
        // Bit for bit: `==` would take -0 for 0.
        for (h, w) in &parsed.weights {
            assert_eq!(packed.weights[h].map(f32::to_bits), w.map(f32::to_bits));
        }
    }

    /// What the recogniser finds in `text` with the committed weights.
    fn found(text: &str) -> Vec<(String, crate::Label)> {
        let lex = crate::recognise::Lexicon::default();
        crate::recognise::recognise_block(text, 0..text.len(), &lex, false)
            .into_iter()
            .map(|c| (text[c.range].to_string(), c.label))
            .collect()
    }

    #[test]
    fn ordinary_words_opening_sentences_are_dropped() {
        let v = found(
            "Researchers tracked the virus for a year. Technicians repaired the cable. Passengers waited.",
        );
        assert!(v.is_empty(), "{v:?}");
    }

    #[test]
    fn an_unknown_town_after_a_preposition_is_a_place() {
        // An unknown word opening a sentence is found as a name after "In"; its label
        // there is the model's weakest call (GUM has few such towns), so only the finding
        // is pinned.
        let v = found("In Kuressaare, the festival sold out within a day.");
        assert!(v.iter().any(|(t, _)| t == "Kuressaare"), "{v:?}");
        for town in ["Tromso", "Kirkenes", "Haparanda"] {
            let v = found(&format!("The prize went to a glaciologist from {town}."));
            assert!(v.contains(&(town.to_string(), crate::Label::Gpe)), "{v:?}");
        }
    }

    #[test]
    fn organisation_head_words_make_organisations() {
        let v = found("A former member of the Church of Glassworks spoke to the Harlow Chamber Orchestra.");
        assert!(
            v.contains(&("Church of Glassworks".to_string(), crate::Label::Org)),
            "{v:?}"
        );
        assert!(
            v.contains(&("Harlow Chamber Orchestra".to_string(), crate::Label::Org)),
            "{v:?}"
        );
        let v = found("Investors sold shares of Pellmore Pharmaceuticals after Tindle Studios bought some.");
        assert!(
            v.contains(&("Pellmore Pharmaceuticals".to_string(), crate::Label::Org)),
            "{v:?}"
        );
        assert!(
            v.contains(&("Tindle Studios".to_string(), crate::Label::Org)),
            "{v:?}"
        );
    }

    #[test]
    fn place_head_words_make_places_not_people() {
        let v = found("Hikers crossed Tamsin Creek and camped in Orwell Park, below Harrow Peak.");
        for (name, label) in [
            ("Tamsin Creek", crate::Label::Loc),
            ("Orwell Park", crate::Label::Fac),
            ("Harrow Peak", crate::Label::Loc),
        ] {
            assert!(v.contains(&(name.to_string(), label)), "{name}: {v:?}");
        }
        let v = found("The ferry to Kestrel Pass left from Grey Quay. Marlow Films made a film of it.");
        assert!(
            v.contains(&("Kestrel Pass".to_string(), crate::Label::Loc)),
            "{v:?}"
        );
        assert!(v.contains(&("Grey Quay".to_string(), crate::Label::Fac)), "{v:?}");
        assert!(
            v.contains(&("Marlow Films".to_string(), crate::Label::Org)),
            "{v:?}"
        );
    }

    #[test]
    fn a_long_run_of_unknown_capitalised_words_is_no_name() {
        // Twenty words: no name of any label (and no trailing forms of it to group).
        let text = format!("Said {}today.", "Putin ".repeat(20));
        let v = found(&text);
        assert!(v.iter().all(|(t, _)| t.split(' ').count() <= MAX_TOKENS), "{v:?}");
    }

    #[test]
    fn a_word_with_digits_is_no_person() {
        // A stand-in model that makes a person of every span it is asked about.
        let person = || Model::parse("# h\nbias\t0\t5\t1\t0\t0\n");
        let labels = |text: &str| {
            deciding_with(person(), || found(text))
                .into_iter()
                .filter(|(t, _)| t.starts_with("Travik"))
                .map(|(_, l)| l)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            labels("Yesterday we met Travik in the hall."),
            [crate::Label::Person]
        );
        // A version's code: the person's score goes to no name; no other label is lent.
        assert!(
            labels("Yesterday we met Travik9 users in the hall.").is_empty(),
            "mask"
        );
    }

    #[test]
    fn gold_labels_map_to_classes() {
        assert_eq!(Class::from_label("GPE|LOC|FAC"), Class::Place);
        assert_eq!(Class::from_label("LOC"), Class::Place);
        assert_eq!(Class::from_label("ORG"), Class::Org);
        assert_eq!(Class::from_label("DATE"), Class::None);
    }
}
