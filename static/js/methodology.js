// Progressive enhancement: show the "Afdrukken" button only when the browser can print.
(function () {
    "use strict";
    document.querySelectorAll("[data-print]").forEach(function (button) {
        if (typeof window.print !== "function") {
            return;
        }
        button.hidden = false;
        button.addEventListener("click", function () {
            window.print();
        });
    });
})();
