//! `dossier`: the command-line face of Dossier's analysis core.
//!
//! ```text
//! dossier extract <folder> [--format jsonl|csv] [--quotes]
//!                                                 one mention (or quote) a line, of a
//!                                                 folder or a built page (an index.html)
//! dossier check <folder>                          validate and summarise a corpus
//! dossier page [<folder>] --out <file> [--shards auto|always|never]
//!                                                 the analysis the web page carries
//!                                                 (a large corpus: as a sharded site)
//! ```
//!
//! Every command takes `--threads N` (default: the machine's): the analysis is the same.
//!
//! Offsets are Unicode code points into each file, end exclusive. Exit codes: 0 ok,
//! 1 the corpus (or its `entities.toml`) is bad, 2 the command line is wrong.

use dossier_core::analysis::Analysis;
use dossier_core::corpus::{load_dir, Corpus};
use dossier_core::curation::load_curation;
use dossier_core::export;
use dossier_core::{page, site, Label};
use std::io::{self, Write};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The process's allocator: the analysis's many short-lived strings and vectors cost
/// less with mimalloc than with the system's malloc (docs/performance.md, "Extraction
/// throughput").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const HELP: &str = "\
dossier — find people, organisations, places, dates and more in a folder of news articles

USAGE:
    dossier extract <folder> [--format jsonl|csv] [--quotes]
    dossier check <folder>
    dossier page [<folder>] --out <file> [--shards auto|always|never]
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
              each build of the app); with --shards (auto: when the page's data would
              pass 512 KB), <file> carries the first article and a manifest, and the
              rest goes to content-addressed files in shards/ beside it
              (dossier_core::site); extract and check read such a page too

OPTIONS:
    --format jsonl|csv   output format of `extract` (default: jsonl)
    --quotes             `extract` prints quotes instead of mentions
    --out <file>         where `page` writes (its folder is made if missing)
    --shards MODE        auto (default), always or never: whether `page` writes a sharded site
    --threads N          threads that analyse the corpus (default: the machine's); the
                         analysis is the same on any number
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
        shards: Shards,
    },
}

/// Whether `page` writes a sharded site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shards {
    /// When the page's data would reach [`dossier_core::site::EMBED_BELOW`] bytes.
    Auto,
    Always,
    Never,
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
    let mut shards = Shards::Auto;
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
            "--shards" if cmd == "page" => {
                shards = match value(i)?.as_str() {
                    "auto" => Shards::Auto,
                    "always" => Shards::Always,
                    "never" => Shards::Never,
                    other => {
                        return Err(format!(
                            "unknown --shards {other:?} (expected auto, always or never)"
                        ))
                    }
                };
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
            shards,
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

/// Takes `--threads N` out of `args`: the threads that analyse the corpus (default: as
/// many as the machine runs at once). The analysis is the same on any number.
fn take_threads(args: &mut Vec<String>) -> Result<NonZeroUsize, String> {
    let default = std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN);
    let Some(at) = args.iter().position(|a| a == "--threads") else {
        return Ok(default);
    };
    let value = args.get(at + 1).ok_or("--threads needs a value")?;
    let n = value
        .parse::<NonZeroUsize>()
        .map_err(|_| format!("--threads takes a number above 0, not {value:?}"))?;
    args.drain(at..at + 2);
    Ok(n)
}

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let threads = take_threads(&mut args);
    let cmd = match threads.and_then(|t| parse_args(&args).map(|c| (c, t))) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}\n\nRun `dossier --help` for usage.");
            return ExitCode::from(2);
        }
    };
    let (cmd, threads) = cmd;
    match cmd {
        Command::Help => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        Command::Extract { dir, format, quotes } => run(&dir, threads, |corpus, analysis| {
            extract(corpus, analysis, format, quotes)
        }),
        Command::Check { dir } => run(&dir, threads, check),
        Command::Page { dir, out, shards } => run(&dir, threads, |corpus, analysis| {
            page(corpus, analysis, &out, shards)
        }),
    }
}

/// The most text a build analyses: its memory peaks at about 15 times the text (20,000
/// generated articles, 101 MB of text, written as a sharded site on 2 threads: 1.56 GB,
/// `/usr/bin/time -v dossier page --shards always`), so this bound keeps it near 6 GB,
/// what a common CI machine has. A larger corpus is refused before it is read.
const MAX_TEXT_BYTES: u64 = 400 << 20;

/// The bytes of the `.txt` files of `dir` (those `load_dir` reads), if it can be listed.
fn text_bytes(dir: &std::path::Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let txt = |p: &std::path::Path| p.extension().is_some_and(|e| e == "txt");
    entries
        .flatten()
        .filter(|e| txt(&e.path()))
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

/// Why a corpus of `bytes` of text is too large to build, if it is.
fn too_large(dir: &std::path::Path, bytes: u64) -> Option<String> {
    (bytes > MAX_TEXT_BYTES).then(|| {
        format!(
            "{}: the corpus holds {} MB of text, more than the {} MB a build analyses \
             (it needs about 15 times the text in memory); split it into smaller corpora",
            dir.display(),
            bytes.div_ceil(1 << 20),
            MAX_TEXT_BYTES >> 20
        )
    })
}

/// Loads and analyses `dir` on `threads` threads (or reads the analysis a built page
/// carries, when `dir` is an .html file), then runs `f`; maps failures to exit codes.
fn run(
    dir: &std::path::Path,
    threads: NonZeroUsize,
    f: impl FnOnce(&Corpus, &Analysis) -> io::Result<()>,
) -> ExitCode {
    if dir.extension().is_some_and(|e| e == "html") {
        return match read_page(dir) {
            Ok((corpus, analysis)) => finish(f(&corpus, &analysis)),
            Err(e) => {
                eprintln!("error: {}: {e}", dir.display());
                ExitCode::from(1)
            }
        };
    }
    if let Some(why) = too_large(dir, text_bytes(dir)) {
        eprintln!("error: {why}");
        return ExitCode::from(1);
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
    let analysis = dossier_core::analysis::threads::analyse(&corpus, &curation, threads);
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
    let mut out = io::stdout().lock();
    if quotes {
        out.write_all(export::quotes(corpus, analysis, format, |_, _| true).as_bytes())?;
    } else {
        // Written as it is encoded: a large corpus's table is never held whole.
        let put = |chunk: &str| out.write_all(chunk.as_bytes());
        export::mentions_in_chunks(corpus, analysis, format, |_, _| true, 1 << 16, put)?;
    }
    out.flush()
}

/// Writes the page's corpus and analysis to `out`: the whole page, or, when `shards`
/// says so, the page of a sharded site with its files in `shards/` beside it.
fn page(corpus: &Corpus, analysis: &Analysis, out: &Path, shards: Shards) -> io::Result<()> {
    let folder = out.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder)?;
    let text: usize = corpus.documents.iter().map(|d| d.text.len()).sum();
    // The page's data is longer than the texts: a corpus whose texts pass the bound
    // needs no page made to know it.
    let whole = match shards {
        Shards::Never => Some(page::write(corpus, analysis).map_err(io::Error::other)?),
        Shards::Auto if text < site::EMBED_BELOW => {
            Some(page::write(corpus, analysis).map_err(io::Error::other)?)
                .filter(|p| p.len() < site::EMBED_BELOW)
        }
        _ => None,
    };
    // An earlier build's files go before anything is written: the build's last step
    // copies the whole folder (scripts/shard-site.mjs), and a build that fails half-way
    // must not leave a page naming another build's files, nor a mix of two builds.
    let shard_dir = folder.join(site::FOLDER);
    clear_site_files(&shard_dir)?;
    match whole {
        Some(html) => std::fs::write(out, html),
        None => {
            if out.exists() {
                std::fs::remove_file(out)?;
            }
            std::fs::create_dir_all(&shard_dir)?;
            let mut put = |name: &str, content: &str| {
                let path = shard_dir.join(name);
                std::fs::write(&path, content)
                    .map_err(|e| page::PageError::new(format!("{}: {e}", path.display())))
            };
            let sizes = site::Sizes::default();
            let s = site::write_each(corpus, analysis, &sizes, &mut put).map_err(io::Error::other)?;
            std::fs::write(out, &s.page)
        }
    }
}

/// Removes from `dir` every site file (named as `dossier_core::site` names them: a kind
/// letter, `-`, a 16-digit address, `.txt`), leaving anything else in it alone.
fn clear_site_files(dir: &Path) -> io::Result<()> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if site::is_file_name(&name) {
            std::fs::remove_file(e.path())?;
        }
    }
    Ok(())
}

/// Reads the corpus and analysis a built page carries: embedded, or in the files of a
/// sharded site beside it.
fn read_page(html_path: &Path) -> Result<(Corpus, Analysis), String> {
    let html = std::fs::read_to_string(html_path).map_err(|e| e.to_string())?;
    let (corpus, analysis) = match site::manifest_of_html(&html) {
        None => page::read_html(&html).map_err(|e| e.to_string())?,
        Some(manifest) => {
            let manifest = manifest.map_err(|e| e.to_string())?;
            let dir = html_path.parent().unwrap_or(Path::new(".")).join(site::FOLDER);
            site::read_all(&manifest, |name| std::fs::read(dir.join(name)).ok()).map_err(|e| e.to_string())?
        }
    };
    Ok((corpus, analysis))
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
                out: "dist/page.html".into(),
                shards: Shards::Auto
            })
        );
        assert!(matches!(
            parse_args(&args("page c --out p.html --shards always")),
            Ok(Command::Page {
                shards: Shards::Always,
                ..
            })
        ));
        assert!(parse_args(&args("page c --out p.html --shards sometimes")).is_err());
        assert!(matches!(
            parse_args(&args("page -o p.html")),
            Ok(Command::Page { .. })
        ));
    }

    #[test]
    fn threads_are_taken_from_anywhere_on_the_line() {
        let mut a = args("page seeds --threads 3 --out p.html");
        assert_eq!(take_threads(&mut a).map(NonZeroUsize::get), Ok(3));
        assert_eq!(a, args("page seeds --out p.html"));
        assert!(take_threads(&mut args("check seeds --threads 0")).is_err());
        assert!(take_threads(&mut args("check seeds --threads")).is_err());
    }

    #[test]
    fn a_corpus_over_the_bound_is_refused_with_its_size() {
        assert_eq!(too_large("c".as_ref(), MAX_TEXT_BYTES), None);
        let why = too_large("c".as_ref(), MAX_TEXT_BYTES + 1).unwrap();
        assert!(why.contains("401 MB") && why.contains("400 MB"), "{why}");
    }

    /// A sharded site of the seeds, written as `dossier page --shards always` does,
    /// reads back; with a file missing or changed, reading fails naming that file; a
    /// later one-page build removes the files.
    #[test]
    fn a_sharded_page_reads_back_and_names_a_missing_or_changed_file() {
        let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
        let corpus = load_dir(&seeds).unwrap();
        let analysis = dossier_core::analyse(&corpus);
        let dir = std::env::temp_dir().join(format!("dossier-cli-shards-{}", std::process::id()));
        let out = dir.join("index.html");
        page(&corpus, &analysis, &out, Shards::Always).unwrap();
        let (c2, a2) = read_page(&out).unwrap();
        assert!(a2 == analysis && c2.documents.len() == corpus.documents.len());
        let shards = dir.join(site::FOLDER);
        let mut names: Vec<String> = std::fs::read_dir(&shards)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        // A file of each kind the seeds make with the default sizes.
        for kind in ["i-", "h-", "l-", "d-", "n-", "x-", "t-", "e-"] {
            let name = names.iter().find(|n| n.starts_with(kind)).unwrap();
            let path = shards.join(name);
            let bytes = std::fs::read(&path).unwrap();
            std::fs::remove_file(&path).unwrap();
            let e = read_page(&out).unwrap_err();
            assert!(e.contains(name.as_str()) && e.contains("missing"), "{e}");
            let mut changed = bytes.clone();
            changed[0] ^= 1;
            std::fs::write(&path, changed).unwrap();
            let e = read_page(&out).unwrap_err();
            assert!(e.contains(name.as_str()) && e.contains("other content"), "{e}");
            std::fs::write(&path, bytes).unwrap();
        }
        assert!(read_page(&out).is_ok());
        page(&corpus, &analysis, &out, Shards::Never).unwrap();
        assert_eq!(std::fs::read_dir(&shards).unwrap().count(), 0);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// The files in `dir`, sorted.
    fn listing(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    /// A sharded build over an earlier one leaves exactly its own site files (the build's
    /// last step copies the whole folder), and a file that is not a site file alone.
    #[test]
    fn a_sharded_build_over_another_leaves_only_its_own_files() {
        let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
        let all = load_dir(&seeds).unwrap();
        let mut some = all.clone();
        some.documents.truncate(2);
        let root = std::env::temp_dir().join(format!("dossier-cli-stale-{}", std::process::id()));
        let (over, alone) = (root.join("over"), root.join("alone"));
        page(
            &all,
            &dossier_core::analyse(&all),
            &over.join("index.html"),
            Shards::Always,
        )
        .unwrap();
        let before = listing(&over.join(site::FOLDER));
        std::fs::write(over.join(site::FOLDER).join("README"), "not a site file").unwrap();
        let analysis = dossier_core::analyse(&some);
        page(&some, &analysis, &over.join("index.html"), Shards::Always).unwrap();
        page(&some, &analysis, &alone.join("index.html"), Shards::Always).unwrap();
        let mut expected = listing(&alone.join(site::FOLDER));
        assert!(
            before.iter().any(|n| !expected.contains(n)),
            "the two builds share every file"
        );
        expected.push("README".into());
        expected.sort();
        assert_eq!(listing(&over.join(site::FOLDER)), expected);
        let (corpus, _) = read_page(&over.join("index.html")).unwrap();
        assert_eq!(corpus.documents.len(), 2);
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn help_wins_anywhere() {
        assert_eq!(parse_args(&args("extract --help")), Ok(Command::Help));
    }
}
