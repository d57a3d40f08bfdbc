//! `hyoka serve [ROOT] [--port N] [--bind ADDR] [--templates DIR] [--read-only]`: the local
//! web preview and editor.

use std::io::Write as _;
use std::net::IpAddr;
use std::path::PathBuf;

use super::Outcome;
use crate::diag::Lang;
use crate::load::DOCUMENT_FILE;
use crate::serve::{Config, Server};

/// Shown after the options by `--help`.
pub const EXAMPLES: &str = "Examples:
  hyoka serve                             then open http://127.0.0.1:8080/
  hyoka serve assessments --port 0        a free port, printed on the first line
  hyoka serve assessments --read-only     preview and review only, no editing
  hyoka --lang en serve assessments --port 8000 --templates my-templates";

/// Arguments of `hyoka serve`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder holding the assessment folders.
    #[arg(default_value = "assessments")]
    pub root: PathBuf,
    /// The port to listen on; 0 picks a free one (the URL printed says which).
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// The address to listen on. Keep the default, this machine only, unless others must see
    /// the preview: there is no login.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: IpAddr,
    /// A folder whose files replace the built-in templates of the same name (the document's
    /// and the pages' serve/*.html.tera, serve/style.css, serve/reload.js, serve/edit.js).
    #[arg(long)]
    pub templates: Option<PathBuf>,
    /// Show only: no editing page, no version kept, nothing recorded (every request that
    /// would write a file is refused).
    #[arg(long)]
    pub read_only: bool,
}

/// Binds, prints the URL as the first line of standard output, and serves until interrupted.
pub fn run(args: &Args, lang: Lang) -> Result<Outcome, crate::Error> {
    if !args.root.is_dir() {
        return Err(crate::Error::Read {
            path: args.root.clone(),
            source: std::io::ErrorKind::NotFound.into(),
        });
    }
    if args.root.join(DOCUMENT_FILE).is_file() {
        // Assessments are addressed by their folder's name under ROOT, so ROOT is their parent.
        let parent = args
            .root
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(std::path::Path::new("."));
        return Err(crate::Error::Input(match lang {
            Lang::Ja => format!(
                "{} は評価書のフォルダです。その親フォルダを指定してください: hyoka serve {}",
                args.root.display(),
                parent.display()
            ),
            Lang::En => format!(
                "{} is an assessment folder; give the folder holding it: hyoka serve {}",
                args.root.display(),
                parent.display()
            ),
        }));
    }
    let server = Server::bind(&Config {
        root: args.root.clone(),
        bind: args.bind,
        port: args.port,
        templates: args.templates.clone(),
        lang,
        read_only: args.read_only,
    })?;
    let url = server.url();
    let mut stdout = std::io::stdout().lock();
    // The first line is the URL alone, for scripts and tests that start the server.
    let _ = writeln!(stdout, "{url}").and_then(|_| stdout.flush());
    drop(stdout);
    eprintln!(
        "{}",
        match lang {
            Lang::Ja => format!(
                "{} の評価書を {url} で表示しています（Ctrl+C で終了）",
                args.root.display()
            ),
            Lang::En => format!(
                "serving the assessments under {} at {url} (Ctrl+C to stop)",
                args.root.display()
            ),
        }
    );
    server.run()?;
    Ok(Outcome::Clean)
}
