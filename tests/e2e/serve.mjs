// End-to-end test of `hyoka serve` in headless Chromium, as a privacy officer would use it.
//
// Run by tests/serve.rs, which copies the example into a temporary ROOT, starts the server and
// passes: HYOKA_URL (the URL the server printed), HYOKA_ROOT (the temporary ROOT), HYOKA_SHOTS
// (where to write screenshots) and optionally HYOKA_CHROMIUM (default /usr/bin/chromium).
// Debian's Chromium is launched directly; playwright-core never downloads a browser.

import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const url = process.env.HYOKA_URL;
const root = process.env.HYOKA_ROOT;
const shots = process.env.HYOKA_SHOTS;
const changesHtml = process.env.HYOKA_CHANGES_HTML;
const executablePath = process.env.HYOKA_CHROMIUM || "/usr/bin/chromium";
assert.ok(url && root && shots && changesHtml, "HYOKA_URL, HYOKA_ROOT, HYOKA_SHOTS and HYOKA_CHANGES_HTML must be set");

/**
 * How many lines each element's text takes, by the distinct tops of its line boxes: a date or a
 * 提出時期 squeezed to one character per line takes as many lines as it has characters.
 */
async function lineCounts(page, selector) {
  return page.locator(selector).evaluateAll((elements) =>
    elements.map((e) => {
      const range = document.createRange();
      range.selectNodeContents(e);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      return [e.textContent, tops.size];
    }),
  );
}

function assertOneLine(counts, what) {
  assert.ok(counts.length > 0, `no ${what}`);
  const broken = counts.filter(([, lines]) => lines !== 1);
  assert.deepEqual(broken, [], `${what} on more than one line`);
}

const name = "takaoka-vaccination";
const file = path.join(root, name, "assessment.yaml");
const title = "予防接種に関する事務";

// A hard stop, so a hung browser cannot hold `cargo test` forever.
setTimeout(() => {
  console.error("e2e: gave up after 240 s");
  process.exit(3);
}, 240_000).unref();

const timings = {};
async function step(label, run) {
  const started = Date.now();
  await run();
  timings[label] = Date.now() - started;
  console.log(`ok ${label} (${timings[label]} ms)`);
}

/** Waits until every document frame of the page has loaded and been fitted to its content. */
async function framesFitted(page) {
  await page.waitForFunction(() =>
    [...document.querySelectorAll("iframe.document")].every(
      (f) => f.contentDocument?.readyState === "complete" && parseInt(f.style.height || "0", 10) > 1000,
    ),
  );
}

/**
 * Screenshots: the whole page (`NAME-full.png`, tens of thousands of pixels tall with the
 * document) and, when `top` is set, its first screenful for the user guide (`NAME.png`).
 */
async function shoot(page, name, { full = true, top = true } = {}) {
  if (full) await page.screenshot({ path: path.join(shots, `${name}-full.png`), fullPage: true });
  if (top) {
    const clip = { x: 0, y: 0, width: 1280, height: 1800 };
    await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true, clip });
  }
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  // Chromium's sandbox does not run as root (CI runs as root), and a container's small
  // /dev/shm cannot hold the tall full-page screenshots.
  args: ["--no-sandbox", "--disable-dev-shm-usage"],
});
const problems = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "ja-JP" });
  page.setDefaultTimeout(30_000);
  // A CSP violation or a script error shows up here; the pages must have none.
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });

  await step("index lists the assessment", async () => {
    const response = await page.goto(url);
    assert.equal(response.status(), 200);
    assert.match(response.headers()["content-type"], /^text\/html; charset=utf-8$/);
    assert.equal(response.headers()["x-content-type-options"], "nosniff");
    assert.match(response.headers()["content-security-policy"], /default-src 'none'/);
    const row = page.locator("table.index tbody tr", { hasText: name });
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(title));
  });

  await step("preview shows the document and W0304", async () => {
    await page.locator("table.index tbody tr", { hasText: name }).getByRole("link", { name: "プレビュー" }).click();
    await page.waitForURL(`${url}a/${name}/`);
    assert.match(await page.locator("h1.title").innerText(), new RegExp(`^${title}`));
    await page.locator(".diag.warning", { hasText: "W0304" }).first().waitFor();
    assert.equal(await page.locator(".diag.error").count(), 0);
    const doc = page.frameLocator("#document");
    await doc.locator("title").waitFor({ state: "attached" });
    assert.match(await doc.locator("title").innerText(), new RegExp(`^${title}`));
    await doc.getByText(title).first().waitFor();
    await framesFitted(page);
    await shoot(page, "preview");
  });

  const original = readFileSync(file, "utf8");
  const line = original.slice(0, original.indexOf("十分である")).split("\n").length;

  await step("an edit on disk reloads the page with E0205", async () => {
    await page.evaluate(() => {
      window.hyokaBeforeReload = true;
    });
    writeFileSync(file, original.replace("十分である", "十分でない"));
    const error = page.locator(".diag.error", { hasText: "E0205" });
    await error.waitFor({ timeout: 30_000 });
    assert.equal(await page.evaluate(() => window.hyokaBeforeReload), undefined, "the page did not reload");
    const text = await error.innerText();
    assert.match(text, /「十分でない」は選択肢にありません/);
    assert.match(text, /Ⅲ．２．リスク：目的外の入手が行われるリスク　リスクへの対策は十分か/);
    assert.match(text, new RegExp(`${name}/assessment\\.yaml:${line}:\\d+`));
    // The last good document is still shown, marked as out of date.
    await page.locator("p.stale").waitFor();
    await framesFitted(page);
    await shoot(page, "preview-error", { full: false });
  });

  await step("restoring the file clears the error", async () => {
    await page.evaluate(() => {
      window.hyokaBeforeReload = true;
    });
    writeFileSync(file, original);
    await page.locator(".diag.error").first().waitFor({ state: "detached", timeout: 30_000 });
    assert.equal(await page.evaluate(() => window.hyokaBeforeReload), undefined, "the page did not reload");
    await page.locator(".diag.warning", { hasText: "W0304" }).first().waitFor();
    assert.equal(await page.locator("p.stale").count(), 0);
  });

  await step("the PDF renders on demand", async () => {
    const href = await page.getByRole("link", { name: "PDF を開く" }).getAttribute("href");
    const response = await page.request.get(new URL(href, page.url()).href, { timeout: 120_000 });
    assert.equal(response.status(), 200);
    assert.equal(response.headers()["content-type"], "application/pdf");
    const body = await response.body();
    assert.equal(body.subarray(0, 5).toString(), "%PDF-");
  });

  await step("review shows the change row and the redline", async () => {
    await page.getByRole("link", { name: "変更の確認" }).click();
    await page.waitForURL(`${url}a/${name}/review`);
    assert.equal(await page.locator("select[name=from] option:checked").innerText(), "2024-05-27");
    const rows = page.locator("table.changes tbody tr");
    assert.equal(await rows.count(), 1);
    const row = rows.first();
    assert.equal((await row.locator("th").innerText()).trim(), "Ⅴ．１．基礎項目評価　①実施日");
    // The change is recorded in changes.yaml (as Ⅴ１．基礎項目評価①実施日): its 提出時期 and 説明 are shown.
    // Shown as controls where the page can record (a select and a text area), as text when read-only.
    const shownValue = (cell) => cell.locator(".value").evaluate((e) => (e.value ?? e.textContent).trim());
    assert.equal(await shownValue(row.locator("td.timing")), "事前");
    assert.match(await row.locator("td.timing").innerText(), /記録済み/);
    assert.match(await shownValue(row.locator("td.explanation")), /見直しによる/);
    const text = await row.innerText();
    assert.match(text, /令和6年5月27日/);
    assert.match(text, /令和7年1月24日/);
    assert.equal(await row.locator("td.redline del").count() > 0, true);
    assert.equal(await row.locator("td.redline ins").count() > 0, true);
    const redline = page.frameLocator("#redline");
    await redline.locator("del").first().waitFor();
    assert.match(await redline.locator("ins").first().innerText(), /\S/);
    await framesFitted(page);
    await shoot(page, "review");
  });

  await step("a long change table keeps dates and 提出時期 on one line at 1280 px", async () => {
    await page.goto(`${url}a/${name}/review?from=2024-05-01`);
    const rows = page.locator("table.changes tbody tr");
    await rows.first().waitFor();
    assert.ok((await rows.count()) >= 37, `only ${await rows.count()} rows`);
    assertOneLine(await lineCounts(page, "table.changes td.date"), "変更日");
    // Where the page records, 提出時期 is a select: it must show its value whole, one line high.
    const squeezed = await page.locator("table.changes td.timing select.value").evaluateAll((selects) =>
      selects
        .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().height > 2.5 * parseFloat(getComputedStyle(e).fontSize))
        .map((e) => e.value),
    );
    assert.deepEqual(squeezed, [], "提出時期 squeezed");
    const shownTimings = await page.locator("table.changes td.timing span.value").count();
    if (shownTimings > 0) assertOneLine(await lineCounts(page, "table.changes td.timing span.value"), "提出時期");
    assertOneLine(await lineCounts(page, "table.changes thead th"), "column headings");
    // Long texts are folded (the redline beside them shows them whole), not printed three times.
    const folded = page.locator("table.changes td.text details.fold");
    assert.ok((await folded.count()) > 0, "no long text is folded");
    assert.equal(await folded.first().evaluate((d) => d.open), false);
    await shoot(page, "review-table", { full: false });
  });

  await step("the exported HTML change table keeps them on one line too", async () => {
    const exported = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "ja-JP" });
    await exported.goto(`file://${changesHtml}`);
    await exported.locator("tbody tr").first().waitFor();
    assertOneLine(await lineCounts(exported, "td.date"), "変更日 (export)");
    assertOneLine(await lineCounts(exported, "td.timing"), "提出時期 (export)");
    assertOneLine(await lineCounts(exported, "thead th"), "column headings (export)");
    await exported.screenshot({ path: path.join(shots, "changes-table.png"), clip: { x: 0, y: 0, width: 1280, height: 900 } });
    await exported.close();
  });

  assert.deepEqual(problems, [], "the pages reported errors");
} finally {
  await browser.close();
}
console.log(`timings ${JSON.stringify(timings)}`);
