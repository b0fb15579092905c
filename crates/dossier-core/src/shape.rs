//! A quick filter in front of a word list: most words are ruled out by their length and
//! first and last letters alone, before any hashing. The recogniser asks it for every
//! token (function words, value triggers), so it is the one test most words meet.

/// The (length, first letter, last letter) shapes the words of a list have.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shapes {
    /// Bit `letter(last)` of `by_len[len][letter(first)]` is set when some word has that
    /// length and those first and last bytes.
    by_len: Vec<[u32; 27]>,
}

/// A byte's letter, 0 to 25 whatever its case, or 26 for anything else.
fn letter(b: u8) -> usize {
    let l = b.to_ascii_lowercase();
    if l.is_ascii_lowercase() {
        usize::from(l - b'a')
    } else {
        26
    }
}

impl Shapes {
    /// The shapes of `words` (empty words have none).
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Shapes {
        let mut by_len: Vec<[u32; 27]> = Vec::new();
        for w in words {
            let b = w.as_bytes();
            let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
                continue;
            };
            if by_len.len() <= b.len() {
                by_len.resize(b.len() + 1, [0; 27]);
            }
            by_len[b.len()][letter(first)] |= 1 << letter(last);
        }
        Shapes { by_len }
    }

    /// Whether some word of the list has the length and the first and last letters of
    /// `w` (letters compared in either case): if not, `w` is none of them.
    #[inline(always)]
    pub fn admit(&self, w: &str) -> bool {
        let b = w.as_bytes();
        match (b.first(), b.last()) {
            (Some(&first), Some(&last)) => self.admit_shape(b.len(), first, last),
            _ => false,
        }
    }

    /// Whether some word of the list is `len` bytes long and begins and ends with the
    /// letters of `first` and `last`: [`Shapes::admit`] for a word not yet written out
    /// (a plural before its "s" is added).
    #[inline(always)]
    pub fn admit_shape(&self, len: usize, first: u8, last: u8) -> bool {
        self.by_len
            .get(len)
            .is_some_and(|s| s[letter(first)] & (1 << letter(last)) != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_of_the_list_is_admitted_in_either_case_and_most_others_are_not() {
        let s = Shapes::new(["the", "after", "may", ""]);
        for w in ["the", "The", "after", "AFTER", "May"] {
            assert!(s.admit(w), "{w}");
        }
        // Same shape, other word: admitted (the list decides); other shapes are not.
        assert!(s.admit("tie"));
        for w in ["", "th", "then", "aftermath", "Putin", "élan", "x"] {
            assert!(!s.admit(w), "{w}");
        }
        assert!(s.admit_shape(5, b'A', b'r'));
        assert!(!s.admit_shape(6, b'a', b'r'));
    }
}
