// sd101 default theme: Mermaid diagrams, drawn from each <pre><code class="language-mermaid"> block by the vendored
// mermaid ES module (loaded only on pages with such a block; each diagram type's code is a chunk fetched only when
// drawn). The block stays in the page, hidden once drawn: without JavaScript, or when a diagram has an error, the
// source shows as code. A switch of light and dark theme draws the diagrams again in the other theme.
import mermaid from "./vendor/mermaid/mermaid.esm.min.mjs";

const root = document.documentElement;
const blocks = Array.from(document.querySelectorAll("pre > code.language-mermaid"));
const media = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
let count = 0;
let queue = Promise.resolve();

function theme() {
  const set = root.getAttribute("data-theme");
  return set === "dark" || (set !== "light" && media && media.matches) ? "dark" : "light";
}

async function drawAll() {
  const wanted = theme();
  mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: wanted === "dark" ? "dark" : "default" });
  for (const code of blocks) {
    const pre = code.parentElement;
    let figure = pre.nextElementSibling && pre.nextElementSibling.classList.contains("mermaid-diagram")
      ? pre.nextElementSibling : null;
    if (figure && figure.getAttribute("data-theme") === wanted) continue;
    const id = "sd101-mermaid-" + ++count;
    try {
      const { svg } = await mermaid.render(id, code.textContent);
      if (!figure) {
        figure = document.createElement("div");
        figure.className = "mermaid-diagram";
        pre.after(figure);
      }
      figure.innerHTML = svg; // mermaid's own output, sanitised by it (securityLevel strict)
      figure.setAttribute("data-theme", wanted);
      pre.hidden = true;
    } catch (e) {
      // The source stays shown; mermaid may leave its error drawing in the body.
      const stray = document.getElementById("d" + id);
      if (stray) stray.remove();
      pre.hidden = false;
      if (figure) figure.remove();
      pre.setAttribute("title", String(e && e.message || e));
    }
  }
}

function redraw() {
  queue = queue.then(drawAll, drawAll);
}

redraw();
new MutationObserver(redraw).observe(root, { attributes: true, attributeFilter: ["data-theme"] });
if (media && media.addEventListener) media.addEventListener("change", redraw);
