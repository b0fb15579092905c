//! A document's tokens, tokenized once per pass and read by every stage that walks its
//! blocks: recognition, the learned decision's document evidence, and the later readings
//! for repeated names, names in capitals and short forms.
//!
//! A document's blocks are its non-empty lines, trimmed ([`crate::corpus::Document`]):
//! only white space lies between two of them, and white space ends a token and any hyphen
//! pending before it, so the blocks' tokens one after the other are the tokens of the
//! whole text (a test checks it on lines that end in a hyphen, an initial, a number and
//! an apostrophe).
//!
//! ```
//! use dossier_core::corpus::{Document, Meta};
//! use dossier_core::text::{tokenize, DocTokens};
//!
//! let text = "Talks in Oslo\n\nMr. Støre met U.S.-\nbacked envoys.";
//! let d = Document::new("a.txt", text, Meta::default()).unwrap();
//! let blocks: Vec<_> = d.headline.iter().chain(&d.paragraphs).cloned().collect();
//! let mut doc = DocTokens::default();
//! doc.tokenize(text, &blocks);
//! let words: Vec<&str> = doc.block(1).iter().map(|t| t.text(text)).collect();
//! assert_eq!(words, ["Mr.", "Støre", "met", "U.S.", "-"]);
//! assert_eq!(doc.all(), &tokenize(text, 0..text.len())[..]);
//! ```
//!
//! A document is read more than once: in pass 1, in pass 2 (after the other documents'
//! first passes) and by the quote finder (after the grouping). Its tokens are
//! [kept](DocTokens::keep) between the readings in 8 bytes each (a third of a
//! [`Token`]'s 24) and [restored](DocTokens::restore) by a copy instead of being
//! tokenized again: the tokenizer costs about 150 instructions a token, the copy a few.

use super::{tokenize_into, Token, TokenKind};
use std::ops::Range;

/// The tokens of a document's blocks, in text order, and where each block's end.
#[derive(Debug, Default)]
pub struct DocTokens {
    toks: Vec<Token>,
    /// Block `b`'s tokens end at `ends[b]`.
    ends: Vec<usize>,
}

impl DocTokens {
    /// Tokenizes `blocks` of `text` (in text order), replacing what was held.
    pub fn tokenize(&mut self, text: &str, blocks: &[Range<usize>]) {
        self.toks.clear();
        self.ends.clear();
        for r in blocks {
            tokenize_into(text, r.clone(), &mut self.toks);
            self.ends.push(self.toks.len());
        }
    }

    /// The tokens of block `b`.
    pub fn block(&self, b: usize) -> &[Token] {
        let start = if b == 0 { 0 } else { self.ends[b - 1] };
        &self.toks[start..self.ends[b]]
    }

    /// Each block's tokens, in order.
    pub fn blocks(&self) -> impl Iterator<Item = &[Token]> {
        (0..self.ends.len()).map(|b| self.block(b))
    }

    /// Every token of the document, in order.
    pub fn all(&self) -> &[Token] {
        &self.toks
    }

    /// The tokens packed to be kept until the document is read again; `None` in the
    /// rare document too long to pack (a token starting past 4 GB, or one of 256 MB).
    pub fn keep(&self) -> Option<KeptTokens> {
        let packed = self.toks.iter().map(pack).collect::<Option<Vec<u64>>>()?;
        Some(KeptTokens {
            packed,
            ends: self.ends.clone(),
        })
    }

    /// The tokens `kept` of a document (by [`DocTokens::keep`]), replacing what was held:
    /// what [`DocTokens::tokenize`] would make of the same text and blocks again.
    pub fn restore(&mut self, kept: &KeptTokens) {
        self.toks.clear();
        self.toks.extend(kept.packed.iter().map(|&p| unpack(p)));
        self.ends.clone_from(&kept.ends);
    }
}

/// A document's tokens, block by block, packed in 8 bytes each ([`DocTokens::keep`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeptTokens {
    /// Each token: its start (bits 0–31), length (32–59), kind (60–61), hyphen (62)
    /// and glued (63) flags.
    packed: Vec<u64>,
    /// Block `b`'s tokens end at `ends[b]`.
    ends: Vec<usize>,
}

impl KeptTokens {
    /// The number of blocks.
    pub fn blocks(&self) -> usize {
        self.ends.len()
    }

    /// The number of tokens, of all blocks.
    pub fn tokens(&self) -> usize {
        self.packed.len()
    }

    /// Appends the tokens of block `b` to `out`.
    pub fn block_into(&self, b: usize, out: &mut Vec<Token>) {
        let start = if b == 0 { 0 } else { self.ends[b - 1] };
        out.extend(self.packed[start..self.ends[b]].iter().map(|&p| unpack(p)));
    }
}

/// The longest token [`pack`] keeps, in bytes.
const MAX_PACKED_LEN: usize = (1 << 28) - 1;

/// `t` in 8 bytes ([`KeptTokens`]), if its offsets fit.
fn pack(t: &Token) -> Option<u64> {
    let start = u32::try_from(t.start).ok()?;
    let len = t.end - t.start;
    if len > MAX_PACKED_LEN {
        return None;
    }
    let kind = match t.kind {
        TokenKind::Word => 0,
        TokenKind::Number => 1,
        TokenKind::Possessive => 2,
        TokenKind::Punct => 3,
    };
    Some(
        u64::from(start)
            | (len as u64) << 32
            | kind << 60
            | u64::from(t.hyphen) << 62
            | u64::from(t.glued) << 63,
    )
}

/// The token [`pack`] packed into `p`.
fn unpack(p: u64) -> Token {
    let start = (p & 0xFFFF_FFFF) as usize;
    let len = ((p >> 32) as usize) & MAX_PACKED_LEN;
    let kind = match (p >> 60) & 3 {
        0 => TokenKind::Word,
        1 => TokenKind::Number,
        2 => TokenKind::Possessive,
        _ => TokenKind::Punct,
    };
    Token {
        start,
        end: start + len,
        kind,
        hyphen: p >> 62 & 1 == 1,
        glued: p >> 63 == 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Document, Meta};
    use crate::text::tokenize;

    #[test]
    fn a_documents_blocks_together_have_the_tokens_of_its_whole_text() {
        let texts = [
            "Peace talks-\n\nresume in Oslo.\nJ.\nR. Tolkien wrote 35,\n000 words\n",
            "  Kim Jong-\r\n  un’s visit ’\nsays A.\u{a0}\nB.–\n–Lyon\n\n\nPutin'\ns plan O'\nBrien",
            "“Quoted”\n— dash —\n3.\n5 per cent\nU.S.\n-China\nDr\n.Who's\nthere?",
        ];
        for text in texts {
            let d = Document::new("a.txt", text, Meta::default()).unwrap();
            let mut blocks: Vec<Range<usize>> = d.headline.iter().cloned().collect();
            blocks.extend(d.paragraphs.iter().cloned());
            let mut doc = DocTokens::default();
            doc.tokenize(text, &blocks);
            assert_eq!(doc.all(), &tokenize(text, 0..text.len())[..], "{text:?}");
            for (b, r) in blocks.iter().enumerate() {
                assert_eq!(doc.block(b), &tokenize(text, r.clone())[..]);
            }
            assert_eq!(doc.blocks().count(), blocks.len());
            let kept = doc.keep().expect("a short text packs");
            let mut again = DocTokens::default();
            again.restore(&kept);
            assert_eq!(again.all(), doc.all());
            assert_eq!(again.ends, doc.ends);
            for b in 0..kept.blocks() {
                let mut one = Vec::new();
                kept.block_into(b, &mut one);
                assert_eq!(one, doc.block(b));
            }
        }
    }

    #[test]
    fn every_kind_and_flag_of_a_token_survives_its_packing() {
        for kind in [
            TokenKind::Word,
            TokenKind::Number,
            TokenKind::Possessive,
            TokenKind::Punct,
        ] {
            for (hyphen, glued) in [(false, false), (true, false), (false, true), (true, true)] {
                let t = Token {
                    start: u32::MAX as usize,
                    end: u32::MAX as usize + MAX_PACKED_LEN,
                    kind,
                    hyphen,
                    glued,
                };
                assert_eq!(pack(&t).map(unpack), Some(t));
            }
        }
        let far = Token {
            start: u32::MAX as usize + 1,
            end: u32::MAX as usize + 2,
            kind: TokenKind::Word,
            hyphen: false,
            glued: false,
        };
        assert_eq!(pack(&far), None, "a start past 4 GB is not packed");
        let long = Token {
            start: 0,
            end: MAX_PACKED_LEN + 1,
            ..far
        };
        assert_eq!(pack(&long), None, "nor a token of 256 MB");
    }
}
