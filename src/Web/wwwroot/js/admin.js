// Small conveniences for the staff area. Every page works without them: what this file adds is hidden until it runs.

// A button with data-copy="#id" copies the text of the element it names (a field's value, or its text), and says so
// in its own label for two seconds. The buttons carry the hidden attribute, so without JavaScript none is shown.
for (const button of document.querySelectorAll("button[data-copy]")) {
    button.hidden = false;
    const label = button.textContent;
    button.addEventListener("click", async () => {
        const source = document.querySelector(button.dataset.copy);
        if (!source) {
            return;
        }

        const text = "value" in source ? source.value : source.textContent.trim();
        try {
            await navigator.clipboard.writeText(text);
            button.textContent = button.dataset.copied || "Copied";
        } catch {
            // No clipboard (an insecure origin, or refused): select the text, so that the person can copy it.
            if (source.select) {
                source.select();
            }

            button.textContent = button.dataset.copyFailed || "Select and copy it";
        }

        setTimeout(() => { button.textContent = label; }, 2000);
    });
}

// A form's error summary takes the focus when the page opens, so that a screen reader reads what is wrong. The
// autofocus attribute cannot do it: browsers skip it when the address has a fragment, as after a form posted to
// ".../PR-XXXXXX#update" (which is what opens the page at the form, with or without this script).
// It waits for the page's load: the browser's move to the fragment comes after this script and resets the focus.
const summary = document.querySelector("[data-focus-on-load]");
if (summary) {
    window.addEventListener("load", () => {
        if (document.activeElement === document.body) {
            summary.focus({ preventScroll: true });
        }
    });
}
