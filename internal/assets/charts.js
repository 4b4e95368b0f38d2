// Scorecard's chart loader: draws every chart on the page with Apache
// ECharts. Each chart is an element with data-chart="ID" whose options are
// the JSON in <script type="application/json" id="ID">. No inline script
// and no style attributes are needed, so the site works under a strict
// Content-Security-Policy.
(function () {
  'use strict';
  var drawn = [];

  function draw() {
    if (!window.echarts) {
      // Readers still have each chart's summary, table and sparkline.
      console.error('Scorecard: ECharts did not load, so the charts are not drawn.');
      return;
    }
    document.documentElement.classList.add('charts');
    var nodes = document.querySelectorAll('[data-chart]');
    for (var i = 0; i < nodes.length; i++) {
      var el = nodes[i];
      var id = el.getAttribute('data-chart');
      var data = document.getElementById(id);
      if (!data) {
        console.error('Scorecard: chart ' + id + ' has no options block.');
        continue;
      }
      // One broken chart must not stop the others.
      try {
        var chart = window.echarts.init(el, null, { renderer: 'svg' });
        chart.setOption(withTooltip(JSON.parse(data.textContent)));
        el.classList.add('chart-drawn');
        drawn.push(chart);
      } catch (err) {
        console.error('Scorecard: chart ' + id + ' could not be drawn: ' + err);
      }
    }
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

  // valueLabel returns a function that writes a value as the value axis
  // labels it: 43.3 as "43.3%" when the axis shows "{value}%", with the
  // decimal places of options.scorecard.decimals when set.
  function valueLabel(options) {
    var axes = [].concat(options.xAxis || [], options.yAxis || []);
    var format = '{value}';
    for (var i = 0; i < axes.length; i++) {
      var f = axes[i].type === 'value' && axes[i].axisLabel && axes[i].axisLabel.formatter;
      if (typeof f === 'string' && f.indexOf('{value}') >= 0) {
        format = f;
        break;
      }
    }
    // A site's unit may say how many decimal places its figures show.
    var decimals = options.scorecard && options.scorecard.decimals;
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
          p.seriesType === 'scatter' ? 'Status: ' + p.seriesName : p.seriesName + ': ' + label(v)));
        list.appendChild(item);
      }
      nodes.push(list);
      return nodes;
    };
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

  document.addEventListener('keydown', hideTips);
  window.addEventListener('resize', resize);
  window.addEventListener('beforeprint', resize);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
