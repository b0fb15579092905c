//! Analyser fuzzing: random and adversarial texts through the whole analysis.
//!
//! 10,000 generated texts (set `DOSSIER_FUZZ_TEXTS` to change the count) built from
//! fragments chosen to hurt — mixed scripts, combining marks, emoji, right-to-left
//! text, NUL bytes, CRLF, odd code points, "Mr. Mr. Mr.", "U.S.-U.S.-", runs of
//! capitalised words, digit and currency soup — plus hand-made extremes (empty, one
//! huge line, 1 MB without a space, only punctuation). For each: no panic, and the
//! analysis keeps its contract (see `contract`). Linear time is checked by counting
//! work (tokens visited) on 1× and 8× the same adversarial text, never by the clock.

mod contract;

use dossier_core::analysis::analyse_counting;
use dossier_core::corpus::{Corpus, Document, Meta};
use dossier_core::{analyse, Curation};

/// A small, seeded pseudo-random generator (SplitMix64): the same texts on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

/// Fragments that texts are built from: news words and the things that break parsers.
const ATOMS: &[&str] = &[
    "Putin",
    "Xi Jinping",
    "Vladimir V. Putin",
    "Mr.",
    "Mrs.",
    "Dr.",
    "President",
    "said",
    "the",
    "of",
    "Beijing",
    "Moscow",
    "China",
    "Russia",
    "U.S.",
    "U.S.-",
    "U.N.",
    "E.U.",
    "NATO",
    "Kremlin",
    "Ukraine",
    "Kim Jong-un",
    "Li Mingjiang",
    "St.",
    "Jr.",
    "Inc.",
    "Co.",
    "Ltd.",
    "New York",
    "Washington",
    "The",
    "A",
    "I",
    "On",
    "May",
    "May 16, 2024",
    "2024",
    "16",
    "1990s",
    "Monday",
    "$",
    "$240 billion",
    "€5m",
    "¥",
    "£3.5bn",
    "66%",
    "½",
    "3,000",
    "1.2.3",
    "0x7F",
    "+",
    "-",
    "—",
    "–",
    "…",
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "'",
    "’",
    "\"",
    "“",
    "”",
    "(",
    ")",
    "[",
    "]",
    "«",
    "»",
    "·",
    "•",
    "&",
    "#",
    "@",
    "/",
    "\\",
    "<script>alert(1)</script>",
    "&amp;",
    "&lt;b&gt;",
    "https://example.org/a?b=c",
    "e\u{301}",
    "a\u{300}\u{301}\u{302}\u{303}\u{304}",
    "\u{0301}",
    "Ελλάδα",
    "Москва",
    "Путин",
    "北京",
    "习近平",
    "東京",
    "서울",
    "القاهرة",
    "ירושלים",
    "\u{202E}",
    "\u{202B}",
    "\u{200F}",
    "\u{200B}",
    "\u{200D}",
    "\u{FEFF}",
    "😀",
    "👩‍👩‍👧‍👦",
    "🇷🇺",
    "\u{0}",
    "\u{1}",
    "\u{7F}",
    "\u{85}",
    "\u{A0}",
    "\u{2028}",
    "\u{2029}",
    "\u{3000}",
    "\u{FFFD}",
    "\u{FFFE}",
    "\u{FFFF}",
    "\u{10FFFF}",
    "\u{E000}",
    "\u{1D400}",
    "ǅ",
    "ß",
    "İ",
    "ﬁ",
    "Ⅻ",
    "٣",
    "१२",
    "\t",
    "\r",
    "\r\n",
    "\n",
    "\n\n",
    " ",
    "  ",
];

/// Separators between fragments.
const SEPS: &[&str] = &[" ", " ", " ", "", "\n", "\r\n", "-", ". ", ", "];

fn random_text(rng: &mut Rng) -> String {
    let n = match rng.below(10) {
        0 => rng.below(4),
        1..=7 => rng.below(60),
        _ => rng.below(400),
    };
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(rng.pick(ATOMS));
        s.push_str(rng.pick(SEPS));
    }
    s
}

fn doc(file: &str, text: String, lead: bool) -> Document {
    let meta = Meta {
        lead,
        ..Meta::default()
    };
    match Document::new(file, text.clone(), meta) {
        Ok(d) => d,
        Err(e) => panic!("{file}: {e:?} for a text with something in it: {text:?}"),
    }
}

/// Analyses `texts` as one corpus and checks the contract; empty texts must be refused.
fn check(texts: &[String], lead: bool) {
    let mut docs = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        if t.trim().is_empty() {
            assert!(
                Document::new("e.txt", t.clone(), Meta::default()).is_err(),
                "{t:?} is a document"
            );
        } else {
            docs.push(doc(&format!("{i:05}.txt"), t.clone(), lead));
        }
    }
    let c = Corpus::new(docs);
    let a = analyse(&c);
    if let Err(e) = contract::contract(&c, &a) {
        panic!("{e}\ntexts: {texts:?}");
    }
}

fn texts() -> usize {
    std::env::var("DOSSIER_FUZZ_TEXTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000)
}

#[test]
fn ten_thousand_random_texts_keep_the_contract() {
    let mut rng = Rng(0x5EED_D055_1E55);
    let n = texts();
    let mut done = 0;
    while done < n {
        // Corpora of 1 to 8 texts: names learned in one document are looked for in the
        // others, so documents must also be fuzzed together.
        let k = (1 + rng.below(8)).min(n - done);
        let batch: Vec<String> = (0..k).map(|_| random_text(&mut rng)).collect();
        check(&batch, rng.below(4) == 0);
        done += k;
    }
    assert_eq!(done, n);
}

/// Hand-made extremes.
fn adversarial() -> Vec<(&'static str, String)> {
    let mb = 1 << 20;
    vec![
        ("empty", String::new()),
        ("white space only", " \t\r\n\u{A0}\u{3000}\n".repeat(100)),
        ("one character", "x".into()),
        (
            "one huge line of 512 KB",
            "Putin met Xi in Beijing on May 16, 2024. ".repeat(mb / 2 / 42),
        ),
        ("1 MB without a space", "PutinXiBeijing".repeat(mb / 14)),
        ("256 KB of one letter", "a".repeat(mb / 4)),
        ("256 KB of capitals", "A".repeat(mb / 4)),
        ("only punctuation", ".,;:!?-—()[]\"'…".repeat(5000)),
        ("only dots", ".".repeat(100_000)),
        ("Mr. Mr. Mr.", "Mr. ".repeat(50_000)),
        ("U.S.-U.S.-", "U.S.-".repeat(20_000)),
        (
            "capitalised words",
            "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta ".repeat(3000),
        ),
        (
            "one long name",
            format!("Said {} today.", "Putin ".repeat(20_000)),
        ),
        (
            "digits and currency",
            "$1 €2 ¥3 £4 5% 6.7 8,9 $10bn 11m -12 +13 ".repeat(3000),
        ),
        (
            "dates",
            "May 16, 2024 2024-05-16 16/05/2024 the 1990s Monday ".repeat(3000),
        ),
        ("CRLF", "Title\r\n\r\nPutin said.\r\nXi said.\r\n".repeat(3000)),
        ("lone CR", "Title\rPutin said.\rXi said.\r".repeat(3000)),
        ("NUL bytes", "Putin\u{0}Xi\u{0}\u{0}Beijing \u{0}".repeat(3000)),
        (
            "combining marks",
            "e\u{301}\u{302}\u{303} Ко\u{301}ля ".repeat(5000),
        ),
        ("combining marks alone", "\u{301}".repeat(100_000)),
        ("emoji", "👩‍👩‍👧‍👦 🇷🇺🇨🇳 Putin 😀 ".repeat(3000)),
        (
            "right to left",
            "\u{202E}Putin\u{202C} القاهرة ירושלים \u{200F}Xi ".repeat(3000),
        ),
        (
            "mixed scripts",
            "Путин Putin 习近平 Xi Москва Beijing 北京 ".repeat(3000),
        ),
        ("many short lines", "A\n".repeat(30_000)),
        ("many blank lines", format!("Title{}Body.", "\n".repeat(100_000))),
        (
            "odd code points",
            "\u{FFFE}\u{FFFF}\u{10FFFF}\u{E000}\u{1D400} ".repeat(20_000),
        ),
        (
            "markup",
            "<script>alert(1)</script> <img src=x onerror=alert(1)> &lt;b&gt; ".repeat(5000),
        ),
    ]
}

#[test]
fn adversarial_texts_keep_the_contract() {
    for (name, text) in adversarial() {
        // The first line as a lead sentence too, where that is cheap.
        let leads: &[bool] = if text.len() < 64 << 10 {
            &[false, true]
        } else {
            &[false]
        };
        for &lead in leads {
            let result = std::panic::catch_unwind(|| check(std::slice::from_ref(&text), lead));
            assert!(result.is_ok(), "{name} (lead {lead}) broke the analysis");
        }
    }
}

fn work(text: &str) -> usize {
    let c = Corpus::new(vec![doc("a.txt", text.to_string(), false)]);
    analyse_counting(&c, &Curation::default()).1
}

#[test]
fn adversarial_texts_cost_linear_work() {
    // The same text, 1× and 8×: 8× the work, whatever the text (a quadratic step in
    // the recogniser would show as 64×). Both as one line and as many lines.
    let mut checked = 0;
    for (name, text) in adversarial() {
        if text.trim().is_empty() || text.len() < 1000 {
            continue;
        }
        // A unit of about 8 KB, so the 8× text stays small in a debug build.
        let unit: String = text.chars().take(8_000).collect();
        if unit.trim().is_empty() {
            continue;
        }
        for sep in ["", "\n"] {
            let one = format!("Title\n{unit}");
            let eight = format!("Title\n{}", [unit.as_str(); 8].join(sep));
            let (w1, w8) = (work(&one), work(&eight));
            // At most 8× and a little: a text that is one token costs the same at any size.
            // Units glued without a separator make tokens at their joins that one unit
            // lacks, so each unit after the first may cost more than the first: then the
            // six units from 2× to 8× must cost at most six times the second one.
            let linear = w8 <= 9 * w1 + 64 || {
                let w2 = work(&format!("Title\n{}", [unit.as_str(); 2].join(sep)));
                w8.saturating_sub(w2) <= 6 * w2.saturating_sub(w1) + 64
            };
            assert!(
                linear,
                "{name} (sep {sep:?}): 8× the text costs {:.2}× the work ({w1} → {w8})",
                w8 as f64 / w1.max(1) as f64
            );
            checked += 1;
        }
    }
    assert!(checked >= 30, "only {checked} texts checked");
}
