// sd101 default theme: navigation, old-anchor redirects, dark mode, heading links, contents highlight,
// image zoom. Plain JavaScript, no dependencies.
(function () {
  "use strict";
  var doc = document.documentElement;
  var ko = (doc.getAttribute("lang") || "").indexOf("ko") === 0;
  var LINK_ICON = '<svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16"><path d="M10 14a5 5 0 0 0 7.07 0l3-3a5 5 0 0 0-7.07-7.07l-1 1M14 10a5 5 0 0 0-7.07 0l-3 3a5 5 0 0 0 7.07 7.07l1-1" stroke="currentColor" stroke-width="2" fill="none" stroke-linecap="round"/></svg>';

  function decodeHash(hash) {
    var raw = hash.replace(/^#/, "");
    try { return decodeURIComponent(raw); } catch (e) { return raw; }
  }

  // An edition's old link to an image now published once for all editions (en/images/a.png, now images/a.png)
  // lands on the 404 page: send it to the one copy.
  function redirectMovedFile() {
    var data = document.getElementById("sd101-moved");
    if (!data) return;
    var map;
    try { map = JSON.parse(data.textContent); } catch (e) { return; }
    var root = new URL(doc.getAttribute("data-root") || "./", document.baseURI);
    var rel = location.pathname.slice(root.pathname.length);
    try { rel = decodeURIComponent(rel); } catch (e) { return; }
    if (Object.prototype.hasOwnProperty.call(map, rel)) {
      location.replace(new URL(map[rel].split("/").map(encodeURIComponent).join("/"), root).href);
    }
  }

  // Old links such as README.md#some-heading land on the home page (or the 404 page): send them to the
  // page that now holds that heading. Exact id first, then the lower-cased form as github.com tries.
  function redirectOldAnchor() {
    var data = document.getElementById("sd101-anchors");
    if (!data || !location.hash) return;
    var id = decodeHash(location.hash);
    if (document.getElementById(id)) return;
    var map;
    try { map = JSON.parse(data.textContent); } catch (e) { return; }
    var has = function (k) { return Object.prototype.hasOwnProperty.call(map, k); };
    // A site of several editions: the 404 page's map also holds "en/#id" for an old en/README.md#id link.
    var rel = location.pathname.slice(new URL(doc.getAttribute("data-root") || "./", document.baseURI).pathname.length);
    var edition = rel.indexOf("/") > 0 ? rel.slice(0, rel.indexOf("/") + 1) : "";
    var target = null;
    if (edition && has(edition + "#" + id)) {
      target = edition + "#" + id;
    } else if (has(id)) {
      target = id;
    }
    if (target === null) {
      var lower = id.toLowerCase();
      for (var key in map) {
        if (Object.prototype.hasOwnProperty.call(map, key) && key.toLowerCase() === lower) { target = key; break; }
      }
    }
    if (target === null) return;
    var base = document.baseURI;
    var url = new URL((doc.getAttribute("data-root") || "") + map[target], base);
    target = target.slice(target.indexOf("#") + 1);
    url.hash = target;
    if (url.href !== location.href) location.replace(url.href);
    else { var el = document.getElementById(target); if (el) el.scrollIntoView(); }
  }

  function setupMenu() {
    var button = document.querySelector(".menu-button");
    var nav = document.getElementById("site-nav");
    if (!button || !nav) return;
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") === "true";
      button.setAttribute("aria-expanded", String(!open));
      document.body.classList.toggle("nav-open", !open);
      if (!open) revealCurrent();
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && document.body.classList.contains("nav-open")) {
        button.setAttribute("aria-expanded", "false");
        document.body.classList.remove("nav-open");
        button.focus();
      }
    });
    // Bring the current page into the sidebar's view without scrolling the page itself.
    function revealCurrent() {
      var current = nav.querySelector("[aria-current='page']");
      if (!current) return;
      var r = current.getBoundingClientRect();
      var nr = nav.getBoundingClientRect();
      if (r.top < nr.top || r.bottom > nr.bottom) nav.scrollTop += r.top - nr.top - nr.height / 3;
    }
    revealCurrent();
    nav.addEventListener("click", function (e) {
      // On phones the menu covers the page: close it when a link inside is followed (same-page hashes too).
      if (e.target.closest("a") && document.body.classList.contains("nav-open")) {
        button.setAttribute("aria-expanded", "false");
        document.body.classList.remove("nav-open");
      }
    });
  }

  // One listener for the whole sidebar, so that entries a large site's sidebar adds later toggle as well.
  function setupNavToggles() {
    var nav = document.getElementById("site-nav");
    if (!nav) return;
    nav.addEventListener("click", function (e) {
      var button = e.target.closest(".nav-toggle");
      if (button && nav.contains(button)) toggle(button);
    });
    function toggle(button) {
      var list = document.getElementById(button.getAttribute("aria-controls"));
      var open = button.getAttribute("aria-expanded") === "true";
      if (!open && list && list.hasAttribute("data-nav-lazy")) {
        fillLazy(list).then(function () { toggle(button); }, function () {
          // No shared navigation file (offline, a file:// copy): the entry's own page lists what it holds.
          var link = button.parentNode.querySelector("a");
          if (link) location.href = link.href;
        });
        return;
      }
      button.setAttribute("aria-expanded", String(!open));
      if (list) list.hidden = open;
    }
  }

  // A large site's page carries a slice of the navigation (its ancestors, a window of siblings at each level, its
  // children); the whole tree is one shared file, fetched once when a reader opens what the page does not carry.
  var navTree = null;
  function loadNavTree() {
    var nav = document.getElementById("site-nav");
    var url = nav && nav.getAttribute("data-nav-tree");
    if (!url) return Promise.reject(new Error("no navigation file"));
    if (!navTree) {
      navTree = fetch(new URL(url, document.baseURI).href).then(function (r) {
        if (!r.ok) throw new Error("navigation file: HTTP " + r.status);
        return r.json();
      }).then(function (data) {
        var byPath = { "": { children: data.nodes } };
        (function walk(nodes) {
          nodes.forEach(function (n) {
            byPath[n[1]] = { children: n[2] || [] };
            if (n[2]) walk(n[2]);
          });
        })(data.nodes);
        return byPath;
      });
      navTree.catch(function () { navTree = null; }); // a later click tries again
    }
    return navTree;
  }

  var navIds = 0;
  function navEntry(node, nav) {
    var root = doc.getAttribute("data-root") || "";
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = root + node[1].split("/").map(encodeURIComponent).join("/");
    a.textContent = node[0];
    if (node[1] === nav.getAttribute("data-nav-current")) {
      a.setAttribute("aria-current", "page");
      li.className = "current";
    }
    if (!node[2]) {
      li.appendChild(a);
      return li;
    }
    var id = "sd101-nav-loaded-" + (++navIds);
    var head = document.createElement("div");
    head.className = "nav-category";
    var button = document.createElement("button");
    button.className = "nav-toggle";
    button.type = "button";
    button.setAttribute("aria-controls", id);
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-label", ko ? node[0] + " 펼치기" : "Expand " + node[0]);
    button.innerHTML = '<svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16"><path d="m9 6 6 6-6 6" stroke="currentColor" stroke-width="2" fill="none" stroke-linecap="round" stroke-linejoin="round"/></svg>';
    head.appendChild(a);
    head.appendChild(button);
    var list = document.createElement("ul");
    list.id = id;
    list.hidden = true;
    list.setAttribute("data-nav-lazy", node[1]);
    li.appendChild(head);
    li.appendChild(list);
    return li;
  }

  function fillLazy(list) {
    list.setAttribute("aria-busy", "true");
    return loadNavTree().then(function (tree) {
      var nav = document.getElementById("site-nav");
      var entry = tree[list.getAttribute("data-nav-lazy")];
      if (!entry) throw new Error("not in the navigation file");
      entry.children.forEach(function (n) { list.appendChild(navEntry(n, nav)); });
      list.removeAttribute("data-nav-lazy");
      list.removeAttribute("aria-busy");
    }, function (e) {
      list.removeAttribute("aria-busy");
      throw e;
    });
  }

  // "n more": the hidden siblings, shown in place; focus moves to the first of them, as a reader expects of a link
  // that reveals. Without the shared file the link goes to the parent's page, which lists them all.
  function setupNavMore() {
    var nav = document.getElementById("site-nav");
    if (!nav || !nav.getAttribute("data-nav-tree")) return;
    nav.addEventListener("click", function (e) {
      var more = e.target.closest("a[data-nav-more]");
      if (!more || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      e.stopImmediatePropagation(); // the phone drawer stays open: the reader is still choosing
      var item = more.parentNode;
      loadNavTree().then(function (tree) {
        var entry = tree[more.getAttribute("data-nav-parent")];
        if (!entry) throw new Error("not in the navigation file");
        var from = Number(more.getAttribute("data-nav-from"));
        var shown = entry.children.slice(from, from + Number(more.getAttribute("data-nav-count")));
        var first = null;
        shown.forEach(function (n) {
          var li = navEntry(n, nav);
          item.parentNode.insertBefore(li, item);
          if (!first) first = li.querySelector("a");
        });
        item.parentNode.removeChild(item);
        if (first) first.focus();
      }).catch(function () { location.href = more.href; });
    });
  }

  function currentTheme() {
    var set = doc.getAttribute("data-theme");
    if (set) return set;
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }

  function setupThemeToggle() {
    var button = document.querySelector(".theme-toggle");
    if (!button) return;
    function label() { button.setAttribute("aria-pressed", String(currentTheme() === "dark")); }
    label();
    button.addEventListener("click", function () {
      var next = currentTheme() === "dark" ? "light" : "dark";
      doc.setAttribute("data-theme", next);
      try { localStorage.setItem("sd101-theme", next); } catch (e) { /* not remembered, still switched */ }
      label();
    });
  }

  // The clipboard API where the page is a secure context (https, localhost); elsewhere (plain http on another
  // host) a selected, hidden text area and the copy command. Shared with code.js through window.sd101.
  function copyText(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text; area.setAttribute("readonly", ""); area.style.position = "fixed"; area.style.opacity = "0";
      document.body.appendChild(area); area.select();
      try { document.execCommand("copy") ? resolve() : reject(new Error("copy failed")); }
      catch (e) { reject(e); } finally { document.body.removeChild(area); }
    });
  }

  function setupHeadingLinks() {
    var headings = document.querySelectorAll("article.content h1[id], article.content h2[id], article.content h3[id], article.content h4[id], article.content h5[id], article.content h6[id]");
    Array.prototype.forEach.call(headings, function (h) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "heading-link";
      button.setAttribute("aria-label", (ko ? "이 제목의 링크 복사: " : "Copy link to: ") + h.textContent);
      button.innerHTML = LINK_ICON; // a constant of this file, never content
      button.addEventListener("click", function () {
        var url = new URL(location.href);
        url.hash = h.id;
        history.replaceState(null, "", url.href);
        copyText(url.href).then(function () {
          button.classList.add("copied");
          button.setAttribute("data-copied", ko ? "복사됨" : "Copied");
          setTimeout(function () { button.classList.remove("copied"); }, 1500);
        }, function () { /* clipboard refused: the address bar holds the link now */ });
      });
      h.appendChild(button);
    });
  }

  function setupTocHighlight() {
    var links = document.querySelectorAll(".toc a[href^='#']");
    if (!links.length || !("IntersectionObserver" in window)) return;
    var byId = {};
    var targets = [];
    Array.prototype.forEach.call(links, function (a) {
      var id = decodeHash(a.getAttribute("href"));
      var el = document.getElementById(id);
      if (el) { byId[id] = a; targets.push(el); }
    });
    var visible = {};
    function update() {
      var active = null;
      for (var i = 0; i < targets.length; i++) {
        if (visible[targets[i].id]) { active = targets[i].id; break; }
      }
      if (active === null) {
        for (var j = targets.length - 1; j >= 0; j--) {
          if (targets[j].getBoundingClientRect().top < 80) { active = targets[j].id; break; }
        }
      }
      Array.prototype.forEach.call(links, function (a) { a.classList.remove("active"); a.removeAttribute("aria-current"); });
      if (active !== null && byId[active]) { byId[active].classList.add("active"); byId[active].setAttribute("aria-current", "location"); }
    }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) { visible[e.target.id] = e.isIntersecting; });
      update();
    }, { rootMargin: "0px 0px -60% 0px" });
    targets.forEach(function (t) { observer.observe(t); });
  }

  function setupImageZoom() {
    var images = document.querySelectorAll("article.content img");
    if (!images.length) return;
    var dialog = document.createElement("dialog");
    dialog.className = "lightbox";
    var big = document.createElement("img");
    dialog.appendChild(big);
    dialog.addEventListener("click", function () { dialog.close(); });
    document.body.appendChild(dialog);
    Array.prototype.forEach.call(images, function (img) {
      if (img.closest("a")) return; // a linked image keeps its link
      img.classList.add("zoomable");
      img.setAttribute("tabindex", "0");
      img.setAttribute("role", "button");
      function open() {
        big.src = img.currentSrc || img.src;
        big.alt = img.alt;
        if (typeof dialog.showModal === "function") dialog.showModal(); else window.open(big.src, "_blank");
      }
      img.addEventListener("click", open);
      img.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(); } });
    });
  }

  // The language switcher: the reader's choice is remembered on the device, and a page in another language then
  // offers (never forces: a direct link is followed as it is) the same article in the remembered one.
  var LANG_KEY = "sd101-lang";
  function setupLanguages() {
    var menu = document.querySelector(".lang-switch");
    if (!menu) return;
    menu.addEventListener("click", function (e) {
      var a = e.target.closest("a[data-lang]");
      if (a) { try { localStorage.setItem(LANG_KEY, a.getAttribute("data-lang")); } catch (err) { /* private mode */ } }
    });
    document.addEventListener("click", function (e) { if (menu.open && !menu.contains(e.target)) menu.open = false; });
    menu.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && menu.open) { menu.open = false; menu.querySelector("summary").focus(); }
    });
    var wanted = null;
    try { wanted = localStorage.getItem(LANG_KEY); } catch (err) { return; }
    var here = doc.getAttribute("lang") || "";
    if (!wanted || wanted === here) return;
    var twin = menu.querySelector("a[data-lang='" + wanted.replace(/[^A-Za-z0-9-]/g, "") + "']:not([data-home])");
    var main = document.getElementById("content");
    if (!twin || !main) return;
    var note = document.createElement("p");
    note.className = "lang-offer";
    note.setAttribute("lang", wanted);
    var link = document.createElement("a");
    link.href = twin.getAttribute("href");
    link.hreflang = wanted;
    link.setAttribute("data-lang", wanted);
    link.textContent = twin.textContent;
    link.addEventListener("click", function () { try { localStorage.setItem(LANG_KEY, wanted); } catch (err) { /* ignore */ } });
    var close = document.createElement("button");
    close.type = "button";
    close.className = "lang-offer-close";
    close.setAttribute("aria-label", here.indexOf("ko") === 0 ? "닫기" : "Dismiss");
    close.textContent = "×";
    close.addEventListener("click", function () {
      note.remove();
      try { localStorage.setItem(LANG_KEY, here); } catch (err) { /* ignore */ }
    });
    note.appendChild(document.createTextNode("→ "));
    note.appendChild(link);
    note.appendChild(close);
    main.insertBefore(note, main.firstChild);
  }

  redirectMovedFile();
  redirectOldAnchor();
  window.addEventListener("hashchange", redirectOldAnchor);
  setupNavToggles();
  setupNavMore();
  setupMenu();
  setupThemeToggle();
  setupHeadingLinks();
  setupTocHighlight();
  setupImageZoom();
  setupLanguages();
  window.sd101 = { copyText: copyText };
})();
