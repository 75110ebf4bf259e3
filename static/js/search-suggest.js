/* Search-as-you-type: titles under every search box with data-suggest-url (progressive enhancement).
   ARIA combobox pattern: arrow keys move through the list, Enter opens the chosen title, Escape closes. */
(function () {
    "use strict";
    var counter = 0;

    function setup(input) {
        var url = input.getAttribute("data-suggest-url");
        if (!url || !window.fetch) { return; }
        counter += 1;
        var listId = "search-suggest-" + counter;
        var list = document.createElement("ul");
        list.id = listId;
        list.className = "search-suggest";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", input.getAttribute("data-suggest-label") || "Suggesties");
        list.hidden = true;
        var status = document.createElement("p");
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        var wrapper = input.parentNode;
        wrapper.classList.add("search-suggest-host");
        wrapper.appendChild(list);
        wrapper.appendChild(status);
        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);

        var timer = null, active = -1, items = [], lastQuery = "", controller = null;

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function render(suggestions) {
            list.innerHTML = "";
            items = suggestions;
            suggestions.forEach(function (item, index) {
                var li = document.createElement("li");
                li.id = listId + "-" + index;
                li.setAttribute("role", "option");
                li.className = "search-suggest__item";
                var title = document.createElement("span");
                title.textContent = item.title;
                var type = document.createElement("span");
                type.className = "search-suggest__type";
                type.textContent = item.type_label || item.type;
                li.appendChild(title);
                li.appendChild(type);
                li.addEventListener("mousedown", function (event) {
                    event.preventDefault();
                    go(index);
                });
                list.appendChild(li);
            });
            if (suggestions.length) {
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
                status.textContent = suggestions.length + (suggestions.length === 1 ? " suggestie" : " suggesties");
            } else {
                close();
                status.textContent = "";
            }
        }

        function highlight(index) {
            var options = list.querySelectorAll("[role=option]");
            options.forEach(function (option, i) { option.setAttribute("aria-selected", i === index ? "true" : "false"); });
            active = index;
            if (index >= 0 && options[index]) {
                input.setAttribute("aria-activedescendant", options[index].id);
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function go(index) {
            var item = items[index];
            if (item && item.url) { window.location.href = item.url; }
        }

        function fetchSuggestions() {
            var query = input.value.trim();
            if (query === lastQuery) { return; }
            lastQuery = query;
            if (query.length < 2) { render([]); return; }
            if (controller) { controller.abort(); }
            controller = window.AbortController ? new AbortController() : null;
            fetch(url + "?q=" + encodeURIComponent(query), {
                credentials: "same-origin",
                headers: {"Accept": "application/json"},
                signal: controller ? controller.signal : undefined
            }).then(function (response) {
                return response.ok ? response.json() : {suggestions: []};
            }).then(function (data) {
                if (input.value.trim() === query) { render(data.suggestions || []); }
            }).catch(function () { /* the form still works without suggestions */ });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(fetchSuggestions, 200);
        });
        input.addEventListener("keydown", function (event) {
            if (list.hidden) { return; }
            if (event.key === "ArrowDown") {
                event.preventDefault();
                highlight(Math.min(active + 1, items.length - 1));
            } else if (event.key === "ArrowUp") {
                event.preventDefault();
                highlight(Math.max(active - 1, -1));
            } else if (event.key === "Enter" && active >= 0) {
                event.preventDefault();
                go(active);
            } else if (event.key === "Escape") {
                close();
            }
        });
        input.addEventListener("blur", function () { window.setTimeout(close, 150); });
    }

    function init() {
        document.querySelectorAll("input[data-suggest-url]").forEach(setup);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
}());
