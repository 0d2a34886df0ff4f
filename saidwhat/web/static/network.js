// The positions network: fetched from the page's .json twin, drawn as SVG with a small force
// layout (no library), zoomed and panned in place. Names only ever become text nodes, never
// markup.
(function () {
  "use strict";
  var box = document.getElementById("network");
  var form = document.getElementById("network-filter");
  if (!box) { return; }
  var SVG = "http://www.w3.org/2000/svg";
  var WIDTH = 960, HEIGHT = 620;  // HEIGHT grows with the number of nodes (see draw)

  function el(name, attrs) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function status(text) {
    var p = document.getElementById("network-status");
    if (p) { p.textContent = text; }
  }

  function radius(n) { return 5 + 3 * Math.sqrt(n.count); }
  function width(e) { return 0.4 + 1.6 * Math.sqrt(e.count); }

  // Fruchterman–Reingold, grid variant: a deterministic start (a spiral by rank), then nodes
  // closer than 2k push apart (k²/d), every edge pulls its ends together (d²/k), a weak pull to
  // the middle keeps loose pairs in view, and each step may move a node less far as it cools.
  function layout(nodes, edges) {
    var byId = {};
    nodes.forEach(function (n, i) {
      var angle = i * 2.4, r = 20 + 12 * Math.sqrt(i);
      n.x = WIDTH / 2 + r * Math.cos(angle);
      n.y = HEIGHT / 2 + r * Math.sin(angle);
      byId[n.id] = n;
    });
    var links = edges.filter(function (e) { return byId[e.source] && byId[e.target]; });
    var k = 0.8 * Math.sqrt(WIDTH * HEIGHT / Math.max(1, nodes.length)), reach = 4 * k * k;
    var steps = 250, heat = WIDTH / 8;
    for (var step = 0; step < steps; step++) {
      var t = heat * (1 - step / steps) + 0.5;
      nodes.forEach(function (n) {
        n.dx = (WIDTH / 2 - n.x) * 0.03;
        n.dy = (HEIGHT / 2 - n.y) * 0.045;
      });
      for (var i = 0; i < nodes.length; i++) {
        for (var j = i + 1; j < nodes.length; j++) {
          var a = nodes[i], b = nodes[j];
          var dx = a.x - b.x, dy = a.y - b.y, d2 = dx * dx + dy * dy + 0.01;
          if (d2 > reach) { continue; }
          var push = k * k / d2;
          a.dx += dx * push; a.dy += dy * push;
          b.dx -= dx * push; b.dy -= dy * push;
        }
      }
      links.forEach(function (e) {
        var a = byId[e.source], b = byId[e.target];
        var dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) + 0.01;
        var pull = d / k;
        a.dx += dx * pull; a.dy += dy * pull; b.dx -= dx * pull; b.dy -= dy * pull;
      });
      nodes.forEach(function (n) {
        var len = Math.sqrt(n.dx * n.dx + n.dy * n.dy) + 0.01, move = Math.min(len, t) / len;
        n.x = Math.max(20, Math.min(WIDTH - 20, n.x + n.dx * move));
        n.y = Math.max(20, Math.min(HEIGHT - 20, n.y + n.dy * move));
      });
    }
    return byId;
  }

  function marker(defs, name) {
    var m = el("marker", {id: "arrow-" + name, viewBox: "0 0 10 10", refX: "10", refY: "5",
                          markerWidth: "7", markerHeight: "7", orient: "auto-start-reverse"});
    m.appendChild(el("path", {d: "M0,0 L10,5 L0,10 z", "class": "arrowhead " + name}));
    defs.appendChild(m);
  }

  // An edge as a curve from a to b, bent by `bend` pixels (parallel edges between the same two
  // nodes bend apart), stopping at b's rim so the arrowhead shows.
  function edgeLine(e, a, b, bend) {
    var dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) + 0.01;
    var cx = (a.x + b.x) / 2 - dy / d * bend, cy = (a.y + b.y) / 2 + dx / d * bend;
    var ex = b.x - cx, ey = b.y - cy, ed = Math.sqrt(ex * ex + ey * ey) + 0.01;
    var rb = radius(b) + 3;
    var path = "M" + a.x.toFixed(1) + "," + a.y.toFixed(1) + " Q" + cx.toFixed(1) + "," +
      cy.toFixed(1) + " " + (b.x - ex / ed * rb).toFixed(1) + "," + (b.y - ey / ed * rb).toFixed(1);
    var line = el("path", {d: path, fill: "none",
                           "class": "edge " + e.polarity, "stroke-width": width(e).toFixed(2),
                           "data-polarity": e.polarity, "data-count": String(e.count)});
    if (e.relation === "stance") { line.setAttribute("marker-end", "url(#arrow-" + e.polarity + ")"); }
    var title = el("title");
    title.textContent = a.label + " " + verb(e) + " " + b.label + " (" + e.count + "×)" +
      (e.topics.length ? ": " + e.topics.join(", ") : "");
    line.appendChild(title);
    return line;
  }

  function verb(e) {
    return {support: "supports", oppose: "opposes", agree: "agrees with",
            disagree: "disagrees with"}[e.polarity] || e.polarity;
  }

  function nodeGroup(n) {
    var g = el("g", {"class": "node " + n.kind, "data-id": n.id, "data-label": n.label,
                     transform: "translate(" + n.x.toFixed(1) + "," + n.y.toFixed(1) + ")"});
    var r = radius(n);
    var shape = n.kind === "speaker" ? el("circle", {r: r.toFixed(1)})
      : el("rect", {x: (-r).toFixed(1), y: (-r).toFixed(1), width: (2 * r).toFixed(1),
                    height: (2 * r).toFixed(1), rx: "2"});
    // labels sit on the side facing the middle, so they stay inside the picture
    var left = n.x > WIDTH * 0.6;
    var label = el("text", {x: (left ? -(r + 3) : r + 3).toFixed(1), y: "4",
                            "text-anchor": left ? "end" : "start"});
    label.textContent = n.label.length > 32 ? n.label.slice(0, 31) + "…" : n.label;
    var title = el("title");
    title.textContent = n.label + " · " + n.count + " position" + (n.count === 1 ? "" : "s");
    g.appendChild(shape);
    g.appendChild(label);
    g.appendChild(title);
    if (n.kind === "speaker" && n.speaker_id) {
      var link = el("a", {"class": "node-link"});
      link.setAttribute("href", "/speakers/" + encodeURIComponent(n.speaker_id));
      link.appendChild(g);
      return link;
    }
    return g;
  }

  // The table under the picture: the same relations as rows, for reading and for screen readers.
  function fillTable(net) {
    var body = document.getElementById("network-edges");
    if (!body) { return; }
    var labels = {};
    net.nodes.forEach(function (n) { labels[n.id] = n.label; });
    body.textContent = "";
    net.edges.forEach(function (e) {
      var tr = document.createElement("tr");
      tr.className = e.polarity;
      [labels[e.source], e.polarity, labels[e.target], String(e.count), e.topics.join(", ")]
        .forEach(function (text, i) {
          var td = document.createElement("td");
          if (i === 1) {
            var badge = document.createElement("span");
            badge.className = "rel rel-" + e.polarity;
            badge.textContent = text;
            td.appendChild(badge);
          } else {
            td.textContent = text;
          }
          if (i === 3) { td.className = "num"; }
          tr.appendChild(td);
        });
      body.appendChild(tr);
    });
    if (!net.edges.length) {
      var tr = document.createElement("tr"), td = document.createElement("td");
      td.colSpan = 5;
      td.className = "empty";
      td.textContent = "No positions match.";
      tr.appendChild(td);
      body.appendChild(tr);
    }
  }

  function draw(data) {
    var old = box.querySelector("svg"), oldBar = box.querySelector(".zoom-controls");
    if (old) { old.remove(); }
    if (oldBar) { oldBar.remove(); }
    var net = data.network;
    fillTable(net);
    var nodes = net.nodes.map(function (n) { return Object.assign({}, n); });
    if (!nodes.length) {
      status("No positions match these filters.");
      return;
    }
    HEIGHT = Math.round(Math.min(900, Math.max(480, 200 + 5.5 * nodes.length)));
    var byId = layout(nodes, net.edges);
    var svg = el("svg", {id: "network-svg", viewBox: "0 0 " + WIDTH + " " + HEIGHT,
                         role: "img", "aria-label": "Network of positions"});
    var defs = el("defs");
    ["support", "oppose"].forEach(function (p) { marker(defs, p); });
    svg.appendChild(defs);
    var edgeLayer = el("g", {"class": "edges"}), nodeLayer = el("g", {"class": "nodes"});
    var between = {}, seen = {};
    net.edges.forEach(function (e) {
      var key = [e.source, e.target].sort().join("\u0000");
      between[key] = (between[key] || 0) + 1;
    });
    net.edges.forEach(function (e) {
      if (!byId[e.source] || !byId[e.target]) { return; }
      var key = [e.source, e.target].sort().join("\u0000");
      var i = seen[key] = (seen[key] || 0) + 1;
      var bend = (i - (between[key] + 1) / 2) * 28 * (e.source < e.target ? 1 : -1);
      edgeLayer.appendChild(edgeLine(e, byId[e.source], byId[e.target], bend));
    });
    nodes.forEach(function (n) { nodeLayer.appendChild(nodeGroup(n)); });
    svg.appendChild(edgeLayer);
    svg.appendChild(nodeLayer);
    box.appendChild(zoomControls(svg));
    box.appendChild(svg);
    enableZoomAndPan(svg);
    status(nodes.length + " nodes, " + net.edges.length + " relations" +
      (net.topic ? " on " + net.topic : "") + ".");
  }

  // Zoom and pan by moving the picture's viewBox: the wheel (or the + and − buttons, or the
  // + / - / 0 keys) zooms around the pointer, dragging the background or a node moves the view,
  // "Fit" shows it all again. A drag never follows the link it started on.
  var MIN_SCALE = 0.5, MAX_SCALE = 8;

  function viewOf(svg) {
    var v = svg.getAttribute("viewBox").split(" ").map(Number);
    return {x: v[0], y: v[1], w: v[2], h: v[3]};
  }

  function setView(svg, v) {
    svg.setAttribute("viewBox", [v.x, v.y, v.w, v.h].map(function (n) {
      return n.toFixed(2);
    }).join(" "));
    svg.setAttribute("data-scale", (WIDTH / v.w).toFixed(3));
  }

  function svgPoint(svg, clientX, clientY) {
    var m = svg.getScreenCTM();
    var p = svg.createSVGPoint();
    p.x = clientX; p.y = clientY;
    return m ? p.matrixTransform(m.inverse()) : {x: WIDTH / 2, y: HEIGHT / 2};
  }

  function zoom(svg, factor, at) {
    var v = viewOf(svg);
    var scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, (WIDTH / v.w) * factor));
    var w = WIDTH / scale, h = v.h * (w / v.w);
    var cx = at ? at.x : v.x + v.w / 2, cy = at ? at.y : v.y + v.h / 2;
    setView(svg, {x: cx - (cx - v.x) * (w / v.w), y: cy - (cy - v.y) * (h / v.h), w: w, h: h});
  }

  function fit(svg) { setView(svg, {x: 0, y: 0, w: WIDTH, h: HEIGHT}); }

  function enableZoomAndPan(svg) {
    fit(svg);
    svg.addEventListener("wheel", function (event) {
      event.preventDefault();
      zoom(svg, Math.pow(1.0015, -event.deltaY), svgPoint(svg, event.clientX, event.clientY));
    }, {passive: false});
    var drag = null, dragged = false;
    svg.addEventListener("pointerdown", function (event) {
      if (event.button !== 0) { return; }
      drag = {x: event.clientX, y: event.clientY, view: viewOf(svg), id: event.pointerId};
      dragged = false;
    });
    svg.addEventListener("pointermove", function (event) {
      if (!drag || event.pointerId !== drag.id) { return; }
      var dx = event.clientX - drag.x, dy = event.clientY - drag.y;
      if (!dragged && dx * dx + dy * dy < 16) { return; }
      if (!dragged) {
        dragged = true;
        svg.setPointerCapture(event.pointerId);
        svg.classList.add("panning");
      }
      var rect = svg.getBoundingClientRect(), per = drag.view.w / rect.width;
      setView(svg, {x: drag.view.x - dx * per, y: drag.view.y - dy * per,
                    w: drag.view.w, h: drag.view.h});
    });
    function end() { drag = null; svg.classList.remove("panning"); }
    svg.addEventListener("pointerup", end);
    svg.addEventListener("pointercancel", end);
    svg.addEventListener("click", function (event) {  // the end of a drag is no click
      if (dragged) { event.preventDefault(); event.stopPropagation(); dragged = false; }
    }, true);
  }

  function zoomControls(svg) {
    var bar = document.createElement("div");
    bar.className = "zoom-controls";
    [["+", "Zoom in", function () { zoom(svg, 1.5); }],
     ["−", "Zoom out", function () { zoom(svg, 1 / 1.5); }],
     ["Fit", "Show the whole network", function () { fit(svg); }]].forEach(function (b) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = b[0];
      button.title = b[1];
      button.setAttribute("aria-label", b[1]);
      button.addEventListener("click", b[2]);
      bar.appendChild(button);
    });
    return bar;
  }

  box.addEventListener("keydown", function (event) {
    var svg = box.querySelector("svg");
    if (!svg || event.target.tagName === "INPUT") { return; }
    if (event.key === "+" || event.key === "=") { zoom(svg, 1.5); } else if (event.key === "-") {
      zoom(svg, 1 / 1.5);
    } else if (event.key === "0") { fit(svg); } else { return; }
    event.preventDefault();
  });

  function load(src) {
    status("Loading…");
    fetch(src, {headers: {Accept: "application/json"}})
      .then(function (r) {
        if (!r.ok) { throw new Error("HTTP " + r.status); }
        return r.json();
      })
      .then(draw)
      .catch(function (err) { status("Could not load the network: " + err.message); });
  }

  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var params = new URLSearchParams();
      new FormData(form).forEach(function (value, key) { if (value) { params.set(key, value); } });
      var query = params.toString();
      history.replaceState(null, "", "/positions/network" + (query ? "?" + query : ""));
      load("/positions/network.json" + (query ? "?" + query : ""));
    });
    form.addEventListener("change", function (event) {
      if (event.target.tagName === "SELECT") { form.requestSubmit(); }
    });
  }
  load(box.getAttribute("data-src") || "/positions/network.json");
})();
