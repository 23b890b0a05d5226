// A question's key in the entry form editor (forms/blocks.py, QuestionKeyBlock):
// a read-only field like any other, except that a copy made with the Duplicate
// button starts without it, so the copy gets a key of its own when saved
// instead of sharing (and being refused for) the original's.
(function () {
  "use strict";

  class QuestionKeyBlockDefinition extends window.wagtailStreamField.blocks.FieldBlockDefinition {
    render(placeholder, prefix, initialState, initialError, parentCapabilities) {
      const block = super.render(placeholder, prefix, initialState, initialError, parentCapabilities);
      block.getDuplicatedState = () => "";
      return block;
    }
  }

  window.telepath.register("forms.blocks.QuestionKeyBlock", QuestionKeyBlockDefinition);
})();
