// Progressive enhancement for the consultation form; the form works fully without it.
// - moves focus to the error summary, so keyboard and screen-reader users start there;
// - counts the description's characters as the person types (the server counts the same way);
// - on cached pages, fetches the short form's own antiforgery token, idempotency key and start time when the
//   person first touches the form (without it, the server shows the form again, filled in, to send once more).
(function () {
  "use strict";

  Array.prototype.forEach.call(document.querySelectorAll("form[data-token-url]"), function (form) {
    var request = null;
    var ready = false;

    function fill(values) {
      var fields = {
        IdempotencyKey: values.idempotencyKey,
        ShownAt: values.shownAt
      };
      fields[values.formFieldName] = values.token;
      Object.keys(fields).forEach(function (name) {
        var input = form.querySelector('input[type="hidden"][name="' + name + '"]');
        if (input) {
          input.value = fields[name];
        }
      });
      ready = true;
    }

    function fetchTokens() {
      if (!request) {
        request = fetch(form.getAttribute("data-token-url"), { credentials: "same-origin", cache: "no-store" })
          .then(function (response) {
            if (!response.ok) {
              throw new Error("form token " + response.status);
            }
            return response.json();
          })
          .then(fill)
          .catch(function () {
            request = null; // try again at the next touch; a send without a token is shown again, not lost
          });
      }
      return request || Promise.resolve();
    }

    form.addEventListener("focusin", fetchTokens, { once: true });
    form.addEventListener("submit", function (event) {
      if (ready) {
        return;
      }
      event.preventDefault();
      fetchTokens().then(function () {
        form.submit();
      });
    });
  });

  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }

  var areas = document.querySelectorAll("textarea[data-counter]");
  Array.prototype.forEach.call(areas, function (area) {
    var counter = document.getElementById(area.getAttribute("data-counter"));
    var live = document.getElementById(area.getAttribute("data-counter") + "-live");
    var max = parseInt(area.getAttribute("data-max"), 10);
    // The words come from the page (in its language); the numbers are written the page's way ("4,000", "4 000").
    var locale = area.getAttribute("data-locale") || document.documentElement.lang || "en-US";
    var wording = area.getAttribute("data-counter-text") || "{0} / {1}";
    var overWording = area.getAttribute("data-counter-over-text") || wording;
    var timer = null;

    function number(value) {
      try {
        return value.toLocaleString(locale);
      } catch (e) {
        return String(value);
      }
    }

    function text(count) {
      var values = [number(count), number(max), number(count - max)];
      return (count > max ? overWording : wording).replace(/\{(\d)\}/g, function (match, index) {
        return values[parseInt(index, 10)];
      });
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
