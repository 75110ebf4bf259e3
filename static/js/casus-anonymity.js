/* Casussen: instant anonymity check and one-click replacements. Progressive enhancement: without
   this script the same buttons submit the form and the server does the work. */
(function () {
    "use strict";
    var forms = document.querySelectorAll("form[data-check-url]");
    Array.prototype.forEach.call(forms, function (form) {
        var timer = null;
        var url = form.getAttribute("data-check-url");

        function fields() {
            return form.querySelectorAll("[data-anonymity-field]");
        }

        function escapeRegExp(text) {
            return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        }

        function recheck() {
            var body = new FormData(form);
            body.set("form", form.getAttribute("data-check-form") || "casus");
            fetch(url, { method: "POST", body: body, credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
                .then(function (response) { return response.ok ? response.text() : null; })
                .then(function (html) {
                    if (html === null) { return; }
                    var current = form.querySelector("[data-findings]");
                    if (!current) { return; }
                    var holder = document.createElement("div");
                    holder.innerHTML = html;
                    var fresh = holder.querySelector("[data-findings]");
                    if (fresh) { current.replaceWith(fresh); }
                })
                .catch(function () { /* the server check on submit still runs */ });
        }

        form.addEventListener("input", function (event) {
            if (!event.target.hasAttribute("data-anonymity-field")) { return; }
            window.clearTimeout(timer);
            timer = window.setTimeout(recheck, 700);
        });

        form.addEventListener("click", function (event) {
            var button = event.target.closest("button[data-replace-text]");
            if (!button) { return; }
            event.preventDefault();
            var needle = button.getAttribute("data-replace-text");
            var role = button.getAttribute("data-replace-role");
            var pattern = new RegExp("(^|[^\\p{L}\\p{N}_])" + escapeRegExp(needle) + "(?![\\p{L}\\p{N}_])", "gu");
            Array.prototype.forEach.call(fields(), function (field) {
                field.value = field.value.replace(pattern, function (match, before) { return before + role; });
            });
            var item = button.closest("li");
            if (item) { item.remove(); }
            recheck();
        });
    });
})();
