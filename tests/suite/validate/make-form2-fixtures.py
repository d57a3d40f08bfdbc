#!/usr/bin/env python3
"""Writes the fixtures of the 基礎項目評価書 (様式２) and of an assessment's two documents.

- `basic-*.yaml`: valid-basic.yaml (a 基礎項目評価書 published alone) with one thing broken;
- `pair-*/`: a folder with valid-minimal.yaml as its 重点項目評価書 (assessment.yaml) and a
  small 基礎項目評価書 beside it (kiso.yaml, PAIR below), one thing broken in either.

Positions are where the marker text lands in the written file, computed here independently of
hyoka (a `|` in a marker says where inside it the position is). Run from anywhere after changing
a base; review the diff of the fixtures before committing.
"""
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from importlib import import_module

position = import_module("make-fixtures").position  # the one way markers are located

HERE = os.path.dirname(os.path.abspath(__file__))


def body_of(name):
    text = open(os.path.join(HERE, name), encoding="utf-8").read()
    return text.split("\n", 2)[2]  # drop the two comment lines of the base


BASIC = body_of("valid-basic.yaml")
KEY = body_of("valid-minimal.yaml")
# The 基礎項目評価書 of valid-minimal.yaml's 事務 (1万人以上10万人未満: a 重点項目評価 done voluntarily).
PAIR = """様式: 令和6年10月 様式2
表紙:
  評価書名: 検証用事務　基礎項目評価書
しきい値判断項目:
  対象人数: 1万人以上10万人未満
  対象人数の計数時点: 令和7年1月1日
  取扱者数: 500人未満
  取扱者数の計数時点: 令和7年1月1日
  重大事故: 発生なし
しきい値判断結果:
  結果: 基礎項目評価の実施が義務付けられる
リスク対策:
  評価書の種類: 基礎項目評価書及び重点項目評価書
"""

# Where each section of Ⅳ２–１１ of valid-basic.yaml starts its value (the line after its key).
RISK_SECTIONS = [
    "  入手:\n    |十分か",
    "  使用:\n    |紐付け",
    "  委託:\n    |委託しない",
    "  提供・移転:\n    |提供・移転しない",
    "  情報提供ネットワークシステムとの接続:\n    |接続しない",
    "  保管・消去:\n    |十分か",
    "  人手を介在させる作業:\n    |人手を",
    "  監査:\n    |実施の有無",
    "  教育・啓発:\n    |従業者",
    "  最も優先度が高い対策:\n    |全項目",
]
ALONE_WITH_FULL = lambda b: b.replace("評価書の種類: 基礎項目評価書\n", "評価書の種類: 基礎項目評価書及び全項目評価書\n")

# name: (edit, [(code, marker or None, occurrence)])
BASIC_CASES = {
    "basic-threshold": (
        lambda b: b.replace("結果: 基礎項目評価の実施が義務付けられる", "結果: 基礎項目評価及び重点項目評価の実施が義務付けられる"),
        [("E0410", "結果: |基礎項目評価及び", 1)],
    ),
    "basic-threshold-believed": (
        lambda b: b.replace("対象人数: 1,000人以上1万人未満", "対象人数: 1万人以上10万人未満").replace("取扱者数: 500人未満", "取扱者数: 500人以上"),
        [("W0411", "結果: |基礎項目評価の", 1)],
    ),
    "basic-documents-below-threshold": (
        lambda b: b.replace("対象人数: 1,000人以上1万人未満", "対象人数: 30万人以上").replace(
            "結果: 基礎項目評価の実施が義務付けられる", "結果: 基礎項目評価及び全項目評価の実施が義務付けられる"
        ),
        [("E0412", "評価書の種類: |基礎項目評価書", 1)],
    ),
    "basic-counted-after-publication": (
        lambda b: b.replace("取扱者数の計数時点: 令和7年4月1日", "取扱者数の計数時点: 令和7年7月1日"),
        [("E0413", "取扱者数の計数時点: |令和7年7月1日", 1)],
    ),
    "basic-names-a-key-document-it-has-not": (
        lambda b: b.replace("評価書の種類: 基礎項目評価書\n", "評価書の種類: 基礎項目評価書及び重点項目評価書\n"),
        # Ⅳ２–１１ are then left blank by the form's conditions: each filled section says so.
        [("E0604", "評価書の種類: |基礎項目評価書及び", 1)] + [("E0302", m, 1) for m in RISK_SECTIONS],
    ),
    "basic-risk-items-blank-with-a-full-assessment": (
        ALONE_WITH_FULL,
        [("E0302", m, 1) for m in RISK_SECTIONS],
    ),
    "basic-risk-item-required-alone": (
        lambda b: b.replace("  保管・消去:\n    十分か: 十分である\n", ""),
        [("E0301", "|リスク対策:", 1)],
    ),
    "basic-human-work-needs-its-basis": (
        lambda b: b.replace("    判断の根拠: 入力は二人で確認している。\n", ""),
        [("E0301", "  |人手を介在させる作業:", 1)],
    ),
    "basic-priority-blank-when-ticked": (
        lambda b: b.replace("全項目評価又は重点項目評価を実施する: false", "全項目評価又は重点項目評価を実施する: true"),
        [("E0302", "対策: |特定個人情報の漏えい", 1), ("E0302", "十分か: |十分である", 4), ("E0302", "判断の根拠: |端末", 1)],
    ),
    "basic-rule-9-needs-its-reason": (
        lambda b: b.replace("    適用した: false", "    適用した: true"),
        [("E0301", "  |規則第９条第２項の適用:", 1)],
    ),
}

# name: (edit of assessment.yaml, edit of kiso.yaml, expected in assessment.yaml, expected in kiso.yaml)
SAME = lambda t: t
PAIR_CASES = {
    "pair-valid": (SAME, SAME, [], []),
    "pair-shared-written-twice": (
        SAME,
        lambda k: k.replace("しきい値判断項目:", "関連情報:\n  事務:\n    事務の名称: 二重に書いた名称\nしきい値判断項目:"),
        [],
        [("E0601", "事務:", 1)],
    ),
    "pair-people-disagree": (
        SAME,
        lambda k: k.replace("対象人数: 1万人以上10万人未満", "対象人数: 1,000人以上1万人未満"),
        [],
        [("E0602", "対象人数: |1,000", 1)],
    ),
    "pair-threshold-disagree": (
        SAME,
        lambda k: k.replace("取扱者数: 500人未満", "取扱者数: 500人以上").replace(
            "結果: 基礎項目評価の実施が義務付けられる", "結果: 基礎項目評価及び重点項目評価の実施が義務付けられる"
        ),
        [("E0603", "しきい値判断結果: |基礎項目評価の", 1)],
        [],
    ),
    "pair-other-document": (
        SAME,
        lambda k: k.replace("評価書の種類: 基礎項目評価書及び重点項目評価書", "評価書の種類: 基礎項目評価書"),
        [],
        [("E0604", "評価書の種類: |基礎項目評価書", 1)],
    ),
    "pair-counted-after-assessment": (
        SAME,
        lambda k: k.replace("対象人数の計数時点: 令和7年1月1日", "対象人数の計数時点: 令和7年2月1日"),
        [],
        [("E0605", "対象人数の計数時点: |令和7年2月1日", 1)],
    ),
    "pair-companion-not-basic": (
        SAME,
        lambda k: k.replace("様式: 令和6年10月 様式2", "様式: 令和6年10月 様式3"),
        [],
        [("E0607", "様式: |令和6年10月 様式3", 1)],
    ),
}


def with_expectations(title, body, expected):
    header = [f"# {title}"]
    lines = []
    header_lines = len(header) + max(len(expected), 1)
    for code, marker, occurrence in expected:
        if marker is None:
            lines.append(f"# expect: {code}")
        else:
            line, col = position(body, marker, occurrence)
            lines.append(f"# expect: {code} {line + header_lines}:{col}")
    if not expected:
        lines.append("# expect: nothing")
    return "\n".join(header + lines) + "\n" + body


def main():
    for name, (edit, expected) in BASIC_CASES.items():
        text = with_expectations(f"{name}: valid-basic.yaml with one thing changed.", edit(BASIC), expected)
        with open(os.path.join(HERE, f"{name}.yaml"), "w", encoding="utf-8") as f:
            f.write(text)
    for name, (edit_key, edit_basic, expect_key, expect_basic) in PAIR_CASES.items():
        folder = os.path.join(HERE, name)
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        files = {
            "assessment.yaml": with_expectations(f"{name}: valid-minimal.yaml as the 重点項目評価書.", edit_key(KEY), expect_key),
            "kiso.yaml": with_expectations(f"{name}: the 基礎項目評価書 beside it.", edit_basic(PAIR), expect_basic),
        }
        for file, text in files.items():
            with open(os.path.join(folder, file), "w", encoding="utf-8") as f:
                f.write(text)
    # A 基礎項目評価書 published alone in assessment.yaml has no kiso.yaml beside it.
    folder = os.path.join(HERE, "basic-with-a-kiso-file")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    with open(os.path.join(folder, "assessment.yaml"), "w", encoding="utf-8") as f:
        f.write(with_expectations("basic-with-a-kiso-file: valid-basic.yaml as the main document.", BASIC, []))
    with open(os.path.join(folder, "kiso.yaml"), "w", encoding="utf-8") as f:
        f.write(with_expectations("basic-with-a-kiso-file: a kiso.yaml beside a 基礎項目評価書.", PAIR, [("E0608", None, 0)]))


main()
