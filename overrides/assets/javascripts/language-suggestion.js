/* The language suggestion (partials/language-suggestion.html writes it inline, right
   after the bars, so a bar shows before the page is first painted and moves nothing).
   Shows the bar of the first language of the site the browser prefers, unless that is
   the page's own language or the visitor already chose: dismissed a bar, followed one,
   or picked a language in the header. The choice stays in this browser only. */
(function () {
  var KEY = "oncopress.language";
  var page = document.documentElement.lang;
  var bars = document.querySelectorAll("[data-language-suggestion]");

  function remember(language) {
    try {
      localStorage.setItem(KEY, language);
    } catch (error) {} /* storage refused: the bar comes back on the next page */
  }

  function chosen() {
    try {
      return localStorage.getItem(KEY) !== null;
    } catch (error) {
      return false;
    }
  }

  function primary(tag) {
    return String(tag).toLowerCase().split("-")[0];
  }

  function wanted() {
    var preferred = navigator.languages || [navigator.language];
    for (var i = 0; i < preferred.length; i++) {
      var language = primary(preferred[i]);
      if (language === primary(page)) return null;
      for (var j = 0; j < bars.length; j++) {
        if (primary(bars[j].getAttribute("data-language-suggestion")) === language) {
          return bars[j];
        }
      }
    }
    return null;
  }

  function show(bar) {
    var button = bar.querySelector("button");
    bar.hidden = false;
    button.addEventListener("click", function () {
      var focused = document.activeElement === button;
      remember(page);
      bar.hidden = true;
      var switcher = document.querySelector("a.site-header-links__lang");
      if (focused && switcher) switcher.focus(); /* the button is gone: focus its neighbour */
    });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(
      "a.site-header-links__lang, [data-language-suggestion] a"
    );
    if (link) remember(link.getAttribute("hreflang"));
  });
  if (bars.length && !chosen()) {
    var bar = wanted();
    if (bar) show(bar);
  }
})();
