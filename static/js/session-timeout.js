// Warns an entrant before their session ends for want of activity.
//
// The session ends SESSION_COOKIE_AGE seconds (the idle window) after it was
// last saved. Requests (a page, an autosave) save it again only when the last
// save is a few minutes old; "Stay signed in" always does
// (accounts/session_refresh.py). <body data-session-expires-in="7140"> says how
// long this page's session really has left (accounts/context_processors.py).
// Each save also sets the cookie "session_activity" ("<time of the save in
// ms>-<idle window in s>"): when it changes after an autosave, that save pushed
// the end back. On a page with an entry form, five minutes before the end, a
// warning offers "Stay signed in", which posts to /accounts/keep-alive/. Tabs
// share the end they know of through localStorage, so a busy tab keeps a quiet
// one from warning for nothing.
(function () {
  "use strict";

  const seconds = Number(document.body.dataset.sessionExpiresIn);
  if (!seconds || seconds <= 0) return;

  const KEEP_ALIVE_URL = "/accounts/keep-alive/";
  const SHARED_KEY = "awards:session-expires-at";
  const ACTIVITY_COOKIE = "session_activity";

  // The last save of the session, as the server said in its cookie ("" if none).
  const lastSave = () => {
    const pair = document.cookie.split("; ").find((c) => c.startsWith(`${ACTIVITY_COOKIE}=`));
    return pair ? pair.slice(ACTIVITY_COOKIE.length + 1) : "";
  };
  let seenSave = lastSave();
  const windowSeconds = Number(seenSave.split("-")[1]);

  const WINDOW_MS = (windowSeconds > 0 ? windowSeconds : seconds) * 1000;
  const WARN_MS = Math.min(5 * 60 * 1000, WINDOW_MS / 2);

  let expiresAt = Date.now() + seconds * 1000;
  let timer = null;
  let box = null;
  let returnFocusTo = null;
  let dismissedFor = null; // the expiry the entrant dismissed the warning for

  const share = (at) => {
    try {
      window.localStorage.setItem(SHARED_KEY, String(at));
    } catch (error) {
      // Storage may be off; each tab then keeps its own time.
    }
  };
  share(expiresAt);

  const forms = document.querySelectorAll("form[data-autosave]");
  if (!forms.length) {
    // Not an entry page: only tell other tabs that the session is fresh.
    return;
  }

  const minutes = (ms) => {
    const n = Math.max(1, Math.ceil(ms / 60000));
    return `${n} minute${n === 1 ? "" : "s"}`;
  };
  const duration = (ms) => {
    const hours = ms / 3600000;
    if (hours >= 1 && Number.isInteger(hours)) return `${hours} hour${hours === 1 ? "" : "s"}`;
    return minutes(ms);
  };

  // .button sets display, which would beat the hidden attribute alone.
  const setShown = (element, shown) => {
    element.hidden = !shown;
    element.style.display = shown ? "" : "none";
  };

  const csrfToken = () => {
    const input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  };

  const announcer = document.createElement("p");
  announcer.className = "visually-hidden";
  announcer.setAttribute("role", "status");
  document.body.appendChild(announcer);

  function buildBox() {
    box = document.createElement("div");
    box.className = "notice notice--warning session-timeout";
    box.id = "session-timeout";
    box.setAttribute("role", "alertdialog");
    box.setAttribute("aria-labelledby", "session-timeout-title");
    box.setAttribute("aria-describedby", "session-timeout-message");
    box.tabIndex = -1;
    Object.assign(box.style, {
      position: "fixed",
      top: "1rem",
      left: "1rem",
      right: "1rem",
      maxWidth: "40rem",
      margin: "0 auto",
      zIndex: "20",
      boxShadow: "0 4px 16px rgba(20, 33, 61, 0.25)",
    });

    const title = document.createElement("p");
    title.id = "session-timeout-title";
    const strong = document.createElement("strong");
    title.appendChild(strong);
    const message = document.createElement("p");
    message.id = "session-timeout-message";

    const actions = document.createElement("div");
    actions.className = "button-group";
    const stay = document.createElement("button");
    stay.type = "button";
    stay.className = "button";
    stay.textContent = "Stay signed in";
    stay.dataset.sessionStay = "";
    const dismiss = document.createElement("button");
    dismiss.type = "button";
    dismiss.className = "button button--secondary";
    dismiss.textContent = "Dismiss";
    const signIn = document.createElement("a");
    signIn.className = "button";
    signIn.href = `/accounts/login/?next=${encodeURIComponent(location.pathname)}`;
    signIn.textContent = "Sign in again";
    setShown(signIn, false);
    actions.append(stay, signIn, dismiss);

    box.append(title, message, actions);
    document.body.appendChild(box);

    stay.addEventListener("click", keepAlive);
    dismiss.addEventListener("click", () => {
      dismissedFor = expiresAt;
      hide();
    });
    box.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        dismissedFor = expiresAt;
        hide();
      }
    });
    box.parts = { strong, message, stay, signIn };
    setShown(box, false);
  }

  function show(state) {
    if (!box) buildBox();
    const { strong, message, stay, signIn } = box.parts;
    if (state === "expired") {
      strong.textContent = "You have been signed out";
      message.textContent =
        `You have been signed out because you have not been active for ${duration(WINDOW_MS)}. ` +
        "Your answers were saved up to your last save. Sign in again to carry on.";
      setShown(stay, false);
      setShown(signIn, true);
    } else {
      strong.textContent = "You will be signed out soon";
      message.textContent =
        `You will be signed out in ${minutes(expiresAt - Date.now())} because you have not been active. ` +
        "Your answers are saved.";
      setShown(stay, true);
      setShown(signIn, false);
    }
    const wasHidden = box.hidden;
    box.dataset.state = state;
    setShown(box, true);
    if (wasHidden) {
      returnFocusTo = document.activeElement;
      box.focus();
    }
  }

  function hide() {
    if (!box || box.hidden) return;
    setShown(box, false);
    if (returnFocusTo && document.contains(returnFocusTo)) returnFocusTo.focus();
    returnFocusTo = null;
  }

  function check() {
    clearTimeout(timer);
    const left = expiresAt - Date.now();
    if (left <= 0) {
      show("expired");
      return;
    }
    if (left <= WARN_MS) {
      if (dismissedFor !== expiresAt) show("warning");
      // Update the minutes shown, and turn into "signed out" at the end.
      timer = setTimeout(check, Math.min(left, 30 * 1000));
      return;
    }
    timer = setTimeout(check, left - WARN_MS);
  }

  // The session now ends at `until` (a later end than the one we knew of).
  function extendTo(until, { fromOtherTab = false } = {}) {
    if (until <= expiresAt) return;
    if (box && box.dataset.state === "expired") return; // too late: sign in again
    expiresAt = until;
    if (!fromOtherTab) share(until);
    hide();
    check();
  }

  // The server saved the session at `at`: it runs for the whole window from then.
  function extend(at) {
    extendTo(at + WINDOW_MS);
  }

  async function keepAlive() {
    const { message } = box.parts;
    try {
      const response = await fetch(KEEP_ALIVE_URL, {
        method: "POST",
        headers: { "X-CSRFToken": csrfToken(), "X-Requested-With": "fetch" },
        credentials: "same-origin",
      });
      if (response.status === 204) {
        seenSave = lastSave();
        extend(Date.now());
        announcer.textContent = "You are still signed in.";
      } else {
        expiresAt = Date.now();
        show("expired");
      }
    } catch (error) {
      message.textContent =
        "We could not reach the website. Check your internet connection, then press “Stay signed in” again.";
    }
  }

  // Autosave talks to the server too: a save (or a refused stale save) starts the
  // window again if the server saved the session then (its cookie says so).
  document.querySelectorAll("[data-save-status]").forEach((status) => {
    new MutationObserver(() => {
      const state = status.dataset.state;
      if (state !== "saved" && state !== "conflict") return;
      const save = lastSave();
      if (save && save !== seenSave) {
        seenSave = save;
        extend(Date.now());
      }
    }).observe(status, { attributes: true, attributeFilter: ["data-state"] });
  });

  window.addEventListener("storage", (event) => {
    if (event.key === SHARED_KEY && event.newValue) {
      extendTo(Number(event.newValue), { fromOtherTab: true });
    }
  });
  // Timers sleep in background tabs; look again when the page is seen.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") check();
  });

  check();
})();
