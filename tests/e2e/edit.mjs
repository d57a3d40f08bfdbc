// End-to-end test of `hyoka serve`'s editing page in headless Chromium, as an officer uses it.
//
// Run by tests/serve.rs, which copies the example into a temporary ROOT (and a fresh skeleton
// beside it), starts the server and passes HYOKA_URL, HYOKA_ROOT, HYOKA_SHOTS and optionally
// HYOKA_CHROMIUM. The edits of the first part are checked afterwards by the Rust side against
// the file (`git diff --no-index` of the copy saved in HYOKA_SHOTS) and `hyoka validate`.

import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const url = process.env.HYOKA_URL;
const root = process.env.HYOKA_ROOT;
const shots = process.env.HYOKA_SHOTS;
const executablePath = process.env.HYOKA_CHROMIUM || "/usr/bin/chromium";
assert.ok(url && root && shots, "HYOKA_URL, HYOKA_ROOT and HYOKA_SHOTS must be set");

const name = "takaoka-vaccination";
const fresh = "fresh";
const file = path.join(root, name, "assessment.yaml");
const freshFile = path.join(root, fresh, "assessment.yaml");

setTimeout(() => {
  console.error("e2e: gave up after 300 s");
  process.exit(3);
}, 300_000).unref();

const timings = {};
async function step(label, run) {
  const started = Date.now();
  await run();
  timings[label] = Date.now() - started;
  console.log(`ok ${label} (${timings[label]} ms)`);
}

const field = (page, keyPath) => page.locator(`.field[data-path="${keyPath}"]`);
async function control(page, keyPath) {
  const id = await field(page, keyPath).getAttribute("data-field");
  return page.locator(`[id="${id}"]`);
}
async function saved(page, keyPath) {
  await field(page, keyPath).locator(".status[data-kind=ok]").waitFor();
}

/** Every control's role and accessible name, from Chromium's accessibility tree. */
async function unnamedControls(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  const controls = nodes.filter((n) => !n.ignored && ["textbox", "combobox", "checkbox", "button", "radio", "spinbutton"].includes(n.role?.value));
  assert.ok(controls.length > 100, `only ${controls.length} controls in the tree`);
  return controls.filter((n) => !(n.name?.value || "").trim()).map((n) => `${n.role.value} ${n.backendDOMNodeId}`);
}

const browser = await chromium.launch({ executablePath, headless: true, args: ["--no-sandbox", "--disable-dev-shm-usage"] });
const problems = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "ja-JP" });
  page.setDefaultTimeout(30_000);
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    // A refused request (the conflict's 409) is logged by Chromium as a failed resource.
    if (m.type() === "error" && !/status of 409/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on("dialog", (d) => d.accept());
  const original = readFileSync(file, "utf8");

  await step("the editing page shows the form with the file's values", async () => {
    await page.goto(`${url}a/${name}/`);
    await page.getByRole("link", { name: "編集" }).click();
    await page.waitForURL(`${url}a/${name}/edit`);
    assert.equal(await (await control(page, "基本情報.事務.事務の名称")).inputValue(), "予防接種に関する事務");
    assert.equal(await (await control(page, "基本情報.事務.対象人数")).inputValue(), "10万人以上30万人未満");
    const options = await (await control(page, "基本情報.事務.対象人数")).locator("option").allInnerTexts();
    assert.deepEqual(options.slice(1), ["1,000人未満", "1,000人以上1万人未満", "1万人以上10万人未満", "10万人以上30万人未満"]);
    assert.match(await field(page, "ファイルの概要.提供・移転.提供・移転の有無").innerText(), /W0304/);
    await page.screenshot({ path: path.join(shots, "edit.png"), clip: { x: 0, y: 0, width: 1280, height: 1800 }, fullPage: true });
  });

  await step("every control has its label (accessibility tree)", async () => {
    assert.deepEqual(await unnamedControls(page), []);
    const aria = await field(page, "基本情報.システム[4].他のシステムとの接続").ariaSnapshot();
    assert.match(aria, /group "③他のシステムとの接続"/);
    assert.match(aria, /checkbox "その他"/);
    assert.match(aria, /textbox "その他（\s）内の文字列"/);
  });

  await step("a conditional item hides and shows with its sibling", async () => {
    const reason = field(page, "基本情報.情報連携.法令上の根拠");
    assert.equal(await reason.isVisible(), true);
    // A value is never hidden: its condition no longer holds, but it is written.
    await (await control(page, "基本情報.情報連携.実施の有無")).selectOption("実施しない");
    assert.equal(await reason.isVisible(), true);
    await saved(page, "基本情報.情報連携.実施の有無");
    assert.match(await reason.innerText(), /E0/);
    await (await control(page, "基本情報.情報連携.実施の有無")).selectOption("実施する");
    await field(page, "基本情報.情報連携.法令上の根拠").locator(".diag").first().waitFor({ state: "detached" });
    // 再委託の許諾方法 is shown only when 再委託する is chosen (it is empty in the example).
    const consent = field(page, "ファイルの概要.委託.委託事項[1].再委託の許諾方法");
    assert.equal(await consent.isVisible(), false);
    const sub = await control(page, "ファイルの概要.委託.委託事項[1].再委託の有無");
    await sub.selectOption("再委託する");
    await consent.waitFor({ state: "visible" });
    await sub.selectOption("再委託しない");
    await consent.waitFor({ state: "hidden" });
    await saved(page, "ファイルの概要.委託.委託事項[1].再委託の有無");
  });

  await step("validation as you type: a date the form cannot read is named before it is saved", async () => {
    const date = await control(page, "表紙.公表日");
    await date.fill("令和7年13月4日");
    await field(page, "表紙.公表日").locator(".diag.error .code").waitFor();
    assert.match(await field(page, "表紙.公表日").innerText(), /E0\d{3}/);
    assert.equal(readFileSync(file, "utf8"), original, "a check wrote the file");
    await date.fill("令和7年3月4日");
    await date.press("Tab");
  });

  await step("change a choice, type Japanese text on two lines, tick その他 with its text", async () => {
    await (await control(page, "ファイルの概要.基本情報.記録される項目")).selectOption("50項目以上100項目未満");
    await saved(page, "ファイルの概要.基本情報.記録される項目");
    const remarks = await control(page, "表紙.特記事項");
    await remarks.click();
    await page.keyboard.type("予防接種台帳の電子化に伴い記載を見直した。");
    await page.keyboard.press("Enter");
    await page.keyboard.type("二行目：新型コロナウイルス感染症対策を含む。");
    await page.keyboard.press("Tab");
    await saved(page, "表紙.特記事項");
    const links = field(page, "基本情報.システム[1].他のシステムとの接続");
    await links.getByLabel("その他", { exact: true }).check();
    await links.getByLabel("その他（　）内の文字列").fill("予約管理システム");
    await links.getByLabel("その他（　）内の文字列").press("Tab");
    await saved(page, "基本情報.システム[1].他のシステムとの接続");
  });

  await step("add a 提供先 and remove another", async () => {
    await page.getByRole("button", { name: "提供先を追加" }).click();
    // The page reloads with the new block, its id readable.
    const added = page.locator('fieldset.block[data-id="提供先5"]');
    await added.waitFor();
    assert.match(await added.locator(":scope > legend").innerText(), /提供先５\s*（id: 提供先5）/);
    const nameField = await control(page, "ファイルの概要.提供・移転.提供先[5].名称");
    await nameField.fill("厚生労働大臣（追加）");
    await nameField.press("Tab");
    await saved(page, "ファイルの概要.提供・移転.提供先[5].名称");
    await page.getByRole("button", { name: "提供先３ 削除" }).click();
    await page.locator('fieldset.block[data-id="todofuken-shichoson"]').waitFor({ state: "detached" });
    await page.locator('fieldset.block[data-id="提供先5"]').waitFor();
  });

  await step("save all, and the page's findings are hyoka validate's", async () => {
    await page.getByRole("button", { name: "すべて保存" }).click();
    await page.locator("#page-status").filter({ hasText: /未保存の変更はありません|保存しました/ }).waitFor();
    await page.reload();
    const codes = await page.locator("#form .field-diags .code, #others-list .code").allInnerTexts();
    const summary = await page.locator("#summary").innerText();
    writeFileSync(path.join(shots, "after-edits.yaml"), readFileSync(file));
    writeFileSync(path.join(shots, "page-findings.json"), JSON.stringify({ codes, summary }));
  });

  await step("the same item edited on disk meanwhile: the conflict view, and both versions survive", async () => {
    const item = "基本情報.事務.事務の名称";
    const input = await control(page, item);
    const onDisk = readFileSync(file, "utf8").replace("事務の名称: 予防接種に関する事務", "事務の名称: ディスク上で直した名称");
    writeFileSync(file, onDisk);
    await input.fill("ページで直した名称");
    await input.press("Tab");
    const conflict = field(page, item).locator(".conflict");
    await conflict.waitFor({ state: "visible" });
    assert.match(await conflict.innerText(), /ファイルの値[\s\S]*ディスク上で直した名称[\s\S]*このページの値[\s\S]*ページで直した名称/);
    assert.equal(readFileSync(file, "utf8"), onDisk, "the conflict overwrote the file");
    assert.equal(await input.inputValue(), "ページで直した名称");
    await page.locator("#changed-banner").waitFor({ state: "visible" });
    await page.screenshot({ path: path.join(shots, "edit-conflict.png"), clip: { x: 0, y: 0, width: 1280, height: 900 } });
    await conflict.getByRole("button", { name: "このページの値で上書き" }).click();
    await saved(page, item);
    assert.match(readFileSync(file, "utf8"), /事務の名称: ページで直した名称   # ①/);
  });

  await step("a cross-origin form post is refused with 403", async () => {
    const other = await browser.newPage();
    const target = `${url}a/${name}/edit/save`;
    await other.setContent(`<form method="post" action="${target}" enctype="text/plain"><input name='{"path":"表紙.評価書名","base":"x","value":"' value='乗っ取り"}'></form>`);
    const [response] = await Promise.all([other.waitForResponse(target), other.locator("form").evaluate((f) => f.submit())]);
    assert.equal(response.status(), 403);
    // A fetch from a page of another site: refused by the server (403) if the browser sends it.
    const elsewhere = await browser.newPage();
    await elsewhere.route("http://evil.example/**", (r) => r.fulfill({ contentType: "text/html", body: "<!doctype html><title>evil</title>" }));
    await elsewhere.goto("http://evil.example/");
    const statuses = [];
    elsewhere.on("response", (r) => {
      if (r.url() === target) statuses.push(r.status());
    });
    await elsewhere.evaluate(async (target) => {
      try {
        await fetch(target, { method: "POST", mode: "no-cors", body: '{"path":"表紙.評価書名","base":"x","value":"乗っ取り"}' });
      } catch (e) {
        // Blocked by the browser: refused all the same.
      }
    }, target);
    await elsewhere.waitForTimeout(500);
    assert.ok(statuses.every((s) => s === 403), `statuses ${statuses}`);
    await elsewhere.close();
    assert.doesNotMatch(readFileSync(file, "utf8"), /乗っ取り/);
    await other.close();
  });

  await step("keep a version, then record the revision from the review page", async () => {
    // The review compares documents without errors: the new, empty 提供先 goes first.
    await page.getByRole("button", { name: "提供先４ 削除" }).click();
    await page.locator('fieldset.block[data-id="提供先5"]').waitFor({ state: "detached" });
    assert.equal(await page.locator("#form .diag.error").count(), 0);
    await page.getByRole("button", { name: "この版を保存（versions/）" }).click();
    const link = page.locator("#page-status a");
    await link.waitFor();
    const input = await control(page, "ファイルの概要.基本情報.その必要性");
    await input.fill("予防接種対象者及び接種状況を管理するため。");
    await input.press("Tab");
    await saved(page, "ファイルの概要.基本情報.その必要性");
    await link.click();
    await page.locator("table.changes tbody tr").first().waitFor();
    assert.equal(await page.locator("table.changes tbody tr").count(), 1);
    await page.getByLabel("Ⅱ．２．③対象となる本人の範囲　その必要性：提出時期", { exact: true }).selectOption("事後");
    await page.getByLabel("Ⅱ．２．③対象となる本人の範囲　その必要性：提出時期に係る説明").fill("字句の修正");
    await page.screenshot({ path: path.join(shots, "review-record.png"), clip: { x: 0, y: 0, width: 1280, height: 900 } });
    await page.getByRole("button", { name: "changes.yaml に記録" }).click();
    await page.locator("td.timing .tag.recorded").waitFor();
    const changes = readFileSync(path.join(root, name, "changes.yaml"), "utf8");
    assert.match(changes, /項目: Ⅱ．２．③対象となる本人の範囲　その必要性\n\s+変更前の記載: 予防接種対象者の管理及び予防接種状況を管理するため。\n\s+変更後の記載: 予防接種対象者及び接種状況を管理するため。\n\s+提出時期: 事後\n\s+提出時期に係る説明: 字句の修正/);
  });

  await step("keyboard only: one item of each kind on a fresh skeleton", async () => {
    const k = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "ja-JP" });
    k.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    await k.goto(`${url}a/${fresh}/edit`);
    /** Presses Tab until the control of `keyPath` (or its `suffix` part) has the focus. */
    async function tabTo(keyPath, suffix = "") {
      const id = (await field(k, keyPath).getAttribute("data-field")) + suffix;
      for (let i = 0; i < 3000; i++) {
        if ((await k.evaluate(() => document.activeElement?.id)) === id) return;
        await k.keyboard.press("Tab");
      }
      throw new Error(`Tab never reached ${keyPath}`);
    }
    await tabTo("表紙.評価書名");
    await k.keyboard.type("キーボードで書いた評価書");
    await tabTo("表紙.宣言");
    await k.keyboard.type("一行目");
    await k.keyboard.press("Enter");
    await k.keyboard.type("二行目");
    await tabTo("表紙.公表日");
    await k.keyboard.type("2025-03-04");
    await tabTo("基本情報.事務.対象人数");
    await k.keyboard.press("ArrowDown");
    await k.keyboard.press("ArrowDown");
    await tabTo("基本情報.システム[1].他のシステムとの接続", "-o6");
    await k.keyboard.press("Space");
    await k.keyboard.press("Tab");
    await k.keyboard.type("中間サーバー");
    // 件数 is shown once 委託する is chosen: hidden items are out of the Tab order.
    assert.equal(await field(k, "ファイルの概要.委託.件数").isVisible(), false);
    await tabTo("ファイルの概要.委託.委託の有無");
    await k.keyboard.press("ArrowDown");
    await tabTo("ファイルの概要.委託.件数");
    await k.keyboard.type("2");
    await tabTo("リスク対策.委託.委託しない");
    await k.keyboard.press("Space");
    await k.keyboard.press("Control+s");
    await k.locator("#page-status[data-kind=ok]").waitFor();
    // The office's common text (the library beside the assessments): opened, chosen and used
    // from the keyboard; the page comes back showing the entry's words, which can become the
    // item's own text.
    const request = "開示請求・問合せ.開示請求.請求先";
    await tabTo(request, "-offer");
    await k.keyboard.press("Enter");
    await tabTo(request, "-ct");
    await k.keyboard.press("End");
    await k.keyboard.press("Tab");
    const usedName = await k.evaluate((id) => document.getElementById(id).value, (await field(k, request).getAttribute("data-field")) + "-ct");
    await Promise.all([k.waitForEvent("load"), k.keyboard.press("Enter")]);
    await field(k, request).locator(".common-use").waitFor();
    assert.equal(await field(k, request).getAttribute("data-common"), usedName);
    assert.ok(readFileSync(freshFile, "utf8").includes(`  請求先: {共通テキスト: ${usedName}}`), "the reference is written");
    const words = await field(k, request).locator("pre.common-text").textContent();
    await tabTo(request);
    await k.keyboard.press("Tab");
    await k.keyboard.press("Tab");
    assert.equal(await k.evaluate(() => document.activeElement?.className), "own-text");
    await Promise.all([k.waitForEvent("load"), k.keyboard.press("Enter")]);
    assert.equal(await (await control(k, request)).inputValue(), words);
    const text = readFileSync(freshFile, "utf8");
    for (const written of [
      "  評価書名: キーボードで書いた評価書\n",
      "  宣言: |-\n    一行目\n    二行目\n",
      "  公表日: 2025-03-04\n",
      "    対象人数: 1,000人以上1万人未満\n",
      "        その他: 中間サーバー  # （　）内の文字列を書くとチェック\n",
      "    委託の有無: 委託する\n",
      "    件数: 2\n",
      "    委託しない: true\n",
    ]) {
      assert.ok(text.includes(written), `not written: ${JSON.stringify(written)}`);
    }
    await k.close();
  });

  assert.deepEqual(problems, [], "the pages reported errors");
} finally {
  await browser.close();
}
console.log(`timings ${JSON.stringify(timings)}`);
