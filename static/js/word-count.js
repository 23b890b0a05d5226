// Live word counts under long answers: "152 of 300 words". Never blocks typing or pasting.
(function () {
  "use strict";

  function countWords(text) {
    const trimmed = text.trim();
    return trimmed ? trimmed.split(/\s+/).length : 0;
  }

  function message(count, min, max) {
    if (max && count > max) {
      const over = count - max;
      return `${count} of ${max} words: ${over} word${over === 1 ? "" : "s"} too many`;
    }
    if (max) return `${count} of ${max} words`;
    if (min && count < min) return `${count} words: at least ${min} needed`;
    return `${count} words`;
  }

  document.querySelectorAll("[data-word-count] textarea").forEach((textarea) => {
    const output = document.getElementById(`${textarea.id}-count`);
    if (!output) return;
    const max = parseInt(textarea.dataset.maxWords || "0", 10);
    const min = parseInt(textarea.dataset.minWords || "0", 10);
    let timer = null;
    // Screen readers hear the count once typing pauses, not on every key.
    output.setAttribute("aria-live", "polite");
    const update = () => {
      const count = countWords(textarea.value);
      output.textContent = message(count, min, max);
      output.classList.toggle("word-count__message--over", Boolean(max && count > max));
    };
    textarea.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(update, 250);
    });
    update();
  });
})();
