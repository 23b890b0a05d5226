// Autosave: answers save themselves a few seconds after typing stops, and when the
// page is hidden or closed. The form still works without this file: the Save button
// posts the same form. Files are uploaded only by the buttons.
(function () {
  "use strict";

  const DELAY_MS = 3000;
  const RETRY_MS = 5000;

  document.querySelectorAll("form[data-autosave]").forEach((form) => {
    const status = form.querySelector("[data-save-status]");
    const versionInput = form.querySelector("[data-version]");
    let timer = null;
    let dirty = false;
    let saving = false;
    let stopped = false;

    const show = (text, state) => {
      status.textContent = text;
      status.dataset.state = state;
    };

    const formData = () => {
      const data = new FormData(form);
      for (const input of form.querySelectorAll("input[type=file]")) data.delete(input.name);
      data.delete("remove_file");
      data.set("action", "autosave");
      return data;
    };

    const schedule = (delay) => {
      clearTimeout(timer);
      timer = setTimeout(save, delay);
    };

    async function save(options = {}) {
      if (stopped || !dirty) return;
      if (saving) return schedule(DELAY_MS);
      if (!navigator.onLine) {
        show("Not saved: you are offline. We will try again when you are back online.", "offline");
        return;
      }
      saving = true;
      dirty = false;
      show("Saving…", "saving");
      try {
        const response = await fetch(form.getAttribute("action"), {
          method: "POST",
          body: formData(),
          headers: { Accept: "application/json", "X-Requested-With": "fetch" },
          credentials: "same-origin",
          keepalive: Boolean(options.keepalive),
        });
        const body = await response.json().catch(() => ({}));
        if (response.ok && body.ok) {
          versionInput.value = body.version;
          show(`Saved at ${body.saved_at}`, "saved");
        } else if (response.status === 409) {
          stopped = true;
          show(
            `Not saved: this entry was changed in another tab or device (saved at ${body.saved_at}). ` +
              "Press “Save and come back later” to keep your version, or reload the page to load the newer one.",
            "conflict",
          );
        } else if (response.status === 401 || response.status === 403 || response.redirected) {
          dirty = true;
          show(body.message || "Not saved: you have been signed out. Copy your text, then sign in again.", "error");
        } else if (response.status >= 500 || body.retry || !body.message) {
          // The server or its database is briefly unavailable: keep the text, try again.
          dirty = true;
          show("Not saved, retrying…", "offline");
          schedule(RETRY_MS);
        } else {
          dirty = true;
          show(`Not saved: ${body.message}`, "error");
        }
      } catch (error) {
        dirty = true;
        show(
          navigator.onLine
            ? "Not saved, retrying…"
            : "Not saved: you are offline. We will try again when you are back online.",
          "offline",
        );
        schedule(RETRY_MS);
      } finally {
        saving = false;
      }
    }

    form.addEventListener("input", (event) => {
      if (event.target.type === "file") return;
      dirty = true;
      schedule(DELAY_MS);
    });
    form.addEventListener("change", (event) => {
      if (event.target.type === "file" || event.target.name === "remove_file") return;
      dirty = true;
      schedule(DELAY_MS);
    });
    form.addEventListener("submit", () => {
      // The buttons post the whole form (files too); stop autosave racing them.
      stopped = true;
      clearTimeout(timer);
    });
    window.addEventListener("online", () => schedule(0));
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden") save({ keepalive: true });
    });
    window.addEventListener("pagehide", () => save({ keepalive: true }));
  });
})();
