// Files upload the moment they are chosen, with a progress bar, as the autosave's next
// save (autosave.js calls watch). Without JavaScript the Save button uploads them.
(function () {
  "use strict";

  function watch(form, hooks) {
    form.addEventListener("change", (event) => {
      const input = event.target;
      if (input.type !== "file" || !input.files.length) return;
      const start = () => (hooks.busy() ? setTimeout(start, 200) : hooks.start(input));
      start();
    });
  }

  function progressBar(input) {
    const bar = document.createElement("progress");
    bar.className = "file-upload__progress";
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute("aria-label", `Uploading ${input.files[0].name}`);
    input.after(bar);
    return bar;
  }

  // Resolves with {response, body} as fetch would give them; a dropped connection is a
  // status of 0 with a message, since the chosen file cannot be sent again by itself.
  function post(form, input, data, show) {
    const name = input.files[0].name;
    const bar = progressBar(input);
    let announced = 0;
    return new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open("POST", form.getAttribute("action"));
      xhr.setRequestHeader("Accept", "application/json");
      xhr.setRequestHeader("X-Requested-With", "fetch");
      xhr.upload.addEventListener("progress", (event) => {
        if (!event.lengthComputable) return;
        const percent = Math.floor((event.loaded / event.total) * 100);
        bar.value = percent;
        // The status is read aloud: a quarter at a time, not every percent.
        if (percent >= announced + 25) {
          announced = percent - (percent % 25);
          show(`Uploading ${name}: ${announced}%`, "saving");
        }
      });
      xhr.addEventListener("load", () => {
        bar.remove();
        let body = {};
        try {
          body = JSON.parse(xhr.responseText);
        } catch (error) {
          body = {};
        }
        const redirected = Boolean(xhr.responseURL) && !xhr.responseURL.endsWith(form.getAttribute("action"));
        if ((body.rejected_files && body.rejected_files.length) || xhr.status === 413) input.value = "";
        resolve({ response: { ok: xhr.status >= 200 && xhr.status < 300, status: xhr.status, redirected }, body });
      });
      const dropped = () => {
        bar.remove();
        resolve({
          response: { ok: false, status: 0, redirected: false },
          body: { message: `“${name}” was not uploaded: check your connection, then choose the file again.` },
        });
      };
      xhr.addEventListener("error", dropped);
      xhr.addEventListener("abort", dropped);
      show(`Uploading ${name}…`, "saving");
      xhr.send(data);
    });
  }

  window.AwardsFileUploads = { watch, post };
})();
