//! The command line: argument definitions and one small module per subcommand.
//!
//! `main.rs` parses, runs and turns the outcome into an exit code: 0 success, 1 the document
//! has errors, 2 hyoka could not do its job (usage, I/O).

pub mod build;
pub mod check;
pub mod completions;
pub mod diff;
pub mod init;
mod ja;
pub mod parse;
pub mod render;
pub mod schema;
pub mod serve;
pub mod snapshot;
pub mod texts;
pub mod threshold;
pub mod validate;
pub mod watch;

use clap::{Parser, Subcommand, ValueEnum};

use crate::diag::Lang;

/// hyoka — 特定個人情報保護評価書（重点項目評価書）を YAML から検証・出力する
#[derive(Debug, Parser)]
#[command(name = "hyoka", version, about, long_about = None)]
pub struct Cli {
    /// Message language: ja (default) or en.
    #[arg(long, global = true, value_enum, default_value_t = Lang::Ja)]
    pub lang: Lang,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Output format of diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum MessageFormat {
    /// Readable text with code frames.
    #[default]
    Human,
    /// One JSON object per line.
    Json,
}

/// Output format of a report (`threshold`, `check`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ReportFormat {
    /// Readable text.
    #[default]
    Human,
    /// One JSON document, for scripts.
    Json,
}

/// The subcommands, in the order a privacy officer meets them. Every one shows examples after
/// its options (`EXAMPLES` in its module; a test checks that none is missing).
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a new assessment: a folder with assessment.yaml and changes.yaml.
    ///
    /// assessment.yaml holds every item of the form in printed order with an empty value, under
    /// a comment giving its numbered label (※: a change to it is a 重要な変更), whether it must
    /// be filled, what it takes, and its ＜選択肢＞ or checkboxes. Its first line names the JSON
    /// Schema for editors: the project's schema/assessment.schema.json when the current folder
    /// or one above it has one, else a copy written into the new folder. changes.yaml is an
    /// empty change table whose comments explain its columns. With --from, assessment.yaml is a
    /// copy of another assessment's (its versions/ and changes.yaml are not copied).
    /// An existing folder is never overwritten (exit 2).
    #[command(verbatim_doc_comment, after_help = init::EXAMPLES)]
    Init(init::Args),
    /// Validate assessments (folders or assessment.yaml files).
    ///
    /// Each problem names the file, line and column, the item's official label, what is wrong
    /// and what to do. Exit status: 0 valid (warnings allowed), 1 errors found, 2 usage or I/O
    /// failure.
    #[command(after_help = validate::EXAMPLES)]
    Validate(validate::Args),
    /// Validate and render one assessment to HTML, Markdown, Typst and PDF.
    ///
    /// Refuses (exit 1) when the assessment has errors. With --redline OLD, writes the
    /// reviewer's edition instead: every change since OLD marked inline.
    #[command(after_help = render::EXAMPLES)]
    Render(render::Args),
    /// Validate and render every assessment under a folder, in parallel.
    ///
    /// Assessments whose inputs, templates, formats and hyoka version are unchanged since the
    /// last build are validated but not rendered again.
    #[command(after_help = build::EXAMPLES)]
    Build(build::Args),
    /// A local web preview and editor: diagnostics, the document, PDF, a form that writes the
    /// YAML, and the changes since a snapshot.
    ///
    /// Lists the assessments under ROOT (default: assessments) at the URL printed on the first
    /// line of standard output, and reloads a page by itself when its files are saved.
    /// Listens on 127.0.0.1 only unless --bind says otherwise.
    #[command(after_help = serve::EXAMPLES)]
    Serve(serve::Args),
    /// Re-render HTML and PDF every time the assessment is saved, printing how long it took.
    #[command(after_help = watch::EXAMPLES)]
    Watch(watch::Args),
    /// Keep the current assessment.yaml as versions/<NAME>.yaml, byte for byte.
    ///
    /// The default name is today's date in Japan (2026-11-28), then 2026-11-28-2, -3 … when
    /// taken; a version is never overwritten (exit 2). Compare against it later with diff or
    /// render --redline.
    #[command(after_help = snapshot::EXAMPLES)]
    Snapshot(snapshot::Args),
    /// The change table （別添２）変更箇所 between two versions.
    ///
    /// OLD and NEW are assessment folders, YAML files, or REV:PATH from git. The 提出時期 is
    /// proposed (事前 for ※ items) with its reason, and can be set per row with --timing.
    #[command(after_help = diff::EXAMPLES)]
    Diff(diff::Args),
    /// Reminders: the yearly review, the five-year re-assessment, a missing 公表日, and ※
    /// changes recorded 事後 without a reason, at today's date in Japan or at --date.
    ///
    /// Exit status: 0 nothing due, 1 something due or overdue (or an assessment that does
    /// not load), 2 usage or I/O failure.
    #[command(after_help = check::EXAMPLES)]
    Check(check::Args),
    /// The しきい値判断: which assessments a 事務 must carry out, and on which forms.
    ///
    /// From 対象人数, 取扱者数 and a 重大事故 in the past year (rules.md §1); on a terminal it
    /// asks for what the flags leave out. Rules not confirmed from the primary text are
    /// marked [B]. Exit status: 0 decided, 2 a needed flag is missing (stdin not a terminal).
    #[command(after_help = threshold::EXAMPLES)]
    Threshold(threshold::Args),
    /// The office's common texts (共通テキスト): list them, keep a snapshot, carry a change into
    /// every change table, and find texts that documents already write alike.
    ///
    /// The library is common-texts/ in the folder of the assessment folders (assessments/);
    /// an item uses an entry with {共通テキスト: 名前} in place of its value.
    #[command(after_help = texts::EXAMPLES)]
    Texts(texts::Args),
    /// Print the shell completion script for bash, zsh, fish, elvish or PowerShell.
    #[command(after_help = completions::EXAMPLES)]
    Completions(completions::Args),
    /// Print the JSON Schema of assessment.yaml (or, with --kiso, of kiso.yaml) on standard
    /// output (draft 2020-12).
    #[command(after_help = schema::EXAMPLES)]
    Schema(schema::Args),
}

/// What a command ended with, mapped to the exit code by `main`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything is fine.
    Clean,
    /// A finding: the document has errors, or (diff, check) there is something to act on.
    Invalid,
}

/// A usage failure (exit 2) explained in the chosen language.
pub(crate) fn input_error(lang: Lang, ja: String, en: String) -> crate::Error {
    crate::Error::Input(if lang == Lang::Ja { ja } else { en })
}

/// Prints the diagnostics of reports in the chosen format (human on stderr, JSON on stdout).
pub fn print_reports<'a>(
    reports: impl Iterator<Item = &'a crate::diag::FileReport>,
    format: MessageFormat,
    lang: Lang,
) {
    for report in reports {
        match format {
            MessageFormat::Human => eprint!("{}", crate::diag::human::render(report, lang)),
            MessageFormat::Json => print!("{}", crate::diag::json::render(report, lang)),
        }
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<Outcome, crate::Error> {
    match cli.command {
        Command::Init(args) => init::run(&args, cli.lang),
        Command::Snapshot(args) => snapshot::run(&args, cli.lang),
        Command::Validate(args) => validate::run(&args, cli.lang),
        Command::Render(args) => render::run(&args, cli.lang),
        Command::Build(args) => build::run(&args, cli.lang),
        Command::Diff(args) => diff::run(&args, cli.lang),
        Command::Watch(args) => watch::run(&args, cli.lang),
        Command::Threshold(args) => threshold::run(&args, cli.lang),
        Command::Check(args) => check::run(&args, cli.lang),
        Command::Serve(args) => serve::run(&args, cli.lang),
        Command::Texts(args) => texts::run(&args, cli.lang),
        Command::Completions(args) => completions::run(&args),
        Command::Schema(args) => schema::run(&args),
    }
}
