// sd101 default theme: code blocks. Syntax colours by highlight.js (loaded before this file on pages whose code
// names a language) under GitHub's language names, and a copy button on every block. Both are added here, in the
// browser: the search index, built from the generated HTML, holds the code but not the buttons.
(function () {
  "use strict";
  var ko = (document.documentElement.getAttribute("lang") || "").indexOf("ko") === 0;
  var base = document.currentScript ? document.currentScript.src.replace(/[^/]*$/, "") : "";
  var COPY_ICON = '<svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16"><path fill="currentColor" d="M0 6.75C0 5.78.78 5 1.75 5h1.5a.75.75 0 0 1 0 1.5h-1.5a.25.25 0 0 0-.25.25v7.5c0 .14.11.25.25.25h7.5a.25.25 0 0 0 .25-.25v-1.5a.75.75 0 0 1 1.5 0v1.5A1.75 1.75 0 0 1 9.25 16h-7.5A1.75 1.75 0 0 1 0 14.25ZM5 1.75C5 .78 5.78 0 6.75 0h7.5C15.22 0 16 .78 16 1.75v7.5A1.75 1.75 0 0 1 14.25 11h-7.5A1.75 1.75 0 0 1 5 9.25Zm1.75-.25a.25.25 0 0 0-.25.25v7.5c0 .14.11.25.25.25h7.5a.25.25 0 0 0 .25-.25v-7.5a.25.25 0 0 0-.25-.25Z"/></svg>';
  // GitHub's names (linguist's) that highlight.js spells otherwise or gives another meaning ("shell" is a
  // script on GitHub, a console session in highlight.js).
  var ALIASES = {
    shell: "bash", "shell-script": "bash", zsh: "bash", envrc: "bash", jsonc: "json", "json with comments": "json",
    geojson: "json", webmanifest: "json", "objective-c": "objectivec", "objective-c++": "objectivec",
    python3: "python", rusthon: "python", "bash session": "shell", shellsession: "shell", node: "javascript",
    ecmascript: "javascript", vue: "xml", "git-config": "ini", gitconfig: "ini", editorconfig: "ini", docker: "dockerfile", containerfile: "dockerfile", ps1: "powershell", pwsh: "powershell", psm1: "powershell",
    postgresql: "pgsql", postgres: "pgsql", plpgsql: "pgsql", "vim script": "vim", vimscript: "vim", viml: "vim",
    asm: "x86asm", nasm: "x86asm", tex: "latex", hs: "haskell", ex: "elixir", exs: "elixir", erl: "erlang",
    ml: "ocaml", jl: "julia", clj: "clojure", cljs: "clojure", edn: "clojure", pas: "delphi", pascal: "delphi",
    coffee: "coffeescript", cr: "crystal", proto: "protobuf", feature: "gherkin", cucumber: "gherkin",
    nginxconf: "nginx", apacheconf: "apache", "cmake.in": "cmake", f90: "fortran", f95: "fortran", fs: "fsharp",
    hbs: "handlebars", htmlbars: "handlebars", nixos: "nix", scm: "scheme", tk: "tcl", sv: "verilog",
    systemverilog: "verilog", https: "http"
  };
  // The languages shipped as separate files (assets/vendor/highlight/languages/), loaded when a block needs one.
  var EXTRA = ["ada", "apache", "awk", "clojure", "cmake", "coffeescript", "crystal", "d", "dart", "delphi",
    "dockerfile", "elixir", "elm", "erlang", "fortran", "fsharp", "gherkin", "glsl", "gradle", "groovy",
    "handlebars", "haskell", "http", "julia", "latex", "llvm", "matlab", "nginx", "nim", "nix", "ocaml", "pgsql",
    "powershell", "prolog", "protobuf", "scala", "scheme", "tcl", "verilog", "vhdl", "vim", "x86asm"];
  var loading = {};

  function languageOf(code) {
    var m = /(?:^|\s)language-(\S+)/.exec(code.className);
    return m ? m[1].toLowerCase() : "";
  }

  function loadLanguage(name) {
    if (!loading[name]) {
      loading[name] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = base + "vendor/highlight/languages/" + name + ".min.js";
        s.onload = resolve; s.onerror = reject;
        document.head.appendChild(s);
      });
    }
    return loading[name];
  }

  // The key highlight.js registered a language under (its aliases resolve to the same definition).
  function canonical(hljs, name) {
    var def = hljs.getLanguage(name);
    var keys = hljs.listLanguages();
    for (var i = 0; i < keys.length; i++) if (hljs.getLanguage(keys[i]) === def) return keys[i];
    return name;
  }

  function paint(code, name) {
    var result = window.hljs.highlight(code.textContent, { language: name, ignoreIllegals: true });
    code.innerHTML = result.value; // highlight.js escapes the text it was given
    code.classList.add("hljs");
    code.setAttribute("data-highlighted", canonical(window.hljs, name));
  }

  function highlight() {
    var hljs = window.hljs;
    if (!hljs) return;
    Array.prototype.forEach.call(document.querySelectorAll("pre > code[class*='language-']"), function (code) {
      var lang = languageOf(code);
      if (!lang || lang === "mermaid" || lang === "math") return;
      var name = Object.prototype.hasOwnProperty.call(ALIASES, lang) ? ALIASES[lang] : lang;
      if (EXTRA.indexOf(name) >= 0 && !hljs.getLanguage(name)) {
        loadLanguage(name).then(function () { if (hljs.getLanguage(name)) paint(code, name); }, function () { /* stays plain */ });
      } else if (hljs.getLanguage(name)) {
        paint(code, name);
      }
    });
  }

  function addCopyButtons() {
    Array.prototype.forEach.call(document.querySelectorAll("main pre"), function (pre, i) {
      var code = pre.firstElementChild && pre.firstElementChild.tagName === "CODE" ? pre.firstElementChild : null;
      var lang = code ? languageOf(code) : "";
      if (lang === "mermaid" || lang === "math") return; // drawn, not shown as code
      var box = document.createElement("div");
      box.className = "code-block";
      pre.parentNode.insertBefore(box, pre);
      box.appendChild(pre);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-button";
      button.setAttribute("aria-label", ko ? "코드 복사" : "Copy code");
      button.innerHTML = COPY_ICON + '<span class="copied-label" aria-hidden="true">' + (ko ? "복사됨" : "Copied") + "</span>";
      var status = document.createElement("span");
      status.className = "copy-status visually-hidden";
      status.setAttribute("role", "status");
      status.setAttribute("aria-live", "polite");
      var timer;
      button.addEventListener("click", function () {
        window.sd101.copyText((code || pre).textContent).then(function () {
          button.classList.add("copied");
          status.textContent = ko ? "복사됨" : "Copied";
          clearTimeout(timer);
          timer = setTimeout(function () { button.classList.remove("copied"); status.textContent = ""; }, 2000);
        }, function () {
          status.textContent = ko ? "복사하지 못했습니다" : "Copy failed";
        });
      });
      box.appendChild(button);
      box.appendChild(status);
    });
  }

  highlight();
  if (window.sd101 && window.sd101.copyText) addCopyButtons(); // site.js's clipboard helper, loaded first
})();
