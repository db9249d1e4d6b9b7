// Progressive enhancement: the claim page is complete without this script. With it, a "Copy link"
// button appears that copies the claim's permanent address (its canonical URL) to the clipboard.
(function () {
  "use strict";
  var button = document.querySelector("[data-copy-link]");
  var canonical = document.querySelector("link[rel=canonical]");
  if (!button || !canonical || !navigator.clipboard) {
    return;
  }
  var status = document.getElementById(button.getAttribute("aria-describedby"));
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(canonical.href).then(
      function () { if (status) { status.textContent = "Link copied: " + canonical.href; } },
      function () { if (status) { status.textContent = "Could not copy; the address is " + canonical.href; } });
  });
})();
