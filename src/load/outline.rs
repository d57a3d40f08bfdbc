//! The source's lines as the officer wrote them, read without the YAML parser: which line is
//! a key, a list item or text, and under which key it stands.
//!
//! The parser stops at the first thing it cannot read and says where it noticed, often lines
//! later (past the comments, at the next key). This outline lets the loader find the line
//! that caused it ([`super::syntax`]) and name an item by its place in the form when there is
//! no tree to read it from ([`Outline::item_at`]).

use crate::form::label::{Step, full_label, key_path};
use crate::form::{self, Item, Kind};

/// How a line's indentation is made, when it is not made of ASCII spaces only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OddIndent {
    /// A tab character.
    Tab,
    /// Full-width spaces (U+3000), `count` of them.
    FullWidth {
        /// How many.
        count: usize,
    },
}

/// The separator a line that is not a key seems to use between a key and its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Separator {
    /// `key：value`.
    FullWidthColon,
    /// `key:value`.
    NoSpace,
    /// `key value`, where `key` is an item of the form.
    Missing,
}

/// What a line holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum LineKind {
    /// Blank, a comment, a document marker, or inside a block scalar, a multi-line flow
    /// collection or a multi-line quoted value.
    Other,
    /// `key: value` or `key:`, perhaps after `- `.
    Key {
        /// The key as written.
        key: String,
        /// Nothing follows the colon but perhaps a comment: the key holds what is below it.
        opens: bool,
        /// The value is written on this line without quotes, brackets or a block indicator,
        /// so the lines below it may continue it.
        plain: bool,
    },
    /// `- ` with nothing after it, or a scalar list item.
    Dash,
    /// Text that is not a key: the rest of a plain value, or a stray line.
    Text {
        /// A key and separator the line seems to mean (`key：value`, `key:value`).
        guess: Option<(String, Separator, String)>,
    },
}

/// One line of the source.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// 1-based line number.
    pub number: usize,
    /// The character offset of the line's first character in the source.
    pub start: usize,
    /// The indentation's odd characters and the 1-based character column of the first one.
    pub odd: Option<(OddIndent, usize)>,
    /// The visual column of `- `, for a list item.
    pub dash: Option<usize>,
    /// The visual column of the content after the indentation and any `- `.
    pub col: usize,
    /// The 1-based character column of that content.
    pub char_col: usize,
    /// The content, from the key or text to the end of the line.
    pub content: String,
    /// What the line holds.
    pub kind: LineKind,
    /// Text that YAML reads as the rest of the plain value of the key above it.
    pub continues: bool,
}

/// A node of the outline: a key, or a list item (`- `).
#[derive(Debug, Clone)]
pub(crate) struct Node {
    /// Index of its line in [`Outline::lines`].
    pub line: usize,
    /// Visual column.
    pub col: usize,
    /// A list item rather than a key.
    pub item: bool,
    /// The key, for a key (a guessed key for a stray `key：value` line).
    pub key: Option<String>,
    /// It holds what is indented below it.
    pub opens: bool,
    /// Index of its parent node.
    pub parent: Option<usize>,
    /// For a list item, its 1-based position among its parent's items.
    pub index: Option<usize>,
}

impl Node {
    fn new(
        line: usize,
        col: usize,
        item: bool,
        key: Option<String>,
        opens: bool,
        parent: Option<usize>,
    ) -> Node {
        Node {
            line,
            col,
            item,
            key,
            opens,
            parent,
            index: None,
        }
    }
}

/// The outline of a source text.
#[derive(Debug, Clone)]
pub(crate) struct Outline {
    /// Every line, in order.
    pub lines: Vec<Line>,
    /// Keys and list items, in order.
    pub nodes: Vec<Node>,
    /// The last node written on each line (by 0-based line index).
    by_line: Vec<Option<usize>>,
    /// The edition named by `様式`, if any.
    edition: Option<&'static form::Edition>,
}

/// What linking keeps while it walks the lines: the nodes that may still be parents (their
/// columns strictly increase), the columns each parent's children use, and each parent's
/// number of list items.
#[derive(Default)]
struct Linking {
    open: Vec<usize>,
    child_cols: std::collections::HashMap<Option<usize>, std::collections::HashSet<usize>>,
    items: std::collections::HashMap<Option<usize>, usize>,
}

/// Splits off leading white space: (visual width, odd indentation, characters consumed).
fn indentation(text: &str) -> (usize, Option<(OddIndent, usize)>, usize) {
    let mut width = 0;
    let mut odd = None;
    let mut chars = 0;
    let mut full_width = 0;
    for c in text.chars() {
        match c {
            ' ' => width += 1,
            '\t' => {
                width += 1;
                if odd.is_none() {
                    odd = Some((OddIndent::Tab, chars + 1));
                }
            }
            '\u{3000}' => {
                width += 2;
                full_width += 1;
                if odd.is_none() {
                    odd = Some((OddIndent::FullWidth { count: 0 }, chars + 1));
                }
            }
            _ => break,
        }
        chars += 1;
    }
    if let Some((OddIndent::FullWidth { count }, _)) = &mut odd {
        *count = full_width;
    }
    (width, odd, chars)
}

/// The byte index of the `:` that ends a key (followed by a space or the end of the line),
/// outside quotes and before any comment.
pub(crate) fn key_colon(content: &str) -> Option<usize> {
    let bytes = content.as_bytes();
    let mut i = 0;
    if let Some(q @ (b'"' | b'\'')) = bytes.first().copied() {
        // A quoted key: skip to its closing quote.
        i = 1;
        while i < bytes.len() && bytes[i] != q {
            i += if bytes[i] == b'\\' && q == b'"' { 2 } else { 1 };
        }
        i += 1;
    }
    while i < bytes.len() {
        match bytes[i] {
            b'#' if i > 0 && matches!(bytes[i - 1], b' ' | b'\t') => return None,
            b':' if i + 1 == bytes.len() || matches!(bytes[i + 1], b' ' | b'\t') => {
                return (i > 0).then_some(i);
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The value part of a key line without its comment, trimmed.
pub(crate) fn value_of(rest: &str) -> &str {
    let mut end = rest.len();
    let bytes = rest.as_bytes();
    let quoted = matches!(rest.trim_start().as_bytes().first(), Some(b'"' | b'\''));
    if !quoted {
        for i in 0..bytes.len() {
            if bytes[i] == b'#' && (i == 0 || matches!(bytes[i - 1], b' ' | b'\t')) {
                end = i;
                break;
            }
        }
    }
    rest[..end].trim()
}

/// Whether a quoted value that starts `value` is closed on the same line.
fn quote_closed(value: &str) -> bool {
    let mut chars = value.chars();
    let Some(q) = chars.next() else { return true };
    let rest: Vec<char> = chars.collect();
    let mut i = 0;
    while i < rest.len() {
        match (q, rest[i]) {
            ('"', '\\') => i += 1,
            ('\'', '\'') if rest.get(i + 1) == Some(&'\'') => i += 1,
            (q, c) if c == q => return true,
            _ => {}
        }
        i += 1;
    }
    false
}

/// How much a flow collection opens minus closes, outside quotes.
fn bracket_depth(text: &str) -> i32 {
    let mut depth = 0;
    let mut quote = None;
    for c in text.chars() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '{' | '[') => depth += 1,
            (None, '}' | ']') => depth -= 1,
            (None, '#') => break,
            _ => {}
        }
    }
    depth
}

/// What a stray line seems to mean: `key：value` or `key:value`.
pub(crate) fn guess(content: &str) -> Option<(String, Separator, String)> {
    let plausible = |key: &str| {
        !key.is_empty() && key.chars().count() <= 40 && !key.contains([' ', '　', '#', '「', '。'])
    };
    // The value as it would be written after the fix, without a comment.
    let value_of = |v: &str| value_of(v.trim_start_matches([' ', '\u{3000}'])).to_string();
    if let Some((key, value)) = content.split_once('：')
        && plausible(key)
    {
        return Some((key.to_string(), Separator::FullWidthColon, value_of(value)));
    }
    if let Some((key, value)) = content.split_once(':')
        && plausible(key)
        && !value.starts_with("//")
        && !value.is_empty()
    {
        return Some((key.to_string(), Separator::NoSpace, value_of(value)));
    }
    if let Some((key, value)) = content.split_once([' ', '\u{3000}'])
        && known_key(key)
    {
        return Some((key.to_string(), Separator::Missing, value_of(value)));
    }
    None
}

/// Whether `key` is the key of an item of some edition of the form or of the change table.
fn known_key(key: &str) -> bool {
    fn any(items: &'static [Item], key: &str) -> bool {
        items.iter().any(|i| i.key == key || any(i.children(), key))
    }
    form::EDITIONS.iter().any(|e| any(e.items, key))
        || any(std::slice::from_ref(&form::changes::TABLE), key)
}

impl Outline {
    /// Reads the outline of `source`.
    pub(crate) fn new(source: &str) -> Outline {
        let mut lines: Vec<Line> = Vec::new();
        // While inside a block scalar: the indentation its lines must exceed.
        let mut block_above: Option<usize> = None;
        let mut flow_depth = 0;
        let mut open_quote: Option<char> = None;
        let mut start = 0;
        for (i, text) in source.split('\n').enumerate() {
            let line_start = start;
            start += text.chars().count() + 1;
            let text = text.strip_suffix('\r').unwrap_or(text);
            let (indent, odd, skipped) = indentation(text);
            let rest: String = text.chars().skip(skipped).collect();
            let mut line = Line {
                number: i + 1,
                start: line_start,
                odd,
                dash: None,
                col: indent,
                char_col: skipped + 1,
                content: rest.clone(),
                kind: LineKind::Other,
                continues: false,
            };
            if let Some(above) = block_above {
                if rest.is_empty() || indent > above {
                    lines.push(line);
                    continue;
                }
                block_above = None;
            }
            if flow_depth > 0 {
                flow_depth += bracket_depth(&rest);
                lines.push(line);
                continue;
            }
            if let Some(q) = open_quote {
                if rest.contains(q) {
                    open_quote = None;
                }
                lines.push(line);
                continue;
            }
            if rest.is_empty()
                || rest.starts_with('#')
                || rest.starts_with("---")
                || rest.starts_with("...")
                || rest.starts_with('?')
            {
                lines.push(line);
                continue;
            }
            // A list item: `- ` then perhaps a key.
            let mut content = rest.as_str();
            let mut col = indent;
            let mut char_col = skipped + 1;
            if content == "-" || content.starts_with("- ") {
                line.dash = Some(indent);
                let after = content[1..].trim_start_matches(' ');
                let spaces = content.len() - 1 - after.len();
                col = indent + 1 + spaces;
                char_col += 1 + spaces;
                content = after;
            }
            line.col = col;
            line.char_col = char_col;
            line.content = content.to_string();
            if content.is_empty() || content.starts_with('#') {
                line.kind = LineKind::Dash;
                lines.push(line);
                continue;
            }
            match key_colon(content) {
                Some(at) => {
                    let key = content[..at].trim_matches(['"', '\'']).to_string();
                    let raw = &content[at + 1..];
                    let value = value_of(raw);
                    // A comment ends a plain value: nothing below continues it.
                    let commented = value.len() < raw.trim().len();
                    let block = value.starts_with(['|', '>']);
                    if block {
                        block_above = Some(col);
                    } else if value.starts_with(['{', '[']) {
                        flow_depth = bracket_depth(value).max(0);
                    } else if value.starts_with(['"', '\'']) && !quote_closed(value) {
                        open_quote = value.chars().next();
                    }
                    line.kind = LineKind::Key {
                        key,
                        opens: value.is_empty(),
                        plain: !value.is_empty()
                            && !commented
                            && !block
                            && !value.starts_with(['{', '[', '"', '\'', '&', '*', '!']),
                    };
                }
                None if line.dash.is_some() => line.kind = LineKind::Dash,
                None => {
                    line.kind = LineKind::Text {
                        guess: guess(content),
                    }
                }
            }
            lines.push(line);
        }
        let mut outline = Outline {
            by_line: vec![None; lines.len()],
            lines,
            nodes: Vec::new(),
            edition: None,
        };
        outline.link();
        outline.edition = outline.find_edition();
        outline
    }

    /// Makes the nodes and finds each one's parent: the nearest node above it that is less
    /// indented (a list item may sit at its key's own column).
    fn link(&mut self) {
        // The last key whose value may continue on the lines below, and its column.
        let mut continuing: Option<usize> = None;
        let mut continues = Vec::new();
        let mut linking = Linking::default();
        for index in 0..self.lines.len() {
            let line = &self.lines[index];
            let (dash, col, kind) = (line.dash, line.col, line.kind.clone());
            if let Some(dash) = dash {
                continuing = None;
                let parent = self.parent_for(&mut linking, dash, true);
                self.push(
                    &mut linking,
                    Node::new(index, dash, true, None, true, parent),
                );
            }
            match kind {
                LineKind::Key { key, opens, plain } => {
                    let parent = if dash.is_some() {
                        Some(self.nodes.len() - 1)
                    } else {
                        self.parent_for(&mut linking, col, false)
                    };
                    continuing = plain.then_some(col);
                    self.push(
                        &mut linking,
                        Node::new(index, col, false, Some(key), opens, parent),
                    );
                }
                LineKind::Text { guess } => {
                    if continuing.is_some_and(|c| col > c) {
                        continues.push(index);
                        continue;
                    }
                    continuing = None;
                    if let Some((key, _, _)) = guess {
                        let parent = self.parent_for(&mut linking, col, false);
                        self.push(
                            &mut linking,
                            Node::new(index, col, false, Some(key), false, parent),
                        );
                    }
                }
                // A comment ends a plain value; blank lines do not.
                LineKind::Other if self.lines[index].content.starts_with('#') => continuing = None,
                LineKind::Dash | LineKind::Other => {}
            }
        }
        for index in continues {
            self.lines[index].continues = true;
        }
    }

    /// Adds a node, numbering it among its parent's list items and keeping it open.
    fn push(&mut self, linking: &mut Linking, mut node: Node) {
        let (line, col, parent) = (node.line, node.col, node.parent);
        node.index = node.item.then(|| {
            let count = linking.items.entry(parent).or_default();
            *count += 1;
            *count
        });
        let id = self.nodes.len();
        linking.child_cols.entry(parent).or_default().insert(col);
        // A list item may share its key's column (`システム:` then `- id:`): the key stays open.
        while linking
            .open
            .last()
            .is_some_and(|&top| self.nodes[top].col >= col && Some(top) != parent)
        {
            linking.open.pop();
        }
        linking.open.push(id);
        self.by_line[line] = Some(id);
        self.nodes.push(node);
    }

    /// The nearest node above that is less indented (a list item may sit at its key's own
    /// column), from the nodes still open.
    fn parent_for(&self, linking: &mut Linking, col: usize, item: bool) -> Option<usize> {
        let mut found = None;
        for &n in linking.open.iter().rev() {
            let node = &self.nodes[n];
            if node.col < col || (item && node.col == col && !node.item && node.opens) {
                found = Some(n);
                break;
            }
        }
        let found = found?;
        let candidate = &self.nodes[found];
        // Nothing stands under a key with a value. When the line sits where that key's
        // siblings stand (as an earlier sibling does, or a usual step below their parent),
        // it is their sibling, and the key above is the one indented wrongly.
        if candidate.opens || candidate.item {
            return Some(found);
        }
        let grandparent = candidate.parent;
        let sibling_col = linking
            .child_cols
            .get(&grandparent)
            .is_some_and(|cols| cols.contains(&col));
        let usual = grandparent.map_or(0, |g| self.nodes[g].col + 2) == col;
        if sibling_col || usual {
            grandparent
        } else {
            Some(found)
        }
    }

    /// The node written on a 1-based line (its key, rather than the `- ` before it).
    pub(crate) fn node_at(&self, line: usize) -> Option<usize> {
        *self.by_line.get(line.checked_sub(1)?)?
    }

    /// The keys and list positions from the top down to `node`: (key, 1-based index for an
    /// item).
    fn chain(&self, node: usize) -> Vec<(Option<&str>, Option<usize>)> {
        let mut out = Vec::new();
        let mut at = Some(node);
        while let Some(i) = at {
            let n = &self.nodes[i];
            out.push((n.key.as_deref(), n.index));
            at = n.parent;
        }
        out.reverse();
        out
    }

    /// The edition named by the top-level `様式` key, if written.
    fn edition(&self) -> Option<&'static form::Edition> {
        self.edition
    }

    fn find_edition(&self) -> Option<&'static form::Edition> {
        self.nodes.iter().find_map(|n| {
            if n.parent.is_some() || n.key.as_deref() != Some("様式") {
                return None;
            }
            let line = &self.lines[n.line];
            let value = line.content.split_once(':').map(|(_, v)| value_of(v))?;
            form::edition(value.trim_matches(['"', '\'']))
        })
    }

    /// The form's item written on a 1-based line, by its place under the keys above it: its
    /// full label and key path. A key written at the wrong depth is looked for among the
    /// items of the levels above too, so the item is named even where the parser stopped.
    pub(crate) fn item_at(&self, line: usize) -> Option<(String, String)> {
        let steps = self.steps_at(line)?;
        Some((full_label(&steps), key_path(&steps)))
    }

    /// The path through the form to the item written on a 1-based line.
    fn steps_at(&self, line: usize) -> Option<Vec<Step>> {
        let node = self.node_at(line)?;
        let chain = self.chain(node);
        let roots: [&'static [Item]; 2] = [
            self.edition().unwrap_or(form::EDITIONS[0]).items,
            std::slice::from_ref(&form::changes::TABLE),
        ];
        roots.iter().find_map(|root| resolve(root, &chain))
    }

    /// The node among whose children the form puts `node`'s key: its parent when the line
    /// stands where it belongs, an ancestor when it is indented too deep for its item.
    /// `Some(None)` is the top level; `None` when the form does not know the key there.
    pub(crate) fn level_of(&self, node: usize) -> Option<Option<usize>> {
        let key = self.nodes[node].key.as_deref()?;
        let mut at = self.nodes[node].parent;
        loop {
            let items: &[Item] = match at {
                None => self.edition().unwrap_or(form::EDITIONS[0]).items,
                Some(a) => {
                    // A list item's keys are its group's; the group is the item's parent.
                    let holder = if self.nodes[a].item {
                        self.nodes[a].parent?
                    } else {
                        a
                    };
                    let line = self.lines[self.nodes[holder].line].number;
                    self.steps_at(line)?.last()?.item.children()
                }
            };
            if items.iter().any(|i| i.key == key) {
                return Some(at);
            }
            at = self.nodes[at?].parent;
        }
    }

    /// The item called `key` that stands beside the item written on a 1-based line: its
    /// full label and key path.
    pub(crate) fn sibling(&self, line: usize, key: &str) -> Option<(String, String)> {
        let mut steps = self.steps_at(line)?;
        let items = match steps.len() {
            0 | 1 => self.edition().unwrap_or(form::EDITIONS[0]).items,
            n => steps[n - 2].item.children(),
        };
        let item = items.iter().find(|i| i.key == key)?;
        let last = steps.last_mut()?;
        *last = Step { item, index: None };
        Some((full_label(&steps), key_path(&steps)))
    }
}

/// Walks a chain of keys through the form. A key that is not where the chain puts it is
/// looked for at the levels above (the line is indented wrongly); keys below a leaf item
/// (a checkbox's options) belong to that item.
fn resolve(root: &'static [Item], chain: &[(Option<&str>, Option<usize>)]) -> Option<Vec<Step>> {
    let mut steps: Vec<Step> = Vec::new();
    // The items at each level walked so far, deepest last.
    let mut levels: Vec<&'static [Item]> = vec![root];
    for (key, index) in chain {
        if let Some(i) = index {
            // A list item: the step above must be a group.
            let last = steps.last_mut()?;
            if !matches!(last.item.kind, Kind::Group(_)) {
                return None;
            }
            last.index = Some(*i);
            if key.is_none() {
                continue;
            }
        }
        let key = key.unwrap_or_default();
        if key == "id" && steps.last().is_some_and(|s| s.index.is_some()) {
            // A block's id names the block.
            return Some(steps);
        }
        let current = *levels.last()?;
        if steps
            .last()
            .is_some_and(|s| matches!(s.item.kind, Kind::Checks(_)))
        {
            // An option of a checkbox set belongs to the set.
            return Some(steps);
        }
        let found = current
            .iter()
            .find(|i| i.key == key)
            .map(|item| (item, levels.len()));
        let found = found.or_else(|| {
            // Wrongly indented: the same key one or more levels up.
            (1..levels.len()).rev().find_map(|depth| {
                levels[depth - 1]
                    .iter()
                    .find(|i| i.key == key)
                    .map(|item| (item, depth))
            })
        });
        match found {
            Some((item, depth)) => {
                steps.truncate(depth - 1);
                levels.truncate(depth);
                steps.push(Step { item, index: None });
                levels.push(item.children());
            }
            None => {
                // Indented too little (a tab, say): the one item of that key below here.
                let below = below(current, key);
                let [path] = below.as_slice() else {
                    return None;
                };
                for item in path {
                    steps.push(Step { item, index: None });
                    levels.push(item.children());
                }
            }
        }
    }
    (!steps.is_empty()).then_some(steps)
}

/// The paths to every item of `key` below `items` (not into groups, whose blocks need a
/// number).
fn below(items: &'static [Item], key: &str) -> Vec<Vec<&'static Item>> {
    let mut out = Vec::new();
    for item in items {
        if item.key == key {
            out.push(vec![item]);
        } else if let Kind::Section(children) = item.kind {
            for mut path in below(children, key) {
                path.insert(0, item);
                out.push(path);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = include_str!("../../tests/suite/validate/valid-minimal.yaml");

    fn line_of(text: &str, needle: &str) -> usize {
        text.lines().position(|l| l.contains(needle)).unwrap() + 1
    }

    #[test]
    fn compact_lists_keep_their_key_open() {
        let text = "基本情報:\n  システム:\n  - id: a\n    システムの名称: x\n  - id: b\n    システムの名称: y\n";
        let outline = Outline::new(text);
        assert_eq!(
            outline.item_at(6).map(|(l, _)| l).as_deref(),
            Some("Ⅰ．２．システム２．①システムの名称")
        );
    }

    #[test]
    fn items_are_named_by_their_place() {
        let outline = Outline::new(MINIMAL);
        let at = |needle: &str| outline.item_at(line_of(MINIMAL, needle)).map(|(l, _)| l);
        assert_eq!(at("事務の名称:").as_deref(), Some("Ⅰ．１．①事務の名称"));
        assert_eq!(
            at("システムの名称:").as_deref(),
            Some("Ⅰ．２．システム１．①システムの名称")
        );
        // A checkbox's option belongs to its set.
        assert_eq!(
            outline
                .item_at(line_of(MINIMAL, "他のシステムとの接続"))
                .map(|(_, p)| p)
                .as_deref(),
            Some("基本情報.システム[1].他のシステムとの接続")
        );
        // Lines of a block scalar are not keys.
        assert!(outline.item_at(line_of(MINIMAL, "二行目。")).is_none());
    }

    #[test]
    fn a_stray_line_is_named_by_the_key_it_means() {
        let text = MINIMAL.replace("    事務の名称: 検証用事務", "     事務の名称：検証用事務");
        let outline = Outline::new(&text);
        let line = line_of(&text, "事務の名称：");
        assert_eq!(
            outline.item_at(line).map(|(l, _)| l).as_deref(),
            Some("Ⅰ．１．①事務の名称")
        );
        // One level too deep, under a key that has a value: named where it belongs.
        let text = MINIMAL.replace("    対象となる本人の数:", "      対象となる本人の数:");
        let outline = Outline::new(&text);
        assert_eq!(
            outline
                .item_at(line_of(&text, "対象となる本人の数:"))
                .map(|(l, _)| l)
                .as_deref(),
            Some("Ⅱ．２．②対象となる本人の数")
        );
    }

    #[test]
    fn indentation_and_guesses() {
        assert_eq!(indentation("  \u{3000}a").0, 4);
        assert_eq!(
            indentation("\u{3000}\u{3000}a").1,
            Some((OddIndent::FullWidth { count: 2 }, 1))
        );
        assert_eq!(indentation("  \ta").1, Some((OddIndent::Tab, 3)));
        assert_eq!(key_colon("a: b"), Some(1));
        assert_eq!(key_colon("a:b"), None);
        assert_eq!(key_colon("url: http://x"), Some(3));
        assert_eq!(key_colon("a # b: c"), None);
        assert_eq!(
            guess("事務の名称：検証").map(|g| g.1),
            Some(Separator::FullWidthColon)
        );
        assert_eq!(
            guess("公表日:令和7年").map(|g| g.1),
            Some(Separator::NoSpace)
        );
        assert_eq!(guess("http://example.jp"), None);
        assert_eq!(
            guess("事務の名称 検証用事務").map(|g| g.1),
            Some(Separator::Missing)
        );
        assert_eq!(guess("検証 のための事務。"), None);
        assert_eq!(guess("検証のための事務。"), None);
    }
}
