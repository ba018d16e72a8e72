// Enhancements only: every page works without this script.
(function () {
  "use strict";
  // Quick exit: leave at once and replace this page in the history, so Back does not return here.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-quick-exit]");
    if (!link) return;
    event.preventDefault();
    document.body.style.display = "none";
    window.location.replace(link.href);
  });
  // Escape pressed twice quickly also leaves, for people who cannot reach the button in time.
  var lastEscape = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var now = Date.now();
    if (now - lastEscape < 1000) {
      var link = document.querySelector("[data-quick-exit]");
      if (link) { document.body.style.display = "none"; window.location.replace(link.href); }
    }
    lastEscape = now;
  });
  // A second click on a submit button does nothing while the first is being sent.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset.sent) { event.preventDefault(); return; }
    form.dataset.sent = "1";
  });
  // Pages restored from the back-forward cache can be sent again.
  window.addEventListener("pageshow", function () {
    Array.prototype.forEach.call(document.forms, function (form) { delete form.dataset.sent; });
  });
})();
