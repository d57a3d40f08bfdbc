//! What a new document's skeleton (`hyoka init`) offers of the office's common texts: every
//! entry's name at the top, each block entry at the groups of its kind, and each text entry at
//! the items where the office's documents already use it.

use std::collections::BTreeMap;

use super::office::Office;
use super::{Body, Library};
use crate::Error;
use crate::load::{self, Limits};

/// The common texts a skeleton offers.
#[derive(Debug, Clone, Default)]
pub struct Offer {
    /// The library's folder, as the officer names it.
    pub folder: String,
    /// The names of the text entries.
    pub texts: Vec<String>,
    /// The names of the block entries, by group (`システム` …).
    pub blocks: BTreeMap<&'static str, Vec<String>>,
    /// The text entries the office's documents use at each item (key path without block
    /// numbers, e.g. `基本情報.システム.システムの機能`).
    pub at: BTreeMap<String, Vec<String>>,
}

impl Offer {
    /// The offer of `office`'s library, with the items its documents use each entry at.
    pub fn of(office: &Office, limits: &Limits) -> Result<Offer, Error> {
        let mut offer = Offer::of_library(&office.library);
        offer.folder = office.folder().display().to_string();
        for folder in office.assessments()? {
            let assessment = load::load_with(&folder, limits, Some(&office.library))?;
            for (document, _) in assessment.documents() {
                for u in &document.common_texts {
                    let is_text = office
                        .library
                        .get(&u.name)
                        .is_some_and(|e| matches!(e.body, Body::Text(_)));
                    let names = offer.at.entry(unnumbered(&u.path)).or_default();
                    if is_text && !names.contains(&u.name) {
                        names.push(u.name.clone());
                    }
                }
            }
        }
        offer.at.retain(|_, names| !names.is_empty());
        Ok(offer)
    }

    /// The names of `library`'s entries, by kind.
    pub fn of_library(library: &Library) -> Offer {
        let mut offer = Offer {
            folder: library.folder.display().to_string(),
            ..Offer::default()
        };
        for entry in library.entries() {
            match &entry.body {
                Body::Text(_) => offer.texts.push(entry.name.clone()),
                Body::Block { group, .. } => offer
                    .blocks
                    .entry(group)
                    .or_default()
                    .push(entry.name.clone()),
            }
        }
        offer
    }

    /// Whether there is anything to offer.
    pub fn is_empty(&self) -> bool {
        self.texts.is_empty() && self.blocks.is_empty()
    }
}

/// A key path without its block numbers: `基本情報.システム[2].システムの機能` →
/// `基本情報.システム.システムの機能`.
pub fn unnumbered(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut skipping = false;
    for c in path.chars() {
        match c {
            '[' => skipping = true,
            ']' => skipping = false,
            _ if !skipping => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_numbers_are_left_out() {
        assert_eq!(
            unnumbered("基本情報.システム[2].システムの機能"),
            "基本情報.システム.システムの機能"
        );
        assert_eq!(
            unnumbered("開示請求・問合せ.開示請求.請求先"),
            "開示請求・問合せ.開示請求.請求先"
        );
    }
}
