//! `hyoka snapshot PATH [--name NAME]`

use std::path::PathBuf;

use super::Outcome;
use crate::diag::Lang;

/// Shown after the options by `--help`.
pub const EXAMPLES: &str = "Examples:
  hyoka snapshot assessments/kokuho-2025
  hyoka snapshot assessments/kokuho-2025 --name 2025-03-04-公表
  hyoka diff assessments/kokuho-2025/versions/2025-03-04-公表.yaml assessments/kokuho-2025";

/// Arguments of `hyoka snapshot`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The assessment folder (or its assessment.yaml).
    pub path: PathBuf,
    /// The version's name, saved as versions/<NAME>.yaml [default: today's date, 2026-11-28;
    /// then 2026-11-28-2 … when that is taken].
    #[arg(long)]
    pub name: Option<String>,
}

/// Saves the version and prints how to compare against it.
pub fn run(args: &Args, lang: Lang) -> Result<Outcome, crate::Error> {
    let today = crate::snapshot::today();
    let saved = crate::snapshot::save(&args.path, args.name.as_deref(), &today)?;
    let folder = crate::snapshot::folder_of(&args.path)?;
    let folder = folder.display();
    let Some(first) = saved.first() else {
        return Ok(Outcome::Clean);
    };
    let first = first.display();
    let is_basic = |p: &&std::path::PathBuf| {
        p.file_name()
            .is_some_and(|n| crate::load::pair::is_basic_file(&n.to_string_lossy()))
    };
    if let Some(basic) = saved.iter().skip(1).find(is_basic) {
        let basic = basic.display();
        match lang {
            Lang::Ja => {
                println!("{first} に assessment.yaml を、{basic} に kiso.yaml を保存しました。")
            }
            Lang::En => println!("saved assessment.yaml as {first} and kiso.yaml as {basic}"),
        }
    } else {
        match lang {
            Lang::Ja => println!("{first} に assessment.yaml を保存しました。"),
            Lang::En => println!("saved assessment.yaml as {first}"),
        }
    }
    // The common texts kept with it (the last file, when it is neither document).
    if let Some(kept) = saved.iter().skip(1).find(|p| !is_basic(p)) {
        let kept = kept.display();
        match lang {
            Lang::Ja => println!("この版が使う共通テキストを {kept} に保存しました。"),
            Lang::En => println!("kept the common texts this version uses in {kept}"),
        }
    }
    match lang {
        Lang::Ja => print!(
            "比較: hyoka diff {first} {folder}\n赤字版: hyoka render {folder} --redline {first}\n"
        ),
        Lang::En => print!(
            "compare: hyoka diff {first} {folder}\nredline: hyoka render {folder} --redline {first}\n"
        ),
    }
    Ok(Outcome::Clean)
}
