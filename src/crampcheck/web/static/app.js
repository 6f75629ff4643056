// Progressive extras only; every page works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".js-print").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  var error = document.querySelector("[aria-invalid='true']");
  if (error && typeof error.focus === "function") { error.focus(); }
});
