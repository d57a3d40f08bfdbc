#!/usr/bin/env python3
"""Writes the invalid fixtures of this folder from valid-minimal.yaml, one broken thing each.

Each fixture starts with `# expect: CODE LINE:COL` lines (or `# expect: CODE` where the
position is the parser's own business). The position is where the marker text lands in the
written file, computed here independently of hyoka. Run from this folder after changing the
base; review the diff of the fixtures before committing.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = open(os.path.join(HERE, "valid-minimal.yaml"), encoding="utf-8").read()
BODY = BASE.split("\n", 2)[2]  # drop the two comment lines of the base

ENTRUST_II = """    委託の有無: 委託する
    件数: 1
    委託事項:
      - id: hoshu
        名称: システム保守業務
        委託内容: システムの保守
        取扱者数: 10人未満
        委託先名: 検証株式会社
        再委託の有無: 再委託しない"""
ENTRUST_III = """    委託先における不正な使用等:
      委託契約書中の規定: 定めている
      規定の内容: 目的外利用の禁止
      再委託先による担保: 再委託していない
      十分か: 十分である"""


def entrust(body):
    body = body.replace("    委託の有無: 委託しない", ENTRUST_II)
    return body.replace("    委託しない: true", ENTRUST_III)


# name: (edit, [(code, marker or None, occurrence)], note)
# A marker is located after applying the edit; `occurrence` picks the n-th match (1-based).
CASES = {
    "unknown-top-key": (lambda b: b + "未知の項目: 1\n", [("E0201", "未知の項目", 1)]),
    "unknown-key-did-you-mean": (lambda b: b.replace("事務の名称: 検証用事務", "事務の名前: 検証用事務"), [("E0201", "事務の名前", 1)]),
    "wrong-type-section": (
        lambda b: b.replace("  担当部署:\n    部署: 総務部　検証課\n    所属長の役職名: 検証課長", "  担当部署: 検証課"),
        [("E0202", "検証課\n", 1)],
    ),
    "missing-item": (lambda b: b.replace("  評価実施機関名: 検証市長\n", ""), [("E0203", "表紙:", 1)]),
    "empty-value": (lambda b: b.replace("    事務の名称: 検証用事務", "    事務の名称:"), [("E0204", "事務の名称", 1)]),
    "not-a-choice": (lambda b: b.replace("ファイルの種類: システム用ファイル", "ファイルの種類: システムファイル"), [("E0205", "システムファイル", 1)]),
    "choice-with-numbering-is-accepted": (lambda b: b.replace("十分か: 十分である", "十分か: 2） 十分である", 1), []),
    "unknown-option": (lambda b: b.replace("入手方法: {紙: true}", "入手方法: {かみ: true}"), [("E0206", "かみ", 1)]),
    "option-needs-text": (lambda b: b.replace("{個人番号: true, その他: 検証番号}", "{個人番号: true, その他: true}"), [("E0207", "true}", 2)]),
    "option-value": (lambda b: b.replace("{庁内連携システム: true}", "{庁内連携システム: はい}"), [("E0208", "はい", 1)]),
    "date-outside-era": (lambda b: b.replace("公表日: 令和7年3月4日", "公表日: 平成31年5月1日"), [("E0209", "平成31年5月1日", 1)]),
    "date-no-such-day": (lambda b: b.replace("使用開始日: 2016-01-01", "使用開始日: 2016-02-30"), [("E0209", "2016-02-30", 1)]),
    "date-fullwidth-is-accepted": (lambda b: b.replace("公表日: 令和7年3月4日", "公表日: 令和７年３月４日"), []),
    "too-many-systems": (
        lambda b: b.replace(
            "  特定個人情報ファイル名: 検証ファイル\n  個人番号の利用",
            "".join(f"    - id: s{i}\n      システムの名称: システム{i}\n      システムの機能: 機能\n" for i in range(2, 22))
            + "  特定個人情報ファイル名: 検証ファイル\n  個人番号の利用",
        ),
        [("E0211", "- |id: s21", 1)],
    ),
    "duplicate-id": (
        lambda b: b.replace(
            "  特定個人情報ファイル名: 検証ファイル\n  個人番号の利用",
            "    - id: main\n      システムの名称: 二つ目\n      システムの機能: 機能\n  特定個人情報ファイル名: 検証ファイル\n  個人番号の利用",
        ),
        [("E0212", "main", 2)],
    ),
    "unknown-edition": (lambda b: b.replace("様式: 令和6年10月 様式3", "様式: 令和5年4月 様式3"), [("E0213", "令和5年4月 様式3", 1)]),
    "edition-fullwidth-is-accepted": (lambda b: b.replace("様式: 令和6年10月 様式3", "様式: 令和６年10月　様式３"), []),
    "duplicate-key": (lambda b: b.replace("  評価書番号: \"1\"\n", "  評価書番号: \"1\"\n  評価書番号: \"2\"\n"), [("E0106", "評価書番号", 2)]),
    "yaml-syntax": (lambda b: b.replace("事務の名称: 検証用事務", "事務の名称: [検証用事務"), [("E0103", None, 1)]),
    "two-documents": (lambda b: b + "---\n様式: 令和6年10月 様式3\n", [("E0107", "---", 1)]),
    "complex-key": (lambda b: b + "? [a, b]\n: 1\n", [("E0109", "[a, b]", 1)]),
    "billion-laughs": (
        lambda b: b
        + "lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        + "".join(f"lol{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]\n" for i in range(1, 9)),
        [("E0104", None, 1)],
    ),
    "too-deep": (lambda b: b + "深い: " + "[" * 80 + "]" * 80 + "\n", [("E0105", None, 1)]),
    "unprintable-character": (
        lambda b: b.replace("事務の名称: 検証用事務", "事務の名称: \"検証\\u000e用事務😀\""),
        [("W0214", "事務の名称: |\"検証", 1)],
    ),
    "filled-against-condition": (
        lambda b: b.replace("      重大事故: 発生なし\n", "      重大事故: 発生なし\n      その内容: 漏えい\n"),
        [("E0302", "その内容: |漏えい", 1)],
    ),
    "linkage-with-one-box": (
        lambda b: b.replace("{接続しない（入手）: true, 接続しない（提供）: true}", "{接続しない（入手）: true}"),
        [("E0301", "情報提供ネットワークシステムとの接続:", 1), ("W0407", "実施しない", 1)],
    ),
    "exclusive-transfer": (
        lambda b: b.replace("{行っていない: true}", "{提供を行っている: 1, 行っていない: true}"),
        [("E0301", "提供・移転:\n", 1), ("W0304", "{提供を行っている", 1), ("E0305", "{提供を行っている", 1), ("W0406", "{提供を行っている", 1)],
    ),
    "count-expected": (
        lambda b: b.replace("{行っていない: true}", "{移転を行っている: true}"),
        [("E0306", "true}", 3)],
    ),
    "threshold": (
        lambda b: b.replace("しきい値判断結果: 基礎項目評価の実施が義務付けられる（任意に重点項目評価を実施）", "しきい値判断結果: 基礎項目評価及び重点項目評価の実施が義務付けられる"),
        [("E0401", "基礎項目評価及び重点項目評価の実施が義務付けられる", 1)],
    ),
    "threshold-unsure": (
        lambda b: b.replace("対象人数: 1万人以上10万人未満", "対象人数: 10万人以上30万人未満")
        .replace("しきい値判断結果: 基礎項目評価の実施が義務付けられる（任意に重点項目評価を実施）", "しきい値判断結果: 基礎項目評価及び重点項目評価の実施が義務付けられる")
        .replace("      重大事故: 発生なし\n", "      重大事故: 発生あり\n      その内容: 書類の紛失\n      再発防止策の内容: 管理簿の導入\n"),
        [("W0409", "基礎項目評価及び重点項目評価の実施が義務付けられる", 1)],
    ),
    "published-before-assessment": (lambda b: b.replace("実施日: 令和7年1月24日", "実施日: 令和7年3月5日"), [("E0402", "令和7年3月4日", 1)]),
    "yearly-review": (lambda b: b.replace("実施日: 令和7年1月24日", "実施日: 令和5年12月1日"), [("W0403", "令和7年3月4日", 1)]),
    "five-year-reassessment": (lambda b: b.replace("実施日: 令和7年1月24日", "実施日: 平成31年4月1日"), [("W0404", "令和7年3月4日", 1)]),
    "entrust-box-unticked": (lambda b: b.replace("    委託しない: true", "    委託しない: false"), [("W0405", "委託しない\n", 1), ("E0301", "委託:\n", 2)]),
    "valid-entrust": (entrust, []),
    "invalid-count": (lambda b: entrust(b).replace("件数: 1", "件数: 二"), [("E0210", "件数: |二", 1)]),
    "entrust-count": (lambda b: entrust(b).replace("件数: 1", "件数: 3"), [("E0303", "件数: |3", 1)]),
    "subcontract-needs-details": (
        lambda b: entrust(b).replace("再委託の有無: 再委託しない", "再委託の有無: 再委託する"),
        [("E0301", "- |id: hoshu", 1), ("E0301", "- |id: hoshu", 1), ("W0408", "再委託していない", 1)],
    ),
    "subcontract-details-without-subcontract": (
        lambda b: entrust(b).replace("        再委託の有無: 再委託しない", "        再委託の有無: 再委託しない\n        再委託事項: 保守の一部"),
        [("E0302", "保守の一部", 1)],
    ),
}


def position(text, marker, occurrence):
    """Where the marker lands; a `|` in the marker says where inside it the position is."""
    shift = marker.index("|") if "|" in marker else 0
    marker = marker.replace("|", "")
    at = -1
    for _ in range(occurrence):
        at = text.index(marker, at + 1)
    at += shift
    line = text.count("\n", 0, at) + 1
    col = at - (text.rfind("\n", 0, at) + 1) + 1
    return line, col


def main():
    for name, (edit, expected) in CASES.items():
        body = edit(BODY)
        header = [f"# {name}: valid-minimal.yaml with one thing changed."]
        header_lines = len(header) + len(expected) + (1 if not expected else 0)
        lines = []
        for code, marker, occurrence in expected:
            if marker is None:
                lines.append(f"# expect: {code}")
            else:
                line, col = position(body, marker, occurrence)
                lines.append(f"# expect: {code} {line + header_lines}:{col}")
        if not expected:
            lines.append("# expect: nothing")
        with open(os.path.join(HERE, f"{name}.yaml"), "w", encoding="utf-8") as f:
            f.write("\n".join(header + lines) + "\n" + body)
    # Bytes that are not UTF-8 cannot come from an edit of text.
    with open(os.path.join(HERE, "invalid-utf8.yaml"), "wb") as f:
        f.write("# invalid-utf8: a Shift_JIS byte on line 3.\n# expect: E0101 4:12\n".encode())
        f.write("様式: 令和6年10月 様式3\n表紙: {評価書名: ".encode() + b"\x8c\x9f" + b"}\n")


if __name__ == "__main__":
    main()
