// Progressive extras only; every page works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".js-print").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  // The diary forms send local time; the zone says which (without it: the server's zone).
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  document.querySelectorAll(".js-time-zone").forEach(function (field) {
    if (!field.value && zone) { field.value = zone; }
  });
  var error = document.querySelector("[aria-invalid='true']");
  if (error && typeof error.focus === "function") { error.focus(); }
});
