// sd101 default theme: math, typeset by KaTeX (loaded before this file, only on pages with math). The generator
// marks GitHub's $…$ and $$…$$ as <code class="math math-inline|math-display"> holding the TeX, and a ```math
// block stays <pre><code class="language-math">; without JavaScript the TeX shows as written. KaTeX draws in
// currentColor, so the math follows the light and dark themes without being typeset again.
(function () {
  "use strict";
  var katex = window.katex;
  if (!katex) return;

  function typeset(el, tex, display) {
    try {
      // throwOnError false: a TeX error shows the source in the error colour, titled with KaTeX's message.
      katex.render(tex, el, { displayMode: display, throwOnError: false, output: "htmlAndMathml" });
      el.classList.add("math-typeset");
    } catch (e) { /* left as TeX */ }
  }

  Array.prototype.forEach.call(document.querySelectorAll("code.math"), function (code) {
    typeset(code, code.textContent, code.classList.contains("math-display"));
  });
  Array.prototype.forEach.call(document.querySelectorAll("pre > code.language-math"), function (code) {
    var pre = code.parentNode;
    var box = document.createElement("div");
    box.className = "math math-display math-block";
    typeset(box, code.textContent, true);
    if (box.classList.contains("math-typeset")) pre.parentNode.replaceChild(box, pre);
  });
})();
