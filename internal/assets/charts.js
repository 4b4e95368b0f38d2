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
      return;
    }
    document.documentElement.classList.add('charts');
    var nodes = document.querySelectorAll('[data-chart]');
    for (var i = 0; i < nodes.length; i++) {
      var el = nodes[i];
      var data = document.getElementById(el.getAttribute('data-chart'));
      if (!data) {
        continue;
      }
      var chart = window.echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(JSON.parse(data.textContent));
      el.classList.add('chart-drawn');
      drawn.push(chart);
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

  window.addEventListener('resize', resize);
  window.addEventListener('beforeprint', resize);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
