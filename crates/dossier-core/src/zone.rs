//! Zones: which blocks of a page are the article, photo captions and credits, or site
//! residue.
//!
//! Scraped news pages carry more than the article: photo credits ("Name/Agency",
//! "Credit…Name"), captions, contributor lines, navigation ("Previous Article", "Related
//! Articles", "Back to top"), comment forms, inserted links ("See also …", "Must Read:
//! …") and bullet lists of links ("• Home • World • Sport"). Each rule below is about the
//! shape of a block (length, punctuation, position, a handful of site phrases common to
//! web templates) and never about one site's strings.
//!
//! ```
//! use dossier_core::zone::classify;
//! use dossier_core::Zone;
//!
//! let text = "Headline\nBody text here.\nJane Doe/Reuters\nLeave a Reply";
//! let blocks = vec![0..8, 9..24, 25..41, 42..55];
//! let zones = classify(text, &blocks, true);
//! assert_eq!(zones, [Zone::Title, Zone::Body, Zone::Caption, Zone::Boilerplate]);
//! ```

use crate::gazetteer::Gazetteer;
use crate::model::Zone;
use std::ops::Range;

/// Navigation and template phrases that make up a whole block (lower case, without
/// final punctuation).
const NAV: &[&str] = &[
    "previous article",
    "next article",
    "previous post",
    "next post",
    "previous story",
    "next story",
    "related",
    "read more",
    "read next",
    "back to top",
    "leave a comment",
    "leave a reply",
    "write a comment",
    "post a comment",
    "add a comment",
    "comments",
    "share",
    "share this",
    "share this article",
    "share on facebook",
    "tweet",
    "tags",
    "you may also like",
    "more stories",
    "recommended",
    "advertisement",
    "sign up",
    "subscribe",
    "cancel reply",
    "most read",
    "most popular",
    "trending",
    "more from",
    "top stories",
    "latest news",
    "print",
    "email",
    "follow us",
    "newsletter",
    "continue reading",
];

/// Phrases that open a block of inserted links.
const LINK_PREFIXES: &[&str] = &[
    "see also",
    "must read",
    "read also",
    "also read",
    "read more:",
    "related:",
    "recommended:",
    "watch:",
    "listen:",
    "more:",
    "read:",
    "also see",
];

/// Comment-form and subscription-form phrases, each with the position of its first
/// [anchor](is_form_anchor), found at compile time.
const FORM_PHRASES: &[(&str, usize)] = &[
    form_phrase("email address will not be published"),
    form_phrase("required fields are marked"),
    form_phrase("save my name, email"),
    form_phrase("notify me of"),
    form_phrase("you must be logged in"),
    form_phrase("all rights reserved"),
    form_phrase("sign up for our"),
];

/// Whether `x` is one of the rare letters of which every form phrase has one: a
/// phrase is only looked for where its first one is.
const fn is_form_anchor(x: u8) -> bool {
    matches!(x, b'b' | b'g' | b'q' | b'v' | b'y')
}

/// `phrase` with the position of its first anchor; a phrase without one fails the build.
const fn form_phrase(phrase: &'static str) -> (&'static str, usize) {
    let b = phrase.as_bytes();
    let mut k = 0;
    while !is_form_anchor(b[k]) {
        k += 1;
    }
    (phrase, k)
}

/// The zone of each block. `headline`: whether the first block is the headline.
pub fn classify(text: &str, blocks: &[Range<usize>], headline: bool) -> Vec<Zone> {
    let g = Gazetteer::get();
    let mut zones = Vec::with_capacity(blocks.len());
    let mut after_nav = false;
    let mut after_credit = false;
    let mut lower = String::new();
    for (i, r) in blocks.iter().enumerate() {
        let b = text[r.clone()].trim();
        lower_block(b, &mut lower);
        let lower = lower.as_str();
        // Counted only when a rule asks: most blocks are body text that none asks about.
        let mut counted = None;
        let mut words = || *counted.get_or_insert_with(|| b.split_whitespace().count());
        let zone = if i == 0 && headline {
            Zone::Title
        } else if is_nav(lower) {
            after_nav = true;
            Zone::Boilerplate
        } else if is_link_insert(lower)
            || is_form(lower)
            || is_placeholder_list(b)
            || (after_nav && words() <= 25)
        {
            Zone::Boilerplate
        } else if is_credit_line(b, g)
            || has_credit_marker(b)
            || (is_contributor_line(lower) && words() <= 30)
            || (after_credit && words() <= 60 && !b.ends_with(':'))
        {
            Zone::Caption
        } else {
            Zone::Body
        };
        if zone == Zone::Body || (zone == Zone::Boilerplate && words() > 25) {
            after_nav = false;
        }
        after_credit = zone == Zone::Caption && is_credit_line(b, g);
        zones.push(zone);
    }
    zones
}

/// Lower-cases `b` into `out` (cleared first). The text is copied and lower-cased as
/// ASCII in one go; only a block with a letter outside ASCII (rare: most non-ASCII
/// characters are quotes and dashes, which have no case) is lower-cased again character
/// by character ([`crate::case`]). Unlike `str::to_lowercase` a final capital sigma becomes "σ", not "ς":
/// the result is only matched against ASCII phrases, so that cannot matter.
fn lower_block(b: &str, out: &mut String) {
    out.clear();
    out.push_str(b);
    out.make_ascii_lowercase();
    // A character outside ASCII starts with a byte from 0xC0 up.
    let cased = !b.is_ascii()
        && b.bytes()
            .enumerate()
            .any(|(i, x)| x >= 0xC0 && !is_caseless(b[i..].chars().next().expect("a character starts here")));
    if cased {
        out.clear();
        out.extend(b.chars().flat_map(crate::case::lower));
    }
}

/// Whether `c` is in Latin-1 punctuation (from the no-break space to "¿") or General
/// Punctuation (dashes, curly quotes, "…"), which have no case.
fn is_caseless(c: char) -> bool {
    matches!(c, '\u{a0}'..='\u{bf}' | '\u{2000}'..='\u{206f}')
}

fn strip_end(s: &str) -> &str {
    s.trim_end_matches(|c: char| matches!(c, ':' | '.' | '!' | '›' | '»' | '>' | '→') || c.is_whitespace())
}

/// Words a template may write after a navigation phrase, naming its control ("Back to
/// top button", "Share icon").
const CONTROLS: &[&str] = &[" button", " link", " icon"];

/// A whole block of navigation: a [`NAV`] phrase, alone or with the name of its control
/// after it, or "related" and one more word ("Related Articles", "Related Coverage:")
/// heading a list of links.
fn is_nav(lower: &str) -> bool {
    let b = strip_end(lower);
    let phrase = CONTROLS.iter().find_map(|c| b.strip_suffix(c)).unwrap_or(b);
    NAV.contains(&phrase)
        || b.strip_prefix("related ")
            .is_some_and(|rest| !rest.is_empty() && !rest.contains(char::is_whitespace))
}

fn is_link_insert(lower: &str) -> bool {
    LINK_PREFIXES.iter().any(|p| {
        lower.starts_with(p)
            && lower[p.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_whitespace() || c == ':' || c == '\u{a0}')
    })
}

/// [`is_form_anchor`] of each byte, looked up: [`is_form`] asks it of every byte of
/// the text.
const FORM_ANCHORS: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = is_form_anchor(b as u8);
        b += 1;
    }
    t
};

/// Whether `lower` contains a form phrase, in one pass over its bytes.
fn is_form(lower: &str) -> bool {
    let b = lower.as_bytes();
    b.iter().enumerate().any(|(j, x)| {
        FORM_ANCHORS[usize::from(*x)]
            && FORM_PHRASES
                .iter()
                .any(|&(p, k)| p.as_bytes()[k] == *x && j >= k && b[j - k..].starts_with(p.as_bytes()))
    })
}

/// "• Home • World • Sport": a bullet list of items of at most four words, no sentence.
fn is_placeholder_list(b: &str) -> bool {
    let bullets = |c: char| matches!(c, '•' | '·' | '▪' | '◦' | '|');
    if !b.starts_with(bullets) {
        return false;
    }
    let items: Vec<&str> = b
        .split(bullets)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    !items.is_empty()
        && items
            .iter()
            .all(|s| s.split_whitespace().count() <= 4 && !s.ends_with('.'))
}

/// "Jane Roe/AFP", "Staff/Reuters/Getty Images": short, slash-separated
/// capitalised parts, the last an agency the tables know or an acronym.
fn is_credit_line(b: &str, g: &Gazetteer) -> bool {
    if !b.contains('/') || b.ends_with('.') || b.split_whitespace().count() > 10 {
        return false;
    }
    let b = b.trim_start_matches(|c: char| !c.is_alphanumeric());
    let b = ["Photo:", "Photograph:", "Image:", "Credit:", "Photo by", "Credit"]
        .iter()
        .find_map(|p| b.strip_prefix(p))
        .unwrap_or(b)
        .trim();
    let parts: Vec<&str> = b.split('/').map(str::trim).collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || !crate::text::is_capitalised(p))
    {
        return false;
    }
    let last = parts
        .last()
        .expect("split yields one")
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    let agency = |p: &str| {
        let p = p.split(',').next().unwrap_or(p).trim();
        g.name(p).is_some_and(|k| k.label == crate::Label::Org)
            || (p.len() >= 2 && p.chars().all(|c| c.is_ascii_uppercase() || c == '-'))
            || p.ends_with("Images")
            || p.ends_with("Photos")
            || p.ends_with("Pictures")
    };
    agency(last) || parts.iter().skip(1).any(|p| agency(p))
}

/// A caption with its credit glued on: "… at the harbour.Credit…Jane Roe/Agency".
fn has_credit_marker(b: &str) -> bool {
    // Each "C" found by a fast byte search, then the word: cheaper than a substring
    // search over every block.
    let mut from = 0;
    while let Some(k) = b[from..].find('C') {
        let i = from + k;
        if let Some(rest) = b[i..].strip_prefix("Credit") {
            if rest.starts_with('…') || rest.starts_with("...") || rest.starts_with(':') {
                return true;
            }
        }
        from = i + 1;
    }
    b.starts_with("Photo: ") || b.starts_with("Photograph: ") || b.starts_with("Image: ")
}

/// "Jane Roe contributed reporting." and the like (when short: the caller counts).
fn is_contributor_line(lower: &str) -> bool {
    // One search for the word the three phrases share, not one per phrase: every block
    // asks, and in wasm a substring search is the generic two-way scan (the vector fast
    // path of `str::contains` is for x86-64): about half the zone rules' time in a start-up
    // profile at 2,000 articles.
    lower.match_indices("contributed ").any(|(i, w)| {
        let rest = &lower[i + w.len()..];
        rest.starts_with("reporting") || rest.starts_with("to this report") || rest.starts_with("research")
    }) || lower.starts_with("reporting by ")
        || lower.starts_with("additional reporting by ")
        || lower.starts_with("editing by ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zones(text: &str) -> Vec<Zone> {
        let mut blocks = Vec::new();
        let mut start = 0;
        for line in text.split('\n') {
            if !line.trim().is_empty() {
                blocks.push(start..start + line.len());
            }
            start += line.len() + 1;
        }
        classify(text, &blocks, true)
    }

    #[test]
    fn a_name_slash_agency_line_is_a_credit_and_the_next_short_block_its_caption() {
        let z = zones("T\nBody.\nJane Roe/Reuters\nPeople gather in a square on Monday.\nMore body text that is long enough to be the article again, surely, yes it is, it is the article text and it goes on and on and on for many many words, more than sixty words in total, we keep writing here so that the count passes the limit of the caption rule for sure and then some more words.");
        assert_eq!(
            z,
            [Zone::Title, Zone::Body, Zone::Caption, Zone::Caption, Zone::Body]
        );
    }

    #[test]
    fn a_caption_with_a_glued_credit_is_a_caption() {
        let z = zones("T\nThe leaders met in March.Credit…Jane Roe/Agency");
        assert_eq!(z[1], Zone::Caption);
    }

    #[test]
    fn navigation_comment_forms_and_link_inserts_are_boilerplate() {
        let z = zones("T\nBody.\nSee also\u{a0}Some other headline here\nMust Read: Another Story\nLeave a Reply\nYour email address will not be published. Required fields are marked *");
        assert_eq!(&z[2..], [Zone::Boilerplate; 4]);
    }

    #[test]
    fn a_navigation_phrase_naming_its_control_is_boilerplate() {
        let z = zones("T\nBody.\nBack to top button\nShare icon\nNext story link");
        assert_eq!(&z[2..], [Zone::Boilerplate; 3]);
    }

    #[test]
    fn headlines_after_previous_article_are_boilerplate() {
        let z = zones("T\nBody.\nPrevious Post\nA town votes on a new bridge\nNext Story\nOtra noticia");
        assert_eq!(&z[2..], [Zone::Boilerplate; 4]);
    }

    #[test]
    fn bullet_lists_of_short_items_are_boilerplate() {
        let z = zones("T\nBody.\n• Home • World news • Sport\n· Photo 1 · Photo 2");
        assert_eq!(&z[2..], [Zone::Boilerplate; 2]);
    }

    #[test]
    fn related_and_one_word_heads_a_link_list() {
        for line in ["Related Coverage:", "Related Topics", "RELATED LINKS", "Related"] {
            assert!(is_nav(&line.to_lowercase()), "{line}");
        }
        for line in ["Related parties met today", "Related to the trial: a ruling"] {
            assert!(!is_nav(&line.to_lowercase()), "{line}");
        }
    }

    #[test]
    fn contributor_lines_are_captions() {
        let z = zones("T\nBody.\nJane Roe contributed reporting.");
        assert_eq!(z[2], Zone::Caption);
        for line in [
            "Jane Roe and John Doe contributed to this report from Kyiv.",
            "Staff contributed research.",
            "Li Wei in Beijing contributed, and Jane Roe contributed reporting",
        ] {
            assert!(is_contributor_line(&line.to_lowercase()), "{line}");
        }
        for line in [
            "Funds were contributed to the research.",
            "She contributed reports.",
        ] {
            assert!(!is_contributor_line(&line.to_lowercase()), "{line}");
        }
    }

    #[test]
    fn lowering_matches_str_to_lowercase_except_final_sigma() {
        let mut out = String::new();
        for s in [
            "Back To TOP",
            " Über\u{a0}İstanbul “See Also” ",
            "ΟΔΥΣΣΕΥΣ",
            "",
            "“Read” — more…\u{2003}Now",
        ] {
            lower_block(s, &mut out);
            assert_eq!(out.replace('ς', "σ"), s.to_lowercase().replace('ς', "σ"), "{s}");
        }
    }

    #[test]
    fn form_phrases_are_found_at_their_first_anchor() {
        for &(p, _) in FORM_PHRASES {
            assert!(
                is_form(&format!("x {p}")) && is_form(p) && !is_form(&p[1..]),
                "{p}"
            );
        }
    }

    #[test]
    fn a_sentence_with_a_slash_is_body() {
        let z = zones("T\nThe 24/7 news cycle and/or the AFP/Reuters report said so.");
        assert_eq!(z[1], Zone::Body);
    }
}
