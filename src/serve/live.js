// Added by `planpress serve` to every page it serves (never to a build):
// reloads the page when the plan has been rebuilt. An event names the
// pages it is for ("pages") or not for ("except"), or neither: all pages.
(function () {
  if (!window.EventSource) return;
  var events = new EventSource("/__planpress/events");
  events.addEventListener("reload", function (event) {
    var page = window.location.pathname.split("/").pop() || "index.html";
    var what = {};
    try {
      what = JSON.parse(event.data) || {};
    } catch (e) {}
    if (what.pages && what.pages.indexOf(page) < 0) return;
    if (what.except && what.except.indexOf(page) >= 0) return;
    window.location.reload();
  });
})();
