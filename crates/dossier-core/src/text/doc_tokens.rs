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

use super::{tokenize_into, Token};
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
        }
    }
}
