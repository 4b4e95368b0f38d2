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
        chart.setOption(JSON.parse(data.textContent));
        el.classList.add('chart-drawn');
        drawn.push(chart);
      } catch (err) {
        console.error('Scorecard: chart ' + id + ' could not be drawn: ' + err);
      }
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
