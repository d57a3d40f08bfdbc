//! `hyoka diff OLD NEW`: the change table （別添２）変更箇所 between two versions.

use std::io::{IsTerminal as _, Write as _};
use std::path::PathBuf;

use super::{MessageFormat, Outcome, input_error, print_reports};
use crate::diag::Lang;
use crate::diff::export::{self, Row};
use crate::diff::terminal::{self, Terminal};
use crate::diff::{self, AFTER, BEFORE, record};
use crate::load::{self, Limits, date::JpDate};

/// Output format of the change table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// A table for the terminal, with a character-level redline.
    Table,
    /// Markdown.
    Md,
    /// HTML with <del>/<ins> redlines.
    Html,
    /// CSV (UTF-8 with BOM).
    Csv,
    /// Excel workbook.
    Xlsx,
    /// JSON: {"rows": [...]}.
    Json,
}

/// Shown after the options by `--help`.
pub const EXAMPLES: &str = "Examples:
  hyoka diff assessments/x/versions/2024-05-27.yaml assessments/x
  hyoka diff HEAD~1:assessments/x assessments/x --format xlsx --output changes.xlsx
  hyoka diff old.yaml assessments/x --reason 見直しによる --record
  hyoka diff old.yaml assessments/x --timing 1=事前 --exit-code";

/// Arguments of `hyoka diff`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The earlier version: a folder, a YAML file, or REV:PATH from git.
    pub old: String,
    /// The later version: a folder, a YAML file, or REV:PATH from git.
    pub new: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Table)]
    pub format: DiffFormat,
    /// Write to this file instead of standard output.
    #[arg(long)]
    pub output: Option<PathBuf>,
    /// 変更日 of the rows [default: NEW's 公表日].
    #[arg(long)]
    pub date: Option<String>,
    /// 提出時期に係る説明 for every row (e.g. 見直しによる).
    #[arg(long)]
    pub reason: Option<String>,
    /// Set 提出時期 of row N (1-based) instead of the proposal: --timing 3=事後 (repeatable).
    #[arg(long, value_name = "N=事前|事後")]
    pub timing: Vec<String>,
    /// Append the rows to NEW's changes.yaml.
    #[arg(long)]
    pub record: bool,
    /// Exit with 1 when there are changes and 0 when there are none.
    #[arg(long)]
    pub exit_code: bool,
    /// The terminal draws Ⅱ, Ⅴ, ①, ○ two columns wide (also: HYOKA_AMBIGUOUS_WIDE=1): align the
    /// table for it, with an ASCII frame.
    #[arg(long)]
    pub ambiguous_wide: bool,
    /// How to print diagnostics of invalid versions.
    #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
    pub message_format: MessageFormat,
}

/// Loads both versions, diffs them, prints or records the rows.
pub fn run(args: &Args, lang: Lang) -> Result<Outcome, crate::Error> {
    let limits = Limits::default();
    let mut versions = Vec::new();
    for spec in [&args.old, &args.new] {
        let mut assessment = load::load_version(spec, &limits)?;
        crate::validate::validate(&mut assessment);
        if assessment.document.is_none() || assessment.has_errors() {
            print_reports(assessment.reports(), args.message_format, lang);
            return Err(input_error(
                lang,
                format!("{spec} にエラーがあるため比較できません"),
                format!("{spec} has errors and cannot be compared"),
            ));
        }
        versions.push(assessment);
    }
    let (old, new) = (versions[0].document.as_ref(), versions[1].document.as_ref());
    let (Some(old), Some(new)) = (old, new) else {
        return Ok(Outcome::Clean);
    };
    let changes = diff::diff(old, new);
    let date = match &args.date {
        Some(text) => Some(JpDate::parse(text, false).map_err(|e| {
            input_error(
                lang,
                format!("--date {text}: {}", e.explain(true)),
                format!("--date {text}: {}", e.explain(false)),
            )
        })?),
        None => new.root.date("表紙.公表日"),
    };
    let mut timings: Vec<Option<&str>> = vec![None; changes.len()];
    for spec in &args.timing {
        let parsed = spec
            .split_once('=')
            .and_then(|(n, t)| Some((n.trim().parse::<usize>().ok()?, t.trim())));
        match parsed {
            Some((n, t)) if (1..=changes.len()).contains(&n) && (t == BEFORE || t == AFTER) => {
                timings[n - 1] = Some(if t == BEFORE { BEFORE } else { AFTER });
            }
            _ => {
                return Err(input_error(
                    lang,
                    format!(
                        "--timing {spec}: 「行番号=事前」または「行番号=事後」で指定してください（行は 1〜{}）",
                        changes.len()
                    ),
                    format!(
                        "--timing {spec}: write ROW=事前 or ROW=事後 (rows 1–{})",
                        changes.len()
                    ),
                ));
            }
        }
    }
    let date_text = date.map(|d| d.wareki()).unwrap_or_default();
    let reason = args.reason.clone().unwrap_or_default();
    let rows: Vec<Row> = changes
        .iter()
        .zip(&timings)
        .map(|(c, t)| Row::new(c, &date_text, *t, &reason))
        .collect();
    let bytes = match args.format {
        DiffFormat::Table => {
            let terminal = Terminal {
                color: args.output.is_none()
                    && std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none(),
                ambiguous_wide: args.ambiguous_wide || terminal::ambiguous_wide_from_env(),
            };
            let mut text = terminal::table(&rows, &terminal);
            for (i, row) in rows.iter().enumerate() {
                text.push_str(&format!(
                    "{}. 提出時期: {}（{}）\n",
                    i + 1,
                    row.timing,
                    row.timing_basis
                ));
            }
            text.into_bytes()
        }
        DiffFormat::Md => export::markdown(&rows),
        DiffFormat::Html => export::html(&rows),
        DiffFormat::Csv => export::csv(&rows),
        DiffFormat::Json => export::json(&rows),
        DiffFormat::Xlsx => {
            // A workbook is binary: printed on a terminal it is noise, and may upset the terminal.
            if args.output.is_none() && std::io::stdout().is_terminal() {
                return Err(input_error(
                    lang,
                    "--format xlsx には --output ファイル名.xlsx を指定してください".into(),
                    "--format xlsx needs --output FILE.xlsx".into(),
                ));
            }
            export::xlsx(&rows, date).map_err(|e| crate::Error::Input(format!("xlsx: {e}")))?
        }
    };
    match &args.output {
        Some(path) => crate::output::write_atomic(path, &bytes)?,
        None => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error of hyoka's.
            let _ = stdout.write_all(&bytes).and_then(|_| stdout.flush());
        }
    }
    if args.record && !rows.is_empty() {
        let folder = versions[1].folder.clone().ok_or_else(|| {
            input_error(
                lang,
                "--record には NEW として評価書のフォルダ（assessment.yaml を含む）を指定してください".into(),
                "--record needs NEW to be an assessment folder (holding assessment.yaml)".into(),
            )
        })?;
        let explicit: Vec<bool> = timings.iter().map(Option::is_some).collect();
        record_rows(
            &folder,
            &versions[1].changes,
            &rows,
            &explicit,
            args.reason.is_some(),
            lang,
        )?;
    }
    Ok(if args.exit_code && !rows.is_empty() {
        Outcome::Invalid
    } else {
        Outcome::Clean
    })
}

/// `--record`: appends the rows not recorded yet; for a row whose change is recorded already
/// (same 項目, 変更前 and 変更後), updates the 提出時期 and 説明 this run sets explicitly
/// (`--timing`, `--reason`) instead of appending it again, and says what it did row by row.
fn record_rows(
    folder: &std::path::Path,
    recorded: &[load::ChangeRow],
    rows: &[Row],
    explicit_timing: &[bool],
    explicit_reason: bool,
    lang: Lang,
) -> Result<(), crate::Error> {
    let ja = lang == Lang::Ja;
    let mut fresh = Vec::new();
    let mut updates = Vec::new();
    let mut notes = Vec::new();
    let mut unchanged = 0;
    for (n, row) in rows.iter().enumerate() {
        let Some((index, old)) = record::recorded_as(recorded, row) else {
            fresh.push(row.clone());
            continue;
        };
        let old_date = old.date.map(|d| d.wareki()).unwrap_or_default();
        let timing = (explicit_timing[n] && old.timing != Some(row.timing.as_str()))
            .then(|| row.timing.clone());
        let explanation =
            (explicit_reason && old.reason != row.explanation).then(|| row.explanation.clone());
        let no = n + 1;
        if timing.is_some() || explanation.is_some() {
            let mut what = Vec::new();
            if let Some(t) = &timing {
                let was = old.timing.unwrap_or("");
                what.push(format!("提出時期 {was} → {t}"));
            }
            if let Some(e) = &explanation {
                what.push(if ja {
                    format!("説明「{}」→「{e}」", old.reason)
                } else {
                    format!("説明 \"{}\" → \"{e}\"", old.reason)
                });
            }
            notes.push(if ja {
                format!(
                    "  {no}. {}（変更日 {old_date} の記録済みの行）: {} に更新しました",
                    row.label,
                    what.join("、")
                )
            } else {
                format!(
                    "  {no}. {} (recorded under 変更日 {old_date}): updated {}",
                    row.label,
                    what.join(", ")
                )
            });
            updates.push(record::Update {
                index,
                timing,
                explanation,
            });
        } else if old_date != row.date {
            notes.push(if ja {
                format!(
                    "  {no}. {}: 同じ変更が変更日 {old_date} の行として記録済みのため、{} の行として追加しませんでした（変更日を改めるには changes.yaml のその行の変更日を直してください）",
                    row.label, row.date
                )
            } else {
                format!(
                    "  {no}. {}: the same change is recorded under 変更日 {old_date}, so it was not added again under {} (to change its date, edit that row of changes.yaml)",
                    row.label, row.date
                )
            });
        } else {
            unchanged += 1;
        }
    }
    if !fresh.is_empty() || !updates.is_empty() {
        record::record(folder, &fresh, &updates)?;
    }
    let file = folder.join(load::CHANGES_FILE);
    let mut summary = if ja {
        format!("{} 行を {} に記録しました", fresh.len(), file.display())
    } else {
        format!("recorded {} row(s) in {}", fresh.len(), file.display())
    };
    if !updates.is_empty() {
        summary.push_str(&if ja {
            format!("、記録済みの {} 行を更新しました", updates.len())
        } else {
            format!(", updated {} recorded row(s)", updates.len())
        });
    }
    if unchanged > 0 {
        summary.push_str(&if ja {
            format!("（{unchanged} 行は記録済みのため追加しませんでした）")
        } else {
            format!(" ({unchanged} already recorded, not added again)")
        });
    }
    eprintln!("{summary}");
    for note in notes {
        eprintln!("{note}");
    }
    Ok(())
}
