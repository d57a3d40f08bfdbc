//! `hyoka init NAME [--from PATH] [--root DIR]`

use std::path::{Path, PathBuf};

use clap::CommandFactory as _;

use super::{Cli, Outcome};
use crate::diag::Lang;
use crate::init::{Created, SchemaRef, Start};

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
    let (preview, preview_note) = preview_command(lang);
    out.push_str(&if ja {
        format!(
            "次の手順:\n  1. {document} を編集する（各項目の上のコメントに項目名と書き方があります）\n  2. hyoka validate {folder}   空欄や誤りを一覧します\n  3. hyoka {preview} {folder}   {preview_note}\n"
        )
    } else {
        format!(
            "next steps:\n  1. edit {document} (the comment above each item gives its label and what it takes)\n  2. hyoka validate {folder}   lists what is empty or wrong\n  3. hyoka {preview} {folder}   {preview_note}\n"
        )
    });
    out
}

/// The command that shows the document while it is written: `serve` where this build has it,
/// else `watch`.
fn preview_command(lang: Lang) -> (&'static str, &'static str) {
    let has_serve = Cli::command().find_subcommand("serve").is_some();
    match (has_serve, lang) {
        (true, Lang::Ja) => ("serve", "ブラウザで確かめながら書けます"),
        (true, Lang::En) => ("serve", "shows it in a browser while you write"),
        (false, Lang::Ja) => ("watch", "保存するたびに HTML と PDF を出力します"),
        (false, Lang::En) => ("watch", "renders HTML and PDF on every save"),
    }
}
