// hyoka serve: the editing page's script (served as /edit.js; the CSP runs no inline script).
//
// Each field saves itself when the officer leaves it (the `change` event), sending its key path,
// the fingerprint of the value it was loaded with, and the new value; the server writes only if
// the file still holds that value there, and otherwise answers with the file's value, which the
// conflict view shows beside the page's. While typing, the value is checked (debounced) and the
// field's diagnostics shown. Conditional items show and hide as their sibling changes. The review
// page uses the same script to keep a version and to record its rows.
(() => {
  const editor = document.getElementById("editor");
  const revision = document.getElementById("revision");
  const host = editor || revision;
  if (!host) return;
  const token = host.dataset.token;
  const t = JSON.parse(host.dataset.texts || "{}");
  const status = document.getElementById("page-status");

  async function post(url, body) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Hyoka-Token": token },
      body: JSON.stringify(body),
      cache: "no-store",
    });
    let data = {};
    try {
      data = await response.json();
    } catch (e) {
      data = { error: `${response.status}` };
    }
    return { status: response.status, data };
  }

  function say(element, text, kind) {
    if (!element) return;
    element.textContent = text;
    element.dataset.kind = kind || "";
  }

  // ----- keeping a version (both pages) -----
  const snapshot = document.getElementById("snapshot");
  if (snapshot) {
    snapshot.addEventListener("click", async () => {
      if (editor) await saveAll();
      snapshot.disabled = true;
      const { status: code, data } = await post(host.dataset.snapshot, {});
      snapshot.disabled = false;
      if (code === 200) {
        say(status, `${t.snapshot_done}${data.stem}`, "ok");
        const link = document.createElement("a");
        link.href = data.review;
        link.textContent = t.review;
        status.append(" ", link);
      } else {
        say(status, `${t.save_failed}: ${data.error || code}`, "error");
      }
    });
  }

  // ----- recording the change table (review page) -----
  const record = document.getElementById("record");
  if (record) {
    const recordStatus = document.getElementById("record-status");
    for (const input of document.querySelectorAll("table.changes [data-row]")) {
      input.addEventListener("input", () => record.setAttribute("data-dirty", ""));
      input.addEventListener("change", () => record.setAttribute("data-dirty", ""));
    }
    record.addEventListener("submit", async (event) => {
      event.preventDefault();
      const count = Number(record.dataset.rows);
      const rows = [];
      for (let i = 0; i < count; i++) {
        rows.push({
          timing: document.getElementById(`timing-${i}`).value,
          explanation: document.getElementById(`explanation-${i}`).value,
        });
      }
      const from = new URL(record.dataset.url, location.href).searchParams.get("from");
      const { status: code, data } = await post(record.dataset.url, { from, key: record.dataset.key, rows });
      if (code === 200) {
        record.removeAttribute("data-dirty");
        say(recordStatus, `${t.recorded_done}${data.message}`, "ok");
        // changes.yaml changed: the page follows it (reload.js) and shows the rows as recorded.
      } else {
        say(recordStatus, `${t.save_failed}: ${data.error || code}`, "error");
      }
    });
  }

  if (!editor) return;

  // ----- the editing page -----
  let version = editor.dataset.version;
  const fields = [...document.querySelectorAll(".field[data-path]")].filter((f) => !f.classList.contains("shared"));
  const byPath = new Map(fields.map((f) => [f.dataset.path, f]));

  function control(field) {
    return document.getElementById(field.dataset.field);
  }

  // A use of the office's common text, on the wire as in the file: {"共通テキスト": "名前"}.
  const COMMON = "共通テキスト";
  const isCommon = (value) => value !== null && typeof value === "object" && Object.keys(value).length === 1 && typeof value[COMMON] === "string";

  /** The field's value as the server takes it: a string, a boolean, the ticked options, or a common text. */
  function valueOf(field) {
    if (field.dataset.common !== undefined) return { [COMMON]: field.dataset.common };
    const kind = field.dataset.kind;
    if (kind === "flag") return control(field).checked;
    if (kind === "checks") {
      const ticked = {};
      for (const box of field.querySelectorAll("input[type=checkbox][data-option]")) {
        if (!box.checked) continue;
        const extra = document.getElementById(`${box.id}-x`);
        ticked[box.dataset.option] = extra ? extra.value : true;
      }
      return ticked;
    }
    return control(field).value;
  }

  function setValue(field, value) {
    const kind = field.dataset.kind;
    if (kind === "flag") {
      control(field).checked = value === true;
    } else if (kind === "checks") {
      for (const box of field.querySelectorAll("input[type=checkbox][data-option]")) {
        const v = value && Object.prototype.hasOwnProperty.call(value, box.dataset.option) ? value[box.dataset.option] : undefined;
        box.checked = v !== undefined && v !== false;
        const extra = document.getElementById(`${box.id}-x`);
        if (extra) extra.value = typeof v === "string" ? v : "";
      }
    } else {
      const c = control(field);
      if (c.tagName === "SELECT" && value && ![...c.options].some((o) => o.value === value)) {
        const option = document.createElement("option");
        option.value = value;
        option.textContent = `${value}（${t.not_a_choice}）`;
        c.append(option);
      }
      c.value = value;
    }
  }

  /** A value shown in the conflict view. */
  function shown(field, value) {
    if (isCommon(value)) return `${t.common_uses}: ${value[COMMON]}`;
    if (field.dataset.kind === "flag") return value ? t.ticked : "—";
    if (field.dataset.kind === "checks") {
      const parts = Object.entries(value || {}).map(([k, v]) => (v === true ? k : `${k}（${v}）`));
      return parts.length ? parts.join(t.list_separator) : "—";
    }
    return value === "" ? "—" : value;
  }

  function diagItem(d) {
    const li = document.createElement("li");
    li.className = `diag ${d.severity}`;
    const sev = document.createElement("span");
    sev.className = "sev";
    const code = document.createElement("code");
    code.className = "code";
    code.textContent = d.code;
    sev.append(`${d.severity_word}[`, code, "]");
    const message = document.createElement("span");
    message.className = "message";
    message.textContent = d.message;
    li.append(sev, " ", message);
    if (d.help) {
      const help = document.createElement("span");
      help.className = "help";
      const k = document.createElement("span");
      k.className = "k";
      k.textContent = `${t.help}:`;
      help.append(k, ` ${d.help}`);
      li.append(" ", help);
    }
    return li;
  }

  function showDiags(field, list) {
    const ul = document.getElementById(`${field.dataset.field}-diags`);
    ul.replaceChildren(...(list || []).map(diagItem));
  }

  /** Every field's diagnostics and the summary, after a save. */
  function showAll(data) {
    const at = (data.diagnostics && data.diagnostics.fields) || {};
    for (const field of fields) showDiags(field, at[field.dataset.path]);
    const others = document.getElementById("others-list");
    const otherList = (data.diagnostics && data.diagnostics.others) || [];
    // Diagnostics of items without a field on this page (a group, a section) join the others.
    for (const [path, list] of Object.entries(at)) {
      if (!byPath.has(path)) otherList.push(...list);
    }
    others.replaceChildren(...otherList.map(diagItem));
    document.getElementById("others").classList.toggle("empty", otherList.length === 0);
    if (data.summary) document.getElementById("summary").textContent = data.summary;
  }

  const state = new Map(); // field → { dirty, saving, again, timer }
  function fieldState(field) {
    if (!state.has(field)) state.set(field, { dirty: false, saving: null, again: false, timer: null });
    return state.get(field);
  }

  function markDirty(field) {
    const s = fieldState(field);
    s.dirty = true;
    field.setAttribute("data-dirty", "");
    say(document.getElementById(`${field.dataset.field}-status`), t.unsaved, "dirty");
  }

  function body(field) {
    return {
      path: field.dataset.path,
      ids: JSON.parse(field.dataset.ids || "[]"),
      base: field.dataset.base,
      value: valueOf(field),
    };
  }

  async function check(field) {
    const { status: code, data } = await post(editor.dataset.check, body(field));
    if (code === 200 && fieldState(field).dirty) showDiags(field, data.diags);
  }

  function conflict(field, data, mine = valueOf(field), retry = () => save(field)) {
    const box = document.getElementById(`${field.dataset.field}-conflict`);
    const p = document.createElement("p");
    p.textContent = data.message;
    const table = document.createElement("div");
    table.className = "sides";
    const side = (title, value, cls) => {
      const div = document.createElement("div");
      div.className = `side ${cls}`;
      const h = document.createElement("p");
      h.className = "side-title";
      h.textContent = title;
      const pre = document.createElement("pre");
      pre.textContent = shown(field, value);
      div.append(h, pre);
      return div;
    };
    table.append(side(t.conflict_disk, data.disk, "disk"), side(t.conflict_page, mine, "page"));
    const useDisk = document.createElement("button");
    useDisk.type = "button";
    useDisk.textContent = t.use_disk;
    useDisk.className = "use-disk";
    const usePage = document.createElement("button");
    usePage.type = "button";
    usePage.textContent = t.use_page;
    usePage.className = "use-page";
    useDisk.addEventListener("click", () => {
      // The disk's value needs another control (a common text, or a text of its own): the page anew.
      if (isCommon(data.disk) || field.dataset.common !== undefined) {
        location.reload();
        return;
      }
      setValue(field, data.disk);
      field.dataset.base = data.base;
      fieldState(field).dirty = false;
      field.removeAttribute("data-dirty");
      box.hidden = true;
      say(document.getElementById(`${field.dataset.field}-status`), "", "");
      updateConditions();
      control(field)?.focus?.();
    });
    usePage.addEventListener("click", () => {
      field.dataset.base = data.base;
      box.hidden = true;
      retry();
    });
    box.replaceChildren(p, table, useDisk, " ", usePage);
    box.hidden = false;
    useDisk.focus();
  }

  async function save(field) {
    const s = fieldState(field);
    if (s.saving) {
      s.again = true;
      return s.saving;
    }
    clearTimeout(s.timer);
    const out = document.getElementById(`${field.dataset.field}-status`);
    say(out, t.saving, "saving");
    s.saving = (async () => {
      const sent = JSON.stringify(valueOf(field));
      const { status: code, data } = await post(editor.dataset.save, body(field));
      if (code === 200) {
        field.dataset.base = data.base;
        version = data.version;
        editor.dataset.version = version;
        document.getElementById(`${field.dataset.field}-conflict`).hidden = true;
        if (JSON.stringify(valueOf(field)) === sent) {
          s.dirty = false;
          field.removeAttribute("data-dirty");
        }
        say(out, t.saved, "ok");
        showAll(data);
        updateConditions();
      } else if (code === 409 && data.conflict === "value") {
        say(out, t.save_failed, "error");
        conflict(field, data);
      } else {
        say(out, `${t.save_failed}: ${data.message || data.refused || data.error || code}`, "error");
      }
    })();
    try {
      await s.saving;
    } finally {
      s.saving = null;
    }
    if (s.again) {
      s.again = false;
      if (s.dirty) await save(field);
    }
  }

  async function saveAll() {
    const dirty = fields.filter((f) => fieldState(f).dirty);
    if (dirty.length === 0) {
      say(status, t.nothing_to_save, "");
      return;
    }
    for (const field of dirty) await save(field);
    say(status, t.saved, "ok");
  }

  /** Writes `value` (a common text, or the words of one as the item's own) and shows the page anew. */
  async function use(field, value) {
    await saveAll();
    const out = document.getElementById(`${field.dataset.field}-status`);
    say(out, t.saving, "saving");
    const { status: code, data } = await post(editor.dataset.save, { ...body(field), value });
    if (code === 200) {
      version = data.version;
      location.reload();
    } else if (code === 409 && data.conflict === "value") {
      say(out, t.save_failed, "error");
      conflict(field, data, value, () => use(field, value));
    } else {
      say(out, `${t.save_failed}: ${data.message || data.refused || data.error || code}`, "error");
    }
  }

  for (const field of fields) {
    for (const button of field.querySelectorAll("button.use-common")) {
      button.addEventListener("click", () => use(field, { [COMMON]: document.getElementById(button.dataset.select).value }));
    }
    field.querySelector("button.own-text")?.addEventListener("click", () => {
      use(field, document.getElementById(`${field.dataset.field}-common`).textContent);
    });
    // Choosing among the offers is not an edit of the item until the button says so.
    for (const offer of field.querySelectorAll(".offer-common, .common-use")) {
      for (const type of ["input", "change"]) offer.addEventListener(type, (event) => event.stopPropagation());
    }
    if (field.dataset.common !== undefined) continue;
    const checkLater = () => {
      const s = fieldState(field);
      clearTimeout(s.timer);
      s.timer = setTimeout(() => check(field), 600);
    };
    field.addEventListener("input", (event) => {
      markDirty(field);
      // Typing in a checkbox option's text ticks the option.
      const forBox = event.target.dataset && event.target.dataset.extraFor;
      if (forBox && event.target.value) document.getElementById(forBox).checked = true;
      checkLater();
      updateConditions();
    });
    field.addEventListener("change", () => {
      markDirty(field);
      updateConditions();
      save(field);
    });
  }

  document.getElementById("save-all").addEventListener("click", () => saveAll());
  document.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
      event.preventDefault();
      // The field being typed in has not fired `change` yet.
      const active = document.activeElement && document.activeElement.closest(".field[data-path]");
      if (active && fieldState(active).dirty === false && active.contains(document.activeElement)) markDirty(active);
      saveAll();
    }
  });
  document.getElementById("form").addEventListener("submit", (event) => event.preventDefault());
  window.addEventListener("beforeunload", (event) => {
    if (fields.some((f) => fieldState(f).dirty)) event.preventDefault();
  });

  // ----- conditions -----
  function holds(element) {
    const op = element.dataset.whenOp;
    const want = element.dataset.whenValue;
    const sibling = document.getElementById(`${element.dataset.whenField}-field`);
    if (!sibling) return true;
    const value = valueOf(sibling);
    switch (op) {
      case "is":
        return value === want;
      case "isnot":
        return value !== "" && value !== want;
      case "ticked":
        return Object.prototype.hasOwnProperty.call(value, want);
      case "notticked":
        return !Object.prototype.hasOwnProperty.call(value, want);
      case "on":
        return value === true;
      default:
        return value !== true;
    }
  }

  function filled(element) {
    if (element.classList.contains("field")) {
      const v = valueOf(element);
      return v === true || (typeof v === "string" && v.trim() !== "") || (typeof v === "object" && v !== null && Object.keys(v).length > 0);
    }
    if (element.querySelector("fieldset.block")) return true;
    return [...element.querySelectorAll(".field[data-path]")].some(filled);
  }

  function updateConditions() {
    for (const element of document.querySelectorAll("[data-when-field]")) {
      element.hidden = !holds(element) && !filled(element);
    }
  }

  // ----- blocks -----
  async function blockRequest(request) {
    await saveAll();
    const { status: code, data } = await post(editor.dataset.block, request);
    if (code === 200) {
      version = data.version;
      location.reload();
    } else {
      say(status, `${t.save_failed}: ${data.message || data.refused || data.error || code}`, "error");
    }
  }

  for (const button of document.querySelectorAll("button.add-block")) {
    button.addEventListener("click", () => blockRequest({ op: "add", group: button.dataset.group }));
  }
  for (const button of document.querySelectorAll("button.add-common-block")) {
    const common = () => document.getElementById(button.dataset.select).value;
    button.addEventListener("click", () => blockRequest({ op: "add", group: button.dataset.group, common: common() }));
  }
  for (const block of document.querySelectorAll("fieldset.block")) {
    const who = {
      group: block.dataset.group,
      index: Number(block.dataset.index),
      id: block.dataset.id || null,
      base: block.dataset.base,
    };
    for (const button of block.querySelectorAll("button.move-block")) {
      button.addEventListener("click", () => blockRequest({ op: "move", ...who, to: Number(button.dataset.to) }));
    }
    block.querySelector("button.remove-block")?.addEventListener("click", () => {
      if (window.confirm(t.confirm_remove)) blockRequest({ op: "remove", ...who });
    });
  }

  // ----- the file changed elsewhere -----
  const banner = document.getElementById("changed-banner");
  document.getElementById("reload-page").addEventListener("click", () => location.reload());
  async function follow() {
    let since = editor.dataset.generation;
    for (;;) {
      try {
        const response = await fetch(`${editor.dataset.follow}?since=${encodeURIComponent(since)}`, { cache: "no-store" });
        if (response.ok) {
          const now = (await response.text()).trim();
          if (now !== since) {
            since = now;
            const current = await (await fetch(editor.dataset.versionUrl, { cache: "no-store" })).json();
            // A change of our own has the version the last save answered with.
            if (current.version && current.version !== version) banner.hidden = false;
          }
          continue;
        }
      } catch (e) {
        // The server is restarting or stopped: try again shortly.
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  follow();
  updateConditions();
})();
