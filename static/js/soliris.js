// Progressive enhancements only: every page works without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
  // Change language as soon as one is picked; the button stays for keyboard and no-JS users.
  document.querySelectorAll(".language-switcher select").forEach((select) => {
    select.addEventListener("change", () => select.form.requestSubmit());
  });

  // Drafts: what is typed in a long text field is kept in this browser until the form is
  // sent, so that a closed tab, a crash or a lost connection loses nothing. A kept draft
  // that differs from the field is offered back, never put in silently.
  const store = (() => {
    try {
      const probe = "soliris-probe";
      window.localStorage.setItem(probe, probe);
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (error) {
      return null;
    }
  })();
  if (!store) return;
  const DAY = 24 * 3600 * 1000;
  // The words come from the page (base.html), in its language, through the catalogues.
  const data = document.body.dataset;
  const words = [
    data.draftKept || "An unsent draft of this field is kept in this browser.",
    data.draftRestore || "Restore it",
    data.draftDiscard || "Discard it",
  ];

  document.querySelectorAll('form[method="post"] textarea[name]').forEach((field) => {
    const form = field.form;
    const version = form.querySelector('input[name$="version"], input[name$="revision"]');
    const key = `soliris-draft:${location.pathname}:${field.name}`;
    let kept = null;
    try {
      kept = JSON.parse(store.getItem(key) || "null");
    } catch (error) {
      kept = null;
    }
    if (kept && (Date.now() - kept.at > DAY * 7 || kept.text === field.value)) {
      store.removeItem(key);
      kept = null;
    }
    if (kept && kept.text.trim()) {
      const note = document.createElement("div");
      note.className = "draft-note";
      note.setAttribute("role", "status");
      const text = document.createElement("span");
      text.textContent = words[0] + " ";
      const restore = document.createElement("button");
      restore.type = "button";
      restore.className = "button-secondary button-small";
      restore.textContent = words[1];
      const discard = document.createElement("button");
      discard.type = "button";
      discard.className = "button-secondary button-small";
      discard.textContent = words[2];
      restore.addEventListener("click", () => {
        field.value = kept.text;
        field.dispatchEvent(new Event("input", { bubbles: true }));
        note.remove();
        field.focus();
      });
      discard.addEventListener("click", () => {
        store.removeItem(key);
        note.remove();
      });
      note.append(text, restore, " ", discard);
      field.insertAdjacentElement("beforebegin", note);
    }
    let timer = null;
    field.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        try {
          store.setItem(key, JSON.stringify({ text: field.value, at: Date.now(), version: version && version.value }));
        } catch (error) {
          // Storage full or refused: the server still keeps the text on every error.
        }
      }, 400);
    });
    form.addEventListener("submit", () => store.removeItem(key));
  });
});

// Folded filters (issue 15): open beside the results on a wide screen, folded behind their
// "Filter" control on a phone. Without JavaScript, the CSS shows them on a wide screen.
document.addEventListener("DOMContentLoaded", () => {
  const folds = document.querySelectorAll("details.filter-fold");
  if (!folds.length) return;
  const wide = window.matchMedia("(min-width: 48.0625rem)");
  const apply = () => folds.forEach((fold) => { fold.open = wide.matches; });
  apply();
  wide.addEventListener("change", apply);
});
