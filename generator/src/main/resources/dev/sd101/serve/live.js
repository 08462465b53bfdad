// sd101 serve: reloads the page after each rebuild and shows a build error over the page until it is fixed.
// Injected only into pages the development server sends, never into the written site.
(function () {
  "use strict";
  // The server reloads only the pages a build changed; it is told which page this is.
  var source = new EventSource("/__sd101/events?page=" + encodeURIComponent(location.pathname));
  var seen = null;
  var overlay = null;

  function hideProblem() {
    if (overlay) { overlay.remove(); overlay = null; }
  }

  function showProblem(text) {
    hideProblem();
    overlay = document.createElement("div");
    overlay.id = "sd101-error-overlay";
    overlay.setAttribute("role", "alert");
    overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;background:rgba(20,20,24,.92);color:#fff;" +
      "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;padding:2rem;overflow:auto";
    var title = document.createElement("div");
    title.style.cssText = "font:600 18px/1.4 system-ui,sans-serif;color:#ff8a80;margin-bottom:1rem";
    title.textContent = "sd101: the build failed; the page reloads when it is fixed";
    var pre = document.createElement("pre");
    pre.style.cssText = "white-space:pre-wrap;margin:0";
    pre.textContent = text; // text, never HTML: the message quotes content
    overlay.appendChild(title);
    overlay.appendChild(pre);
    document.body.appendChild(overlay);
  }

  source.addEventListener("hello", function (e) {
    // After a server restart or a build while this page was disconnected, the generation differs.
    if (seen !== null && seen !== e.data) location.reload();
    seen = e.data;
  });
  source.addEventListener("reload", function (e) {
    seen = e.data;
    location.reload();
  });
  source.addEventListener("built", function (e) {
    seen = e.data; // a build that left this page as it was
  });
  source.addEventListener("problem", function (e) { showProblem(e.data); });
})();
