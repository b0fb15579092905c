//! The view state and its URL query string, both ways.
//!
//! Parsing never fails: unknown or malformed parameters are dropped and reported as
//! notices, so any link opens a working page.

/// Everything a link reproduces.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    /// The open article's file name.
    pub doc: Option<String>,
    /// The text query filtering the article list.
    pub q: String,
}

/// A parsed view state and what was ignored on the way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    /// The state the URL describes.
    pub state: ViewState,
    /// One line for each parameter that was ignored.
    pub notices: Vec<String>,
}

impl ViewState {
    /// Reads a state from decoded `(key, value)` pairs, keeping the first of repeated keys.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        known_doc: impl Fn(&str) -> bool,
    ) -> Parsed {
        let mut parsed = Parsed::default();
        let mut seen = Vec::new();
        for (key, value) in pairs {
            if seen.contains(&key) {
                parsed
                    .notices
                    .push(format!("repeated parameter “{}” ignored", clip(key)));
                continue;
            }
            seen.push(key);
            match key {
                "doc" if known_doc(value) => parsed.state.doc = Some(value.to_string()),
                "doc" => parsed
                    .notices
                    .push(format!("no article “{}” in this corpus", clip(value))),
                "q" => parsed.state.q = value.trim().to_string(),
                _ => parsed
                    .notices
                    .push(format!("unknown parameter “{}” ignored", clip(key))),
            }
        }
        parsed
    }

    /// The query string for this state (without `?`), empty for the default state.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if !self.q.is_empty() {
            parts.push(format!("q={}", encode(&self.q)));
        }
        if let Some(doc) = &self.doc {
            parts.push(format!("doc={}", encode(doc)));
        }
        parts.join("&")
    }
}

/// Splits a raw query string (with or without its `?`) into decoded pairs.
///
/// Lenient like a browser: `+` is a space, a `%` not followed by two hex digits stays
/// as it is, and bytes that do not decode to UTF-8 become U+FFFD. A key without `=`
/// has an empty value.
pub fn parse_query(search: &str) -> Vec<(String, String)> {
    search
        .strip_prefix('?')
        .unwrap_or(search)
        .split('&')
        .filter(|kv| !kv.is_empty())
        .map(|kv| {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// Percent-decodes `s` leniently (see [`parse_query`]).
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).and_then(|&b| hex(b)),
            bytes.get(i + 2).and_then(|&b| hex(b)),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b'+', _, _) => {
                out.push(b' ');
                i += 1;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// At most 40 characters of `s`, for notices about hostile input.
fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> Parsed {
        ViewState::from_pairs(pairs.iter().copied(), |d| d == "a.txt")
    }

    #[test]
    fn a_known_article_and_a_query_are_read() {
        let p = parse(&[("doc", "a.txt"), ("q", " putin ")]);
        assert_eq!(
            p.state,
            ViewState {
                doc: Some("a.txt".into()),
                q: "putin".into()
            }
        );
        assert!(p.notices.is_empty());
    }

    #[test]
    fn unknown_articles_and_parameters_become_notices() {
        let p = parse(&[("doc", "nope.txt"), ("zzz", "1"), ("q", "a"), ("q", "b")]);
        assert_eq!(
            p.state,
            ViewState {
                doc: None,
                q: "a".into()
            }
        );
        assert_eq!(p.notices.len(), 3);
    }

    #[test]
    fn malformed_percent_encoding_is_kept_literally() {
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("a+b%20c"), "a b c");
        assert_eq!(decode("%FF"), "\u{FFFD}");
        assert_eq!(
            parse_query("?q=x&&flag&=v"),
            [
                ("q".into(), "x".into()),
                ("flag".into(), String::new()),
                (String::new(), "v".into())
            ]
        );
    }

    #[test]
    fn state_survives_a_round_trip_through_the_query_string() {
        let state = ViewState {
            doc: Some("a.txt".into()),
            q: "Xi & Putin = 100% \"tie\"".into(),
        };
        let query = state.to_query();
        let pairs = parse_query(&query);
        let back = ViewState::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), |d| {
            d == "a.txt"
        });
        assert_eq!(back.state, state);
    }
}
