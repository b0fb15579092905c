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
    list: 150,
    table: 300,
    names: 200,
    terms: 1_000,
    entities: 250,
};

/// A corpus of `n` articles made from the seeds, each with the seed's people renamed
/// after its number, so that the entities grow with the corpus.
fn generated(n: usize) -> (Corpus, Analysis) {
    let seeds = load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")).unwrap();
    const NAMES: [&str; 6] = ["Petrov", "Novak", "Haddad", "Okafor", "Tanaka", "Moreau"];
    let docs = (0..n)
        .map(|k| {
            let seed = &seeds.documents[k % seeds.documents.len()];
            let name = format!(
                "{}{}",
                NAMES[k % NAMES.len()],
                ["", "ski", "son", "ez"][k / NAMES.len() % 4]
            );
            let text = seed
                .text
                .replace("Putin", &name)
                .replace("Lavrov", NAMES[(k + 1) % NAMES.len()]);
            crate::corpus::Document::new(format!("g{k:04}.txt"), text, seed.meta.clone()).unwrap()
        })
        .collect();
    let c = Corpus::new(docs);
    let a = crate::analyse(&c);
    (c, a)
}

/// The bytes of the file `f` of `files`.
fn bytes<'f>(files: &'f HashMap<String, Vec<u8>>, f: &FileRef) -> Option<&'f [u8]> {
    files.get(&f.name).map(|b| &b[..])
}

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
    for kind in [
        Kind::List,
        Kind::Docs,
        Kind::Table,
        Kind::Names,
        Kind::Terms,
        Kind::Part,
        Kind::Entities,
    ] {
        assert!(m.files(kind).count() > 1, "{kind:?}");
    }
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
fn the_head_holds_counts_timelines_and_each_labels_top_entities() {
    let (c, a) = seeds();
    let site = write(&c, &a, &SMALL).unwrap();
    let (m, files) = (manifest(&site), files(&site));
    let head = Head::read(m.head().unwrap(), bytes(&files, m.head().unwrap())).unwrap();
    assert_eq!(
        (head.documents, head.entities),
        (c.documents.len(), a.entities.len())
    );
    assert_eq!(head.label_counts, label_mentions(&a));
    let month = timeline(&a.dates, Granularity::Month, true, |_| true);
    assert!(head.timelines.contains(&(Granularity::Month, true, month)));
    for label in crate::Label::ALL {
        let top: Vec<&(usize, crate::model::Entity)> =
            head.top.iter().filter(|(_, e)| e.label == label).collect();
        let of_label = a.entities.iter().filter(|e| e.label == label).count();
        assert_eq!(top.len(), of_label.min(HEAD_ENTITIES), "{label:?}");
        for (e, entity) in &top {
            assert_eq!(&a.entities[*e], entity);
        }
        let most = a
            .entities
            .iter()
            .filter(|e| e.label == label)
            .map(|e| e.documents)
            .max();
        assert_eq!(top.first().map(|(_, e)| e.documents), most);
        assert!(top.windows(2).all(|w| w[0].1.documents >= w[1].1.documents));
    }
}

#[test]
fn a_row_of_the_article_list_or_the_entity_table_is_in_one_run() {
    let (c, a) = seeds();
    let ix = Index::new(&c, &a);
    let site = write(&c, &a, &SMALL).unwrap();
    let (m, files) = (manifest(&site), files(&site));
    for (d, doc) in c.documents.iter().enumerate() {
        let f = m.list_run(d).unwrap();
        let row = &read_list(f, bytes(&files, f)).unwrap()[d - f.first];
        assert_eq!((&row.file, &row.title), (&doc.file, &doc.title));
        assert_eq!(
            (row.published, &row.source),
            (doc.meta.published, &doc.meta.source)
        );
        assert_eq!(row.article_words, ix.doc(d).article_words);
    }
    assert!(m.list_run(c.documents.len()).is_none());
    for (e, entity) in a.entities.iter().enumerate() {
        let f = m.table_run(e).unwrap();
        assert_eq!(&read_table(f, bytes(&files, f)).unwrap()[e - f.first], entity);
    }
    assert!(m.table_run(a.entities.len()).is_none());
}

#[test]
fn the_name_index_finds_every_entity_by_a_prefix_of_any_word_of_its_names_or_its_id() {
    let (c, a) = seeds();
    let site = write(&c, &a, &SMALL).unwrap();
    let (m, files) = (manifest(&site), files(&site));
    let read = |f: &FileRef| read_names(f, bytes(&files, f), a.entities.len()).unwrap();
    let all: Vec<NameKey> = m.files(Kind::Names).flat_map(read).collect();
    assert!(all.windows(2).all(|w| w[0].key < w[1].key));
    let find = |prefix: &str| -> Vec<u32> {
        let mut found: Vec<u32> = m
            .name_fragments(prefix)
            .into_iter()
            .flat_map(read)
            .filter(|k| k.key.starts_with(prefix))
            .flat_map(|k| k.entities)
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    };
    let (mut buf, mut words) = (String::new(), Vec::new());
    for (e, entity) in a.entities.iter().enumerate() {
        words.clear();
        crate::index::normalise_words(&entity.canonical, &mut buf, &mut words);
        for (_, w) in &words {
            let word = &buf[w.clone()];
            let prefix: String = word.chars().take(3).collect();
            assert!(
                m.name_fragments(word).len() < m.files(Kind::Names).count(),
                "{word}"
            );
            assert!(find(word).contains(&(e as u32)), "{word}");
            assert!(find(&prefix).contains(&(e as u32)), "{prefix}");
        }
    }
    assert!(find("zzzz").is_empty());
    // An entity named in the URL: the fragment of its id holds it.
    for (e, entity) in a.entities.iter().enumerate() {
        let key = m
            .name_fragments(&entity.id)
            .into_iter()
            .flat_map(read)
            .find(|k| k.key == entity.id);
        assert_eq!(key.map(|k| k.entities), Some(vec![e as u32]), "{}", entity.id);
    }
}

#[test]
fn a_query_fetches_only_the_fragments_of_its_terms_and_finds_every_posting() {
    let (c, a) = seeds();
    let ix = Index::new(&c, &a);
    let site = write(&c, &a, &SMALL).unwrap();
    let (m, files) = (manifest(&site), files(&site));
    let read = |f: &FileRef| read_terms(f, files.get(&f.name).map(|b| &b[..])).unwrap();
    let part = |f: &FileRef| read_part(f, bytes(&files, f)).unwrap();
    // A cut term's postings are its parts', in order; with the rest, every term, in
    // order, with the index's postings.
    let mut all: Vec<TermPostings> = m.files(Kind::Terms).flat_map(read).collect();
    for t in &m.long_terms {
        let postings = m.term_parts(&t.term).flat_map(|f| part(f).postings).collect();
        all.push(TermPostings {
            term: t.term.clone(),
            postings,
        });
    }
    all.sort_by(|x, y| x.term.cmp(&y.term));
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
        let fetched: Vec<&FileRef> = m.term_fragments(prefix);
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
        let long = m.long_terms(prefix).map(|t| t.term.clone());
        let mut found: Vec<String> = found.into_iter().chain(long).collect();
        found.sort();
        let want: Vec<&str> = ix.terms_with_prefix(prefix).map(|t| ix.term_text(t)).collect();
        assert_eq!(found, want, "{prefix:?}");
    }
}

/// A common word's postings are cut by document range; its totals give its counts, and
/// its first part holds the first rows of a search for it.
#[test]
fn a_common_words_postings_are_cut_in_parts_by_document_with_totals() {
    let (c, a) = seeds();
    let ix = Index::new(&c, &a);
    let site = write(&c, &a, &SMALL).unwrap();
    let (m, files) = (manifest(&site), files(&site));
    let the = m.long_terms("the").find(|t| t.term == "the").unwrap();
    let postings = ix.postings(ix.term("the").unwrap());
    let docs = |article: bool| {
        let mut d: Vec<u32> = postings
            .iter()
            .filter(|p| !article || ix.doc(p.doc as usize).counts(p.pos as usize, false))
            .map(|p| p.doc)
            .collect();
        d.dedup();
        d.len()
    };
    assert_eq!(the.documents, [docs(false), docs(true)]);
    let article = postings
        .iter()
        .filter(|p| ix.doc(p.doc as usize).counts(p.pos as usize, false))
        .count();
    assert_eq!(the.postings, [postings.len(), article]);
    let parts: Vec<&FileRef> = m.term_parts("the").collect();
    assert!(parts.len() > 1);
    // Parts follow each other by document, a document in one part only.
    for w in parts.windows(2) {
        assert!(w[0].first + w[0].count <= w[1].first, "{w:?}");
    }
    let first = read_part(parts[0], bytes(&files, parts[0])).unwrap();
    assert_eq!(first.postings[0].0, postings[0]);
    // A part ends with the document that brings it to the size.
    for f in &parts[..parts.len() - 1] {
        assert!(f.bytes >= SMALL.terms, "{f:?}");
    }
}

#[test]
fn entity_shards_and_mention_parts_hold_every_mention_and_the_most_shared_partners() {
    let (c, a) = seeds();
    let ix = Index::new(&c, &a);
    let site = write(&c, &a, &SMALL).unwrap();
    let (m, files) = (manifest(&site), files(&site));
    for e in 0..a.entities.len() {
        let f = m.entity_shard(e).unwrap();
        let shard = read_entities(f, files.get(&f.name).map(|b| &b[..])).unwrap();
        let got = &shard[e - f.first];
        let parts: Vec<&FileRef> = m.mention_parts(e).collect();
        let mut mentions = got.mentions.clone();
        for p in &parts {
            mentions.extend(read_mention_part(p, bytes(&files, p)).unwrap());
        }
        assert!(parts.is_empty() || got.mentions.is_empty());
        assert_eq!(mentions, ix.entity_mentions(e));
        // A part ends with the document that brings it to the size.
        for p in parts.iter().rev().skip(1) {
            assert!(p.bytes >= SMALL.entities, "{p:?}");
        }
        assert!(got.partners.len() <= PARTNERS);
        for &(other, shared) in &got.partners {
            let both = (0..c.documents.len())
                .filter(|&d| ix.entity_count(d, e, true) > 0 && ix.entity_count(d, other as usize, true) > 0)
                .count();
            assert_eq!(shared as usize, both);
        }
        assert!(got.partners.windows(2).all(|w| w[0].1 >= w[1].1));
    }
    assert!(m.files(Kind::Mentions).count() > 1);
}

/// Every bucket of the head's four timelines is found in its period file, with the
/// documents the app's period filter keeps, as many as the head counts.
#[test]
fn a_timeline_buckets_documents_are_in_its_period_file_as_the_period_filter_keeps_them() {
    let (c, a) = seeds();
    let site = write(&c, &a, &Sizes { terms: 40, ..SMALL }).unwrap();
    let (m, files) = (manifest(&site), files(&site));
    assert!(m.files(Kind::Periods).count() > 4);
    let head = Head::read(m.head().unwrap(), bytes(&files, m.head().unwrap())).unwrap();
    let mut buckets = 0;
    for (_, all_zones, t) in &head.timelines {
        for b in &t.buckets {
            let key = b.key.to_string();
            let f = m.period_file(&key).unwrap();
            let file = read_periods(f, bytes(&files, f), c.documents.len()).unwrap();
            let found = file.iter().find(|p| p.key == key).unwrap();
            let mut docs: Vec<usize> = found.article.iter().map(|&d| d as usize).collect();
            if *all_zones {
                docs.extend(found.other.iter().map(|&d| d as usize));
                docs.sort_unstable();
            }
            let kept: Vec<usize> = (0..c.documents.len())
                .filter(|&d| crate::timeline::mentions_period(&a.dates, d, (b.key, b.key), *all_zones))
                .collect();
            assert_eq!(docs, kept, "{key}");
            assert_eq!(docs.len(), b.documents, "{key}");
            buckets += 1;
        }
    }
    assert!(buckets > 10);
    assert_eq!(m.period_file("0000"), None);
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
    // The page names the head, the article list, the document shards and the directory
    // only.
    let kinds: Vec<Kind> = m.files.iter().map(|f| f.kind).collect();
    assert!(kinds
        .iter()
        .all(|k| matches!(k, Kind::Head | Kind::List | Kind::Docs | Kind::Directory)));
    assert!(m.head().is_some() && m.directory().is_some());
    assert!(!site.page.contains("</script><") || site.page.matches("</script>").count() == 2);
    // It preloads every view's first screen, the head and the first list run, and no other
    // file, at low priority (a deep link's shard, which the first look needs, goes first).
    let preloaded: Vec<&str> = site
        .page
        .split("<link rel=\"preload\" href=\"shards/")
        .skip(1)
        .map(|l| &l[..l.find('>').unwrap()])
        .collect();
    let first_screen = [m.head().unwrap(), m.list_run(0).unwrap()]
        .map(|f| format!("{}\" as=\"fetch\" crossorigin fetchpriority=\"low\"", f.name));
    assert_eq!(preloaded, first_screen);
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

/// A document read alone from its shard is the one the whole shard's reading gives, and
/// the shard's file names are its documents'; a number past the shard is an error.
#[test]
fn a_document_read_alone_is_the_one_its_whole_shard_gives() {
    let (c, a) = seeds();
    let site = write(&c, &a, &SMALL).unwrap();
    let (m, files) = (manifest(&site), files(&site));
    let shards: Vec<&FileRef> = m.files(Kind::Docs).collect();
    assert!(shards.len() > 1);
    for f in shards {
        let bytes = Some(&files[&f.name][..]);
        let (docs, analyses, _) = read_docs(f, bytes, m.entities).unwrap();
        let names: Vec<String> = docs.iter().map(|d| d.file.to_string()).collect();
        assert_eq!(read_doc_files(f, bytes).unwrap(), names);
        for (i, (d, da)) in docs.iter().zip(&analyses).enumerate() {
            let (alone, alone_analysis) = read_doc_at(f, bytes, m.entities, i).unwrap();
            assert_eq!(
                (&alone.file, &alone.text, &alone.title),
                (&d.file, &d.text, &d.title)
            );
            assert_eq!(&alone_analysis, da);
        }
        assert!(read_doc_at(f, bytes, m.entities, f.count).is_err());
    }
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
                    Head::read(&g, b),
                    read_list(&g, b),
                    read_docs(&g, b, m.entities),
                    read_table(&g, b),
                    read_names(&g, b, m.entities),
                    read_terms(&g, b),
                    read_part(&g, b),
                    read_entities(&g, b),
                    read_mention_part(&g, b),
                    read_counts(&g, b, m.entities),
                    read_quotes(&g, b, m.entities),
                    read_ranked(&g, b, m.entities),
                    Speakers::read(&g, b, m.entities),
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

/// A site's files of `kind` decoded by `read`, in order, from the directory.
fn all_of<T>(
    site: &Site,
    kind: Kind,
    read: impl Fn(&FileRef, Option<&[u8]>) -> Result<Vec<T>, SiteError>,
) -> Vec<T> {
    let (m, files) = (manifest(site), files(site));
    m.files(kind)
        .flat_map(|f| read(f, bytes(&files, f)).unwrap())
        .collect()
}

/// Summing the counts runs over any set of documents gives the search's entity counts
/// for it (all zones), so the panel's counts under a filter and a comparison's sides are
/// the one page's.
#[test]
fn the_counts_runs_summed_over_a_filter_are_the_searchs_entity_counts() {
    let (c, a) = generated(30);
    let site = write(&c, &a, &SMALL).unwrap();
    let m = manifest(&site);
    let counts = all_of(&site, Kind::Counts, |f, b| read_counts(f, b, m.entities));
    assert_eq!(counts.len(), c.documents.len());
    assert!(m.files(Kind::Counts).count() > 2);
    let ix = Index::new(&c, &a);
    let id = &a.entities[a.docs[3].mentions[0].entity].id;
    let q = crate::query::Query {
        require: vec![id.clone()],
        all_zones: true,
        ..Default::default()
    };
    let r = crate::query::search(&ix, &q);
    let mut sums = vec![crate::query::Counts::default(); a.entities.len()];
    for (d, list) in counts.iter().enumerate() {
        if !r.matched[d] {
            continue;
        }
        for &(e, n) in list {
            sums[e as usize].mentions += n as usize;
            sums[e as usize].documents += 1;
        }
    }
    assert_eq!(sums, r.entities);
}

/// Each document's quotes, with their speaker and the entities named in their words,
/// are in its quotes run as the analysis has them; the speakers file counts them.
#[test]
fn the_quotes_runs_hold_every_quote_with_its_speaker_and_the_speakers_file_counts_them() {
    let (c, a) = seeds();
    let site = write(&c, &a, &SMALL).unwrap();
    let (m, files) = (manifest(&site), files(&site));
    let quotes = all_of(&site, Kind::Quotes, |f, b| read_quotes(f, b, m.entities));
    assert_eq!(quotes.len(), c.documents.len());
    let total: usize = a.docs.iter().map(|d| d.quotes.len()).sum();
    assert!(total > 0);
    for (d, rows) in quotes.iter().enumerate() {
        let (doc, an) = (&c.documents[d], &a.docs[d]);
        assert_eq!(rows.len(), an.quotes.len());
        for (row, q) in rows.iter().zip(&an.quotes) {
            assert_eq!(row.words, doc.text[q.range.clone()]);
            assert_eq!(row.kind, q.kind);
            let speaker = q.speaker.map(|m| an.mentions[m].entity as u32);
            assert_eq!(row.speaker.as_ref().map(|s| s.0), speaker);
            if let Some((e, id, name)) = &row.speaker {
                assert_eq!(
                    (id, name),
                    (&a.entities[*e as usize].id, &a.entities[*e as usize].canonical)
                );
            }
            for &e in &row.about {
                assert!(an.mentions.iter().any(|m| m.entity == e as usize
                    && q.range.start <= m.range.start
                    && m.range.end <= q.range.end));
            }
        }
    }
    let s = m.speakers().unwrap();
    let s = Speakers::read(s, bytes(&files, s), m.entities).unwrap();
    let attributed = a
        .docs
        .iter()
        .flat_map(|d| &d.quotes)
        .filter(|q| q.speaker.is_some())
        .count();
    assert_eq!((s.quotes, s.attributed), (total, attributed));
    assert_eq!(s.top.iter().map(|t| t.1).sum::<usize>(), attributed);
    assert!(s.top.windows(2).all(|w| w[0].1 >= w[1].1));
}

/// Each speaker's files hold their quotes, every one and no other, in document and text
/// order, as the analysis has them; a speaker quoted nowhere finds none.
#[test]
fn a_speakers_files_hold_all_their_quotes_in_article_order() {
    let (c, a) = generated(30);
    let site = write(&c, &a, &SMALL).unwrap();
    let (m, files) = (manifest(&site), files(&site));
    assert!(m.files(Kind::Said).count() > 3);
    let mut by: Vec<Vec<(u32, String)>> = vec![Vec::new(); a.entities.len()];
    for (d, an) in a.docs.iter().enumerate() {
        for q in &an.quotes {
            if let Some(s) = q.speaker {
                by[an.mentions[s].entity].push((d as u32, c.documents[d].text[q.range.clone()].to_string()));
            }
        }
    }
    let spread = by.iter().filter(|q| !q.is_empty()).count();
    assert!(spread > 3, "{spread} speakers");
    for (e, want) in by.iter().enumerate() {
        let mut got = Vec::new();
        for f in m.said_files(e) {
            let rows = read_said(f, bytes(&files, f), m.documents, m.entities).unwrap();
            got.extend(
                rows.into_iter()
                    .filter(|r| r.speaker as usize == e)
                    .map(|r| (r.doc, r.words)),
            );
        }
        assert_eq!(&got, want, "entity {e}");
    }
}

/// Every entity is in its label's ranked runs, in most documents first, and the first
/// ranks are the head's top entities: the panel's "more" reaches each one.
#[test]
fn the_ranked_runs_reach_every_entity_label_by_label_after_the_heads_top_ones() {
    let (c, a) = generated(30);
    let site = write(&c, &a, &SMALL).unwrap();
    let (m, files) = (manifest(&site), files(&site));
    let head = Head::read(m.head().unwrap(), bytes(&files, m.head().unwrap())).unwrap();
    let mut seen = vec![false; a.entities.len()];
    for label in crate::Label::ALL {
        let code = label.code();
        let mut rank = 0;
        let mut of = Vec::new();
        while let Some(f) = m.ranked_run(code, rank) {
            assert_eq!(f.first, rank);
            of.extend(read_ranked(f, bytes(&files, f), m.entities).unwrap());
            rank = f.first + f.count;
        }
        assert!(
            of.windows(2).all(|w| w[0].1.documents >= w[1].1.documents),
            "{code}"
        );
        let top: Vec<usize> = head
            .top
            .iter()
            .filter(|(_, e)| e.label == label)
            .map(|(i, _)| *i)
            .collect();
        assert_eq!(
            of.iter().take(top.len()).map(|(i, _)| *i).collect::<Vec<_>>(),
            top,
            "{code}"
        );
        for (i, e) in of {
            assert_eq!(e, a.entities[i]);
            assert!(!std::mem::replace(&mut seen[i], true));
        }
    }
    assert!(seen.iter().all(|&s| s));
    assert!(m.files(Kind::Ranked).count() > 10);
}

/// Reads `f`, as `b`, with its kind's decoder.
fn decode(m: &Manifest, f: &FileRef, b: Option<&[u8]>) -> Result<(), SiteError> {
    match f.kind {
        Kind::Head => Head::read(f, b).map(drop),
        Kind::List => read_list(f, b).map(drop),
        Kind::Docs => read_docs(f, b, m.entities).map(drop),
        Kind::Directory => read_directory(&mut m.clone(), f, b),
        Kind::Table => read_table(f, b).map(drop),
        Kind::Names => read_names(f, b, m.entities).map(drop),
        Kind::Terms => read_terms(f, b).map(drop),
        Kind::Part => read_part(f, b).map(drop),
        Kind::Entities => read_entities(f, b).map(drop),
        Kind::Mentions => read_mention_part(f, b).map(drop),
        Kind::Periods => read_periods(f, b, m.documents).map(drop),
        Kind::Counts => read_counts(f, b, m.entities).map(drop),
        Kind::Quotes => read_quotes(f, b, m.entities).map(drop),
        Kind::Ranked => read_ranked(f, b, m.entities).map(drop),
        Kind::Speakers => Speakers::read(f, b, m.entities).map(drop),
        Kind::Said => read_said(f, b, m.documents, m.entities).map(drop),
    }
}

/// Each kind's decoder refuses its file missing, cut, changed, or replaced by another
/// file (of its kind when there is one: an old deploy's), naming it; and a file of
/// another kind, addressed as this one, as damaged.
#[test]
fn every_kind_of_file_missing_cut_changed_or_another_is_an_error_naming_it() {
    let (c, a) = seeds();
    let site = write(&c, &a, &SMALL).unwrap();
    let (m, files) = (manifest(&site), files(&site));
    let mut kinds: Vec<Kind> = Vec::new();
    for f in &m.files {
        if !kinds.contains(&f.kind) {
            kinds.push(f.kind);
        }
    }
    assert_eq!(kinds.len(), 16, "{kinds:?}");
    for kind in kinds {
        let f = m.files(kind).next().unwrap();
        let good = &files[&f.name];
        let named = |b: Option<&[u8]>| {
            let e = decode(&m, f, b).unwrap_err();
            assert_eq!(e.file, f.name);
            assert!(e.to_string().contains(&f.name), "{e}");
            e.kind
        };
        assert!(decode(&m, f, Some(good)).is_ok(), "{kind:?}");
        assert_eq!(named(None), SiteErrorKind::Missing, "{kind:?}");
        let cut = &good[..good.len() - 1];
        assert!(
            matches!(named(Some(cut)), SiteErrorKind::Truncated { .. }),
            "{kind:?}"
        );
        let mut changed = good.clone();
        changed[good.len() / 2] ^= 1;
        assert!(
            matches!(named(Some(&changed)), SiteErrorKind::Mismatch { .. }),
            "{kind:?}"
        );
        let other = m.files(kind).nth(1).or(m.head()).filter(|o| o.name != f.name);
        let other = other.unwrap_or(m.directory().unwrap());
        assert!(
            matches!(
                named(bytes(&files, other)),
                SiteErrorKind::Truncated { .. } | SiteErrorKind::Mismatch { .. }
            ),
            "{kind:?}"
        );
        // Another kind's file, named and measured as this kind's: it passes the checks
        // and fails as its format.
        let other = m.files.iter().find(|o| o.kind != kind).unwrap();
        let as_this = FileRef {
            kind,
            ..other.clone()
        };
        let e = decode(&m, &as_this, bytes(&files, other)).unwrap_err();
        assert_eq!(e.file, other.name);
        assert!(matches!(e.kind, SiteErrorKind::Damaged(_)), "{kind:?}: {e}");
    }
}

/// On a corpus four times larger, the first screen (the page, the head and the article
/// list's first run) stays about as large while the site grows, and no file of the
/// lists, the search index or the entities outgrows its size by more than one record.
#[test]
fn the_first_screen_stays_bounded_as_a_generated_corpus_grows() {
    let sizes = Sizes {
        docs: 20_000,
        list: 1_000,
        table: 1_000,
        names: 1_000,
        terms: 4_000,
        entities: 4_000,
    };
    let measure = |n: usize| {
        let (c, a) = generated(n);
        let site = write(&c, &a, &sizes).unwrap();
        let m = manifest(&site);
        let len = |f: Option<&FileRef>| f.map_or(0, |f| f.bytes);
        let first = site.page.len() + len(m.head()) + len(m.list_run(0));
        let total: usize = m.files.iter().map(|f| f.bytes).sum();
        for f in &m.files {
            let size = match f.kind {
                Kind::List => sizes.list + 300,
                Kind::Table | Kind::Names => sizes.table + 1_000,
                Kind::Terms | Kind::Part => sizes.terms + 3_000,
                // An entity's record is its mentions (under `size`, else they are in
                // parts) and at most 50 partners: one record can double a file.
                Kind::Entities => 2 * sizes.entities + 1_000,
                Kind::Mentions => sizes.entities + 3_000,
                Kind::Periods => sizes.terms + 3_000,
                _ => usize::MAX,
            };
            assert!(f.bytes <= size, "{n} articles: {f:?}");
        }
        (first, total, m.files(Kind::Part).count())
    };
    let (small, large) = (measure(16), measure(64));
    assert!(large.1 > 3 * small.1, "{small:?} {large:?}");
    assert!(large.2 > small.2, "{small:?} {large:?}");
    assert!(large.0 * 4 < small.0 * 5, "{small:?} {large:?}");
}

/// The mentions of `keep`'s documents as the sharded site's export writes them: the
/// document shards one at a time, the names from the table runs their mentions need,
/// fed to [`crate::export::Names`] as fetched and trimmed after each shard (to a bound
/// small enough that runs go and come back).
fn exported_from_shards(site: &Site, format: crate::export::Format, keep: impl Fn(usize) -> bool) -> String {
    use crate::export::{Names, Parts, MENTION_COLUMNS};
    let (m, files) = (manifest(site), files(site));
    let mut names = Names::new(600);
    let mut parts = Parts::new(MENTION_COLUMNS, format);
    let mut out = parts.start();
    for shard in m.files(Kind::Docs) {
        let (docs, analyses, _) = read_docs(shard, bytes(&files, shard), m.entities).unwrap();
        let kept: Vec<usize> = (0..docs.len()).filter(|&i| keep(shard.first + i)).collect();
        for &i in &kept {
            for e in analyses[i].mentions.iter().map(|x| x.entity) {
                if names.get(e).is_none() {
                    let run = m.table_run(e).unwrap();
                    names.add(run.first, &read_table(run, bytes(&files, run)).unwrap());
                }
            }
            let rows = parts.mentions(&docs[i], &analyses[i], |e| names.get(e), |_| true);
            out.push_str(&rows.unwrap());
        }
        names.trim();
    }
    out.push_str(&parts.finish());
    out
}

#[test]
fn the_mentions_exported_shard_by_shard_are_the_export_of_the_whole_analysis() {
    use crate::export::{mentions, Format};
    let (c, a) = seeds();
    let site = write(&c, &a, &SMALL).unwrap();
    assert!(manifest(&site).files(Kind::Table).count() > 3);
    for format in [Format::Csv, Format::Json, Format::Jsonl] {
        let all = mentions(&c, &a, format, |_, _| true);
        assert_eq!(exported_from_shards(&site, format, |_| true), all);
        let some = |d: usize| d % 3 == 1;
        let expected = mentions(&c, &a, format, |d, _| some(d));
        assert_eq!(exported_from_shards(&site, format, some), expected);
        let none = mentions(&c, &a, format, |_, _| false);
        assert_eq!(exported_from_shards(&site, format, |_| false), none);
    }
}

#[test]
fn every_file_a_site_writes_is_named_as_a_site_file_and_nothing_else_is() {
    let (c, a) = seeds();
    let site = write(&c, &a, &SMALL).unwrap();
    let m = manifest(&site);
    for kind in [Kind::Periods, Kind::Mentions, Kind::Docs] {
        assert!(m.files(kind).count() > 0, "{kind:?}");
    }
    for (name, _) in &site.files {
        assert!(is_file_name(name), "{name}");
    }
    assert!(
        is_file_name("f-0123456789abcdef.txt"),
        "the first version's facets"
    );
    for (kind, _) in Kind::LETTERS {
        assert_eq!(Kind::of_letter(&kind.letter().to_string()), Some(kind));
    }
    for other in [
        "README",
        "z-0123456789abcdef.txt",
        "d-0123456789abcdeg.txt",
        "d-0123456789abcdef.json",
        "d-0123456789abcde.txt",
        "notes-0123456789abcdef.txt",
    ] {
        assert!(!is_file_name(other), "{other}");
    }
}
