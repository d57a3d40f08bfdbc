//! The command line's own words in Japanese: every command's description, every option's
//! help, the possible values, and the examples shown by `--help`.
//!
//! The English texts are the doc comments of the argument structs (clap's derive reads them);
//! these are their Japanese counterparts, looked up by command name and argument id, and put
//! in place by [`super::parse::localise`] unless `--lang en` is given. A test walks every
//! command and option and fails on one without Japanese.

/// Commands: (name, one-line description, longer description or "").
pub(crate) const COMMANDS: &[(&str, &str, &str)] = &[
    (
        "hyoka",
        "特定個人情報保護評価書（重点項目評価書）を YAML で書き、検証・出力・比較します",
        "",
    ),
    (
        "init",
        "新しい評価書を始めます（assessment.yaml と changes.yaml のフォルダを作ります）",
        "新しい評価書を始めます（assessment.yaml と changes.yaml のフォルダを作ります）。

--form 重点（既定）では、重点項目評価書に添える基礎項目評価書（kiso.yaml と kiso-changes.yaml）も作ります。

assessment.yaml には様式の全項目が印字順に空欄で並び、各項目の上のコメントに、番号付きの項目名
（※は重要な変更の対象）、記入の要否、書き方、＜選択肢＞またはチェックボックスが書かれます。1行目は
エディタのためのスキーマの場所です（作業フォルダかその上に schema/assessment.schema.json があれば
それを、なければ新しいフォルダに写したものを指します）。changes.yaml は、列の説明をコメントにした
空の変更箇所の表です。--from を付けると、assessment.yaml は別の評価書の写しになります（versions/ と
changes.yaml は写しません）。既にあるフォルダは上書きしません（終了コード 2）。",
    ),
    (
        "validate",
        "評価書（フォルダまたは assessment.yaml）を検証します",
        "評価書（フォルダまたは assessment.yaml）を検証します。

問題ごとに、ファイルと行・列、様式の項目名、何が誤りか、どう直すかを示します。終了コード: 0 = エラー
なし（警告はあってもよい）、1 = エラーあり、2 = 実行できなかった（引数やファイルの誤り）。",
    ),
    (
        "render",
        "評価書を1件検証し、HTML・Markdown・Typst・PDF に出力します",
        "評価書を1件検証し、HTML・Markdown・Typst・PDF に出力します。

エラーがあるときは出力しません（終了コード 1）。--redline OLD を付けると、OLD からの変更をすべて
本文中に示した確認用の見え消し版を出力します。",
    ),
    (
        "build",
        "フォルダの下の評価書をすべて検証・出力します（並列に処理します）",
        "フォルダの下の評価書をすべて検証・出力します（並列に処理します）。

入力、テンプレート、形式、hyoka の版が前回の build から変わっていない評価書は、検証だけして出力し直し
ません。",
    ),
    (
        "serve",
        "ブラウザで見るプレビューと編集: 検証結果、評価書、PDF、YAML に書き込む入力フォーム、版からの変更",
        "ブラウザで見るプレビューと編集: 検証結果、評価書、PDF、YAML に書き込む入力フォーム、版からの変更。

ROOT（既定は assessments）の下の評価書を、標準出力の1行目に表示するアドレスで一覧します。ファイルを
保存するとページが自動で更新されます。編集ページで保存すると、その項目の記載だけが書き換わります。--bind を指定しない限り、このパソコン（127.0.0.1）からしか
見えません。",
    ),
    (
        "watch",
        "評価書を保存するたびに HTML と PDF を出力し直し、かかった時間を表示します",
        "",
    ),
    (
        "snapshot",
        "今の assessment.yaml を versions/<NAME>.yaml として、そのまま残します",
        "今の assessment.yaml を versions/<NAME>.yaml として、そのまま残します。

名前の既定は日本の今日の日付（2026-11-28）で、使用済みなら 2026-11-28-2、-3 … とします。版を上書き
することはありません（終了コード 2）。残した版とは、あとで diff や render --redline で比べられます。",
    ),
    (
        "diff",
        "2つの版の間の（別添２）変更箇所を作ります",
        "2つの版の間の（別添２）変更箇所を作ります。

OLD と NEW は、評価書のフォルダ、YAML ファイル、または git の REV:PATH です。提出時期は理由つきで
提案され（※の項目は事前）、--timing で行ごとに指定できます。",
    ),
    (
        "check",
        "定期的な確認: 毎年の見直し、5年ごとの再実施、公表日の記載漏れ、説明のない事後の※の変更（日本の今日、または --date の日に）",
        "定期的な確認: 毎年の見直し、5年ごとの再実施、公表日の記載漏れ、説明のない事後の※の変更（日本の今日、または --date の日に）。

終了コード: 0 = 期限の近いものなし、1 = 期限間近・期限超過あり（または読めない評価書あり）、2 = 実行
できなかった。",
    ),
    (
        "threshold",
        "しきい値判断: 事務に義務付けられる評価と、使う様式",
        "しきい値判断: 事務に義務付けられる評価と、使う様式。

対象人数、取扱者数、過去1年以内の重大事故の有無から判断します（rules.md §1）。オプションで指定しなかった
ことは、端末であれば質問します。原文で確認できていない規定には [B] を付けます。終了コード: 0 = 判断した、
2 = 必要なオプションがない（標準入力が端末でないとき）。",
    ),
    (
        "texts",
        "共通テキスト: 一覧、写しの保存、変更の全変更箇所への反映、同じ記載の発見",
        "共通テキスト: 一覧、写しの保存、変更の全変更箇所への反映、同じ記載の発見。

共通テキストは、評価書のフォルダを置くフォルダ（assessments/）の common-texts/ に書きます。項目の値の
代わりに {共通テキスト: 名前} と書くと、その共通テキストを使います。",
    ),
    (
        "list",
        "共通テキストの一覧: 種類、書かれている場所、使っている項目",
        "",
    ),
    (
        "save",
        "今の共通テキストの写しを common-texts/versions/NAME/ に残します（あとで比べるため）",
        "",
    ),
    (
        "changes",
        "共通テキストの変更が、それを使う各評価書の変更箇所に加える行",
        "共通テキストの変更が、それを使う各評価書の変更箇所に加える行。

OLD は hyoka texts save で残した写しの名前（common-texts/versions/OLD）、以前の写しのフォルダ、または
git のリビジョンです。変更された共通テキストを使う評価書ごとに、以前の共通テキストで読んだ自分自身と
比べるので、行にはその評価書の項目名と提出時期の案が付きます。影響を受ける評価書を最初に示します。
--record を付けると、各評価書の変更箇所（changes.yaml、重点項目評価書と組の基礎項目評価書は
kiso-changes.yaml）に記録します。すべての表に書くか、どれにも書かないかのどちらかです。",
    ),
    (
        "scan",
        "2件以上の評価書に同じ記載がある文章を探し、共通テキストの候補を示します",
        "2件以上の評価書に同じ記載がある文章を探し（完全に同じもの、次に空白・改行だけが違うもの）、
共通テキストの候補を示します。

--convert を付けると、完全に同じ記載を新しい共通テキストの参照に置き換えます。どの評価書も出力は
1バイトも変わらず、コメントもすべて残ります（書き込む前に hyoka が確かめ、すべてのファイルを書くか、
どれも書かないかのどちらかです）。",
    ),
    (
        "completions",
        "シェルの補完スクリプト（bash、zsh、fish、elvish、PowerShell）を表示します",
        "",
    ),
    (
        "schema",
        "assessment.yaml（--kiso なら kiso.yaml）の JSON Schema（draft 2020-12）を標準出力に表示します",
        "",
    ),
];

/// Arguments: (command or `*` for any, argument id, help). The help's first line is the
/// short help (`-h`); the whole of it the long help (`--help`).
pub(crate) const ARGS: &[(&str, &str, &str)] = &[
    ("*", "lang", "メッセージと説明の言語"),
    ("*", "message_format", "検証結果の表示のしかた"),
    (
        "*",
        "templates",
        "同じ名前の組み込みテンプレートの代わりに使うファイルのあるフォルダ",
    ),
    (
        "init",
        "name",
        "新しい評価書のフォルダ名（「/」を含まず、ドットで始まらない名前）",
    ),
    (
        "init",
        "form",
        "しきい値判断で求められる評価書（hyoka threshold を参照）\n重点: 重点項目評価書とその基礎項目評価書、基礎: 基礎項目評価書だけ",
    ),
    (
        "init",
        "from",
        "空の様式の代わりに、この評価書（フォルダか assessment.yaml）から始めます\n写すのは本文（assessment.yaml と kiso.yaml）だけで、versions/ と変更箇所の表は写しません",
    ),
    ("init", "root", "評価書のフォルダを置くフォルダ"),
    (
        "init",
        "kiso_for",
        "フォルダを作る代わりに、この既存の重点項目評価書のフォルダに基礎項目評価書（kiso.yaml、kiso-changes.yaml）を加えます",
    ),
    (
        "validate",
        "paths",
        "評価書のフォルダまたは assessment.yaml（複数可）",
    ),
    (
        "render",
        "path",
        "評価書のフォルダ（または assessment.yaml）",
    ),
    ("render", "format", "書き出す形式（カンマ「,」区切り）"),
    (
        "render",
        "out",
        "出力先のフォルダ［既定: output/<フォルダ名>/］",
    ),
    (
        "render",
        "redline",
        "この古い版（フォルダ、YAML ファイル、REV:PATH）と比べた見え消し版を出力します\n変更をすべて本文中に示し、<名前>.redline.html / .pdf に書きます",
    ),
    ("build", "root", "評価書のフォルダを置くフォルダ"),
    (
        "build",
        "out",
        "出力先のフォルダ。評価書ごとに <out>/<フォルダ名>/ に書きます",
    ),
    ("build", "format", "書き出す形式（カンマ「,」区切り）"),
    (
        "build",
        "jobs",
        "同時に出力する評価書の数［既定: CPU コアの数。0 も同じ］",
    ),
    ("serve", "root", "評価書のフォルダを置くフォルダ"),
    (
        "serve",
        "port",
        "待ち受けるポート番号。0 なら空いている番号を使います（表示するアドレスでわかります）",
    ),
    (
        "serve",
        "bind",
        "待ち受けるアドレス\nログインの仕組みはないので、ほかの人に見せる必要がない限り既定（このパソコンだけ）のままにしてください",
    ),
    (
        "serve",
        "templates",
        "同じ名前の組み込みテンプレートの代わりに使うファイルのあるフォルダ\n（評価書と各ページの serve/*.html.tera、serve/style.css、serve/reload.js、serve/edit.js）",
    ),
    (
        "serve",
        "read_only",
        "表示だけにします。編集ページ、版の保存、changes.yaml への記録を無効にします（ファイルに書き込む要求はすべて断ります）",
    ),
    ("watch", "path", "評価書のフォルダ"),
    (
        "watch",
        "format",
        "保存のたびに書き出す形式（カンマ「,」区切り）",
    ),
    (
        "watch",
        "out",
        "出力先のフォルダ［既定: output/<フォルダ名>/］",
    ),
    (
        "snapshot",
        "path",
        "評価書のフォルダ（または assessment.yaml）",
    ),
    (
        "snapshot",
        "name",
        "版の名前。versions/<NAME>.yaml に残します［既定: 今日の日付（2026-11-28）。使用済みなら 2026-11-28-2 …］",
    ),
    (
        "diff",
        "old",
        "前の版: フォルダ、YAML ファイル、または git の REV:PATH",
    ),
    (
        "diff",
        "new",
        "後の版: フォルダ、YAML ファイル、または git の REV:PATH",
    ),
    ("diff", "format", "出力の形式"),
    (
        "diff",
        "output",
        "標準出力の代わりに、このファイルに書きます",
    ),
    ("diff", "date", "各行の変更日［既定: NEW の公表日］"),
    (
        "diff",
        "reason",
        "すべての行の提出時期に係る説明（例: 見直しによる）",
    ),
    (
        "diff",
        "timing",
        "N 行目（1から数えます）の提出時期を、提案の代わりに指定します: --timing 3=事後（繰り返し指定できます）",
    ),
    (
        "diff",
        "record",
        "行を NEW の changes.yaml に追記します（基礎項目評価書の行は kiso-changes.yaml に）",
    ),
    (
        "diff",
        "exit_code",
        "変更があれば 1、なければ 0 で終了します",
    ),
    (
        "diff",
        "ambiguous_wide",
        "端末が Ⅱ、Ⅴ、①、○ を2文字分の幅で表示する場合に、表をそれに合わせ、枠を ASCII で描きます（環境変数 HYOKA_AMBIGUOUS_WIDE=1 でも同じ）",
    ),
    (
        "diff",
        "form",
        "重点項目評価書と基礎項目評価書のうち、これだけを比べます［既定: 両方。CSV と XLSX は表が1つなので指定が必要］",
    ),
    (
        "diff",
        "message_format",
        "読めない版の検証結果の表示のしかた",
    ),
    (
        "check",
        "paths",
        "評価書のフォルダまたは assessment.yaml（複数可）",
    ),
    (
        "check",
        "date",
        "確かめる日（令和8年4月1日、2026-04-01 など）［既定: 日本の今日］",
    ),
    ("check", "format", "出力の形式"),
    (
        "threshold",
        "people",
        "対象人数: 事務の特定個人情報ファイルに記録される全ての人の数（例: 150000、150,000、15万）",
    ),
    (
        "threshold",
        "handlers",
        "取扱者数: ファイルを取り扱う職員と委託先の従業者の数",
    ),
    (
        "threshold",
        "accident",
        "過去1年以内に、評価実施機関で個人情報に関する重大事故が発生したか: yes|no（はい/いいえ、あり/なし）",
    ),
    (
        "threshold",
        "staff_only",
        "事務が扱うのは自らの職員のファイルだけ（人事・給与・福利厚生）",
    ),
    (
        "threshold",
        "paper_only",
        "事務のファイルは紙だけで保有している",
    ),
    ("threshold", "format", "出力の形式"),
    ("completions", "shell", "シェル"),
    (
        "schema",
        "kiso",
        "代わりに kiso.yaml（重点項目評価書に添える基礎項目評価書）のスキーマを表示します",
    ),
    (
        "list",
        "root",
        "評価書のフォルダを置くフォルダ（common-texts/ があるところ）",
    ),
    (
        "save",
        "root",
        "評価書のフォルダを置くフォルダ（common-texts/ があるところ）",
    ),
    (
        "save",
        "name",
        "写しの名前［既定: 日本の今日の日付（2026-11-28）。使用済みなら 2026-11-28-2 …］",
    ),
    (
        "changes",
        "old",
        "以前の共通テキスト: hyoka texts save で残した写しの名前、フォルダ、または git のリビジョン",
    ),
    (
        "changes",
        "root",
        "評価書のフォルダを置くフォルダ（common-texts/ があるところ）",
    ),
    ("changes", "date", "各行の変更日［既定: 各評価書の公表日］"),
    ("changes", "reason", "すべての行の提出時期に係る説明"),
    (
        "changes",
        "record",
        "影響を受けるすべての変更箇所に行を記録します（すべてに書くか、どれにも書かないか）",
    ),
    ("changes", "format", "出力の形式"),
    (
        "changes",
        "ambiguous_wide",
        "端末が Ⅱ、Ⅴ、①、○ を2桁の幅で表示する（HYOKA_AMBIGUOUS_WIDE=1 でも同じ）",
    ),
    (
        "scan",
        "root",
        "評価書のフォルダを置くフォルダ（common-texts/ を置く、または既にあるところ）",
    ),
    ("scan", "min_chars", "この文字数以上の記載だけを探します"),
    (
        "scan",
        "convert",
        "完全に同じ記載を新しい共通テキストの参照に置き換えます（すべての候補、または --only で選んだもの）",
    ),
    (
        "scan",
        "only",
        "この番号の候補だけを置き換えます（カンマ「,」区切り）",
    ),
    (
        "scan",
        "name",
        "N 番の候補の名前: --name 1=中間サーバーの機能（繰り返し指定できます）［既定: 項目から作ります］",
    ),
    (
        "scan",
        "file",
        "新しい共通テキストを書く common-texts/ のファイル",
    ),
    (
        "schema",
        "root",
        "評価書のフォルダを置くフォルダ。その共通テキスト（common-texts/）の名前を候補にします",
    ),
];

/// Possible values, by their English help: (English, Japanese).
pub(crate) const VALUES: &[(&str, &str)] = &[
    ("日本語 (default)", "日本語（既定）"),
    ("English", "英語"),
    (
        "Readable text with code frames",
        "読みやすい文章（該当行つき）",
    ),
    ("One JSON object per line", "1行に1つの JSON オブジェクト"),
    ("Readable text", "読みやすい文章"),
    (
        "One JSON document, for scripts",
        "1つの JSON 文書（スクリプト向け）",
    ),
    ("Self-contained HTML", "単体で開ける HTML"),
    ("GitHub-flavoured Markdown", "Markdown（GitHub 形式）"),
    (
        "Typst source with its JSON data file",
        "Typst のソースと JSON のデータファイル",
    ),
    ("PDF (PDF/A-2a and PDF/UA-1)", "PDF（PDF/A-2a、PDF/UA-1）"),
    (
        "A table for the terminal, with a character-level redline",
        "端末向けの表（文字単位の見え消しつき）",
    ),
    ("Markdown", "Markdown"),
    (
        "HTML with <del>/<ins> redlines",
        "HTML（<del>/<ins> の見え消しつき）",
    ),
    (
        "CSV (UTF-8 with BOM)",
        "CSV（BOM 付き UTF-8。Excel で開けます）",
    ),
    ("Excel workbook", "Excel のブック"),
    (
        "The affected documents, then each one's rows as a table",
        "影響を受ける評価書と、それぞれの行の表",
    ),
    (
        "One JSON document: the changed entries, and each document's rows",
        "1つの JSON: 変更された共通テキストと、評価書ごとの行",
    ),
    ("JSON: {\"rows\": [...]}", "JSON: {\"rows\": [...]}"),
    (
        "重点項目評価書 (様式３, assessment.yaml) with its 基礎項目評価書 (様式２, kiso.yaml)",
        "重点項目評価書（様式３、assessment.yaml）とその基礎項目評価書（様式２、kiso.yaml）",
    ),
    (
        "基礎項目評価書 (様式２) alone, in assessment.yaml",
        "基礎項目評価書（様式２）だけ。assessment.yaml に書きます",
    ),
];

/// Examples after the options, by command. Each example line starts `  hyoka `.
pub(crate) const EXAMPLES: &[(&str, &str)] = &[
    (
        "init",
        "例:
  hyoka init kokuho-2025                       assessments/kokuho-2025/: 重点項目評価書とその基礎項目評価書
  hyoka init jidou-teate --form 基礎           基礎項目評価書だけ（しきい値に満たないとき）
  hyoka init kokuho-2026 --from assessments/kokuho-2025
  hyoka init --kiso-for assessments/old-juten  既存の重点項目評価書に基礎項目評価書を加えます
  hyoka init draft --root work                 work/draft/ を作ります",
    ),
    (
        "validate",
        "例:
  hyoka validate assessments/takaoka-vaccination
  hyoka validate assessments/*            すべての評価書。1件でもエラーがあれば終了コード 1
  hyoka --lang en validate assessments/x --message-format json",
    ),
    (
        "render",
        "例:
  hyoka render assessments/takaoka-vaccination                 すべての形式を output/takaoka-vaccination/ に
  hyoka render assessments/x --format html,pdf --out /tmp/x
  hyoka render assessments/x --redline assessments/x/versions/2024-05-27.yaml",
    ),
    (
        "build",
        "例:
  hyoka build                             assessments/ → output/
  hyoka build assessments --format pdf --jobs 1
  hyoka build --templates my-templates",
    ),
    (
        "serve",
        "例:
  hyoka serve                             表示された http://127.0.0.1:8080/ を開きます
  hyoka serve assessments --port 0        空いているポート（1行目に表示）
  hyoka serve assessments --read-only     表示と確認だけ（編集しない）
  hyoka --lang en serve assessments --port 8000 --templates my-templates",
    ),
    (
        "watch",
        "例:
  hyoka watch assessments/takaoka-vaccination
  hyoka watch assessments/x --format pdf --out /tmp/x",
    ),
    (
        "snapshot",
        "例:
  hyoka snapshot assessments/kokuho-2025
  hyoka snapshot assessments/kokuho-2025 --name 2025-03-04-公表
  hyoka diff assessments/kokuho-2025/versions/2025-03-04-公表.yaml assessments/kokuho-2025",
    ),
    (
        "diff",
        "例:
  hyoka diff assessments/x/versions/2024-05-27.yaml assessments/x
  hyoka diff HEAD~1:assessments/x assessments/x --format xlsx --output changes.xlsx
  hyoka diff old.yaml assessments/x --reason 見直しによる --record
  hyoka diff old.yaml assessments/x --timing 1=事前 --exit-code
  hyoka diff old.yaml assessments/x --form 基礎 --format csv   基礎項目評価書の表だけ",
    ),
    (
        "check",
        "例:
  hyoka check assessments/takaoka-vaccination
  hyoka check assessments/* --date 令和8年4月1日
  hyoka check assessments/x --date 2026-04-01 --format json",
    ),
    (
        "threshold",
        "例:
  hyoka threshold --people 150000 --handlers 100 --accident no
  hyoka threshold --people 15万 --handlers 20 --accident あり --format json
  hyoka threshold --paper-only
  hyoka threshold                 （端末では、必要なことを質問します）",
    ),
    (
        "completions",
        "例:
  hyoka completions bash > ~/.local/share/bash-completion/completions/hyoka
  hyoka completions zsh > ~/.zfunc/_hyoka          （compinit の前に fpath+=~/.zfunc）
  hyoka completions fish > ~/.config/fish/completions/hyoka.fish",
    ),
    (
        "texts",
        "例:
  hyoka texts list                           共通テキストと、使っている場所
  hyoka texts save                           写しを common-texts/versions/<今日>/ に残す
  hyoka texts changes 2026-04-01 --record    その写しからの変更を、すべての変更箇所に記録
  hyoka texts changes HEAD~1                 直前のコミットからの変更（git）
  hyoka texts scan                           2件以上の評価書に同じ記載がある文章
  hyoka texts scan --convert                 それを共通テキストにする（出力は変わりません）",
    ),
    (
        "list",
        "例:
  hyoka texts list
  hyoka texts list --root offices/mihon",
    ),
    (
        "save",
        "例:
  hyoka texts save
  hyoka texts save --name 2026-04-01-改定前",
    ),
    (
        "changes",
        "例:
  hyoka texts changes 2026-04-01
  hyoka texts changes 2026-04-01 --date 令和8年4月1日 --reason 中間サーバーの移行による --record
  hyoka texts changes HEAD~1 --format json",
    ),
    (
        "scan",
        "例:
  hyoka texts scan
  hyoka texts scan --min-chars 20
  hyoka texts scan --convert --name 1=中間サーバーの機能",
    ),
    (
        "schema",
        "例:
  hyoka schema > schema/assessment.schema.json
  hyoka schema --kiso > schema/kiso.schema.json",
    ),
];

/// What a value of an option looks like, for the message when clap cannot read one:
/// (argument id, Japanese hint).
pub(crate) const VALUE_HINTS: &[(&str, &str)] = &[
    (
        "people",
        "人数を数字で書いてください（例: 150000、150,000、15万、15万人）",
    ),
    ("handlers", "人数を数字で書いてください（例: 100、1,000）"),
    (
        "accident",
        "yes か no（はい/いいえ、あり/なし）を書いてください",
    ),
    (
        "port",
        "0〜65535 の数字を書いてください（0 なら空いている番号）",
    ),
    ("bind", "IP アドレスを書いてください（例: 127.0.0.1）"),
    ("jobs", "数字を書いてください（例: 4）"),
];

/// The Japanese help of an argument of a command.
pub(crate) fn arg_help(command: &str, id: &str) -> Option<&'static str> {
    ARGS.iter()
        .find(|(c, i, _)| *c == command && *i == id)
        .or_else(|| ARGS.iter().find(|(c, i, _)| *c == "*" && *i == id))
        .map(|(_, _, help)| *help)
}

/// A command's Japanese descriptions: (short, long or "").
pub(crate) fn command(name: &str) -> Option<(&'static str, &'static str)> {
    COMMANDS
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, short, long)| (*short, *long))
}

/// A possible value's Japanese help, by its English help.
pub(crate) fn value(english: &str) -> Option<&'static str> {
    VALUES
        .iter()
        .find(|(en, _)| *en == english)
        .map(|(_, ja)| *ja)
}

/// A command's Japanese examples.
pub(crate) fn examples(command: &str) -> Option<&'static str> {
    EXAMPLES
        .iter()
        .find(|(c, _)| *c == command)
        .map(|(_, text)| *text)
}

/// The hint for an option's value.
pub(crate) fn value_hint(id: &str) -> Option<&'static str> {
    VALUE_HINTS
        .iter()
        .find(|(i, _)| *i == id)
        .map(|(_, hint)| *hint)
}
