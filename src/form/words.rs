//! Labels that 様式２ and 様式３ print alike, written once. The glyphs are the reference's
//! (its 様式３ of 令和６年10月): form2-fields.md asks for the 基礎項目評価書's shared labels to
//! be taken from there, never typed again.

// ----- 表紙 -----

/// 評価書番号.
pub const COVER_NUMBER: &str = "評価書番号";
/// 評価書名.
pub const COVER_NAME: &str = "評価書名";
/// The cover's declaration.
pub const DECLARATION: &str = "個人のプライバシー等の権利利益の保護の宣言";
/// 特記事項.
pub const REMARKS: &str = "特記事項";
/// 評価実施機関名.
pub const ORGANISATION: &str = "評価実施機関名";
/// 公表日.
pub const PUBLISHED: &str = "公表日";

// ----- the 事務 and its file (様式３ Ⅰ, 様式２ Ⅰ) -----

/// Ⅰ１ heading.
pub const WORK: &str = "特定個人情報ファイルを取り扱う事務";
/// Ⅰ１①.
pub const WORK_NAME: &str = "事務の名称";
/// 様式３ Ⅰ２①, 様式２ Ⅰ１③.
pub const SYSTEM_NAME: &str = "システムの名称";
/// 様式３ Ⅰ３ and Ⅱ１ and Ⅲ１, 様式２ Ⅰ２.
pub const FILE_NAME: &str = "特定個人情報ファイル名";
/// 様式３ Ⅰ４, 様式２ Ⅰ３.
pub const NUMBER_USE: &str = "個人番号の利用";
/// 法令上の根拠 (under 個人番号の利用 and in 情報連携).
pub const LEGAL_BASIS: &str = "法令上の根拠";
/// 様式３ Ⅰ５, 様式２ Ⅰ４.
pub const INFORMATION_LINKAGE: &str = "情報提供ネットワークシステムによる情報連携";
/// 実施の有無 (情報連携, 監査).
pub const CARRIED_OUT: &str = "実施の有無";
/// 様式３ Ⅰ６, 様式２ Ⅰ５.
pub const DEPARTMENT: &str = "評価実施機関における担当部署";
/// Ⅰ６① / Ⅰ５①.
pub const SECTION: &str = "部署";
/// Ⅰ６② / Ⅰ５②.
pub const HEAD: &str = "所属長の役職名";
/// 様式３ Ⅰ７, 様式２ Ⅰ６.
pub const OTHER_BODIES: &str = "他の評価実施機関";

// ----- 開示請求、問合せ (様式３ Ⅳ, 様式２ Ⅰ７–８) -----

/// 様式３ Ⅳ１, 様式２ Ⅰ７.
pub const DISCLOSURE: &str = "特定個人情報の開示・訂正・利用停止請求";
/// 請求先.
pub const REQUEST_TO: &str = "請求先";
/// 様式３ Ⅳ２, 様式２ Ⅰ８.
pub const ENQUIRY: &str = "特定個人情報ファイルの取扱いに関する問合せ";
/// 連絡先.
pub const CONTACT: &str = "連絡先";

// ----- リスク対策 (様式３ Ⅲ, 様式２ Ⅳ) -----

/// The part.
pub const RISK_MEASURES: &str = "リスク対策";
/// 様式３ Ⅲ２, 様式２ Ⅳ２.
pub const OBTAINING: &str =
    "特定個人情報の入手（情報提供ネットワークシステムを通じた入手を除く。）";
/// 様式３ Ⅲ３, 様式２ Ⅳ３.
pub const USE: &str = "特定個人情報の使用";
/// 様式３ Ⅲ４, 様式２ Ⅳ４ (and 様式３ Ⅱ４).
pub const ENTRUSTING: &str = "特定個人情報ファイルの取扱いの委託";
/// The checkbox of Ⅲ４ / Ⅳ４.
pub const NO_ENTRUSTING: &str = "委託しない";
/// 様式３ Ⅲ５, 様式２ Ⅳ５.
pub const TRANSFERRING: &str =
    "特定個人情報の提供・移転（委託や情報提供ネットワークシステムを通じた提供を除く。）";
/// The checkbox of Ⅲ５ / Ⅳ５.
pub const NO_TRANSFERRING: &str = "提供・移転しない";
/// 様式３ Ⅲ６, 様式２ Ⅳ６.
pub const NETWORK: &str = "情報提供ネットワークシステムとの接続";
/// 様式３ Ⅲ７, 様式２ Ⅳ７ (and 様式３ Ⅱ６).
pub const KEEPING: &str = "特定個人情報の保管・消去";
/// 様式３ Ⅲ８, 様式２ Ⅳ９.
pub const AUDIT: &str = "監査";
/// 様式３ Ⅲ９, 様式２ Ⅳ１０.
pub const TRAINING: &str = "従業者に対する教育・啓発";
