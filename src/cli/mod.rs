//! The command line: argument definitions and one small module per subcommand.
//!
//! `main.rs` parses, runs and turns the outcome into an exit code: 0 success, 1 the document
//! has errors, 2 hyoka could not do its job (usage, I/O).

pub mod build;
pub mod diff;
pub mod render;
pub mod schema;
pub mod serve;
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

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate assessments (folders or assessment.yaml files).
    ///
    /// Exit status: 0 valid (warnings allowed), 1 errors found, 2 usage or I/O failure.
    ///
    /// Example: hyoka validate assessments/takaoka-vaccination
    Validate(validate::Args),
    /// Validate and render one assessment to HTML, Markdown, Typst and PDF.
    ///
    /// Refuses (exit 1) when the assessment has errors. Example:
    /// hyoka render assessments/takaoka-vaccination --format html,pdf
    Render(render::Args),
    /// Validate and render every assessment under a folder, in parallel.
    ///
    /// Example: hyoka build            (assessments/ → output/)
    Build(build::Args),
    /// The change table （別添２）変更箇所 between two versions.
    ///
    /// OLD and NEW are assessment folders, YAML files, or REV:PATH from git. The 提出時期 is
    /// proposed (事前 for ※ items) and can be set per row with --timing. Examples:
    /// hyoka diff assessments/x/versions/2024-05-27.yaml assessments/x
    /// hyoka diff HEAD~1:assessments/x assessments/x --format xlsx --output changes.xlsx
    /// hyoka diff old.yaml assessments/x --reason 見直しによる --record
    Diff(diff::Args),
    /// Re-render HTML and PDF every time the assessment is saved, printing how long it took.
    ///
    /// Example: hyoka watch assessments/takaoka-vaccination
    Watch(watch::Args),
    /// A local web preview: diagnostics, the document, PDF, and the changes since a snapshot.
    ///
    /// Lists the assessments under ROOT (default: assessments) at the URL printed on the first
    /// line of standard output, and reloads a page by itself when its files are saved.
    /// Listens on 127.0.0.1 only unless --bind says otherwise.
    ///
    /// Examples:
    ///   hyoka serve
    ///   hyoka serve assessments --port 0
    ///   hyoka --lang en serve assessments --port 8000 --templates my-templates
    #[command(verbatim_doc_comment)]
    Serve(serve::Args),
    /// Print the JSON Schema of assessment.yaml (draft 2020-12) on standard output.
    ///
    /// Example: hyoka schema > schema/assessment.schema.json
    Schema,
}

/// What a command ended with, mapped to the exit code by `main`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything is fine.
    Clean,
    /// The document has errors.
    Invalid,
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
        Command::Validate(args) => validate::run(&args, cli.lang),
        Command::Render(args) => render::run(&args, cli.lang),
        Command::Build(args) => build::run(&args, cli.lang),
        Command::Diff(args) => diff::run(&args, cli.lang),
        Command::Watch(args) => watch::run(&args, cli.lang),
        Command::Serve(args) => serve::run(&args, cli.lang),
        Command::Schema => schema::run(),
    }
}
