// When another tab, device or person changed the same answer: each answer that differs,
// both texts with who wrote the other, and the person's choice. Texts are set as text, never as HTML.
(function () {
  "use strict";

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function text(source, body) {
    const block = element("div", "conflict__text");
    block.append(element("p", "conflict__source", source), element("div", "conflict__body", body || "(no answer)"));
    return block;
  }

  function button(label, className, action) {
    const node = element("button", className, label);
    node.type = "button";
    node.addEventListener("click", action);
    return node;
  }

  function show(panel, reply, actions) {
    const differences = reply.differences || [];
    const people = (reply.by || []).join(" and ");
    panel.replaceChildren(
      element(
        "h3",
        "conflict__heading",
        people ? `${people} changed the same answer` : "This entry was changed in another tab or device",
      ),
      element(
        "p",
        "",
        `It was saved ${people ? `by ${people} ` : "there "}at ${reply.saved_at}. What you typed here since has not been saved. ` +
          (differences.length ? "These answers differ:" : "Choose which version to keep."),
      ),
    );
    for (const difference of differences) {
      const answer = element("div", "conflict__answer");
      const texts = element("div", "conflict__texts");
      const source = difference.by ? `Saved by ${difference.by}` : "Saved in the other tab or device";
      texts.append(text(source, difference.saved), text("Yours, on this page", difference.yours));
      answer.append(element("h4", "conflict__label", difference.label), texts);
      panel.append(answer);
    }
    const choices = element("div", "button-group");
    choices.append(
      button("Keep this version", "button", () => {
        panel.hidden = true;
        actions.keepMine();
      }),
      button("Use the other version", "button button--secondary", () => {
        panel.hidden = true;
        actions.useTheirs();
      }),
    );
    panel.append(choices);
    panel.hidden = false;
    panel.scrollIntoView({ block: "nearest" });
  }

  // Taken off the team while typing: the text is shown back, to copy, never dropped.
  function showRemoved(panel, reply) {
    panel.replaceChildren(element("h3", "conflict__heading", "Your changes were not saved"), element("p", "", reply.message));
    for (const answer of reply.yours || []) {
      const block = element("div", "conflict__answer");
      block.append(element("h4", "conflict__label", answer.label), element("div", "conflict__body", answer.text));
      panel.append(block);
    }
    panel.hidden = false;
    panel.scrollIntoView({ block: "nearest" });
  }

  window.AwardsConflict = { show, showRemoved };
})();
