//! `hyoka diff OLD NEW`: the change table （別添２）変更箇所 between two versions.

use std::io::{IsTerminal as _, Write as _};
use std::path::PathBuf;

use super::{MessageFormat, Outcome, input_error, print_reports};
use crate::diag::Lang;
use crate::diff::export::{self, Row};
use crate::diff::terminal::{self, Terminal};
use crate::diff::{self, AFTER, BEFORE, Change, record};
use crate::form::Form;
use crate::load::{self, Assessment, ChangeRow, Document, Limits, date::JpDate};

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
  hyoka diff old.yaml assessments/x --timing 1=事前 --exit-code
  hyoka diff old.yaml assessments/x --form 基礎 --format csv   the 基礎項目評価書's table only";

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
    /// Append the rows to NEW's changes.yaml (and the 基礎項目評価書's to kiso-changes.yaml).
    #[arg(long)]
    pub record: bool,
    /// Exit with 1 when there are changes and 0 when there are none.
    #[arg(long)]
    pub exit_code: bool,
    /// Of a 重点項目評価書 and its 基礎項目評価書, compare only this one [default: both; CSV
    /// and XLSX hold one table, so they need it].
    #[arg(long, value_enum)]
    pub form: Option<super::init::FormArg>,
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
    let tables = tables(&versions[0], &versions[1], args.form);
    let date = match &args.date {
        Some(text) => Some(JpDate::parse(text, false).map_err(|e| {
            input_error(
                lang,
                format!("--date {text}: {}", e.explain(true)),
                format!("--date {text}: {}", e.explain(false)),
            )
        })?),
        None => versions[1]
            .document
            .as_ref()
            .and_then(|d| d.root.date("表紙.公表日")),
    };
    // Rows are numbered across the documents' tables, in printed order (for --timing).
    let count: usize = tables.iter().map(|t| t.changes.len()).sum();
    let mut timings: Vec<Option<&str>> = vec![None; count];
    for spec in &args.timing {
        let parsed = spec
            .split_once('=')
            .and_then(|(n, t)| Some((n.trim().parse::<usize>().ok()?, t.trim())));
        match parsed {
            Some((n, t)) if (1..=count).contains(&n) && (t == BEFORE || t == AFTER) => {
                timings[n - 1] = Some(if t == BEFORE { BEFORE } else { AFTER });
            }
            _ => {
                return Err(input_error(
                    lang,
                    format!(
                        "--timing {spec}: 「行番号=事前」または「行番号=事後」で指定してください（行は 1〜{count}）"
                    ),
                    format!("--timing {spec}: write ROW=事前 or ROW=事後 (rows 1–{count})"),
                ));
            }
        }
    }
    let date_text = date.map(|d| d.wareki()).unwrap_or_default();
    let reason = args.reason.clone().unwrap_or_default();
    let several = tables.len() > 1;
    let mut numbered = timings.iter().enumerate();
    let sections: Vec<Section> = tables
        .iter()
        .map(|table| {
            let mut rows = Vec::new();
            let mut explicit = Vec::new();
            let mut start = None;
            for change in &table.changes {
                let Some((n, timing)) = numbered.next() else {
                    break;
                };
                start.get_or_insert(n + 1);
                let mut row = Row::new(change, &date_text, *timing, &reason);
                if several {
                    row.document = table.form.document();
                }
                rows.push(row);
                explicit.push(timing.is_some());
            }
            Section {
                table,
                first: start.unwrap_or(1),
                rows,
                explicit,
            }
        })
        .collect();
    let rows: Vec<Row> = sections.iter().flat_map(|s| s.rows.clone()).collect();
    if several && matches!(args.format, DiffFormat::Csv | DiffFormat::Xlsx) {
        return Err(input_error(
            lang,
            "重点項目評価書と基礎項目評価書の組です。CSV と XLSX は1つの表なので、--form 重点 または --form 基礎 を指定してください".into(),
            "this is a 重点項目評価書 with its 基礎項目評価書; CSV and XLSX hold one table: give --form 重点 or --form 基礎".into(),
        ));
    }
    let heading = |table: &Table| {
        if several {
            format!("{}（{}）", table.form.document(), table.file)
        } else {
            String::new()
        }
    };
    let bytes = match args.format {
        DiffFormat::Table => {
            let terminal = Terminal {
                color: args.output.is_none()
                    && std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none(),
                ambiguous_wide: args.ambiguous_wide || terminal::ambiguous_wide_from_env(),
            };
            let mut text = String::new();
            for section in &sections {
                if several {
                    text.push_str(&format!("{}\n", heading(section.table)));
                }
                text.push_str(&terminal::table(&section.rows, section.first, &terminal));
                for (i, row) in section.rows.iter().enumerate() {
                    text.push_str(&format!(
                        "{}. 提出時期: {}（{}）\n",
                        section.first + i,
                        row.timing,
                        row.timing_basis
                    ));
                }
            }
            text.into_bytes()
        }
        DiffFormat::Md => sections
            .iter()
            .flat_map(|section| {
                let mut part = Vec::new();
                if several {
                    part.extend(format!("# {}\n\n", heading(section.table)).into_bytes());
                }
                part.extend(export::markdown(&section.rows, &section.table.heading));
                part
            })
            .collect(),
        DiffFormat::Html => {
            let parts: Vec<(String, String, &[Row])> = sections
                .iter()
                .map(|s| (heading(s.table), s.table.heading.clone(), s.rows.as_slice()))
                .collect();
            export::html(&parts)
        }
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
            let heading = sections
                .first()
                .map_or(String::new(), |s| s.table.heading.clone());
            export::xlsx(&rows, &heading, date)
                .map_err(|e| crate::Error::Input(format!("xlsx: {e}")))?
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
    if args.record {
        for section in sections.iter().filter(|s| !s.rows.is_empty()) {
            let folder = versions[1].folder.clone().ok_or_else(|| {
                input_error(
                    lang,
                    "--record には NEW として評価書のフォルダ（assessment.yaml を含む）を指定してください".into(),
                    "--record needs NEW to be an assessment folder (holding assessment.yaml)".into(),
                )
            })?;
            let file = folder.join(if section.table.file == load::BASIC_FILE {
                load::BASIC_CHANGES_FILE
            } else {
                load::CHANGES_FILE
            });
            record_rows(&file, section, args.reason.is_some(), lang)?;
        }
    }
    Ok(if args.exit_code && !rows.is_empty() {
        Outcome::Invalid
    } else {
        Outcome::Clean
    })
}

/// The change table of one document between the two versions.
struct Table<'a> {
    /// Which document.
    form: Form,
    /// Its file, for headings (`assessment.yaml`, `kiso.yaml`).
    file: &'static str,
    /// Its change table's heading: `（別添２）変更箇所` / `変更箇所`.
    heading: String,
    /// The changes, in the form's order.
    changes: Vec<Change>,
    /// The rows it has recorded so far (in NEW).
    recorded: &'a [ChangeRow],
}

/// A table's rows as printed and recorded.
struct Section<'a> {
    table: &'a Table<'a>,
    /// The number of its first row (rows are numbered across the tables).
    first: usize,
    rows: Vec<Row>,
    /// Whether each row's 提出時期 was set by --timing.
    explicit: Vec<bool>,
}

/// The documents both versions hold (NEW's main document first, then its 基礎項目評価書), or
/// only the one `--form` names, each with its changes.
fn tables<'a>(
    old: &'a Assessment,
    new: &'a Assessment,
    only: Option<super::init::FormArg>,
) -> Vec<Table<'a>> {
    let wanted = only.map(|f| match f {
        super::init::FormArg::Juten => Form::Key,
        super::init::FormArg::Kiso => Form::Basic,
    });
    let old_documents: Vec<&Document> = old.documents().into_iter().map(|(d, _)| d).collect();
    new.documents()
        .into_iter()
        .filter(|(d, _)| wanted.is_none_or(|f| d.edition.form == f))
        .filter_map(|(document, recorded)| {
            let before = old_documents
                .iter()
                .find(|d| d.edition.form == document.edition.form)?;
            let main = new
                .document
                .as_ref()
                .is_some_and(|m| std::ptr::eq(m, document));
            Some(Table {
                form: document.edition.form,
                file: if main {
                    load::DOCUMENT_FILE
                } else {
                    load::BASIC_FILE
                },
                heading: format!(
                    "{}{}",
                    crate::form::label::printed_number(document.edition.changes_num),
                    crate::form::changes::TABLE.label
                ),
                changes: diff::diff(before, document),
                recorded,
            })
        })
        .collect()
}
/// `--record`: appends the rows not recorded yet; for a row whose change is recorded already
/// (same 項目, 変更前 and 変更後), updates the 提出時期 and 説明 this run sets explicitly
/// (`--timing`, `--reason`) instead of appending it again, and says what it did row by row.
fn record_rows(
    file: &std::path::Path,
    section: &Section,
    explicit_reason: bool,
    lang: Lang,
) -> Result<(), crate::Error> {
    let ja = lang == Lang::Ja;
    let record::Plan {
        fresh,
        updates,
        notes: planned,
        unchanged,
    } = record::plan(
        section.table.recorded,
        &section.rows,
        &section.explicit,
        explicit_reason,
    );
    let mut notes = Vec::new();
    for (n, note) in planned {
        let no = section.first + n;
        notes.push(match note {
            record::Note::Updated {
                label,
                date: old_date,
                timing,
                explanation,
            } => {
                let mut what = Vec::new();
                if let Some((was, t)) = &timing {
                    what.push(format!("提出時期 {was} → {t}"));
                }
                if let Some((was, e)) = &explanation {
                    what.push(if ja {
                        format!("説明「{was}」→「{e}」")
                    } else {
                        format!("説明 \"{was}\" → \"{e}\"")
                    });
                }
                if ja {
                    format!(
                        "  {no}. {label}（変更日 {old_date} の記録済みの行）: {} に更新しました",
                        what.join("、")
                    )
                } else {
                    format!(
                        "  {no}. {label} (recorded under 変更日 {old_date}): updated {}",
                        what.join(", ")
                    )
                }
            }
            record::Note::OtherDate {
                label,
                recorded: old_date,
                date,
            } => {
                if ja {
                    format!(
                        "  {no}. {label}: 同じ変更が変更日 {old_date} の行として記録済みのため、{date} の行として追加しませんでした（変更日を改めるには {} のその行の変更日を直してください）",
                        file.display()
                    )
                } else {
                    format!(
                        "  {no}. {label}: the same change is recorded under 変更日 {old_date}, so it was not added again under {date} (to change its date, edit that row of {})",
                        file.display()
                    )
                }
            }
        });
    }
    if !fresh.is_empty() || !updates.is_empty() {
        record::record_into(file, &section.table.heading, &fresh, &updates)?;
    }
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
