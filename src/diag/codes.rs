//! Every diagnostic code, with its severity and its texts in both languages, in one table.
//!
//! Codes are stable: E01xx loading, E02xx the form's items, E03xx conditions between items,
//! E04xx/W04xx rules of the regime, E05xx/W05xx the change table, E06xx/W06xx what the two
//! documents of one assessment (a 重点項目評価書 and its 基礎項目評価書) must agree on,
//! E08xx/W08xx the office's common texts (共通テキスト, `common-texts/`).
//! `docs/errors.md` lists them; a test keeps that list and this table in step.

use super::{Lang, Severity};

/// A diagnostic code and its texts. `{name}` placeholders are filled from the diagnostic.
#[derive(Debug)]
pub struct Code {
    /// The stable code, e.g. `E0205`.
    pub id: &'static str,
    /// A short English name, e.g. `not-a-choice`.
    pub name: &'static str,
    /// Error or warning.
    pub severity: Severity,
    ja: &'static str,
    ja_help: &'static str,
    en: &'static str,
    en_help: &'static str,
}

impl Code {
    /// The message template.
    pub fn message(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Ja => self.ja,
            Lang::En => self.en,
        }
    }
    /// The advice template.
    pub fn help(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Ja => self.ja_help,
            Lang::En => self.en_help,
        }
    }
}

macro_rules! codes {
    ($($ident:ident = $id:literal $name:literal $sev:ident {
        ja: $ja:literal, ja_help: $jah:literal, en: $en:literal, en_help: $enh:literal $(,)?
    })*) => {
        $(
            #[doc = concat!("`", $id, "` ", $name, ": ", $en)]
            pub static $ident: Code = Code {
                id: $id, name: $name, severity: Severity::$sev,
                ja: $ja, ja_help: $jah, en: $en, en_help: $enh,
            };
        )*
        /// Every code, in numeric order.
        pub static ALL: &[&Code] = &[$(&$ident),*];
    };
}

codes! {
    INVALID_UTF8 = "E0101" "invalid-utf8" Error {
        ja: "ファイルが UTF-8 の文字列として読めません（{offset} バイト目）",
        ja_help: "文字コードを UTF-8 にして保存し直してください（Shift_JIS 等で保存されている可能性があります）。",
        en: "the file is not valid UTF-8 (at byte {offset})",
        en_help: "save the file again as UTF-8 (it may be in Shift_JIS or another encoding).",
    }
    TOO_LARGE = "E0102" "file-too-large" Error {
        ja: "ファイルが大きすぎます（{size} バイト。上限は {limit} バイト）",
        ja_help: "評価書1件のファイルとしては大きすぎます。別のファイルを指定していないか確認してください。",
        en: "the file is too large ({size} bytes; the limit is {limit} bytes)",
        en_help: "this is far larger than any assessment; check that the right file was given.",
    }
    YAML_SYNTAX = "E0103" "yaml-syntax" Error {
        ja: "YAML の書き方に誤りがあります: {detail}",
        ja_help: "字下げ（半角スペース）、コロンの後のスペース、引用符の閉じ忘れを確認してください。",
        en: "invalid YAML: {detail}",
        en_help: "check indentation (ASCII spaces), the space after each colon, and unclosed quotes.",
    }
    ALIAS_LIMIT = "E0104" "alias-limit" Error {
        ja: "アンカー・エイリアス（&, *）の展開が上限の {limit} 要素を超えました",
        ja_help: "評価書ではエイリアスは不要です。値をそのまま書いてください。",
        en: "expanding anchors and aliases (&, *) exceeds the limit of {limit} nodes",
        en_help: "assessments do not need aliases; write the values out.",
    }
    TOO_DEEP = "E0105" "too-deep" Error {
        ja: "入れ子が深すぎます（上限は {limit} 段）",
        ja_help: "字下げが崩れていないか確認してください。",
        en: "nesting is too deep (the limit is {limit} levels)",
        en_help: "check the indentation.",
    }
    DUPLICATE_KEY = "E0106" "duplicate-key" Error {
        ja: "キー「{key}」が同じ場所に2回書かれています",
        ja_help: "どちらか一方を削除してください（最初の記載を関連位置に示します）。",
        en: "the key `{key}` is written twice in the same mapping",
        en_help: "delete one of them (the first is shown as the related place).",
    }
    MULTIPLE_DOCUMENTS = "E0107" "multiple-documents" Error {
        ja: "1つのファイルに複数の YAML 文書（---）があります",
        ja_help: "評価書は1ファイルに1件です。2つ目以降の `---` から後ろを別ファイルにしてください。",
        en: "the file holds more than one YAML document (---)",
        en_help: "one file holds one assessment; move everything from the second `---` on into its own file.",
    }
    VALUE_TOO_LONG = "E0108" "value-too-long" Error {
        ja: "値が長すぎます（{len} 文字。上限は {limit} 文字）",
        ja_help: "貼り付けた内容が正しいか確認してください。",
        en: "the value is too long ({len} characters; the limit is {limit})",
        en_help: "check what was pasted here.",
    }
    COMPLEX_KEY = "E0109" "complex-key" Error {
        ja: "キーには文字列を書いてください",
        ja_help: "`項目名: 値` の形で書いてください。",
        en: "a key must be a plain string",
        en_help: "write `item: value`.",
    }
    FULL_WIDTH_COLON = "E0110" "full-width-colon" Error {
        ja: "「：」（全角のコロン）で項目名と値を区切っています",
        ja_help: "半角のコロンと半角スペースに直してください: `{fix}`",
        en: "a full-width colon (：) separates the key from its value",
        en_help: "use an ASCII colon and a space: `{fix}`",
    }
    NO_SPACE_AFTER_COLON = "E0111" "no-space-after-colon" Error {
        ja: "コロン（:）の後に半角スペースがありません",
        ja_help: "「:」の後に半角スペースを1つ入れてください: `{fix}`",
        en: "there is no space after the colon",
        en_help: "put one space after the colon: `{fix}`",
    }
    INDENTATION = "E0112" "indentation" Error {
        ja: "字下げが前後の項目と合いません: {detail}",
        ja_help: "{fix}",
        en: "the indentation matches neither the parent nor the sibling keys: {detail}",
        en_help: "{fix}",
    }
    TAB_INDENTATION = "E0113" "tab-indentation" Error {
        ja: "字下げにタブ文字が使われています",
        ja_help: "YAML の字下げには半角スペースしか使えません。行頭のタブを半角スペースに直してください（エディタの「タブをスペースに変換」が使えます）。",
        en: "the line is indented with a tab",
        en_help: "YAML indents with ASCII spaces only; replace the tab at the start of the line with spaces.",
    }
    FULL_WIDTH_INDENTATION = "E0114" "full-width-indentation" Error {
        ja: "字下げに全角スペースが使われています",
        ja_help: "行頭の全角スペース（{count} 個）を半角スペースに直してください。見た目は同じでも、全角スペースは項目名の一部として読まれます（項目名は「{key}」）。",
        en: "the line is indented with full-width spaces (U+3000)",
        en_help: "replace the {count} full-width space(s) at the start of the line with ASCII spaces; they look alike but are read as part of the key (the item is `{key}`).",
    }
    MISSING_COLON = "E0115" "missing-colon" Error {
        ja: "項目名の後にコロン（:）がありません",
        ja_help: "項目名の後に半角のコロンと半角スペースを書いてください: `{fix}`",
        en: "there is no colon after the key",
        en_help: "write an ASCII colon and a space after the key: `{fix}`",
    }
    UNKNOWN_KEY = "E0201" "unknown-key" Error {
        ja: "「{key}」という項目はこの場所にありません",
        ja_help: "{suggestion}",
        en: "there is no item `{key}` here",
        en_help: "{suggestion}",
    }
    WRONG_TYPE = "E0202" "wrong-type" Error {
        ja: "{expected}を書いてください（{found}が書かれています）",
        ja_help: "{example}",
        en: "expected {expected}, found {found}",
        en_help: "{example}",
    }
    MISSING_ITEM = "E0203" "missing-item" Error {
        ja: "必須の項目「{key}」がありません",
        ja_help: "`{key}:` を追加して値を記載してください。",
        en: "the required item `{key}` is missing",
        en_help: "add `{key}:` and fill in its value.",
    }
    EMPTY_VALUE = "E0204" "empty-value" Error {
        ja: "必須の項目が空です",
        ja_help: "値を記載してください。",
        en: "a required item is empty",
        en_help: "fill in a value.",
    }
    NOT_A_CHOICE = "E0205" "not-a-choice" Error {
        ja: "「{value}」は選択肢にありません",
        ja_help: "次のいずれかを書いてください: {choices}{suggestion}",
        en: "`{value}` is not one of the choices",
        en_help: "write one of: {choices}{suggestion}",
    }
    UNKNOWN_OPTION = "E0206" "unknown-option" Error {
        ja: "「{value}」というチェック項目はありません",
        ja_help: "次のいずれかを書いてください: {choices}{suggestion}",
        en: "there is no checkbox `{value}`",
        en_help: "use one of: {choices}{suggestion}",
    }
    OPTION_NEEDS_TEXT = "E0207" "option-needs-text" Error {
        ja: "「{value}」にチェックした場合は（　）内の記載が必要です",
        ja_help: "`{value}: 具体的な内容` の形で（　）内に印字する文字列を書いてください。",
        en: "ticking `{value}` requires the text in its parentheses",
        en_help: "write `{value}: details`, the text printed in the parentheses.",
    }
    OPTION_VALUE = "E0208" "option-value" Error {
        ja: "チェック項目「{value}」の値が正しくありません",
        ja_help: "{expected}",
        en: "the value of the checkbox `{value}` is not valid",
        en_help: "{expected}",
    }
    INVALID_DATE = "E0209" "invalid-date" Error {
        ja: "日付として読めません: {detail}",
        ja_help: "`令和7年3月4日`、`令和７年３月４日`、`R7.3.4`、`2025-03-04` のように書いてください。",
        en: "not a valid date: {detail}",
        en_help: "write e.g. `令和7年3月4日`, `R7.3.4` or `2025-03-04`.",
    }
    INVALID_COUNT = "E0210" "invalid-count" Error {
        ja: "件数は0以上の整数で書いてください（「{value}」が書かれています）",
        ja_help: "例: `件数: 2`",
        en: "a count must be a whole number of 0 or more (found `{value}`)",
        en_help: "e.g. `件数: 2`",
    }
    TOO_MANY_BLOCKS = "E0211" "too-many-blocks" Error {
        ja: "{group}が {count} 件あります。様式に記載できるのは {max} 件までです",
        ja_help: "様式の上限を超える分は別紙とするなど、記載方法を見直してください。",
        en: "{count} entries of {group}; the form holds at most {max}",
        en_help: "the form cannot hold more; revise how these are described.",
    }
    DUPLICATE_ID = "E0212" "duplicate-id" Error {
        ja: "id「{id}」が重複しています",
        ja_help: "id は版をまたいで同じ記載を対応付けるためのものです。各ブロックに別の id を付けてください。",
        en: "the id `{id}` is used twice",
        en_help: "ids match blocks across versions; give each block its own id.",
    }
    UNKNOWN_EDITION = "E0213" "unknown-edition" Error {
        ja: "様式「{value}」には対応していません",
        ja_help: "対応している様式: {choices}",
        en: "the form edition `{value}` is not supported",
        en_help: "supported editions: {choices}",
    }
    UNPRINTABLE = "W0214" "unprintable-character" Warning {
        ja: "「{char}」（{code}）は PDF に印字できない文字です",
        ja_help: "制御文字や、同梱フォントにない文字（絵文字等）は PDF では 〓 と印字されます。別の文字に置き換えてください。",
        en: "`{char}` ({code}) cannot be printed in the PDF",
        en_help: "control characters and characters outside the bundled fonts (emoji …) print as 〓 in the PDF; replace them.",
    }
    COMMENT_IN_VALUE = "W0220" "comment-in-value" Warning {
        ja: "「{comment}」はコメントとして読まれ、印字されません",
        ja_help: "値の一部なら、値全体を引用符で囲んでください: `{fix}`。コメントのつもりなら、# の後に半角スペースを入れてください（`# …`）。",
        en: "`{comment}` is read as a comment and is not printed",
        en_help: "if it belongs to the value, quote the whole value: `{fix}`; if it is a comment, put a space after the # (`# …`).",
    }
    FOLDED_LINES = "W0221" "folded-lines" Warning {
        ja: "値が {lines} 行に分けて書かれていますが、改行は空白に置き換わり、1行で印字されます",
        ja_help: "改行を残すには `{key}: |-` と書き、次の行から字下げして続けてください。1行の文章なら、1行に続けて書いてください。",
        en: "the value is written on {lines} lines, but its line breaks become spaces: it prints as one line",
        en_help: "to keep the line breaks write `{key}: |-` and the text on the following lines, indented; for one line of text, write it on one line.",
    }
    CONTINUATION_LOOKS_LIKE_KEY = "W0222" "continuation-looks-like-key" Warning {
        ja: "この行は項目のように見えますが、前の項目「{key}」の値の続きとして読まれ、印字されます",
        ja_help: "{cause}別の項目なら、「{key}」と同じ字下げで `{fix}` と書いてください。",
        en: "this line looks like an item but is read, and printed, as the rest of the value of `{key}`",
        en_help: "{cause}if it is an item of its own, write `{fix}` indented like `{key}`.",
    }
    MARK_AS_TEXT = "W0223" "mark-as-text" Warning {
        ja: "「{mark}」はチェックの印ではなく、（　）内の文字として「{option}（ {mark} ）」と印字されます",
        ja_help: "「{option}」にチェックするときは、（　）内に印字する内容を書いてください（例: `{option}: 〇〇の記録`）。チェックしないときは行を削除してください。",
        en: "`{mark}` is not a tick: it is printed as the text in the parentheses, `{option}（ {mark} ）`",
        en_help: "to tick `{option}`, write the text printed in its parentheses (e.g. `{option}: details`); to leave it unticked, delete the line.",
    }
    NUMBERED_CHOICE_MISMATCH = "E0224" "numbered-choice-mismatch" Error {
        ja: "番号「{number}」と選択肢「{choice}」が合いません（「{choice}」は {right} 番です）",
        ja_help: "どちらが正しいか確認し、番号を省いて選択肢の文言だけを書いてください: {choices}",
        en: "the number `{number}` does not match the choice `{choice}` (which is number {right})",
        en_help: "check which is meant and write the choice's text alone: {choices}",
    }
    BLOCKS_WITHOUT_ID = "W0225" "blocks-without-id" Warning {
        ja: "{group}が {count} 件ありますが、{missing} 件に id がありません",
        ja_help: "各ブロックに `- id: 名前` を付けてください。id がないと、版を比べるときにブロックの対応が取れず、1件の追加が多くの変更として数えられることがあります。",
        en: "{count} blocks of {group}, {missing} of them without an id",
        en_help: "give each block `- id: name`; without ids, versions cannot be matched block by block, and one added block may count as many changes.",
    }
    REQUIRED_BY_CONDITION = "E0301" "required-by-condition" Error {
        ja: "「{cond_item}」が「{cond_value}」なので、この項目の記載が必要です",
        ja_help: "値を記載するか、「{cond_item}」を見直してください。",
        en: "this item is required because `{cond_item}` is `{cond_value}`",
        en_help: "fill it in, or revise `{cond_item}`.",
    }
    FILLED_AGAINST_CONDITION = "E0302" "filled-against-condition" Error {
        ja: "「{cond_item}」が「{cond_value}」なので、この項目は記載しません",
        ja_help: "この項目を空にするか、「{cond_item}」を見直してください。",
        en: "this item must be left empty because `{cond_item}` is `{cond_value}`",
        en_help: "empty it, or revise `{cond_item}`.",
    }
    ENTRUST_COUNT = "E0303" "entrust-count" Error {
        ja: "委託件数が {count} 件ですが、委託事項は {blocks} 件記載されています",
        ja_help: "件数と委託事項の数を一致させてください。",
        en: "the 委託 count is {count} but {blocks} 委託事項 are described",
        en_help: "make the count and the number of 委託事項 agree.",
    }
    TRANSFER_COUNT = "W0304" "transfer-count" Warning {
        ja: "「{option}」の件数が {count} 件ですが、{group}は {blocks} 件記載されています",
        ja_help: "通常は件数と{group}の数が一致します。記載漏れがないか確認してください。",
        en: "`{option}` counts {count} but {blocks} {group} are described",
        en_help: "the count normally equals the number of {group}; check that none is missing.",
    }
    EXCLUSIVE_OPTIONS = "E0305" "exclusive-options" Error {
        ja: "「{value}」と「{other}」に同時にチェックすることはできません",
        ja_help: "どちらか一方にしてください。",
        en: "`{value}` and `{other}` cannot both be ticked",
        en_help: "keep one of them.",
    }
    COUNT_EXPECTED = "E0306" "count-expected" Error {
        ja: "「{value}」には件数を書いてください",
        ja_help: "例: `{value}: 3`",
        en: "`{value}` takes a count",
        en_help: "e.g. `{value}: 3`",
    }
    THRESHOLD = "E0401" "threshold" Error {
        ja: "しきい値判断結果が対象人数（{people}）と合いません",
        ja_help: "{expected}",
        en: "the threshold result does not agree with 対象人数 ({people})",
        en_help: "{expected}",
    }
    PUBLISHED_BEFORE_ASSESSMENT = "E0402" "published-before-assessment" Error {
        ja: "公表日（{published}）が基礎項目評価の実施日（{assessed}）より前です",
        ja_help: "評価は公表より前に実施されます。どちらかの日付を確認してください。",
        en: "the publication date ({published}) is before the 基礎項目評価 date ({assessed})",
        en_help: "the assessment precedes its publication; check both dates.",
    }
    YEARLY_REVIEW = "W0403" "yearly-review" Warning {
        ja: "基礎項目評価の実施日（{assessed}）から公表日（{published}）まで1年を超えています",
        ja_help: "評価書は少なくとも1年に1回見直すよう努めることとされています（努力義務）。見直しの結果を反映してください。",
        en: "more than a year passed between the 基礎項目評価 ({assessed}) and publication ({published})",
        en_help: "documents should be reviewed at least once a year (a duty to endeavour); record the review.",
    }
    FIVE_YEAR_REASSESSMENT = "W0404" "five-year-reassessment" Warning {
        ja: "基礎項目評価の実施日（{assessed}）から公表日（{published}）まで5年を超えています",
        ja_help: "前回の評価から5年を経過する前に再実施するよう努めることとされています（規則第15条、努力義務）。",
        en: "more than five years passed between the 基礎項目評価 ({assessed}) and publication ({published})",
        en_help: "re-assess before five years have passed (rule 15, a duty to endeavour).",
    }
    ENTRUST_CONSISTENCY = "W0405" "entrust-consistency" Warning {
        ja: "Ⅱ４の委託の有無（{value}）とⅢ４の「委託しない」の記載が合いません",
        ja_help: "委託しない場合はⅢ４の「委託しない」にチェックし、委託する場合はチェックを外してください。",
        en: "Ⅱ４ 委託の有無 ({value}) disagrees with the 委託しない box of Ⅲ４",
        en_help: "tick Ⅲ４ 委託しない exactly when nothing is entrusted.",
    }
    TRANSFER_CONSISTENCY = "W0406" "transfer-consistency" Warning {
        ja: "Ⅱ５の提供・移転の有無とⅢ５の「提供・移転しない」の記載が合いません",
        ja_help: "提供・移転を行っていない場合はⅢ５の「提供・移転しない」にチェックし、行っている場合は外してください。",
        en: "Ⅱ５ 提供・移転の有無 disagrees with the 提供・移転しない box of Ⅲ５",
        en_help: "tick Ⅲ５ 提供・移転しない exactly when nothing is provided or transferred.",
    }
    LINKAGE_CONSISTENCY = "W0407" "linkage-consistency" Warning {
        ja: "Ⅰ５の実施の有無（{value}）とⅢ６の「接続しない」の記載が合いません",
        ja_help: "情報連携を実施しない場合はⅢ６の「接続しない（入手）」「接続しない（提供）」にチェックしてください。",
        en: "Ⅰ５ 実施の有無 ({value}) disagrees with the 接続しない boxes of Ⅲ６",
        en_help: "tick Ⅲ６ 接続しない（入手）/（提供） when there is no linkage.",
    }
    SUBCONTRACT_CONSISTENCY = "W0408" "subcontract-consistency" Warning {
        ja: "Ⅱ４の再委託の有無とⅢ４の「再委託先による…担保」（{value}）が合いません",
        ja_help: "どの委託事項も再委託しない場合は「再委託していない」を、再委託する場合はそれ以外を選んでください。",
        en: "Ⅱ４ 再委託の有無 disagrees with Ⅲ４ 再委託先による…担保 ({value})",
        en_help: "choose 再委託していない exactly when no 委託事項 is subcontracted.",
    }
    THRESHOLD_UNSURE = "W0409" "threshold-unsure" Warning {
        ja: "しきい値判断結果を対象人数だけでは確定できません（{people}）",
        ja_help: "{expected}",
        en: "the threshold result cannot be confirmed from 対象人数 alone ({people})",
        en_help: "{expected}",
    }
    BASIC_THRESHOLD = "E0410" "basic-threshold" Error {
        ja: "しきい値判断結果がしきい値判断項目（{facts}）から導かれる結果と合いません",
        ja_help: "{expected}",
        en: "the threshold result does not follow from the threshold items ({facts})",
        en_help: "{expected}",
    }
    BASIC_THRESHOLD_BELIEVED = "W0411" "basic-threshold-believed" Warning {
        ja: "しきい値判断結果がしきい値判断項目（{facts}）から一般に導かれる結果と異なります",
        ja_help: "{expected}",
        en: "the threshold result differs from what the threshold items ({facts}) are believed to require",
        en_help: "{expected}",
    }
    DOCUMENTS_BELOW_THRESHOLD = "E0412" "documents-below-threshold" Error {
        ja: "提出する評価書（{documents}）がしきい値判断結果（{result}）に足りません",
        ja_help: "しきい値判断結果が求める評価書を提出してください。上位の評価は任意に実施できます（Ⅳ．１．を「{needed}」以上に）。",
        en: "the documents submitted ({documents}) fall short of the threshold result ({result})",
        en_help: "submit the documents the threshold result requires; a higher assessment may always be done (Ⅳ．１． at least `{needed}`).",
    }
    COUNTED_AFTER_PUBLICATION = "E0413" "counted-after-publication" Error {
        ja: "計数の時点（{counted}）が公表日（{published}）より後です",
        ja_help: "しきい値判断は公表より前の時点の人数で行います。日付を確認してください。",
        en: "the count date ({counted}) is after the publication date ({published})",
        en_help: "the threshold is judged on counts taken before publication; check the dates.",
    }
    CHANGE_AFTER_PUBLICATION = "W0501" "change-after-publication" Warning {
        ja: "変更日（{date}）が公表日（{published}）より後です",
        ja_help: "変更箇所には公表済みの変更を記載します。日付を確認してください。",
        en: "the change date ({date}) is after the publication date ({published})",
        en_help: "the change table lists published changes; check the date.",
    }
    IMPORTANT_CHANGE_AFTERWARDS = "W0502" "important-change-afterwards" Warning {
        ja: "※の項目（重要な変更の対象）の変更が「事後」とされていますが、提出時期に係る説明がありません",
        ja_help: "重要な変更は原則として事前に提出します。事後とする理由（重要な変更に当たらない理由等）を「提出時期に係る説明」に記載してください。",
        en: "a change to a ※ item (重要な変更) is recorded as 事後 without an explanation",
        en_help: "important changes are normally submitted beforehand; explain in 提出時期に係る説明 why this one is 事後.",
    }
    SHARED_WRITTEN_TWICE = "E0601" "shared-written-twice" Error {
        ja: "この項目は重点項目評価書と共通です（assessment.yaml の {from} から取られます）",
        ja_help: "基礎項目評価書（kiso.yaml）には書かず、assessment.yaml の {from} だけを書いてください。二つの評価書に同じ内容が印字されます。",
        en: "this item is shared with the 重点項目評価書 (taken from {from} in assessment.yaml)",
        en_help: "remove it from kiso.yaml and write it only in assessment.yaml ({from}); both documents print it.",
    }
    PEOPLE_DISAGREE = "E0602" "people-disagree" Error {
        ja: "基礎項目評価書の対象人数（{basic}）が重点項目評価書の対象人数（{key}、{elsewhere}）と合いません",
        ja_help: "二つの評価書は同じ事務の同じ人数を記載します。どちらかを直してください（選択肢の文言は様式ごとに異なりますが、範囲は同じです）。",
        en: "対象人数 of the 基礎項目評価書 ({basic}) does not agree with the 重点項目評価書's ({key}, {elsewhere})",
        en_help: "both documents state the same count of the same 事務; correct one of them (the forms word the bands differently, but the ranges are the same).",
    }
    THRESHOLD_DISAGREE = "E0603" "threshold-disagree" Error {
        ja: "重点項目評価書のしきい値判断結果（{result}）が基礎項目評価書のしきい値判断項目（{facts}、{elsewhere}）と合いません",
        ja_help: "{expected}",
        en: "the 重点項目評価書's threshold result ({result}) does not agree with the 基礎項目評価書's threshold items ({facts}, {elsewhere})",
        en_help: "{expected}",
    }
    OTHER_DOCUMENT = "E0604" "other-document" Error {
        ja: "提出する評価書の種類（{chosen}）が、この事務のフォルダにある評価書と合いません（{found}）",
        ja_help: "「{expected}」を選んでください。",
        en: "the documents named for submission ({chosen}) do not match the documents in this assessment's folder ({found})",
        en_help: "choose `{expected}`.",
    }
    COUNTED_AFTER_ASSESSMENT = "E0605" "counted-after-assessment" Error {
        ja: "計数の時点（{counted}）が重点項目評価書に記載した基礎項目評価の実施日（{assessed}、{elsewhere}）より後です",
        ja_help: "しきい値判断の人数は基礎項目評価の実施までに数えたものです。日付を確認してください。",
        en: "the count date ({counted}) is after the 基礎項目評価 date in the 重点項目評価書 ({assessed}, {elsewhere})",
        en_help: "the threshold counts are taken by the day of the 基礎項目評価; check the dates.",
    }
    KEY_WITHOUT_BASIC = "W0606" "key-without-basic" Warning {
        ja: "重点項目評価書と共に公表する基礎項目評価書（{file}）がありません",
        ja_help: "重点項目評価書は必ず基礎項目評価書と共に公表します。`hyoka init --kiso-for {folder}` で作成できます。",
        en: "the 基礎項目評価書 published with this 重点項目評価書 ({file}) is missing",
        en_help: "a 重点項目評価書 is always published with a 基礎項目評価書; `hyoka init --kiso-for {folder}` starts one.",
    }
    COMPANION_NOT_BASIC = "E0607" "companion-not-basic" Error {
        ja: "kiso.yaml には基礎項目評価書（様式２）を書きます（この様式: {value}）",
        ja_help: "kiso.yaml は assessment.yaml の重点項目評価書（様式３）と共に公表する基礎項目評価書です。様式を「令和6年10月 様式2」にしてください。",
        en: "kiso.yaml holds a 基礎項目評価書 (様式２), not {value}",
        en_help: "kiso.yaml is the 基礎項目評価書 published with the 重点項目評価書 (様式３) in assessment.yaml; write 様式: 令和6年10月 様式2.",
    }
    BASIC_WITHOUT_KEY = "E0608" "basic-without-key" Error {
        ja: "kiso.yaml は重点項目評価書（様式３）の assessment.yaml と組になります（assessment.yaml: {value}）",
        ja_help: "基礎項目評価書だけを公表する事務では、基礎項目評価書を assessment.yaml に書き、kiso.yaml は置きません。",
        en: "kiso.yaml goes with a 重点項目評価書 (様式３) in assessment.yaml (assessment.yaml: {value})",
        en_help: "a 事務 that publishes its 基礎項目評価書 alone writes it as assessment.yaml, with no kiso.yaml.",
    }
    UNKNOWN_COMMON_TEXT = "E0801" "unknown-common-text" Error {
        ja: "共通テキスト「{name}」はありません",
        ja_help: "{suggestion}",
        en: "there is no common text `{name}`",
        en_help: "{suggestion}",
    }
    COMMON_TEXT_KIND = "E0802" "common-text-kind" Error {
        ja: "共通テキスト「{name}」は{kind}なので、ここ（{place}）には使えません",
        ja_help: "{fix}。",
        en: "the common text `{name}` is {kind} and cannot stand here ({place})",
        en_help: "{fix}.",
    }
    NO_COMMON_TEXTS = "E0803" "no-common-texts" Error {
        ja: "共通テキスト「{name}」を使っていますが、共通テキストのフォルダ（common-texts）が見つかりません",
        ja_help: "評価書のフォルダを置くフォルダ（assessments/ など）に common-texts/ を作って「名前: 内容」を書くか、値をここに直接書いてください。",
        en: "the common text `{name}` is used, but there is no folder of common texts (common-texts)",
        en_help: "create common-texts/ in the folder that holds the assessment folders (e.g. assessments/) and write `name: text` there, or write the value here.",
    }
    COMMON_TEXT_REFERENCE = "E0804" "common-text-reference" Error {
        ja: "共通テキストの使い方に誤りがあります: {detail}",
        ja_help: "項目の値の代わりに「{共通テキスト: 名前}」と書きます。システム等のブロックでは並びの1項目として「- 共通テキスト: 名前」と書き、その下に「id:」も書けます。",
        en: "a common text is used wrongly: {detail}",
        en_help: "write `{共通テキスト: 名前}` (名前: the entry's name) in place of an item's value; a block of システム etc. is one item of the list, `- 共通テキスト: 名前`, with its `id:` below if you like.",
    }
    COMMON_TEXT_ENTRY = "E0805" "common-text-entry" Error {
        ja: "共通テキスト「{name}」が読めません: {detail}",
        ja_help: "文章は「名前: |-」の次の行から字下げして書きます。ブロックは「名前:」の下に種類（{groups}）を1つ書き、その下にブロックの項目を書きます。",
        en: "the common text `{name}` cannot be read: {detail}",
        en_help: "write a text after `name: |-` on the lines below, indented; write a block as `name:`, one kind ({groups}) below it, and the block's items below that.",
    }
    DUPLICATE_COMMON_TEXT = "E0806" "duplicate-common-text" Error {
        ja: "共通テキスト「{name}」は {elsewhere} にもあります",
        ja_help: "共通テキストの名前は、common-texts/ のすべてのファイルを通じて1つずつです。名前を変えるか、一方を削除してください。",
        en: "the common text `{name}` is also defined at {elsewhere}",
        en_help: "each name is used once across all files of common-texts/; rename or delete one of them.",
    }
    COMMON_TEXT_FILE = "E0807" "common-text-file" Error {
        ja: "共通テキストのファイルは「名前: 内容」の並びです（このファイル: {found}）",
        ja_help: "行の先頭に「名前:」を書き、その後（または次の行から字下げして）内容を書きます。",
        en: "a file of common texts is a mapping of `name: text` (this file: {found})",
        en_help: "start each entry at the beginning of a line with `name:`, and write its text after it (or on the lines below, indented).",
    }
    UNUSED_COMMON_TEXT = "W0808" "unused-common-text" Warning {
        ja: "共通テキスト「{name}」はどの評価書でも使われていません",
        ja_help: "使う項目に「{共通テキスト: {name}}」と書くか、不要なら削除してください（hyoka texts list で使われている場所を確認できます）。",
        en: "the common text `{name}` is not used by any assessment",
        en_help: "write `{共通テキスト: {name}}` at the items that use it, or delete it if it is not needed (`hyoka texts list` shows where each is used).",
    }
}

/// Finds a code by its id, e.g. `E0205`.
pub fn by_id(id: &str) -> Option<&'static Code> {
    ALL.iter().copied().find(|c| c.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_sorted_and_match_severity() {
        for pair in ALL.windows(2) {
            assert!(
                pair[0].id[1..] < pair[1].id[1..],
                "{} before {}",
                pair[0].id,
                pair[1].id
            );
        }
        for code in ALL {
            let want = if code.id.starts_with('E') {
                Severity::Error
            } else {
                Severity::Warning
            };
            assert_eq!(code.severity, want, "{}", code.id);
        }
    }

    #[test]
    fn both_languages_use_the_same_placeholders() {
        let names = |s: &str| {
            let mut v: Vec<String> = s
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}'))
                .map(|(n, _)| n.into())
                .collect();
            v.sort();
            v.dedup();
            v
        };
        for code in ALL {
            assert_eq!(names(code.ja), names(code.en), "{}", code.id);
            assert_eq!(names(code.ja_help), names(code.en_help), "{}", code.id);
        }
    }
}
