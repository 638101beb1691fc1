/*
 * Oncopress search worker: answers Material's search box from the site's own index,
 * split into shards (guides/developers.md, "Search"; oncopress.search.shards builds it).
 *
 * Material's page script talks to its search worker with four messages (SETUP with
 * the language's settings, READY, QUERY with the typed text, RESULT with the items
 * to show); this worker speaks the same messages, so the search box, its dialog, its
 * keyboard use and its wording stay Material's own. Each language has its index in its
 * folder (`search/`, `es/search/`, named in the worker's URL): a query fetches the shard
 * of each word typed (`shards/<key>.json`: the words that start with the key, their
 * stems, and each stem's pages with their scores) and the files of the pages it shows
 * (`pages/<n>.json`), whatever the size of the site.
 *
 * - A query word is folded (`foldAccents`, as oncopress.search.indexes.fold_accents)
 *   and stemmed with the language's Snowball stemmer (`stemmers/<algorithm>.js`, the
 *   same algorithm and release as the build's); a word the shard has is looked up by
 *   the stem the build gave it; the words that start with it, or whose stem starts
 *   with its stem, match too (they count PREFIX times as much), so the results come
 *   while a word is being typed, and "enfermeras" finds "enfermería";
 * - each query word is searched with its synonyms (`config.synonyms`, read into a Map:
 *   no query word may reach what a plain object inherits); a page ranks by how many of
 *   the words it has, then by its score (the build's BM25 score of its best variant,
 *   summed over the words), so a question typed in full still finds the pages that
 *   have most of its words;
 * - stop words (`config.stopwords`) are searched only when the query has nothing else;
 * - the page sends the box's text as it changes (TYPED, overrides/main.html), before
 *   Material's QUERY for it, which comes when the key is released; a QUERY for the text
 *   last typed, within ECHO ms, is not searched again;
 * - a query is searched at once when no other is running or waiting; one typed while
 *   another runs waits until no key has come for DEBOUNCE ms, and only the latest one
 *   typed is searched and answered;
 * - a query of one character is searched as the start of a word, as any word typed so
 *   far: its shard's words that start with it, or, where the letter's words were
 *   split into shards of two letters, the best pages of them that the letter's own
 *   shard keeps; a one-letter word beside longer ones is left out;
 * - the stemmer loads on WARM, which the page sends when the visitor opens or focuses
 *   the search (overrides/main.html), or on the first query: a visitor who never
 *   searches fetches nothing of the index. Shards and page files fetched are kept.
 */
(function () {
  "use strict";

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3; /* Material's SearchMessageType */
  var WARM = "oncopress-warm"; /* ours, from overrides/main.html: load the stemmer now */
  var TYPED = "oncopress-query"; /* ours, from overrides/main.html: the box's text changed */
  var ECHO = 2000; /* ms within which Material's QUERY for the text last typed is not searched again */
  var LIMIT = 10; /* results shown: the best pages */
  var DEBOUNCE = 50; /* ms without a key before a query typed during another is searched */
  var PREFIX = 0.6; /* a word that only starts with the query word counts this much */
  var WINDOW = 220; /* characters of a section's text shown around its first match */
  /* The page's language and its index (`search/`, `es/search/`), from the site's root;
   * the worker is in <root>/assets/javascripts/workers/. */
  var params = new URL(self.location.href).searchParams;
  var language = params.get("lang") || "en";
  var folder = params.get("index") || "";
  if (!/^([a-z]{2,3}(-[a-zA-Z0-9]+)*\/)?search\/$/.test(folder)) folder = "search/";
  var INDEX = new URL("../../../" + folder, self.location.href).href;

  var synonyms = new Map(), stopwords = new Set(), split = new Set();
  var version = "", algorithm = "";
  var stemmer = null, stemmerLoading = null;
  var shards = new Map(), pages = new Map(); /* key or page -> its promise */
  var waiting = null, busy = false, typed = 0, warm = false;
  var lastTyped = null, lastTypedAt = 0; /* the text of the last TYPED message, and when */

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
   * one character only if there is nothing else. */
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

  /* The language's stemmer, or null (a language without one is searched by words). */
  function loadStemmer() {
    if (!stemmerLoading) stemmerLoading = (async function () {
      if (!/^[a-z_]+$/.test(algorithm)) return null;
      try {
        var url = new URL("stemmers/" + algorithm + ".js", self.location.href);
        url.search = "?v=" + encodeURIComponent(params.get("v") || "");
        var module = await import(url.href);
        stemmer = new module.default();
      } catch (error) {
        console.warn("Search stemmer not loaded:", error);
      }
      return stemmer;
    })();
    return stemmerLoading;
  }

  function stem(word) {
    return (stemmer && stemmer.stemWord(word)) || word;
  }

  /* The shard of `word`: its first character, one more per split prefix, as
   * oncopress.search.shards.shard_key. */
  function keyOf(word, prefixes) {
    var chars = Array.from(word), length = 1, splitting = prefixes || split;
    while (chars.length > length && splitting.has(chars.slice(0, length).join(""))) length++;
    return chars.slice(0, length).join("");
  }

  function hex(key) {
    return Array.from(new TextEncoder().encode(key), function (b) {
      return b.toString(16).padStart(2, "0");
    }).join("");
  }

  /* `load()`'s promise, kept in `cache` under `key` until it fails. */
  function cached(cache, key, load) {
    var found = cache.get(key);
    if (!found) {
      found = load();
      found.catch(function () { cache.delete(key) });
      cache.set(key, found);
    }
    return found;
  }

  function fetchJSON(path) {
    return fetch(INDEX + path + "?v=" + version).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + path);
      return response.json();
    });
  }

  /* Postings written by oncopress.search.shards.encode_postings: per page, its distance
   * from the previous page, its score, its number of sections and its sections, each
   * number 5 bits a character, lowest first, the last character from LAST. */
  var LAST = "0123456789abcdefghijklmnopqrstuv", MORE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ-_.~:;";
  var DIGITS = new Int8Array(128).fill(-1); /* character -> its 5 bits, +32 in MORE */
  for (var d = 0; d < 32; d++) {
    DIGITS[LAST.charCodeAt(d)] = d;
    DIGITS[MORE.charCodeAt(d)] = 32 + d;
  }
  function decodePostings(text) {
    var entries = [], page = 0, entry = null, field = 0, left = 0, value = 0, scale = 1;
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i), digit = code < 128 ? DIGITS[code] : -1;
      if (digit < 0) return [];
      if (digit >= 32) { value += (digit - 32) * scale; scale *= 32; continue }
      value += digit * scale;
      if (field === 0) { page += value; entry = [page]; field = 1 }
      else if (field === 1) { entry.push(value); field = 2 }
      else if (field === 2) { left = value; field = left ? 3 : 0; if (!left) entries.push(entry) }
      else { entry.push(value); if (!--left) { entries.push(entry); field = 0 } }
      value = 0;
      scale = 1;
    }
    return field === 0 ? entries : [];
  }

  /* A shard, its words and stems read into Maps; an empty one if the index has none. */
  function shard(key) {
    return cached(shards, key, function () {
      return fetchJSON("shards/" + hex(key) + ".json").then(function (data) {
        return {
          words: new Map(Object.entries(data.w || {})),
          stems: new Map(Object.entries(data.p || {})),
          prefixed: typeof data.x === "string" ? decodePostings(data.x) : null,
          decoded: new Map()
        };
      }, function (error) {
        if (!/^404 /.test(error.message)) throw error;
        return { words: new Map(), stems: new Map(), prefixed: null, decoded: new Map() };
      });
    });
  }

  /* A stem's pages in `holder` (its shard), read once per visit; null if it has none. */
  function postingsOf(holder, stemmed) {
    var entries = holder.decoded.get(stemmed);
    if (entries === undefined) {
      var text = holder.stems.get(stemmed);
      entries = typeof text === "string" ? decodePostings(text) : null;
      holder.decoded.set(stemmed, entries);
    }
    return entries;
  }

  /* What one query word (a variant) matches: stem -> weight (1 for the word or its
   * stem, PREFIX for words it begins), and the site's words to mark in the results. */
  async function matchesOf(variant) {
    var word = foldAccents(variant.toLowerCase());
    var stemmed = stem(word);
    var home = await shard(keyOf(word));
    var found = new Map(), marks = new Set();
    if (home.words.has(word)) found.set(home.words.get(word), 1);
    found.set(stemmed, 1);
    home.words.forEach(function (wordStem, known) {
      if (!found.has(wordStem) && (known.startsWith(word) || wordStem.startsWith(stemmed)))
        found.set(wordStem, PREFIX);
    });
    var holders = await Promise.all(Array.from(found.keys(), function (s) { return shard(keyOf(s)) }));
    var postings = new Map();
    Array.from(found.keys()).forEach(function (s, i) {
      var entries = postingsOf(holders[i], s);
      if (entries) postings.set(s, { weight: found.get(s), entries: entries });
    });
    home.words.forEach(function (wordStem, known) {
      if (postings.has(wordStem)) marks.add(known);
    });
    /* A word typed so far that is a split prefix ("p", "pr"): the shard of the words
     * that start with it is not known yet; its own shard has their best pages. */
    if (home.prefixed && split.has(word)) postings.set("", { weight: PREFIX, entries: home.prefixed });
    marks.add(word);
    return { postings: postings, marks: marks, prefix: word };
  }

  /* Pages found for `words`: per page, its best score per word and its sections with a
   * match (null as soon as another query waits). */
  async function pagesFor(words) {
    var variants = words.map(variantsOf);
    var matched = await Promise.all(variants.map(function (list) {
      return Promise.all(list.map(matchesOf));
    }));
    if (waiting !== null) return null;
    var found = new Map(), marks = new Set(), prefixes = [];
    matched.forEach(function (list, position) {
      list.forEach(function (match) {
        match.marks.forEach(function (m) { marks.add(m) });
        prefixes.push(match.prefix);
        match.postings.forEach(function (posting) {
          var weight = posting.weight, entries = posting.entries;
          for (var e = 0; e < entries.length; e++) {
            var entry = entries[e], page = found.get(entry[0]);
            if (!page) found.set(entry[0], page = { number: entry[0], scores: [], hits: [] });
            var score = entry[1] * weight;
            if (!(page.scores[position] >= score)) page.scores[position] = score;
            if (entry.length > 2) page.hits.push(position, entry);
          }
        });
      });
    });
    var ranked = Array.from(found.values(), function (page) {
      var total = 0, words = 0;
      page.scores.forEach(function (score) { total += score; words++ });
      return { number: page.number, found: words, score: total, hits: page.hits };
    }).sort(function (a, b) { return b.found - a.found || b.score - a.score || a.number - b.number });
    return { ranked: ranked, marks: marks, prefixes: prefixes };
  }

  /* A page's sections with a match: section -> the positions of the words it has. */
  function sectionsOf(page) {
    var sections = new Map();
    for (var h = 0; h < page.hits.length; h += 2) {
      var position = page.hits[h], entry = page.hits[h + 1];
      for (var i = 2; i < entry.length; i++) {
        var words = sections.get(entry[i]) || new Set();
        words.add(position);
        sections.set(entry[i], words);
      }
    }
    return sections;
  }

  function escapeHTML(text) {
    return String(text).replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }

  /* A word of the text to mark: one the query matched, or one that starts with a
   * query word (the word being typed). */
  function marked(token, found) {
    var word = foldAccents(token.toLowerCase());
    return found.marks.has(word) || found.prefixes.some(function (p) { return word.startsWith(p) });
  }

  /* `text` as HTML, the matched words in <mark>, from a little before the first one. */
  function excerpt(text, found) {
    var tokens = Array.from(text.matchAll(/[\p{L}\p{M}\p{N}]+/gu));
    var first = tokens.find(function (t) { return marked(t[0], found) });
    var start = 0;
    if (first && first.index > WINDOW / 2) {
      start = text.lastIndexOf(" ", first.index - WINDOW / 4);
      start = start < 0 ? 0 : start + 1;
    }
    var end = Math.min(text.length, start + WINDOW);
    if (end < text.length) {
      var space = text.lastIndexOf(" ", end);
      end = space > start ? space : end;
    }
    var html = "", at = start;
    tokens.forEach(function (t) {
      if (t.index < start || t.index + t[0].length > end || !marked(t[0], found)) return;
      html += escapeHTML(text.slice(at, t.index)) + "<mark>" + escapeHTML(t[0]) + "</mark>";
      at = t.index + t[0].length;
    });
    html += escapeHTML(text.slice(at, end));
    return (start > 0 ? "… " : "") + html + (end < text.length ? " …" : "");
  }

  /* One result in Material's form: the page, then its sections with a match (those
   * with every word found on the page first, the others under "more on this page"). */
  function item(record, page, found, terms) {
    var sections = record.s || [];
    page.sections = sectionsOf(page);
    var numbers = Array.from(page.sections.keys()).sort(function (a, b) { return a - b });
    var own = sections[0] || ["", "", ""];
    var shown = page.sections.has(0) || !numbers.length ? own : sections[numbers[0]] || own;
    var words = page.found || 1;
    var group = [{
      location: record.l, title: escapeHTML(record.t || record.l),
      text: excerpt(String(shown[2] || ""), found), score: page.score, terms: terms
    }];
    numbers.forEach(function (n) {
      var section = sections[n];
      if (!n || !section || !section[1]) return;
      group.push({
        location: record.l + "#" + section[1], title: escapeHTML(section[0]),
        text: excerpt(String(section[2] || ""), found),
        score: page.score * page.sections.get(n).size / words, terms: terms
      });
    });
    return group;
  }

  /* The answer to `query`: Material's RESULT data, or null for no answer (a query
   * typed over). */
  async function search(query) {
    var words = queryWords(query);
    if (!words.length) return { items: [] };
    await loadStemmer();
    var found = await pagesFor(words);
    if (found === null || waiting !== null) return null;
    var best = found.ranked.slice(0, LIMIT);
    var records = await Promise.all(best.map(function (page) {
      return cached(pages, page.number, function () {
        return fetchJSON("pages/" + page.number + ".json");
      });
    }));
    var terms = {};
    words.forEach(function (word) { terms[foldAccents(word)] = true });
    return {
      items: records.map(function (record, i) { return item(record, best[i], found, terms) })
    };
  }

  function sleep(ms) { return new Promise(function (done) { setTimeout(done, ms) }) }

  self.oncopressSearch = {
    foldAccents: foldAccents, queryWords: queryWords, variantsOf: variantsOf,
    keyOf: keyOf, hex: hex, decodePostings: decodePostings,
    stem: function (word) { return loadStemmer().then(function () { return stem(word) }) }
  };

  addEventListener("message", async function (event) {
    var message = event.data;
    if (message && message.type === SETUP) {
      var config = message.data.config || {};
      var index = config.shards || {};
      synonyms = synonymTable(config.synonyms);
      stopwords = new Set(config.stopwords || []);
      split = new Set(Array.isArray(index.split) ? index.split : []);
      version = String(index.version || "");
      algorithm = String(index.stemmer || "");
      postMessage({ type: READY });
      if (warm) loadStemmer();
    } else if (message && message.type === WARM) {
      warm = true;
      if (version) loadStemmer();
    } else if (message && (message.type === QUERY || message.type === TYPED)) {
      var text = String(message.data);
      if (message.type === TYPED) {
        lastTyped = text;
        lastTypedAt = Date.now();
      } else if (text === lastTyped && Date.now() - lastTypedAt < ECHO) {
        return; /* Material's message for the text the page sent as it was typed */
      }
      waiting = text;
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
