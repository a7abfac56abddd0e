/* plansite: sortable tables. A column heading sorts its table by that column (click, or Enter /
   Space when focused); again reverses. Figures such as ≥18万人 or 约5% sort by their number (万
   and 亿 counted), text by Chinese collation, clause IDs such as 5-1-3 in document order. */
(function () {
  "use strict";
  var collator = new Intl.Collator("zh-CN", { numeric: true });
  var figure = /^(?:增长)?[约≥≤><]?([0-9]+(?:\.[0-9]+)?)(万亿|亿|万)?[^0-9-]*$/;
  var scale = { "万": 1e4, "亿": 1e8, "万亿": 1e12 };

  function number(cell) {
    var match = figure.exec(cell.textContent.trim());
    return match ? parseFloat(match[1]) * (scale[match[2]] || 1) : null;
  }

  function sortBy(table, heading, column) {
    var ascending = heading.getAttribute("aria-sort") !== "ascending";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var numbers = rows.map(function (row) { return number(row.cells[column]); });
    var numeric = numbers.every(function (value) { return value !== null; });
    var order = rows.map(function (row, index) { return index; });
    order.sort(function (a, b) {
      var result = numeric
        ? numbers[a] - numbers[b]
        : collator.compare(rows[a].cells[column].textContent.trim(), rows[b].cells[column].textContent.trim());
      return (ascending ? result : -result) || a - b;
    });
    Array.prototype.forEach.call(heading.parentNode.cells, function (cell) { cell.removeAttribute("aria-sort"); });
    heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    order.forEach(function (index) { body.appendChild(rows[index]); });
  }

  function mount(table) {
    if (!table.tHead || !table.tBodies.length || table.hasAttribute("data-sortable")) return;
    table.setAttribute("data-sortable", "");
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (heading, column) {
      heading.tabIndex = 0;
      heading.title = "按此列排序";
      heading.addEventListener("click", function () { sortBy(table, heading, column); });
      heading.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          sortBy(table, heading, column);
        }
      });
    });
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
