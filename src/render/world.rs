//! The Typst World: the compiler's only door to files and fonts.
//!
//! It serves exactly three things: hyoka's template (the main source), the layout as JSON
//! (the one data file the template names), and the bundled fonts. Every other path is denied,
//! so no text of a document can make the compiler read a file (`#read("/etc/passwd")` inside
//! a value is a string anyway, and a template override cannot reach past the World either).

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The bundled fonts (BIZ UDPGothic Regular and Bold, SIL OFL 1.1), embedded in the binary.
pub const FONT_FILES: &[(&str, &[u8])] = &[
    (
        "BIZUDPGothic-Regular.ttf",
        include_bytes!("../../templates/fonts/BIZUDPGothic-Regular.ttf"),
    ),
    (
        "BIZUDPGothic-Bold.ttf",
        include_bytes!("../../templates/fonts/BIZUDPGothic-Bold.ttf"),
    ),
];

/// Fonts parsed once per process and shared by every compilation.
static FONTS: LazyLock<(LazyHash<FontBook>, Vec<Font>)> = LazyLock::new(|| {
    let fonts: Vec<Font> = FONT_FILES
        .iter()
        .flat_map(|(_, data)| Font::iter(Bytes::new(*data)))
        .collect();
    (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
});

/// Unicode's default-ignorable code points: Typst drops them, so they need no glyph.
fn default_ignorable(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x034F | 0x061C | 0x115F..=0x1160 | 0x17B4..=0x17B5 | 0x180B..=0x180F
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
        | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFF8 | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A
        | 0xE0000..=0xE0FFF)
}

/// The code points the bundled fonts have glyphs for, as sorted, merged ranges. Typst's own
/// `Coverage::contains` walks its runs linearly, which made validating a long document spend
/// most of its time there; a binary search over these ranges is a few comparisons.
static COVERED: LazyLock<Vec<(u32, u32)>> = LazyLock::new(|| {
    let mut points: Vec<u32> = FONTS
        .1
        .iter()
        .flat_map(|f| f.info().coverage.iter())
        .collect();
    points.sort_unstable();
    points.dedup();
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    for c in points {
        match ranges.last_mut() {
            Some((_, end)) if *end + 1 == c => *end = c,
            _ => ranges.push((c, c)),
        }
    }
    ranges
});

/// The same coverage for the Basic Multilingual Plane as a bitmap (8 KiB): nearly every
/// character of a document is there, and validation looks up every one of them.
static COVERED_BMP: LazyLock<Box<[u64; 1024]>> = LazyLock::new(|| {
    let mut bits = Box::new([0u64; 1024]);
    for (start, end) in COVERED.iter().filter(|(start, _)| *start <= 0xFFFF) {
        for c in *start..=(*end).min(0xFFFF) {
            bits[(c / 64) as usize] |= 1 << (c % 64);
        }
    }
    bits
});

/// Whether the bundled fonts have a glyph for `c`.
fn covered(c: u32) -> bool {
    if c <= 0xFFFF {
        return COVERED_BMP[(c / 64) as usize] & (1 << (c % 64)) != 0;
    }
    let ranges = &*COVERED;
    let i = ranges.partition_point(|(_, end)| *end < c);
    ranges.get(i).is_some_and(|(start, _)| *start <= c)
}

/// Whether a character can be printed in the PDF with the bundled fonts. PDF/A forbids text
/// without a glyph, so anything else (control characters, emoji, characters outside the
/// fonts) would make the export fail; validation warns about it (W0214) and the PDF shows 〓.
pub fn printable(c: char) -> bool {
    c == '\n' || default_ignorable(c) || (!c.is_control() && covered(c as u32))
}

/// The mark printed for a character the fonts cannot show (〓, the customary geta mark).
pub const UNPRINTABLE_MARK: char = '〓';

/// The standard library, built once.
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// A world holding one document: the template source and its JSON data.
pub struct HyokaWorld {
    main: Source,
    data_id: FileId,
    data: Bytes,
    today: Option<Datetime>,
}

fn file_id(path: &str) -> FileId {
    // The paths are hyoka's own constants, always valid.
    let vpath =
        VirtualPath::new(path).unwrap_or_else(|_| VirtualPath::new("main.typ").expect("valid"));
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

impl HyokaWorld {
    /// A world for `source` (the template with its first line naming `data_name`), serving
    /// `data` under that name. `today` is the document's date: Typst's `datetime.today()` and
    /// nothing else sees it, so output never depends on the clock.
    pub fn new(source: String, data_name: &str, data: Vec<u8>, today: Option<Datetime>) -> Self {
        let main = Source::new(file_id("/main.typ"), source);
        HyokaWorld {
            main,
            data_id: file_id(&format!("/{data_name}")),
            data: Bytes::new(data),
            today,
        }
    }
}

impl World for HyokaWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.0
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else if id == self.main.id() {
            Ok(Bytes::from_string(self.main.text().to_string()))
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.1.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covered_ranges_agree_with_the_fonts_own_coverage() {
        let linear = |c: u32| FONTS.1.iter().any(|f| f.info().coverage.contains(c));
        // Every code point of the BMP and a stretch beyond it, both ends of every range.
        for c in (0..0x2_0000)
            .step_by(7)
            .chain(COVERED.iter().flat_map(|(s, e)| [*s, *e, e + 1]))
        {
            assert_eq!(covered(c), linear(c), "U+{c:04X}");
        }
        assert!(printable('予') && printable('Ａ') && printable('\n'));
        assert!(!printable('\u{0E}') && !printable('😀'));
    }
}
