/* plansite: sortable tables. Each column heading becomes a button that sorts its table by that
   column (click, tap, or Enter / Space); again reverses. The sorted heading says which way in
   aria-sort, which screen readers announce. A cell's data-sort gives its key; otherwise figures
   such as ≥18万人 or 约5% sort by their number (万 and 亿 counted), text by Chinese collation,
   clause IDs such as 5-1-3 in document order. Empty cells (no data-sort, no figure) go last either
   way; rows marked data-pinned (the nation's, on the comparison) stay first. A table with
   data-sort-state="query" keeps its order in the address (?sort=gdp_growth&order=desc, the column
   named by its heading's data-key), so that a sorted table can be shared. */
(function () {
  "use strict";
  var collator = new Intl.Collator("zh-CN", { numeric: true });
  var figure = /^(?:增长)?[约≥≤><]?([0-9]+(?:\.[0-9]+)?)(万亿|亿|万)?[^0-9-]*$/;
  var scale = { "万": 1e4, "亿": 1e8, "万亿": 1e12 };

  function key(cell) {
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
  }

  function number(cell) {
    if (cell.hasAttribute("data-sort")) {
      var value = parseFloat(cell.getAttribute("data-sort"));
      return isNaN(value) ? null : value;
    }
    var match = figure.exec(cell.textContent.trim());
    return match ? parseFloat(match[1]) * (scale[match[2]] || 1) : null;
  }

  function blank(cell) {
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") === "" : !cell.textContent.trim();
  }

  function sortBy(table, heading, column, ascending) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var pinned = rows.map(function (row) { return row.hasAttribute("data-pinned"); });
    var cells = rows.map(function (row) { return row.cells[column]; });
    var blanks = cells.map(function (cell) { return !cell || blank(cell); });
    var numbers = cells.map(function (cell, index) { return blanks[index] ? null : number(cell); });
    var numeric = numbers.every(function (value, index) { return blanks[index] || value !== null; });
    var order = rows.map(function (row, index) { return index; });
    order.sort(function (a, b) {
      if (pinned[a] !== pinned[b]) return pinned[a] ? -1 : 1;
      if (blanks[a] !== blanks[b]) return blanks[a] ? 1 : -1;
      var result = blanks[a] ? 0 : numeric
        ? numbers[a] - numbers[b]
        : collator.compare(key(cells[a]), key(cells[b]));
      return (ascending ? result : -result) || a - b;
    });
    Array.prototype.forEach.call(heading.parentNode.cells, function (cell) { cell.removeAttribute("aria-sort"); });
    heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    order.forEach(function (index) { body.appendChild(rows[index]); });
  }

  function remember(table, heading, ascending) {
    if (table.getAttribute("data-sort-state") !== "query" || !heading.hasAttribute("data-key")) return;
    var address = new URL(window.location.href);
    address.searchParams.set("sort", heading.getAttribute("data-key"));
    address.searchParams.set("order", ascending ? "asc" : "desc");
    history.replaceState(history.state, "", address.pathname + address.search + address.hash);
  }

  function restore(table, headings) {
    if (table.getAttribute("data-sort-state") !== "query") return;
    var query = new URLSearchParams(window.location.search);
    var wanted = query.get("sort");
    headings.forEach(function (heading, column) {
      if (wanted && heading.getAttribute("data-key") === wanted) {
        sortBy(table, heading, column, query.get("order") !== "desc");
      }
    });
  }

  function mount(table) {
    if (!table.tHead || !table.tBodies.length || table.hasAttribute("data-sortable")) return;
    table.setAttribute("data-sortable", "");
    var headings = Array.prototype.slice.call(table.tHead.rows[0].cells);
    headings.forEach(function (heading, column) {
      // Chromium leaves form controls out of a table header repeated on each printed page: paper
      // shows the heading's words from this attribute instead (plansite.css).
      heading.setAttribute("data-label", heading.textContent.trim());
      var button = document.createElement("button");
      button.type = "button";
      button.className = "ps-sort";
      while (heading.firstChild) button.appendChild(heading.firstChild);
      heading.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = heading.getAttribute("aria-sort") !== "ascending";
        sortBy(table, heading, column, ascending);
        remember(table, heading, ascending);
      });
      // The whole heading answers a click or tap, its padding too; focus given to the heading (by a
      // script: it is no tab stop of its own) goes to its button.
      heading.addEventListener("click", function (event) {
        if (!button.contains(event.target)) button.click();
      });
      heading.tabIndex = -1;
      heading.addEventListener("focus", function () { button.focus(); });
    });
    restore(table, headings);
  }

  function mountAll() {
    Array.prototype.forEach.call(document.querySelectorAll("article table"), mount);
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(mountAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountAll);
  } else {
    mountAll();
  }
})();
