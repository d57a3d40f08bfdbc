// hyoka serve: reload the page when its files change, and fit each document frame to the
// document's height (so the page scrolls as one). Served as /reload.js: the CSP runs no
// inline script. The page says what to wait on in <html data-wait data-generation>.
(() => {
  const root = document.documentElement;
  const url = root.dataset.wait;
  const since = root.dataset.generation;
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  // Long-poll: the server answers as soon as the files change, or after a while with the
  // same generation; a different one means the page is out of date.
  async function follow() {
    for (;;) {
      try {
        const response = await fetch(`${url}?since=${encodeURIComponent(since)}`, { cache: "no-store" });
        if (response.ok) {
          const now = (await response.text()).trim();
          if (now !== since) {
            // Typed but not recorded yet (the review's 説明): say so rather than lose it.
            const dirty = document.querySelector("[data-dirty]");
            if (dirty) {
              dirty.closest("form")?.classList.add("stale");
              return;
            }
            location.reload();
            return;
          }
          continue;
        }
      } catch (e) {
        // The server is restarting or stopped: try again shortly.
      }
      await sleep(1000);
    }
  }
  if (url) follow();

  for (const frame of document.querySelectorAll("iframe.document")) {
    const fit = () => {
      try {
        const doc = frame.contentDocument;
        if (doc && doc.documentElement) {
          frame.style.height = `${doc.documentElement.scrollHeight + 2}px`;
        }
      } catch (e) {
        // Not readable (not loaded yet): keep the stylesheet's height.
      }
    };
    frame.addEventListener("load", fit);
    window.addEventListener("resize", fit);
    fit();
  }

  for (const select of document.querySelectorAll("select[data-autosubmit]")) {
    select.addEventListener("change", () => select.form.submit());
  }
})();
