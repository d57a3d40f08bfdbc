//! しきい値判断 (rules.md §1) as one table: which 特定個人情報保護評価 a 事務 must carry out,
//! from 対象人数, 取扱者数 and 重大事故 (past 1 year), after the exclusions.
//!
//! The matrix lives here only: the validator checks Ⅴ１②しきい値判断結果 against it and
//! `hyoka threshold` prints it, each with the [S]/[B] mark of the cell it used.

use super::Source;
use crate::diag::Lang;
use crate::form::choices::{
    BASIC_TARGET_PEOPLE, BASIC_THRESHOLD, DOCUMENTS, TARGET_PEOPLE, THRESHOLD,
};

/// What the しきい値判断 makes mandatory, lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Required {
    /// 特定個人情報保護評価の実施が義務付けられない.
    Nothing,
    /// 基礎項目評価 only.
    Basic,
    /// 基礎項目評価 and 重点項目評価.
    BasicAndKey,
    /// 基礎項目評価 and 全項目評価.
    BasicAndFull,
}

pub use crate::form::Form;

impl Required {
    /// The forms to produce: a 基礎項目評価書 whenever anything is due ([S]).
    pub fn forms(self) -> &'static [Form] {
        match self {
            Required::Nothing => &[],
            Required::Basic => &[Form::Basic],
            Required::BasicAndKey => &[Form::Basic, Form::Key],
            Required::BasicAndFull => &[Form::Basic, Form::Full],
        }
    }

    /// The assessments above the mandatory ones, which may always be done voluntarily ([S]).
    pub fn voluntary(self) -> &'static [Form] {
        match self {
            Required::Nothing => &[Form::Basic, Form::Key, Form::Full],
            Required::Basic => &[Form::Key, Form::Full],
            Required::BasicAndKey => &[Form::Full],
            Required::BasicAndFull => &[],
        }
    }

    /// A stable name for machine output.
    pub fn id(self) -> &'static str {
        match self {
            Required::Nothing => "none",
            Required::Basic => "basic",
            Required::BasicAndKey => "basic-and-key",
            Required::BasicAndFull => "basic-and-full",
        }
    }

    /// The result in words: `基礎項目評価及び重点項目評価の実施が義務付けられる`.
    pub fn text(self, lang: Lang) -> String {
        let names: Vec<&str> = self.forms().iter().map(|f| f.assessment()).collect();
        match (lang, names.is_empty()) {
            (Lang::Ja, true) => "特定個人情報保護評価の実施は義務付けられない".into(),
            (Lang::Ja, false) => format!("{}の実施が義務付けられる", names.join("及び")),
            (Lang::En, true) => "no assessment is mandatory".into(),
            (Lang::En, false) => format!("{} mandatory", and_list(&names, "is", "are")),
        }
    }

    /// The ＜選択肢＞ of 様式３ Ⅴ１②しきい値判断結果 that states this result, from the form's
    /// list; `None` for 基礎+全項目, which a 重点項目評価書 cannot state (様式４ is due instead).
    pub fn form3_choice(self) -> Option<&'static str> {
        match self {
            Required::BasicAndKey => Some(THRESHOLD.options[0]),
            Required::Basic => Some(THRESHOLD.options[1]),
            Required::Nothing => Some(THRESHOLD.options[2]),
            Required::BasicAndFull => None,
        }
    }

    /// The ＜選択肢＞ of 様式２ Ⅲしきい値判断結果 that states this result.
    pub fn form2_choice(self) -> &'static str {
        BASIC_THRESHOLD.options[match self {
            Required::Basic => 0,
            Required::BasicAndKey => 1,
            Required::BasicAndFull => 2,
            Required::Nothing => 3,
        }]
    }

    /// The result a 様式２ Ⅲしきい値判断結果 choice states.
    pub fn of_form2_choice(text: &str) -> Option<Required> {
        [
            Required::Basic,
            Required::BasicAndKey,
            Required::BasicAndFull,
            Required::Nothing,
        ]
        .into_iter()
        .find(|r| r.form2_choice() == text)
    }

    /// The least of 様式２ Ⅳ１提出する特定個人情報保護評価書の種類 that satisfies this result:
    /// its position in the form's list (a higher one may always be chosen).
    pub fn least_documents(self) -> usize {
        match self {
            Required::Nothing | Required::Basic => 0,
            Required::BasicAndKey => 1,
            Required::BasicAndFull => 2,
        }
    }

    /// The 様式２ Ⅳ１ choice of [`Required::least_documents`].
    pub fn least_documents_choice(self) -> &'static str {
        DOCUMENTS.options[self.least_documents()]
    }
}

/// `A is` / `A and B are`.
fn and_list(names: &[&str], one: &str, many: &str) -> String {
    if names.len() == 1 {
        format!("{} {one}", names[0])
    } else {
        format!("{} {many}", names.join(" and "))
    }
}

/// A row of the matrix: a band of 対象人数.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    /// 1,000人未満.
    Under1k,
    /// 1,000人以上1万人未満.
    Under10k,
    /// 1万人以上10万人未満.
    Under100k,
    /// 10万人以上30万人未満.
    Under300k,
    /// 30万人以上 (not among 様式３'s choices: such a 事務 needs a 全項目評価書).
    From300k,
}

/// The rows in order, with the lowest count of each.
const BANDS: [(Band, u64); 5] = [
    (Band::Under1k, 0),
    (Band::Under10k, 1_000),
    (Band::Under100k, 10_000),
    (Band::Under300k, 100_000),
    (Band::From300k, 300_000),
];

impl Band {
    /// The band of a count of people.
    pub fn of_count(people: u64) -> Band {
        BANDS
            .iter()
            .rev()
            .find(|(_, low)| people >= *low)
            .map_or(Band::Under1k, |(band, _)| *band)
    }

    /// The band of a 様式３ Ⅰ１③対象人数 choice, by its position in the form's list.
    pub fn of_choice(position: usize) -> Option<Band> {
        (position < TARGET_PEOPLE.options.len()).then(|| BANDS[position].0)
    }

    /// The band of a 様式２ Ⅱ１対象人数 choice, by its position in the form's list (the same
    /// bands as 様式３'s, and 30万人以上).
    pub fn of_basic_choice(position: usize) -> Option<Band> {
        (position < BASIC_TARGET_PEOPLE.options.len()).then(|| BANDS[position].0)
    }

    fn index(self) -> usize {
        BANDS.iter().position(|(b, _)| *b == self).unwrap_or(0)
    }

    /// The band's position in 様式２ Ⅱ１対象人数's ＜選択肢＞ (and, for the first four, in
    /// 様式３ Ⅰ１③'s).
    pub fn position(self) -> usize {
        self.index()
    }

    /// The band in words; the first four are the form's own ＜選択肢＞ texts.
    pub fn text(self, lang: Lang) -> String {
        let i = self.index();
        match lang {
            Lang::Ja => TARGET_PEOPLE
                .options
                .get(i)
                .map_or_else(|| "30万人以上".into(), |t| t.to_string()),
            Lang::En => {
                let low = grouped(BANDS[i].1);
                match BANDS.get(i + 1).map(|(_, high)| grouped(*high)) {
                    Some(high) if i == 0 => format!("fewer than {high} people"),
                    Some(high) => format!("{low} to under {high} people"),
                    None => format!("{low} people or more"),
                }
            }
        }
    }

    /// Whether the column (取扱者数 / 重大事故) changes the result or its certainty here.
    pub fn column_matters(self) -> bool {
        cell(self, Column::Small) != cell(self, Column::LargeOrAccident)
    }
}

/// `300000` → `300,000`.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A column of the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// 取扱者数 < 500 and no 重大事故 in the past 1 year.
    Small,
    /// 取扱者数 ≥ 500, or a 重大事故 in the past 1 year.
    LargeOrAccident,
}

impl Column {
    /// The condition in words.
    pub fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Column::Small, Lang::Ja) => "取扱者数500人未満かつ過去1年以内の重大事故なし",
            (Column::LargeOrAccident, Lang::Ja) => {
                "取扱者数500人以上または過去1年以内の重大事故あり"
            }
            (Column::Small, Lang::En) => {
                "fewer than 500 handlers and no serious accident in the past year"
            }
            (Column::LargeOrAccident, Lang::En) => {
                "500 or more handlers, or a serious accident in the past year"
            }
        }
    }

    /// A stable name for machine output.
    pub fn id(self) -> &'static str {
        match self {
            Column::Small => "small",
            Column::LargeOrAccident => "large-or-accident",
        }
    }
}

/// One cell of the matrix: the result and how sure it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    /// What is mandatory.
    pub required: Required,
    /// [S] or [B] in rules.md.
    pub source: Source,
}

const fn c(required: Required, source: Source) -> Cell {
    Cell { required, source }
}

/// The matrix of rules.md §1, row by [`Band`], column by [`Column`], marks as rules.md has them.
const MATRIX: [[Cell; 2]; 5] = {
    use Required::*;
    use Source::*;
    [
        [c(Nothing, Stated), c(Nothing, Stated)],
        [c(Basic, Stated), c(Basic, Believed)],
        [c(Basic, Stated), c(BasicAndKey, Believed)],
        [c(BasicAndKey, Stated), c(BasicAndFull, Stated)],
        [c(BasicAndFull, Stated), c(BasicAndFull, Stated)],
    ]
};

/// The cell of a band and a column.
pub fn cell(band: Band, column: Column) -> Cell {
    MATRIX[band.index()][match column {
        Column::Small => 0,
        Column::LargeOrAccident => 1,
    }]
}

/// A fact that may be unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fact {
    /// It holds.
    Yes,
    /// It does not.
    No,
    /// Not known.
    Unknown,
}

/// 取扱者数 (own staff plus contractor staff who handle the file), known within bounds:
/// an exact count, a range (the document's ＜選択肢＞ give ranges), or nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Handlers {
    /// At least this many.
    pub at_least: u64,
    /// At most this many, when bounded.
    pub at_most: Option<u64>,
}

impl Handlers {
    /// Nothing known.
    pub const UNKNOWN: Handlers = Handlers {
        at_least: 0,
        at_most: None,
    };

    /// An exact count.
    pub fn count(n: u64) -> Handlers {
        Handlers {
            at_least: n,
            at_most: Some(n),
        }
    }

    /// Whether 取扱者数 ≥ 500.
    fn large(self) -> Fact {
        if self.at_least >= 500 {
            Fact::Yes
        } else if self.at_most.is_some_and(|n| n < 500) {
            Fact::No
        } else {
            Fact::Unknown
        }
    }
}

/// A 事務 outside the duty whatever its size (rules.md §1, [S]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exclusion {
    /// It handles only files about the body's own staff (人事・給与・福利厚生).
    StaffOnly,
    /// Its files are kept only on paper.
    PaperOnly,
}

impl Exclusion {
    /// The rule in words.
    pub fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Exclusion::StaffOnly, Lang::Ja) => {
                "職員の人事・給与・福利厚生に関する特定個人情報ファイルのみを取り扱う事務は、評価の実施が義務付けられない"
            }
            (Exclusion::PaperOnly, Lang::Ja) => {
                "紙ファイルのみの特定個人情報ファイルを取り扱う事務は、評価の実施が義務付けられない"
            }
            (Exclusion::StaffOnly, Lang::En) => {
                "a 事務 handling only files on the body's own staff (HR, payroll, welfare) needs no assessment"
            }
            (Exclusion::PaperOnly, Lang::En) => {
                "a 事務 whose files are kept only on paper needs no assessment"
            }
        }
    }

    /// A stable name for machine output.
    pub fn id(self) -> &'static str {
        match self {
            Exclusion::StaffOnly => "staff-only",
            Exclusion::PaperOnly => "paper-only",
        }
    }
}

/// What the しきい値判断 is asked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facts {
    /// The band of 対象人数 (everyone recorded in the 事務's files, not only beneficiaries).
    pub people: Band,
    /// 取扱者数.
    pub handlers: Handlers,
    /// A 重大事故 concerning personal information at the body within the past 1 year.
    pub accident: Fact,
    /// The 事務 handles only staff HR/payroll/welfare files.
    pub staff_only: bool,
    /// The files are kept only on paper.
    pub paper_only: bool,
}

/// The outcome of the しきい値判断 for some facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    /// The row.
    pub band: Band,
    /// The column, when the facts tell it.
    pub column: Option<Column>,
    /// The exclusion that applies, if any; it overrides the matrix.
    pub excluded: Option<Exclusion>,
}

/// Decides: the exclusions first, then the matrix; the column is left open when 取扱者数 or
/// the 重大事故 are unknown and could tip it.
pub fn decide(facts: &Facts) -> Decision {
    let excluded = if facts.staff_only {
        Some(Exclusion::StaffOnly)
    } else if facts.paper_only {
        Some(Exclusion::PaperOnly)
    } else {
        None
    };
    let column = match (facts.handlers.large(), facts.accident) {
        (Fact::Yes, _) | (_, Fact::Yes) => Some(Column::LargeOrAccident),
        (Fact::No, Fact::No) => Some(Column::Small),
        _ => None,
    };
    Decision {
        band: facts.people,
        column,
        excluded,
    }
}

impl Decision {
    /// The cells that may apply: the one of the known column, or both.
    pub fn candidates(&self) -> Vec<(Column, Cell)> {
        if self.excluded.is_some() {
            return vec![(
                self.column.unwrap_or(Column::Small),
                c(Required::Nothing, Source::Stated),
            )];
        }
        let columns = match self.column {
            Some(column) => vec![column],
            None => vec![Column::Small, Column::LargeOrAccident],
        };
        columns
            .into_iter()
            .map(|col| (col, cell(self.band, col)))
            .collect()
    }

    /// The result, when the facts settle it (both columns alike count as settled).
    pub fn settled(&self) -> Option<Cell> {
        let candidates = self.candidates();
        let first = candidates.first()?.1;
        candidates.iter().all(|(_, c)| *c == first).then_some(first)
    }

    /// The rules used to reach a settled result, each in words with its mark; the first is
    /// the deciding one (the exclusion or the matrix cell).
    pub fn rules(&self, lang: Lang) -> Vec<(String, Source)> {
        let Some(cell) = self.settled() else {
            return Vec::new();
        };
        let mut rules = Vec::new();
        if let Some(exclusion) = self.excluded {
            rules.push((exclusion.text(lang).to_string(), Source::Stated));
        } else {
            let band = self.band.text(lang);
            let condition = self
                .column
                .map(|column| format!("{}{}", sep(lang), column.text(lang)))
                .unwrap_or_default();
            let required = cell.required.text(lang);
            rules.push((
                match lang {
                    Lang::Ja => format!("対象人数{band}{condition} → {required}"),
                    Lang::En => format!("{band}{condition} → {required}"),
                },
                cell.source,
            ));
        }
        if cell.required != Required::Nothing {
            rules.push((
                match lang {
                    Lang::Ja => "評価を実施するときは、常に基礎項目評価書を作成する".into(),
                    Lang::En => {
                        "whenever an assessment is due, a 基礎項目評価書 is produced".into()
                    }
                },
                Source::Stated,
            ));
        }
        let higher: Vec<&str> = cell
            .required
            .voluntary()
            .iter()
            .map(|f| f.assessment())
            .collect();
        let voluntary = match (lang, cell.required) {
            _ if higher.is_empty() => None,
            (Lang::Ja, Required::Nothing) => Some(format!(
                "義務付けられない場合も、評価は任意に実施できる（{}）",
                higher.join("・")
            )),
            (Lang::Ja, _) => Some(format!(
                "より上位の評価は、いつでも任意に実施できる（ここでは{}）",
                higher.join("・")
            )),
            (Lang::En, Required::Nothing) => Some(format!(
                "an assessment may still be done voluntarily ({})",
                higher.join(", ")
            )),
            (Lang::En, _) => Some(format!(
                "a higher level may always be done voluntarily (here: {})",
                higher.join(", ")
            )),
        };
        rules.extend(voluntary.map(|text| (text, Source::Stated)));
        rules
    }
}

fn sep(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "、",
        Lang::En => ", ",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(people: u64, handlers: u64, accident: bool) -> Facts {
        Facts {
            people: Band::of_count(people),
            handlers: Handlers::count(handlers),
            accident: if accident { Fact::Yes } else { Fact::No },
            staff_only: false,
            paper_only: false,
        }
    }

    fn result(people: u64, handlers: u64, accident: bool) -> Cell {
        decide(&facts(people, handlers, accident))
            .settled()
            .expect("settled")
    }

    #[test]
    fn bands_switch_at_their_lower_bound() {
        assert_eq!(Band::of_count(999), Band::Under1k);
        assert_eq!(Band::of_count(1_000), Band::Under10k);
        assert_eq!(Band::of_count(99_999), Band::Under100k);
        assert_eq!(Band::of_count(299_999), Band::Under300k);
        assert_eq!(Band::of_count(300_000), Band::From300k);
        assert_eq!(Band::of_choice(3), Some(Band::Under300k));
        assert_eq!(Band::of_choice(4), None);
    }

    #[test]
    fn the_matrix_of_rules_md() {
        use Required::*;
        use Source::*;
        assert_eq!(result(150_000, 499, false), c(BasicAndKey, Stated));
        assert_eq!(result(150_000, 500, false), c(BasicAndFull, Stated));
        assert_eq!(result(50_000, 100, true), c(BasicAndKey, Believed));
        assert_eq!(result(5_000, 100, true), c(Basic, Believed));
        assert_eq!(result(5_000, 100, false), c(Basic, Stated));
        assert_eq!(result(999, 10_000, true), c(Nothing, Stated));
    }

    #[test]
    fn an_unknown_column_stays_open_only_where_it_matters() {
        let open = |people| {
            decide(&Facts {
                handlers: Handlers::UNKNOWN,
                accident: Fact::Unknown,
                ..facts(people, 0, false)
            })
        };
        assert!(open(500).settled().is_some());
        assert!(open(500_000).settled().is_some());
        assert_eq!(open(150_000).candidates().len(), 2);
        assert!(open(150_000).settled().is_none());
        // A known accident settles the column even with 取扱者数 unknown.
        let accident = decide(&Facts {
            handlers: Handlers::UNKNOWN,
            ..facts(150_000, 0, true)
        });
        assert_eq!(accident.column, Some(Column::LargeOrAccident));
    }

    #[test]
    fn exclusions_override_the_matrix() {
        let d = decide(&Facts {
            paper_only: true,
            ..facts(500_000, 1_000, true)
        });
        assert_eq!(d.settled(), Some(c(Required::Nothing, Source::Stated)));
        assert_eq!(d.excluded, Some(Exclusion::PaperOnly));
    }

    #[test]
    fn results_name_the_form3_choice_from_the_form() {
        assert_eq!(
            Required::BasicAndKey.text(Lang::Ja),
            "基礎項目評価及び重点項目評価の実施が義務付けられる"
        );
        assert_eq!(
            Required::BasicAndKey.form3_choice(),
            Some("基礎項目評価及び重点項目評価の実施が義務付けられる")
        );
        assert_eq!(Required::BasicAndFull.form3_choice(), None);
        assert_eq!(grouped(300_000), "300,000");
        assert_eq!(Band::From300k.text(Lang::En), "300,000 people or more");
    }
}
