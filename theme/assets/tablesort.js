/* plansite: sortable tables. A column heading sorts its table by that column (click, or Enter /
   Space when focused); again reverses. A cell's data-sort gives its key; otherwise figures such
   as ≥18万人 or 约5% sort by their number (万 and 亿 counted), text by Chinese collation, clause IDs
   such as 5-1-3 in document order. Empty cells (no data-sort, no figure) go last either way. */
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

  function sortBy(table, heading, column) {
    var ascending = heading.getAttribute("aria-sort") !== "ascending";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var cells = rows.map(function (row) { return row.cells[column]; });
    var blanks = cells.map(function (cell) { return !cell || blank(cell); });
    var numbers = cells.map(function (cell, index) { return blanks[index] ? null : number(cell); });
    var numeric = numbers.every(function (value, index) { return blanks[index] || value !== null; });
    var order = rows.map(function (row, index) { return index; });
    order.sort(function (a, b) {
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
