//! Quotes over the seed corpus (the tuning set of `docs/quotes-guidelines.md`) and over
//! hostile quoting: the floors the figures in `docs/entities.md` must keep, and linear
//! work however the quotation marks fall.

mod common;

use dossier_core::corpus::{Corpus, Document, Meta};
use dossier_core::export::CodePoints;
use dossier_core::quotes;
use std::collections::HashSet;

/// A quote as the scorer sees it: doc, code-point span, speaker span and name.
#[derive(Debug)]
struct Q {
    doc: String,
    start: usize,
    end: usize,
    speaker: Option<(usize, usize, String)>,
}

fn gold() -> Vec<Q> {
    let path = common::root().join("crates/dossier-core/tests/fixtures/quotes/seeds-gold.jsonl");
    let text = std::fs::read_to_string(path).expect("the quote gold");
    let num = |l: &str, k: &str| common::field(l, k).parse::<usize>().ok();
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| Q {
            doc: common::field(l, "doc").to_string(),
            start: num(l, "start").unwrap(),
            end: num(l, "end").unwrap(),
            speaker: num(l, "speaker_start").map(|s| {
                (
                    s,
                    num(l, "speaker_end").unwrap(),
                    common::field(l, "speaker").to_string(),
                )
            }),
        })
        .collect()
}

fn predicted() -> Vec<Q> {
    let (c, a) = common::seeds();
    let mut out = Vec::new();
    for (doc, da) in c.documents.iter().zip(&a.docs) {
        let mut cp = CodePoints::new(&doc.text);
        for q in &da.quotes {
            let (start, end) = (cp.at(q.range.start), cp.at(q.range.end));
            let speaker = q.speaker.map(|m| {
                let m = &da.mentions[m];
                let name = a.entities[m.entity].canonical.clone();
                (cp.at(m.range.start), cp.at(m.range.end), name)
            });
            out.push(Q {
                doc: doc.file.clone(),
                start,
                end,
                speaker,
            });
        }
    }
    out
}

fn words(s: &str) -> HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The same speaker: both none, overlapping mentions, or one name's words in the other's.
fn same_speaker(g: &Q, p: &Q) -> bool {
    match (&g.speaker, &p.speaker) {
        (None, None) => true,
        (Some((gs, ge, gn)), Some((ps, pe, pn))) => {
            let (gw, pw) = (words(gn), words(pn));
            (ps < ge && gs < pe) || gw.is_subset(&pw) || pw.is_subset(&gw)
        }
        _ => false,
    }
}

#[test]
fn seed_quotes_keep_their_floor() {
    let (gold, pred) = (gold(), predicted());
    let mut used = vec![false; pred.len()];
    let (mut matched, mut right_speaker) = (0, 0);
    for g in &gold {
        let hit = pred
            .iter()
            .enumerate()
            .find(|(i, p)| !used[*i] && p.doc == g.doc && p.start < g.end && g.start < p.end);
        if let Some((i, p)) = hit {
            used[i] = true;
            matched += 1;
            right_speaker += usize::from(same_speaker(g, p));
        }
    }
    let (p, r) = (
        matched as f64 / pred.len() as f64,
        matched as f64 / gold.len() as f64,
    );
    let f1 = 2.0 * p * r / (p + r);
    let speaker = right_speaker as f64 / matched as f64;
    println!("seed quotes: overlap P {p:.3} R {r:.3} F1 {f1:.3}, speaker {speaker:.3}");
    assert!(f1 >= 0.88, "overlap F1 {f1:.3}");
    assert!(speaker >= 0.90, "speaker accuracy {speaker:.3}");
}

/// The quote finder's work on one document whose body is `body`.
fn work(body: &str) -> usize {
    let text = format!("Headline\n\n{body}");
    let c = Corpus::new(vec![Document::new("a.txt", text, Meta::default()).unwrap()]);
    let a = dossier_core::analyse(&c);
    quotes::find_counting(&c.documents[0], &a.docs[0]).1
}

#[test]
fn a_thousand_unmatched_quote_marks_cost_linear_work() {
    let hostile = [
        "“",
        "\" ",
        "” ",
        "said he “",
        "Ana Ruiz said, “",
        "according to \" ",
        "“x” “y” ",
        "officials said that ",
        "and denied that ",
        "according to ",
        ", saying that ",
        "he said “the plan will work,” ",
        "Minister Ana Ruiz arrived. “The plan will work,” the minister said. ",
        "Acme Corporation met Baltic Freight. “The plan will work,” the company said. ",
    ];
    for piece in hostile {
        let (w1, w8) = (work(&piece.repeat(1000)), work(&piece.repeat(8000)));
        let ratio = w8 as f64 / w1.max(1) as f64;
        assert!((6.0..=10.0).contains(&ratio), "{piece:?}: work {w1} then {w8}");
    }
}

#[test]
fn stray_marks_never_carry_a_quote_past_its_paragraph() {
    let body = "He said “ the vote would wait.\n\nThe council met on Monday to set the budget.\n\n\
                “Another paragraph with an opening mark.\n\nA last one, quiet and plain.";
    let text = format!("Headline\n\n{body}");
    let c = Corpus::new(vec![
        Document::new("a.txt", text.clone(), Meta::default()).unwrap()
    ]);
    let a = dossier_core::analyse(&c);
    for q in &a.docs[0].quotes {
        assert!(
            !text[q.range.clone()].contains('\n'),
            "{:?}",
            &text[q.range.clone()]
        );
    }
}

#[test]
fn a_built_page_carries_the_seeds_quotes() {
    let (c, a) = common::seeds();
    let html = dossier_core::page::write(&c, &a).expect("the seeds make a page");
    let (_, a2) = dossier_core::page::read_html(&html).expect("the page reads back");
    let count: usize = a.docs.iter().map(|d| d.quotes.len()).sum();
    assert!(count > 30, "{count} seed quotes");
    for (d2, d) in a2.docs.iter().zip(&a.docs) {
        assert_eq!(d2.quotes, d.quotes);
    }
}
