// Scorecard's search page: finds measures and narrative in the index that
// search/search-index.js assigns to window.scorecardSearch (a script, not
// JSON, so that it loads from file:// too) and lists them. The page holds
// the form (input #search-q), the status #search-status (role="status";
// its data-browse names the measure index, ../measures/index.html unless
// it says otherwise) and the list #search-results. Results are built with
// DOM calls only, so the page needs no inline script or style.
//
// The words come from the page, in the site's language (package words):
// the form's data-results holds the counted message in each plural form
// of the language, as JSON, chosen with Intl.PluralRules; data-more,
// data-none and data-browse-words the others. {count}, {query}, {shown}
// and {browse} mark where the script writes its own parts. A page without
// them (a site's own search.html from before) gets English.
//
// Matching: every word of the query, folded (lower case, accents removed,
// apostrophes dropped, other punctuation separating words), must start a
// word of the title, the context or the text. The index holds each doc's
// words already folded the same way (package search in Go), so only the
// query is folded here. Title matches rank above others, whole words above
// prefixes, and the query's words side by side in the title, the doc's own
// context or its text add a bonus; ties keep the index's order.
(function () {
  'use strict';

  var MAX_RESULTS = 50;
  var DELAY = 150; // ms after the last keystroke before the results update
  var SNIPPET = 200; // characters quoted from the text
  var LEAD = 60; // of which before the first match

  var TITLE_WORD = 6;
  var TITLE_PREFIX = 4;
  var OTHER_WORD = 2;
  var OTHER_PREFIX = 1;
  var PHRASE = 3; // the query's words in order, the last one a prefix
  var PHRASE_WORDS = 6; // the query's words in order, all whole: "bbh-5" finds bbh-5 before bbh-52

  // Folding: the same rules as fold and foldRune in internal/search/fold.go,
  // character by character.

  var canNormalize = typeof ''.normalize === 'function';
  var accents = /[\u0300-\u036f]/g;
  var wordChar = (function () {
    try {
      return new RegExp('^[\\p{L}\\p{N}\\p{M}]', 'u');
    } catch (err) {
      // Browsers without Unicode property escapes (before 2018): digits,
      // and letters of most scripts by their blocks.
      return /^(?:[0-9a-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u03ff\u0400-\u1fff\u2c00-\u2dff\u3040-\ud7ff\uf900-\ufdff\ufe70-\ufefe\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff66-\uffdc]|[\ud800-\udbff][\udc00-\udfff])/;
    }
  })();
  var folded = {};

  // foldChar folds one character: '' when it is dropped, ' ' when it
  // separates words.
  function foldChar(ch) {
    var code = ch.charCodeAt(0);
    if (code < 0x80) {
      if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) {
        return ch;
      }
      if (code >= 0x41 && code <= 0x5a) {
        return String.fromCharCode(code + 0x20);
      }
      return code === 0x27 ? '' : ' ';
    }
    if (Object.prototype.hasOwnProperty.call(folded, ch)) {
      return folded[ch];
    }
    var f;
    if (ch === '\u2019' || ch === '\u02bc') {
      f = ''; // the typographic apostrophe and the modifier letter
    } else {
      f = ch.toLowerCase();
      if (canNormalize) {
        var base = f.normalize('NFD').replace(accents, '');
        if (base.length === 1 || (base.length === 2 && isPair(base))) {
          f = base;
        }
      }
      if (f.length === 1 && f >= '\u0300' && f <= '\u036f') {
        f = ''; // accents of text that was already decomposed
      } else if (!wordChar.test(f)) {
        f = ' ';
      }
    }
    folded[ch] = f;
    return f;
  }

  function isPair(s) {
    var hi = s.charCodeAt(0);
    var lo = s.charCodeAt(1);
    return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
  }

  // fold returns s folded, with a space at each end and single spaces
  // between words. When starts and ends are given, it fills them with the
  // span of s that each character of the result comes from.
  function fold(s, starts, ends) {
    var out = ' ';
    var gap = true;
    if (starts) {
      starts.push(0);
      ends.push(0);
    }
    for (var i = 0; i < s.length;) {
      var n = i + 1 < s.length && isPair(s.substr(i, 2)) ? 2 : 1;
      var f = foldChar(s.substr(i, n));
      if (f === ' ') {
        if (!gap) {
          out += ' ';
          gap = true;
          if (starts) {
            starts.push(i);
            ends.push(i + n);
          }
        }
      } else if (f !== '') {
        out += f;
        gap = false;
        if (starts) {
          for (var k = 0; k < f.length; k++) {
            starts.push(i);
            ends.push(i + n);
          }
        }
      }
      i += n;
    }
    if (!gap) {
      out += ' ';
      if (starts) {
        starts.push(s.length);
        ends.push(s.length);
      }
    }
    return out;
  }

  function words(query) {
    var all = fold(query).split(' ');
    var out = [];
    for (var i = 0; i < all.length; i++) {
      if (all[i] !== '' && out.indexOf(all[i]) < 0) {
        out.push(all[i]);
      }
    }
    return out;
  }

  // Searching. A doc is [kind, title, context, url, text, key]; its key is
  // " folded title | folded own context and text ", and the context parts
  // it shares with other docs are matched through data.partKeys.

  function prepare(data) {
    var bars = [];
    for (var i = 0; i < data.docs.length; i++) {
      bars.push(data.docs[i][5].indexOf(' | '));
    }
    var partKeys = [];
    for (var j = 0; j < data.partKeys.length; j++) {
      partKeys.push(' ' + data.partKeys[j] + ' ');
    }
    return { data: data, bars: bars, partKeys: partKeys };
  }

  // search returns the query's folded words, how many docs match them all,
  // and the best MAX_RESULTS of those docs, best first.
  function search(index, query) {
    var ws = words(query);
    var result = { words: ws, total: 0, docs: [] };
    if (ws.length === 0) {
      return result;
    }
    var docs = index.data.docs;
    var prefixes = [];
    var whole = [];
    var inParts = [];
    for (var w = 0; w < ws.length; w++) {
      prefixes.push(' ' + ws[w]);
      whole.push(' ' + ws[w] + ' ');
      var scores = [];
      for (var p = 0; p < index.partKeys.length; p++) {
        var at = index.partKeys[p].indexOf(prefixes[w]);
        scores.push(at < 0 ? 0 : index.partKeys[p].indexOf(whole[w]) < 0 ? OTHER_PREFIX : OTHER_WORD);
      }
      inParts.push(scores);
    }
    var phrase = ws.length > 1 ? ' ' + ws.join(' ') : '';

    var hits = [];
    for (var i = 0; i < docs.length; i++) {
      var key = docs[i][5];
      var bar = index.bars[i];
      var score = 0;
      for (w = 0; w < ws.length; w++) {
        var s = 0;
        var pre = key.indexOf(prefixes[w]);
        if (pre >= 0) {
          // The title comes first, so a title match is the first match.
          var exact = key.indexOf(whole[w]);
          if (pre < bar) {
            s = exact >= 0 && exact < bar ? TITLE_WORD : TITLE_PREFIX;
          } else {
            s = exact >= 0 ? OTHER_WORD : OTHER_PREFIX;
          }
        }
        if (s < OTHER_WORD) {
          var context = docs[i][2];
          for (var c = 0; c < context.length; c++) {
            if (typeof context[c] === 'number' && inParts[w][context[c]] > s) {
              s = inParts[w][context[c]];
            }
          }
        }
        if (s === 0) {
          break;
        }
        score += s;
      }
      if (w < ws.length) {
        continue;
      }
      if (phrase && key.indexOf(phrase) >= 0) {
        score += key.indexOf(phrase + ' ') >= 0 ? PHRASE_WORDS : PHRASE;
      }
      hits.push({ doc: i, score: score });
    }
    hits.sort(function (a, b) {
      return b.score - a.score || a.doc - b.doc;
    });
    result.total = hits.length;
    for (var h = 0; h < hits.length && h < MAX_RESULTS; h++) {
      result.docs.push(docs[hits[h].doc]);
    }
    return result;
  }

  // matches returns the spans of the words of text that start with one of
  // ws, in order, overlapping spans merged.
  function matches(text, ws) {
    var starts = [];
    var ends = [];
    var f = fold(text, starts, ends);
    var spans = [];
    for (var w = 0; w < ws.length; w++) {
      var needle = ' ' + ws[w];
      for (var at = f.indexOf(needle); at >= 0; at = f.indexOf(needle, at + 1)) {
        // The whole word is marked, not only the part typed.
        spans.push([starts[at + 1], ends[f.indexOf(' ', at + 1) - 1]]);
      }
    }
    spans.sort(function (a, b) {
      return a[0] - b[0] || a[1] - b[1];
    });
    var merged = [];
    for (var i = 0; i < spans.length; i++) {
      var last = merged[merged.length - 1];
      if (last && spans[i][0] <= last[1]) {
        last[1] = Math.max(last[1], spans[i][1]);
      } else {
        merged.push(spans[i]);
      }
    }
    return merged;
  }

  // highlight appends text[from:to] to el, each match in a <mark>.
  function highlight(el, text, spans, from, to) {
    var at = from;
    for (var i = 0; i < spans.length; i++) {
      var a = Math.max(spans[i][0], from);
      var b = Math.min(spans[i][1], to);
      if (a >= b) {
        continue;
      }
      if (a > at) {
        el.appendChild(document.createTextNode(text.slice(at, a)));
      }
      var mark = document.createElement('mark');
      mark.textContent = text.slice(a, b);
      el.appendChild(mark);
      at = b;
    }
    if (at < to) {
      el.appendChild(document.createTextNode(text.slice(at, to)));
    }
  }

  // snippet quotes the text around its first match, or its opening when
  // only the title or context matched.
  function snippet(text, ws) {
    var p = document.createElement('p');
    p.className = 'search-snippet';
    var spans = matches(text, ws);
    var first = spans.length ? spans[0][0] : 0;
    var start = Math.max(0, first - LEAD);
    if (start > 0) {
      var space = text.indexOf(' ', start);
      start = space >= 0 && space < first ? space + 1 : first;
    }
    var end = Math.min(text.length, start + SNIPPET);
    if (end < text.length) {
      var cut = text.lastIndexOf(' ', end);
      if (cut > first) {
        end = cut;
      }
    }
    if (spans.length && end < spans[0][1]) {
      end = spans[0][1];
    }
    if (start > 0) {
      p.appendChild(document.createTextNode('\u2026'));
    }
    highlight(p, text, spans, start, end);
    if (end < text.length) {
      p.appendChild(document.createTextNode('\u2026'));
    }
    return p;
  }

  function contextOf(data, doc) {
    var parts = [];
    for (var i = 0; i < doc[2].length; i++) {
      var part = doc[2][i];
      parts.push(typeof part === 'number' ? data.parts[part] : part);
    }
    return parts.join(' \u00b7 ');
  }

  function item(data, doc, ws) {
    var li = document.createElement('li');
    var kind = data.kinds[doc[0]];
    if (/^[a-z][a-z0-9-]*$/.test(kind)) {
      li.className = 'search-' + kind;
    }
    var a = document.createElement('a');
    // The search page sits one folder below the site root. The prefix also
    // keeps any URL relative.
    a.setAttribute('href', '../' + doc[3]);
    highlight(a, doc[1], matches(doc[1], ws), 0, doc[1].length);
    li.appendChild(a);
    var context = contextOf(data, doc);
    if (context) {
      var p = document.createElement('p');
      p.className = 'search-context';
      p.textContent = context;
      li.appendChild(p);
    }
    if (doc[4]) {
      li.appendChild(snippet(doc[4], ws));
    }
    return li;
  }

  function clear(el) {
    while (el.firstChild) {
      el.removeChild(el.firstChild);
    }
  }

  // The page's words, or English when it gives none.
  var english = {
    results: { one: '{count} result for \u201c{query}\u201d', other: '{count} results for \u201c{query}\u201d' },
    more: ', showing the best {shown}',
    none: 'No results for \u201c{query}\u201d. Try fewer or different words, or {browse}.',
    browse: 'browse the measure index'
  };

  function wordsOf(form) {
    var w = {};
    var results = form && form.getAttribute('data-results');
    try {
      w.results = results ? JSON.parse(results) : english.results;
    } catch (err) {
      w.results = english.results;
    }
    w.more = (form && form.getAttribute('data-more')) || english.more;
    w.none = (form && form.getAttribute('data-none')) || english.none;
    w.browse = (form && form.getAttribute('data-browse-words')) || english.browse;
    var root = document.documentElement;
    var lang = (root && root.getAttribute('lang')) || 'en';
    w.plural = function (n) {
      try {
        return new Intl.PluralRules(lang).select(n);
      } catch (err) {
        return n === 1 ? 'one' : 'other'; // no Intl.PluralRules, or an unknown language
      }
    };
    return w;
  }

  // fill writes message with each {name} of values in its place.
  function fill(message, values) {
    return message.replace(/\{(\w+)\}/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : all;
    });
  }

  function counted(w, n, values) {
    var message = w.results[w.plural(n)] || w.results.other;
    values.count = String(n);
    return fill(message, values);
  }

  function show(page, index, query) {
    clear(page.status);
    clear(page.results);
    var shown = query.replace(/\s+/g, ' ').replace(/^ | $/g, '');
    if (shown === '') {
      return;
    }
    var found = search(index, shown);
    var w = page.words;
    if (found.total === 0) {
      var browse = document.createElement('a');
      browse.setAttribute('href', page.status.getAttribute('data-browse') || '../measures/index.html');
      browse.textContent = w.browse;
      // Cut before filling in, so that a query with {browse} in it is only words.
      var parts = w.none.split('{browse}');
      page.status.appendChild(document.createTextNode(fill(parts[0], { query: shown })));
      if (parts.length > 1) {
        page.status.appendChild(browse);
        page.status.appendChild(document.createTextNode(fill(parts.slice(1).join(''), { query: shown })));
      }
      return;
    }
    var text = counted(w, found.total, { query: shown });
    if (found.total > found.docs.length) {
      text += fill(w.more, { shown: String(found.docs.length) });
    }
    page.status.textContent = text;
    for (var i = 0; i < found.docs.length; i++) {
      page.results.appendChild(item(index.data, found.docs[i], found.words));
    }
  }

  function queryParam(search) {
    var pairs = search.replace(/^\?/, '').split('&');
    for (var i = 0; i < pairs.length; i++) {
      var eq = pairs[i].indexOf('=');
      if (eq >= 0 && pairs[i].slice(0, eq) === 'q') {
        try {
          return decodeURIComponent(pairs[i].slice(eq + 1).replace(/\+/g, ' '));
        } catch (err) {
          return ''; // a malformed address: show the empty form
        }
      }
    }
    return '';
  }

  // remember puts the query in the address, so that reloading, sharing or
  // coming back to the page shows the same results.
  function remember(query) {
    var q = query.replace(/^\s+|\s+$/g, '');
    var url = q ? '?q=' + encodeURIComponent(q).replace(/%20/g, '+') : window.location.pathname;
    try {
      window.history.replaceState(null, '', url);
    } catch (err) {
      // Some browsers refuse for pages opened from disk; the results still show.
    }
  }

  function start() {
    var data = window.scorecardSearch;
    var page = {
      input: document.getElementById('search-q'),
      status: document.getElementById('search-status'),
      results: document.getElementById('search-results')
    };
    if (!data || data.version !== 1 || !page.input || !page.status || !page.results) {
      return; // no index, or not the search page: the form still submits
    }
    page.words = wordsOf(page.input.form);
    var index = prepare(data);
    var query = queryParam(window.location.search);
    if (query) {
      page.input.value = query;
    }
    show(page, index, page.input.value);

    var timer = 0;
    function update() {
      window.clearTimeout(timer);
      timer = 0;
      show(page, index, page.input.value);
      remember(page.input.value);
    }
    page.input.addEventListener('input', function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, DELAY);
    });
    if (page.input.form) {
      page.input.form.addEventListener('submit', function (event) {
        event.preventDefault(); // the results are already here: no reload of the index
        update();
      });
    }
  }

  // Tests reach the matching through this hook when they define it.
  if (window.scorecardSearchTest) {
    window.scorecardSearchTest.fold = fold;
    window.scorecardSearchTest.foldChar = foldChar;
    window.scorecardSearchTest.prepare = prepare;
    window.scorecardSearchTest.search = search;
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
