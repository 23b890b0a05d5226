// Loaded, not deferred, just before an entry form is drawn: notes which answers the
// person changes before autosave.js has started (on a slow connection the form can be
// filled in first). autosave.js then keeps and saves those, while it still drops what
// the browser itself put back into the form on a reload or Back and Forward.
//
// An answer the browser had put back older text into before the person typed on top of
// it is noted as well ("restored"): its text is not the server's, so autosave.js sends
// it as based on no version, and the server asks the person to choose if someone else
// has changed that answer since, instead of overwriting their text.
(function () {
  "use strict";

  const typed = new Set(); // the names of the answers typed into or chosen
  const restored = new Set(); // ...of those, the ones that held restored text when touched
  const seen = new Set();
  const differsFromDrawn = (el) =>
    el.type === "checkbox" || el.type === "radio"
      ? el.checked !== el.defaultChecked
      : el.tagName === "SELECT"
        ? Array.from(el.options).some((option) => option.selected !== option.defaultSelected)
        : el.value !== el.defaultValue;
  const inForm = (control) => control.name && control.form?.hasAttribute("data-autosave");

  // The first touch of each answer, before anything is typed: what did it hold then?
  const look = (event) => {
    const control = event.target;
    if (!inForm(control) || seen.has(control.name)) return;
    seen.add(control.name);
    const group = Array.from(control.form.elements).filter((el) => el.name === control.name);
    if (group.some(differsFromDrawn)) restored.add(control.name);
  };
  const note = (event) => {
    if (event.isTrusted && inForm(event.target)) typed.add(event.target.name);
  };
  const listeners = [
    ["focusin", look],
    ["beforeinput", look],
    ["input", note],
    ["change", note],
  ];
  for (const [type, listener] of listeners) document.addEventListener(type, listener, true);
  window.AwardsTypedEarly = {
    // What was noted so far; noting stops, autosave.js listens from here on.
    take() {
      for (const [type, listener] of listeners) document.removeEventListener(type, listener, true);
      return { typed, restored: new Set([...restored].filter((name) => typed.has(name))) };
    },
  };
})();
