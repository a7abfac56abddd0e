/* plansite: the comparison of targets (/compare/<year>/).

   - 只看指标: the chosen indicator's column alone beside the regions (all columns again for 全部),
     kept in the address (?show=gdp_growth) with the sort order (tablesort.js), so that the table a
     reader sees can be shared as it is.
   - A cell's whole sentence (its tooltip) on hover, on keyboard focus and on tap: placed on screen,
     below its row or above it, never over the row itself. On a touch screen the first tap on a
     value shows the sentence and the second follows the link to the clause; Escape, or a tap
     elsewhere, closes it. Without this script the value is a plain link to the clause. */
(function () {
  "use strict";
  var MARGIN = 8;
  var open = null;
  var openCell = null;
  var touched = false;

  function place(tip, cell) {
    var row = cell.parentNode.getBoundingClientRect();
    var box = cell.getBoundingClientRect();
    var width = Math.min(320, window.innerWidth - 2 * MARGIN);
    tip.style.width = width + "px";
    tip.classList.add("cmp-open");
    var left = Math.max(MARGIN, Math.min(box.left, window.innerWidth - width - MARGIN));
    var height = tip.offsetHeight;
    var below = row.bottom + 4;
    var top = below + height <= window.innerHeight - MARGIN || row.top - height - 4 < MARGIN ? below : row.top - height - 4;
    tip.style.left = left + "px";
    tip.style.top = Math.max(MARGIN, top) + "px";
  }

  function show(cell) {
    var tip = cell.querySelector(".cmp-tip");
    if (!tip) return;
    if (open && open !== tip) hide();
    open = tip;
    openCell = cell;
    place(tip, cell);
  }

  function hide() {
    if (open) open.classList.remove("cmp-open");
    open = openCell = null;
  }

  // The table or the page scrolled: the sentence follows its cell, and goes when the cell does.
  function follow() {
    if (!open) return;
    var box = openCell.getBoundingClientRect();
    var frame = openCell.closest(".cmp-scroll").getBoundingClientRect();
    if (box.bottom < frame.top || box.top > frame.bottom || box.right < frame.left || box.left > frame.right) hide();
    else place(open, openCell);
  }

  function choose(table, select, key) {
    var headings = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var column = headings.findIndex(function (heading) { return heading.getAttribute("data-key") === key; });
    if (column < 1) key = "";
    Array.prototype.forEach.call(table.rows, function (row) {
      Array.prototype.forEach.call(row.cells, function (cell, index) {
        cell.classList.toggle("cmp-off", Boolean(key) && index > 0 && index !== column);
      });
    });
    select.value = key;
    var address = new URL(window.location.href);
    if (key) address.searchParams.set("show", key);
    else address.searchParams.delete("show");
    history.replaceState(history.state, "", address.pathname + address.search + address.hash);
  }

  function mount() {
    var table = document.querySelector("table.cmp");
    if (!table || table.hasAttribute("data-cmp")) return;
    table.setAttribute("data-cmp", "");
    var select = document.getElementById("cmp-show");
    if (select) {
      select.addEventListener("change", function () { choose(table, select, select.value); });
      var wanted = new URLSearchParams(window.location.search).get("show");
      if (wanted) choose(table, select, wanted);
    }
    table.addEventListener("pointerdown", function (event) { touched = event.pointerType !== "mouse"; });
    table.addEventListener("mouseover", function (event) {
      var cell = event.target.closest("td");
      if (cell && !touched) show(cell);
    });
    table.addEventListener("mouseleave", function () { if (!touched) hide(); });
    table.addEventListener("focusin", function (event) {
      var cell = event.target.closest("td");
      if (!cell) hide();
      else if (!touched) show(cell);
    });
    table.addEventListener("click", function (event) {
      var cell = event.target.closest("td");
      if (!cell || !touched) return;
      var tip = cell.querySelector(".cmp-tip");
      var link = event.target.closest("a");
      if (!tip || (link && link.classList.contains("cmp-res"))) return;
      if (open !== tip) {
        event.preventDefault();
        show(cell);
      }
    });
    document.addEventListener("click", function (event) {
      if (open && !event.target.closest("table.cmp")) hide();
    });
    document.addEventListener("keydown", function (event) {
      touched = false;
      if (event.key === "Escape") hide();
    });
    table.closest(".cmp-scroll").addEventListener("scroll", follow, { passive: true });
    window.addEventListener("scroll", follow, { passive: true });
    window.addEventListener("resize", hide);
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(mount);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mount);
  } else {
    mount();
  }
})();
