// The organisation picker (partners/forms/picker.py), enhanced: htmx updates the matches as
// one types (the hx-* attributes); here, Enter in the search box does not send the form
// (the matches of what was typed are coming), and the Down arrow moves to the matches.
// Without JavaScript the "Search" button asks the server for them.
(() => {
  if (window.solirisPicker) return;
  window.solirisPicker = true;
  document.addEventListener("keydown", (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !box.matches(".org-picker input[type=search]")) return;
    const picker = box.closest(".org-picker");
    if (event.key === "Enter" && window.htmx) {
      event.preventDefault();
    } else if (event.key === "ArrowDown") {
      const choices = picker.querySelectorAll(".org-picker-list input");
      const first = picker.querySelector(".org-picker-list input:checked") || choices[0];
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  });
})();
