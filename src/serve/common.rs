//! The office's common texts (共通テキスト, [`crate::common_texts`]) on the editing page: an
//! item or block that uses one shows the entry's text read-only with the entry's name to
//! change; an item written in place offers the text entries to use instead; a group offers
//! its block entries to add. What is written is the reference itself (`{共通テキスト: 名前}`,
//! `- 共通テキスト: 名前`), through [`crate::edit`] like every other save.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use crate::common_texts::offer::{Offer, unnumbered};
use crate::common_texts::office::Office;
use crate::common_texts::{Body, Library};
use crate::edit::{Seg, Source};
use crate::load::Limits;

/// What the page offers of the library the edited document reads.
#[derive(Debug, Default)]
pub struct Offers {
    /// The library, when there is one.
    pub library: Option<Library>,
    /// Its folder, as shown (`common-texts/`).
    pub folder: String,
    /// Text entries, by name.
    pub texts: Vec<String>,
    /// Block entries, by group (`システム` …).
    pub blocks: BTreeMap<&'static str, Vec<String>>,
    /// The text entries the office's documents use at each item (key path without block
    /// numbers): offered first there.
    pub at: BTreeMap<String, Vec<String>>,
}

impl Offers {
    /// The offers for the document file `document` under the served `root`: the office's
    /// library (the nearest `common-texts/` above it), read once, and where the office's
    /// documents already use each entry (a page load, not a save).
    pub fn for_document(root: &Path, document: &Path) -> Offers {
        let limits = Limits::default();
        let folder = document.parent().unwrap_or(root);
        let Ok(Some(office)) = Office::find(folder, &limits) else {
            return Offers::default();
        };
        let offer =
            Offer::of(&office, &limits).unwrap_or_else(|_| Offer::of_library(&office.library));
        let folder = office
            .library
            .folder
            .strip_prefix(root)
            .unwrap_or(&office.library.folder)
            .display()
            .to_string();
        Offers {
            texts: offer.texts,
            blocks: offer.blocks,
            at: offer.at,
            folder,
            library: Some(office.library),
        }
    }

    /// The text entries offered at the item `key_path`: those used there in the office first.
    pub fn texts_at(&self, key_path: &str) -> Vec<String> {
        let mut names = self
            .at
            .get(&unnumbered(key_path))
            .cloned()
            .unwrap_or_default();
        for name in &self.texts {
            if !names.contains(name) {
                names.push(name.clone());
            }
        }
        names
    }

    /// A use of the entry `name`, as the page shows it.
    pub fn used(&self, name: &str) -> CommonView {
        let entry = self.library.as_ref().and_then(|l| l.get(name));
        let text = match entry.map(|e| &e.body) {
            Some(Body::Text(node)) => node.scalar().unwrap_or_default().to_string(),
            // A block is shown item by item from the document (see `BlockView::common_items`).
            Some(Body::Block { .. }) | None => String::new(),
        };
        CommonView {
            name: name.to_string(),
            known: entry.is_some(),
            text,
            folder: self.folder.clone(),
        }
    }
}

/// An item or block that uses a common text.
#[derive(Debug, Clone, Serialize)]
pub struct CommonView {
    /// The entry's name.
    pub name: String,
    /// Whether the library has it (else the diagnostics say so, with the closest names).
    pub known: bool,
    /// The entry's text (empty for a block).
    pub text: String,
    /// The library's folder.
    pub folder: String,
}

/// The entry a block at `path` uses, when it is written as a reference.
pub fn block_reference(source: &Source, path: &[Seg]) -> Option<String> {
    crate::edit::form::reference_at(source, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_entries_used_at_an_item_are_offered_first_there() {
        let offers = Offers {
            texts: vec!["あ".into(), "い".into(), "う".into()],
            at: BTreeMap::from([(
                "基本情報.システム.システムの機能".to_string(),
                vec!["う".to_string()],
            )]),
            ..Offers::default()
        };
        assert_eq!(
            offers.texts_at("基本情報.システム[3].システムの機能"),
            ["う", "あ", "い"]
        );
        assert_eq!(offers.texts_at("表紙.特記事項"), ["あ", "い", "う"]);
        let unknown = offers.used("え");
        assert!(!unknown.known && unknown.text.is_empty());
    }
}
