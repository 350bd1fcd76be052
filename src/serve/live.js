// Added by `planpress serve` to every page it serves (never to a build):
// reloads the page when the plan has been rebuilt.
(function () {
  if (!window.EventSource) return;
  var events = new EventSource("/__planpress/events");
  events.addEventListener("reload", function () {
    window.location.reload();
  });
})();
