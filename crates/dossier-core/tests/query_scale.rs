//! The query layer over 2,000 documents made from the seeds: answers must be exactly
//! the seeds' answers repeated (timing is the bench's job, `benches/query.rs`).

mod query_support;

use dossier_core::index::Index;
use dossier_core::query::{cooccurrence, mentions, search, KwicSort, Query};
use query_support::{docs_mentioning, marker, replicate, seeds};

const N: usize = 2_000;

#[test]
fn two_thousand_documents_give_the_seeds_answers_repeated() {
    let (sc, sa) = seeds();
    let (c, a) = replicate(&sc, &sa, N);
    let six = Index::new(&sc, &sa);
    let ix = Index::new(&c, &a);
    assert_eq!(ix.len(), N);
    let copies = |seed_docs: &[usize]| -> Vec<usize> {
        (0..N)
            .filter(|d| seed_docs.contains(&(d % sc.documents.len())))
            .collect()
    };
    let sorted = |mut v: Vec<usize>| {
        v.sort_unstable();
        v
    };

    // Each document's marker finds it and only it.
    for i in [0, 1, 999, N - 1] {
        let r = search(&ix, &Query::text(&marker(i)));
        assert_eq!(r.hits.iter().map(|h| h.doc).collect::<Vec<_>>(), [i]);
    }
    // Text queries: the seeds' matches, in every copy.
    for q in [
        "putin",
        "\"belt and road\"",
        "xi -trade",
        "chin*",
        "summit*",
        "-putin",
        "zzz",
    ] {
        let seed: Vec<usize> = search(&six, &Query::text(q)).hits.iter().map(|h| h.doc).collect();
        let got: Vec<usize> = search(&ix, &Query::text(q)).hits.iter().map(|h| h.doc).collect();
        assert_eq!(sorted(got), copies(&seed), "{q}");
    }
    // Entities: requiring one lists exactly the documents that mention it; facets scale.
    let all = search(&ix, &Query::default());
    let seed_all = search(&six, &Query::default());
    for (e, ent) in a.entities.iter().enumerate().step_by(7) {
        let q = Query {
            require: vec![ent.id.clone()],
            ..Query::default()
        };
        let got: Vec<usize> = search(&ix, &q).hits.iter().map(|h| h.doc).collect();
        assert_eq!(sorted(got), docs_mentioning(&a, e, false), "{}", ent.id);
        let k = mentions(&ix, &[e], KwicSort::Document, false);
        assert_eq!(k.len(), all.entities[e].mentions, "{}", ent.id);
        let per_seed = |d: usize| (d..N).step_by(sc.documents.len()).count();
        let expected: usize = (0..sc.documents.len())
            .map(|d| per_seed(d) * six.entity_count(d, e, false) as usize)
            .sum();
        assert_eq!(all.entities[e].mentions, expected, "{}", ent.id);
        assert!(all.entities[e].documents >= seed_all.entities[e].documents);
    }
    // Co-occurrence scales with the copies.
    let (co, seed_co) = (cooccurrence(&a, 8), cooccurrence(&sa, 8));
    assert_eq!(co.entities, seed_co.entities);
    assert_eq!(
        co.counts.iter().sum::<u32>() as usize * sc.documents.len(),
        seed_co.counts.iter().sum::<u32>() as usize * N
    );
}
