// sd101 search box: wires the header's <input id="search-input"> and <div id="search-results"> to the engine.
// Content from the index is only ever inserted as text nodes (textContent / createTextNode), never as HTML.
import { EditionsSearch, SearchEngine } from "./search-engine.js";

const LIMIT = 8;
const OTHER_LIMIT = 5; // per other edition

// The box speaks the page's language: Korean, else English.
const TEXT = {
  ko: { none: "검색 결과가 없습니다", failed: "검색 색인을 불러오지 못했습니다", didYouMean: "이것을 찾으셨나요? ", others: "다른 언어의 결과" },
  en: { none: "No results", failed: "The search index could not be loaded", didYouMean: "Did you mean ", others: "In other languages" },
};
const DEBOUNCE_MS = 120;

function setUp() {
  const input = document.getElementById("search-input");
  const box = document.getElementById("search-results");
  if (!input || !box || input.dataset.sd101Search) return;
  input.dataset.sd101Search = "on"; // the module may be loaded twice; wire once

  // data-root is the relative path from this page to the site root ("", "../", ...), so fetches and links work
  // under any base path (e.g. a project site at /system-design-101/).
  const root = document.documentElement.getAttribute("data-root") ?? "";
  const text = (document.documentElement.lang || "").toLowerCase().startsWith("ko") ? TEXT.ko : TEXT.en;
  const loader = (edition) => {
    const base = new URL(edition || "./", location.href);
    return async (path) => {
      const response = await fetch(new URL(path, base));
      if (!response.ok) throw new Error(path + ": HTTP " + response.status);
      return response.text();
    };
  };
  // The other editions, as the language switcher lists them; their indexes are fetched only when a query needs them.
  const editions = Array.from(document.querySelectorAll(".lang-menu a[data-lang][data-edition-root]:not([aria-current])"))
    .map((a) => ({
      lang: a.dataset.lang, name: (a.firstChild?.textContent ?? a.dataset.lang).trim(), root: a.dataset.editionRoot,
      load: loader(a.dataset.editionRoot),
    }));
  const engine = new EditionsSearch(new SearchEngine(loader(root)), editions);

  let timer = 0;
  let generation = 0; // answers to older queries are dropped when they arrive late
  let active = -1;

  input.setAttribute("aria-controls", box.id);
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");

  const links = () => Array.from(box.querySelectorAll("a[href]"));

  function open() {
    box.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function close() {
    box.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function message(text) {
    const div = document.createElement("div");
    div.className = "search-message";
    div.textContent = text;
    box.replaceChildren(div);
    open();
  }

  function select(index) {
    const all = links();
    if (all.length === 0) return;
    active = (index + all.length) % all.length;
    all.forEach((a, i) => a.setAttribute("aria-selected", String(i === active)));
    input.setAttribute("aria-activedescendant", all[active].id);
    all[active].scrollIntoView({ block: "nearest" });
  }

  function item(r, i, prefix, lang) {
    const a = document.createElement("a");
    a.setAttribute("href", prefix + withHighlight(r.url, r.highlight));
    a.id = "search-result-" + i;
    a.className = "search-result";
    a.setAttribute("role", "option");
    a.setAttribute("aria-selected", "false");
    if (lang) a.lang = lang;
    const path = document.createElement("span");
    path.className = "search-path";
    path.textContent = [...r.breadcrumb, r.title, r.heading].filter(Boolean).join(" › ");
    const snippet = document.createElement("span");
    snippet.className = "search-snippet";
    for (const part of r.snippet) {
      if (part.hit) {
        const mark = document.createElement("mark");
        mark.textContent = part.text;
        snippet.append(mark);
      } else {
        snippet.append(document.createTextNode(part.text));
      }
    }
    a.append(path, snippet);
    return a;
  }

  /** The other editions' results: one group, each result labelled with its edition's language. */
  function othersGroup(others, first) {
    const group = document.createElement("div");
    group.className = "search-others";
    group.setAttribute("role", "group");
    const title = document.createElement("div");
    title.className = "search-group-title";
    title.id = "search-others-title";
    title.setAttribute("role", "presentation");
    title.textContent = text.others;
    group.setAttribute("aria-labelledby", title.id);
    group.append(title);
    let i = first;
    for (const edition of others) {
      for (const r of edition.results) {
        const a = item(r, i++, edition.root, edition.lang); // the other edition's root, relative to this page
        const label = document.createElement("span");
        label.className = "search-lang";
        label.textContent = edition.name;
        a.prepend(label);
        group.append(a);
      }
    }
    return group;
  }

  function render(results, suggestion, others) {
    active = -1;
    input.removeAttribute("aria-activedescendant");
    if (results.length === 0 && others.length === 0) {
      message(text.none);
      return;
    }
    const head = [];
    if (results.length === 0) {
      const none = document.createElement("div");
      none.className = "search-message";
      none.textContent = text.none;
      head.push(none);
    }
    if (suggestion) { // a typo was corrected: offer the corrected query, which reruns it
      const line = document.createElement("div");
      line.className = "search-message search-suggestion";
      line.append(document.createTextNode(text.didYouMean));
      const again = document.createElement("button");
      again.type = "button";
      again.className = "search-suggestion-query";
      again.textContent = suggestion;
      again.addEventListener("click", () => { input.value = suggestion; input.focus(); run(); });
      line.append(again);
      head.push(line);
    }
    const items = results.map((r, i) => item(r, i, root));
    if (others.length > 0) items.push(othersGroup(others, results.length));
    box.replaceChildren(...head, ...items);
    open();
  }

  async function run() {
    const query = input.value;
    const mine = ++generation;
    if (!query.trim()) {
      box.replaceChildren();
      close();
      return;
    }
    try {
      const { results, suggestion, others } = await engine.search(query, {
        limit: LIMIT, otherLimit: OTHER_LIMIT, onError: (e, error) => console.error("sd101 search (" + e.lang + "):", error),
      });
      if (mine === generation) render(results, suggestion, others);
    } catch (error) {
      if (mine === generation) message(text.failed);
      console.error("sd101 search:", error);
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  });

  input.addEventListener("focus", () => {
    if (input.value.trim() && box.childElementCount > 0) open();
  });

  input.addEventListener("keydown", (event) => {
    if (event.isComposing) return; // keys that drive the Korean IME are not ours
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (box.hidden && input.value.trim()) open();
      select(active + (event.key === "ArrowDown" ? 1 : -1));
      event.preventDefault();
    } else if (event.key === "Enter") {
      const all = links();
      const target = all[active >= 0 ? active : 0];
      if (target && !box.hidden) {
        event.preventDefault();
        location.assign(target.href);
      }
    } else if (event.key === "Escape") {
      if (box.hidden) input.value = "";
      close();
      event.preventDefault();
    }
  });

  document.addEventListener("keydown", (event) => {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    const t = event.target;
    const typing = t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
    if (typing) return;
    event.preventDefault();
    input.focus();
    input.select();
  });

  document.addEventListener("click", (event) => {
    if (!box.contains(event.target) && event.target !== input) close();
  });

  box.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      close();
      input.focus();
    }
  });

  // A page restored from the back/forward cache keeps the old query; start closed.
  window.addEventListener("pageshow", close);
}

/** A result's URL with the words that matched as ?h=, which the target page highlights (as MkDocs Material does). */
function withHighlight(url, words) {
  if (!words || words.length === 0) return url;
  const hash = url.indexOf("#");
  const path = hash < 0 ? url : url.slice(0, hash);
  return path + "?h=" + encodeURIComponent(words.slice(0, 12).join(" ")) + (hash < 0 ? "" : url.slice(hash));
}

/** Marks the words of ?h= in the page's content (text nodes only; the page's markup is never rewritten). */
function highlightPage() {
  const words = (new URLSearchParams(location.search).get("h") ?? "").split(" ").filter((w) => w.length > 0).slice(0, 12);
  const content = document.getElementById("content");
  if (words.length === 0 || !content) return;
  const escaped = words.sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = new RegExp(escaped.join("|"), "giu");
  const probe = new RegExp(escaped.join("|"), "iu"); // no lastIndex state, unlike the global one
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => n.parentElement.closest("script, style, mark, code, pre") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const nodes = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (probe.test(n.data)) nodes.push(n);
  for (const node of nodes) {
    const parts = [];
    let last = 0;
    node.data.replace(pattern, (m, at) => {
      if (at > last) parts.push(document.createTextNode(node.data.slice(last, at)));
      const mark = document.createElement("mark");
      mark.className = "search-hit";
      mark.textContent = m;
      parts.push(mark);
      last = at + m.length;
      return m;
    });
    if (last < node.data.length) parts.push(document.createTextNode(node.data.slice(last)));
    node.replaceWith(...parts);
  }
}

function start() {
  setUp();
  highlightPage();
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start);
} else {
  start();
}
