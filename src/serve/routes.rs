//! Routing: a request → a response, for the known routes only.
//!
//! An assessment is addressed by its folder's name under ROOT, and a name is only ever looked
//! up among the folders `find_assessments` found, never joined onto a path as given; the same
//! holds for snapshots (`?from=` must name a file found in `versions/`). So `..`, encoded
//! slashes or absolute paths in a URL can only ever give 404.

use std::time::Duration;

use super::State;
use super::cache::Review;
use super::http::{Request, Response, encode_path, host_allowed, percent_encode};
use super::pages::{
    Documents, ErrorView, IndexEntry, PreviewView, ReviewView, RevisionActions, href,
    title_of_document, with_query,
};
use super::text;
use super::watch::Scope;
use crate::Error;
use crate::form::Form;

/// The pages' policy: nothing inline, everything from this server, no framing by others.
pub const PAGE_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self'; connect-src 'self'; frame-src 'self'; form-action 'self'; \
     base-uri 'none'; frame-ancestors 'none'";
/// The rendered document's policy: its own inline stylesheet and nothing else — no script at
/// all (sandboxed), framed only by the preview. `allow-same-origin` lets the preview size the
/// frame to the document's height.
pub const DOCUMENT_CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; \
     base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox allow-same-origin";

/// How long a live-reload request waits for a change before answering "no change".
const WAIT: Duration = Duration::from_secs(25);

const HTML: &str = "text/html; charset=utf-8";
const TEXT: &str = "text/plain; charset=utf-8";

fn page(status: u16, body: String) -> Response {
    Response::new(status, HTML, body.into_bytes()).header("Content-Security-Policy", PAGE_CSP)
}

fn plain(status: u16, body: &str) -> Response {
    Response::new(status, TEXT, body.as_bytes().to_vec())
        .header("Content-Security-Policy", "default-src 'none'")
}

fn document(bytes: &[u8]) -> Response {
    Response::new(200, HTML, bytes.to_vec()).header("Content-Security-Policy", DOCUMENT_CSP)
}

/// Answers one request. `gone` tells whether the client has left (for the long-poll).
pub fn handle(state: &State, request: &Request, gone: &mut dyn FnMut() -> bool) -> Response {
    if !matches!(request.method.as_str(), "GET" | "HEAD" | "POST") {
        return plain(405, "GET, HEAD or POST only\n").header("Allow", "GET, HEAD, POST");
    }
    let host_ok = request
        .host
        .as_deref()
        .is_some_and(|h| host_allowed(h, state.bound));
    if !host_ok {
        return plain(
            403,
            "hyoka serve answers only requests for its own address (Host: localhost or the bound address)\n",
        );
    }
    let routed = if request.method == "POST" {
        post(state, request)
    } else {
        route(state, request, gone)
    };
    match routed {
        Ok(response) => response,
        Err(e) => {
            eprintln!("hyoka serve: {} {}: {e}", request.method, request.path);
            error_page(state, 500, text::texts(state.lang).failed, e.to_string())
        }
    }
}

fn error_page(state: &State, status: u16, message: &str, detail: String) -> Response {
    let view = ErrorView::new(state.lang, status, message, detail);
    match state.pages.render("serve/error.html", &view) {
        Ok(body) => page(status, body),
        Err(e) => plain(status, &format!("{message}\n{e}\n")),
    }
}

fn not_found(state: &State) -> Response {
    error_page(state, 404, text::texts(state.lang).not_found, String::new())
}

fn route(
    state: &State,
    request: &Request,
    gone: &mut dyn FnMut() -> bool,
) -> Result<Response, Error> {
    let path = request.path.as_str();
    match path {
        "/" => return index(state),
        "/style.css" => {
            return Ok(Response::new(
                200,
                "text/css; charset=utf-8",
                state.pages.style.clone().into_bytes(),
            ));
        }
        "/reload.js" => {
            return Ok(Response::new(
                200,
                "text/javascript; charset=utf-8",
                state.pages.script.clone().into_bytes(),
            ));
        }
        "/edit.js" => {
            return Ok(Response::new(
                200,
                "text/javascript; charset=utf-8",
                state.pages.editor.clone().into_bytes(),
            ));
        }
        "/wait" => return Ok(wait(state, Scope::Index, request, gone)),
        // Browsers ask for it unprompted; answering "nothing" keeps their consoles clean.
        "/favicon.ico" => return Ok(Response::new(204, TEXT, Vec::new())),
        _ => {}
    }
    match assessment_of(state, path) {
        Some((name, None)) => {
            let location = format!("/a/{}/", encode_path(&name));
            Ok(plain(308, "").header("Location", location))
        }
        Some((name, Some(tail))) => assessment(state, &name, &tail, request, gone),
        None => Ok(not_found(state)),
    }
}

/// The assessment a path names, among the folders found under ROOT, and the rest of the path
/// after its `/` (`None`: the path is the folder itself, without its slash).
fn assessment_of(state: &State, path: &str) -> Option<(String, Option<String>)> {
    let rest = path.strip_prefix("/a/")?;
    let mut names = state.names();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    for name in names {
        if rest == name {
            return Some((name, None));
        }
        if let Some(tail) = rest
            .strip_prefix(name.as_str())
            .and_then(|t| t.strip_prefix('/'))
        {
            let tail = tail.to_string();
            return Some((name, Some(tail)));
        }
    }
    None
}

/// A request that writes: guarded first (editing on, same origin, the page's token, JSON),
/// then routed to the few things the pages may change. No request names a file: the file is
/// the served document's own, chosen by `?doc=` among the assessment's documents.
fn post(state: &State, request: &Request) -> Result<Response, Error> {
    if let Err(refused) = super::guard::check(request, &state.token, state.read_only) {
        return Ok(plain(403, refused.reason()));
    }
    let Some((name, Some(tail))) = assessment_of(state, &request.path) else {
        return Ok(plain(404, "no such assessment\n"));
    };
    let doc = request.param("doc");
    match tail.as_str() {
        "edit/save" => super::editor::save(state, &name, doc, &request.body, false),
        "edit/check" => super::editor::save(state, &name, doc, &request.body, true),
        "edit/block" => super::editor::block(state, &name, doc, &request.body),
        "snapshot" => {
            let query = doc.map(|d| format!("doc={d}")).unwrap_or_default();
            super::revision::snapshot(state, &name, &query)
        }
        "record" => {
            let checked = state.cache.checked(&name)?;
            let forms: Vec<Form> = checked
                .assessment
                .documents()
                .iter()
                .map(|(d, _)| d.edition.form)
                .collect();
            let form = match doc {
                None => forms.first().copied(),
                Some(tag) => forms.iter().copied().find(|f| f.file_tag() == tag),
            };
            match form {
                Some(form) => super::revision::record(state, &name, form, &request.body),
                None => Ok(plain(404, "no such document\n")),
            }
        }
        _ => Ok(plain(404, "no such action\n")),
    }
}

fn index(state: &State) -> Result<Response, Error> {
    let generation = state.watcher.generation(Scope::Index);
    let assessments = state
        .names()
        .iter()
        .map(|name| {
            let mut entry = match state.cache.checked(name) {
                Ok(c) => IndexEntry::new(name, Ok(&c.assessment)),
                Err(e) => IndexEntry::new(name, Err(e.to_string())),
            };
            if state.read_only {
                entry.edit = None;
            }
            entry
        })
        .collect();
    let t = text::texts(state.lang);
    let view = super::pages::IndexView {
        chrome: super::pages::Chrome {
            t,
            title: t.all_assessments.to_string(),
            wait: "/wait".into(),
            generation,
            nav: None,
        },
        root: state.root.display().to_string(),
        assessments,
    };
    Ok(page(200, state.pages.render("serve/index.html", &view)?))
}

fn assessment(
    state: &State,
    name: &str,
    tail: &str,
    request: &Request,
    gone: &mut dyn FnMut() -> bool,
) -> Result<Response, Error> {
    let generation = state.watcher.generation(Scope::Assessment(name));
    // The documents of the assessment, and the one `?doc=` asks for (the main one by default).
    let checked = state.cache.checked(name)?;
    let all: Vec<Form> = checked
        .assessment
        .documents()
        .iter()
        .map(|(d, _)| d.edition.form)
        .collect();
    let form = match request.param("doc") {
        None => all.first().copied().unwrap_or(Form::Key),
        Some(tag) => match all.iter().find(|f| f.file_tag() == tag) {
            Some(form) => *form,
            None => return Ok(not_found(state)),
        },
    };
    let documents = Documents {
        shown: form,
        all: &all,
    };
    match tail {
        "" => {
            let shown = state.cache.document(name, form)?.map(|(_, stale)| stale);
            let mut view = PreviewView::new(
                &state.root,
                name,
                &checked.assessment,
                shown,
                state.lang,
                generation,
                documents,
            );
            read_only_nav(state, &mut view.chrome);
            Ok(page(200, state.pages.render("serve/preview.html", &view)?))
        }
        "document.html" => Ok(match state.cache.document(name, form)? {
            Some((good, _)) => document(&good.html),
            None => not_found(state),
        }),
        "document.pdf" => Ok(match state.cache.pdf(name, form)? {
            Some(bytes) => {
                let file = format!(
                    "{}.{}.pdf",
                    crate::build::stem_of(&state.root.join(name)),
                    form.file_tag()
                );
                Response::new(200, "application/pdf", bytes.to_vec()).header(
                    "Content-Disposition",
                    format!("inline; filename*=UTF-8''{}", percent_encode(&file)),
                )
            }
            None => not_found(state),
        }),
        "review" => review(state, name, request, generation, documents),
        "edit" => {
            if state.read_only {
                return Ok(error_page(
                    state,
                    403,
                    text::texts(state.lang).read_only,
                    String::new(),
                ));
            }
            Ok(
                match super::editor::page(state, name, request.param("doc"), generation, documents)?
                {
                    Some(view) => page(200, state.pages.render("serve/edit.html", &view)?),
                    None => not_found(state),
                },
            )
        }
        "edit/version" => super::editor::current_version(state, name, request.param("doc")),
        "redline.html" => {
            let stems = state.snapshots(name);
            let Some(stem) = request
                .param("from")
                .filter(|s| stems.iter().any(|x| x == s))
            else {
                return Ok(not_found(state));
            };
            Ok(match &*state.cache.review(name, stem, form)? {
                Review::Compared { html, .. } => document(html),
                _ => not_found(state),
            })
        }
        "wait" => Ok(wait(state, Scope::Assessment(name), request, gone)),
        _ => Ok(not_found(state)),
    }
}

fn review(
    state: &State,
    name: &str,
    request: &Request,
    generation: u64,
    documents: Documents,
) -> Result<Response, Error> {
    let stems = state.snapshots(name);
    let chosen = match request.param("from") {
        Some(from) => match stems.iter().find(|s| *s == from) {
            Some(stem) => Some(stem.as_str()),
            None => return Ok(not_found(state)),
        },
        None => stems.first().map(String::as_str),
    };
    let compared = match chosen {
        Some(stem) => Some((stem, state.cache.review(name, stem, documents.shown)?)),
        None => None,
    };
    let title = title_of_document(&state.cache.checked(name)?.assessment, documents.shown);
    let query = documents.query();
    let mut view = ReviewView::new(
        &state.root,
        name,
        title,
        &stems,
        compared.as_ref().map(|(s, r)| (*s, &**r)),
        state.lang,
        generation,
        documents,
    );
    read_only_nav(state, &mut view.chrome);
    if !state.read_only {
        let key = match compared.as_ref().map(|(_, r)| &**r) {
            Some(Review::Compared { rows, .. }) => super::revision::rows_key(rows),
            _ => String::new(),
        };
        let record = match chosen {
            Some(stem) => with_query(
                format!("{}?from={}", href(name, "record"), percent_encode(stem)),
                &query,
            ),
            None => String::new(),
        };
        view.actions = Some(RevisionActions {
            token: state.token.clone(),
            snapshot: with_query(href(name, "snapshot"), &query),
            record,
            key,
            timings: match crate::form::changes::TABLE
                .child("提出時期")
                .map(|c| c.kind)
            {
                Some(crate::form::Kind::Choice(list)) => list.options.to_vec(),
                _ => Vec::new(),
            },
        });
    }
    Ok(page(200, state.pages.render("serve/review.html", &view)?))
}

/// A read-only server's pages have no editing tab.
fn read_only_nav(state: &State, chrome: &mut super::pages::Chrome) {
    if state.read_only
        && let Some(nav) = chrome.nav.as_mut()
    {
        nav.edit = None;
    }
}

/// The long-poll: answers with the scope's generation as soon as it differs from `since`, or
/// after [`WAIT`] with the same one. The page reloads when the answer differs from its own.
fn wait(
    state: &State,
    scope: Scope,
    request: &Request,
    gone: &mut dyn FnMut() -> bool,
) -> Response {
    let since = request
        .param("since")
        .and_then(|s| s.parse().ok())
        .unwrap_or(u64::MAX);
    let now = state.watcher.wait(scope, since, WAIT, gone);
    plain(200, &format!("{now}\n"))
}
