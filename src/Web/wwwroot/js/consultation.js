// Progressive enhancement for the consultation form; the form works fully without it.
// - moves focus to the error summary, so keyboard and screen-reader users start there;
// - counts the description's characters as the person types (the server counts the same way).
(function () {
  "use strict";

  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }

  var areas = document.querySelectorAll("textarea[data-counter]");
  Array.prototype.forEach.call(areas, function (area) {
    var counter = document.getElementById(area.getAttribute("data-counter"));
    var live = document.getElementById(area.getAttribute("data-counter") + "-live");
    var max = parseInt(area.getAttribute("data-max"), 10);
    var timer = null;

    function text(count) {
      var words = count.toLocaleString("en-US") + " of " + max.toLocaleString("en-US") + " characters";
      return count > max ? words + " (" + (count - max).toLocaleString("en-US") + " too many)" : words;
    }

    function update() {
      var count = area.value.replace(/\r\n/g, "\n").length;
      counter.textContent = text(count);
      counter.classList.toggle("over", count > max);
      // Screen readers hear the count once the person pauses, not at every keystroke.
      clearTimeout(timer);
      timer = setTimeout(function () {
        if (live) {
          live.textContent = text(count);
        }
      }, 1500);
    }

    area.addEventListener("input", update);
  });
})();
