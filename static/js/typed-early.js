// Loaded, not deferred, just before an entry form is drawn: notes which answers the
// person changes before autosave.js has started (on a slow connection the form can be
// filled in first). autosave.js then keeps and saves those, while it still drops what
// the browser itself put back into the form on a reload.
(function () {
  "use strict";

  const typed = new Set(); // the names of the answers typed into or chosen
  const note = (event) => {
    const control = event.target;
    if (event.isTrusted && control.name && control.form?.hasAttribute("data-autosave")) typed.add(control.name);
  };
  document.addEventListener("input", note, true);
  document.addEventListener("change", note, true);
  window.AwardsTypedEarly = {
    // The names noted so far; noting stops, autosave.js listens from here on.
    take() {
      document.removeEventListener("input", note, true);
      document.removeEventListener("change", note, true);
      return typed;
    },
  };
})();
