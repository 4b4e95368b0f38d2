// Scorecard's chart loader. Every chart is on the page already, as a static
// SVG drawn at build time: this script loads nothing until a reader asks
// for the interactive chart, by pointing at it, focusing it, tapping it or
// pressing its "Explore this chart" button. Then it loads Apache ECharts
// once (the URL is the data-echarts attribute of this script's own tag, so
// it works from any folder, from file:// and under a strict
// Content-Security-Policy) and draws the chart in place of the static one,
// from the JSON in <script type="application/json" id="ID-options">. If
// ECharts cannot load, the static chart stays.
//
// It also makes a chart's PNG in the browser, from its static SVG.
(function () {
  'use strict';
  var me = document.currentScript;
  var echartsURL = me && me.getAttribute('data-echarts');
  // The words, in the site's language, from the script's element: its
  // data-no-load, data-no-figures, data-no-draw, data-no-png, data-png and
  // data-status ("Status: {status}") attributes.
  function words(name) {
    return (me && me.getAttribute('data-' + name)) || '';
  }
  var loading = null; // the callbacks waiting for ECharts, while it loads
  var failed = false;
  var drawn = [];

  // loadECharts calls done(true) once ECharts is ready, or done(false)
  // when it cannot load.
  function loadECharts(done) {
    if (window.echarts) {
      done(true);
      return;
    }
    if (failed || !echartsURL) {
      done(false);
      return;
    }
    if (loading) {
      loading.push(done);
      return;
    }
    loading = [done];
    var s = document.createElement('script');
    s.src = echartsURL;
    s.onload = function () { finish(!!window.echarts); };
    s.onerror = function () { finish(false); };
    document.head.appendChild(s);
  }

  function finish(ok) {
    failed = !ok;
    var waiting = loading;
    loading = null;
    for (var i = 0; i < waiting.length; i++) {
      waiting[i](ok);
    }
  }

  // ask draws the interactive chart of figure el, once.
  function ask(el) {
    if (el.classList.contains('chart-drawn') || el.classList.contains('chart-loading')) {
      return;
    }
    el.classList.add('chart-loading');
    el.setAttribute('aria-busy', 'true');
    loadECharts(function (ok) {
      el.classList.remove('chart-loading');
      el.removeAttribute('aria-busy');
      if (!ok) {
        say(el, words('no-load'));
        return;
      }
      draw(el);
    });
  }

  function draw(el) {
    var id = el.getAttribute('data-chart');
    var data = document.getElementById(id + '-options');
    if (!data) {
      say(el, words('no-figures'));
      return;
    }
    var live = document.createElement('div');
    live.className = 'chart-live';
    el.appendChild(live);
    try {
      var chart = window.echarts.init(live, null, { renderer: 'svg' });
      el.classList.add('chart-drawn'); // shows live, hides the static chart
      chart.setOption(withTooltip(JSON.parse(data.textContent)));
      chart.resize();
      drawn.push(chart);
    } catch (err) {
      el.classList.remove('chart-drawn');
      el.removeChild(live);
      say(el, words('no-draw'));
      return;
    }
    var button = buttonFor(id, 'chart-explore');
    if (button) {
      if (document.activeElement === button) {
        el.focus();
      }
      button.hidden = true;
    }
  }

  // say writes a message in the chart's status line.
  function say(el, text) {
    var note = document.getElementById(el.getAttribute('data-chart') + '-note');
    if (note) {
      note.textContent = text;
    }
  }

  function buttonFor(id, cls) {
    var b = document.querySelector('button.' + cls + '[data-chart-for="' + id + '"]');
    return b;
  }

  // ECharts writes its own tooltip as HTML with style attributes, which
  // the policy's style-src refuses. So each tooltip is built here from DOM
  // nodes, laid out by the chart-tooltip classes of the site's style
  // sheet; what ECharts styles itself (the box and its place) it sets
  // through element.style, which the policy allows.
  function withTooltip(options) {
    var tips = [].concat(options.tooltip || []);
    var label = valueLabel(options);
    delete options.scorecard; // Scorecard's own settings, not ECharts'

    for (var i = 0; i < tips.length; i++) {
      var tip = tips[i];
      tip.className = 'chart-tooltip';
      tip.confine = true; // inside the chart, so never wider than the page
      tip.borderColor = '#505a5f';
      tip.textStyle = tip.textStyle || {};
      tip.textStyle.color = '#0b0c0c';
      tip.formatter = tooltipContent(label);
    }
    return options;
  }

  // duration writes seconds as the site shows a duration: 151 as "02:31"
  // ("mm:ss"), 3725 as "1:02:05" ("h:mm:ss").
  function duration(v, form) {
    var n = Math.round(Math.abs(v));
    var sign = v < 0 ? '-' : '';
    var s = n % 60;
    var m = Math.floor(n / 60);
    if (form === 'h:mm:ss') {
      return sign + Math.floor(m / 60) + ':' + pad(m % 60) + ':' + pad(s);
    }
    return sign + pad(m) + ':' + pad(s);
  }

  function pad(n) {
    return n < 10 ? '0' + n : String(n);
  }

  // valueLabel returns a function that writes a value as the value axis
  // labels it: 43.3 as "43.3%" when the axis shows "{value}%", with the
  // decimal places of options.scorecard.decimals when set, or as a
  // duration when options.scorecard.duration says so (then the value axes
  // are labelled so too).
  function valueLabel(options) {
    var axes = [].concat(options.xAxis || [], options.yAxis || []);
    var own = options.scorecard || {};
    var form = own.duration;
    if (form) {
      var asDuration = function (v) { return duration(v, form); };
      for (var j = 0; j < axes.length; j++) {
        if (axes[j].type === 'value') {
          axes[j].axisLabel = axes[j].axisLabel || {};
          axes[j].axisLabel.formatter = asDuration;
        }
      }
      return function (v) {
        return typeof v === 'number' || (typeof v === 'string' && v !== '' && !isNaN(v)) ? asDuration(Number(v)) : String(v);
      };
    }
    var format = '{value}';
    for (var i = 0; i < axes.length; i++) {
      var f = axes[i].type === 'value' && axes[i].axisLabel && axes[i].axisLabel.formatter;
      if (typeof f === 'string' && f.indexOf('{value}') >= 0) {
        format = f;
        break;
      }
    }
    // A site's unit may say how many decimal places its figures show.
    var decimals = own.decimals;
    return function (v) {
      if (typeof v === 'number' && typeof decimals === 'number') {
        v = v.toFixed(decimals);
      }
      var text = typeof v === 'number' || typeof v === 'string' && v !== '' && !isNaN(v) ? window.echarts.format.addCommas(v) : String(v);
      return format.split('{value}').join(text);
    };
  }

  // tooltipContent returns the tooltip formatter: the category, then a
  // line for each series with a value there, its name in words beside its
  // colour. A trend's status markers (its scatter series, one per status)
  // read "Status: High green (HG)", since their value is the actual's.
  function tooltipContent(label) {
    return function (params) {
      params = [].concat(params);
      var nodes = [];
      // A trend on a time axis names each point for its period ("Q2
      // 2016/17"); a category axis names the category.
      var heading = params.length ? (params[0].name || params[0].axisValueLabel) : null;
      if (heading != null && heading !== '') {
        var title = document.createElement('p');
        title.className = 'chart-tooltip-title';
        title.textContent = heading;
        nodes.push(title);
      }
      var list = document.createElement('ul');
      list.className = 'chart-tooltip-list';
      for (var i = 0; i < params.length; i++) {
        var p = params[i];
        var v = p.value;
        if (Array.isArray(v)) {
          v = v[1]; // [date, value] on a time axis
        }
        if (v == null || v === '-' || (typeof v === 'number' && isNaN(v))) {
          continue; // no value here: a gap, or no measure of this status
        }
        var item = document.createElement('li');
        var key = document.createElement('span');
        key.className = 'chart-tooltip-key';
        key.setAttribute('aria-hidden', 'true');
        if (typeof p.color === 'string') {
          key.style.backgroundColor = p.color;
        }
        item.appendChild(key);
        item.appendChild(document.createTextNode(
          p.seriesType === 'scatter' ? words('status').replace('{status}', function () { return p.seriesName; }) : p.seriesName + ': ' + label(v)));
        list.appendChild(item);
      }
      nodes.push(list);
      return nodes;
    };
  }

  // png makes the chart's PNG from its static SVG, through an image and a
  // canvas (a data: URL, which the policy's img-src allows), and offers it
  // as a download.
  function png(el) {
    var svg = el.querySelector('.chart-static svg');
    var id = el.getAttribute('data-chart');
    var cannot = words('no-png');
    if (!svg) {
      say(el, cannot);
      return;
    }
    var box = svg.viewBox && svg.viewBox.baseVal;
    var w = box && box.width ? box.width : 480;
    var h = box && box.height ? box.height : 320;
    var img = new Image();
    img.onload = function () {
      try {
        var scale = 2;
        var canvas = document.createElement('canvas');
        canvas.width = Math.round(w * scale);
        canvas.height = Math.round(h * scale);
        var ctx = canvas.getContext('2d');
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
        var a = document.createElement('a');
        a.href = canvas.toDataURL('image/png');
        a.download = id + '.png';
        a.className = 'chart-png-link';
        a.hidden = true;
        document.body.appendChild(a);
        a.click();
        document.body.removeChild(a);
        say(el, words('png'));
      } catch (err) {
        say(el, cannot);
      }
    };
    img.onerror = function () { say(el, cannot); };
    img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));
  }

  // Escape hides a tooltip that hovering showed.
  function hideTips(e) {
    if (e.key !== 'Escape' && e.key !== 'Esc') {
      return;
    }
    for (var i = 0; i < drawn.length; i++) {
      drawn[i].dispatchAction({ type: 'hideTip' });
    }
  }

  var pending = 0;
  function resize() {
    if (pending) {
      return;
    }
    pending = window.requestAnimationFrame(function () {
      pending = 0;
      for (var i = 0; i < drawn.length; i++) {
        drawn[i].resize();
      }
    });
  }

  function setUp() {
    var nodes = document.querySelectorAll('[data-chart]');
    for (var i = 0; i < nodes.length; i++) {
      (function (el) {
        var id = el.getAttribute('data-chart');
        var go = function () { ask(el); };
        el.addEventListener('pointerenter', go);
        el.addEventListener('pointerdown', go);
        el.addEventListener('focus', go);
        var explore = buttonFor(id, 'chart-explore');
        if (explore) {
          explore.addEventListener('click', go);
          explore.hidden = false;
        }
        var image = buttonFor(id, 'chart-png');
        if (image) {
          image.addEventListener('click', function () { png(el); });
          image.hidden = false;
        }
      })(nodes[i]);
    }
    document.documentElement.classList.add('charts-ready');
  }

  document.addEventListener('keydown', hideTips);
  window.addEventListener('resize', resize);
  window.addEventListener('beforeprint', resize);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', setUp);
  } else {
    setUp();
  }
})();
