// Conditional questions and sections: each marked data-show-when="<earlier question's
// field name>" data-show-values='["…"]' shows only while that question's answer is one
// of the values, and the task list follows. Nothing is cleared: a hidden question keeps
// its answer (it is still posted and saved), so an entrant who changes their mind back
// finds it as they left it. Without this file every question shows, each with a line
// saying when to answer it; the server decides what is required either way.
(function () {
  "use strict";

  function chosen(form, name) {
    const values = [];
    for (const el of form.elements) {
      if (el.name !== name) continue;
      if (el.type === "radio" || el.type === "checkbox") {
        if (el.checked) values.push(el.value);
      } else if (el.tagName === "SELECT" && el.value) {
        values.push(el.value);
      }
    }
    return values;
  }

  function wanted(el) {
    try {
      return JSON.parse(el.dataset.showValues || "[]");
    } catch (error) {
      return [];
    }
  }

  function update(form) {
    // In page order, so a question whose earlier question is hidden is hidden too.
    const hiddenNames = new Set();
    for (const el of form.querySelectorAll("[data-show-when]")) {
      const name = el.dataset.showWhen;
      const inHidden = el.parentElement.closest("[data-show-when][hidden]") !== null;
      const values = wanted(el);
      const shows =
        !inHidden && !hiddenNames.has(name) && chosen(form, name).some((value) => values.includes(value));
      el.hidden = !shows;
      if (!shows) {
        for (const control of el.querySelectorAll("[name]")) hiddenNames.add(control.name);
      }
      if (el.tagName === "SECTION" && el.id) {
        const link = form.querySelector(`.task-list a[href="#${el.id}"]`);
        const item = link && link.closest("li");
        if (item) item.hidden = !shows;
      }
    }
  }

  document.querySelectorAll("form.entry-form").forEach((form) => {
    if (!form.querySelector("[data-show-when]")) return;
    update(form);
    form.addEventListener("change", () => update(form));
    // Autosave puts back unsent answers after a reload with input events, not change.
    form.addEventListener("input", () => update(form));
  });
})();
