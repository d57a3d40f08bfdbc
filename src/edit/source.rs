//! A YAML file as the editor sees it: its text (without a BOM, which is put back on writing),
//! its line ending, its spanned tree, and the exact byte range of each value.

use crate::diag::{Diagnostic, Pos, codes};
use crate::load::yaml::{self, Limits, Node, NodeValue};

use super::Seg;

/// Why a file is not edited through the form; the page says it with the place.
#[derive(Debug, Clone)]
pub enum Refusal {
    /// The file is not one readable YAML document (a syntax error, a duplicate key, several
    /// documents, an alias bomb …): its diagnostics, with their places.
    Syntax(Vec<Diagnostic>),
    /// A line is indented with a tab (1-based line number).
    Tab(usize),
    /// The file is not valid UTF-8 or is too large.
    Undecodable(Box<Diagnostic>),
}

impl Refusal {
    /// The first place concerned (line, column), when known.
    pub fn place(&self) -> Option<(usize, usize)> {
        match self {
            Refusal::Syntax(diags) => diags
                .iter()
                .find_map(|d| d.span)
                .map(|s| (s.start.line, s.start.col)),
            Refusal::Tab(line) => Some((*line, 1)),
            Refusal::Undecodable(d) => d.span.map(|s| (s.start.line, s.start.col)),
        }
    }
}

/// How a scalar is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    Plain,
    Single,
    Double,
}

/// Where a value is written, in bytes of the text.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Region {
    /// `key:` with nothing after it: the position just after the colon.
    Empty { at: usize },
    /// A scalar on its line(s): `[start, end)` is exactly its text (quotes included).
    Scalar {
        start: usize,
        end: usize,
        style: Style,
    },
    /// A block scalar: its header `[start, header_end)` (`|-`, `>2` …, a comment after it is
    /// not part of it), and its content lines `[content_start, end)` (empty when there are none:
    /// both are then the end of the header's line).
    Block {
        start: usize,
        header_end: usize,
        content_start: usize,
        end: usize,
        folded: bool,
        /// The indentation of the content, when it has lines.
        indent: Option<usize>,
    },
    /// A flow collection `{…}` / `[…]`.
    Flow { start: usize, end: usize },
    /// A block mapping or list: from its first key or dash to the end of its last content.
    Nested { start: usize, end: usize },
}

impl Region {
    /// The byte range of the whole value as written.
    pub(crate) fn range(&self) -> (usize, usize) {
        match *self {
            Region::Empty { at } => (at, at),
            Region::Scalar { start, end, .. }
            | Region::Flow { start, end }
            | Region::Nested { start, end } => (start, end),
            Region::Block { start, end, .. } => (start, end),
        }
    }
}

/// A parsed file ready for editing.
#[derive(Debug, Clone)]
pub struct Source {
    pub(crate) text: String,
    pub(crate) bom: bool,
    pub(crate) newline: &'static str,
    pub(crate) root: Node,
    /// Byte offset of every 64th character, to turn the tree's character offsets into bytes.
    checkpoints: Vec<usize>,
    /// The indentation step the file uses (2 when it shows none).
    pub(crate) step: usize,
}

const CHECKPOINT: usize = 64;

impl Source {
    /// Reads a file's bytes. Refused: undecodable text, a syntax error or anything else that
    /// stops the parser, a duplicate key (which of the two would be edited?), several
    /// documents, and tabs in indentation.
    pub fn parse(bytes: &[u8]) -> Result<Source, Refusal> {
        let limits = Limits::default();
        let bom = bytes.starts_with(b"\xEF\xBB\xBF");
        let text = yaml::decode(bytes, &limits).map_err(Refusal::Undecodable)?;
        if let Some(line) = tab_indented(&text) {
            return Err(Refusal::Tab(line));
        }
        let parsed = yaml::parse(&text, &limits);
        let blocking: Vec<Diagnostic> = parsed
            .diagnostics
            .iter()
            .filter(|d| {
                [
                    &codes::YAML_SYNTAX,
                    &codes::DUPLICATE_KEY,
                    &codes::MULTIPLE_DOCUMENTS,
                    &codes::COMPLEX_KEY,
                    &codes::TOO_DEEP,
                    &codes::ALIAS_LIMIT,
                    &codes::VALUE_TOO_LONG,
                ]
                .iter()
                .any(|c| std::ptr::eq(*c, d.code))
            })
            .cloned()
            .collect();
        let root = match parsed.root {
            Some(root) if blocking.is_empty() => root,
            _ if !blocking.is_empty() => return Err(Refusal::Syntax(blocking)),
            // Nothing but comments: an empty mapping to add to.
            _ => Node::empty_map(),
        };
        let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
        let checkpoints = text
            .char_indices()
            .step_by(CHECKPOINT)
            .map(|(b, _)| b)
            .collect();
        let mut source = Source {
            text,
            bom,
            newline,
            root,
            checkpoints,
            step: 2,
        };
        source.step = source.indent_step();
        Ok(source)
    }

    /// The file's bytes: the text, with its BOM when it had one.
    pub fn bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.text.len() + 3);
        if self.bom {
            out.extend_from_slice(b"\xEF\xBB\xBF");
        }
        out.extend_from_slice(self.text.as_bytes());
        out
    }

    /// The text without its BOM.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The root node.
    pub fn root(&self) -> &Node {
        &self.root
    }

    /// The node at `path`, if it is written.
    pub fn get(&self, path: &[Seg]) -> Option<&Node> {
        let mut node = &self.root;
        for seg in path {
            node = child(node, seg)?.1;
        }
        Some(node)
    }

    /// The text of the value at `path` exactly as written (quotes, block header and comments
    /// inside it included); `None` when the key is absent.
    pub fn text_of(&self, path: &[Seg]) -> Option<&str> {
        let (start, end) = self.region_at(path)?.range();
        Some(&self.text[start..end])
    }

    /// The region of the value at `path`.
    pub(crate) fn region_at(&self, path: &[Seg]) -> Option<Region> {
        let (last, parents) = path.split_last()?;
        let parent = self.get(parents)?;
        let (key, value) = child(parent, last)?;
        Some(match key {
            Some(key) => self.value_region(key, value),
            None => self.node_region(value),
        })
    }

    /// A character offset of the tree as a byte offset of the text.
    pub(crate) fn byte(&self, pos: Pos) -> usize {
        let offset = pos.offset;
        let Some(&base) = self.checkpoints.get(offset / CHECKPOINT) else {
            return self.text.len();
        };
        let skip = offset % CHECKPOINT;
        self.text[base..]
            .char_indices()
            .nth(skip)
            .map_or(self.text.len(), |(b, _)| base + b)
    }

    /// The start of the line holding byte `at`.
    pub(crate) fn line_start(&self, at: usize) -> usize {
        // Line breaks are ASCII, never part of a longer character: bytes can be searched.
        let bytes = self.text.as_bytes();
        bytes[..at.min(bytes.len())]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1)
    }

    /// The end of the content of the line holding `at`: its `\r\n` or `\n`, or the end.
    pub(crate) fn line_end(&self, at: usize) -> usize {
        let bytes = self.text.as_bytes();
        let at = at.min(bytes.len());
        let end = bytes[at..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| at + i);
        if end > at && bytes[end - 1] == b'\r' {
            end - 1
        } else {
            end
        }
    }

    /// The start of the line after the one holding `at` (the end of the text on the last line).
    pub(crate) fn next_line(&self, at: usize) -> usize {
        let bytes = self.text.as_bytes();
        let at = at.min(bytes.len());
        bytes[at..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| at + i + 1)
    }

    /// The column (in characters, 0-based) of byte `at` on its line.
    pub(crate) fn column(&self, at: usize) -> usize {
        self.text[self.line_start(at)..at].chars().count()
    }

    /// The byte just past the last non-blank character before `end`.
    pub(crate) fn trim_back(&self, start: usize, end: usize) -> usize {
        let kept = self.text[start..end].trim_end_matches([' ', '\t', '\r', '\n']);
        start + kept.len()
    }

    /// The byte just past the colon that follows a mapping key.
    pub(crate) fn after_colon(&self, key: &Node) -> usize {
        let from = self.key_end(key);
        let rest = &self.text[from..];
        match rest.find(':') {
            Some(i) if rest[..i].chars().all(|c| c == ' ' || c == '\t') => from + i + 1,
            // Not found where it should be (a key on its own line in flow style): after the key.
            _ => from,
        }
    }

    /// The byte just past a key's text (its closing quote for a quoted key).
    pub(crate) fn key_end(&self, key: &Node) -> usize {
        let start = self.byte(key.span.start);
        match self.text[start..].chars().next() {
            Some(q @ ('"' | '\'')) => self.quoted_end(start, q),
            _ => self.trim_back(start, self.byte(key.span.end)),
        }
    }

    /// The byte just past the closing quote of the quoted scalar starting at `start`.
    fn quoted_end(&self, start: usize, quote: char) -> usize {
        let bytes = self.text.as_bytes();
        let mut i = start + 1;
        while i < bytes.len() {
            match (quote, bytes[i]) {
                ('"', b'\\') => i += 2,
                ('"', b'"') => return i + 1,
                ('\'', b'\'') if bytes.get(i + 1) == Some(&b'\'') => i += 2,
                ('\'', b'\'') => return i + 1,
                _ => i += 1,
            }
        }
        bytes.len()
    }

    /// The region of the value of a mapping entry.
    pub(crate) fn value_region(&self, key: &Node, value: &Node) -> Region {
        let colon = self.after_colon(key);
        // A block scalar's span starts at its content (on the next line, and nowhere at all when
        // it has none): its header is what follows the colon.
        if let NodeValue::Scalar { plain: false, .. } = value.value
            && let Some(header) = self.header_after(colon)
        {
            return self.block_region(header, self.byte(value.span.end));
        }
        if value.span.start.offset == value.span.end.offset
            && matches!(value.value, NodeValue::Scalar { .. })
        {
            return Region::Empty { at: colon };
        }
        self.node_region(value)
    }

    /// The region of a node written on its own (a list item, or a value found by its span).
    pub(crate) fn node_region(&self, node: &Node) -> Region {
        let start = self.byte(node.span.start);
        let end = self.byte(node.span.end);
        match &node.value {
            NodeValue::Scalar { plain, .. } => match self.text[start..].chars().next() {
                Some(q @ ('"' | '\'')) if !plain => Region::Scalar {
                    start,
                    end: self.quoted_end(start, q),
                    style: if q == '"' {
                        Style::Double
                    } else {
                        Style::Single
                    },
                },
                _ if node.span.start.offset == node.span.end.offset => Region::Empty { at: start },
                _ => Region::Scalar {
                    start,
                    end: self.trim_back(start, end),
                    style: Style::Plain,
                },
            },
            NodeValue::Map(_) | NodeValue::Seq(_) if self.text[start..].starts_with(['{', '[']) => {
                Region::Flow { start, end }
            }
            NodeValue::Map(_) | NodeValue::Seq(_) => Region::Nested {
                start,
                end: self.content_end(node),
            },
        }
    }

    /// The block scalar header (`|`, `>-`, `|2` …) right after a key's colon, if that is what
    /// follows it.
    fn header_after(&self, colon: usize) -> Option<usize> {
        let rest = &self.text[colon..];
        let skipped = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        let at = colon + skipped;
        matches!(self.text.as_bytes().get(at), Some(b'|' | b'>')).then_some(at)
    }

    fn block_region(&self, header: usize, span_end: usize) -> Region {
        let folded = self.text.as_bytes()[header] == b'>';
        let header_end = header
            + 1
            + self.text[header + 1..]
                .chars()
                .take_while(|c| matches!(c, '-' | '+' | '1'..='9'))
                .count();
        let header_line_end = self.line_end(header);
        let last = self.trim_back(header_line_end, span_end.max(header_line_end));
        if last <= header_line_end {
            return Region::Block {
                start: header,
                header_end,
                content_start: header_line_end,
                end: header_line_end,
                folded,
                indent: None,
            };
        }
        // The content's indentation is that of its first line that is not blank.
        let indent = self.text[header_line_end..last]
            .split('\n')
            .skip(1)
            .find(|line| !line.trim().is_empty())
            .map(|line| line.len() - line.trim_start_matches(' ').len());
        Region::Block {
            start: header,
            header_end,
            content_start: header_line_end,
            end: self.line_end(last - 1),
            folded,
            indent,
        }
    }

    /// The byte just after the last character of content in a node (its deepest, last
    /// scalar), not counting the line breaks a block scalar's span runs on into.
    pub(crate) fn content_end(&self, node: &Node) -> usize {
        fn deepest(source: &Source, node: &Node) -> usize {
            match &node.value {
                NodeValue::Scalar { .. } => source.byte(node.span.end),
                NodeValue::Seq(items) => items
                    .iter()
                    .map(|n| deepest(source, n))
                    .max()
                    .unwrap_or(source.byte(node.span.start)),
                NodeValue::Map(entries) => entries
                    .iter()
                    .map(|(k, v)| deepest(source, k).max(deepest(source, v)))
                    .max()
                    .unwrap_or(source.byte(node.span.start)),
            }
        }
        let end = deepest(self, node);
        let end = self.trim_back(self.byte(node.span.start).min(end), end);
        // A closing quote or bracket past the span's end (the parser's spans stop short of
        // some): the content ends with its line's content when that line holds it.
        let line_end = self.line_end(end.saturating_sub(1).max(self.line_start(end)));
        let tail = &self.text[end..line_end];
        let extra = tail
            .char_indices()
            .take_while(|(_, c)| matches!(c, '"' | '\'' | '}' | ']'))
            .last()
            .map_or(0, |(i, c)| i + c.len_utf8());
        end + extra
    }

    /// The indentation step the file uses: the smallest indentation of a nested mapping's keys
    /// beyond their parent key's, or 2.
    fn indent_step(&self) -> usize {
        fn walk(source: &Source, node: &Node, parent_col: Option<usize>, best: &mut usize) {
            if let NodeValue::Map(entries) = &node.value {
                for (k, v) in entries {
                    let col = k.span.start.col;
                    if let Some(p) = parent_col
                        && col > p
                        && col - p < *best
                    {
                        *best = col - p;
                    }
                    if !source
                        .text
                        .get(source.byte(v.span.start)..)
                        .is_some_and(|t| t.starts_with(['{', '[']))
                    {
                        walk(source, v, Some(col), best);
                    }
                }
            }
        }
        let mut best = usize::MAX;
        walk(self, &self.root, None, &mut best);
        if (1..=8).contains(&best) { best } else { 2 }
    }
}

/// The child of `node` at `seg`: for a mapping, the key node and the value.
pub(crate) fn child<'a>(node: &'a Node, seg: &Seg) -> Option<(Option<&'a Node>, &'a Node)> {
    match (&node.value, seg) {
        (NodeValue::Map(entries), Seg::Key(key)) => entries
            .iter()
            .find(|(k, _)| k.scalar() == Some(key.as_str()))
            .map(|(k, v)| (Some(k), v)),
        (NodeValue::Seq(items), Seg::Index(i)) => items.get(*i).map(|n| (None, n)),
        _ => None,
    }
}

/// The first line (1-based) whose indentation holds a tab.
fn tab_indented(text: &str) -> Option<usize> {
    text.lines()
        .position(|line| {
            line.chars()
                .take_while(|c| c.is_whitespace())
                .any(|c| c == '\t')
        })
        .map(|i| i + 1)
}
