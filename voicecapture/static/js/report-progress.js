// The report progress page: ask every two seconds how the report is doing, say so in the live region,
// and show the report when it is ready. Without JavaScript the page has a "Check now" link instead.
(function () {
  "use strict";
  var region = document.getElementById("report-progress");
  if (!region || !window.fetch) { return; }
  var url = region.getAttribute("data-progress-url");
  var last = "";
  function check() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (!state) { return; }
        if (state.status === "stored" || state.status === "failed") { window.location.reload(); return; }
        if (state.message !== last) {
          last = state.message;
          region.innerHTML = "";
          var paragraph = document.createElement("p");
          paragraph.className = "govuk-body";
          paragraph.textContent = state.message;
          region.appendChild(paragraph);
        }
        window.setTimeout(check, 2000);
      })
      .catch(function () { window.setTimeout(check, 5000); });
  }
  window.setTimeout(check, 2000);
})();
