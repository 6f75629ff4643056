// Progressive extras only; every page works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".js-print").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  // Paper shows every detail of a result: open the closed ones for printing, then close them.
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (details) {
      details.open = true;
      openedForPrint.push(details);
    });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (details) { details.open = false; });
    openedForPrint = [];
  });
  // A link to a source inside a closed section opens that section.
  function openTarget() {
    var target = location.hash && document.getElementById(location.hash.slice(1));
    var details = target && target.closest("details");
    if (details) { details.open = true; target.scrollIntoView(); }
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
  // The diary forms send local time; the zone says which (without it: the server's zone).
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  document.querySelectorAll(".js-time-zone").forEach(function (field) {
    if (!field.value && zone) { field.value = zone; }
  });
  var error = document.querySelector("[aria-invalid='true']");
  if (error && typeof error.focus === "function") { error.focus(); }
});
