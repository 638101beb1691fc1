/*
 * Oncopress search worker: Material's own search worker, plus accent folding and
 * stemming that work with Material's type-ahead queries. See README, "Search in
 * each language", for why this override exists and what it changes.
 *
 * Material's worker (loaded below, unchanged) builds a lunr index from the page's
 * language index and answers queries. Two things in it defeat stemming:
 * - it removes every lunr pipeline function not named in the index's
 *   `config.pipeline` (ours names all three: trimmer, stopWordFilter, stemmer);
 * - it appends `*` to every query word for type-ahead, and lunr skips its query
 *   pipeline (stemmer included) for any word with a wildcard.
 * So this worker
 * 1. adds `foldAccents` to the index pipeline, just before the language's stemmer;
 * 2. rewrites each query word before Material sees it: lowercase, fold accents,
 *    add the language's synonyms (`config.synonyms` in the index, read into a Map:
 *    no query word may reach what a plain object inherits), stem with the
 *    same lunr stemmer the index used; lunr's own query pipeline is emptied so
 *    nothing is stemmed twice.
 * Loaded as `oncopress-search.js?material=<Material's worker file>` from the same
 * folder as Material's worker (which loads `../lunr/min/lunr.<lang>.min.js`).
 */
(function () {
  "use strict";

  var SETUP = 0, QUERY = 2; /* Material's SearchMessageType values */
  var params = new URL(self.location.href).searchParams;

  /* Fold accents (á -> a, ü -> u) but keep ñ: "año" must not become "ano". */
  function foldAccents(text) {
    return text.normalize("NFD")
      .replace(/([nN])\u0303|[\u0300-\u036f]/g, function (_, n) { return n ? n + "\u0303" : "" })
      .normalize("NFC");
  }

  /* Load Material's worker, keeping its message handler to call it ourselves. */
  var handlers = [];
  var listen = self.addEventListener;
  self.addEventListener = function (type, fn, options) {
    if (type === "message") handlers.push(fn);
    else listen.call(self, type, fn, options);
  };
  var material = params.get("material") || "";
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(material)) /* only Material's worker, next to us */
    throw new Error("oncopress-search: not Material's search worker: " + material);
  importScripts(material);
  self.addEventListener = listen;
  var lunr = self.lunr;

  function foldToken(token) {
    return token.update(foldAccents);
  }
  lunr.Pipeline.registerFunction(foldToken, "oncopress-foldAccents");

  /* Index: fold before the language's stemmer; queries arrive here already stemmed. */
  var ref = lunr.Builder.prototype.ref;
  lunr.Builder.prototype.ref = function (name) {
    var stack = this.pipeline._stack, at = stack.length;
    for (var i = 0; i < stack.length; i++)
      if (/^stemmer/.test(stack[i].label || "")) { at = i; break; }
    stack.splice(at, 0, foldToken);
    this.searchPipeline.reset();
    return ref.call(this, name);
  };

  /* The synonyms as a Map: a plain object would answer a query word such as
   * "constructor", "__proto__" or "toString" with what every object inherits. */
  var language = "en", synonyms = new Map();
  function synonymTable(table) {
    var map = new Map();
    if (!table || typeof table !== "object") return map;
    Object.keys(table).forEach(function (word) {
      var words = table[word];
      if (Array.isArray(words))
        map.set(word, words.filter(function (w) { return typeof w === "string" }));
    });
    return map;
  }
  function stemmer() {
    var stem = language === "en" ? lunr.stemmer : (lunr[language] || {}).stemmer;
    return stem || function (token) { return token };
  }
  function prepareWord(word) {
    var folded = foldAccents(word.toLowerCase());
    var words = [folded].concat(synonyms.get(folded) || []);
    var stem = stemmer();
    return words.map(function (w) {
      return stem(new lunr.Token(foldAccents(w.toLowerCase()), {})).toString();
    }).join(" ");
  }
  /* Each word of the query (field queries such as `title:x` are left alone). */
  function prepareQuery(query) {
    return query.split(/(\s+)/).map(function (part) {
      return part.indexOf(":") >= 0 ? part : part.replace(/[\p{L}\p{M}]+/gu, prepareWord);
    }).join("");
  }
  self.oncopressSearch = { foldAccents: foldAccents, prepareQuery: prepareQuery };

  listen.call(self, "message", function (event) {
    var message = event.data;
    if (message && message.type === SETUP) {
      language = message.data.config.lang[0];
      synonyms = synonymTable(message.data.config.synonyms);
    } else if (message && message.type === QUERY) {
      message = { type: QUERY, data: prepareQuery(message.data) };
    }
    for (var i = 0; i < handlers.length; i++) handlers[i]({ data: message });
  });
})();
