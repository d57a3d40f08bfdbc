//! `hyoka serve`: a local web preview of the assessments under a folder, for officers and
//! reviewers, that follows the files as they are saved.
//!
//! A small synchronous server: `std::net` with one thread per connection and one request per
//! connection. Pages are few and local, so this needs no async runtime and no HTTP crate; a
//! long-poll for live reload holds a thread, and the number of open connections is bounded.
//!
//! - [`http`]: reading a request, writing a response, the `Host` guard;
//! - [`routes`]: the known routes and their security headers;
//! - [`guard`]: the token and same-origin check of every request that writes;
//! - [`cache`]: validation and rendering once per change of the files;
//! - [`watch`]: the polling watcher every open page waits on;
//! - [`editor`]: the editing page and its saves (through [`crate::edit`]), with [`common`]
//!   for the office's common texts;
//! - [`revision`]: keeping a version and recording the change table from the pages;
//! - [`pages`], [`text`], [`templates`]: what the pages show, their words, their templates.

pub mod cache;
pub mod common;
pub mod editor;
pub mod guard;
pub mod http;
pub mod pages;
pub mod revision;
pub mod routes;
pub mod templates;
pub mod text;
pub mod watch;

use std::net::{IpAddr, SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::Error;
use crate::diag::Lang;
use crate::render::Templates;

/// The folder of an assessment that holds its published snapshots.
pub const VERSIONS: &str = "versions";

/// At most this many connections are served at once; more are refused with 503, so a client
/// opening connections in a loop cannot exhaust the machine's threads.
const MAX_CONNECTIONS: usize = 64;

/// What `hyoka serve` was asked for.
#[derive(Debug, Clone)]
pub struct Config {
    /// The folder holding the assessment folders.
    pub root: PathBuf,
    /// The address to listen on.
    pub bind: IpAddr,
    /// The port (0: any free one).
    pub port: u16,
    /// A folder of template overrides, for the document and the pages.
    pub templates: Option<PathBuf>,
    /// The language of the pages and the messages.
    pub lang: Lang,
    /// Editing off: the pages only show, and every request that would write is refused.
    pub read_only: bool,
}

/// Everything a request may need, shared by all connection threads.
#[derive(Debug)]
pub struct State {
    /// ROOT as given.
    pub root: PathBuf,
    /// The address actually bound (with the port picked when 0 was asked).
    pub bound: SocketAddr,
    /// The pages' language.
    pub lang: Lang,
    /// Rendered results.
    pub cache: cache::Cache,
    /// The page templates.
    pub pages: templates::Pages,
    /// Change detection.
    pub watcher: Arc<watch::Watcher>,
    /// The token the editing pages carry; every request that writes must send it back.
    pub token: String,
    /// Editing off (`--read-only`).
    pub read_only: bool,
    /// Held while a request writes, so that writes never interleave.
    pub writing: Mutex<()>,
}

/// The name of an assessment folder under `root`: its relative path with `/` separators, when
/// it is below `root` and every part is plain UTF-8 (`None` for `root` itself).
pub fn name_of(root: &Path, folder: &Path) -> Option<String> {
    let relative = folder.strip_prefix(root).ok()?;
    let parts = relative
        .components()
        .map(|c| match c {
            Component::Normal(part) => part.to_str(),
            _ => None,
        })
        .collect::<Option<Vec<_>>>()?;
    (!parts.is_empty()).then(|| parts.join("/"))
}

impl State {
    /// The names of the assessments under ROOT now, sorted.
    pub fn names(&self) -> Vec<String> {
        crate::build::find_assessments(&self.root)
            .unwrap_or_default()
            .iter()
            .filter_map(|f| name_of(&self.root, f))
            .collect()
    }

    /// The stems of the snapshots `versions/*.yaml` of an assessment, newest first. Snapshots
    /// are named by date (`2024-05-27.yaml`), so the names sort by age; only regular files
    /// count, not links.
    pub fn snapshots(&self, name: &str) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(self.root.join(name).join(VERSIONS)) else {
            return Vec::new();
        };
        let mut stems: Vec<String> = entries
            .flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .filter_map(|e| {
                let file = e.file_name().to_str()?.to_string();
                let stem = file.strip_suffix(".yaml")?;
                // A 基礎項目評価書 kept beside a version is part of that version.
                let own = !crate::load::pair::is_basic_file(&file);
                (own && !stem.is_empty() && !stem.starts_with('.')).then(|| stem.to_string())
            })
            .collect();
        stems.sort_by(|a, b| b.cmp(a));
        stems
    }
}

/// A bound server, ready to run.
#[derive(Debug)]
pub struct Server {
    listener: TcpListener,
    state: Arc<State>,
}

impl Server {
    /// Reads the templates, binds the address and starts the watcher.
    pub fn bind(config: &Config) -> Result<Server, Error> {
        let overrides = match &config.templates {
            Some(dir) => Some(dir.canonicalize().map_err(|source| Error::Read {
                path: dir.clone(),
                source,
            })?),
            None => None,
        };
        let templates = match &overrides {
            Some(dir) => Templates::with_overrides(dir)?,
            None => Templates::default(),
        };
        let pages = templates::Pages::load(overrides.as_deref())?;
        let wanted = SocketAddr::new(config.bind, config.port);
        let listener = TcpListener::bind(wanted).map_err(|source| Error::Listen {
            address: wanted.to_string(),
            source,
        })?;
        let bound = listener.local_addr().map_err(|source| Error::Listen {
            address: wanted.to_string(),
            source,
        })?;
        let state = State {
            root: config.root.clone(),
            bound,
            lang: config.lang,
            cache: cache::Cache::new(config.root.clone(), templates),
            pages,
            watcher: watch::Watcher::start(config.root.clone()),
            token: guard::new_token(),
            read_only: config.read_only,
            writing: Mutex::new(()),
        };
        Ok(Server {
            listener,
            state: Arc::new(state),
        })
    }

    /// The URL to open: the bound address, or the loopback one when bound to every interface.
    pub fn url(&self) -> String {
        let bound = self.state.bound;
        let ip = match bound.ip() {
            IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::from([127, 0, 0, 1]),
            IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::from([0, 0, 0, 0, 0, 0, 0, 1]),
            ip => ip,
        };
        format!("http://{}/", SocketAddr::new(ip, bound.port()))
    }

    /// Serves until the process is stopped: one thread per connection.
    pub fn run(self) -> Result<(), Error> {
        let active = Arc::new(AtomicUsize::new(0));
        for stream in self.listener.incoming() {
            let Ok(stream) = stream else {
                continue; // A connection that failed before it was accepted.
            };
            let state = Arc::clone(&self.state);
            let active = Arc::clone(&active);
            if active.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
                active.fetch_sub(1, Ordering::SeqCst);
                refuse(stream);
                continue;
            }
            // A request may compile a PDF, which needs a deep stack.
            let spawned = std::thread::Builder::new()
                .stack_size(crate::render::RENDER_STACK)
                .spawn({
                    let active = Arc::clone(&active);
                    move || {
                        serve_one(&state, stream);
                        active.fetch_sub(1, Ordering::SeqCst);
                    }
                });
            if spawned.is_err() {
                active.fetch_sub(1, Ordering::SeqCst);
            }
        }
        Ok(())
    }
}

fn refuse(mut stream: TcpStream) {
    let busy = http::Response::new(503, "text/plain; charset=utf-8", b"busy\n".to_vec())
        .header("Retry-After", "1");
    http::write_response(&mut stream, &busy, false);
}

/// Whether the client has closed its side (a waiting long-poll then ends early).
fn closed(stream: &TcpStream) -> bool {
    if stream.set_nonblocking(true).is_err() {
        return true;
    }
    let mut byte = [0u8; 1];
    let gone = match stream.peek(&mut byte) {
        Ok(0) => true,
        Ok(_) => false,
        Err(e) => e.kind() != std::io::ErrorKind::WouldBlock,
    };
    let _ = stream.set_nonblocking(false);
    gone
}

fn serve_one(state: &State, mut stream: TcpStream) {
    let _ = stream.set_read_timeout(Some(http::READ_TIMEOUT));
    let _ = stream.set_write_timeout(Some(Duration::from_secs(30)));
    let request = match http::read_request(&mut stream) {
        Ok(request) => request,
        Err(http::BadRequest::Gone) => return,
        Err(bad) => {
            let response = http::Response::new(
                bad.status(),
                "text/plain; charset=utf-8",
                b"bad request\n".to_vec(),
            );
            http::write_response(&mut stream, &response, false);
            return;
        }
    };
    let response = routes::handle(state, &request, &mut || closed(&stream));
    http::write_response(&mut stream, &response, request.method == "HEAD");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_plain_relative_paths() {
        let root = Path::new("/r");
        assert_eq!(name_of(root, Path::new("/r/a/b")).as_deref(), Some("a/b"));
        assert_eq!(name_of(root, Path::new("/r")), None);
        assert_eq!(name_of(root, Path::new("/elsewhere/a")), None);
    }
}
