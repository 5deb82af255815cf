// English home page only: when the browser's preferred languages put Spanish or French before English, show the
// one hidden link to the home page in that language (written in it). An offer, never a redirect; nothing is
// stored (no cookie), so the page itself stays the same for everyone and can be cached.
(function () {
  "use strict";

  var preferred = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
  for (var i = 0; i < preferred.length; i++) {
    var code = String(preferred[i]).toLowerCase().split("-")[0];
    if (!/^[a-z]{2,3}$/.test(code)) {
      continue;
    }

    if (code === "en") {
      return;
    }

    var hint = document.querySelector('.language-hint[data-language="' + code + '"]');
    if (hint) {
      hint.hidden = false;
      return;
    }
  }
})();
