//! `dossier`: the command-line face of Dossier's analysis core.
//!
//! ```text
//! dossier extract <folder> [--format jsonl|csv] [--quotes]
//!                                                 one mention (or quote) a line, of a
//!                                                 folder or a built page (an index.html)
//! dossier check <folder>                          validate and summarise a corpus
//! dossier page [<folder>] --out <file>            the analysis the web page carries
//! ```
//!
//! Offsets are Unicode code points into each file, end exclusive. Exit codes: 0 ok,
//! 1 the corpus (or its `entities.toml`) is bad, 2 the command line is wrong.

use dossier_core::analysis::Analysis;
use dossier_core::corpus::{load_dir, Corpus};
use dossier_core::curation::load_curation;
use dossier_core::export;
use dossier_core::Label;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

const HELP: &str = "\
dossier — find people, organisations, places, dates and more in a folder of news articles

USAGE:
    dossier extract <folder> [--format jsonl|csv] [--quotes]
    dossier check <folder>
    dossier page [<folder>] --out <file>
    dossier --help

COMMANDS:
    extract   print every entity mention, one a line: doc, start, end (Unicode code-point
              offsets, end exclusive), text, label, canonical, zone; given a built
              page (an .html file) instead of a folder, the mentions the page carries;
              with --quotes, every quote instead: doc, start, end, text, kind
              (direct/reported), cue, speaker (canonical name), speaker_id,
              speaker_start, speaker_end, speaker_text (null when unattributed)
    check     validate the corpus (its .txt files, corpus.toml and entities.toml) and
              print a summary: documents, entities by label, top entities
    page      analyse the corpus and write what the web page carries (its texts, marks
              and analysis, as two <script> elements: dossier_core::page) to <file>;
              the folder defaults to $DOSSIER_CORPUS, else seeds (Trunk runs this before
              each build of the app)

OPTIONS:
    --format jsonl|csv   output format of `extract` (default: jsonl)
    --quotes             `extract` prints quotes instead of mentions
    --out <file>         where `page` writes (its folder is made if missing)
    -h, --help           show this help

EXIT CODES:
    0 success, 1 the corpus cannot be loaded, 2 bad command line
";

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
enum Command {
    Help,
    Extract {
        dir: PathBuf,
        format: Format,
        quotes: bool,
    },
    Check {
        dir: PathBuf,
    },
    Page {
        dir: PathBuf,
        out: PathBuf,
    },
}

/// Output format of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Jsonl,
    Csv,
}

fn parse_args(args: &[String]) -> Result<Command, String> {
    if args.is_empty() {
        return Err("no command given".into());
    }
    if args.iter().any(|a| a == "-h" || a == "--help" || a == "help") {
        return Ok(Command::Help);
    }
    let cmd = args[0].as_str();
    let mut dir: Option<PathBuf> = None;
    let mut format = Format::Jsonl;
    let mut out: Option<PathBuf> = None;
    let mut quotes = false;
    let mut i = 1;
    while i < args.len() {
        let a = args[i].as_str();
        let value = |i: usize| {
            args.get(i + 1)
                .cloned()
                .ok_or_else(|| format!("{a} needs a value"))
        };
        match a {
            "--format" | "-f" if cmd == "extract" => {
                format = parse_format(&value(i)?)?;
                i += 2;
            }
            _ if a.starts_with("--format=") && cmd == "extract" => {
                format = parse_format(&a["--format=".len()..])?;
                i += 1;
            }
            "--quotes" if cmd == "extract" => {
                quotes = true;
                i += 1;
            }
            "--out" | "-o" if cmd == "page" => {
                out = Some(PathBuf::from(value(i)?));
                i += 2;
            }
            _ if a.starts_with('-') => return Err(format!("unknown option {a}")),
            _ => {
                if dir.is_some() {
                    return Err(format!("unexpected argument {a}"));
                }
                dir = Some(PathBuf::from(a));
                i += 1;
            }
        }
    }
    let need_dir = || {
        dir.clone()
            .ok_or_else(|| format!("`{cmd}` needs a corpus folder"))
    };
    match cmd {
        "extract" => Ok(Command::Extract {
            dir: need_dir()?,
            format,
            quotes,
        }),
        "check" => Ok(Command::Check { dir: need_dir()? }),
        "page" => Ok(Command::Page {
            dir: dir.unwrap_or_else(default_corpus),
            out: out.ok_or("`page` needs --out <file>")?,
        }),
        other => Err(format!("unknown command {other:?}")),
    }
}

/// The corpus folder of a build: `$DOSSIER_CORPUS`, else `seeds`.
fn default_corpus() -> PathBuf {
    match std::env::var_os("DOSSIER_CORPUS") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => PathBuf::from("seeds"),
    }
}

fn parse_format(s: &str) -> Result<Format, String> {
    match s {
        "jsonl" | "json" => Ok(Format::Jsonl),
        "csv" => Ok(Format::Csv),
        other => Err(format!("unknown format {other:?} (expected jsonl or csv)")),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cmd = match parse_args(&args) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}\n\nRun `dossier --help` for usage.");
            return ExitCode::from(2);
        }
    };
    match cmd {
        Command::Help => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        Command::Extract { dir, format, quotes } => {
            run(&dir, |corpus, analysis| extract(corpus, analysis, format, quotes))
        }
        Command::Check { dir } => run(&dir, check),
        Command::Page { dir, out } => run(&dir, |corpus, analysis| page(corpus, analysis, &out)),
    }
}

/// Loads and analyses `dir` (or reads the analysis a built page carries, when `dir` is
/// an .html file), then runs `f`; maps failures to exit codes.
fn run(dir: &std::path::Path, f: impl FnOnce(&Corpus, &Analysis) -> io::Result<()>) -> ExitCode {
    if dir.extension().is_some_and(|e| e == "html") {
        let read = std::fs::read_to_string(dir).map_err(|e| e.to_string());
        return match read.and_then(|html| dossier_core::page::read_html(&html).map_err(|e| e.to_string())) {
            Ok((corpus, mut analysis)) => {
                // the page carries no quotes: they follow from its texts and mentions
                dossier_core::quotes::fill(&corpus, &mut analysis);
                finish(f(&corpus, &analysis))
            }
            Err(e) => {
                eprintln!("error: {}: {e}", dir.display());
                ExitCode::from(1)
            }
        };
    }
    let corpus = match load_dir(dir) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let curation = match load_curation(dir) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let analysis = dossier_core::analyse_with(&corpus, &curation);
    finish(f(&corpus, &analysis))
}

/// The exit code of a command's `result`.
fn finish(result: io::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

fn extract(corpus: &Corpus, analysis: &Analysis, format: Format, quotes: bool) -> io::Result<()> {
    let format = match format {
        Format::Jsonl => export::Format::Jsonl,
        Format::Csv => export::Format::Csv,
    };
    let table = match quotes {
        true => export::quotes(corpus, analysis, format, |_, _| true),
        false => export::mentions(corpus, analysis, format, |_, _| true),
    };
    let mut out = io::stdout().lock();
    out.write_all(table.as_bytes())?;
    out.flush()
}

/// Writes the page's corpus and analysis to `out`.
fn page(corpus: &Corpus, analysis: &Analysis, out: &std::path::Path) -> io::Result<()> {
    let html = dossier_core::page::write(corpus, analysis).map_err(io::Error::other)?;
    if let Some(folder) = out.parent() {
        std::fs::create_dir_all(folder)?;
    }
    std::fs::write(out, html)
}

fn check(corpus: &Corpus, analysis: &Analysis) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let words: usize = corpus.documents.iter().map(|d| d.word_count()).sum();
    let mentions: usize = analysis.docs.iter().map(|d| d.mentions.len()).sum();
    writeln!(
        out,
        "ok: {} documents, {words} words, {mentions} mentions of {} entities",
        corpus.documents.len(),
        analysis.entities.len()
    )?;
    writeln!(out, "\nentities by label:")?;
    for l in Label::ALL {
        let n = analysis.entities.iter().filter(|e| e.label == l).count();
        let m: usize = analysis
            .entities
            .iter()
            .filter(|e| e.label == l)
            .map(|e| e.mentions)
            .sum();
        if n > 0 {
            writeln!(out, "  {:<8} {n:>5} entities {m:>6} mentions", l.code())?;
        }
    }
    writeln!(out, "\ntop entities:")?;
    let mut named: Vec<_> = analysis
        .entities
        .iter()
        .filter(|e| !matches!(e.label, Label::Date | Label::Money | Label::Percent))
        .collect();
    named.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.canonical.cmp(&b.canonical)));
    for e in named.iter().take(15) {
        let aliases: Vec<String> = e
            .aliases
            .iter()
            .map(|a| format!("{} ×{}", a.text, a.count))
            .collect();
        writeln!(
            out,
            "  {:>4}  {:<7} {:<32} {} docs  [{}]",
            e.mentions,
            e.label.code(),
            e.canonical,
            e.documents,
            aliases.join(", ")
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn extract_defaults_to_jsonl_and_takes_a_format() {
        assert_eq!(
            parse_args(&args("extract seeds")),
            Ok(Command::Extract {
                dir: "seeds".into(),
                format: Format::Jsonl,
                quotes: false
            })
        );
        assert_eq!(
            parse_args(&args("extract seeds --format csv")),
            Ok(Command::Extract {
                dir: "seeds".into(),
                format: Format::Csv,
                quotes: false
            })
        );
        assert_eq!(
            parse_args(&args("extract --format=csv seeds")),
            Ok(Command::Extract {
                dir: "seeds".into(),
                format: Format::Csv,
                quotes: false
            })
        );
    }

    #[test]
    fn extract_takes_quotes() {
        assert_eq!(
            parse_args(&args("extract seeds --quotes")),
            Ok(Command::Extract {
                dir: PathBuf::from("seeds"),
                format: Format::Jsonl,
                quotes: true
            })
        );
        assert!(parse_args(&args("check seeds --quotes")).is_err());
    }

    #[test]
    fn bad_command_lines_are_usage_errors() {
        assert!(parse_args(&args("")).is_err());
        assert!(parse_args(&args("extract")).is_err());
        assert!(parse_args(&args("extract seeds --format xml")).is_err());
        assert!(parse_args(&args("frobnicate seeds")).is_err());
        assert!(parse_args(&args("check a b")).is_err());
        assert!(parse_args(&args("page seeds")).is_err());
        assert!(parse_args(&args("extract seeds --out x")).is_err());
    }

    #[test]
    fn page_takes_an_out_file_and_an_optional_folder() {
        assert_eq!(
            parse_args(&args("page corpus --out dist/page.html")),
            Ok(Command::Page {
                dir: "corpus".into(),
                out: "dist/page.html".into()
            })
        );
        assert!(matches!(
            parse_args(&args("page -o p.html")),
            Ok(Command::Page { .. })
        ));
    }

    #[test]
    fn help_wins_anywhere() {
        assert_eq!(parse_args(&args("extract --help")), Ok(Command::Help));
    }
}
