// Autosave: answers save a few seconds after typing stops, files the moment they are
// chosen, and anything unsent goes when the page is hidden or closed. Until the server
// confirms a save, this tab keeps the text in sessionStorage (this tab only, gone when
// it closes: entrants share NHS computers), so a reload, Back and Forward, a crash or
// a spell offline puts it back and sends it again. The form still works without this
// file: the buttons post the same form, files too.
(function () {
  "use strict";

  const DELAY_MS = 3000;
  const RETRY_MS = 5000;
  const OFFLINE = "Not saved: you are offline. We will save when you are back online.";
  const NOT_ANSWERS = new Set(["csrfmiddlewaretoken", "version", "bases", "writer", "section", "action", "remove_file"]);
  const EDITING_POLL_MS = 20000;

  const randomId = () =>
    Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, "0")).join("");

  const storage = {
    read(key) {
      try {
        return JSON.parse(window.sessionStorage.getItem(key) || "null");
      } catch (error) {
        return null;
      }
    },
    write(key, value) {
      try {
        window.sessionStorage.setItem(key, JSON.stringify(value));
      } catch (error) {
        /* storage full or disabled: the page still saves as it goes */
      }
    },
    forget(key) {
      try {
        window.sessionStorage.removeItem(key);
      } catch (error) {
        /* nothing kept */
      }
    },
  };

  // The answer controls, and their values as [name, value] pairs: as typed, or as the
  // server drew them (defaults), which is what the server holds.
  const answerControls = (form) =>
    Array.from(form.elements).filter(
      (el) => el.name && !NOT_ANSWERS.has(el.name) && !["file", "submit", "button"].includes(el.type),
    );

  function answerPairs(form, asDrawn = false) {
    const pairs = [];
    for (const el of answerControls(form)) {
      if (el.type === "checkbox" || el.type === "radio") {
        if (asDrawn ? el.defaultChecked : el.checked) pairs.push([el.name, el.value]);
      } else if (el.tagName === "SELECT") {
        for (const option of el.options) {
          if (asDrawn ? option.defaultSelected : option.selected) pairs.push([el.name, option.value]);
        }
      } else {
        pairs.push([el.name, asDrawn ? el.defaultValue : el.value]);
      }
    }
    return pairs;
  }

  // Put the answers in pairs back into the form: all of them, or only those named in `only`.
  function putBack(form, pairs, only = null) {
    const has = (name, value) => pairs.some(([n, v]) => n === name && v === value);
    const texts = new Map();
    for (const [name, value] of pairs) texts.set(name, [...(texts.get(name) || []), value]);
    for (const el of answerControls(form)) {
      if (el.type === "hidden" || (only && !only.has(el.name))) continue;
      if (el.type === "checkbox" || el.type === "radio") el.checked = has(el.name, el.value);
      else if (el.tagName === "SELECT") for (const option of el.options) option.selected = has(el.name, option.value);
      else if (texts.get(el.name)?.length) el.value = texts.get(el.name).shift();
      el.dispatchEvent(new Event("input", { bubbles: true })); // word counts follow
    }
  }

  // Each answer (and "Remove this file" box) as the server drew it, except those named in
  // `keep`: form.reset(), one by one. A file chosen is left: browsers never restore those.
  function resetAnswers(form, keep) {
    const removeBoxes = Array.from(form.querySelectorAll("input[name=remove_file]"));
    for (const el of [...answerControls(form), ...removeBoxes]) {
      if (el.type === "hidden" || keep.has(el.name)) continue;
      if (el.type === "checkbox" || el.type === "radio") el.checked = el.defaultChecked;
      else if (el.tagName === "SELECT") for (const option of el.options) option.selected = option.defaultSelected;
      else el.value = el.defaultValue;
      if (el.tagName === "TEXTAREA") el.dispatchEvent(new Event("input", { bubbles: true })); // word counts follow
    }
  }

  // Show another person's newer text for one answer, as the server holds it.
  function setAnswer(form, name, value) {
    const values = Array.isArray(value) ? value.map(String) : value == null ? [] : [String(value)];
    for (const el of answerControls(form)) {
      if (el.name !== name || el.type === "hidden") continue;
      if (el.type === "checkbox" || el.type === "radio") el.checked = values.includes(el.value);
      else if (el.tagName === "SELECT") for (const option of el.options) option.selected = values.includes(option.value);
      else el.value = values[0] || "";
      el.dispatchEvent(new Event("input", { bubbles: true })); // word counts follow
    }
  }

  const sameValues = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  const valuesOf = (pairs, name) => pairs.filter(([n]) => n === name).map(([, v]) => v);

  document.querySelectorAll("form[data-autosave]").forEach((form) => {
    const status = form.querySelector("[data-save-status]");
    const versionInput = form.querySelector("[data-version]");
    const basesInput = form.querySelector("[data-bases]");
    const presence = document.querySelector(`[data-editing="${form.dataset.entry}"]`);
    const readBases = () => {
      try {
        return JSON.parse(basesInput?.value || "{}");
      } catch (error) {
        return {};
      }
    };
    const setBases = (bases) => {
      if (basesInput) basesInput.value = JSON.stringify(bases);
    };
    const conflictPanel = form.querySelector("[data-conflict]");
    const key = `entry-unsaved:${form.dataset.entry}`;
    const writerInput = Object.assign(document.createElement("input"), { type: "hidden", name: "writer" });
    form.append(writerInput);

    let page = randomId(); // this open page; each save it sends has the next number
    let number = 0;
    let timer = null;
    let dirty = false; // typed since the last save was sent
    let inFlight = 0; // saves and uploads sent, not yet answered
    let stopped = false; // a conflict waits for the entrant's choice
    let leaving = false; // a button posted the form, or the entrant chose the other version
    let notice = ""; // a refused file's message, said again with the next save's result

    const show = (text, state) => {
      status.textContent = text;
      status.dataset.state = state;
    };
    const nextWriter = () => `${page}.${++number}`;
    const remember = () =>
      storage.write(key, { base: versionInput.value, bases: readBases(), page, number, pairs: answerPairs(form) });
    let section = ""; // the section the person is writing in, for "Priya is editing Delivery"
    form.addEventListener("focusin", (event) => {
      section = event.target.closest("section.form-section")?.id || section;
    });
    const showEditing = (sentence) => {
      if (presence) presence.textContent = sentence || "";
    };

    function formData(writer) {
      const data = new FormData(form);
      for (const input of form.querySelectorAll("input[type=file]")) data.delete(input.name);
      data.delete("remove_file");
      data.set("action", "autosave");
      data.set("writer", writer);
      if (presence) data.set("section", section); // only a team's pages say where they are
      return data;
    }

    function schedule(delay) {
      clearTimeout(timer);
      timer = setTimeout(() => save(), delay);
    }

    function changed() {
      dirty = true;
      remember();
      if (stopped) return;
      if (!inFlight) show(navigator.onLine ? "Unsaved changes" : OFFLINE, navigator.onLine ? "unsaved" : "offline");
      schedule(DELAY_MS);
    }

    function showProgress(progress) {
      if (!progress) return;
      const summary = form.querySelector("[data-progress-summary]");
      if (summary) summary.textContent = progress.summary;
      for (const section of progress.sections) {
        form.querySelectorAll(`[data-section-state="${section.anchor}"]`).forEach((badge) => {
          badge.textContent = section.label;
          badge.className = `task-status task-status--${section.state}`;
        });
      }
    }

    // The texts this save sent; another person's newer text replaces an answer only if
    // it is still what was sent (nothing typed into it since).
    let sentPairs = [];

    function saved(body) {
      versionInput.value = body.version;
      const bases = { ...readBases(), ...(body.versions || {}) };
      const now = answerPairs(form);
      const others = [];
      for (const [name, other] of Object.entries(body.others || {})) {
        if (!sameValues(valuesOf(now, name), valuesOf(sentPairs, name))) continue; // typed since: a conflict next time
        setAnswer(form, name, other.value);
        bases[name] = other.version;
        if (other.by) others.push(other.by);
      }
      setBases(bases);
      showEditing(body.editing_sentence);
      showProgress(body.progress);
      for (const [id, html] of Object.entries(body.files || {})) {
        const group = document.getElementById(id);
        if (group) group.outerHTML = html;
      }
      if (body.rejected_files && body.rejected_files.length) {
        show(`Your answers were saved, but: ${body.rejected_files.join(" ")}`, "error");
      } else if (notice && !dirty) {
        show(`Saved at ${body.saved_at}. ${notice}`, "error");
      } else if (dirty) {
        show("Unsaved changes", "unsaved");
      } else if (others.length) {
        show(`Saved at ${body.saved_at}. Shows changes by ${[...new Set(others)].join(" and ")}.`, "saved");
      } else {
        show(`Saved at ${body.saved_at}`, "saved");
      }
      if (!dirty) notice = "";
      if (dirty) remember();
      else storage.forget(key);
    }

    function failed(response, body) {
      if (response.status === 409 && body.conflict) {
        stopped = true;
        clearTimeout(timer);
        const who = (body.by || []).join(" and ");
        show(
          who
            ? `Not saved: ${who} changed the same answer. Choose which version to keep.`
            : "Not saved: this entry was changed in another tab or device. Choose which version to keep.",
          "conflict",
        );
        window.AwardsConflict.show(conflictPanel, body, {
          keepMine() {
            stopped = false;
            const bases = readBases();
            for (const difference of body.differences || []) bases[difference.key] = difference.version;
            setBases(bases);
            changed();
            save();
          },
          useTheirs() {
            stopped = false;
            const bases = readBases();
            for (const difference of body.differences || []) {
              setAnswer(form, difference.key, difference.value);
              bases[difference.key] = difference.version;
            }
            setBases(bases);
            changed();
            save(); // anything else this page changed still goes
          },
        });
        return;
      }
      if (response.status === 403 && body.removed) {
        stopped = true;
        clearTimeout(timer);
        show(body.message, "error");
        window.AwardsConflict.showRemoved(conflictPanel, body);
        return;
      }
      dirty = true;
      if (response.status === 401 || response.status === 403 || response.redirected) {
        show(body.message || "Not saved: you have been signed out. Sign in again in another tab, then come back here.", "error");
      } else if (response.status >= 500 || body.retry || !body.message) {
        show("Not saved, retrying…", "offline"); // the server or its database is briefly away
        schedule(RETRY_MS);
      } else if (response.status === 413) {
        // A file too large for the entry: the request was refused whole, so the text it
        // carried goes again on its own; the message stays with that save's result.
        notice = body.message;
        show(`Not saved: ${body.message}`, "error");
        schedule(DELAY_MS);
      } else {
        show(`Not saved: ${body.message}`, "error");
        if (response.status === 0) schedule(RETRY_MS); // a dropped upload: the text still goes
      }
    }

    // One request: answers (and a file, if given) with this page's next number.
    async function send(data, { keepalive = false, upload = null } = {}) {
      inFlight += 1;
      try {
        const { response, body } = upload ? await upload(data) : await post(data, keepalive);
        if (response.ok && body.ok) saved(body);
        else failed(response, body);
      } catch (error) {
        dirty = true;
        show(navigator.onLine ? "Not saved, retrying…" : OFFLINE, "offline");
        schedule(RETRY_MS);
      } finally {
        inFlight -= 1;
      }
    }

    async function post(data, keepalive) {
      const response = await fetch(form.getAttribute("action"), {
        method: "POST",
        body: data,
        headers: { Accept: "application/json", "X-Requested-With": "fetch" },
        credentials: "same-origin",
        keepalive,
      });
      return { response, body: await response.json().catch(() => ({})) };
    }

    function save({ keepalive = false } = {}) {
      if (stopped || !dirty) return;
      if (inFlight && !keepalive) return schedule(DELAY_MS); // one at a time while the page lives
      if (!navigator.onLine) return show(OFFLINE, "offline");
      clearTimeout(timer);
      dirty = false;
      const data = formData(nextWriter());
      sentPairs = answerPairs(form);
      remember(); // the page id and number this text went with
      show("Saving…", "saving");
      send(data, { keepalive });
    }

    window.AwardsFileUploads?.watch(form, {
      busy: () => inFlight > 0,
      start(input) {
        clearTimeout(timer);
        dirty = false;
        const data = formData(nextWriter());
        data.set(input.name, input.files[0]);
        remember();
        return send(data, { upload: (body) => window.AwardsFileUploads.post(form, input, body, show) });
      },
    });

    // A fresh load: drop what the browser itself restored, but not what the person typed
    // before this script ran (typed-early.js noted it). Then put back what this tab sent
    // but never heard was saved, based on the version it was typed on, and the early
    // typing on top, the newest of all; both go in one save. Early typing on top of text
    // the browser had restored is based on no version: if someone else has changed that
    // answer since, the person is asked to choose (nothing is silently overwritten).
    const early = window.AwardsTypedEarly?.take() || { typed: new Set(), restored: new Set() };
    const earlyPairs = answerPairs(form).filter(([name]) => early.typed.has(name));
    resetAnswers(form, early.typed);
    form.dispatchEvent(new Event("input")); // conditions.js follows the reset choices
    const kept = storage.read(key);
    let unsent = false;
    if (kept && JSON.stringify(kept.pairs) !== JSON.stringify(answerPairs(form, true))) {
      page = kept.page || page;
      number = kept.number || 0;
      versionInput.value = kept.base;
      if (kept.bases) setBases(kept.bases);
      putBack(form, kept.pairs);
      unsent = true;
    } else if (kept) {
      storage.forget(key); // the server already holds exactly this
    }
    if (early.typed.size) {
      putBack(form, earlyPairs, early.typed);
      const bases = readBases();
      for (const name of early.restored) bases[name] = 0;
      setBases(bases);
      unsent = true;
    }
    if (unsent) {
      dirty = true;
      save();
    }

    form.addEventListener("input", (event) => {
      if (event.isTrusted && event.target.type !== "file") changed();
    });
    form.addEventListener("change", (event) => {
      if (event.target.type !== "file" && event.target.name !== "remove_file") changed();
    });
    form.addEventListener("submit", () => {
      // The buttons post the whole form, files too, as this page's next save.
      stopped = true;
      leaving = true;
      clearTimeout(timer);
      writerInput.value = nextWriter();
      remember();
    });
    window.addEventListener("online", () => save());
    // Who else is writing now, while this page is in view.
    if (presence) {
      const poll = async () => {
        if (document.visibilityState !== "visible" || !navigator.onLine) return;
        try {
          const response = await fetch(presence.dataset.url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
          if (response.ok) showEditing((await response.json()).editing_sentence);
        } catch (error) {
          /* a hint only: try again next time */
        }
      };
      setInterval(poll, EDITING_POLL_MS);
      poll();
    }
    window.addEventListener("offline", () => {
      if (dirty) show(OFFLINE, "offline");
    });
    window.addEventListener("pageshow", (event) => {
      if (event.persisted && dirty) save(); // back from the back-forward cache
    });
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden") save({ keepalive: true });
    });
    window.addEventListener("pagehide", () => save({ keepalive: true }));
    window.addEventListener("beforeunload", (event) => {
      if (!leaving && (dirty || inFlight || stopped)) event.preventDefault();
    });
  });
})();
