//! The requests that change a document's file: a save of one item (or a check of a value not
//! saved yet), a block added, removed or moved, and the file's version.

use std::sync::MutexGuard;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value as Json, json};

use super::{
    Target, by_path, counts, diagnostics_json, edition_of, json_response, leaf, locate,
    refusal_message, report_of, version,
};
use crate::edit::form::{self as fields, FormOrder, fingerprint};
use crate::edit::{Seg, Source};
use crate::form::Kind;
use crate::load::document::inherited;
use crate::load::{Limits, Role};
use crate::serve::State;
use crate::serve::http::Response;
use crate::serve::text;

/// What the page's script sends to save or check one item.
#[derive(Debug, Deserialize)]
pub struct SaveRequest {
    /// The item's key path, as the page shows it (blocks by 1-based position).
    pub path: String,
    /// The ids of the blocks on the path, as the page loaded them.
    #[serde(default)]
    pub ids: Vec<Option<String>>,
    /// The fingerprint of the item's text as the page loaded it.
    pub base: String,
    /// The new value.
    pub value: Json,
}

/// What the page's script sends to add, remove or move a block.
#[derive(Debug, Deserialize)]
pub struct BlockRequest {
    /// `add`, `remove` or `move`.
    pub op: String,
    /// The group's key path.
    pub group: String,
    /// The block's position as the page shows it (for `add`: insert after it; none: at the end).
    pub index: Option<usize>,
    /// The block's id as the page loaded it.
    #[serde(default)]
    pub id: Option<String>,
    /// The fingerprint of the block's text as the page loaded it (for `remove`).
    #[serde(default)]
    pub base: Option<String>,
    /// For `move`: the new position.
    pub to: Option<usize>,
    /// For `add`: the office's block entry the new block uses (`- 共通テキスト: 名前`).
    #[serde(default)]
    pub common: Option<String>,
}

/// A write request read, with its file found, read and parsed under the write lock.
struct Opened<'s, R> {
    request: R,
    target: Target,
    bytes: Vec<u8>,
    source: Source,
    /// Held until the answer: one write at a time, each reading the file as the one before
    /// left it.
    _writing: MutexGuard<'s, ()>,
}

/// Reads a write request of type `R` for a document of `name` and opens its file; or the
/// answer that says why not (a request the page never sends, no such document, a file the form
/// does not edit).
fn open<'s, R: DeserializeOwned>(
    state: &'s State,
    name: &str,
    doc: Option<&str>,
    body: &[u8],
) -> Result<Result<Opened<'s, R>, Response>, crate::Error> {
    let t = text::texts(state.lang);
    let Ok(request) = serde_json::from_slice::<R>(body) else {
        return Ok(Err(json_response(400, &json!({"error": t.bad_request}))));
    };
    let Some(target) = state.target_of(name, doc)? else {
        return Ok(Err(json_response(404, &json!({"error": t.not_found}))));
    };
    let writing = state.writing.lock().unwrap_or_else(|e| e.into_inner());
    let bytes = std::fs::read(&target.file).map_err(|source| crate::Error::Read {
        path: target.file.clone(),
        source,
    })?;
    match Source::parse(&bytes) {
        Ok(source) => Ok(Ok(Opened {
            request,
            target,
            bytes,
            source,
            _writing: writing,
        })),
        Err(refusal) => {
            let (message, _) = refusal_message(&refusal, target.name, state.lang);
            Ok(Err(json_response(
                409,
                &json!({"refused": message, "version": version(&bytes)}),
            )))
        }
    }
}

/// Answers a save (`dry_run`: a check of a value typed but not saved).
pub fn save(
    state: &State,
    name: &str,
    doc: Option<&str>,
    body: &[u8],
    dry_run: bool,
) -> Result<Response, crate::Error> {
    let t = text::texts(state.lang);
    let Opened {
        request,
        target,
        bytes,
        source,
        _writing,
    } = match open::<SaveRequest>(state, name, doc, body)? {
        Ok(opened) => opened,
        Err(answer) => return Ok(answer),
    };
    let edition = edition_of(&source, target.role);
    let Some(item) = leaf(edition, &request.path) else {
        return Ok(json_response(404, &json!({"error": t.not_found})));
    };
    if target.role == Role::Companion && inherited(item) {
        return Ok(json_response(403, &json!({"error": t.shared_elsewhere})));
    }
    let Some(segs) = locate(&source, &request.path, &request.ids) else {
        return Ok(json_response(
            409,
            &json!({"conflict": "block", "message": t.block_gone, "version": version(&bytes)}),
        ));
    };
    let now = fingerprint(&source, &segs);
    if now != request.base {
        return Ok(json_response(
            409,
            &json!({
                "conflict": "value",
                "message": t.conflict,
                "disk": fields::read(&source, item, &segs),
                "base": now,
                "version": version(&bytes),
            }),
        ));
    }
    let order = FormOrder::new(edition.items);
    let edited = match fields::write(&source, &order, item, &segs, &request.value) {
        Ok(edited) => edited,
        Err(e) => {
            return Ok(json_response(
                422,
                &json!({"error": format!("{}: {e}", t.not_saved)}),
            ));
        }
    };
    let new_bytes = edited.bytes();
    let key = crate::form::label::key_path(
        &crate::form::label::resolve(edition, &request.path).unwrap_or_default(),
    );
    let folder = state.root.join(name);
    if dry_run {
        let mut assessment =
            crate::load::load_replacing(&folder, &Limits::default(), (&target.file, &new_bytes))?;
        crate::validate::validate(&mut assessment);
        let diags = report_of(&assessment, &target)
            .map(|r| {
                by_path(&state.root, r, state.lang)
                    .0
                    .remove(&key)
                    .unwrap_or_default()
            })
            .unwrap_or_default();
        return Ok(json_response(
            200,
            &json!({"path": request.path, "diags": diags}),
        ));
    }
    if new_bytes != bytes {
        crate::output::write_atomic(&target.file, &new_bytes)?;
    }
    let checked = state.cache.checked(name)?;
    let (errors, warnings) = counts(&checked.assessment);
    let diagnostics = report_of(&checked.assessment, &target)
        .map(|r| diagnostics_json(&state.root, r, state.lang))
        .unwrap_or(json!({"fields": {}, "others": []}));
    Ok(json_response(
        200,
        &json!({
            "saved": new_bytes != bytes,
            "version": version(&new_bytes),
            "base": fingerprint(&edited, &segs),
            "summary": text::counts(state.lang, errors, warnings),
            "errors": errors,
            "warnings": warnings,
            "diagnostics": diagnostics,
        }),
    ))
}

/// Answers a block's addition, removal or move.
pub fn block(
    state: &State,
    name: &str,
    doc: Option<&str>,
    body: &[u8],
) -> Result<Response, crate::Error> {
    let t = text::texts(state.lang);
    let Opened {
        request,
        target,
        source,
        _writing,
        ..
    } = match open::<BlockRequest>(state, name, doc, body)? {
        Ok(opened) => opened,
        Err(answer) => return Ok(answer),
    };
    let edition = edition_of(&source, target.role);
    let group_item = crate::form::label::resolve(edition, &request.group)
        .and_then(|s| s.last().map(|s| s.item))
        .filter(|_| !request.group.contains('['));
    let (Some(item), Some(path)) = (group_item, fields::segs(&request.group)) else {
        return Ok(json_response(404, &json!({"error": t.not_found})));
    };
    let Kind::Group(group) = item.kind else {
        return Ok(json_response(404, &json!({"error": t.not_found})));
    };
    if target.role == Role::Companion && inherited(item) {
        return Ok(json_response(403, &json!({"error": t.shared_elsewhere})));
    }
    let ids = fields::block_ids(&source, &path);
    // The block the page means, where it is now.
    let current = match (&request.id, request.index) {
        (Some(id), _) => ids.iter().position(|w| w.as_deref() == Some(id.as_str())),
        (None, Some(i)) if ids.get(i).is_some_and(Option::is_none) => Some(i),
        _ => None,
    };
    let order = FormOrder::new(edition.items);
    let gone = || json_response(409, &json!({"conflict": "block", "message": t.block_gone}));
    let result = match request.op.as_str() {
        "add" => {
            if ids.len() >= group.max {
                return Ok(json_response(
                    422,
                    &json!({"error": text::too_many_blocks(state.lang, group.name, group.max)}),
                ));
            }
            let at = match (request.index, current) {
                (None, _) => ids.len(),
                (Some(_), Some(i)) => i + 1,
                (Some(_), None) => return Ok(gone()),
            };
            match request.common.as_deref().map(str::trim) {
                Some("") => return Ok(json_response(400, &json!({"error": t.bad_request}))),
                Some(entry) => fields::add_common_block(&source, &order, group, &path, at, entry),
                None => fields::add_block(&source, &order, group, &path, at),
            }
            .map(|(s, _)| s)
        }
        "remove" => {
            let Some(i) = current else { return Ok(gone()) };
            let mut at = path.clone();
            at.push(Seg::Index(i));
            if request.base.as_deref() != Some(fingerprint(&source, &at).as_str()) {
                return Ok(json_response(
                    409,
                    &json!({"conflict": "block", "message": t.block_changed}),
                ));
            }
            source.remove_item(&path, i)
        }
        "move" => {
            let (Some(i), Some(to)) = (current, request.to) else {
                return Ok(gone());
            };
            source.move_item(&path, i, to.min(ids.len().saturating_sub(1)))
        }
        _ => return Ok(json_response(400, &json!({"error": t.bad_request}))),
    };
    let edited = match result {
        Ok(edited) => edited,
        Err(e) => {
            return Ok(json_response(
                422,
                &json!({"error": format!("{}: {e}", t.not_saved)}),
            ));
        }
    };
    crate::output::write_atomic(&target.file, &edited.bytes())?;
    state.cache.checked(name)?;
    Ok(json_response(
        200,
        &json!({"version": version(&edited.bytes())}),
    ))
}

/// The file's version now, for a page that wonders whether the file changed under it.
pub fn current_version(
    state: &State,
    name: &str,
    doc: Option<&str>,
) -> Result<Response, crate::Error> {
    let Some(target) = state.target_of(name, doc)? else {
        return Ok(json_response(404, &json!({})));
    };
    let bytes = std::fs::read(&target.file).unwrap_or_default();
    Ok(json_response(200, &json!({"version": version(&bytes)})))
}
