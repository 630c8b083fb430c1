// Riposte dashboard: live alert feed over server-sent events.
// Alert text comes from articles (hostile input): it is only ever inserted with textContent.
(function () {
  "use strict";
  var list = document.getElementById("alerts");
  var live = document.getElementById("live");
  if (!list || !window.EventSource) {
    return;
  }
  var LEVELS = { "sev-high": 1, "sev-medium": 1, "sev-low": 1, "sev-coop": 1 };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function setLive(on) {
    live.textContent = on ? "live" : "reconnecting";
    live.className = on ? "live on" : "live off";
  }

  var source = new EventSource("/events");
  source.onopen = function () { setLive(true); };
  source.onerror = function () { setLive(false); };
  source.addEventListener("alert", function (msg) {
    var a;
    try { a = JSON.parse(msg.data); } catch (e) { return; }
    var level = LEVELS[a.level] ? a.level : "sev-low";
    var li = el("li", "alert fresh " + level);
    var meta = el("div", "meta");
    meta.appendChild(el("span", "atype", String(a.type)));
    meta.appendChild(document.createTextNode(" "));
    meta.appendChild(el("span", "adyad", String(a.dyad)));
    meta.appendChild(document.createTextNode(" "));
    meta.appendChild(el("time", null, a.action_date === null ? "date unknown" : String(a.action_date)));
    li.appendChild(meta);
    li.appendChild(el("p", null, String(a.summary)));
    list.insertBefore(li, list.firstChild);
    while (list.children.length > 50) {
      list.removeChild(list.lastChild);
    }
  });
})();
