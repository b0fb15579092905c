//! The site's files read back as written, and every fault a typed error.

use super::*;
use crate::corpus::{load_dir, Corpus};
use crate::index::Index;
use crate::model::Analysis;
use crate::query::label_mentions;
use crate::timeline::{timeline, Granularity};
use std::collections::HashMap;
use std::path::Path;

/// The seeds and their analysis.
fn seeds() -> (Corpus, Analysis) {
    let c = load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")).unwrap();
    let a = crate::analyse(&c);
    (c, a)
}

/// Small files, so that the seeds make many of each kind.
const SMALL: Sizes = Sizes {
    docs: 2_000,
    terms: 1_000,
    entities: 500,
};

fn files(site: &Site) -> HashMap<String, Vec<u8>> {
    site.files
        .iter()
        .map(|(n, c)| (n.clone(), c.clone().into_bytes()))
        .collect()
}

/// The site's manifest, with its directory read.
fn manifest(site: &Site) -> Manifest {
    let mut m = manifest_of_html(&site.page).unwrap().unwrap();
    let d = m.directory().unwrap().clone();
    let bytes = site
        .files
        .iter()
        .find(|(n, _)| *n == d.name)
        .map(|(_, c)| c.as_bytes());
    read_directory(&mut m, &d, bytes).unwrap();
    m
}

#[test]
fn the_corpus_and_analysis_read_back_from_the_shards_as_written() {
    let (c, a) = seeds();
    let site = write(&c, &a, &SMALL).unwrap();
    let m = manifest(&site);
    assert!(
        m.files(Kind::Docs).count() > 2
            && m.files(Kind::Terms).count() > 2
            && m.files(Kind::Entities).count() > 2
    );
    let files = files(&site);
    let (c2, a2) = read_all(&m, |name| files.get(name).cloned()).unwrap();
    assert!(a2 == a, "the analysis differs");
    for (d2, d) in c2.documents.iter().zip(&c.documents) {
        assert_eq!(
            (&d2.file, &d2.text, &d2.title, &d2.meta),
            (&d.file, &d.text, &d.title, &d.meta)
        );
    }
    for (i, d) in c.documents.iter().enumerate() {
        assert_eq!(m.doc_shard(i), m.doc_shard_of_file(&d.file));
    }
}

#[test]
fn the_facets_hold_counts_timelines_the_article_list_and_entities() {
    let (c, a) = seeds();
    let site = write(&c, &a, &SMALL).unwrap();
    let (m, files) = (manifest(&site), files(&site));
    let f = m.facets().unwrap();
    let facets = Facets::read(f, files.get(&f.name).map(|b| &b[..])).unwrap();
    assert_eq!(facets.label_counts, label_mentions(&a));
    assert_eq!(facets.entities, a.entities);
    assert_eq!(facets.documents.len(), c.documents.len());
    assert_eq!(facets.documents[0].title, c.documents[0].title);
    let month = timeline(&a.dates, Granularity::Month, true, |_| true);
    assert!(facets.timelines.contains(&(Granularity::Month, true, month)));
}

#[test]
fn a_query_fetches_only_the_fragments_of_its_terms_and_finds_every_posting() {
    let (c, a) = seeds();
    let ix = Index::new(&c, &a);
    let site = write(&c, &a, &SMALL).unwrap();
    let (m, files) = (manifest(&site), files(&site));
    let read = |f: &FileRef| read_terms(f, files.get(&f.name).map(|b| &b[..])).unwrap();
    // Every term, across every fragment, in order, with the index's postings.
    let all: Vec<TermPostings> = m.files(Kind::Terms).flat_map(read).collect();
    let terms: Vec<u32> = ix.terms_with_prefix("").collect();
    assert_eq!(all.len(), terms.len());
    for (t, tp) in terms.iter().zip(&all) {
        assert_eq!(tp.term, ix.term_text(*t));
        let postings: Vec<_> = tp.postings.iter().map(|(p, _)| *p).collect();
        assert_eq!(postings, ix.postings(*t));
        for (p, article) in &tp.postings {
            assert_eq!(*article, ix.doc(p.doc as usize).counts(p.pos as usize, false));
        }
    }
    for prefix in ["putin", "p", "a", "zz", "", "beijing", "2024"] {
        let fetched: Vec<&FileRef> = m.term_fragments(prefix).collect();
        assert!(
            fetched.len() < m.files(Kind::Terms).count() || prefix.len() < 2,
            "{prefix}"
        );
        let found: Vec<String> = fetched
            .into_iter()
            .flat_map(read)
            .map(|t| t.term)
            .filter(|t| t.starts_with(prefix))
            .collect();
        let want: Vec<&str> = ix.terms_with_prefix(prefix).map(|t| ix.term_text(t)).collect();
        assert_eq!(found, want, "{prefix:?}");
    }
}

#[test]
fn entity_shards_hold_every_mention_and_the_most_shared_partners() {
    let (c, a) = seeds();
    let ix = Index::new(&c, &a);
    let site = write(&c, &a, &SMALL).unwrap();
    let (m, files) = (manifest(&site), files(&site));
    for e in 0..a.entities.len() {
        let f = m.entity_shard(e).unwrap();
        let shard = read_entities(f, files.get(&f.name).map(|b| &b[..])).unwrap();
        let got = &shard[e - f.first];
        assert_eq!(got.mentions, ix.entity_mentions(e));
        assert!(got.partners.len() <= PARTNERS);
        for &(other, shared) in &got.partners {
            let both = (0..c.documents.len())
                .filter(|&d| ix.entity_count(d, e, true) > 0 && ix.entity_count(d, other as usize, true) > 0)
                .count();
            assert_eq!(shared as usize, both);
        }
        assert!(got.partners.windows(2).all(|w| w[0].1 >= w[1].1));
    }
}

#[test]
fn the_page_embeds_the_manifest_and_the_first_article_only() {
    let (c, a) = seeds();
    let site = write(&c, &a, &Sizes::default()).unwrap();
    let corpus = crate::page::script_text(&site.page, "corpus").unwrap();
    assert_eq!(corpus.matches(crate::page::SEPARATOR).count(), 6);
    assert!(corpus.contains(&*c.documents[0].file));
    assert!(crate::page::script_text(&site.page, "analysis").is_none());
    let m = manifest_of_html(&site.page).unwrap().unwrap();
    assert_eq!(m.documents, c.documents.len());
    // The page names the facets, the document shards and the directory only.
    assert!(m.files(Kind::Terms).next().is_none() && m.directory().is_some());
    assert!(!site.page.contains("</script><") || site.page.matches("</script>").count() == 2);
    // The same corpus and analysis make the same files.
    assert_eq!(write(&c, &a, &Sizes::default()).unwrap(), site);
}

#[test]
fn a_missing_cut_or_other_file_is_a_typed_error() {
    let (c, a) = seeds();
    let site = write(&c, &a, &SMALL).unwrap();
    let (m, files) = (manifest(&site), files(&site));
    let f = m.doc_shard(0).unwrap();
    let bytes = &files[&f.name];
    let kind = |r: Result<DocRun, SiteError>| r.unwrap_err().kind;
    assert_eq!(kind(read_docs(f, None, m.entities)), SiteErrorKind::Missing);
    let cut = &bytes[..bytes.len() - 1];
    assert_eq!(
        kind(read_docs(f, Some(cut), m.entities)),
        SiteErrorKind::Truncated {
            expected: bytes.len(),
            found: bytes.len() - 1
        }
    );
    let mut other = bytes.clone();
    other[bytes.len() / 2] ^= 1;
    assert!(matches!(
        kind(read_docs(f, Some(&other), m.entities)),
        SiteErrorKind::Mismatch { .. }
    ));
    // Another shard of the same length, as an old deploy might serve.
    let g = m.doc_shard(m.documents - 1).unwrap();
    let e = read_docs(f, Some(&files[&g.name][..]), m.entities).unwrap_err();
    assert!(matches!(
        e.kind,
        SiteErrorKind::Truncated { .. } | SiteErrorKind::Mismatch { .. }
    ));
    assert!(e.to_string().contains(&f.name), "{e}");
    // A file with its address that is not what the manifest says it is.
    let t = m.files(Kind::Terms).next().unwrap();
    let as_docs = FileRef {
        kind: Kind::Docs,
        ..t.clone()
    };
    let e = read_docs(&as_docs, Some(&files[&t.name][..]), m.entities).unwrap_err();
    assert!(matches!(e.kind, SiteErrorKind::Damaged(_)), "{e}");
    let missing = read_all(&m, |n| (n != g.name).then(|| files[n].clone()));
    assert_eq!(
        missing.unwrap_err(),
        SiteError {
            file: g.name.clone(),
            kind: SiteErrorKind::Missing
        }
    );
    assert!(Manifest::read("dossier-site 0\u{1f}1\u{1f}1").is_err());
    assert!(Manifest::read(&format!("{VERSION}\u{1f}1\u{1f}1\u{1e}x\u{1f}y")).is_err());
}

/// A file name and a text that hold markup stay text in the sharded page: the page has
/// its two `<script>` elements and no other.
#[test]
fn markup_in_a_file_name_or_text_never_becomes_html_in_the_page() {
    let evil = "</script><script>alert(1)</script>";
    let c = Corpus::new(vec![crate::corpus::Document::new(
        "<b></script>.txt",
        format!("Strike {evil}\n\nDock workers in Rotterdam went back, said Anna Smit. {evil}"),
        Default::default(),
    )
    .unwrap()]);
    let a = crate::analyse(&c);
    let site = write(&c, &a, &SMALL).unwrap();
    assert_eq!(site.page.matches("<script").count(), 2, "{}", site.page);
    assert_eq!(site.page.matches("</script>").count(), 2, "{}", site.page);
    let (c2, _) = read_all(&manifest(&site), |n| files(&site).get(n).cloned()).unwrap();
    assert_eq!(
        (&c2.documents[0].file, &c2.documents[0].text),
        (&c.documents[0].file, &c.documents[0].text)
    );
}

/// Reading a whole site (`dossier extract` and `check` on a sharded page) fails on any
/// file missing or changed, of every kind, naming it: not only those it reads whole.
#[test]
fn reading_a_site_names_any_missing_or_changed_file() {
    let (c, a) = seeds();
    let site = write(&c, &a, &SMALL).unwrap();
    let (page_manifest, files) = (manifest_of_html(&site.page).unwrap().unwrap(), files(&site));
    let m = manifest(&site);
    assert!(read_all(&page_manifest, |n| files.get(n).cloned()).is_ok());
    for f in &m.files {
        let missing = read_all(&page_manifest, |n| (n != f.name).then(|| files[n].clone()));
        let e = missing.unwrap_err();
        assert_eq!(
            (&e.file, &e.kind),
            (&f.name, &SiteErrorKind::Missing),
            "{:?}",
            f.kind
        );
        assert!(e.to_string().contains(&f.name), "{e}");
        let changed = |n: &str| {
            let mut b = files[n].clone();
            if n == f.name {
                let last = b.len() - 1;
                b[last] ^= 1;
            }
            Some(b)
        };
        let e = read_all(&page_manifest, changed).unwrap_err();
        assert_eq!(e.file, f.name);
        assert!(matches!(e.kind, SiteErrorKind::Mismatch { .. }), "{e}");
        assert!(e.to_string().contains("another version of the site"), "{e}");
    }
}

/// A file changed anywhere, re-addressed so that it passes its checks: each decoder
/// gives an error or some data, never a panic.
#[test]
fn a_damaged_file_that_passes_its_checks_is_an_error_never_a_panic() {
    let c = Corpus::new(vec![crate::corpus::Document::new(
        "a.txt",
        "Strike ends\n\nDock workers in Rotterdam went back on May 3, said Anna Smit.".to_string(),
        Default::default(),
    )
    .unwrap()]);
    let a = crate::analyse(&c);
    let site = write(&c, &a, &SMALL).unwrap();
    let m = manifest(&site);
    for f in &m.files {
        let text = &site.files.iter().find(|(n, _)| *n == f.name).unwrap().1;
        for (i, ch) in text.char_indices() {
            for x in ['\u{1e}', '\u{1f}', '\u{1b}', '\u{10}', '9', ' '] {
                let mut t = text.clone();
                t.replace_range(i..i + ch.len_utf8(), &x.to_string());
                let g = FileRef {
                    name: format!("x-{}.txt", address(t.as_bytes())),
                    bytes: t.len(),
                    ..f.clone()
                };
                let b = Some(t.as_bytes());
                let mut directory = m.clone();
                let _ = (
                    read_directory(&mut directory, &g, b),
                    Facets::read(&g, b),
                    read_docs(&g, b, m.entities),
                    read_terms(&g, b),
                    read_entities(&g, b),
                );
            }
        }
    }
    for (i, ch) in site.manifest.char_indices() {
        for x in ['\u{1e}', '\u{1f}', '9', ' ', '-'] {
            let mut t = site.manifest.clone();
            t.replace_range(i..i + ch.len_utf8(), &x.to_string());
            let _ = Manifest::read(&t);
        }
    }
}
