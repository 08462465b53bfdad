// Runs before the page paints, so a remembered dark or light choice never flashes the other theme.
(function () {
  try {
    var saved = localStorage.getItem("sd101-theme");
    if (saved === "dark" || saved === "light") document.documentElement.setAttribute("data-theme", saved);
  } catch (e) { /* storage may be disabled: follow the system setting */ }
})();
