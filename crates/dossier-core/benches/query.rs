//! Index build and query latency on 5, 200 and 2,000 documents made from the seeds.
//!
//! `cargo bench -p dossier-core --bench query` prints, per corpus size, the index build
//! time and the median and worst latency of typical explorer queries (text, phrase,
//! prefix, exclusion, required entities, all combined), each a full [`search`]: hits
//! and facets, then the [`Snippets`] of a page of 8 hits as the app draws them. A plain
//! `harness = false` bench: no dependencies.

#[path = "../tests/query_support/mod.rs"]
mod query_support;

use dossier_core::index::Index;
use dossier_core::query::{cooccurrence, mentions, search, KwicSort, Query, Snippets};
use std::time::{Duration, Instant};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Median and maximum of `runs` timings of `f`.
fn time(runs: usize, mut f: impl FnMut()) -> (f64, f64) {
    let mut t: Vec<f64> = (0..runs)
        .map(|_| {
            let s = Instant::now();
            f();
            ms(s.elapsed())
        })
        .collect();
    t.sort_by(f64::total_cmp);
    (t[runs / 2], t[runs - 1])
}

fn main() {
    let (sc, sa) = query_support::seeds();
    let putin = sa
        .entities
        .iter()
        .max_by_key(|e| e.mentions)
        .map(|e| e.id.clone())
        .unwrap_or_default();
    let second = sa
        .entities
        .iter()
        .filter(|e| e.id != putin)
        .max_by_key(|e| e.mentions)
        .map(|e| e.id.clone())
        .unwrap_or_default();
    for n in [5, 200, 2_000] {
        let (c, a) = query_support::replicate(&sc, &sa, n);
        let mb = c.documents.iter().map(|d| d.text.len()).sum::<usize>() as f64 / (1024.0 * 1024.0);
        let (build, _) = time(3, || {
            std::hint::black_box(Index::new(&c, &a));
        });
        let ix = Index::new(&c, &a);
        println!("{n:>5} documents ({mb:.1} MB): index built in {build:.1} ms");
        let queries: Vec<(&str, Query)> = vec![
            ("empty (all documents, facets)", Query::default()),
            ("word", Query::text("putin")),
            ("two words", Query::text("putin trade")),
            ("phrase", Query::text("\"belt and road\"")),
            ("prefix", Query::text("s*")),
            ("exclusion", Query::text("china -trade")),
            (
                "two required entities",
                Query {
                    require: vec![putin.clone(), second.clone()],
                    ..Query::default()
                },
            ),
            (
                "everything",
                Query {
                    text: "xi \"state visit\" sanction* -war".into(),
                    require: vec![putin.clone()],
                    all_zones: true,
                    ..Query::default()
                },
            ),
        ];
        for (name, q) in &queries {
            let hits = search(&ix, q).hits.len();
            let (med, max) = time(21, || {
                std::hint::black_box(search(&ix, q));
            });
            let page: Vec<usize> = search(&ix, q).hits.iter().take(8).map(|h| h.doc).collect();
            let (smed, _) = time(21, || {
                let s = Snippets::new(&ix, q);
                for &d in &page {
                    std::hint::black_box(s.of(d));
                }
            });
            println!(
                "    search {name:<30} {hits:>5} hits  median {med:>6.2} ms  max {max:>6.2} ms  snippets of 8: {smed:.2} ms"
            );
        }
        let e = ix.entity(&putin).unwrap_or(0);
        let (med, _) = time(11, || {
            std::hint::black_box(mentions(&ix, &[e], KwicSort::Date, false));
        });
        println!("    mentions of {putin} (by date): median {med:.2} ms");
        let (med, _) = time(11, || {
            std::hint::black_box(cooccurrence(&a, 20));
        });
        println!("    co-occurrence of the top 20: median {med:.2} ms");
    }
}
