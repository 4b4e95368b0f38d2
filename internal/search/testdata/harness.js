// Runs assets/search.js, and the index the Go tests write, in node's vm
// against a small fake DOM, and prints what happened as JSON. The fake DOM
// has only what the script may use: it throws on innerHTML, on styles and
// on event-handler attributes, so the tests also check the script keeps to
// the site's Content-Security-Policy.
//
//   node harness.js REQUEST.json
//
// where the request is one of
//   {"mode": "page", "script": F, "index": F or "", "search": "?q=...",
//    "steps": [{"input": "text"}, {"timers": true}, {"submit": true}]}
//     a snapshot of the page after loading and after each step;
//   {"mode": "fold", "script": F}
//     the script's fold of every code point, as an array of strings;
//   {"mode": "bench", "script": F, "index": F, "queries": [...], "runs": N}
//     how long loading the index and each query take, in milliseconds.
'use strict';

const fs = require('fs');
const vm = require('vm');

class FakeNode {
  constructor(ownerDocument) {
    this.ownerDocument = ownerDocument;
    this.parentNode = null;
    this.childNodes = [];
  }
  get firstChild() {
    return this.childNodes[0] || null;
  }
  appendChild(child) {
    if (child.parentNode) {
      child.parentNode.removeChild(child);
    }
    child.parentNode = this;
    this.childNodes.push(child);
    return child;
  }
  removeChild(child) {
    const i = this.childNodes.indexOf(child);
    if (i < 0) {
      throw new Error('removeChild: not a child');
    }
    this.childNodes.splice(i, 1);
    child.parentNode = null;
    return child;
  }
  get textContent() {
    return this.childNodes.map((c) => c.textContent).join('');
  }
  set textContent(text) {
    this.childNodes.forEach((c) => (c.parentNode = null));
    this.childNodes = [];
    if (text !== '') {
      this.appendChild(this.ownerDocument.createTextNode(String(text)));
    }
  }
}

class FakeText extends FakeNode {
  constructor(ownerDocument, data) {
    super(ownerDocument);
    this.data = data;
  }
  get textContent() {
    return this.data;
  }
  set textContent(text) {
    this.data = String(text);
  }
  appendChild() {
    throw new Error('a text node has no children');
  }
}

const forbidden = (what) => () => {
  throw new Error('search.js used ' + what + ', which the page must not');
};

class FakeElement extends FakeNode {
  constructor(ownerDocument, tag) {
    super(ownerDocument);
    this.tagName = tag.toUpperCase();
    this.attributes = new Map();
    this.listeners = {};
  }
  get className() {
    return this.attributes.get('class') || '';
  }
  set className(v) {
    this.attributes.set('class', String(v));
  }
  get id() {
    return this.attributes.get('id') || '';
  }
  setAttribute(name, value) {
    name = String(name).toLowerCase();
    if (name === 'style' || name.startsWith('on')) {
      forbidden('setAttribute("' + name + '")')();
    }
    this.attributes.set(name, String(value));
  }
  getAttribute(name) {
    const v = this.attributes.get(String(name).toLowerCase());
    return v === undefined ? null : v;
  }
  addEventListener(type, fn) {
    (this.listeners[type] = this.listeners[type] || []).push(fn);
  }
  dispatch(type) {
    const event = { type, target: this, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    (this.listeners[type] || []).forEach((fn) => fn.call(this, event));
    return event;
  }
  get outerHTML() {
    let s = '<' + this.tagName.toLowerCase();
    for (const [k, v] of [...this.attributes].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      s += ' ' + k + '="' + escape(v).replace(/"/g, '&quot;') + '"';
    }
    return s + '>' + this.innerHTML + '</' + this.tagName.toLowerCase() + '>';
  }
  get innerHTML() {
    return this.childNodes.map((c) => (c instanceof FakeText ? escape(c.data) : c.outerHTML)).join('');
  }
}
for (const name of ['innerHTML', 'outerHTML']) {
  const get = Object.getOwnPropertyDescriptor(FakeElement.prototype, name).get;
  Object.defineProperty(FakeElement.prototype, name, { get, set: forbidden(name) });
}
for (const name of ['style', 'insertAdjacentHTML', 'onclick', 'oninput', 'onsubmit']) {
  Object.defineProperty(FakeElement.prototype, name, { get: forbidden(name), set: forbidden(name) });
}

function escape(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

class FakeDocument {
  constructor() {
    this.readyState = 'loading';
    this.listeners = {};
    this.byId = {};
  }
  createElement(tag) {
    return new FakeElement(this, tag);
  }
  createTextNode(data) {
    return new FakeText(this, String(data));
  }
  getElementById(id) {
    return this.byId[id] || null;
  }
  addEventListener(type, fn) {
    (this.listeners[type] = this.listeners[type] || []).push(fn);
  }
  add(tag, attrs) {
    const el = this.createElement(tag);
    for (const k of Object.keys(attrs)) {
      el.attributes.set(k, attrs[k]);
    }
    this.byId[attrs.id] = el;
    return el;
  }
  write() {
    forbidden('document.write')();
  }
}

// page builds the search page: the form, the status and the list.
function page(search) {
  const document = new FakeDocument();
  const form = document.createElement('form');
  const input = document.add('input', { id: 'search-q', name: 'q', type: 'search' });
  input.value = '';
  input.form = form;
  form.appendChild(input);
  document.add('p', { id: 'search-status', role: 'status' });
  document.add('ol', { id: 'search-results' });

  const timers = [];
  const errors = [];
  const win = {
    document,
    console: {
      log: console.log,
      error: (...args) => errors.push(args.join(' ')),
      warn: (...args) => errors.push(args.join(' ')),
    },
    location: { search, pathname: '/site/search/index.html' },
    history: {
      url: '',
      replaceState(state, title, url) {
        this.url = String(url);
      },
    },
    setTimeout(fn, ms) {
      timers.push(fn);
      return timers.length;
    },
    clearTimeout(id) {
      if (id) {
        timers[id - 1] = null;
      }
    },
    runTimers() {
      for (let i = 0; i < timers.length; i++) {
        const fn = timers[i];
        timers[i] = null;
        if (fn) {
          fn();
        }
      }
    },
  };
  win.window = win;
  win.errors = errors;
  return win;
}

function snapshot(win, extra) {
  const doc = win.document;
  const list = doc.getElementById('search-results');
  return Object.assign(
    {
      input: doc.getElementById('search-q').value,
      status: doc.getElementById('search-status').innerHTML,
      statusText: doc.getElementById('search-status').textContent,
      url: win.history.url,
      results: list.childNodes.map((li) => ({
        class: li.className,
        html: li.outerHTML,
        href: li.childNodes[0].getAttribute('href'),
        title: li.childNodes[0].textContent,
      })),
      errors: win.errors,
    },
    extra || {}
  );
}

function run(win, file) {
  vm.runInContext(fs.readFileSync(file, 'utf8'), win, { filename: file });
}

function pageMode(req) {
  const win = page(req.search || '');
  vm.createContext(win);
  if (req.index) {
    run(win, req.index);
  }
  run(win, req.script);
  win.document.readyState = 'interactive';
  (win.document.listeners.DOMContentLoaded || []).forEach((fn) => fn());
  const snaps = [snapshot(win)];
  const input = win.document.getElementById('search-q');
  for (const step of req.steps || []) {
    let extra;
    if ('input' in step) {
      input.value = step.input;
      input.dispatch('input');
    } else if (step.timers) {
      win.runTimers();
    } else if (step.submit) {
      extra = { prevented: input.form.dispatch('submit').defaultPrevented };
    }
    snaps.push(snapshot(win, extra));
  }
  return snaps;
}

function hook(req) {
  const win = page('');
  win.scorecardSearchTest = {};
  vm.createContext(win);
  run(win, req.script);
  return win;
}

function foldMode(req) {
  const t = hook(req).scorecardSearchTest;
  const out = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    out.push(cp >= 0xd800 && cp <= 0xdfff ? '' : t.foldChar(String.fromCodePoint(cp)));
  }
  return out;
}

function benchMode(req) {
  const win = hook(req);
  const t = win.scorecardSearchTest;
  let t0 = process.hrtime.bigint();
  run(win, req.index);
  const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
  t0 = process.hrtime.bigint();
  const index = t.prepare(win.scorecardSearch);
  const prepareMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const out = { loadMs, prepareMs, queries: {} };
  for (const q of req.queries) {
    const first = t.search(index, q);
    t0 = process.hrtime.bigint();
    for (let i = 0; i < req.runs; i++) {
      t.search(index, q);
    }
    out.queries[q] = { ms: Number(process.hrtime.bigint() - t0) / 1e6 / req.runs, total: first.total };
  }
  return out;
}

const req = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const modes = { page: pageMode, fold: foldMode, bench: benchMode };
process.stdout.write(JSON.stringify(modes[req.mode](req)));
