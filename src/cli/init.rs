//! `hyoka init NAME [--from PATH] [--root DIR]`

use std::path::{Path, PathBuf};

use super::Outcome;
use crate::diag::Lang;
use crate::init::{Created, SchemaRef, Start};

/// Shown after the options by `--help`.
pub const EXAMPLES: &str = "Examples:
  hyoka init kokuho-2025                                 creates assessments/kokuho-2025/
  hyoka init kokuho-2026 --from assessments/kokuho-2025
  hyoka init draft --root work                           creates work/draft/";

/// Arguments of `hyoka init`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The new assessment's folder name (a plain name: no `/`, no leading dot).
    pub name: String,
    /// Start from this assessment (its folder or assessment.yaml) instead of the empty form;
    /// only the document is copied, not its versions/ or changes.yaml.
    #[arg(long, value_name = "PATH")]
    pub from: Option<PathBuf>,
    /// The folder that holds assessment folders.
    #[arg(long, value_name = "DIR", default_value = "assessments")]
    pub root: PathBuf,
}

/// Creates the folder and prints what was made and what to do next.
pub fn run(args: &Args, lang: Lang) -> Result<Outcome, crate::Error> {
    let start = match &args.from {
        Some(path) => Start::From(path),
        None => Start::Skeleton(crate::form::EDITIONS[0]),
    };
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let created = crate::init::create(&args.root, &args.name, start, &cwd, lang)?;
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
    let document = created.folder.join(crate::load::DOCUMENT_FILE);
    let document = document.display();
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
