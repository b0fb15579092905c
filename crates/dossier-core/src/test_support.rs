//! Helpers for the engine's unit tests: a text analysed alone, as a one-document corpus.

use crate::corpus::{Corpus, Document, Meta};
use crate::Label;
use std::ops::Range;

/// A mention as a test looks at it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// The mention's text.
    pub text: String,
    /// The mention's label.
    pub label: Label,
    /// Its entity's canonical name.
    pub canonical: String,
}

/// Each mention of `text`, analysed as the only document of a corpus.
pub(crate) fn mentions(text: &str) -> Vec<Found> {
    let corpus = Corpus::new(vec![
        Document::new("a.txt", text.to_string(), Meta::default()).unwrap()
    ]);
    let a = crate::analyse(&corpus);
    a.docs[0]
        .mentions
        .iter()
        .map(|m| Found {
            range: m.range.clone(),
            text: text[m.range.clone()].to_string(),
            label: m.label,
            canonical: a.entities[m.entity].canonical.clone(),
        })
        .collect()
}

/// The mentions of `text` that are names (no DATE, MONEY or PERCENT).
pub(crate) fn names(text: &str) -> Vec<Found> {
    let mut found = mentions(text);
    found.retain(|f| !matches!(f.label, Label::Date | Label::Money | Label::Percent));
    found
}
