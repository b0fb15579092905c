//! Lower-casing, exactly as the standard library's `char::to_lowercase`, from a table of
//! fewer than 200 runs that `build.rs` derives from that very function: the standard table is
//! 11.7 KB of code-point pairs, which the wasm no longer carries (docs/performance.md).
//!
//! Words are lower-cased one character at a time, so a final capital sigma becomes 'σ'
//! (as `char::to_lowercase` has it), not the 'ς' of `str::to_lowercase`: keys stay the
//! same wherever the word ends.
//!
//! ```
//! use dossier_core::case;
//!
//! assert_eq!(case::lower_str("Ünter DEN Linden"), "ünter den linden");
//! assert_eq!(case::lower('İ').collect::<String>(), "i\u{307}");
//! ```

include!(concat!(env!("OUT_DIR"), "/lower.rs"));

/// The lower case of `c`: one character, or two for 'İ' (as `char::to_lowercase`).
pub fn lower(c: char) -> Lower {
    if c.is_ascii() {
        return Lower(Some(c.to_ascii_lowercase()), None);
    }
    if let Some((_, s)) = MULTI.iter().find(|(m, _)| *m == c) {
        let mut cs = s.chars();
        return Lower(cs.next().or(Some(c)), cs.next());
    }
    let code = u32::from(c);
    let i = RUNS.partition_point(|&(k, _)| k >> 11 <= code);
    let Some(&(k, offset)) = i.checked_sub(1).map(|i| &RUNS[i]) else {
        return Lower(Some(c), None);
    };
    let (first, len, stride) = (k >> 11, (k >> 1) & 0x3FF, (k & 1) + 1);
    let step = code - first;
    let lowered = (step % stride == 0 && step / stride < len)
        .then(|| code.checked_add_signed(offset).and_then(char::from_u32))
        .flatten();
    Lower(Some(lowered.unwrap_or(c)), None)
}

/// `s` lower-cased character by character.
pub fn lower_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_lower(&mut out, s);
    out
}

/// Appends `s` lower-cased character by character to `out`.
pub fn push_lower(out: &mut String, s: &str) {
    if s.is_ascii() {
        let from = out.len();
        out.push_str(s);
        out[from..].make_ascii_lowercase();
    } else {
        out.extend(s.chars().flat_map(lower));
    }
}

/// The characters of one lower-cased character (see [`lower`]).
#[derive(Clone, Debug)]
pub struct Lower(Option<char>, Option<char>);

impl Iterator for Lower {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        let c = self.0.take()?;
        self.0 = self.1.take();
        Some(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_lowers_as_the_standard_library_lowers_it() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert!(lower(c).eq(c.to_lowercase()), "{c:?} ({:#x})", u32::from(c));
        }
    }

    #[test]
    fn strings_lower_character_by_character() {
        let s = "Ἀθῆναι ΟΔΥΣΣΕΥΣ, Čapek İstanbul ǅemal";
        let by_char: String = s.chars().flat_map(char::to_lowercase).collect();
        assert_eq!(lower_str(s), by_char);
        assert_eq!(lower_str("ODYSSEUS"), "odysseus");
        let mut out = String::from("Kept ");
        push_lower(&mut out, "MIXED Case");
        assert_eq!(out, "Kept mixed case");
    }
}
