/* Material for MkDocs' inline content script (partials/javascripts/content.html of 9.8.2),
   moved to a file for the Content-Security-Policy: a link to a tab opens that tab. */
(function () {
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
})();
