//! The text of an HTML page a reader drops, for the engine to analyse: what a reader
//! sees of the page, never its markup. One pass over the source, no DOM: tags are read
//! only to know where blocks start and end and what to leave out; nothing is run,
//! fetched or handed on as markup (the app draws the text as text nodes).
//!
//! - Left out with their contents: `<head>` (but its `<title>` is read), `script`,
//!   `style`, `noscript`, `template`, `iframe`, `object`, `svg`, `math`, `textarea` and
//!   the other raw-text elements; comments, doctypes, processing instructions and CDATA
//!   sections (in HTML a CDATA section is a bogus comment, up to the first `>`, as a
//!   browser reads it). Attributes are dropped, so event handlers and `javascript:`
//!   links are gone; a link keeps its words.
//! - Character references are decoded: numeric (decimal, hex; `&#150;` as Windows-1252
//!   reads it, as browsers do) and the named ones a news page uses (the HTML 4 Latin-1
//!   set, punctuation, the five XML ones); an unknown name stays as written.
//! - Whitespace collapses as a browser shows it (kept as line breaks in `<pre>`); each
//!   block element (`p`, `div`, `li`, `h2`, `td`, …) is a paragraph of its own, `<br>` a
//!   line break.
//! - The title is the first `<h1>`'s text (taken out of the body, as the text's first
//!   line), else the `<title>`'s; the date is the first `article:published_time` or
//!   `date` meta, or `<time datetime>`, when it starts `YYYY-MM-DD`.
//!
//! Malformed markup is read as far as it makes sense: an unclosed tag at the end is
//! dropped, an unclosed comment or script runs to the end, a stray `<` is text.
//!
//! ```
//! let page = dossier_engine::html::page_text("<title>T</title><h1>Talks&nbsp;end</h1><p>Mr. Putin <b>met</b> Xi.<script>x()</script>");
//! assert_eq!(page.text, "Talks end\n\nMr. Putin met Xi.");
//! ```

/// What a reader sees of an HTML page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PageText {
    /// The title (the first `<h1>`, else `<title>`), or empty.
    pub title: String,
    /// The publication date, `YYYY-MM-DD`, or empty.
    pub date: String,
    /// The title, then the body's blocks, each a paragraph (`\n\n` between them).
    pub text: String,
}

/// The text, title and date of the HTML source `html` (already decoded).
pub fn page_text(html: &str) -> PageText {
    let mut reader = Reader::default();
    let mut at = 0;
    while let Some(lt) = html[at..].find('<').map(|i| at + i) {
        reader.text(&html[at..lt]);
        at = reader.markup(html, lt);
    }
    reader.text(&html[at..]);
    reader.finish()
}

/// A break pending between the text written and the next word, the strongest kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
enum Break {
    #[default]
    None,
    Space,
    Line,
    Paragraph,
}

/// Text as it is shown: whitespace collapsed, breaks written only between words.
#[derive(Debug, Default)]
struct Flow {
    text: String,
    pending: Break,
}

impl Flow {
    fn push(&mut self, c: char) {
        if c.is_whitespace() {
            self.pause(Break::Space);
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str(match self.pending {
                Break::None => "",
                Break::Space => " ",
                Break::Line => "\n",
                Break::Paragraph => "\n\n",
            });
        }
        self.pending = Break::None;
        self.text.push(c);
    }

    fn pause(&mut self, b: Break) {
        self.pending = self.pending.max(b);
    }
}

/// Elements left out with all they hold, read as markup (their tags nest).
const DROPPED: &[&str] = &["template", "object", "svg", "math", "select"];
/// Elements whose content is raw text up to their end tag, left out.
const RAW: &[&str] = &[
    "script",
    "style",
    "noscript",
    "iframe",
    "xmp",
    "noembed",
    "noframes",
    "textarea",
    "plaintext",
];
/// Elements that may stand in `<head>`; any other start tag ends it, as in a browser.
const IN_HEAD: &[&str] = &[
    "title", "meta", "link", "base", "style", "script", "noscript", "template",
];
/// Elements shown as blocks of their own.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// The page read so far.
#[derive(Debug, Default)]
struct Reader {
    body: Flow,
    h1: Flow,
    title: Flow,
    date: String,
    /// In `<head>`, whose text is not shown.
    in_head: bool,
    /// Inside an element of [`DROPPED`]: its name and how deep its own tags nest.
    dropped: Option<(String, usize)>,
    /// Inside the first `<h1>` (0: not yet, 1: in it, 2: past it).
    h1_state: u8,
    /// How many `<pre>` are open.
    pre: usize,
}

/// A tag, its name lower-cased.
#[derive(Debug, Default)]
struct Tag {
    name: String,
    end: bool,
    self_closing: bool,
    attributes: Vec<(String, String)>,
}

impl Tag {
    fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

impl Reader {
    /// Text between tags.
    fn text(&mut self, raw: &str) {
        if raw.is_empty() || self.dropped.is_some() {
            return;
        }
        if self.in_head {
            if raw.trim().is_empty() {
                return;
            }
            self.in_head = false; // text ends the head, as in a browser
        }
        let pre = self.pre > 0;
        let flow = if self.h1_state == 1 {
            &mut self.h1
        } else {
            &mut self.body
        };
        for_each_char(raw, |c| match c {
            '\n' if pre => flow.pause(Break::Line),
            c => flow.push(c),
        });
    }

    /// Reads the markup at `lt` (a `<`) and returns where the text after it starts.
    fn markup(&mut self, html: &str, lt: usize) -> usize {
        let rest = &html[lt..];
        if rest.starts_with("<!--") {
            // `<!-->` and `<!--->` close at once, as in a browser.
            return rest[2..].find("-->").map_or(html.len(), |i| lt + 2 + i + 3);
        }
        let next = rest[1..].chars().next();
        let bogus = matches!(next, Some('!' | '?'))
            || (next == Some('/') && !rest[2..].starts_with(|c: char| c.is_ascii_alphabetic()));
        if bogus {
            // Doctypes, CDATA, `<?…>`, `</>`: a comment up to the first `>`.
            return rest.find('>').map_or(html.len(), |i| lt + i + 1);
        }
        if !next.is_some_and(|c| c.is_ascii_alphabetic() || c == '/') {
            self.text("<");
            return lt + 1;
        }
        let Some((tag, after)) = read_tag(html, lt) else {
            return html.len(); // an unclosed tag at the end is dropped
        };
        if !tag.end && RAW.contains(&tag.name.as_str()) {
            return skip_raw(html, after, &tag.name);
        }
        if !tag.end && tag.name == "title" {
            let end = raw_end(html, after, "title");
            // An <svg>'s own <title> names a drawing, not the page.
            if self.title.text.is_empty() && self.dropped.is_none() {
                for_each_char(&html[after..end], |c| self.title.push(c));
            }
            return skip_raw(html, after, "title");
        }
        self.element(&tag);
        after
    }

    /// What a start or end tag does to the text.
    fn element(&mut self, tag: &Tag) {
        let name = tag.name.as_str();
        if let Some((dropped, depth)) = &mut self.dropped {
            if dropped == name && !tag.self_closing {
                if tag.end {
                    *depth -= 1;
                } else {
                    *depth += 1;
                }
            }
            if *depth == 0 {
                self.dropped = None;
            }
            return;
        }
        if !tag.end {
            self.date_of(tag);
        }
        match (name, tag.end) {
            ("head", false) => self.in_head = true,
            ("head", true) | ("body", false) => self.in_head = false,
            (n, false) if self.in_head && !IN_HEAD.contains(&n) => self.in_head = false,
            _ => {}
        }
        if self.in_head {
            return;
        }
        if !tag.end && DROPPED.contains(&name) {
            if !tag.self_closing {
                self.dropped = Some((tag.name.clone(), 1));
            }
            return;
        }
        self.heading(tag);
        match name {
            "br" => self.body.pause(Break::Line),
            "pre" if tag.end => self.pre = self.pre.saturating_sub(1),
            "pre" => self.pre += 1,
            _ => {}
        }
        if BLOCKS.contains(&name) {
            let flow = if self.h1_state == 1 {
                &mut self.h1
            } else {
                &mut self.body
            };
            flow.pause(if self.h1_state == 1 {
                Break::Space
            } else {
                Break::Paragraph
            });
        }
    }

    /// Starts or ends the first `<h1>`, whose text is the title; a heading's start or
    /// end tag of any level ends it, as in a browser.
    fn heading(&mut self, tag: &Tag) {
        let heading = matches!(tag.name.as_bytes(), [b'h', b'1'..=b'6']);
        if self.h1_state == 0 && tag.name == "h1" && !tag.end {
            self.h1_state = 1;
        } else if self.h1_state == 1 && heading && (tag.end || tag.name != "h1") {
            self.h1_state = 2;
            if self.h1.text.is_empty() {
                self.h1_state = 0; // an empty <h1> is no title: the next one may be
            }
        }
    }

    /// Notes the page's date if `tag` gives it and none was found before.
    fn date_of(&mut self, tag: &Tag) {
        if !self.date.is_empty() {
            return;
        }
        let value = match tag.name.as_str() {
            "meta"
                if tag.attribute("property") == Some("article:published_time")
                    || tag
                        .attribute("name")
                        .is_some_and(|n| n.eq_ignore_ascii_case("date")) =>
            {
                tag.attribute("content")
            }
            "time" => tag.attribute("datetime"),
            _ => None,
        };
        let value = value.unwrap_or_default().trim();
        let b = value.as_bytes();
        let is_date = b.len() >= 10
            && b[..10].iter().enumerate().all(|(i, c)| {
                if i == 4 || i == 7 {
                    *c == b'-'
                } else {
                    c.is_ascii_digit()
                }
            });
        if is_date {
            self.date = value[..10].to_string();
        }
    }

    fn finish(self) -> PageText {
        let title = if self.h1.text.is_empty() {
            self.title.text
        } else {
            self.h1.text
        };
        let mut text = title.clone();
        if !text.is_empty() && !self.body.text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&self.body.text);
        PageText {
            title,
            date: self.date,
            text,
        }
    }
}

/// Calls `f` with each character of `raw`, its character references decoded.
fn for_each_char(raw: &str, mut f: impl FnMut(char)) {
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        rest[..amp].chars().for_each(&mut f);
        rest = &rest[amp..];
        match reference(rest) {
            Some((c, len)) => {
                f(c);
                rest = &rest[len..];
            }
            None => {
                f('&');
                rest = &rest[1..];
            }
        }
    }
    rest.chars().for_each(f);
}

/// The character of the reference `s` starts with (at its `&`), and its length.
fn reference(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let hex = matches!(b.get(2), Some(b'x' | b'X'));
        let digits_at = if hex { 3 } else { 2 };
        let digits = b[digits_at..]
            .iter()
            .take_while(|c| {
                if hex {
                    c.is_ascii_hexdigit()
                } else {
                    c.is_ascii_digit()
                }
            })
            .count();
        if digits == 0 {
            return None;
        }
        let code = u32::from_str_radix(&s[digits_at..digits_at + digits], if hex { 16 } else { 10 })
            .unwrap_or(u32::MAX);
        let end = digits_at + digits;
        let len = if b.get(end) == Some(&b';') { end + 1 } else { end };
        return Some((numeric(code), len));
    }
    let name_len = b[1..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    let name = &s[1..1 + name_len];
    if b.get(1 + name_len) == Some(&b';') {
        return named(name).map(|c| (c, name_len + 2));
    }
    // Without its `;`, only the oldest names, as browsers read them in text.
    LEGACY
        .contains(&name)
        .then(|| named(name).map(|c| (c, name_len + 1)))
        .flatten()
}

/// Named references a browser also reads without their `;`.
const LEGACY: &[&str] = &[
    "amp", "lt", "gt", "quot", "nbsp", "copy", "reg", "AMP", "LT", "GT", "QUOT",
];

/// The character of a numeric reference, as HTML reads it: the C1 range as
/// Windows-1252, what is no character as U+FFFD.
fn numeric(code: u32) -> char {
    const C1: [u16; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
        0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
        0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let code = match code {
        0x80..=0x9F => u32::from(C1[(code - 0x80) as usize]),
        0 => 0xFFFD,
        c => c,
    };
    char::from_u32(code).unwrap_or('\u{FFFD}')
}

/// The HTML 4 Latin-1 names, for U+00A0 to U+00FF in order.
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo",
    "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot",
    "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",
    "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute",
    "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash",
    "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde",
    "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc",
    "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave",
    "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
];

/// Other names a news page uses: the XML five, typography, a few letters and signs.
const OTHERS: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("AMP", '&'),
    ("LT", '<'),
    ("GT", '>'),
    ("QUOT", '"'),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
    ("Yuml", 'Ÿ'),
    ("Zcaron", 'Ž'),
    ("zcaron", 'ž'),
    ("fnof", 'ƒ'),
    ("circ", 'ˆ'),
    ("tilde", '˜'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwnj", '\u{200C}'),
    ("zwj", '\u{200D}'),
    ("lrm", '\u{200E}'),
    ("rlm", '\u{200F}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("dagger", '†'),
    ("Dagger", '‡'),
    ("bull", '•'),
    ("hellip", '…'),
    ("permil", '‰'),
    ("prime", '′'),
    ("Prime", '″'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("oline", '‾'),
    ("frasl", '⁄'),
    ("euro", '€'),
    ("trade", '™'),
    ("minus", '−'),
    ("larr", '←'),
    ("rarr", '→'),
    ("uarr", '↑'),
    ("darr", '↓'),
    ("harr", '↔'),
    ("deg", '°'),
    ("asymp", '≈'),
    ("ne", '≠'),
    ("le", '≤'),
    ("ge", '≥'),
];

/// The character a named reference stands for, if it is one Dossier knows.
fn named(name: &str) -> Option<char> {
    if let Some(i) = LATIN1.iter().position(|n| *n == name) {
        return char::from_u32(0xA0 + i as u32);
    }
    OTHERS.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

/// The tag at `lt` and where the text after it starts; none if it is not closed.
fn read_tag(html: &str, lt: usize) -> Option<(Tag, usize)> {
    let b = html.as_bytes();
    let mut tag = Tag::default();
    let mut i = lt + 1;
    if b[i] == b'/' {
        tag.end = true;
        i += 1;
    }
    let name_end = i + b[i..]
        .iter()
        .take_while(|c| !is_space(**c) && **c != b'/' && **c != b'>')
        .count();
    tag.name = html[i..name_end].to_ascii_lowercase();
    i = name_end;
    loop {
        while i < b.len() && (is_space(b[i]) || b[i] == b'/') {
            tag.self_closing = b[i] == b'/';
            i += 1;
        }
        match b.get(i) {
            None => return None,
            Some(b'>') => return Some((tag, i + 1)),
            Some(_) => tag.self_closing = false,
        }
        let start = i;
        i += 1; // a name may start with `=`
        i += b[i..]
            .iter()
            .take_while(|c| !is_space(**c) && !matches!(c, b'/' | b'>' | b'='))
            .count();
        let name = html[start..i].to_ascii_lowercase();
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        let mut value = String::new();
        if b.get(i) == Some(&b'=') {
            i += 1;
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            let (raw, next) = attribute_value(html, i)?;
            for_each_char(raw, |c| value.push(c));
            i = next;
        }
        tag.attributes.push((name, value));
    }
}

/// An attribute's value at `i` (quoted or not, references not yet decoded) and where
/// the tag goes on after it; none if the quote is not closed.
fn attribute_value(html: &str, i: usize) -> Option<(&str, usize)> {
    let b = html.as_bytes();
    match b.get(i) {
        Some(q @ (b'"' | b'\'')) => {
            let end = i + 1 + html[i + 1..].find(*q as char)?;
            Some((&html[i + 1..end], end + 1))
        }
        _ => {
            let end = i + b[i..]
                .iter()
                .take_while(|c| !is_space(**c) && **c != b'>')
                .count();
            Some((&html[i..end], end))
        }
    }
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Where the end tag of the raw-text element `name` whose content starts at `from`
/// starts (the end of `html` if it has none).
fn raw_end(html: &str, from: usize, name: &str) -> usize {
    let b = html.as_bytes();
    let mut at = from;
    while let Some(i) = html[at..].find("</").map(|i| at + i) {
        let after = i + 2 + name.len();
        let named = b
            .get(i + 2..after)
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
        if named
            && b.get(after)
                .is_none_or(|c| is_space(*c) || matches!(c, b'/' | b'>'))
        {
            return i;
        }
        at = i + 2;
    }
    html.len()
}

/// Where the text after the raw-text element `name` whose content starts at `from`
/// starts: past its end tag.
fn skip_raw(html: &str, from: usize, name: &str) -> usize {
    let end = raw_end(html, from, name);
    html[end..].find('>').map_or(html.len(), |i| end + i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        page_text(html).text
    }

    #[test]
    fn blocks_are_paragraphs_and_inline_tags_join_their_words() {
        let html =
            "<div>Harbour <em>talks</em>\n   resumed<p>in Varnholm.</p><ul><li>one<li>two</ul>tail</div>";
        assert_eq!(
            text(html),
            "Harbour talks resumed\n\nin Varnholm.\n\none\n\ntwo\n\ntail"
        );
    }

    #[test]
    fn a_line_break_is_a_line_and_pre_keeps_its_lines() {
        assert_eq!(text("<p>Line one<br>line two<br/></p>"), "Line one\nline two");
        assert_eq!(text("<pre>a  b\nc\n\nd</pre>after"), "a b\nc\nd\n\nafter");
    }

    #[test]
    fn scripts_styles_and_head_are_left_out_with_their_contents() {
        let html = "<html><head><meta charset=utf-8><style>p{}</style><script>var s = '</p>';</script>\
            </head><body><noscript><p>Enable JS</p></noscript><p>Shown</p><template><p>Hidden</p></template>\
            <svg><text>drawn</text><svg/></svg><script>if (a < b) alert('</scr' + 'ipt>')</script><p>Also shown</p></body></html>";
        assert_eq!(text(html), "Shown\n\nAlso shown");
    }

    #[test]
    fn a_script_end_tag_in_capitals_or_with_spaces_ends_it() {
        assert_eq!(text("<SCRIPT>x()</ScRiPt >kept"), "kept");
        assert_eq!(text("<script>x('</scripts>')</script>kept"), "kept");
    }

    #[test]
    fn attributes_are_dropped_so_handlers_and_javascript_links_are_gone() {
        let html = r#"<p onclick="steal()"><a href="javascript:alert(1)" title='x > y'>Read more</a><img src=x onerror=alert(2)></p>"#;
        let out = text(html);
        assert_eq!(out, "Read more");
    }

    #[test]
    fn comments_cdata_doctypes_and_processing_instructions_are_dropped() {
        let html = "<!DOCTYPE html><?xml version='1.0'?><p>a<!-- <p>not</p> -->b<!---->c<!-->d</p>\
            <![CDATA[gone]]><p>e</p><!-- never closed <p>lost";
        assert_eq!(text(html), "abcd\n\ne");
    }

    #[test]
    fn named_numeric_and_hex_references_are_decoded() {
        let html = "<p>Caf&eacute; &amp; Co&#46; &#x201C;Z&uuml;rich&#x201d; &mdash; 5&nbsp;&euro; &#150; &copy &unknown; &#0; &#x110000; AT&T</p>";
        assert_eq!(
            text(html),
            "Café & Co. “Zürich” — 5 € – © &unknown; \u{fffd} \u{fffd} AT&T"
        );
    }

    #[test]
    fn a_stray_less_than_is_text_and_an_unclosed_tag_at_the_end_is_dropped() {
        assert_eq!(text("<p>1 < 2 and 3 <4</p>"), "1 < 2 and 3 <4");
        assert_eq!(text("<p>kept</p><a href=\"never closed"), "kept");
        assert_eq!(text("<p>kept</p><div"), "kept");
    }

    #[test]
    fn unclosed_and_misnested_tags_keep_their_words_in_order() {
        let html = "<p>one <b>two <i>three</b> four<p>five<div>six";
        assert_eq!(text(html), "one two three four\n\nfive\n\nsix");
    }

    #[test]
    fn the_first_h1_is_the_title_and_the_first_line_else_the_title_element() {
        let page = page_text(
            "<title>Site | Story</title><p>Lead</p><h1>The <i>story</i></h1><p>Body</p><h1>Second</h1>",
        );
        assert_eq!(page.title, "The story");
        assert_eq!(page.text, "The story\n\nLead\n\nBody\n\nSecond");
        let page = page_text("<title> Port &amp; notes </title><p>The harbour reopened.</p>");
        assert_eq!(
            (page.title.as_str(), page.text.as_str()),
            ("Port & notes", "Port & notes\n\nThe harbour reopened.")
        );
        assert_eq!(page_text("<h1> </h1><h1>Real</h1>x").title, "Real");
    }

    #[test]
    fn text_in_an_unclosed_head_starts_the_body() {
        assert_eq!(text("<head><title>T</title><p>Shown"), "T\n\nShown");
        assert_eq!(text("<head><title>T</title>\nLoose words"), "T\n\nLoose words");
    }

    #[test]
    fn the_date_is_the_first_published_time_meta_or_time_element() {
        let page = page_text(
            r#"<meta name="author" content="2020-01-01"><meta property="article:published_time" content="2024-03-05T10:00:00Z"><time datetime="2023-01-01">x</time>"#,
        );
        assert_eq!(page.date, "2024-03-05");
        assert_eq!(
            page_text("<p>On <time datetime='2022-11-30'>Wednesday</time></p>").date,
            "2022-11-30"
        );
        assert_eq!(page_text("<time datetime='May 2022'>May</time>").date, "");
    }

    #[test]
    fn text_decoded_from_utf_16_reads_the_same() {
        let units: Vec<u16> = "<h1>Über Zürich</h1><p>Ein Text &auml;ndert nichts.</p>"
            .encode_utf16()
            .collect();
        let html = String::from_utf16(&units).unwrap();
        assert_eq!(text(&html), "Über Zürich\n\nEin Text ändert nichts.");
    }

    #[test]
    fn a_page_of_markup_only_has_no_text() {
        assert_eq!(
            page_text("<html><head><script>x()</script></head><body> <br> </body></html>"),
            PageText::default()
        );
    }
}
