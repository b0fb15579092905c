//! Text in any normal form and case, read alike, while every offset points into the text
//! as given.
//!
//! - **Normal form.** The same article written in Unicode NFD (as macOS and some scrapers
//!   write it: "São" as `S a U+0303 o`) is read through a *lookup text*, its NFC form
//!   ([`Lookup`]): recognition, the tables and the corpus lexicon see composed letters
//!   whatever the file holds, and an [`OffsetMap`] takes every range found in the lookup
//!   text back to the document's own text, which is never rewritten. A document already
//!   in NFC (nearly all) has no lookup text and costs one scan.
//! - **Case.** A run written in capitals ("NEW YORK (Reuters) —", "UNITED NATIONS —", a
//!   headline in capitals) is read through the names it holds, looked up without case in
//!   the tables ([`caps_name`]); capitals alone say nothing of an unknown word
//!   ([`is_all_caps`], [`written_in_capitals`]).
//!
//! Apostrophes (’ ‘ ʼ) and hyphen-like dashes (‐ ‑ ‒ –) are made alike in lookup keys by
//! [`crate::gazetteer::normalise_into`], and the tokenizer joins words across them alike.
//!
//! ```
//! use dossier_core::normal::nfc;
//!
//! let nfd = "Krako\u{301}w and So\u{303}o";
//! let (lookup, map) = nfc(nfd).expect("not in NFC");
//! assert_eq!(lookup, "Kraków and Sõo");
//! let at = lookup.find("and").unwrap();
//! assert_eq!(&nfd[map.to_original(at, false)..map.to_original(at + 3, true)], "and");
//! ```

use crate::corpus::Document;
use crate::gazetteer::{normalise_into, Gazetteer, Known};
use crate::text::{Token, TokenKind};
use std::borrow::Cow;
use std::ops::Range;
use unicode_normalization::char::{canonical_combining_class, compose, decompose_canonical};
use unicode_normalization::{is_nfc_quick, IsNormalized};

/// Where a text's NFC form differs from it: each changed segment's range in the NFC
/// form and in the text, in order. Outside them the two agree byte for byte, shifted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// (range in the NFC form, range in the original), sorted, not overlapping.
    changed: Vec<(Range<usize>, Range<usize>)>,
}

impl OffsetMap {
    /// The byte offset in the original text of byte offset `o` of the NFC form. An
    /// offset inside a changed segment (never a token boundary in practice) goes to the
    /// segment's start, or to its end when `end` (the end of a range).
    pub fn to_original(&self, o: usize, end: bool) -> usize {
        self.map(o, end, |(lookup, original)| (lookup, original))
    }

    /// The byte offset in the NFC form of byte offset `o` of the original text.
    pub fn to_lookup(&self, o: usize, end: bool) -> usize {
        self.map(o, end, |(lookup, original)| (original, lookup))
    }

    /// [`OffsetMap::to_original`] of both ends of `r`.
    pub fn range_to_original(&self, r: &Range<usize>) -> Range<usize> {
        self.to_original(r.start, false)..self.to_original(r.end, true)
    }

    /// [`OffsetMap::to_lookup`] of both ends of `r`.
    pub fn range_to_lookup(&self, r: &Range<usize>) -> Range<usize> {
        self.to_lookup(r.start, false)..self.to_lookup(r.end, true)
    }

    /// Offset `o` of one side of the changed segments on the other: `side` gives a
    /// segment's (from, to) ranges.
    fn map(&self, o: usize, end: bool, side: Side) -> usize {
        // The last changed segment that starts at or before `o`.
        let k = self.changed.partition_point(|p| side(p).0.start <= o);
        let Some((from, to)) = k.checked_sub(1).map(|k| side(&self.changed[k])) else {
            return o;
        };
        if o >= from.end {
            to.end + (o - from.end)
        } else if o == from.start || !end {
            to.start
        } else {
            to.end
        }
    }
}

/// Which of a changed segment's two ranges is mapped from and which to.
type Side = fn(&(Range<usize>, Range<usize>)) -> (&Range<usize>, &Range<usize>);

/// Whether a normalisation segment starts at `c`: a starter that never composes with
/// what comes before it, so the text on either side normalises alone (UAX #15).
fn starts_segment(c: char) -> bool {
    c.is_ascii() || canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// Whether `text` is in NFC by a look at each byte: every character below U+0300 is (ASCII
/// and the Latin letters, whose lead bytes are below `CC`), and so are the other
/// characters news text holds most (curly quotes, dashes): starters that never compose.
fn surely_nfc(text: &str) -> bool {
    // Chunks of ASCII (most of the text) are passed over a word at a time.
    let mut at = 0;
    for chunk in text.as_bytes().chunks(32) {
        if !chunk.is_ascii() {
            for (k, _) in chunk.iter().enumerate().filter(|(_, &b)| b >= 0xCC) {
                let c = text[at + k..]
                    .chars()
                    .next()
                    .expect("a lead byte starts a character");
                if !starts_segment(c) {
                    return false;
                }
            }
        }
        at += chunk.len();
    }
    true
}

/// The NFC form of `text` and where it differs, or `None` when `text` is in NFC already.
pub fn nfc(text: &str) -> Option<(String, OffsetMap)> {
    if surely_nfc(text) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut changed = Vec::new();
    let mut buf = String::new();
    let mut start = 0;
    while start < text.len() {
        let first = text[start..].chars().next().expect("a character starts here");
        let mut end = start + first.len_utf8();
        end += text[end..]
            .chars()
            .take_while(|&c| !starts_segment(c))
            .map(char::len_utf8)
            .sum::<usize>();
        let seg = &text[start..end];
        buf.clear();
        if end - start > 1 {
            compose_segment(seg, &mut buf);
        }
        if buf.is_empty() || buf == seg {
            out.push_str(seg);
        } else {
            changed.push((out.len()..out.len() + buf.len(), start..end));
            out.push_str(&buf);
        }
        start = end;
    }
    (!changed.is_empty()).then_some((out, OffsetMap { changed }))
}

/// Writes the NFC form of one segment (a [starter](starts_segment) and what follows it up
/// to the next) into `out`: canonical decomposition, canonical order, canonical
/// composition (UAX #15). Done here rather than by the crate's iterator, which carries
/// the compatibility tables too (60 KB more in the engine's wasm).
fn compose_segment(seg: &str, out: &mut String) {
    let mut d: Vec<(u8, char)> = Vec::with_capacity(seg.len());
    for c in seg.chars() {
        decompose_canonical(c, |x| d.push((canonical_combining_class(x), x)));
    }
    // Canonical order: each run of non-starters sorted (stably) by class.
    let mut i = 0;
    while i < d.len() {
        let run = d[i..].iter().take_while(|(cc, _)| *cc != 0).count();
        d[i..i + run].sort_by_key(|(cc, _)| *cc);
        i += run.max(1);
    }
    // Composition: each character joins the last starter unless a character between
    // them is a starter or of the same or a higher class.
    let mut res: Vec<char> = Vec::with_capacity(d.len());
    let (mut starter, mut last): (Option<usize>, Option<u8>) = (None, None);
    for (cc, c) in d {
        if let Some(s) = starter.filter(|_| last.is_none_or(|l| l != 0 && l < cc)) {
            if let Some(k) = compose(res[s], c) {
                res[s] = k;
                continue;
            }
        }
        if cc == 0 {
            (starter, last) = (Some(res.len()), None);
        } else {
            last = Some(cc);
        }
        res.push(c);
    }
    out.extend(res);
}

/// A document's lookup text: the document in NFC, its headline and paragraphs at their
/// places there, and the way back to the document's offsets.
#[derive(Debug, Clone)]
pub struct Lookup {
    /// The document with its text in NFC (file, title and metadata as they are).
    pub doc: Document,
    /// From the lookup text's offsets to the document's.
    pub map: OffsetMap,
}

/// The lookup text of `d`, or `None` when its text is in NFC (then it is its own).
pub fn lookup(d: &Document) -> Option<Lookup> {
    let (text, map) = nfc(&d.text)?;
    let doc = Document {
        file: d.file.clone(),
        text: text.into(),
        title: d.title.clone(),
        headline: d.headline.as_ref().map(|r| map.range_to_lookup(r)),
        paragraphs: d.paragraphs.iter().map(|r| map.range_to_lookup(r)).collect(),
        meta: d.meta.clone(),
    };
    Some(Lookup { doc, map })
}

/// Whether the word `w` is written in capitals: two upper-case letters or more and none
/// in lower case ("NATO", "YORK", "D'IVOIRE"; not "U", "PhD", "Mr").
pub fn is_all_caps(w: &str) -> bool {
    let mut upper = 0;
    for c in w.chars() {
        if c.is_lowercase() {
            return false;
        }
        upper += usize::from(c.is_uppercase());
    }
    upper >= 2
}

/// How the corpus lexicon knows the word `w`: a word in capitals of three letters or
/// more as names are written ("PUTIN" → "Putin", "O'BRIEN" → "O'Brien"), any other word
/// as it is (a two-letter word in capitals is more often an acronym than a name).
#[inline]
pub fn lexicon_form(w: &str) -> Cow<'_, str> {
    // Most words have a lower-case ASCII second letter: ruled out at once.
    let b = w.as_bytes();
    if b.len() < 3 || b[1].is_ascii_lowercase() {
        return Cow::Borrowed(w);
    }
    lexicon_form_beyond(w)
}

/// [`lexicon_form`] of a word that may be in capitals.
fn lexicon_form_beyond(w: &str) -> Cow<'_, str> {
    if !is_all_caps(w) || w.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return Cow::Borrowed(w);
    }
    Cow::Owned(title_case(w))
}

/// `w` with each letter after a letter in lower case ("O'BRIEN" → "O'Brien",
/// "JEAN-PAUL" → "Jean-Paul"): a word in capitals written as names are.
pub fn title_case(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut after_letter = false;
    for c in w.chars() {
        if after_letter {
            out.extend(crate::case::lower(c));
        } else {
            out.push(c);
        }
        // Marks (a decomposed accent) belong to the letter before them.
        after_letter = c.is_alphabetic() || after_letter && canonical_combining_class(c) != 0;
    }
    out
}

/// Whether every word of `toks` (at least one) is [written in capitals](is_all_caps).
pub fn is_all_caps_run(text: &str, toks: &[Token]) -> bool {
    let mut words = toks.iter().filter(|t| t.kind == TokenKind::Word).peekable();
    words.peek().is_some() && words.all(|t| is_all_caps(t.text(text)))
}

/// Whether a block is written in capitals (a headline, a dateline line): at least two
/// words of three letters or more, four in five of them in capitals. Its capitals say
/// nothing: only known names are names there, as in a Title Case headline.
pub fn written_in_capitals(text: &str, toks: &[Token]) -> bool {
    let (mut words, mut caps) = (0, 0);
    for (k, t) in toks.iter().enumerate() {
        let b = &text.as_bytes()[t.start..t.end];
        if t.kind != TokenKind::Word || b.len() < 3 {
            continue;
        }
        // Most words have a small second letter (and three letters if three bytes): not
        // in capitals, and a few of them settle it, even if every token left were a word
        // in capitals.
        if b[1].is_ascii_lowercase() {
            words += 1;
            let left = toks.len() - k;
            if (caps + left) * 5 < (words + left) * 4 {
                return false;
            }
            continue;
        }
        let w = t.text(text);
        if w.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
            words += 1;
            caps += usize::from(is_all_caps(w));
        }
    }
    words >= 2 && caps * 5 >= words * 4
}

/// The longest name the tables know, read without case, that starts at token `i` of
/// `toks` and is written in capitals ("NEW YORK", "UNITED NATIONS", "ST. PETERSBURG"):
/// its token count and the name. `key` is a buffer.
pub fn caps_name(
    g: &Gazetteer,
    text: &str,
    toks: &[Token],
    i: usize,
    key: &mut String,
) -> Option<(usize, Known)> {
    let first = toks.get(i)?;
    // Most words have a lower-case ASCII second letter: ruled out at once.
    let b = &text.as_bytes()[first.start..first.end];
    if first.kind != TokenKind::Word
        || b.len() < 2
        || b[1].is_ascii_lowercase()
        || !is_all_caps(first.text(text))
    {
        return None;
    }
    // The run in capitals: words without a lower-case letter and the periods glued to them.
    let run = toks[i..]
        .iter()
        .take_while(|t| match t.kind {
            TokenKind::Word => !t.text(text).chars().any(char::is_lowercase),
            TokenKind::Punct => t.glued && t.text(text) == ".",
            _ => false,
        })
        .count()
        .min(64);
    key.clear();
    crate::case::push_lower(key, first.text(text));
    let mut lens = g.caps_lengths(key) & (u64::MAX >> (64 - run));
    while lens != 0 {
        let len = 64 - lens.leading_zeros() as usize;
        lens &= !(1 << (len - 1));
        let mut normal = String::new();
        normalise_into(&text[first.start..toks[i + len - 1].end], &mut normal);
        key.clear();
        crate::case::push_lower(key, &normal);
        if let Some(k) = g.caps_name(key) {
            return Some((len, k));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::label::Label;
    use crate::text::tokenize;

    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn segments_compose_as_the_crate_composes_them() {
        // Every character decomposed, then a few sequences out of order or blocked.
        let mut cases: Vec<String> = (0..=0x2FA1D_u32)
            .filter_map(char::from_u32)
            .map(|c| std::iter::once(c).nfd().collect())
            .collect();
        cases.extend(
            [
                "e\u{301}\u{323}",
                "a\u{30a}\u{301}",
                "\u{1100}\u{1161}\u{11a8}",
                "q\u{307}\u{323}",
                "\u{d4}\u{323}",
                "a\u{338}\u{301}",
            ]
            .map(String::from),
        );
        for s in cases {
            let mut out = String::new();
            compose_segment(&s, &mut out);
            assert_eq!(out, s.nfc().collect::<String>(), "{s:?}");
        }
    }

    /// `text` in NFD, with the NFD offset of every byte offset of `text` (and its end).
    fn nfd_with_offsets(text: &str) -> (String, Vec<usize>) {
        let mut out = String::new();
        let mut at = vec![0; text.len() + 1];
        for (i, c) in text.char_indices() {
            at[i] = out.len();
            out.extend(std::iter::once(c).nfd());
        }
        at[text.len()] = out.len();
        (out, at)
    }

    #[test]
    fn nfc_text_has_no_lookup_text() {
        assert_eq!(nfc("plain"), None);
        assert_eq!(nfc("Málaga, Zürich, Łódź — “Αθήνα”, Москва, 東京"), None);
        assert!(surely_nfc("Málaga — “Αθήνα”") && !surely_nfc("Ma\u{301}laga"));
        // Hangul syllables are in NFC; their jamo compose.
        assert_eq!(nfc("서울"), None);
        assert_eq!(nfc("\u{1109}\u{1165}\u{110b}\u{116e}\u{11af}").unwrap().0, "서울");
    }

    #[test]
    fn decomposed_letters_compose_and_offsets_map_back_exactly() {
        let composed = "A ferry from Málaga — “Ça va” — to Île-d’Yeu.";
        let (nfd, at) = nfd_with_offsets(composed);
        let (lookup, map) = nfc(&nfd).expect("NFD differs");
        assert_eq!(lookup, composed);
        // Every character boundary of the composed text maps to its NFD place.
        for (i, _) in composed.char_indices().chain([(composed.len(), ' ')]) {
            assert_eq!(map.to_original(i, false), at[i], "{i}");
            assert_eq!(map.to_original(i, true), at[i], "{i}");
            assert_eq!(map.to_lookup(at[i], false), i, "{i}");
        }
    }

    #[test]
    fn marks_with_no_composed_letter_stay_and_reordered_marks_map_to_their_segment() {
        // "q̃" has no composed form; a dot below and an acute in the wrong order are
        // reordered, and the segment maps as a whole.
        let text = "q\u{303}a e\u{301}\u{323}x";
        let (lookup, map) = nfc(text).unwrap();
        assert_eq!(lookup, "q\u{303}a \u{1eb9}\u{301}x");
        let x = lookup.find('x').unwrap();
        assert_eq!(&text[map.to_original(x, false)..], "x");
        assert_eq!(map.range_to_original(&(4..x)), 4..text.find('x').unwrap());
    }

    #[test]
    fn a_document_in_nfd_has_its_blocks_at_their_nfc_places() {
        use crate::corpus::Meta;
        let d = Document::new("a.txt", "Rio\n\nSa\u{303}o Paulo voted.", Meta::default()).unwrap();
        let l = lookup(&d).unwrap();
        assert_eq!(&l.doc.text[l.doc.paragraphs[0].clone()], "São Paulo voted.");
        assert_eq!(l.map.range_to_original(&l.doc.paragraphs[0]), d.paragraphs[0]);
    }

    #[test]
    fn capitals_are_words_of_two_capitals_or_more_without_a_small_letter() {
        for w in ["NATO", "YORK", "D'IVOIRE", "SÃO", "U.S.", "ΑΘΗΝΑ"] {
            assert!(is_all_caps(w), "{w}");
        }
        for w in ["U", "PhD", "Mr", "New", "3D", "iOS", "2024"] {
            assert!(!is_all_caps(w), "{w}");
        }
    }

    #[test]
    fn words_in_capitals_are_known_to_the_lexicon_as_names_are_written() {
        for (w, l) in [
            ("PUTIN", "Putin"),
            ("O'BRIEN", "O'Brien"),
            ("JEAN", "Jean"),
            ("ÅSA", "Åsa"),
        ] {
            assert_eq!(lexicon_form(w), l);
        }
        for w in ["XI", "U.S.", "Putin", "McDONALD", "NATO's", "3M"] {
            assert!(matches!(lexicon_form(w), Cow::Borrowed(_)), "{w}");
        }
    }

    #[test]
    fn a_block_in_capitals_is_told_from_a_sentence_with_acronyms() {
        let caps = |s: &str| written_in_capitals(s, &tokenize(s, 0..s.len()));
        assert!(caps("FERRY STRIKE HALTS TRAFFIC IN THE STRAIT"));
        assert!(caps("HARBOUR TALKS RESUME (UPDATE 2)"));
        assert!(!caps("NASA and ESA signed the deal with JAXA."));
        assert!(!caps("Talks Resume In Geneva"));
        assert!(!caps("UN OK"));
    }

    #[test]
    fn names_in_capitals_are_read_through_the_tables() {
        let g = Gazetteer::get();
        let found = |s: &str| {
            let toks = tokenize(s, 0..s.len());
            let mut key = String::new();
            caps_name(g, s, &toks, 0, &mut key).map(|(n, k)| (n, k.label, k.canonical))
        };
        assert_eq!(found("NEW YORK (AP) —"), Some((2, Label::Gpe, "New York City")));
        assert_eq!(found("SÃO PAULO —"), Some((2, Label::Gpe, "São Paulo")));
        assert_eq!(
            found("BOSNIA AND HERZEGOVINA"),
            Some((3, Label::Gpe, "Bosnia and Herzegovina"))
        );
        assert_eq!(found("KRAKÓW"), Some((1, Label::Gpe, "Kraków")));
        assert_eq!(found("New York"), None);
        assert_eq!(found("FERRY"), None);
    }

    /// Each mention of `a` in `text`: its text, label and entity's canonical name.
    fn mentions(text: &str) -> Vec<(Range<usize>, crate::Label, String)> {
        let found = crate::test_support::mentions(text).into_iter();
        found.map(|f| (f.range, f.label, f.canonical)).collect()
    }

    fn labelled<'t>(
        text: &'t str,
        found: &[(Range<usize>, crate::Label, String)],
    ) -> Vec<(&'t str, crate::Label)> {
        found.iter().map(|(r, l, _)| (&text[r.clone()], *l)).collect()
    }

    const FERRY: &str = "Ferries Halted as Dock Strike Spreads\n\n\
        LISBON — Dock workers in São Paulo, Kraków and Bogotá stopped work on \
        Friday, the union said. Port officials in Gdańsk expect Córdoba to follow. Mayor Inês \
        Brandão said the strikes in Düsseldorf and Curaçao would end soon.\n\n\
        Brandão later met envoys from Côte d’Ivoire and the Île-de-France region.";

    #[test]
    fn an_article_and_its_nfd_copy_give_the_same_entities_at_the_same_places() {
        let (nfd, at) = nfd_with_offsets(FERRY);
        assert_ne!(nfd, FERRY);
        let composed = mentions(FERRY);
        let decomposed = mentions(&nfd);
        let moved: Vec<_> = composed
            .iter()
            .map(|(r, l, c)| (at[r.start]..at[r.end], *l, c.clone()))
            .collect();
        assert_eq!(decomposed, moved);
        let places: Vec<&str> = labelled(&nfd, &decomposed)
            .into_iter()
            .filter(|(_, l)| *l == Label::Gpe)
            .map(|(t, _)| t)
            .collect();
        let nfd_of = |s: &str| s.nfd().collect::<String>();
        for p in [
            "São Paulo",
            "Kraków",
            "Bogotá",
            "Gdańsk",
            "Córdoba",
            "Düsseldorf",
            "Curaçao",
            "Côte d’Ivoire",
        ] {
            assert!(places.contains(&nfd_of(p).as_str()), "{p} in {places:?}");
        }
        let people = labelled(FERRY, &composed)
            .into_iter()
            .filter(|(_, l)| *l == Label::Person);
        assert_eq!(
            people.map(|(t, _)| t).collect::<Vec<_>>(),
            ["Inês Brandão", "Brandão"]
        );
    }

    #[test]
    fn a_dateline_in_capitals_gives_its_known_place() {
        use crate::recognise::{recognise_block, Lexicon};
        let found = |s: &str| {
            let c = recognise_block(s, 0..s.len(), &Lexicon::default(), false);
            c.iter()
                .map(|c| (s[c.range.clone()].to_string(), c.label))
                .collect::<Vec<_>>()
        };
        let s = "NEW YORK (Grain Wire) — Wheat prices rose on Monday.";
        assert_eq!(found(s)[0], ("NEW YORK".to_string(), Label::Gpe));
        assert_eq!(
            found("UNITED NATIONS — Delegates met again.")[0],
            ("UNITED NATIONS".to_string(), Label::Org)
        );
        assert_eq!(
            found("BOGOTÁ — Rain closed the airport.")[0],
            ("BOGOTÁ".to_string(), Label::Gpe)
        );
        // Unknown words in capitals are not names by their shape (an unknown acronym is
        // left to the learned decision).
        let s = "Crews from ACME HARBOUR SERVICES and BLUEWATER said the FSA fined them.";
        assert!(found(s).iter().all(|(t, _)| t == "FSA"), "{:?}", found(s));
    }

    #[test]
    fn a_headline_in_capitals_is_read_through_its_known_names() {
        let text = "BRANDÃO VOWS TO REOPEN PORTS IN HAMBURG AND NEW YORK\n\n\
            Mayor Inês Brandão said the ferries would sail again. Brandão spoke in Lisbon.";
        let found = mentions(text);
        let names = labelled(text, &found);
        assert_eq!(
            &names[..3],
            [
                ("BRANDÃO", Label::Person),
                ("HAMBURG", Label::Gpe),
                ("NEW YORK", Label::Gpe)
            ]
        );
        assert_eq!(found[0].2, "Inês Brandão");
    }

    #[test]
    fn curly_and_straight_apostrophes_and_dashes_look_up_alike() {
        let g = Gazetteer::get();
        let known = |s: &str| {
            let toks = tokenize(s, 0..s.len());
            let mut key = String::new();
            normalise_into(s, &mut key);
            g.name(&key).map(|k| (toks.len(), k.canonical))
        };
        for s in ["Côte d'Ivoire", "Côte d’Ivoire", "Côte d‘Ivoire", "Côte dʼIvoire"] {
            assert_eq!(known(s), Some((2, "Ivory Coast")), "{s}");
        }
        for s in [
            "Guinea-Bissau",
            "Guinea‐Bissau",
            "Guinea‑Bissau",
            "Guinea–Bissau",
            "Guinea‒Bissau",
        ] {
            assert_eq!(known(s), Some((2, "Guinea-Bissau")), "{s}");
        }
        let text = "Trade between Guinea–Bissau and Côte d‘Ivoire grew.";
        let found = mentions(text);
        assert_eq!(
            labelled(text, &found),
            [("Guinea–Bissau", Label::Gpe), ("Côte d‘Ivoire", Label::Gpe)]
        );
    }

    #[test]
    fn a_surname_in_capitals_finds_the_person_another_article_introduces() {
        use crate::corpus::{Corpus, Meta};
        let docs = [
            (
                "a.txt",
                "HALVORSEN WINS THE FERRY VOTE\n\nThe council met on Monday.",
            ),
            (
                "b.txt",
                "Ferry vote\n\nMayor Gregor Halvorsen said the ferries would run. Halvorsen smiled.",
            ),
        ];
        let corpus = Corpus::new(
            docs.map(|(f, t)| Document::new(f, t, Meta::default()).unwrap())
                .into(),
        );
        let a = crate::analyse(&corpus);
        let first = &a.docs[0].mentions[0];
        assert_eq!(&corpus.documents[0].text[first.range.clone()], "HALVORSEN");
        assert_eq!(first.label, Label::Person);
        assert_eq!(a.entities[first.entity].canonical, "Gregor Halvorsen");
    }
}
