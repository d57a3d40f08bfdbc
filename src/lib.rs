//! hyoka: 特定個人情報保護評価書 (Specific Personal Information Protection Assessment) as YAML.
//!
//! The pipeline, one module per stage:
//! [`load`] (YAML with spans → [`load::Document`]) → [`validate`] (diagnostics) →
//! [`layout`] → [`render`], and [`diff`] between versions; [`serve`] shows all of it in a
//! browser. [`form`] is the single definition of the official form that every stage reads;
//! [`diag`] holds diagnostics and their rendering; [`schema`] derives the JSON Schema from the
//! form; [`regime`] holds the rules around the document (しきい値判断, periodic duties) as data;
//! [`common_texts`] is an office's library of texts written once for all its assessments.

pub mod build;
pub mod cli;
pub mod common_texts;
pub mod diag;
pub mod diff;
pub mod edit;
pub mod form;
pub mod init;
pub mod layout;
pub mod load;
pub mod output;
pub mod regime;
pub mod render;
pub mod schema;
pub mod serve;
pub mod skeleton;
pub mod snapshot;
pub mod validate;

use std::path::PathBuf;

use diag::Lang;

/// A failure of hyoka itself (I/O, usage), as opposed to a problem in the user's document,
/// which is a [`diag::Diagnostic`].
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A template could not be used.
    #[error("template {path}: {message}")]
    Template {
        /// The template's name or path.
        path: PathBuf,
        /// What went wrong (tera's or Typst's message).
        message: String,
    },
    /// The change table could not be recorded.
    #[error("cannot record into {path}: {message}")]
    Record {
        /// The `changes.yaml`.
        path: PathBuf,
        /// Why.
        message: String,
    },
    /// A version could not be read from git.
    #[error("cannot read {spec} from git: {message}")]
    Git {
        /// The `REV:PATH` given.
        spec: String,
        /// git's message.
        message: String,
    },
    /// The input cannot be used (for example, a document with errors given to `diff`).
    #[error("{0}")]
    Input(String),
    /// A file could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A file or folder to be created exists already; hyoka never overwrites one.
    #[error("{path} already exists; hyoka does not overwrite it (choose another name)")]
    Exists {
        /// What exists.
        path: PathBuf,
    },
    /// A name given for a new folder or version is not a plain name.
    #[error("`{name}` is not a plain name: {}", problem_en(*problem))]
    Name {
        /// The name as given.
        name: String,
        /// What is wrong with it.
        problem: init::NameProblem,
    },
    /// A path that should name an assessment (a folder, or its `assessment.yaml`) does not.
    #[error("{path} is not an assessment: give its folder or its assessment.yaml")]
    NotAnAssessment {
        /// The path given.
        path: PathBuf,
    },
    /// `serve` could not listen on its address (in use, not this machine's, not allowed).
    #[error("cannot listen on {address}: {source}")]
    Listen {
        /// The address and port asked for.
        address: String,
        /// The cause.
        source: std::io::Error,
    },
}

fn problem_en(problem: init::NameProblem) -> &'static str {
    use init::NameProblem::*;
    match problem {
        Empty => "it is empty",
        Separator => "it contains a path separator (/, \\ or :)",
        LeadingDot => "it starts with a dot",
        Control => "it contains a control character",
    }
}

fn problem_ja(problem: init::NameProblem) -> &'static str {
    use init::NameProblem::*;
    match problem {
        Empty => "空です",
        Separator => "区切り文字（/、\\、:）を含んでいます",
        LeadingDot => "ドットで始まっています",
        Control => "制御文字を含んでいます",
    }
}

impl Error {
    /// The message in the chosen language. The system's own words (an I/O error's text, a
    /// template engine's message) are quoted as they come.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Error::Read { path, source }, Lang::Ja) => {
                format!("{} を読めません: {source}", path.display())
            }
            (Error::Write { path, source }, Lang::Ja) => {
                format!("{} に書き込めません: {source}", path.display())
            }
            (Error::Template { path, message }, Lang::Ja) => {
                format!("テンプレート {} を使えません: {message}", path.display())
            }
            (Error::Record { path, message }, Lang::Ja) => {
                format!("{} に記録できません: {message}", path.display())
            }
            (Error::Git { spec, message }, Lang::Ja) => {
                format!("{spec} を git から読めません: {message}")
            }
            // The port is taken (another hyoka serve, say): a free one is a flag away.
            (Error::Listen { address, source }, Lang::Ja)
                if source.kind() == std::io::ErrorKind::AddrInUse =>
            {
                format!(
                    "{address} は他のプログラムが使用中です。hyoka serve --port 0 で空いているポートを使えます（1行目に表示されるアドレスを開いてください）"
                )
            }
            (Error::Listen { address, source }, Lang::En)
                if source.kind() == std::io::ErrorKind::AddrInUse =>
            {
                format!(
                    "{address} is already in use; hyoka serve --port 0 picks a free port (the URL printed on the first line says which)"
                )
            }
            (Error::Listen { address, source }, Lang::Ja) => {
                format!("{address} で待ち受けできません: {source}")
            }
            (Error::Exists { path }, Lang::Ja) => format!(
                "{} は既にあります。上書きはしません（別の名前を指定してください）",
                path.display()
            ),
            (Error::Name { name, problem }, Lang::Ja) => format!(
                "「{name}」はフォルダ名・ファイル名として使えません: {}",
                problem_ja(*problem)
            ),
            (Error::NotAnAssessment { path }, Lang::Ja) => format!(
                "{} は評価書ではありません。評価書のフォルダか assessment.yaml を指定してください",
                path.display()
            ),
            _ => self.to_string(),
        }
    }
}

/// Loads and validates an assessment folder or file with the default limits.
pub fn check(path: &std::path::Path) -> Result<load::Assessment, Error> {
    let mut assessment = load::load(path, &load::Limits::default())?;
    validate::validate(&mut assessment);
    Ok(assessment)
}
