// Score sheet: saves itself two seconds after typing stops, version-checked, and keeps
// a live count of the criteria scored and the running weighted score. Without this
// file the Save and Submit buttons post the same form. On a refused save (another tab
// saved first) the newer values are shown under each box and the judge chooses.
(function () {
  "use strict";

  const DELAY_MS = 2000;
  const RETRY_MS = 5000;

  const form = document.querySelector("form[data-score-sheet]");
  if (!form) return;
  const status = form.querySelector("[data-save-status]");
  const versionInput = form.querySelector("[data-version]");
  const conflictPanel = form.querySelector("[data-sheet-conflict]");
  const criteria = Array.from(form.querySelectorAll("[data-criterion]"));

  let timer = null;
  let dirty = false;
  let inFlight = false;
  let stopped = false; // a conflict waits for the judge's choice, or the sheet is locked
  let leaving = false;
  let pendingSubmit = null; // a button pressed while a save was on its way

  const show = (text, state) => {
    status.textContent = text;
    status.dataset.state = state;
  };

  const scoreOf = (input) => {
    const text = input.value.trim();
    if (!/^\d{1,2}$/.test(text)) return null;
    const value = Number(text);
    return value <= 10 ? value : null;
  };

  function tally() {
    let scored = 0;
    let total = 0;
    for (const block of criteria) {
      const value = scoreOf(block.querySelector("[data-score]"));
      if (value === null) continue;
      scored += 1;
      total += value * Number(block.dataset.weight || 1);
    }
    const count = form.querySelector("[data-scored]");
    if (count) count.textContent = `${scored} of ${criteria.length} criteria scored`;
    const weighted = form.querySelector("[data-weighted]");
    if (weighted) weighted.textContent = String(Math.round(total * 100) / 100);
  }

  function schedule(delay) {
    clearTimeout(timer);
    timer = setTimeout(save, delay);
  }

  function changed() {
    tally();
    dirty = true;
    if (stopped) return;
    if (!inFlight) show("Unsaved changes", "unsaved");
    schedule(DELAY_MS);
  }

  function setField(name, value) {
    const fields = form.elements.namedItem(name);
    if (!fields) return;
    if (fields instanceof RadioNodeList) {
      for (const radio of fields) radio.checked = radio.value === value;
    } else {
      fields.value = value || "";
    }
  }

  function showNewer(newer) {
    for (const [name, value] of Object.entries({ ...newer.scores, ...newer.comments })) {
      const field = form.elements.namedItem(name);
      const note = field?.closest(".form-group")?.querySelector("[data-other-score], [data-other-comment]");
      if (!note) continue;
      note.querySelector("[data-other-value]").textContent = value || "none";
      note.hidden = value === field.value;
    }
  }

  function hideNewer() {
    form.querySelectorAll("[data-other-score], [data-other-comment]").forEach((note) => (note.hidden = true));
    conflictPanel.hidden = true;
    conflictPanel.replaceChildren();
  }

  function conflict(body) {
    stopped = true;
    clearTimeout(timer);
    show("Not saved: these scores were changed in another tab or device.", "conflict");
    showNewer(body.newer);
    const message = Object.assign(document.createElement("p"), {
      textContent:
        "These scores were changed in another tab or device since this page was opened. " +
        "Where the newer saved sheet differs, its value is shown under your box. Keep what you typed, or use the newer scores.",
    });
    const keep = Object.assign(document.createElement("button"), {
      type: "button",
      className: "button",
      textContent: "Keep what I typed",
    });
    const use = Object.assign(document.createElement("button"), {
      type: "button",
      className: "button button--secondary",
      textContent: "Use the newer scores",
    });
    const buttons = Object.assign(document.createElement("div"), { className: "button-group" });
    buttons.append(keep, use);
    conflictPanel.replaceChildren(message, buttons);
    conflictPanel.hidden = false;
    keep.addEventListener("click", () => {
      versionInput.value = body.version;
      stopped = false;
      hideNewer();
      dirty = true;
      save();
    });
    use.addEventListener("click", () => {
      versionInput.value = body.version;
      stopped = false;
      setField("qualifying", body.newer.qualifying);
      setField("overall_comment", body.newer.overall_comment);
      for (const [name, value] of Object.entries({ ...body.newer.scores, ...body.newer.comments })) setField(name, value);
      hideNewer();
      tally();
      dirty = false;
      show("Showing the newer scores", "saved");
    });
  }

  function fieldErrors(errors) {
    form.querySelectorAll("[data-js-error]").forEach((el) => el.remove());
    form.querySelectorAll(".input--error[data-score]").forEach((el) => el.classList.remove("input--error"));
    for (const [id, message] of Object.entries(errors || {})) {
      const field = document.getElementById(id);
      if (!field) continue;
      const note = Object.assign(document.createElement("p"), { className: "error-message", textContent: message });
      note.dataset.jsError = "";
      field.before(note);
      if (field.matches("[data-score]")) field.classList.add("input--error");
    }
  }

  async function save({ keepalive = false } = {}) {
    if (stopped || !dirty) return;
    if (inFlight) return schedule(DELAY_MS);
    clearTimeout(timer);
    dirty = false;
    inFlight = true;
    show("Saving…", "saving");
    let response = null;
    let body = {};
    try {
      response = await fetch(form.getAttribute("action"), {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json", "X-Requested-With": "fetch" },
        credentials: "same-origin",
        keepalive, // a save sent as the page closes still arrives
      });
      body = await response.json().catch(() => ({}));
    } catch (error) {
      response = null;
    }
    inFlight = false;
    if (response && response.ok && body.ok) {
      versionInput.value = body.version;
      fieldErrors({});
      show(dirty ? "Unsaved changes" : `Saved at ${body.saved_at}`, dirty ? "unsaved" : "saved");
    } else if (response && response.status === 409 && body.conflict) {
      dirty = true;
      conflict(body);
    } else if (response && response.status === 409) {
      stopped = true;
      show(body.message || "This score sheet can no longer be changed. Reload the page.", "error");
    } else if (response && response.status === 400 && body.message) {
      dirty = true;
      fieldErrors(body.errors);
      show(`Not saved: ${body.message}`, "error");
    } else {
      dirty = true;
      show(response && response.redirected ? "Not saved: you have been signed out. Sign in again in another tab." : "Not saved, retrying…", "offline");
      schedule(RETRY_MS);
    }
    if (pendingSubmit && !stopped) {
      const button = pendingSubmit;
      pendingSubmit = null;
      form.requestSubmit(button);
    }
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", (event) => {
    if (event.target.type === "radio") changed();
  });
  form.addEventListener("submit", (event) => {
    if (inFlight) {
      // The page posts the version it holds: wait for the save on its way to answer.
      event.preventDefault();
      pendingSubmit = event.submitter;
      return;
    }
    clearTimeout(timer);
    leaving = true;
  });
  window.addEventListener("pagehide", () => {
    if (!leaving) save({ keepalive: true });
  });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden" && !leaving) save({ keepalive: true });
  });
  window.addEventListener("beforeunload", (event) => {
    if (!leaving && (dirty || inFlight)) event.preventDefault();
  });
  tally();
})();
