//! `hyoka texts list|save|changes|scan`: the office's common texts (共通テキスト).

use std::collections::BTreeMap;
use std::io::{IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};

use super::{Outcome, input_error};
use crate::common_texts::changes::{self, EntryChangeKind};
use crate::common_texts::office::Office;
use crate::common_texts::{FOLDER, scan, snapshot};
use crate::diag::Lang;
use crate::diff::terminal::{self, Terminal};
use crate::load::{self, Limits, date::JpDate};

/// Shown after the options by `--help`.
pub const EXAMPLES: &str = "Examples:
  hyoka texts list                           every common text, and where it is used
  hyoka texts save                           keep a copy as common-texts/versions/<today>/
  hyoka texts changes 2026-04-01 --record    rows for every change table since that copy
  hyoka texts changes HEAD~1                 … since the last commit (git)
  hyoka texts scan                           texts written the same in two or more documents
  hyoka texts scan --convert                 make them common texts (outputs stay byte-identical)";

/// Arguments of `hyoka texts`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to do with the common texts.
    #[command(subcommand)]
    pub command: TextsCommand,
}

/// The subcommands of `hyoka texts`.
#[derive(Debug, clap::Subcommand)]
pub enum TextsCommand {
    /// List the common texts: their kind, where each is written and which items use it.
    #[command(after_help = LIST_EXAMPLES)]
    List(ListArgs),
    /// Keep a copy of the library as it is now, as common-texts/versions/NAME/, to compare
    /// against later.
    #[command(after_help = SAVE_EXAMPLES)]
    Save(SaveArgs),
    /// The change-table rows that a change of the common texts gives every document using them.
    ///
    /// OLD is a copy kept by `hyoka texts save` (common-texts/versions/OLD), a folder holding an
    /// earlier copy of the library, or a git revision. Each document that uses a changed text is compared with
    /// itself read with the earlier texts: its rows carry its own item labels and 提出時期
    /// proposals. The affected documents are listed first. With --record the rows go into each
    /// change table (changes.yaml, or kiso-changes.yaml for a 基礎項目評価書 beside a
    /// 重点項目評価書): all tables or none.
    #[command(after_help = CHANGES_EXAMPLES)]
    Changes(ChangesArgs),
    /// Find texts written the same in two or more documents (exactly, then but for spaces and
    /// line breaks) and propose common texts for them.
    ///
    /// With --convert, the exact copies become uses of new common texts, written to a file of
    /// the library; every document's output stays byte-identical and every comment is kept
    /// (hyoka checks this before it writes anything, and writes all files or none).
    #[command(after_help = SCAN_EXAMPLES)]
    Scan(ScanArgs),
}

const LIST_EXAMPLES: &str = "Examples:
  hyoka texts list
  hyoka texts list --root offices/mihon";
const SAVE_EXAMPLES: &str = "Examples:
  hyoka texts save
  hyoka texts save --name 2026-04-01-改定前";
const CHANGES_EXAMPLES: &str = "Examples:
  hyoka texts changes 2026-04-01
  hyoka texts changes 2026-04-01 --date 令和8年4月1日 --reason 中間サーバーの移行による --record
  hyoka texts changes HEAD~1 --format json";
const SCAN_EXAMPLES: &str = "Examples:
  hyoka texts scan
  hyoka texts scan --min-chars 20
  hyoka texts scan --convert --name 1=中間サーバーの機能";

/// Arguments of `hyoka texts list`.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// The folder of the assessment folders, holding common-texts/.
    #[arg(long, default_value = "assessments")]
    pub root: PathBuf,
}

/// Arguments of `hyoka texts save`.
#[derive(Debug, clap::Args)]
pub struct SaveArgs {
    /// The folder of the assessment folders, holding common-texts/.
    #[arg(long, default_value = "assessments")]
    pub root: PathBuf,
    /// The copy's name [default: today's date in Japan, 2026-11-28; then 2026-11-28-2 …].
    #[arg(long)]
    pub name: Option<String>,
}

/// Output format of `hyoka texts changes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ChangesFormat {
    /// The affected documents, then each one's rows as a table.
    Table,
    /// One JSON document: the changed entries, and each document's rows.
    Json,
}

/// Arguments of `hyoka texts changes`.
#[derive(Debug, clap::Args)]
pub struct ChangesArgs {
    /// The earlier common texts: a copy's name (hyoka texts save), a folder, or a git revision.
    pub old: String,
    /// The folder of the assessment folders, holding common-texts/.
    #[arg(long, default_value = "assessments")]
    pub root: PathBuf,
    /// 変更日 of the rows [default: each document's 公表日].
    #[arg(long)]
    pub date: Option<String>,
    /// 提出時期に係る説明 for every row.
    #[arg(long)]
    pub reason: Option<String>,
    /// Append the rows to every affected change table (all of them or none).
    #[arg(long)]
    pub record: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ChangesFormat::Table)]
    pub format: ChangesFormat,
    /// The terminal draws Ⅱ, Ⅴ, ①, ○ two columns wide (also: HYOKA_AMBIGUOUS_WIDE=1).
    #[arg(long)]
    pub ambiguous_wide: bool,
}

/// Arguments of `hyoka texts scan`.
#[derive(Debug, clap::Args)]
pub struct ScanArgs {
    /// The folder of the assessment folders, holding (or to hold) common-texts/.
    #[arg(long, default_value = "assessments")]
    pub root: PathBuf,
    /// Only texts at least this many characters long.
    #[arg(long, default_value_t = scan::MIN_CHARS)]
    pub min_chars: usize,
    /// Make the exact copies uses of new common texts (all proposals, or those --only names).
    #[arg(long)]
    pub convert: bool,
    /// Convert only these proposals (their numbers, comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub only: Vec<usize>,
    /// Name proposal N: --name 1=中間サーバーの機能 (repeatable) [default: from the item].
    #[arg(long, value_name = "N=NAME")]
    pub name: Vec<String>,
    /// The library file the new common texts go into.
    #[arg(long, default_value = scan::FILE)]
    pub file: String,
}

/// Runs `hyoka texts …`.
pub fn run(args: &Args, lang: Lang) -> Result<Outcome, crate::Error> {
    match &args.command {
        TextsCommand::List(a) => list(a, lang),
        TextsCommand::Save(a) => save(a, lang),
        TextsCommand::Changes(a) => changes(a, lang),
        TextsCommand::Scan(a) => scan_office(a, lang),
    }
}

fn ja(lang: Lang, ja: String, en: String) -> String {
    if lang == Lang::Ja { ja } else { en }
}

/// The office at `root`, or a usage error saying where the library was looked for.
fn office(root: &Path, lang: Lang) -> Result<Office, crate::Error> {
    if !root.is_dir() {
        return Err(crate::Error::Read {
            path: root.to_path_buf(),
            source: std::io::ErrorKind::NotFound.into(),
        });
    }
    Office::find(root, &Limits::default())?.ok_or_else(|| {
        input_error(
            lang,
            format!(
                "{} にも、その上のフォルダにも共通テキストのフォルダ（{FOLDER}/）がありません",
                root.display()
            ),
            format!(
                "there is no folder of common texts ({FOLDER}/) in {} or above it",
                root.display()
            ),
        )
    })
}

fn list(args: &ListArgs, lang: Lang) -> Result<Outcome, crate::Error> {
    let office = office(&args.root, lang)?;
    let limits = Limits::default();
    // Where each entry is used: (document file, item label), read with the library.
    let mut used: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for folder in office.assessments()? {
        let assessment = load::load_with(&folder, &limits, Some(&office.library))?;
        let files = [load::DOCUMENT_FILE, load::BASIC_FILE];
        for ((document, _), file) in assessment.documents().into_iter().zip(files) {
            for u in &document.common_texts {
                used.entry(u.name.clone())
                    .or_default()
                    .push((folder.join(file).display().to_string(), u.label.clone()));
            }
        }
    }
    let mut out = String::new();
    let count = office.library.entries().count();
    out.push_str(&ja(
        lang,
        format!(
            "共通テキスト（{}、{count} 件）\n",
            office.folder().display()
        ),
        format!("common texts ({}, {count})\n", office.folder().display()),
    ));
    let mut unused = 0;
    for entry in office.library.entries() {
        let (kind_ja, kind_en) = entry.body.kind();
        out.push_str(&format!(
            "\n{}  [{}]  {}\n",
            entry.name,
            ja(lang, kind_ja, kind_en),
            office.library.place(entry).location()
        ));
        if let Some(text) = entry.body.text() {
            let first = text.lines().next().unwrap_or_default();
            let preview: String = first.chars().take(40).collect();
            let more = if first.chars().count() > 40 || text.lines().count() > 1 {
                "…"
            } else {
                ""
            };
            out.push_str(&format!("  「{preview}{more}」\n"));
        }
        match used.get(&entry.name) {
            Some(uses) => {
                for (file, label) in uses {
                    out.push_str(&format!("  ← {file}  {label}\n"));
                }
            }
            None => {
                unused += 1;
                out.push_str(&ja(
                    lang,
                    "  （どの評価書でも使われていません）\n".into(),
                    "  (not used by any assessment)\n".into(),
                ));
            }
        }
    }
    out.push_str(&ja(
        lang,
        format!("\n使い方: 項目の値の代わりに「{{共通テキスト: 名前}}」、ブロックは並びの1項目として「- 共通テキスト: 名前」と書きます。{unused} 件は未使用です。\n"),
        format!("\nuse: write `{{共通テキスト: name}}` in place of an item's value, and a block as one item of its list, `- 共通テキスト: name`. {unused} unused.\n"),
    ));
    print!("{out}");
    Ok(Outcome::Clean)
}

fn save(args: &SaveArgs, lang: Lang) -> Result<Outcome, crate::Error> {
    let office = office(&args.root, lang)?;
    let target = snapshot::save_library(
        &office.folder(),
        args.name.as_deref(),
        &crate::snapshot::today(),
    )?;
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let root = args.root.display();
    println!(
        "{}",
        ja(
            lang,
            format!(
                "{} に共通テキストを保存しました。\n比較: hyoka texts changes {name} --root {root}",
                target.display()
            ),
            format!(
                "kept the common texts as {}\ncompare: hyoka texts changes {name} --root {root}",
                target.display()
            ),
        )
    );
    Ok(Outcome::Clean)
}

fn changes(args: &ChangesArgs, lang: Lang) -> Result<Outcome, crate::Error> {
    let limits = Limits::default();
    let office = office(&args.root, lang)?;
    let old = changes::older_library(&office, &args.old, &limits)?;
    let date = match &args.date {
        Some(text) => Some(
            JpDate::parse(text, false)
                .map_err(|e| {
                    input_error(
                        lang,
                        format!("--date {text}: {}", e.explain(true)),
                        format!("--date {text}: {}", e.explain(false)),
                    )
                })?
                .wareki(),
        ),
        None => None,
    };
    let reason = args.reason.clone().unwrap_or_default();
    let effect = changes::effect(&office, &old, &limits)?;
    let tables: Vec<_> = effect
        .tables
        .iter()
        .map(|t| {
            let rows = t.rows(date.as_deref(), &reason);
            let fresh = t.fresh(rows.clone());
            (t, rows, fresh)
        })
        .collect();
    match args.format {
        ChangesFormat::Json => print_json(&args.old, &effect, &tables),
        ChangesFormat::Table => print_tables(args, &office, &effect, &tables, lang),
    }
    if !args.record {
        return Ok(if effect.skipped.is_empty() {
            Outcome::Clean
        } else {
            Outcome::Invalid
        });
    }
    if !effect.skipped.is_empty() {
        eprintln!(
            "{}",
            ja(
                lang,
                "比較できない評価書があるため、どの変更箇所にも記録しませんでした".into(),
                "some assessments cannot be compared, so no change table was written".into(),
            )
        );
        return Ok(Outcome::Invalid);
    }
    let fresh: Vec<_> = tables.iter().map(|(t, _, f)| (*t, f.clone())).collect();
    let writes = changes::recorded_texts(&fresh)?;
    crate::common_texts::commit::write_all(&writes)?;
    let rows: usize = fresh.iter().map(|(_, f)| f.len()).sum();
    let already: usize = tables.iter().map(|(_, r, f)| r.len() - f.len()).sum();
    let mut summary = ja(
        lang,
        format!("{rows} 行を {} 件の変更箇所に記録しました", writes.len()),
        format!("recorded {rows} row(s) in {} change table(s)", writes.len()),
    );
    if already > 0 {
        summary.push_str(&ja(
            lang,
            format!("（{already} 行は記録済みのため追加しませんでした）"),
            format!(" ({already} already recorded, not added again)"),
        ));
    }
    eprintln!("{summary}");
    for (file, _) in &writes {
        eprintln!("  {}", file.display());
    }
    Ok(Outcome::Clean)
}

type Tables<'a> = [(
    &'a changes::TableChange,
    Vec<crate::diff::export::Row>,
    Vec<crate::diff::export::Row>,
)];

fn print_tables(
    args: &ChangesArgs,
    office: &Office,
    effect: &changes::Effect,
    tables: &Tables,
    lang: Lang,
) {
    let mut out = String::new();
    let changed: Vec<_> = effect
        .entries
        .iter()
        .filter(|e| e.kind == EntryChangeKind::Changed)
        .collect();
    out.push_str(&ja(
        lang,
        format!(
            "共通テキストの変更（{} → {}）: {} 件\n",
            args.old,
            office.folder().display(),
            effect.entries.len()
        ),
        format!(
            "common texts changed ({} → {}): {}\n",
            args.old,
            office.folder().display(),
            effect.entries.len()
        ),
    ));
    for e in &effect.entries {
        let (word_ja, word_en) = match e.kind {
            EntryChangeKind::Changed => ("変更", "changed"),
            EntryChangeKind::Added => ("追加", "added"),
            EntryChangeKind::Removed => ("削除", "removed"),
        };
        out.push_str(&format!(
            "  {}: {}（{}）\n",
            ja(lang, word_ja.into(), word_en.into()),
            e.name,
            e.place
        ));
    }
    if changed.is_empty() {
        out.push_str(&ja(
            lang,
            "変更箇所に記載する変更はありません（追加・削除だけでは、使っている評価書の記載は変わりません）\n".into(),
            "nothing to record (adding or removing a text changes no document that uses it)\n"
                .into(),
        ));
    }
    // The affected documents first.
    if !tables.is_empty() {
        out.push_str(&ja(
            lang,
            format!("\n変更箇所に行が加わる評価書: {} 件\n", tables.len()),
            format!(
                "\ndocuments whose change table gets rows: {}\n",
                tables.len()
            ),
        ));
        for (t, rows, fresh) in tables {
            let recorded = rows.len() - fresh.len();
            let note = if recorded > 0 {
                ja(
                    lang,
                    format!("（うち {recorded} 行は記録済み）"),
                    format!(" ({recorded} already recorded)"),
                )
            } else {
                String::new()
            };
            out.push_str(&format!(
                "  {}（{}）: {} → {}{note}\n",
                t.document.display(),
                t.form.document(),
                ja(
                    lang,
                    format!("{} 行", rows.len()),
                    format!("{} row(s)", rows.len())
                ),
                t.table.display()
            ));
        }
    }
    for s in &effect.skipped {
        out.push_str(&format!(
            "  {}: {}\n",
            s.folder.display(),
            ja(lang, s.reason.0.clone(), s.reason.1.clone())
        ));
    }
    let terminal = Terminal {
        color: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        ambiguous_wide: args.ambiguous_wide || terminal::ambiguous_wide_from_env(),
    };
    for (t, rows, _) in tables {
        out.push_str(&format!(
            "\n{}（{}、{}）\n",
            t.document.display(),
            t.form.document(),
            t.entries.join("、")
        ));
        out.push_str(&terminal::table(rows, 1, &terminal));
        for (i, row) in rows.iter().enumerate() {
            out.push_str(&format!(
                "{}. 提出時期: {}（{}）\n",
                i + 1,
                row.timing,
                row.timing_basis
            ));
        }
    }
    if !args.record && tables.iter().any(|(_, _, fresh)| !fresh.is_empty()) {
        out.push_str(&ja(
            lang,
            "\n--record を付けると、これらの行を各評価書の変更箇所に記録します。\n".into(),
            "\nadd --record to record these rows in each document's change table.\n".into(),
        ));
    }
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(out.as_bytes())
        .and_then(|_| stdout.flush());
}

fn print_json(old: &str, effect: &changes::Effect, tables: &Tables) {
    use serde_json::json;
    let value = json!({
        "old": old,
        "entries": effect.entries.iter().map(|e| json!({
            "name": e.name,
            "change": match e.kind {
                EntryChangeKind::Changed => "changed",
                EntryChangeKind::Added => "added",
                EntryChangeKind::Removed => "removed",
            },
            "place": e.place,
        })).collect::<Vec<_>>(),
        "documents": tables.iter().map(|(t, rows, fresh)| json!({
            "document": t.document.display().to_string(),
            "form": t.form.document(),
            "table": t.table.display().to_string(),
            "entries": t.entries,
            "rows": rows,
            "already_recorded": rows.len() - fresh.len(),
        })).collect::<Vec<_>>(),
        "skipped": effect.skipped.iter().map(|s| json!({
            "folder": s.folder.display().to_string(),
            "reason": s.reason.1,
        })).collect::<Vec<_>>(),
    });
    println!(
        "{}",
        serde_json::to_string_pretty(&value).unwrap_or_default()
    );
}

fn scan_office(args: &ScanArgs, lang: Lang) -> Result<Outcome, crate::Error> {
    if !args.root.is_dir() {
        return Err(crate::Error::Read {
            path: args.root.clone(),
            source: std::io::ErrorKind::NotFound.into(),
        });
    }
    let limits = Limits::default();
    let found = scan::scan(&args.root, args.min_chars, &limits)?;
    let mut names = BTreeMap::new();
    for spec in &args.name {
        let parsed = spec
            .split_once('=')
            .and_then(|(n, name)| Some((n.trim().parse::<usize>().ok()?, name.trim())));
        match parsed {
            Some((n, name)) if found.proposals.iter().any(|p| p.number == n) => {
                names.insert(n, name.to_string());
            }
            _ => {
                return Err(input_error(
                    lang,
                    format!(
                        "--name {spec}: 「候補の番号=名前」で指定してください（候補は 1〜{}）",
                        found.proposals.len()
                    ),
                    format!(
                        "--name {spec}: write NUMBER=NAME (proposals 1–{})",
                        found.proposals.len()
                    ),
                ));
            }
        }
    }
    if let Some(n) = args
        .only
        .iter()
        .find(|n| !found.proposals.iter().any(|p| p.number == **n))
    {
        return Err(input_error(
            lang,
            format!(
                "--only {n}: その番号の候補はありません（候補は 1〜{}）",
                found.proposals.len()
            ),
            format!(
                "--only {n}: there is no such proposal (1–{})",
                found.proposals.len()
            ),
        ));
    }
    print_scan(&found, &names, args, lang);
    if !args.convert {
        return Ok(Outcome::Clean);
    }
    let chosen: Vec<&scan::Proposal> = found
        .proposals
        .iter()
        .filter(|p| args.only.is_empty() || args.only.contains(&p.number))
        .collect();
    if chosen.is_empty() {
        eprintln!(
            "{}",
            ja(
                lang,
                "共通テキストにする記載はありません".into(),
                "nothing to convert".into()
            )
        );
        return Ok(Outcome::Clean);
    }
    match scan::convert(&found, &chosen, &names, &args.file, &limits)? {
        Ok(done) => {
            if let Some(file) = &done.library_file {
                eprintln!(
                    "{}",
                    ja(
                        lang,
                        format!(
                            "{} に共通テキスト {} 件を書きました: {}",
                            file.display(),
                            done.entries.len(),
                            done.entries.join("、")
                        ),
                        format!(
                            "wrote {} common text(s) to {}: {}",
                            done.entries.len(),
                            file.display(),
                            done.entries.join(", ")
                        ),
                    )
                );
            }
            for (document, count) in &done.documents {
                eprintln!(
                    "{}",
                    ja(
                        lang,
                        format!(
                            "  {}: {count} 箇所を共通テキストの参照にしました",
                            document.display()
                        ),
                        format!(
                            "  {}: {count} value(s) now use common texts",
                            document.display()
                        ),
                    )
                );
            }
            eprintln!(
                "{}",
                ja(
                    lang,
                    "どの評価書も出力は変わりません（書き込む前に読み直して確かめました）。".into(),
                    "every document's output is unchanged (checked by reading them back before writing).".into(),
                )
            );
            Ok(Outcome::Clean)
        }
        Err(scan::Refusal::Name(name)) => Err(input_error(
            lang,
            format!(
                "共通テキストの名前「{name}」は使えません（空、重複、または既にあります）。--name で別の名前を付けてください"
            ),
            format!(
                "the name `{name}` cannot be used (empty, given twice, or taken); give another with --name"
            ),
        )),
        Err(scan::Refusal::Changed(file)) => Err(input_error(
            lang,
            format!(
                "{} の出力が変わってしまうため、何も書き込みませんでした",
                file.display()
            ),
            format!(
                "{} would not read back the same, so nothing was written",
                file.display()
            ),
        )),
    }
}

fn print_scan(found: &scan::Scan, names: &BTreeMap<usize, String>, args: &ScanArgs, lang: Lang) {
    let mut out = ja(
        lang,
        format!(
            "{} の評価書 {} 件で、{} 字以上の同じ記載: {} 件\n",
            args.root.display(),
            found.documents,
            args.min_chars,
            found.proposals.len()
        ),
        format!(
            "{} document(s) under {}, texts of {}+ characters written alike: {}\n",
            found.documents,
            args.root.display(),
            args.min_chars,
            found.proposals.len()
        ),
    );
    let preview = |text: &str| {
        let first = text.lines().next().unwrap_or_default();
        let short: String = first.chars().take(40).collect();
        let more = if first.chars().count() > 40 || text.contains('\n') {
            "…"
        } else {
            ""
        };
        format!(
            "「{short}{more}」（{} 行、{} 字）",
            text.lines().count(),
            text.chars().count()
        )
    };
    for p in &found.proposals {
        let name = names.get(&p.number).unwrap_or(&p.name);
        let what = if p.existing {
            ja(
                lang,
                "既にある共通テキスト".into(),
                "an existing common text".into(),
            )
        } else {
            ja(
                lang,
                "新しい共通テキスト".into(),
                "a new common text".into(),
            )
        };
        out.push_str(&format!(
            "\n{}. {name}（{what}、{}）\n   {}\n",
            p.number,
            ja(
                lang,
                format!("{} 件の評価書", p.documents()),
                format!("{} document(s)", p.documents())
            ),
            preview(&p.text)
        ));
        for o in &p.occurrences {
            out.push_str(&format!(
                "   {}:{}:{}  {}\n",
                o.document.display(),
                o.value.start.line,
                o.value.start.col,
                o.label
            ));
        }
    }
    if !found.near.is_empty() {
        out.push_str(&ja(
            lang,
            "\n空白・改行だけが違う記載（そろえてから scan し直すと共通テキストにできます）:\n"
                .into(),
            "\ntexts alike but for spaces and line breaks (make them the same, then scan again):\n"
                .into(),
        ));
        for near in &found.near {
            for (i, (text, places)) in near.variants.iter().enumerate() {
                let marker = if i == 0 { "-" } else { " " };
                out.push_str(&format!("  {marker} {}\n", preview(text)));
                for o in places {
                    out.push_str(&format!(
                        "      {}:{}:{}  {}\n",
                        o.document.display(),
                        o.value.start.line,
                        o.value.start.col,
                        o.label
                    ));
                }
            }
        }
    }
    for folder in &found.skipped {
        out.push_str(&ja(
            lang,
            format!(
                "\n{} はエラーがあるため読みませんでした（hyoka validate で確認してください）\n",
                folder.display()
            ),
            format!(
                "\n{} was not read: it has errors (see hyoka validate)\n",
                folder.display()
            ),
        ));
    }
    if !args.convert && !found.proposals.is_empty() {
        out.push_str(&ja(
            lang,
            "\n共通テキストにするには --convert を付けます（--only 1,3 で選ぶ、--name 1=名前 で名前を付ける）。出力は変わりません。\n".into(),
            "\nadd --convert to make them common texts (--only 1,3 to choose, --name 1=NAME to name one); no output changes.\n".into(),
        ));
    }
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(out.as_bytes())
        .and_then(|_| stdout.flush());
}
