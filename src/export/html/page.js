// newsgraph's page: pan and zoom the picture, search the entity list, and show an entity's type,
// aliases, mentions and relations (with their evidence) when a node, a list entry or a highlighted
// name is clicked. Everything is built with DOM calls and textContent, never from HTML strings.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var entities = data.entities;
  var touching = {};
  data.relations.forEach(function (r, i) {
    (touching[r.source] = touching[r.source] || []).push(i);
    if (r.target !== r.source) (touching[r.target] = touching[r.target] || []).push(i);
  });

  function el(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c !== null && c !== undefined) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return node;
  }

  // ---- pan and zoom, by the outer <svg>'s viewBox ----
  var viewport = document.getElementById("viewport");
  var svg = viewport.querySelector("svg");
  var full = null;
  function view() {
    var v = svg.viewBox.baseVal;
    return { x: v.x, y: v.y, w: v.width, h: v.height };
  }
  function setView(v) {
    svg.setAttribute("viewBox", [v.x, v.y, v.w, v.h].map(function (n) { return n.toFixed(2); }).join(" "));
  }
  function toSvg(clientX, clientY) {
    var p = svg.createSVGPoint();
    p.x = clientX;
    p.y = clientY;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  }
  function zoom(factor, center) {
    var v = view();
    var c = center || { x: v.x + v.w / 2, y: v.y + v.h / 2 };
    setView({ x: c.x - (c.x - v.x) * factor, y: c.y - (c.y - v.y) * factor, w: v.w * factor, h: v.h * factor });
  }
  if (svg) {
    full = view();
    svg.removeAttribute("width");
    svg.removeAttribute("height");
    viewport.addEventListener("wheel", function (e) {
      e.preventDefault();
      zoom(e.deltaY > 0 ? 1.2 : 1 / 1.2, toSvg(e.clientX, e.clientY));
    }, { passive: false });
    var drag = null;
    viewport.addEventListener("pointerdown", function (e) {
      drag = { x: e.clientX, y: e.clientY, v: view(), scale: 1 / svg.getScreenCTM().a, moved: false };
    });
    window.addEventListener("pointermove", function (e) {
      if (!drag) return;
      var dx = (e.clientX - drag.x) * drag.scale, dy = (e.clientY - drag.y) * drag.scale;
      if (Math.abs(dx) + Math.abs(dy) > 2) { drag.moved = true; viewport.classList.add("dragging"); }
      setView({ x: drag.v.x - dx, y: drag.v.y - dy, w: drag.v.w, h: drag.v.h });
    });
    window.addEventListener("pointerup", function () {
      viewport.classList.remove("dragging");
      setTimeout(function () { drag = null; }, 0);
    });
    svg.addEventListener("click", function (e) {
      if (drag && drag.moved) return;
      var node = e.target.closest("g.node");
      if (node && node.id.indexOf("e:") === 0) select(node.id.slice(2), { pan: false });
    });
  }
  document.getElementById("zoom-in").addEventListener("click", function () { if (svg) zoom(1 / 1.5); });
  document.getElementById("zoom-out").addEventListener("click", function () { if (svg) zoom(1.5); });
  document.getElementById("zoom-fit").addEventListener("click", function () { if (svg) setView(full); });

  function panTo(node) {
    var r = node.getBoundingClientRect();
    if (!r.width) return;
    var a = toSvg(r.left, r.top), b = toSvg(r.right, r.bottom);
    var v = view(), w = Math.min(v.w, Math.max(600, (b.x - a.x) * 8)), h = w * v.h / v.w;
    setView({ x: (a.x + b.x) / 2 - w / 2, y: (a.y + b.y) / 2 - h / 2, w: w, h: h });
  }

  // ---- the entity list and its search ----
  var items = Array.prototype.slice.call(document.querySelectorAll("#entity-list li"));
  var search = document.getElementById("search");
  var count = document.getElementById("count");
  function filter() {
    var q = search.value.trim().toLowerCase(), shown = 0;
    items.forEach(function (li) {
      var hit = !q || li.getAttribute("data-s").indexOf(q) >= 0;
      li.hidden = !hit;
      if (hit) shown++;
    });
    count.textContent = shown + " of " + items.length + " entities";
  }
  search.addEventListener("input", filter);
  document.getElementById("entity-list").addEventListener("click", function (e) {
    var li = e.target.closest("li");
    if (li) select(li.getAttribute("data-id"), { pan: true });
  });

  // ---- the articles: a highlighted name selects its entity ----
  document.getElementById("articles").addEventListener("click", function (e) {
    var mark = e.target.closest("mark[data-id]");
    if (!mark) return;
    e.stopPropagation();
    select(mark.getAttribute("data-id"), { pan: true });
  });
  function showMention(id) {
    var mark = document.getElementById(id);
    if (!mark) return;
    mark.scrollIntoView({ block: "center" });
    mark.classList.add("flash");
    setTimeout(function () { mark.classList.remove("flash"); }, 1500);
  }

  // ---- the details of one entity ----
  var details = document.getElementById("details");
  function entityLink(id) {
    var e = entities[id];
    var a = el("a", { "data-id": id, text: e ? e.label : id });
    a.addEventListener("click", function () { select(id, { pan: true }); });
    return a;
  }
  function evidence(ev) {
    var doc = data.documents[ev.doc];
    var q = el("blockquote", null, ev.before, el("b", { text: ev.quote }), ev.after);
    var src = el("a", { text: doc ? doc.title : "" });
    src.addEventListener("click", function () { showMention("m-" + ev.doc + "-" + ev.start + "-" + ev.end); });
    return el("div", null, q, el("small", null, "in ", src));
  }
  function relationsOf(id) {
    var list = el("ul");
    (touching[id] || []).forEach(function (i) {
      var r = data.relations[i];
      var out = r.source === id;
      var line = el("li", null, out ? "" : "← ", el("span", { text: r.type.replace(/_/g, " ") }), " ",
        entityLink(out ? r.target : r.source), el("small", { class: "muted", text: " (confidence " + r.confidence.toFixed(2) + ")" }));
      r.evidence.slice(0, 5).forEach(function (ev) { line.appendChild(evidence(ev)); });
      if (r.evidence.length > 5) line.appendChild(el("small", { class: "muted", text: (r.evidence.length - 5) + " more" }));
      list.appendChild(line);
    });
    return list;
  }
  function mentionsOf(id, e) {
    var list = el("ul");
    e.mentions.slice(0, 50).forEach(function (m) {
      var doc = data.documents[m[0]];
      var a = el("a", { text: m[3] });
      a.addEventListener("click", function () { showMention("m-" + m[0] + "-" + m[1] + "-" + m[2]); });
      list.appendChild(el("li", null, a, el("small", { class: "muted", text: " — " + (doc ? doc.title : "") })));
    });
    if (e.mentions.length > 50) list.appendChild(el("li", { class: "muted", text: (e.mentions.length - 50) + " more" }));
    return list;
  }
  function showDetails(id, e) {
    details.textContent = "";
    details.appendChild(el("h2", { text: e.label }));
    details.appendChild(el("p", null, el("span", { class: "type t-" + e.type, text: e.type }), " ",
      el("code", { text: id }), e.pictured ? null : el("span", { class: "muted", text: " — not in the picture" })));
    if (e.aliases.length) details.appendChild(el("p", null, "Also: " + e.aliases.join("; ")));
    Object.keys(e.attributes).forEach(function (k) {
      details.appendChild(el("p", null, k + ": " + e.attributes[k].join("; ")));
    });
    details.appendChild(el("h3", { text: "Relations (" + (touching[id] || []).length + ")" }));
    details.appendChild(relationsOf(id));
    details.appendChild(el("h3", { text: "Mentions (" + e.mentions.length + ")" }));
    details.appendChild(mentionsOf(id, e));
  }

  function select(id, opts) {
    var e = entities[id];
    if (!e) return;
    showDetails(id, e);
    items.forEach(function (li) {
      var on = li.getAttribute("data-id") === id;
      li.firstChild.classList.toggle("current", on);
      if (on && opts.pan) li.scrollIntoView({ block: "nearest" });
    });
    if (!svg) return;
    Array.prototype.forEach.call(svg.querySelectorAll(".selected, .near"), function (n) { n.classList.remove("selected", "near"); });
    var node = document.getElementById("e:" + id);
    svg.classList.toggle("focused", !!node);
    if (!node) return;
    node.classList.add("selected");
    (touching[id] || []).forEach(function (i) {
      var r = data.relations[i];
      var edge = document.getElementById("r:" + r.source + "|" + r.type + "|" + r.target);
      if (edge) edge.classList.add("selected");
      var other = document.getElementById("e:" + (r.source === id ? r.target : r.source));
      if (other) other.classList.add("near");
    });
    if (opts.pan) panTo(node);
  }

  // ---- a link can carry a search and a selection: graph.html#q=blinken&entity=person/... ----
  var params = new URLSearchParams(location.hash.slice(1));
  if (params.get("q")) search.value = params.get("q");
  filter();
  if (params.get("entity")) select(params.get("entity"), { pan: true });
  document.documentElement.dataset.ready = "true";
})();
