// Django's admin: the search icons its filter widgets (SelectFilter2.js) draw carry an
// aria-label on a plain <span>, which ARIA does not allow; as images, their label is read.
window.addEventListener("load", () => {
  document.querySelectorAll(".help-tooltip.search-label-icon[aria-label]").forEach((icon) => {
    icon.setAttribute("role", "img");
  });
});
