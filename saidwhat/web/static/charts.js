// Charts drawn in the page from data the server put in data-series (JSON): no inline script,
// no library. <figure class="chart" data-chart="bars|hbars|spread" data-series="..."> gets an
// SVG; data-drawn records how many marks were drawn (the browser tests read it).
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function tip(node, text) {
    var t = document.createElementNS(NS, "title");
    t.textContent = text;
    node.appendChild(t);
  }

  function svg(fig, width, height) {
    var s = el("svg", {viewBox: "0 0 " + width + " " + height, width: "100%",
                       role: "img", "aria-label": fig.getAttribute("data-label") || "chart"});
    fig.insertBefore(s, fig.firstChild);
    return s;
  }

  function text(parent, x, y, value, anchor) {
    var t = el("text", {x: x, y: y, "text-anchor": anchor || "start", "class": "axis"}, parent);
    t.textContent = value;
    return t;
  }

  function link(parent, href) {
    if (!href || href.charAt(0) !== "/") { return parent; }  // only our own pages
    return el("a", {href: href}, parent);
  }

  // Counts over time: one bar per week or month, first and last label and the peak.
  function bars(fig, series) {
    var W = 640, H = 150, top = 16, bottom = 22, n = series.length;
    var max = Math.max.apply(null, series.map(function (d) { return d[1]; }).concat([1]));
    var s = svg(fig, W, H), step = W / Math.max(n, 1), drawn = 0;
    var noun = fig.getAttribute("data-noun") || "";
    series.forEach(function (d, i) {
      var h = (H - top - bottom) * d[1] / max;
      var r = el("rect", {x: i * step + step * 0.1, y: H - bottom - h,
                          width: Math.max(step * 0.8, 1), height: h, "class": "bar"},
                 link(s, fig.getAttribute("data-href") ? fig.getAttribute("data-href") + d[0] : ""));
      tip(r, d[0] + ": " + d[1] + " " + noun);
      if (d[1] > 0) { drawn += 1; }
    });
    if (n) {
      text(s, 0, H - 6, series[0][0]);
      text(s, W, H - 6, series[n - 1][0], "end");
      text(s, 0, 11, "peak " + max + " " + noun);
    }
    return drawn;
  }

  // Counts by category, largest first: horizontal bars with their labels.
  function hbars(fig, series) {
    var W = 640, row = 22, H = row * series.length + 4, label = 200;
    var max = Math.max.apply(null, series.map(function (d) { return d[1]; }).concat([1]));
    var s = svg(fig, W, H), href = fig.getAttribute("data-href") || "";
    series.forEach(function (d, i) {
      var target = link(s, href ? href + encodeURIComponent(d[0]) : "");
      text(target, 0, i * row + 15, d[0].length > 30 ? d[0].slice(0, 29) + "…" : d[0]);
      var r = el("rect", {x: label, y: i * row + 4, height: row - 8,
                          width: Math.max((W - label - 50) * d[1] / max, 1), "class": "bar"},
                 target);
      tip(r, d[0] + ": " + d[1]);
      text(s, label + (W - label - 50) * d[1] / max + 6, i * row + 15, String(d[1]));
    });
    return series.length;
  }

  // Reports of one quote: a row per outlet, a dot per report at its date.
  function spread(fig, points) {
    var dated = points.filter(function (p) { return p.x; });
    var outlets = [];
    points.forEach(function (p) { if (outlets.indexOf(p.y) < 0) { outlets.push(p.y); } });
    var W = 640, row = 26, label = 170, H = row * outlets.length + 30;
    var s = svg(fig, W, H), times = dated.map(function (p) { return Date.parse(p.x); });
    var lo = Math.min.apply(null, times), hi = Math.max.apply(null, times);
    var span = hi > lo ? hi - lo : 1, drawn = 0;
    outlets.forEach(function (o, i) {
      text(s, 0, i * row + 17, o.length > 24 ? o.slice(0, 23) + "…" : o);
      el("line", {x1: label, x2: W - 10, y1: i * row + 13, y2: i * row + 13, "class": "rule"}, s);
    });
    points.forEach(function (p) {
      var x = p.x ? label + 8 + (W - label - 26) * (Date.parse(p.x) - lo) / span : W - 12;
      var c = el("circle", {cx: x, cy: outlets.indexOf(p.y) * row + 13, r: 6,
                            "class": "dot " + (p.c || "")}, link(s, p.href));
      tip(c, p.y + " · " + (p.x || "date unknown") + " · " + (p.c || ""));
      drawn += 1;
    });
    if (dated.length) {
      text(s, label, H - 6, new Date(lo).toISOString().slice(0, 10));
      text(s, W, H - 6, new Date(hi).toISOString().slice(0, 10), "end");
    }
    return drawn;
  }

  var kinds = {bars: bars, hbars: hbars, spread: spread};
  document.querySelectorAll("figure.chart[data-chart]").forEach(function (fig) {
    var draw = kinds[fig.getAttribute("data-chart")], data;
    try { data = JSON.parse(fig.getAttribute("data-series") || "[]"); } catch (e) { data = []; }
    if (!draw || !data.length) { fig.setAttribute("data-drawn", "0"); return; }
    fig.setAttribute("data-drawn", String(draw(fig, data)));
  });
})();
