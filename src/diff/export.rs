//! The change table in every output format: Markdown, HTML, CSV, XLSX, JSON (the terminal
//! table is [`super::terminal`]).

use serde::Serialize;

use super::Change;
use super::redline::{Segment, segments};
use crate::form::changes::TABLE;

/// One row of （別添２）変更箇所 as it will be recorded.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// 変更日.
    #[serde(rename = "変更日")]
    pub date: String,
    /// 項目.
    #[serde(rename = "項目")]
    pub label: String,
    /// 変更前の記載.
    #[serde(rename = "変更前の記載")]
    pub before: String,
    /// 変更後の記載.
    #[serde(rename = "変更後の記載")]
    pub after: String,
    /// The whole value before (of a checkbox set, every ticked box; 変更前の記載 has the changed ones).
    #[serde(rename = "変更前の値（全体）")]
    pub whole_before: String,
    /// The whole value after.
    #[serde(rename = "変更後の値（全体）")]
    pub whole_after: String,
    /// 提出時期.
    #[serde(rename = "提出時期")]
    pub timing: String,
    /// 提出時期に係る説明.
    #[serde(rename = "提出時期に係る説明")]
    pub explanation: String,
    /// The item's key path.
    pub path: String,
    /// Whether the item carries ※.
    #[serde(rename = "重要な変更")]
    pub important: bool,
    /// Why the 提出時期 was proposed (or that the user set it).
    #[serde(rename = "提出時期の根拠")]
    pub timing_basis: String,
    /// Which document's table the row belongs to (`重点項目評価書`, `基礎項目評価書`), when
    /// an assessment has two; "" otherwise.
    #[serde(rename = "評価書", skip_serializing_if = "String::is_empty")]
    pub document: String,
}

impl Row {
    /// A row from a change, with its date, 提出時期 (the proposal unless overridden) and explanation.
    pub fn new(change: &Change, date: &str, timing: Option<&str>, explanation: &str) -> Row {
        let (timing, basis) = match timing {
            Some(t) => (t.to_string(), "利用者の指定".to_string()),
            None => (
                change.proposed_timing().to_string(),
                change.proposal_reason(),
            ),
        };
        Row {
            date: date.to_string(),
            label: change.label.clone(),
            before: change.before.clone(),
            after: change.after.clone(),
            whole_before: change.whole_before.clone(),
            whole_after: change.whole_after.clone(),
            timing,
            explanation: explanation.to_string(),
            path: change.path.clone(),
            important: change.important,
            timing_basis: basis,
            document: String::new(),
        }
    }
}

/// The six official column headings, from the form definition.
pub fn columns() -> Vec<&'static str> {
    TABLE.children().iter().map(|c| c.label).collect()
}

pub(crate) fn cells(row: &Row) -> [&str; 6] {
    [
        &row.date,
        &row.label,
        &row.before,
        &row.after,
        &row.timing,
        &row.explanation,
    ]
}

/// JSON: `{"rows": [...]}`.
pub fn json(rows: &[Row]) -> Vec<u8> {
    let mut bytes =
        serde_json::to_vec_pretty(&serde_json::json!({ "rows": rows })).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// CSV: UTF-8 with a BOM (so Excel reads Japanese correctly), RFC 4180 quoting, CRLF lines.
pub fn csv(rows: &[Row]) -> Vec<u8> {
    fn field(s: &str) -> String {
        if s.contains([',', '"', '\r', '\n']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    }
    let mut out = String::from("\u{feff}");
    let mut header: Vec<String> = columns().iter().map(|c| field(c)).collect();
    header.extend(["重要な変更".to_string(), "path".to_string()]);
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for row in rows {
        let mut line: Vec<String> = cells(row).iter().map(|c| field(c)).collect();
        line.push(if row.important {
            "※".into()
        } else {
            String::new()
        });
        line.push(field(&row.path));
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

/// Markdown: a GitHub table under `heading` (`（別添２）変更箇所`), values escaped, line breaks
/// as `<br>`.
pub fn markdown(rows: &[Row], heading: &str) -> Vec<u8> {
    use crate::render::markdown::escape;
    let mut out = format!(
        "## {}\n\n| {} |\n|{}\n",
        escape(heading),
        columns().join(" | "),
        "---|".repeat(6)
    );
    for row in rows {
        let line: Vec<String> = cells(row).iter().map(|c| escape(c)).collect();
        out.push_str(&format!("| {} |\n", line.join(" | ")));
    }
    out.into_bytes()
}

fn redline_html(parts: &[Segment]) -> String {
    parts
        .iter()
        .map(|s| {
            let text = tera::escape_html(&s.text).replace('\n', "<br>");
            match s.kind {
                "delete" => format!("<del>{text}</del>"),
                "insert" => format!("<ins>{text}</ins>"),
                _ => text,
            }
        })
        .collect()
}

/// HTML: a self-contained page with one table per document (`sections`: its heading, or ""
/// for a single document; the table's heading; its rows) and a redline column (`<del>`/`<ins>`).
pub fn html(sections: &[(String, String, &[Row])]) -> Vec<u8> {
    let esc = |s: &str| tera::escape_html(s).replace('\n', "<br>");
    let title = sections
        .first()
        .map(|(_, heading, _)| heading.as_str())
        .unwrap_or_default();
    let mut out = String::from(
        "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n<title>",
    );
    out.push_str(&esc(title));
    out.push_str(
        "</title>\n<style>\n\
         body { font-family: \"BIZ UDPGothic\", \"Hiragino Sans\", \"Yu Gothic\", \"Meiryo\", \"Noto Sans CJK JP\", sans-serif; margin: 1rem; }\n\
         table { border-collapse: collapse; width: 100%; }\n th, td { border: 1px solid #333; padding: .3rem; vertical-align: top; text-align: left; }\n\
         .table-scroll { overflow-x: auto; }\n td.date, td.timing, thead th { white-space: nowrap; }\n td.explanation { min-width: 8em; }\n th.label { min-width: 10em; }\n td.text, td.redline { min-width: 12em; overflow-wrap: anywhere; }\n\
         thead th { background: #e8e8e8; }\n del { color: #a00; background: #fdd; }\n ins { color: #060; background: #dfd; text-decoration: underline; }\n\
         </style>\n</head>\n<body>\n",
    );
    for (section, heading, rows) in sections {
        if !section.is_empty() {
            out.push_str(&format!("<h1>{}</h1>\n", esc(section)));
        }
        out.push_str(&format!(
            "<div class=\"table-scroll\">\n<table>\n<caption>{}</caption>\n<thead><tr>",
            esc(heading)
        ));
        for c in columns() {
            out.push_str(&format!("<th scope=\"col\">{}</th>", esc(c)));
        }
        out.push_str("<th scope=\"col\">差分</th></tr></thead>\n<tbody>\n");
        for row in rows.iter() {
            let [date, label, before, after, timing, explanation] = cells(row);
            out.push_str(&format!(
            "<tr><td class=\"date\">{}</td><th scope=\"row\" class=\"label\">{}</th><td class=\"text\">{}</td><td class=\"text\">{}</td><td class=\"timing\">{}</td><td class=\"explanation\">{}</td><td class=\"redline\">{}</td></tr>\n",
            esc(date),
            esc(label),
            esc(before),
            esc(after),
            esc(timing),
            esc(explanation),
            redline_html(&segments(before, after)),
        ));
        }
        out.push_str("</tbody>\n</table>\n</div>\n");
    }
    out.push_str("</body>\n</html>\n");
    out.into_bytes()
}

/// XLSX: one sheet `変更箇所`, wrapped cells, column widths like the official table; the file's
/// creation time is the 変更日 of the first row (never the clock), so output is reproducible.
pub fn xlsx(
    rows: &[Row],
    heading: &str,
    created: Option<crate::load::date::JpDate>,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{
        DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook,
    };
    let mut workbook = Workbook::new();
    let date = created.and_then(|d| {
        ExcelDateTime::from_ymd(
            u16::try_from(d.year).ok()?,
            d.month as u8,
            d.day.unwrap_or(1) as u8,
        )
        .ok()
    });
    let date = date.unwrap_or(ExcelDateTime::from_ymd(2000, 1, 1)?);
    workbook.set_properties(
        &DocProperties::new()
            .set_title(heading)
            .set_creation_datetime(&date),
    );
    let sheet = workbook.add_worksheet();
    sheet.set_name("変更箇所")?;
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top);
    let cell = Format::new()
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top);
    for (i, (title, width)) in columns()
        .into_iter()
        .zip([12.0, 22.0, 40.0, 40.0, 8.0, 24.0])
        .enumerate()
    {
        let col = i as u16;
        sheet.set_column_width(col, width)?;
        sheet.write_string_with_format(0, col, title, &head)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in cells(row).into_iter().enumerate() {
            sheet.write_string_with_format(r as u32 + 1, c as u16, value, &cell)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    workbook.save_to_buffer()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A row of a non-※ item with the given texts, for the tests of every format.
    pub(crate) fn sample(label: &str, before: &str, after: &str) -> Row {
        let change = Change {
            path: "p".into(),
            label: label.into(),
            before: before.into(),
            after: after.into(),
            whole_before: before.into(),
            whole_after: after.into(),
            important: false,
            reassessment: false,
            hint: None,
        };
        Row::new(&change, "令和7年1月24日", None, "見直しによる")
    }

    fn row(before: &str, after: &str) -> Row {
        sample("Ⅴ．１．基礎項目評価　①実施日", before, after)
    }

    #[test]
    fn csv_has_a_bom_and_quotes_per_rfc4180() {
        let bytes = csv(&[row("a,\"b\"", "二行\n目")]);
        assert!(bytes.starts_with("\u{feff}変更日,項目,変更前の記載,変更後の記載,提出時期,提出時期に係る説明,重要な変更,path\r\n".as_bytes()));
        let text = String::from_utf8(bytes).unwrap();
        assert!(
            text.contains(",\"a,\"\"b\"\"\",\"二行\n目\",事後,"),
            "{text}"
        );
    }

    #[test]
    fn json_uses_the_official_column_names() {
        let value: serde_json::Value = serde_json::from_slice(&json(&[row("a", "b")])).unwrap();
        let first = &value["rows"][0];
        for key in [
            "変更日",
            "項目",
            "変更前の記載",
            "変更後の記載",
            "提出時期",
            "提出時期に係る説明",
            "path",
            "重要な変更",
            "変更前の値（全体）",
            "変更後の値（全体）",
        ] {
            assert!(!first[key].is_null(), "{key}");
        }
    }
}
