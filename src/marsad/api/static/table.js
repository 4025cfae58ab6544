// The events as a table: sortable columns and pages. It knows nothing of events: it is given
// columns ({key, label, value(row), cell(row)}) and rows, and reports a chosen row by `onChoose`.
"use strict";

const TABLE_PAGE = 25;

function compareValues(a, b) {
  return typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b));
}

function isMissing(value) {
  return value === null || value === undefined || value === "";
}

class EventTable {
  constructor(container, { onChoose, onChange }) {
    this.container = container;
    this.onChoose = onChoose;
    this.onChange = onChange;
  }

  /** `sort`: {key, descending, page}; rows are sorted, then the page is drawn with its pager. */
  render(columns, rows, sort, text) {
    const column = columns.find((candidate) => candidate.key === sort.key) || columns[0];
    const sign = sort.descending ? -1 : 1;
    // Missing values go last whatever the direction.
    const missingLast = (a, b) => {
      const [x, y] = [column.value(a), column.value(b)];
      return isMissing(x) || isMissing(y) ? isMissing(x) - isMissing(y) : sign * compareValues(x, y);
    };
    const sorted = [...rows].sort(missingLast);
    const pages = Math.max(1, Math.ceil(sorted.length / TABLE_PAGE));
    const page = Math.min(Math.max(sort.page, 0), pages - 1);
    const shown = sorted.slice(page * TABLE_PAGE, (page + 1) * TABLE_PAGE);
    const header = columns.map((candidate) => {
      const active = candidate.key === column.key;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.dataset.sort = candidate.key;
      button.textContent = candidate.label;
      button.addEventListener("click", () => this.onChange({
        key: candidate.key, descending: active ? !sort.descending : candidate.numeric === true, page: 0 }));
      const cell = document.createElement("th");
      cell.scope = "col";
      if (active) cell.setAttribute("aria-sort", sort.descending ? "descending" : "ascending");
      cell.append(button);
      return cell;
    });
    const body = shown.map((row) => {
      const line = document.createElement("tr");
      line.tabIndex = 0;
      Object.assign(line.dataset, row.dataset || {});
      line.addEventListener("click", () => this.onChoose(row));
      line.addEventListener("keydown", (press) => press.key === "Enter" && this.onChoose(row));
      for (const candidate of columns) {
        const cell = document.createElement("td");
        if (candidate.numeric) cell.className = "num";
        cell.append(candidate.cell(row));
        line.append(cell);
      }
      return line;
    });
    const table = document.createElement("table");
    table.className = "events-table";
    const [head, tbody] = [document.createElement("thead"), document.createElement("tbody")];
    head.append(document.createElement("tr"));
    head.firstChild.append(...header);
    tbody.append(...body);
    table.append(head, tbody);
    this.container.replaceChildren(table, this.pager(page, pages, sort, text));
  }

  pager(page, pages, sort, text) {
    const nav = document.createElement("nav");
    nav.className = "pager";
    const move = (to, label, name) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = `quiet ${name}`;
      button.textContent = label;
      button.disabled = to < 0 || to >= pages;
      button.addEventListener("click", () => this.onChange({ ...sort, page: to }));
      return button;
    };
    const where = document.createElement("span");
    where.className = "page-number";
    where.textContent = text.page(page + 1, pages);
    nav.append(move(page - 1, text.previous, "previous"), where, move(page + 1, text.next, "next"));
    return nav;
  }
}
