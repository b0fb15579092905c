//! Pairing quotation marks, paragraph by paragraph.
//!
//! `“` opens, `”` closes, a straight `"` does whichever is due. While a quote is open a
//! second `“` is kept inside it (a nested or mistyped mark) and single quotes are never
//! marks (they are apostrophes too often). A quote still open at the end of its
//! paragraph continues only when the next paragraph opens with a mark (the news
//! convention for a quote over several paragraphs); otherwise it ends with its paragraph.

use super::Doc;
use std::ops::Range;

/// Text between a pair of quotation marks.
#[derive(Debug, Clone)]
pub(super) struct Stretch {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark; `None` when the paragraph ended first.
    pub close: Option<usize>,
    /// Token index one past the last token inside.
    pub end: usize,
}

/// What a token does as a quotation mark.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Either,
}

fn mark(d: &Doc, i: usize) -> Option<Mark> {
    match d.word(i) {
        "“" => Some(Mark::Open),
        "”" => Some(Mark::Close),
        "\"" => Some(Mark::Either),
        _ => None,
    }
}

/// Every stretch of quoted text in the body, in order.
pub(super) fn stretches(d: &Doc) -> Vec<Stretch> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut skip = usize::MAX;
    for (p, para) in d.paras.iter().enumerate() {
        d.tick(para.len());
        for i in para.clone() {
            let Some(m) = mark(d, i).filter(|_| i != skip) else {
                continue;
            };
            match (open, m) {
                (None, Mark::Open | Mark::Either) => open = Some(i),
                (Some(o), Mark::Close | Mark::Either) => {
                    out.push(Stretch {
                        open: o,
                        close: Some(i),
                        end: i,
                    });
                    open = None;
                }
                _ => {}
            }
        }
        if let Some(o) = open {
            let next = d.paras.get(p + 1).filter(|n| !n.is_empty());
            if let Some(n) = next.filter(|n| matches!(mark(d, n.start), Some(Mark::Open | Mark::Either))) {
                skip = n.start;
            } else {
                out.push(Stretch {
                    open: o,
                    close: None,
                    end: para.end,
                });
                open = None;
            }
        }
    }
    out
}

/// The byte range inside a stretch, white space trimmed.
pub(super) fn inner(d: &Doc, s: &Stretch) -> Range<usize> {
    let start = d.toks[s.open].end;
    let end = if s.end > s.open + 1 {
        d.toks[s.end - 1].end
    } else {
        start
    };
    let end = match s.close {
        Some(c) => d.toks[c].start,
        None => end,
    };
    let text = &d.text[start..end.max(start)];
    let lead = text.len() - text.trim_start().len();
    let trail = text.len() - text.trim_end().len();
    start + lead..(end - trail).max(start + lead)
}
