// The staff header's "Menu" (a <details>, which opens and closes without this file). On wide screens the menu is
// open, for browsers whose CSS cannot show it inline; on a phone, Escape or a tap outside closes it.
const menu = document.querySelector("details.admin-menu");
if (menu) {
    const wide = window.matchMedia("(min-width: 1100px)");
    const fit = () => { menu.open = wide.matches; };
    fit();
    wide.addEventListener("change", fit);

    const close = () => {
        if (menu.open && !wide.matches) {
            menu.open = false;
            return true;
        }

        return false;
    };

    document.addEventListener("keydown", event => {
        if (event.key === "Escape" && menu.contains(document.activeElement) && close()) {
            menu.querySelector("summary").focus();
        }
    });
    document.addEventListener("click", event => {
        if (!menu.contains(event.target)) {
            close();
        }
    });
}
