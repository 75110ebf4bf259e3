/* Casussen: the anonymity check as you type, findings beside each field, and one-click replacements.
   Progressive enhancement: without this script the same buttons submit the form and the server
   replaces the text and saves the draft. With it, the text is replaced in place and the check
   request saves the draft too (casus form), so the server never keeps text the member replaced;
   if that request fails, the button submits the form after all. */
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

        function swap(fresh) {
            var selector = fresh.hasAttribute("data-findings-summary")
                ? "[data-findings-summary]"
                : '[data-findings-for="' + fresh.getAttribute("data-findings-for") + '"]';
            var current = form.querySelector(selector);
            if (current) { current.replaceWith(fresh); }
        }

        function recheck() {
            var body = new FormData(form);
            body.set("form", form.getAttribute("data-check-form") || "casus");
            return fetch(url, { method: "POST", body: body, credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
                .then(function (response) { return response.ok ? response.text() : null; })
                .then(function (html) {
                    if (html === null) { return false; }
                    var holder = document.createElement("div");
                    holder.innerHTML = html;
                    Array.prototype.forEach.call(holder.querySelectorAll("[data-findings-for], [data-findings-summary]"), swap);
                    return true;
                })
                .catch(function () { return false; });
        }

        function replaceText(needle, role) {
            var pattern = new RegExp("(^|[^\\p{L}\\p{N}_])" + escapeRegExp(needle) + "(?![\\p{L}\\p{N}_])", "gu");
            Array.prototype.forEach.call(fields(), function (field) {
                field.value = field.value.replace(pattern, function (match, before) { return before + role; });
            });
        }

        function replaceAndSave(button, pairs) {
            pairs.sort(function (a, b) { return b[0].length - a[0].length; });  // full names before first names
            pairs.forEach(function (pair) { replaceText(pair[0], pair[1]); });
            recheck().then(function (saved) {
                if (!saved && button.isConnected) { form.requestSubmit(button); }
                else if (!saved) { form.requestSubmit(); }
            });
        }

        form.addEventListener("input", function (event) {
            if (!event.target.hasAttribute("data-anonymity-field")) { return; }
            window.clearTimeout(timer);
            timer = window.setTimeout(recheck, 700);
        });

        form.addEventListener("click", function (event) {
            var one = event.target.closest("button[data-replace-text]");
            var all = event.target.closest("button[data-replace-all]");
            if (!one && !all) { return; }
            event.preventDefault();
            window.clearTimeout(timer);
            var buttons = one ? [one] : form.querySelectorAll("button[data-replace-text]");
            var pairs = Array.prototype.map.call(buttons, function (button) {
                return [button.getAttribute("data-replace-text"), button.getAttribute("data-replace-role")];
            });
            replaceAndSave(one || all, pairs);
        });
    });
})();
