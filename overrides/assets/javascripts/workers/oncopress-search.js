/*
 * Oncopress search worker: answers Material's search box from Pagefind's index
 * (guides/developers.md, "Search"; oncopress.search.pagefind builds the index).
 *
 * Material's page script talks to its search worker with four messages (SETUP with
 * the language's settings, READY, QUERY with the typed text, RESULT with the items
 * to show); this worker speaks the same messages, so the search box, its dialog, its
 * keyboard use and its wording stay Material's own. The index is Pagefind's
 * (one bundle per language, `pagefind/` and `es/pagefind/`): a query fetches only the
 * chunks holding its words and the fragments of the results shown.
 *
 * On top of Pagefind (which stems English and Spanish and folds accents):
 * - each query word is searched on its own, with its synonyms (`config.synonyms`, read
 *   into a Map: no query word may reach what a plain object inherits); a page ranks by
 *   how many of the words it has, then by Pagefind's score, so a question typed in
 *   full still finds the pages that have most of its words;
 * - stop words (`config.stopwords`) are searched only when the query has nothing else;
 * - a query is searched at once when no other is running or waiting; one typed while
 *   another runs waits until no key has come for DEBOUNCE ms, and only the latest one
 *   typed is searched and answered: a query typed over stops between its words' searches;
 * - a query of one character is not searched (every word with that letter would be)
 *   and gets no answer: the dialog keeps "Type to start searching" (or the results
 *   of the longer query the letter began); a one-letter word beside longer ones is
 *   left out;
 * - each word's search is kept (Pagefind keeps the chunks and fragments it fetched),
 *   so a query that adds a word or a letter searches only what is new;
 * - Pagefind (its script, WebAssembly and the language's index entry) loads for the
 *   page's language (`lang` in the worker's URL) on WARM, which the page sends when
 *   the visitor opens or focuses the search (overrides/main.html), or on the first
 *   query: a visitor who never searches fetches nothing of it. On WARM, a throwaway
 *   search for a word past the index's last one (WARMUP: it fetches only the index's
 *   last chunk, a few hundred bytes, and finds nothing) pays Pagefind's first-search
 *   costs (its word segmenter, the WebAssembly's first search) before the first key.
 */
(function () {
  "use strict";

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3; /* Material's SearchMessageType */
  var WARM = "oncopress-warm"; /* ours, from overrides/main.html: load Pagefind now */
  var LIMIT = 10; /* results shown: the best pages */
  var DEBOUNCE = 50; /* ms without a key before a query typed during another is searched */
  var WARMUP = "zzzzzz"; /* a word after every word of the index: see WARM */
  var KEPT = 200; /* words whose search is kept */
  /* The page's language and its Pagefind bundle (`pagefind/`, `es/pagefind/`), from
   * the site's root; the worker is in <root>/assets/javascripts/workers/. */
  var params = new URL(self.location.href).searchParams;
  var language = params.get("lang") || "en";
  var index = params.get("index") || "";
  if (!/^([a-z]{2,3}(-[a-zA-Z0-9]+)*\/)?pagefind\/$/.test(index)) index = "pagefind/";
  var BUNDLE = new URL("../../../" + index, self.location.href).href;

  var synonyms = new Map(), stopwords = new Set();
  var loading = null, waiting = null, busy = false, typed = 0;
  var searched = new Map(); /* word -> Pagefind's results for it, the latest last */

  /* Fold accents (á -> a, ü -> u) but keep ñ, as oncopress.search.indexes.fold_accents. */
  function foldAccents(text) {
    return text.normalize("NFD")
      .replace(/([nN])\u0303|[\u0300-\u036f]/g, function (_, n) { return n ? n + "\u0303" : "" })
      .normalize("NFC");
  }

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

  /* The query's words, lowercase; stop words only if there is nothing else; words of
   * one character only if there is nothing else (then the query is not searched). */
  function queryWords(query) {
    var words = query.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) || [];
    var kept = words.filter(function (w) { return !stopwords.has(foldAccents(w)) });
    words = kept.length ? kept : words;
    var long = words.filter(function (w) { return Array.from(w).length > 1 });
    return long.length ? long : words;
  }

  /* A query word and its synonyms (a Map: a word such as "constructor" or "__proto__"
   * is an ordinary word, never a key an object inherits). */
  function variantsOf(word) {
    return [word].concat(synonyms.get(foldAccents(word)) || []);
  }

  /* Pagefind's results for one word, kept for the next queries. */
  async function searchWord(module, word) {
    var found = searched.get(word);
    if (found === undefined) {
      var answer = await module.search(word);
      found = answer ? answer.results : [];
      if (searched.size >= KEPT) searched.delete(searched.keys().next().value);
    } else {
      searched.delete(word);
    }
    searched.set(word, found);
    return found;
  }

  /* Pagefind, for this language. It reads the language from the page's <html lang>
   * (for its word segmenter), and a worker has no page: a stand-in document tells it
   * the language while it starts. */
  function pagefind() {
    if (!loading) loading = (async function () {
      self.document = { querySelector: function () {
        return { getAttribute: function () { return language } };
      } };
      try {
        var module = await import(BUNDLE + "pagefind.js");
        await module.options({ basePath: BUNDLE });
        await module.init();
        return module;
      } finally {
        delete self.document;
      }
    })();
    return loading;
  }

  function escapeHTML(text) {
    return String(text).replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }

  /* Pages found for `words`: per page, Pagefind's result and its best score per word
   * (null as soon as another query waits). */
  async function pagesFor(module, words) {
    var pages = new Map();
    for (var position = 0; position < words.length; position++) {
      var word = words[position];
      var variants = variantsOf(word);
      for (var i = 0; i < variants.length; i++) {
        if (waiting !== null) return null;
        (await searchWord(module, variants[i])).forEach(function (result) {
          var page = pages.get(result.id) || { result: result, scores: new Map() };
          page.scores.set(position, Math.max(page.scores.get(position) || 0, result.score));
          pages.set(result.id, page);
        });
      }
    }
    return Array.from(pages.values()).map(function (page) {
      var total = 0;
      page.scores.forEach(function (score) { total += score });
      return { result: page.result, found: page.scores.size, score: total };
    }).sort(function (a, b) { return b.found - a.found || b.score - a.score });
  }

  /* One result in Material's form: the page, then its sections (those with all of the
   * page's matches shown first, the others under "more on this page"). */
  function item(data, score, terms) {
    var matches = (data.locations || []).length || 1;
    var group = [{
      location: data.url, title: escapeHTML(data.meta.title || data.url),
      text: data.excerpt, score: score, terms: terms
    }];
    (data.sub_results || []).forEach(function (section) {
      if (section.url === data.url) return;
      group.push({
        location: section.url, title: escapeHTML(section.title), text: section.excerpt,
        score: score * (section.locations || []).length / matches, terms: terms
      });
    });
    return group;
  }

  /* The answer to `query`: Material's RESULT data, or null for no answer (a query of
   * one character, or one typed over). */
  async function search(query) {
    var words = queryWords(query);
    if (!words.length) return { items: [] };
    if (words.every(function (w) { return Array.from(w).length < 2 })) return null;
    var module = await pagefind();
    var pages = await pagesFor(module, words);
    if (pages === null || waiting !== null) return null;
    var best = pages.slice(0, LIMIT);
    var data = await Promise.all(best.map(function (page) { return page.result.data() }));
    var terms = {};
    words.forEach(function (word) { terms[foldAccents(word)] = true });
    return {
      items: data.map(function (d, i) { return item(d, best[i].score || 1, terms) })
    };
  }

  function sleep(ms) { return new Promise(function (done) { setTimeout(done, ms) }) }

  self.oncopressSearch = { foldAccents: foldAccents, queryWords: queryWords, variantsOf: variantsOf };

  addEventListener("message", async function (event) {
    var message = event.data;
    if (message && message.type === SETUP) {
      var config = message.data.config || {};
      synonyms = synonymTable(config.synonyms);
      stopwords = new Set(config.stopwords || []);
      postMessage({ type: READY });
    } else if (message && message.type === WARM) {
      pagefind().then(function (module) { return module.search(WARMUP) })
        .catch(function (error) { console.warn("Search index not loaded:", error) });
    } else if (message && message.type === QUERY) {
      waiting = String(message.data);
      typed = Date.now();
      if (busy) return;
      busy = true;
      for (var first = true; waiting !== null; first = false) {
        while (!first && waiting && Date.now() - typed < DEBOUNCE)
          await sleep(DEBOUNCE - (Date.now() - typed));
        var query = waiting, result;
        waiting = null;
        try {
          result = await search(query);
        } catch (error) {
          console.warn("Search failed:", error);
          result = { items: [] };
        }
        if (result && waiting === null) postMessage({ type: RESULT, data: result });
      }
      busy = false;
    }
  });
})();
