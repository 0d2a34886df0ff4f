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
})();
