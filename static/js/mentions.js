/* @mentions (progressive enhancement): typing "@" and two letters of a colleague's name in a casus or
   reaction text lists members who may read the page (/leden/noemen/); choosing one inserts a stable
   token "@[Voornaam Achternaam](id)", which the page shows as "@Voornaam Achternaam".
   Keyboard as in a combobox (a textarea may not take that role: the list is its aria-controls and
   aria-activedescendant, a status line says how many were found): arrow keys move, Enter or Tab
   chooses, Escape closes. */
(function () {
    "use strict";
    var script = document.currentScript;
    if (!script || !window.fetch) { return; }
    var url = script.getAttribute("data-mention-url");
    var pageId = script.getAttribute("data-page");
    function text(name, values) {  // the page's translated words (mentions_script.html)
        var words = script.getAttribute("data-text-" + name) || "";
        return words.replace(/%\((\w+)\)s/g, function (_all, key) { return values[key]; });
    }
    var FIELDS = 'textarea[name="body"], textarea[name="situation"], textarea[name="question"], textarea[name="follow_up"]';
    var counter = 0;

    function setup(area) {
        counter += 1;
        var listId = "mention-list-" + counter;
        var list = document.createElement("ul");
        list.id = listId;
        list.className = "mention-list";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", text("list", {}));
        list.hidden = true;
        var status = document.createElement("p");
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        area.insertAdjacentElement("afterend", status);
        area.insertAdjacentElement("afterend", list);
        area.setAttribute("aria-autocomplete", "list");
        area.setAttribute("aria-controls", listId);
        var results = [], active = -1, timer = null, start = -1;

        function close() {
            list.hidden = true;
            area.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function highlight(index) {
            active = index;
            Array.prototype.forEach.call(list.children, function (item, i) {
                item.setAttribute("aria-selected", i === index ? "true" : "false");
            });
            if (index >= 0) { area.setAttribute("aria-activedescendant", listId + "-" + index); }
        }

        function choose(index) {
            var result = results[index];
            if (!result || start < 0) { return; }
            var caret = area.selectionStart;
            var before = area.value.slice(0, start), after = area.value.slice(caret);
            var inserted = result.token + " ";
            area.value = before + inserted + after;
            var position = before.length + inserted.length;
            area.setSelectionRange(position, position);
            area.dispatchEvent(new Event("input", { bubbles: true }));
            status.textContent = text("chosen", { name: result.name });
            close();
            area.focus();
        }

        function render() {
            list.innerHTML = "";
            results.forEach(function (result, i) {
                var item = document.createElement("li");
                item.id = listId + "-" + i;
                item.setAttribute("role", "option");
                item.setAttribute("aria-selected", "false");
                item.textContent = result.name + (result.detail ? " · " + result.detail : "");
                item.addEventListener("mousedown", function (event) { event.preventDefault(); choose(i); });
                list.appendChild(item);
            });
            if (results.length) {
                list.hidden = false;
                highlight(0);
                status.textContent = results.length === 1 ? text("found-one", {}) : text("found-many", { count: results.length });
            } else {
                close();
            }
        }

        function lookup() {
            var upToCaret = area.value.slice(0, area.selectionStart);
            var match = /(^|\s)@([^\s@\[\]()][^@\[\]()\n]{1,40})$/.exec(upToCaret);
            if (!match) { close(); start = -1; return; }
            start = upToCaret.length - match[2].length - 1;
            var query = match[2];
            fetch(url + "?pagina=" + encodeURIComponent(pageId) + "&q=" + encodeURIComponent(query), {
                credentials: "same-origin", headers: { "Accept": "application/json" }
            }).then(function (response) {
                return response.ok ? response.json() : { results: [] };
            }).then(function (data) {
                results = data.results || [];
                render();
            }).catch(close);
        }

        area.addEventListener("input", function (event) {
            if (!event.isTrusted) { return; }
            window.clearTimeout(timer);
            timer = window.setTimeout(lookup, 200);
        });
        area.addEventListener("keydown", function (event) {
            if (list.hidden) { return; }
            if (event.key === "ArrowDown") { event.preventDefault(); highlight(Math.min(active + 1, results.length - 1)); }
            else if (event.key === "ArrowUp") { event.preventDefault(); highlight(Math.max(active - 1, 0)); }
            else if (event.key === "Enter" || event.key === "Tab") { if (active >= 0) { event.preventDefault(); choose(active); } }
            else if (event.key === "Escape") { event.preventDefault(); close(); }
        });
        area.addEventListener("blur", function () { window.setTimeout(close, 150); });
    }

    function init() { Array.prototype.forEach.call(document.querySelectorAll(FIELDS), setup); }
    if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
}());
