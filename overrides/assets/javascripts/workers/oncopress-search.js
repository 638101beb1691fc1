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
 * - one query is searched at a time, and then only the latest one typed: the queries
 *   typed over meanwhile are dropped;
 * - Pagefind starts loading as soon as the worker does, for the page's language (`lang`
 *   in the worker's URL), before Material's first message.
 */
(function () {
  "use strict";

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3; /* Material's SearchMessageType */
  var LIMIT = 10; /* results shown: the best pages */
  /* The page's language and its Pagefind bundle (`pagefind/`, `es/pagefind/`), from
   * the site's root; the worker is in <root>/assets/javascripts/workers/. */
  var params = new URL(self.location.href).searchParams;
  var language = params.get("lang") || "en";
  var index = params.get("index") || "";
  if (!/^([a-z]{2,3}(-[a-zA-Z0-9]+)*\/)?pagefind\/$/.test(index)) index = "pagefind/";
  var BUNDLE = new URL("../../../" + index, self.location.href).href;

  var synonyms = new Map(), stopwords = new Set();
  var loading = null, waiting = null, busy = false;

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

  /* The query's words, lowercase; stop words only if there is nothing else. */
  function queryWords(query) {
    var typed = query.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) || [];
    var kept = typed.filter(function (w) { return !stopwords.has(foldAccents(w)) });
    return kept.length ? kept : typed;
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
      var variants = [word].concat(synonyms.get(foldAccents(word)) || []);
      for (var i = 0; i < variants.length; i++) {
        if (waiting !== null) return null;
        var found = await module.search(variants[i]);
        (found ? found.results : []).forEach(function (result) {
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

  async function search(query) {
    var words = queryWords(query);
    if (!words.length) return { items: [] };
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

  self.oncopressSearch = { foldAccents: foldAccents, queryWords: queryWords };

  addEventListener("message", async function (event) {
    var message = event.data;
    if (message && message.type === SETUP) {
      var config = message.data.config || {};
      synonyms = synonymTable(config.synonyms);
      stopwords = new Set(config.stopwords || []);
      postMessage({ type: READY });
    } else if (message && message.type === QUERY) {
      waiting = String(message.data);
      if (busy) return;
      busy = true;
      while (waiting !== null) {
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

  pagefind().catch(function (error) { console.warn("Search index not loaded:", error) });
})();
