//! `hyoka init NAME [--form 重点|基礎] [--from PATH] [--root DIR]`, `hyoka init --kiso-for FOLDER`

use std::path::{Path, PathBuf};

use super::Outcome;
use crate::diag::Lang;
use crate::init::{Created, Documents, SchemaRef, Start};

/// Shown after the options by `--help`.
pub const EXAMPLES: &str = "Examples:
  hyoka init kokuho-2025                       assessments/kokuho-2025/: 重点項目評価書 and its 基礎項目評価書
  hyoka init jidou-teate --form 基礎           a 基礎項目評価書 alone (below the thresholds)
  hyoka init kokuho-2026 --from assessments/kokuho-2025
  hyoka init --kiso-for assessments/old-juten  add the 基礎項目評価書 to an existing 重点項目評価書
  hyoka init draft --root work                 creates work/draft/";

/// Which documents `--form` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormArg {
    /// 重点項目評価書 (様式３, assessment.yaml) with its 基礎項目評価書 (様式２, kiso.yaml).
    #[value(name = "重点", alias = "juten", alias = "key")]
    Juten,
    /// 基礎項目評価書 (様式２) alone, in assessment.yaml.
    #[value(name = "基礎", alias = "kiso", alias = "basic")]
    Kiso,
}

/// Arguments of `hyoka init`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The new assessment's folder name (a plain name: no `/`, no leading dot).
    #[arg(required_unless_present = "kiso_for")]
    pub name: Option<String>,
    /// The documents the しきい値判断 asks for (see hyoka threshold): 重点 makes a
    /// 重点項目評価書 with its 基礎項目評価書, 基礎 a 基礎項目評価書 alone.
    #[arg(long, value_enum, default_value_t = FormArg::Juten, conflicts_with = "from")]
    pub form: FormArg,
    /// Start from this assessment (its folder or assessment.yaml) instead of the empty form;
    /// only its documents are copied (assessment.yaml and kiso.yaml), not its versions/ or
    /// change tables.
    #[arg(long, value_name = "PATH")]
    pub from: Option<PathBuf>,
    /// The folder that holds assessment folders.
    #[arg(long, value_name = "DIR", default_value = "assessments")]
    pub root: PathBuf,
    /// Add the 基礎項目評価書 (kiso.yaml, kiso-changes.yaml) to this existing 重点項目評価書's
    /// folder instead of creating a folder.
    #[arg(long, value_name = "FOLDER", conflicts_with_all = ["name", "from"])]
    pub kiso_for: Option<PathBuf>,
}

/// Creates the folder and prints what was made and what to do next.
pub fn run(args: &Args, lang: Lang) -> Result<Outcome, crate::Error> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    if let Some(folder) = &args.kiso_for {
        let files = crate::init::add_basic(folder, &cwd, lang)?;
        let ja = lang == Lang::Ja;
        println!(
            "{}",
            if ja {
                format!("{} に基礎項目評価書を追加しました:", folder.display())
            } else {
                format!("added the 基礎項目評価書 to {}:", folder.display())
            }
        );
        for file in &files {
            println!("  {}", file.display());
        }
        println!(
            "{}",
            if ja {
                format!(
                    "次の手順: {} の空欄を記入し、hyoka validate {} で確かめてください。",
                    folder.join(crate::load::BASIC_FILE).display(),
                    folder.display()
                )
            } else {
                format!(
                    "next: fill in {} and run hyoka validate {}.",
                    folder.join(crate::load::BASIC_FILE).display(),
                    folder.display()
                )
            }
        );
        return Ok(Outcome::Clean);
    }
    let start = match &args.from {
        Some(path) => Start::From(path),
        None => Start::Skeleton(match args.form {
            FormArg::Juten => Documents::KeyWithBasic,
            FormArg::Kiso => Documents::Basic,
        }),
    };
    let name = args.name.as_deref().unwrap_or_default();
    let created = crate::init::create(&args.root, name, start, &cwd, lang)?;
    print!("{}", report(&created, args.from.as_deref(), lang));
    Ok(Outcome::Clean)
}

/// What was made, where the schema is, and the next steps.
fn report(created: &Created, from: Option<&Path>, lang: Lang) -> String {
    let folder = created.folder.display();
    let ja = lang == Lang::Ja;
    let mut out = if ja {
        format!("{folder} を作成しました:\n")
    } else {
        format!("created {folder}:\n")
    };
    for file in &created.files {
        out.push_str(&format!("  {}\n", file.display()));
    }
    if let Some(from) = from {
        out.push_str(&if ja {
            format!(
                "assessment.yaml は {} の写しです（versions/ と changes.yaml の履歴は引き継いでいません）。\n",
                from.display()
            )
        } else {
            format!(
                "assessment.yaml is a copy of {} (its versions/ and changes.yaml history are not copied).\n",
                from.display()
            )
        });
    }
    out.push_str(&match (&created.schema, ja) {
        (SchemaRef::Project(path), true) => {
            format!("1行目でプロジェクトのスキーマ {path} を指定しています。\n")
        }
        (SchemaRef::Project(path), false) => {
            format!("the first line names the project's schema, {path}.\n")
        }
        (SchemaRef::Beside, true) => format!(
            "プロジェクトに {} がないため、スキーマをフォルダ内に書きました（hyoka schema で更新できます）。\n",
            crate::init::PROJECT_SCHEMA
        ),
        (SchemaRef::Beside, false) => format!(
            "no {} in this project, so the schema was written into the folder (hyoka schema refreshes it).\n",
            crate::init::PROJECT_SCHEMA
        ),
    });
    let mut document = created
        .folder
        .join(crate::load::DOCUMENT_FILE)
        .display()
        .to_string();
    let basic = created.folder.join(crate::load::BASIC_FILE);
    if created.files.contains(&basic) {
        document.push_str(if ja { " と " } else { " and " });
        document.push_str(&basic.display().to_string());
    }
    // serve takes the folder that holds assessments, not the assessment itself.
    let root = created.folder.parent().unwrap_or(&created.folder).display();
    // A copy has the other document's values and comments, not the skeleton's hints.
    let (edit_ja, edit_en, check_ja, check_en) = match from {
        None => (
            "を編集する（各項目の上のコメントに項目名と書き方があります）",
            "(the comment above each item gives its label and what it takes)",
            "空欄や誤りを一覧します",
            "lists what is empty or wrong",
        ),
        Some(_) => (
            "の写した値を、この評価書の内容に書き換える（公表日や評価書番号も。書き方は hyoka init で作る雛形のコメントにあります）",
            "(replace the copied values with this assessment's, 公表日 and 評価書番号 included; a skeleton made by hyoka init explains each item)",
            "誤りを一覧します（写した直後は元の評価書と同じ結果です）",
            "lists what is wrong (right after copying, as for the original)",
        ),
    };
    out.push_str(&if ja {
        format!(
            "次の手順:\n  1. {document} {edit_ja}\n  2. hyoka validate {folder}   {check_ja}\n  3. hyoka serve {root}   ブラウザで確かめながら書けます（保存すると表示が更新されます）\n"
        )
    } else {
        format!(
            "next steps:\n  1. edit {document} {edit_en}\n  2. hyoka validate {folder}   {check_en}\n  3. hyoka serve {root}   shows it in a browser while you write (the page follows each save)\n"
        )
    });
    out
}
