//! URL fuzzing: any query string opens a valid view, and every view survives the trip
//! through its own URL.
//!
//! Feeds 100,000 generated query strings (set `DOSSIER_FUZZ_CASES` to change the
//! count) through [`parse_query`] and [`ViewState::from_pairs`], checked against the
//! real embedded corpus and its analysis: random bytes, huge values, repeated keys,
//! bad percent-encoding, unknown ids, and mixtures of the real keys with real and
//! unknown values. For each: no panic, the state is valid (every id known, no id both
//! required and excluded, bounded lists and query), and `state → to_query() → state`
//! is the identity with no notice.
#![cfg(not(target_arch = "wasm32"))]

use dossier_app::data::Data;
use dossier_app::url::{encode, parse_query, Known, Parsed, ViewState, MAX_IDS, MAX_QUERY};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};

const KEYS: [&str; 16] = [
    "q", "e", "x", "hide", "zones", "doc", "m", "sel", "view", "when", "pair", "sort", "cl", "row", "cv",
    "own",
];

/// The seed corpus and its analysis, as the page built on `seeds/` carries them.
fn data() -> &'static Data {
    static DATA: std::sync::OnceLock<Data> = std::sync::OnceLock::new();
    DATA.get_or_init(|| {
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let corpus = dossier_core::corpus::load_dir(&seeds).expect("the seeds load");
        let curation = dossier_core::curation::load_curation(&seeds).expect("and their curation");
        let analysis = dossier_core::analyse_with(&corpus, &curation);
        Data::new(corpus, analysis)
    })
}

fn parse(query: &str) -> Parsed {
    let pairs = parse_query(query);
    ViewState::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), data())
}

fn cases() -> u32 {
    std::env::var("DOSSIER_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000)
}

/// Pieces that values are built from: real ids and names, near misses, junk.
fn atoms(d: &'static Data) -> Vec<String> {
    let mut v: Vec<String> = d
        .analysis
        .entities
        .iter()
        .take(40)
        .map(|e| e.id.clone())
        .collect();
    v.extend(d.corpus.documents.iter().map(|doc| doc.file.clone()));
    for s in [
        "person-nobody",
        "gpe-",
        "-",
        ",",
        ",,",
        "%",
        "%2",
        "%ZZ",
        "%E0%A4%A",
        "%FF%FE",
        "%00",
        "%2C",
        "%26",
        "%3D",
        "+",
        " ",
        "\u{3000}",
        "\t",
        "\n",
        "&",
        "=",
        "?",
        "#",
        "DATE",
        "money",
        "PERSON",
        "BOGUS",
        "all",
        "ALL",
        "articles",
        "mentions",
        "connections",
        "timeline",
        "name",
        "12",
        "1200",
        "2024",
        "2024-05",
        "2024-13",
        "2024-1",
        "..",
        "2023..2021",
        "2024-05..2023-01",
        "list",
        "99999",
        "-1",
        "0",
        "18446744073709551616",
        "<script>alert(1)</script>",
        "\"><svg onload=alert(1)>",
        "javascript:alert(1)",
        "é",
        "e\u{301}",
        "\u{202E}",
        "😀",
        "\u{0}",
        "\u{FFFD}",
        "ä½ å¥½",
        "../../etc/passwd",
    ] {
        v.push(s.to_string());
    }
    v
}

/// One generated query string.
fn query(d: &'static Data) -> impl Strategy<Value = String> {
    let atoms = atoms(d);
    let atom = prop::sample::select(atoms);
    // A value: a few atoms joined, sometimes with random characters or made huge.
    let value = (
        prop::collection::vec(atom, 0..4),
        prop::sample::select(vec!["", ",", "+", "%20", "%"]),
        prop::option::weighted(0.3, ".{0,6}"),
        prop::option::weighted(0.01, 1usize..5_000),
    )
        .prop_map(|(parts, sep, noise, huge)| {
            let mut s = parts.join(sep);
            s.push_str(noise.as_deref().unwrap_or_default());
            if let Some(n) = huge {
                s = s
                    .repeat(1 + n / s.len().max(1))
                    .chars()
                    .take(n)
                    .collect::<String>()
                    + " x";
            }
            s
        });
    let key = prop_oneof![
        8 => prop::sample::select(KEYS.to_vec()).prop_map(str::to_string),
        1 => ".{0,4}",
        1 => prop::sample::select(KEYS.to_vec()).prop_map(encode),
    ];
    let pair = (key, value, any::<u8>()).prop_map(|(k, v, how)| match how % 4 {
        0 => k,                             // a key without `=`
        1 => format!("{k}={}", encode(&v)), // well encoded
        _ => format!("{k}={v}"),            // raw: `&`, `=`, `%` and spaces as they come
    });
    // Plausible values for each key, so that every field is often set and combined.
    let ids: Vec<String> = d
        .analysis
        .entities
        .iter()
        .take(30)
        .map(|e| e.id.clone())
        .collect();
    let files: Vec<String> = d.corpus.documents.iter().map(|doc| doc.file.clone()).collect();
    let plausible =
        prop::collection::vec((0..KEYS.len(), any::<u16>(), any::<u16>()), 0..12).prop_map(move |picks| {
            let id = |n: u16| ids[n as usize % ids.len()].as_str();
            let one = |n: u16, xs: &[&str]| xs[n as usize % xs.len()].to_string();
            picks
                .into_iter()
                .map(|(k, a, b)| {
                    let v = match KEYS[k] {
                        "q" => one(a, &["putin", " Xi  ", "é\u{301}", "100% \"tie\" & more"]),
                        "e" | "x" => format!("{},{}", id(a), id(b)),
                        "hide" => one(a, &["DATE", "money,PERSON", "GPE,ORG,NORP"]),
                        "zones" => "all".into(),
                        "doc" => files[a as usize % files.len()].clone(),
                        "m" => a.to_string(),
                        "sel" => id(a).into(),
                        "view" => one(a, &["articles", "mentions", "connections", "timeline"]),
                        "when" => one(
                            a,
                            &["2024", "2024-05", "1999-12", "2025..2023", "2023-01..2023-06"],
                        ),
                        "cl" => one(a, &["ORG", "PERSON", "GPE,person", "NORP,LOC,BOGUS"]),
                        "row" => id(a).into(),
                        "cv" => "list".into(),
                        "own" => one(a, &["corpus", "mine", "both", "yours"]),
                        "pair" => format!("{},{}", id(a), id(b)),
                        _ => one(a, &["mentions", "articles", "name"]),
                    };
                    format!("{}={}", KEYS[k], encode(&v))
                })
                .collect::<Vec<_>>()
                .join("&")
        });
    prop_oneof![
        3 => plausible,
        // Random bytes read as a lossy string, like a browser would show them.
        2 => prop::collection::vec(any::<u8>(), 0..120)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        // Random characters, with the query syntax sprinkled in.
        1 => "[a-z=&%+,?0-9\\PC]{0,80}",
        // Mixtures of the real keys: repeated keys, real and unknown values.
        7 => (prop::collection::vec(pair, 0..14), any::<bool>()).prop_map(|(pairs, q)| {
            format!("{}{}", if q { "?" } else { "" }, pairs.join("&"))
        }),
    ]
}

/// What every state a URL yields must satisfy.
fn check_valid(s: &ViewState, known: &dyn Known) -> Result<(), String> {
    let ids = s
        .require
        .iter()
        .chain(&s.exclude)
        .chain(&s.selected)
        .chain(&s.row)
        .chain(s.pair.iter().flat_map(|(a, b)| [a, b]));
    for id in ids {
        if !known.entity(id) {
            return Err(format!("unknown entity {id:?} kept"));
        }
    }
    if let Some(id) = s.require.iter().find(|id| s.exclude.contains(id)) {
        return Err(format!("{id:?} both required and excluded"));
    }
    for list in [&s.require, &s.exclude] {
        if list.len() > MAX_IDS {
            return Err(format!("{} ids kept", list.len()));
        }
        if (1..list.len()).any(|i| list[..i].contains(&list[i])) {
            return Err(format!("a repeated id in {list:?}"));
        }
    }
    if s.q.chars().count() > MAX_QUERY {
        return Err(format!("a query of {} characters", s.q.chars().count()));
    }
    if s.q.trim() != s.q {
        return Err(format!("a query with white space around it: {:?}", s.q));
    }
    if s.doc.as_deref().is_some_and(|d| !known.doc(d)) {
        return Err(format!("unknown article {:?} kept", s.doc));
    }
    if s.mention.is_some() && s.doc.is_none() {
        return Err("a mention without an article".into());
    }
    if s.hide.windows(2).any(|w| w[0] >= w[1]) {
        return Err(format!("hidden labels not sorted and unique: {:?}", s.hide));
    }
    if let Some((a, b)) = &s.pair {
        if a == b {
            return Err("a pair of one entity".into());
        }
    }
    if s.grid.windows(2).any(|w| w[0] >= w[1]) || s.grid == [dossier_core::Label::Person] {
        return Err(format!(
            "grid labels not sorted, unique and apart from the default: {:?}",
            s.grid
        ));
    }
    let ends: Vec<&str> = s.when.iter().flat_map(|w| w.split("..")).collect();
    if ends.len() == 2 && (ends[0] >= ends[1] || ends[0].len() != ends[1].len()) {
        return Err(format!("a period out of order or of two kinds: {:?}", s.when));
    }
    for w in ends {
        let ok = match w.len() {
            4 => w.bytes().all(|b| b.is_ascii_digit()),
            7 => {
                w[..4].bytes().all(|b| b.is_ascii_digit())
                    && &w[4..5] == "-"
                    && matches!(w[5..].parse::<u8>(), Ok(1..=12))
            }
            _ => false,
        };
        if !ok {
            return Err(format!("bad period {w:?} kept"));
        }
    }
    Ok(())
}

#[test]
fn any_query_string_yields_a_valid_state_that_round_trips() {
    let d = data();
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&query(d), |raw| {
        let parsed = parse(&raw);
        check_valid(&parsed.state, d).map_err(TestCaseError::fail)?;
        let url = parsed.state.to_query();
        let back = parse(&url);
        prop_assert_eq!(&back.state, &parsed.state, "through {:?}", url);
        prop_assert!(
            back.notices.is_empty(),
            "{:?} gives notices {:?}",
            url,
            back.notices
        );
        prop_assert_eq!(back.state.to_query(), url);
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

#[test]
fn the_fuzzer_reaches_every_field() {
    // The generator is only worth its cases if it produces every kind of state: sample
    // it and check that each field is set at least once.
    let d = data();
    let mut runner = TestRunner::deterministic();
    let strategy = query(d);
    let mut seen = [false; 14];
    for _ in 0..20_000 {
        let raw = strategy.new_tree(&mut runner).unwrap().current();
        let s = parse(&raw).state;
        for (i, hit) in [
            !s.q.is_empty(),
            !s.require.is_empty(),
            !s.exclude.is_empty(),
            !s.hide.is_empty(),
            s.all_zones,
            s.mention.is_some(),
            s.selected.is_some(),
            s.when.is_some(),
            s.pair.is_some(),
            s.doc.is_some(),
            !s.grid.is_empty(),
            s.row.is_some(),
            s.pair_list,
            s.own != dossier_app::url::Whose::Both,
        ]
        .into_iter()
        .enumerate()
        {
            seen[i] |= hit;
        }
    }
    assert_eq!(
        seen, [true; 14],
        "fields reached: q e x hide zones m sel when pair doc cl row cv own"
    );
}
