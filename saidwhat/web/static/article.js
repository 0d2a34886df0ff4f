// Hovering any piece of an attribution (or its row in the table) lights up all of it.
(function () {
  "use strict";
  var text = document.getElementById("text");
  if (!text) { return; }
  function parts(id) {
    return document.querySelectorAll('[data-a~="' + id + '"]');
  }
  function toggle(event, on) {
    var el = event.target.closest("[data-a]");
    if (!el) { return; }
    el.getAttribute("data-a").split(" ").forEach(function (id) {
      if (!/^[0-9]+$/.test(id)) { return; }
      parts(id).forEach(function (p) { p.classList.toggle("active", on); });
    });
  }
  document.addEventListener("mouseover", function (e) { toggle(e, true); });
  document.addEventListener("mouseout", function (e) { toggle(e, false); });

  // Arriving from a quote card (#q<id>): every piece of that quote is marked and shown.
  function target() {
    document.querySelectorAll(".target").forEach(function (p) { p.classList.remove("target"); });
    var m = /^#q([0-9]+)$/.exec(window.location.hash);
    if (!m) { return; }
    var found = parts(m[1]);
    found.forEach(function (p) { p.classList.add("target"); });
    if (found.length) { found[0].scrollIntoView({block: "center"}); }
  }
  window.addEventListener("hashchange", target);
  target();

  // A position's evidence link selects its words in the text. Offsets count code points (as
  // Python does); the DOM counts UTF-16 units, so astral characters are stepped over whole.
  function units(str, points) {
    var i = 0;
    for (var n = 0; n < points && i < str.length; n++) {
      var c = str.charCodeAt(i);
      i += (c >= 0xD800 && c <= 0xDBFF && i + 1 < str.length) ? 2 : 1;
    }
    return i;
  }
  function rangeAt(start, end) {
    var walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
    var seen = 0, range = document.createRange(), started = false, node;
    while ((node = walker.nextNode())) {
      var length = Array.from(node.nodeValue).length;
      if (!started && start < seen + length) {
        range.setStart(node, units(node.nodeValue, start - seen));
        started = true;
      }
      if (started && end <= seen + length) {
        range.setEnd(node, units(node.nodeValue, end - seen));
        return range;
      }
      seen += length;
    }
    return null;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a.evidence-link");
    if (!link) { return; }
    var start = parseInt(link.getAttribute("data-start"), 10);
    var end = parseInt(link.getAttribute("data-end"), 10);
    var range = start >= 0 && end > start ? rangeAt(start, end) : null;
    if (!range) { return; }
    event.preventDefault();
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    range.startContainer.parentElement.scrollIntoView({block: "center"});
  });
})();
