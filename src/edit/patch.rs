//! The edits themselves: each operation becomes replacements of exact byte ranges of the text,
//! the result is parsed back and compared with the intended tree, and only then returned.

use crate::load::yaml::{Node, NodeValue};

use super::emit;
use super::expect::{self, Want};
use super::source::{Region, Source, child};
use super::{EditError, Order, Seg, Yaml, show_path};

/// Replace `[start, end)` by `text`.
#[derive(Debug, Clone)]
struct Edit {
    start: usize,
    end: usize,
    text: String,
}

fn edit(start: usize, end: usize, text: impl Into<String>) -> Edit {
    Edit {
        start,
        end,
        text: text.into(),
    }
}

/// Applies non-overlapping edits (insertions at the same place keep their order).
fn apply(text: &str, mut edits: Vec<Edit>) -> Result<String, EditError> {
    edits.sort_by_key(|e| (e.start, e.end));
    let mut out = String::with_capacity(text.len() + 256);
    let mut at = 0;
    for e in edits {
        if e.start < at || e.end < e.start || e.end > text.len() {
            return Err(EditError::Mismatch("overlapping edits".into()));
        }
        out.push_str(&text[at..e.start]);
        out.push_str(&e.text);
        at = e.end;
    }
    out.push_str(&text[at..]);
    Ok(out)
}

/// Where a list item's text starts: the comment lines right above its dash, at the dash's
/// column, belong to it (`# reading proposed …` above `- id: vrs`).
struct Chunk {
    start: usize,
    /// The end of its last content line (before the line break).
    end: usize,
}

impl Source {
    /// Sets the value at `path` to `value`. An absent key is inserted (with any missing
    /// parent mappings) where `order` puts it, indented as its siblings are.
    pub fn set(&self, path: &[Seg], value: &Yaml, order: &dyn Order) -> Result<Source, EditError> {
        let edits = self.set_edits(path, value, order)?;
        let want = expect::changed(Some(&self.root), path, &mut |_| Some(Want::New(value)));
        self.finish(edits, want)
    }

    /// Empties the value at `path` (`key:` with nothing after it), keeping the key and the
    /// comments on its line.
    pub fn clear(&self, path: &[Seg], order: &dyn Order) -> Result<Source, EditError> {
        self.set(path, &Yaml::Null, order)
    }

    /// Deletes the key at the end of `path` with its value (nothing happens when it is absent).
    pub fn remove(&self, path: &[Seg]) -> Result<Source, EditError> {
        let Some((Seg::Key(key), parents)) = path.split_last() else {
            return Err(EditError::NoSuchPlace(show_path(path)));
        };
        let Some(parent) = self.get(parents) else {
            return Ok(self.clone());
        };
        if child(parent, &Seg::Key(key.clone())).is_none() {
            return Ok(self.clone());
        }
        let edits = if self.is_flow(parent) {
            self.check_flow_depth(parents)?;
            vec![self.flow_rewrite(parent, FlowOp::Remove(key), &[], &super::Append)?]
        } else {
            self.remove_entry(parent, key)?
        };
        let want = expect::changed(Some(&self.root), path, &mut |_| None);
        self.finish(edits, want)
    }

    /// Inserts `value` as item `at` of the list at `list` (at its end when `at` is past it);
    /// an absent or empty list becomes a block list.
    pub fn insert_item(
        &self,
        list: &[Seg],
        at: usize,
        value: &Yaml,
        order: &dyn Order,
    ) -> Result<Source, EditError> {
        let mut want_items = expect::items(self.get(list));
        let at = at.min(want_items.len());
        want_items.insert(at, Want::New(value));
        let want = expect::changed(Some(&self.root), list, &mut |_| {
            Some(Want::Seq(std::mem::take(&mut want_items)))
        });
        let edits = match self.get(list).map(|n| &n.value) {
            Some(NodeValue::Seq(items)) if !items.is_empty() => {
                let node = self.get(list).unwrap_or(&self.root);
                if self.is_flow(node) {
                    self.check_flow_depth(list)?;
                    vec![self.flow_rewrite(node, FlowOp::Insert(at, value), &[], order)?]
                } else {
                    self.insert_block_item(items, at, value)
                }
            }
            _ => self.set_edits(list, &Yaml::Seq(vec![value.clone()]), order)?,
        };
        self.finish(edits, want)
    }

    /// Removes item `index` of the list at `list`, with the comment lines above it.
    pub fn remove_item(&self, list: &[Seg], index: usize) -> Result<Source, EditError> {
        let node = self
            .get(list)
            .ok_or_else(|| EditError::NoSuchPlace(show_path(list)))?;
        let NodeValue::Seq(items) = &node.value else {
            return Err(EditError::NoSuchPlace(show_path(list)));
        };
        if index >= items.len() {
            return Err(EditError::NoSuchPlace(format!(
                "{}[{}]",
                show_path(list),
                index + 1
            )));
        }
        let edits = if self.is_flow(node) {
            self.check_flow_depth(list)?;
            vec![self.flow_rewrite(node, FlowOp::RemoveItem(index), &[], &super::Append)?]
        } else {
            let chunk = self.chunk(items, index);
            vec![self.remove_lines(chunk.start, chunk.end)]
        };
        let mut want_items = expect::items(Some(node));
        want_items.remove(index);
        let want = expect::changed(Some(&self.root), list, &mut |_| {
            Some(Want::Seq(std::mem::take(&mut want_items)))
        });
        self.finish(edits, want)
    }

    /// Moves item `from` of the list at `list` to position `to`, with the comment lines above
    /// it; the lines between items stay where they are.
    pub fn move_item(&self, list: &[Seg], from: usize, to: usize) -> Result<Source, EditError> {
        let node = self
            .get(list)
            .ok_or_else(|| EditError::NoSuchPlace(show_path(list)))?;
        let NodeValue::Seq(items) = &node.value else {
            return Err(EditError::NoSuchPlace(show_path(list)));
        };
        if from >= items.len() || to >= items.len() {
            return Err(EditError::NoSuchPlace(format!(
                "{}[{}]",
                show_path(list),
                from + 1
            )));
        }
        if from == to {
            return Ok(self.clone());
        }
        let edits = if self.is_flow(node) {
            self.check_flow_depth(list)?;
            vec![self.flow_rewrite(node, FlowOp::Move(from, to), &[], &super::Append)?]
        } else {
            vec![self.move_block_item(items, from, to)]
        };
        let mut want_items = expect::items(Some(node));
        let moved = want_items.remove(from);
        want_items.insert(to, moved);
        let want = expect::changed(Some(&self.root), list, &mut |_| {
            Some(Want::Seq(std::mem::take(&mut want_items)))
        });
        self.finish(edits, want)
    }

    /// Applies the edits, parses the result and checks it reads as `want`.
    fn finish(&self, edits: Vec<Edit>, want: Option<Want>) -> Result<Source, EditError> {
        let text = apply(&self.text, edits)?;
        let mut bytes = Vec::with_capacity(text.len() + 3);
        if self.bom {
            bytes.extend_from_slice(b"\xEF\xBB\xBF");
        }
        bytes.extend_from_slice(text.as_bytes());
        let new = Source::parse(&bytes).map_err(|r| {
            EditError::Mismatch(format!(
                "the result does not parse (line {:?})",
                r.place().map(|p| p.0)
            ))
        })?;
        match want {
            Some(want) if !expect::matches(&new.root, &want) => Err(EditError::Mismatch(
                "the result reads differently from the intended document".into(),
            )),
            _ => Ok(new),
        }
    }

    pub(crate) fn is_flow(&self, node: &Node) -> bool {
        !matches!(node.value, NodeValue::Scalar { .. })
            && self
                .text
                .get(self.byte(node.span.start)..)
                .is_some_and(|t| t.starts_with(['{', '[']))
    }

    /// The editor rewrites a flow collection only when it is the direct parent of the edit.
    fn check_flow_depth(&self, parent: &[Seg]) -> Result<(), EditError> {
        for depth in 0..parent.len() {
            if self.get(&parent[..depth]).is_some_and(|n| self.is_flow(n)) {
                return Err(EditError::Unsupported(format!(
                    "{} is written in flow style ({{…}} or […])",
                    show_path(&parent[..depth])
                )));
            }
        }
        Ok(())
    }

    fn set_edits(
        &self,
        path: &[Seg],
        value: &Yaml,
        order: &dyn Order,
    ) -> Result<Vec<Edit>, EditError> {
        // The written part of the path.
        let mut node = &self.root;
        let mut depth = 0;
        for seg in path {
            match child(node, seg) {
                Some((_, next)) => {
                    node = next;
                    depth += 1;
                }
                None => break,
            }
        }
        if depth == path.len() {
            let (last, parents) = path
                .split_last()
                .ok_or_else(|| EditError::NoSuchPlace("the whole file".into()))?;
            let parent = self.get(parents).unwrap_or(&self.root);
            self.check_flow_depth(parents)?;
            if self.is_flow(parent) {
                let Seg::Key(key) = last else {
                    return Err(EditError::Unsupported(show_path(path)));
                };
                return Ok(vec![self.flow_rewrite(
                    parent,
                    FlowOp::Set(key, value),
                    parents,
                    order,
                )?]);
            }
            return match child(parent, last) {
                Some((Some(key), old)) => Ok(self.replace_value(key, old, value)),
                _ => Err(EditError::Unsupported(format!(
                    "{}: a list item is replaced by removing and inserting",
                    show_path(path)
                ))),
            };
        }
        // Missing from `depth` on: the value wrapped in the mappings still to be made.
        let Seg::Key(first_missing) = &path[depth] else {
            return Err(EditError::NoSuchPlace(show_path(&path[..=depth])));
        };
        let mut wrapped = value.clone();
        for seg in path[depth + 1..].iter().rev() {
            let Seg::Key(k) = seg else {
                return Err(EditError::NoSuchPlace(show_path(path)));
            };
            wrapped = Yaml::Map(vec![(k.clone(), wrapped)]);
        }
        let parent_path = &path[..depth];
        self.check_flow_depth(parent_path)?;
        let parent = node;
        match &parent.value {
            NodeValue::Map(entries) if !entries.is_empty() => {
                if self.is_flow(parent) {
                    Ok(vec![self.flow_rewrite(
                        parent,
                        FlowOp::Set(first_missing, &wrapped),
                        parent_path,
                        order,
                    )?])
                } else {
                    Ok(self.insert_entry(parent, parent_path, first_missing, &wrapped, order))
                }
            }
            NodeValue::Map(_) if depth == 0 => Ok(self.append_to_root(first_missing, &wrapped)),
            NodeValue::Map(_) | NodeValue::Scalar { .. }
                if parent.is_null() || is_empty_collection(parent) =>
            {
                // `key:` or `key: {}`: the parent's value becomes a mapping.
                let (Some(Seg::Key(_)), Some(grand)) = (
                    parent_path.last(),
                    self.get(&parent_path[..depth.saturating_sub(1)]),
                ) else {
                    return Err(EditError::NoSuchPlace(show_path(parent_path)));
                };
                let Some((Some(key), old)) = parent_path.last().and_then(|s| child(grand, s))
                else {
                    return Err(EditError::NoSuchPlace(show_path(parent_path)));
                };
                let map = Yaml::Map(vec![(first_missing.clone(), wrapped)]);
                Ok(self.replace_value(key, old, &map))
            }
            _ => Err(EditError::NoSuchPlace(format!(
                "{} holds a value, not items",
                show_path(parent_path)
            ))),
        }
    }

    /// Replaces the value of the entry `key: old` by `new`.
    fn replace_value(&self, key: &Node, old: &Node, new: &Yaml) -> Vec<Edit> {
        let region = self.value_region(key, old);
        let indent = self.column(self.byte(key.span.start));
        let nl = self.newline;
        let following =
            |lines: &[String]| -> String { lines.iter().map(|l| format!("{nl}{l}")).collect() };
        match region {
            // A block stays a block (its header and the comment after it kept); a folded one
            // becomes literal, so that line breaks mean what they say.
            Region::Block {
                start,
                content_start,
                end,
                folded,
                indent: content_indent,
                ..
            } if matches!(new, Yaml::Str(s) if emit::block_safe(s)) => {
                let Yaml::Str(text) = new else { unreachable!() };
                let lines = emit::literal_lines(text, content_indent.unwrap_or(indent + self.step));
                let mut edits = vec![edit(content_start, end, following(&lines))];
                if folded {
                    edits.push(edit(start, start + 1, "|"));
                }
                edits
            }
            Region::Scalar { start, end, style } => {
                let e = emit::block(new, indent, self.step, Some(style), false);
                if e.lines.is_empty() && !e.inline.is_empty() {
                    return vec![edit(start, end, e.inline)];
                }
                let colon = self.after_colon(key);
                let mut edits = vec![edit(colon, end, spaced(&e.inline))];
                if !e.lines.is_empty() {
                    let at = self.line_end(end);
                    edits.push(edit(at, at, following(&e.lines)));
                }
                edits
            }
            Region::Empty { at } => {
                let e = emit::block(new, indent, self.step, None, false);
                let mut edits = Vec::new();
                if !e.inline.is_empty() {
                    edits.push(edit(at, at, format!(" {}", e.inline)));
                }
                if !e.lines.is_empty() {
                    let end = self.line_end(at);
                    edits.push(edit(end, end, following(&e.lines)));
                }
                edits
            }
            Region::Block {
                header_end,
                content_start,
                end,
                ..
            } => {
                let e = emit::block(new, indent, self.step, None, false);
                let colon = self.after_colon(key);
                vec![
                    edit(colon, header_end, spaced(&e.inline)),
                    edit(content_start, end, following(&e.lines)),
                ]
            }
            Region::Flow { end, .. } => {
                let e = emit::block(new, indent, self.step, None, false);
                let colon = self.after_colon(key);
                let mut edits = vec![edit(colon, end, spaced(&e.inline))];
                if !e.lines.is_empty() {
                    let at = self.line_end(end);
                    edits.push(edit(at, at, following(&e.lines)));
                }
                edits
            }
            Region::Nested { end, .. } => {
                let e = emit::block(new, indent, self.step, None, false);
                let colon = self.after_colon(key);
                let key_line_end = self.line_end(colon);
                let mut edits = Vec::new();
                if !e.inline.is_empty() {
                    edits.push(edit(colon, colon, format!(" {}", e.inline)));
                }
                edits.push(edit(key_line_end, end, following(&e.lines)));
                edits
            }
        }
    }

    /// The end of an entry's text (its value's last character, or the key for an empty value).
    fn entry_end(&self, key: &Node, value: &Node) -> usize {
        match self.value_region(key, value) {
            Region::Empty { at } => at,
            region => region.range().1,
        }
    }

    /// Inserts `key: value` into a block mapping, after the last key that the order puts
    /// before it.
    fn insert_entry(
        &self,
        parent: &Node,
        parent_path: &[Seg],
        key: &str,
        value: &Yaml,
        order: &dyn Order,
    ) -> Vec<Edit> {
        let NodeValue::Map(entries) = &parent.value else {
            return Vec::new();
        };
        let first_key = self.byte(entries[0].0.span.start);
        let indent = self.column(first_key);
        let e = emit::block(value, indent, self.step, None, false);
        let mut lines = vec![head_line(indent, key, &e.inline)];
        lines.extend(e.lines);
        let nl = self.newline;
        let after = match order.rank(parent_path, key) {
            None => None,
            Some(rank) => {
                // A key the order does not know keeps the place of the key before it.
                let mut last_before = None;
                let mut current: Option<usize> = None;
                for (i, (k, _)) in entries.iter().enumerate() {
                    if let Some(r) = k.scalar().and_then(|k| order.rank(parent_path, k)) {
                        current = Some(r);
                    }
                    if current.is_none_or(|c| c < rank) {
                        last_before = Some(i);
                    }
                }
                last_before
            }
        };
        match after {
            Some(i) => {
                let (k, v) = &entries[i];
                let at = self.line_end(self.entry_end(k, v));
                let text: String = lines.iter().map(|l| format!("{nl}{l}")).collect();
                vec![edit(at, at, text)]
            }
            None => {
                // Before the first key, on its line (after a list item's dash, too).
                let mut text = lines[0][indent..].to_string();
                for l in &lines[1..] {
                    text.push_str(nl);
                    text.push_str(l);
                }
                text.push_str(nl);
                text.push_str(&" ".repeat(indent));
                vec![edit(first_key, first_key, text)]
            }
        }
    }

    /// Adds a top-level key to a file that has none yet.
    fn append_to_root(&self, key: &str, value: &Yaml) -> Vec<Edit> {
        let e = emit::block(value, 0, self.step, None, false);
        let nl = self.newline;
        let mut text = String::new();
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            text.push_str(nl);
        }
        text.push_str(&head_line(0, key, &e.inline));
        for l in &e.lines {
            text.push_str(nl);
            text.push_str(l);
        }
        text.push_str(nl);
        vec![edit(self.text.len(), self.text.len(), text)]
    }

    /// Deletes an entry of a block mapping.
    fn remove_entry(&self, parent: &Node, key: &str) -> Result<Vec<Edit>, EditError> {
        let NodeValue::Map(entries) = &parent.value else {
            return Err(EditError::NoSuchPlace(key.into()));
        };
        let Some(i) = entries.iter().position(|(k, _)| k.scalar() == Some(key)) else {
            return Ok(Vec::new());
        };
        let (k, v) = &entries[i];
        let start = self.byte(k.span.start);
        let end = self.line_end(self.entry_end(k, v));
        let line_start = self.line_start(start);
        if self.text[line_start..start].chars().all(|c| c == ' ') {
            return Ok(vec![self.remove_lines(line_start, end)]);
        }
        // The first key of a list item, after its dash.
        Ok(match entries.get(i + 1) {
            Some((next, _)) => vec![edit(start, self.byte(next.span.start), "")],
            None => vec![edit(start, end, "{}")],
        })
    }

    /// Removes whole lines, from the line start `start` to the end of the content `end`, with
    /// one line break.
    fn remove_lines(&self, start: usize, end: usize) -> Edit {
        let next = self.next_line(end);
        if next > end && next <= self.text.len() && self.text[end..next].ends_with('\n') {
            edit(start, next, "")
        } else if start > 0 {
            // The last line, without a line break: take the one before it.
            let before = self.line_end(start - 1);
            edit(before, end, "")
        } else {
            edit(start, end, "")
        }
    }

    /// The text of list item `i`: its heading comments, its dash line, up to its last content.
    fn chunk(&self, items: &[Node], i: usize) -> Chunk {
        let item = &items[i];
        let dash = self.dash_of(item);
        let dash_col = self.column(dash);
        let mut start = self.line_start(dash);
        while start > 0 {
            let prev = self.line_start(start - 1);
            let line = &self.text[prev..self.line_end(prev)];
            let trimmed = line.trim_start_matches(' ');
            let col = line.len() - trimmed.len();
            if trimmed.starts_with('#') && col == dash_col {
                start = prev;
            } else {
                break;
            }
        }
        Chunk {
            start,
            end: self.line_end(self.content_end(item).max(dash)),
        }
    }

    /// The dash of a block list item.
    fn dash_of(&self, item: &Node) -> usize {
        let start = self.byte(item.span.start);
        let before = &self.text[self.line_start(start)..start];
        match before.rfind('-') {
            Some(i) if before[i + 1..].chars().all(|c| c == ' ') => self.line_start(start) + i,
            _ => start,
        }
    }

    fn insert_block_item(&self, items: &[Node], at: usize, value: &Yaml) -> Vec<Edit> {
        let indent = self.column(self.dash_of(&items[0]));
        let lines = emit::item_lines(value, indent, self.step);
        let nl = self.newline;
        if at >= items.len() {
            let last = self.chunk(items, items.len() - 1);
            let text: String = lines.iter().map(|l| format!("{nl}{l}")).collect();
            vec![edit(last.end, last.end, text)]
        } else {
            let before = self.chunk(items, at);
            let text: String = lines.iter().map(|l| format!("{l}{nl}")).collect();
            vec![edit(before.start, before.start, text)]
        }
    }

    fn move_block_item(&self, items: &[Node], from: usize, to: usize) -> Edit {
        let chunks: Vec<Chunk> = (0..items.len()).map(|i| self.chunk(items, i)).collect();
        let start = chunks[0].start;
        let end = chunks[chunks.len() - 1].end;
        let mut texts: Vec<&str> = chunks.iter().map(|c| &self.text[c.start..c.end]).collect();
        let separators: Vec<&str> = chunks
            .windows(2)
            .map(|w| &self.text[w[0].end..w[1].start])
            .collect();
        let moved = texts.remove(from);
        texts.insert(to, moved);
        let mut out = String::new();
        for (i, text) in texts.iter().enumerate() {
            out.push_str(text);
            if let Some(sep) = separators.get(i) {
                out.push_str(sep);
            }
        }
        edit(start, end, out)
    }

    /// Rewrites a flow collection with one change, keeping the text of every other entry.
    fn flow_rewrite(
        &self,
        node: &Node,
        op: FlowOp,
        path: &[Seg],
        order: &dyn Order,
    ) -> Result<Edit, EditError> {
        let (start, end) = self.node_region(node).range();
        let raw = |n: &Node| -> String {
            let (s, e) = self.node_region(n).range();
            self.text[s..e].to_string()
        };
        let text = match (&node.value, op) {
            (NodeValue::Map(entries), FlowOp::Set(key, value)) => {
                let mut parts: Vec<(Option<&str>, String)> = entries
                    .iter()
                    .map(|(k, v)| {
                        let (s, e) = self.value_region(k, v).range();
                        let key_text = &self.text[self.byte(k.span.start)..self.key_end(k)];
                        let value_text = &self.text[s..e];
                        (k.scalar(), flow_entry(key_text, value_text))
                    })
                    .collect();
                let written = emit::flow(value);
                let entry = flow_entry(&emit::key(key), &written);
                match parts.iter().position(|(k, _)| *k == Some(key)) {
                    Some(i) => {
                        let k = &entries[i].0;
                        let key_text = &self.text[self.byte(k.span.start)..self.key_end(k)];
                        parts[i].1 = flow_entry(key_text, &written);
                    }
                    None => {
                        let rank = order.rank(path, key);
                        let at = match rank {
                            None => 0,
                            Some(rank) => parts
                                .iter()
                                .rposition(|(k, _)| {
                                    k.and_then(|k| order.rank(path, k)).is_none_or(|r| r < rank)
                                })
                                .map_or(0, |i| i + 1),
                        };
                        parts.insert(at, (Some(key), entry));
                    }
                }
                let inner: Vec<String> = parts.into_iter().map(|(_, t)| t).collect();
                format!("{{{}}}", inner.join(", "))
            }
            (NodeValue::Map(entries), FlowOp::Remove(key)) => {
                let inner: Vec<String> = entries
                    .iter()
                    .filter(|(k, _)| k.scalar() != Some(key))
                    .map(|(k, v)| {
                        let (s, e) = self.value_region(k, v).range();
                        let key_text = &self.text[self.byte(k.span.start)..self.key_end(k)];
                        flow_entry(key_text, &self.text[s..e])
                    })
                    .collect();
                format!("{{{}}}", inner.join(", "))
            }
            (NodeValue::Seq(items), op) => {
                let mut parts: Vec<String> = items.iter().map(raw).collect();
                match op {
                    FlowOp::Insert(at, value) => {
                        parts.insert(at.min(parts.len()), emit::flow(value))
                    }
                    FlowOp::RemoveItem(i) => {
                        parts.remove(i);
                    }
                    FlowOp::Move(from, to) => {
                        let moved = parts.remove(from);
                        parts.insert(to, moved);
                    }
                    _ => return Err(EditError::NoSuchPlace("a list has no keys".into())),
                }
                format!("[{}]", parts.join(", "))
            }
            _ => return Err(EditError::NoSuchPlace("not a collection".into())),
        };
        Ok(edit(start, end, text))
    }
}

/// A change to a flow collection.
enum FlowOp<'a> {
    Set(&'a str, &'a Yaml),
    Remove(&'a str),
    Insert(usize, &'a Yaml),
    RemoveItem(usize),
    Move(usize, usize),
}

fn flow_entry(key: &str, value: &str) -> String {
    if value.is_empty() {
        format!("{key}:")
    } else {
        format!("{key}: {value}")
    }
}

fn head_line(indent: usize, key: &str, inline: &str) -> String {
    let pad = " ".repeat(indent);
    if inline.is_empty() {
        format!("{pad}{}:", emit::key(key))
    } else {
        format!("{pad}{}: {inline}", emit::key(key))
    }
}

/// ` inline`, or nothing.
fn spaced(inline: &str) -> String {
    if inline.is_empty() {
        String::new()
    } else {
        format!(" {inline}")
    }
}

fn is_empty_collection(node: &Node) -> bool {
    match &node.value {
        NodeValue::Map(e) => e.is_empty(),
        NodeValue::Seq(i) => i.is_empty(),
        NodeValue::Scalar { .. } => false,
    }
}
