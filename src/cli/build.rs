//! `hyoka build [ROOT] [--out DIR] [--templates DIR]`: every assessment under ROOT, in parallel.

use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{MessageFormat, Outcome, print_reports};
use crate::build::{build_one, find_assessments, in_parallel, stale_outputs, stem_of};
use crate::diag::Lang;
use crate::render::{Format, Templates};

/// Shown after the options by `--help`.
pub const EXAMPLES: &str = "Examples:
  hyoka build                             assessments/ → output/
  hyoka build assessments --format pdf --jobs 1
  hyoka build --templates my-templates";

/// Arguments of `hyoka build`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder holding assessment folders.
    #[arg(default_value = "assessments")]
    pub root: PathBuf,
    /// Output folder; each assessment goes to <out>/<folder name>/.
    #[arg(long, default_value = "output")]
    pub out: PathBuf,
    /// Formats to write, comma-separated.
    #[arg(long, value_enum, value_delimiter = ',', default_values_t = Format::ALL)]
    pub format: Vec<Format>,
    /// A folder whose files replace the built-in templates of the same name.
    #[arg(long)]
    pub templates: Option<PathBuf>,
    /// How to print diagnostics.
    #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
    pub message_format: MessageFormat,
    /// Assessments rendered at once [default: one per CPU core; 0 means the same].
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
}

/// Validates and renders every assessment under the root.
pub fn run(args: &Args, lang: Lang) -> Result<Outcome, crate::Error> {
    let started = Instant::now();
    let templates = match &args.templates {
        Some(dir) => Templates::with_overrides(dir)?,
        None => Templates::default(),
    };
    let folders = find_assessments(&args.root)?;
    let bar = ProgressBar::with_draw_target(
        Some(folders.len() as u64),
        if std::io::stderr().is_terminal() {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        },
    );
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let jobs = args
        .jobs
        .filter(|n| *n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    // Typst's own parallelism inside a compilation runs on rayon's global pool: give it the
    // same number of threads (so `--jobs 1` is one thread) and deep stacks. Only the first
    // call in a process can set it, which is this one for the command line.
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .stack_size(crate::render::RENDER_STACK)
        .build_global();
    let results = in_parallel(&folders, jobs, |folder| {
        let out = args.out.join(stem_of(folder));
        let result = build_one(folder, &out, &args.format, &templates);
        bar.inc(1);
        bar.set_message(folder.display().to_string());
        result
    });
    bar.finish_and_clear();
    let (mut rendered, mut invalid, mut files, mut unchanged) = (0, 0, 0, 0);
    for (folder, result) in folders.iter().zip(results) {
        let outcome = result?;
        print_reports(outcome.assessment.reports(), args.message_format, lang);
        if outcome.assessment.has_errors() {
            invalid += 1;
            let stem = stem_of(folder);
            let out = args.out.join(&stem);
            super::render::print_stale(&stale_outputs(folder, &out, &args.format, &stem), lang);
        } else if outcome.unchanged {
            unchanged += 1;
        } else {
            rendered += 1;
            files += outcome.written.len();
        }
    }
    // The office's library, once, after the assessments that use it.
    let libraries = crate::common_texts::office::reports_for(&folders, &Default::default())?;
    print_reports(libraries.iter(), args.message_format, lang);
    let (same_ja, same_en) = if unchanged > 0 {
        (
            format!("、{unchanged} 件は変更がないため出力を省略"),
            format!(", {unchanged} unchanged and skipped"),
        )
    } else {
        (String::new(), String::new())
    };
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "{}",
        match lang {
            Lang::Ja => format!(
                "{rendered} 件を出力しました（{files} ファイル、{}）{same_ja}{}。{seconds:.1} 秒",
                args.out.display(),
                if invalid > 0 {
                    format!("、{invalid} 件はエラーのため出力していません")
                } else {
                    String::new()
                }
            ),
            Lang::En => format!(
                "rendered {rendered} assessment(s) ({files} files in {}){same_en}{}; {seconds:.1} s",
                args.out.display(),
                if invalid > 0 {
                    format!(", {invalid} not rendered because of errors")
                } else {
                    String::new()
                }
            ),
        }
    );
    Ok(if invalid > 0 || libraries.iter().any(|r| r.has_errors()) {
        Outcome::Invalid
    } else {
        Outcome::Clean
    })
}
