//! What a file must read as after an edit: the old tree with the one change, compared node by
//! node with what the edited text parses to. An edit that reads back otherwise is refused.

use crate::load::yaml::{Node, NodeValue, plain_safe};

use super::{Seg, Yaml};

/// The intended tree: old nodes kept as they were, new values where the edit put them.
#[derive(Debug)]
pub(crate) enum Want<'a> {
    Old(&'a Node),
    New(&'a Yaml),
    Map(Vec<(String, Want<'a>)>),
    Seq(Vec<Want<'a>>),
}

/// The tree of `node` with `leaf` applied to what is at `path` (absent: `None`); `leaf`
/// returns the new node there, or `None` to remove it.
pub(crate) fn changed<'a>(
    node: Option<&'a Node>,
    path: &[Seg],
    leaf: &mut dyn FnMut(Option<&'a Node>) -> Option<Want<'a>>,
) -> Option<Want<'a>> {
    let Some((seg, rest)) = path.split_first() else {
        return leaf(node);
    };
    match seg {
        Seg::Key(key) => {
            let entries: Vec<(&str, &Node)> = match node.map(|n| &n.value) {
                Some(NodeValue::Map(entries)) => entries
                    .iter()
                    .filter_map(|(k, v)| Some((k.scalar()?, v)))
                    .collect(),
                _ => Vec::new(),
            };
            let mut out = Vec::new();
            let mut found = false;
            for (k, v) in entries {
                if k == key {
                    found = true;
                    if let Some(w) = changed(Some(v), rest, leaf) {
                        out.push((k.to_string(), w));
                    }
                } else {
                    out.push((k.to_string(), Want::Old(v)));
                }
            }
            if !found && let Some(w) = changed(None, rest, leaf) {
                out.push((key.clone(), w));
            }
            Some(Want::Map(out))
        }
        Seg::Index(index) => {
            let items: Vec<&Node> = match node.map(|n| &n.value) {
                Some(NodeValue::Seq(items)) => items.iter().collect(),
                _ => Vec::new(),
            };
            let mut out = Vec::new();
            for (i, item) in items.into_iter().enumerate() {
                if i == *index {
                    if let Some(w) = changed(Some(item), rest, leaf) {
                        out.push(w);
                    }
                } else {
                    out.push(Want::Old(item));
                }
            }
            Some(Want::Seq(out))
        }
    }
}

/// The items of a list node as kept (for list edits).
pub(crate) fn items(node: Option<&Node>) -> Vec<Want<'_>> {
    match node.map(|n| &n.value) {
        Some(NodeValue::Seq(items)) => items.iter().map(Want::Old).collect(),
        _ => Vec::new(),
    }
}

/// Whether `new` reads as `want`.
pub(crate) fn matches(new: &Node, want: &Want) -> bool {
    match want {
        Want::Old(old) => same(new, old),
        Want::New(value) => reads_as(new, value),
        Want::Map(entries) => match &new.value {
            _ if entries.is_empty() => new.is_null() || is_empty_map(new),
            NodeValue::Map(written) => {
                written.len() == entries.len()
                    && entries.iter().all(|(k, w)| {
                        written
                            .iter()
                            .find(|(wk, _)| wk.scalar() == Some(k.as_str()))
                            .is_some_and(|(_, v)| matches(v, w))
                    })
            }
            _ => false,
        },
        Want::Seq(items) => match &new.value {
            _ if items.is_empty() => new.is_null() || is_empty_seq(new),
            NodeValue::Seq(written) => {
                written.len() == items.len()
                    && written.iter().zip(items).all(|(n, w)| matches(n, w))
            }
            _ => false,
        },
    }
}

fn is_empty_map(node: &Node) -> bool {
    matches!(&node.value, NodeValue::Map(e) if e.is_empty())
}

fn is_empty_seq(node: &Node) -> bool {
    matches!(&node.value, NodeValue::Seq(i) if i.is_empty())
}

/// Two nodes hold the same, as written (spans aside).
pub(crate) fn same(a: &Node, b: &Node) -> bool {
    match (&a.value, &b.value) {
        (
            NodeValue::Scalar {
                text: t1,
                plain: p1,
            },
            NodeValue::Scalar {
                text: t2,
                plain: p2,
            },
        ) => t1 == t2 && p1 == p2,
        (NodeValue::Seq(x), NodeValue::Seq(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (NodeValue::Map(x), NodeValue::Map(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((k1, v1), (k2, v2))| same(k1, k2) && same(v1, v2))
        }
        _ => false,
    }
}

/// Whether `node` reads as `value`. A text written as a block may end with the line breaks its
/// header keeps (the loader reads texts without them).
pub(crate) fn reads_as(node: &Node, value: &Yaml) -> bool {
    match (value, &node.value) {
        (Yaml::Null, _) => node.is_null(),
        (Yaml::Str(s), NodeValue::Scalar { text, plain: true }) => text == s && plain_safe(s),
        (Yaml::Str(s), NodeValue::Scalar { text, plain: false }) => {
            text == s || (!s.ends_with('\n') && text.trim_end_matches('\n') == s)
        }
        (Yaml::Plain(p), NodeValue::Scalar { text, plain: true }) => text == p,
        (Yaml::Map(entries) | Yaml::FlowMap(entries), _) if entries.is_empty() => {
            node.is_null() || is_empty_map(node)
        }
        (Yaml::Seq(items), _) if items.is_empty() => node.is_null() || is_empty_seq(node),
        (Yaml::Map(entries) | Yaml::FlowMap(entries), NodeValue::Map(written)) => {
            written.len() == entries.len()
                && entries.iter().all(|(k, v)| {
                    written
                        .iter()
                        .find(|(wk, _)| wk.scalar() == Some(k.as_str()))
                        .is_some_and(|(_, n)| reads_as(n, v))
                })
        }
        (Yaml::Seq(items), NodeValue::Seq(written)) => {
            written.len() == items.len() && written.iter().zip(items).all(|(n, v)| reads_as(n, v))
        }
        _ => false,
    }
}
