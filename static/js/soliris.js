// Progressive enhancements only: every page works without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
  // Change language as soon as one is picked; the button stays for keyboard and no-JS users.
  document.querySelectorAll(".language-switcher select").forEach((select) => {
    select.addEventListener("change", () => select.form.requestSubmit());
  });
});
