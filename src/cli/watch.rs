//! `hyoka watch PATH`: re-render HTML and PDF whenever the assessment's files are saved.
//!
//! Polling the files' modification times (every 20 ms) needs no platform-specific watcher and
//! sees editors that save by renaming. The process keeps Typst's caches, so renders after the
//! first reuse the work that did not change.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use super::{MessageFormat, Outcome, print_reports};
use crate::build::{render_one, stem_of};
use crate::diag::Lang;
use crate::load::{BASIC_CHANGES_FILE, BASIC_FILE, CHANGES_FILE, DOCUMENT_FILE};
use crate::render::{Format, Templates};

/// Shown after the options by `--help`.
pub const EXAMPLES: &str = "Examples:
  hyoka watch assessments/takaoka-vaccination
  hyoka watch assessments/x --format pdf --out /tmp/x";

/// How often the files are looked at: two `stat` calls, cheap enough to do often, and a
/// save is seen 10 ms later on average (part of the time from save to new PDF).
const POLL: Duration = Duration::from_millis(20);

/// Arguments of `hyoka watch`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// An assessment folder.
    pub path: PathBuf,
    /// Formats to write on each save, comma-separated.
    #[arg(long, value_enum, value_delimiter = ',', default_values_t = [Format::Html, Format::Pdf])]
    pub format: Vec<Format>,
    /// Output folder [default: output/<folder name>/].
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Stop after this many renders (for scripts and tests); 0 watches until interrupted.
    #[arg(long, default_value_t = 0, hide = true)]
    pub max_renders: usize,
}

/// The modification times of the assessment's files (with the 基礎項目評価書 beside a
/// 重点項目評価書).
fn stamps(folder: &Path) -> Vec<Option<SystemTime>> {
    [DOCUMENT_FILE, CHANGES_FILE, BASIC_FILE, BASIC_CHANGES_FILE]
        .iter()
        .map(|f| folder.join(f))
        // The office's common texts are part of the document too.
        .chain(crate::common_texts::source::watched_files(folder))
        .map(|f| std::fs::metadata(f).and_then(|m| m.modified()).ok())
        .collect()
}

/// Renders now, then again after every change of `assessment.yaml`, `changes.yaml`, `kiso.yaml`
/// or `kiso-changes.yaml`.
pub fn run(args: &Args, lang: Lang) -> Result<Outcome, crate::Error> {
    let templates = Templates::default();
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from("output").join(stem_of(&args.path)));
    let folder = if args.path.is_dir() {
        args.path.clone()
    } else {
        args.path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default()
    };
    let mut seen = Vec::new();
    let mut renders = 0;
    loop {
        let now = stamps(&folder);
        if now != seen {
            seen = now;
            let started = Instant::now();
            let outcome = render_one(&args.path, &out, &args.format, &templates)?;
            print_reports(outcome.assessment.reports(), MessageFormat::Human, lang);
            let ms = started.elapsed().as_millis();
            let written = outcome.written.len();
            eprintln!(
                "{}",
                match (lang, outcome.assessment.has_errors()) {
                    (Lang::Ja, false) => format!("{written} ファイルを出力しました（{ms} ms）"),
                    (Lang::Ja, true) => format!("エラーがあるため出力しませんでした（{ms} ms）"),
                    (Lang::En, false) => format!("wrote {written} file(s) in {ms} ms"),
                    (Lang::En, true) =>
                        format!("not rendered: the assessment has errors ({ms} ms)"),
                }
            );
            renders += 1;
            if args.max_renders > 0 && renders >= args.max_renders {
                return Ok(Outcome::Clean);
            }
        }
        std::thread::sleep(POLL);
    }
}
