//! The revision workflow from the pages: keep the current version (`hyoka snapshot`), and record
//! the rows of the change table since a kept version into `changes.yaml` with the 提出時期 and
//! 説明 the officer chose — through the same code as `hyoka diff --record`
//! ([`crate::diff::record::plan`] and [`crate::diff::record::record_into`]).

use serde::Deserialize;
use serde_json::json;

use super::State;
use super::cache::Review;
use super::http::{Response, percent_encode};
use super::pages::{href, with_query};
use super::text;
use crate::diff::export::Row;
use crate::diff::record;
use crate::form::Form;
use crate::form::changes::TABLE;
use crate::form::label::printed_number;
use crate::load::{BASIC_CHANGES_FILE, CHANGES_FILE};

fn json_response(status: u16, body: &serde_json::Value) -> Response {
    Response::new(
        status,
        "application/json; charset=utf-8",
        serde_json::to_vec(body).unwrap_or_default(),
    )
    .header("Content-Security-Policy", "default-src 'none'")
}

/// Keeps the assessment's documents as `versions/<today>.yaml` (and its `.kiso.yaml`).
pub fn snapshot(state: &State, name: &str, query: &str) -> Result<Response, crate::Error> {
    let _writing = state.writing.lock().unwrap_or_else(|e| e.into_inner());
    let folder = state.root.join(name);
    let saved = crate::snapshot::save(&folder, None, &crate::snapshot::today())?;
    let stem = saved
        .first()
        .and_then(|p| p.file_stem())
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let review = with_query(
        format!("{}?from={}", href(name, "review"), percent_encode(&stem)),
        query,
    );
    Ok(json_response(
        200,
        &json!({ "stem": stem, "review": review }),
    ))
}

/// A key of the rows a review shows: the page sends it back, so that rows recorded are the
/// rows the officer saw.
pub fn rows_key(rows: &[Row]) -> String {
    let mut text = String::new();
    for row in rows {
        for part in [&row.label, &row.before, &row.after] {
            text.push_str(part);
            text.push('\u{1f}');
        }
        text.push('\u{1e}');
    }
    format!("{:016x}", crate::edit::form::fnv(text.as_bytes()))
}

/// One row as the officer set it on the review page.
#[derive(Debug, Deserialize)]
pub struct RowChoice {
    /// 提出時期: 事前 or 事後.
    pub timing: String,
    /// 提出時期に係る説明.
    #[serde(default)]
    pub explanation: String,
}

/// What the review page sends to record its rows.
#[derive(Debug, Deserialize)]
pub struct RecordRequest {
    /// The snapshot compared with.
    pub from: String,
    /// [`rows_key`] of the rows the page showed.
    pub key: String,
    /// Each row's choices, in the page's order.
    pub rows: Vec<RowChoice>,
}

/// Records the rows of the change table of the document `form` since a snapshot.
pub fn record(
    state: &State,
    name: &str,
    form: Form,
    body: &[u8],
) -> Result<Response, crate::Error> {
    let t = text::texts(state.lang);
    let Ok(request) = serde_json::from_slice::<RecordRequest>(body) else {
        return Ok(json_response(400, &json!({"error": t.bad_request})));
    };
    if !state.snapshots(name).contains(&request.from) {
        return Ok(json_response(404, &json!({"error": t.not_found})));
    }
    let _writing = state.writing.lock().unwrap_or_else(|e| e.into_inner());
    let checked = state.cache.checked(name)?;
    let review = state.cache.review(name, &request.from, form)?;
    let Review::Compared { changes, rows, .. } = &*review else {
        return Ok(json_response(409, &json!({"error": t.rows_changed})));
    };
    if rows_key(rows) != request.key || request.rows.len() != rows.len() {
        return Ok(json_response(409, &json!({"error": t.rows_changed})));
    }
    let Some((document, recorded)) = checked
        .assessment
        .documents()
        .into_iter()
        .find(|(d, _)| d.edition.form == form)
    else {
        return Ok(json_response(409, &json!({"error": t.rows_changed})));
    };
    let date = rows.first().map(|r| r.date.clone()).unwrap_or_default();
    let mut chosen = Vec::new();
    for (change, choice) in changes.iter().zip(&request.rows) {
        if choice.timing != crate::diff::BEFORE && choice.timing != crate::diff::AFTER {
            return Ok(json_response(400, &json!({"error": t.bad_request})));
        }
        let explanation = crate::edit::form::normalise(&choice.explanation);
        chosen.push(Row::new(change, &date, Some(&choice.timing), &explanation));
    }
    let main = checked
        .assessment
        .document
        .as_ref()
        .is_some_and(|m| std::ptr::eq(m, document));
    let file = state.root.join(name).join(if main {
        CHANGES_FILE
    } else {
        BASIC_CHANGES_FILE
    });
    let heading = format!(
        "{}{}",
        printed_number(document.edition.changes_num),
        TABLE.label
    );
    // The officer saw every 提出時期 and 説明 and confirmed them: all are explicit.
    let plan = record::plan(recorded, &chosen, &vec![true; chosen.len()], true);
    if !plan.fresh.is_empty() || !plan.updates.is_empty() {
        record::record_into(&file, &heading, &plan.fresh, &plan.updates)?;
    }
    Ok(json_response(
        200,
        &json!({
            "added": plan.fresh.len(),
            "updated": plan.updates.len(),
            "unchanged": plan.unchanged,
            "message": text::recorded(state.lang, plan.fresh.len(), plan.updates.len(), plan.unchanged),
        }),
    ))
}
