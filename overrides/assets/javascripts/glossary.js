/* The glossary's definitions (src/oncopress/glossary/markdown_ext.py writes the markup):
   a tap, a click, Enter or Space on a marked word shows its definition, and again hides
   it; Escape, or a tap elsewhere, hides it. The definition is also the word's
   accessible description, so screen readers say it without opening anything. */
(function () {
  "use strict";
  function definitionOf(button) {
    return document.getElementById(button.getAttribute("aria-describedby"));
  }
  function show(button, open) {
    var note = definitionOf(button);
    if (!note) return;
    button.setAttribute("aria-expanded", open ? "true" : "false");
    note.hidden = !open;
    if (open) fit(note);
  }
  function fit(note) {  // keep an open definition inside the screen's width
    note.style.left = "";
    var rect = note.getBoundingClientRect();
    var right = document.documentElement.clientWidth - 8, shift = 0;
    if (rect.right > right) shift = right - rect.right;
    if (rect.left + shift < 8) shift = 8 - rect.left;
    if (shift) note.style.left = shift + "px";
  }
  function openButtons() {
    return document.querySelectorAll('.glossary__term[aria-expanded="true"]');
  }
  function closeAll(except) {
    Array.prototype.forEach.call(openButtons(), function (button) {
      if (button !== except) show(button, false);
    });
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".glossary__term");
    closeAll(button);
    if (button) show(button, button.getAttribute("aria-expanded") !== "true");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !openButtons().length) return;
    closeAll(null);
    event.stopPropagation();
  }, true);
})();
