//! Trains the weights of the learned decision (`src/decide/`) and prints them as TSV.
//!
//! ```sh
//! cargo run --release -p dossier-core --example train_decision -- \
//!     /work/devset/train --news /work/devset/tune > crates/dossier-core/data/decision_weights.tsv
//! ```
//!
//! Each argument is a folder of `.txt` documents with a `gold.jsonl` (one mention a
//! line: `doc`, `start`, `end` in code points, `label`). The engine analyses each
//! folder as a corpus while [`collecting`] the spans it asks the model about, with the
//! features it computes for them; a span whose exact range is a gold mention takes
//! that mention's class, any other `NONE`. `BAGS` averaged perceptrons are trained on
//! them (fixed epochs, each epoch's order shuffled by a fixed seed, one seed a
//! perceptron) and the mean of their weights printed, pruned:
//! only features seen in at least `MIN_COUNT` examples, weights rounded to
//! 1/`SCALE`, rows of zeros left out. The same inputs give the same bytes.
//!
//! A folder after `--news` holds text of the kind the app reads (Wikinews, as the tune
//! part): its examples count `NEWS_WEIGHT` times (each met that many times an epoch).
//!
//! With `--eval <folder>` after the training folders it also prints to standard error
//! how the trained weights decide the spans of that folder (no output file changes),
//! and with `--errors` after that folder, each wrong decision (never use it on a
//! frozen test set).
//!
//! With `--crossval <folder> [--folds N]` after the training folders it prints
//! instead the mentions (`dossier extract --format jsonl`) of a `N`-fold
//! cross-validation over that folder (default 5 folds): its documents, in file-name
//! order, go to fold `i mod N`; for each fold the weights are trained on the training
//! folders and the other folds (news: they count `NEWS_WEIGHT` times), then the engine analyses the fold's documents as a
//! corpus of their own with those weights ([`deciding_with`]). The pooled predictions
//! are scored as the folder itself would be (`tools/devset/crossval.sh`).

use dossier_core::corpus::{load_dir, Corpus};
use dossier_core::decide::perceptron::{predict, train_bagged, Example, Weights};
use dossier_core::decide::{collecting, deciding_with, Class, Model, CLASSES};
use dossier_core::export;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// Passes over the examples.
const EPOCHS: usize = 12;
/// Perceptrons averaged, each with its own shuffling seed (cross-validated on tune, 4–8
/// folds: names labelled differently by two seeds 4.0 % with one, 2.3 % with 5, 1.2 % with 10).
const BAGS: u64 = 10;
/// How many times an example of news text counts (`--news`). Cross-validated on tune
/// (4–8 folds' mean micro F1, one run): 84.68 at 1, 85.04 at 2, 85.16 at 3, 84.70 at 4.
const NEWS_WEIGHT: usize = 3;
/// Features seen in fewer examples are left out.
const MIN_COUNT: usize = 4;
/// Weights are printed rounded to 1/SCALE.
const SCALE: f64 = 100.0;

/// One gold file: (document, start, end in code points) → class.
type Gold = HashMap<(String, usize, usize), Class>;

/// One decision of the engine as a training example: its features, its gold class and
/// the span with the words around it.
type Raw = (Vec<String>, Class, String);

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(k) = args.iter().position(|a| a == "--crossval") {
        let folds = match args.iter().position(|a| a == "--folds") {
            Some(f) => args.get(f + 1).and_then(|n| n.parse().ok()).expect("--folds <N>"),
            None => 5,
        };
        let dir = args.get(k + 1).expect("--crossval <folder>");
        return crossval(&args[..k], Path::new(dir), folds);
    }
    let (train_dirs, eval_dir) = match args.iter().position(|a| a == "--eval") {
        Some(k) => (&args[..k], args.get(k + 1)),
        None => (&args[..], None),
    };
    let errors = args.iter().any(|a| a == "--errors");
    assert!(
        !train_dirs.is_empty(),
        "usage: train_decision [--news] <folder>… [--eval <folder> [--errors] | --crossval <folder> [--folds N]]"
    );
    let raw = training_examples(train_dirs);
    let (vocab, w) = fit(&raw, true);
    if let Some(dir) = eval_dir {
        let raw = examples_of(Path::new(dir));
        let held: Vec<Example> = raw.iter().map(|(fs, c, _)| encode(&vocab, fs, *c)).collect();
        report("held out", &held, Some(&w));
        for (e, (_, _, text)) in held.iter().zip(&raw).filter(|_| errors) {
            let p = predict(&w, &e.features);
            if p != e.class {
                eprintln!("  gold {:<7} pred {:<7} {text}", e.class.code(), p.code());
            }
        }
    }
    print!("{}", weights_tsv(&vocab, &w));
}

/// Trains on `raw`: the features kept (ids in sorted order) and the averaged weights;
/// `verbose` reports the counts and the fit to standard error.
fn fit(raw: &[Raw], verbose: bool) -> (BTreeMap<String, usize>, Weights) {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (fs, _, _) in raw {
        for f in fs {
            *counts.entry(f.as_str()).or_default() += 1;
        }
    }
    let mut vocab: BTreeMap<String, usize> = BTreeMap::new();
    for (f, n) in &counts {
        if *n >= MIN_COUNT {
            let id = vocab.len();
            vocab.insert(f.to_string(), id);
        }
    }
    let examples: Vec<Example> = raw.iter().map(|(fs, c, _)| encode(&vocab, fs, *c)).collect();
    let w = train_bagged(&examples, vocab.len(), EPOCHS, BAGS);
    if verbose {
        report("training", &examples, None);
        report("trained on itself", &examples, Some(&w));
    }
    (vocab, w)
}

/// Prints the pooled mentions of a `folds`-fold cross-validation over `dir` (module
/// doc), training each fold's weights on `train_dirs` and the other folds.
fn crossval(train_dirs: &[String], dir: &Path, folds: usize) {
    assert!(folds >= 2, "--folds needs at least 2");
    let base = training_examples(train_dirs);
    let corpus = load_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let gold = read_gold(&dir.join("gold.jsonl"));
    let part = |k: usize, inside: bool| {
        let docs = corpus.documents.iter().enumerate();
        let docs = docs
            .filter(|(i, _)| (i % folds == k) == inside)
            .map(|(_, d)| d.clone());
        Corpus::new(docs.collect())
    };
    for k in 0..folds {
        let mut raw = base.clone();
        let news = examples_in(&part(k, false), &gold);
        (0..NEWS_WEIGHT).for_each(|_| raw.extend(news.iter().cloned()));
        let (vocab, w) = fit(&raw, false);
        let held = part(k, true);
        let model = Model::parse(&weights_tsv(&vocab, &w));
        let analysis = deciding_with(model, || dossier_core::analyse(&held));
        print!(
            "{}",
            export::mentions(&held, &analysis, export::Format::Jsonl, |_, _| true)
        );
        eprintln!(
            "fold {k}: {} documents, {} training examples",
            held.documents.len(),
            raw.len()
        );
    }
}

/// The examples of the training folders `args`, those of a folder after `--news`
/// repeated `NEWS_WEIGHT` times.
fn training_examples(args: &[String]) -> Vec<Raw> {
    let mut raw = Vec::new();
    let mut news = false;
    for a in args {
        if a == "--news" {
            news = true;
            continue;
        }
        let examples = examples_of(Path::new(a));
        let times = if news { NEWS_WEIGHT } else { 1 };
        (0..times).for_each(|_| raw.extend(examples.iter().cloned()));
        news = false;
    }
    raw
}

/// The examples of one folder (its `.txt` documents and `gold.jsonl`).
fn examples_of(dir: &Path) -> Vec<Raw> {
    let corpus = load_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    examples_in(&corpus, &read_gold(&dir.join("gold.jsonl")))
}

/// The examples of `corpus`: each decision's features, its class in `gold` and the
/// span with the words around it.
fn examples_in(corpus: &Corpus, gold: &Gold) -> Vec<Raw> {
    let (analysis, collected) = collecting(|| dossier_core::analyse(corpus));
    // The last decision on a span wins (the second pass may decide it again). While
    // collecting, every decision is NONE: a span that overlaps a mention of the result
    // was decided in the first pass only, and the second found something else there
    // (a person the first pass introduced); the model never decides it in the end.
    let mut by_span: BTreeMap<(usize, usize, usize), Vec<String>> = BTreeMap::new();
    for ex in collected {
        let Some(d) = corpus
            .documents
            .iter()
            .position(|d| d.text.as_ptr() as usize == ex.doc)
        else {
            continue;
        };
        // A place inside the span is no reason to skip it: the span is a stretch of
        // unknown words and places decided whole (a name that holds a place's name,
        // `recognise/names.rs`), which left the place its own mention when NONE.
        let overlaps = |m: &dossier_core::Mention| {
            let inside =
                ex.range.start <= m.range.start && m.range.end <= ex.range.end && m.range != ex.range;
            let place = matches!(m.label, dossier_core::Label::Gpe | dossier_core::Label::Loc);
            m.range.start < ex.range.end && ex.range.start < m.range.end && !(inside && place)
        };
        if analysis.docs[d].mentions.iter().any(overlaps) {
            continue;
        }
        by_span.insert((d, ex.range.start, ex.range.end), ex.features);
    }
    by_span
        .into_iter()
        .map(|((d, s, e), fs)| {
            let doc = &corpus.documents[d];
            let cp = |b: usize| doc.text[..b].chars().count();
            let key = (doc.file.clone(), cp(s), cp(e));
            let around = |b: usize, back: bool| {
                let mut b = b;
                for _ in 0..24 {
                    match back {
                        true if b > 0 => b = doc.text[..b].char_indices().last().map_or(0, |(k, _)| k),
                        false if b < doc.text.len() => {
                            b += doc.text[b..].chars().next().map_or(0, char::len_utf8)
                        }
                        _ => {}
                    }
                }
                b
            };
            let shown = format!(
                "{}[{}]{}",
                &doc.text[around(s, true)..s],
                &doc.text[s..e],
                &doc.text[e..around(e, false)]
            )
            .replace('\n', " ");
            (fs, gold.get(&key).copied().unwrap_or(Class::None), shown)
        })
        .collect()
}

/// Feature ids of `fs` (the ones kept) with its class.
fn encode(vocab: &BTreeMap<String, usize>, fs: &[String], class: Class) -> Example {
    let mut features: Vec<usize> = fs.iter().filter_map(|f| vocab.get(f).copied()).collect();
    features.sort_unstable();
    features.dedup();
    Example { features, class }
}

/// Reads `gold.jsonl`: the fields `doc`, `start`, `end`, `label` of each line.
fn read_gold(path: &Path) -> Gold {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut gold = Gold::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let field =
            |k: &str| json_field(line, k).unwrap_or_else(|| panic!("{}: no {k} in {line}", path.display()));
        let num = |k: &str| {
            field(k)
                .parse::<usize>()
                .unwrap_or_else(|_| panic!("bad {k} in {line}"))
        };
        gold.insert(
            (field("doc").to_string(), num("start"), num("end")),
            Class::from_label(field("label")),
        );
    }
    gold
}

/// The value of `"key": …` in a flat JSON object line: a string without escapes, or a
/// number.
fn json_field<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let at = line.find(&format!("\"{key}\":"))? + key.len() + 3;
    let rest = line[at..].trim_start();
    match rest.strip_prefix('"') {
        Some(s) => s.find('"').map(|e| &s[..e]),
        None => rest.find([',', '}']).map(|e| rest[..e].trim()),
    }
}

/// Prints to standard error the counts of each class and, with weights, the accuracy
/// and the per-class precision and recall of the predictions.
fn report(what: &str, examples: &[Example], w: Option<&Vec<[f64; CLASSES]>>) {
    let mut gold = [0usize; CLASSES];
    let (mut pred, mut hit) = ([0usize; CLASSES], [0usize; CLASSES]);
    for e in examples {
        gold[e.class as usize] += 1;
        if let Some(w) = w {
            let p = predict(w, &e.features);
            pred[p as usize] += 1;
            if p == e.class {
                hit[p as usize] += 1;
            }
        }
    }
    eprintln!("{what}: {} examples", examples.len());
    for c in Class::ALL {
        let k = c as usize;
        let pct = |a: usize, b: usize| if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 };
        eprintln!(
            "  {:<7} gold {:>5}  pred {:>5}  P {:>5.1}  R {:>5.1}",
            c.code(),
            gold[k],
            pred[k],
            pct(hit[k], pred[k]),
            pct(hit[k], gold[k])
        );
    }
}

/// The weights table: a header, then one row per feature with a weight left after
/// rounding, in sorted order of the features.
fn weights_tsv(vocab: &BTreeMap<String, usize>, w: &[[f64; CLASSES]]) -> String {
    let header: Vec<&str> = Class::ALL.iter().map(|c| c.code()).collect();
    let mut out = format!("# feature\t{}\n", header.join("\t"));
    for (f, &id) in vocab {
        let row = w[id].map(|x| (x * SCALE).round() / SCALE);
        if row.iter().all(|&x| x == 0.0) {
            continue;
        }
        let cols: Vec<String> = row.iter().map(|x| format!("{}", x + 0.0)).collect();
        out.push_str(&format!("{f}\t{}\n", cols.join("\t")));
    }
    out
}
