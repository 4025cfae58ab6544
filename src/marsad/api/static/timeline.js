// The timeline: a histogram of events (bars up) and deaths (bars down) per day, week or month,
// where dragging or clicking selects a period. It knows nothing of the map or the list: it draws
// what it is given and reports the chosen period, {from, to} as inclusive YYYY-MM-DD, or null.
// Time runs left to right in both languages, as on any chart with a date axis (Arabic ones too).
"use strict";

const DAY_MS = 86400000;
// Bars stay at least about 4 px wide on a 900 px chart: days up to half a year, then weeks, then months.
const DAILY_UP_TO_DAYS = 180;
const WEEKLY_UP_TO_DAYS = 3 * 366;
// The chart is drawn in a fixed viewBox stretched to the container, so it needs no redraw on resize.
const CHART = { width: 1000, eventsBottom: 58, deathsTop: 62, height: 100 };
const SVG_NS = "http://www.w3.org/2000/svg";

function isoDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

function timelineUnit(spanDays) {
  if (spanDays <= DAILY_UP_TO_DAYS) return "day";
  return spanDays <= WEEKLY_UP_TO_DAYS ? "week" : "month";
}

/** The start (UTC ms) of the day, ISO week (Monday) or month holding `ms`. */
function unitStart(ms, unit) {
  const date = new Date(ms);
  if (unit === "month") return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  return unit === "week" ? day - ((date.getUTCDay() + 6) % 7) * DAY_MS : day;
}

function nextUnitStart(start, unit) {
  if (unit === "day") return start + DAY_MS;
  if (unit === "week") return start + 7 * DAY_MS;
  const date = new Date(start);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

/** Bins from the first to the last dated event, empty ones included, so the axis is linear in time. */
function timelineBins(events) {
  const dated = events
    .map((event) => ({ ms: Date.parse(event.date_start), deaths: event.fatalities?.acled ?? 0 }))
    .filter(({ ms }) => Number.isFinite(ms));
  if (!dated.length) return { unit: "day", bins: [] };
  const first = Math.min(...dated.map(({ ms }) => ms));
  const last = Math.max(...dated.map(({ ms }) => ms));
  const unit = timelineUnit((last - first) / DAY_MS);
  const bins = [];
  for (let start = unitStart(first, unit); start <= last; start = nextUnitStart(start, unit)) {
    const end = nextUnitStart(start, unit);
    bins.push({ start, from: isoDay(start), to: isoDay(end - DAY_MS), events: 0, deaths: 0 });
  }
  const starts = bins.map((bin) => bin.start);
  for (const { ms, deaths } of dated) {
    const bin = bins[lastAtOrBefore(starts, ms)];
    bin.events += 1;
    bin.deaths += deaths;
  }
  return { unit, bins };
}

/** Index of the last sorted value <= target (binary search: thousands of events, hundreds of bins). */
function lastAtOrBefore(sorted, target) {
  let [low, high] = [0, sorted.length - 1];
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (sorted[middle] <= target) low = middle;
    else high = middle - 1;
  }
  return low;
}

function svgNode(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

class Timeline {
  /** `format(key, values)` gives interface text; `onSelect(selection)` hears every committed choice. */
  constructor(svg, { format, onSelect }) {
    this.svg = svg;
    this.format = format;
    this.onSelect = onSelect;
    this.bins = [];
    this.selection = null;
    this.drag = null;
    svg.addEventListener("pointerdown", (event) => this.startDrag(event));
    svg.addEventListener("pointermove", (event) => this.moveDrag(event));
    svg.addEventListener("pointerup", (event) => this.endDrag(event));
    svg.addEventListener("pointercancel", () => this.cancelDrag());
    svg.addEventListener("keydown", (event) => this.key(event));
  }

  render(bins, selection) {
    this.bins = bins;
    this.selection = selection;
    const mostEvents = Math.max(1, ...bins.map((bin) => bin.events));
    const mostDeaths = Math.max(1, ...bins.map((bin) => bin.deaths));
    const width = CHART.width / Math.max(1, bins.length);
    const gap = bins.length < 120 ? width * 0.15 : 0;
    const bars = bins.map((bin, index) => {
      const x = this.xOf(index, width) + gap / 2;
      const up = (bin.events / mostEvents) * CHART.eventsBottom;
      const down = (bin.deaths / mostDeaths) * (CHART.height - CHART.deathsTop);
      return svgNode("g", { class: "bin", "data-index": index, "data-from": bin.from, "data-to": bin.to },
        svgNode("title", {}, this.format("bar_title", { period: this.periodText(bin.from, bin.to), n: bin.events, deaths: bin.deaths })),
        svgNode("rect", { class: "hit", x: this.xOf(index, width), y: 0, width, height: CHART.height }),
        svgNode("rect", { class: "events-bar", x, y: CHART.eventsBottom - up, width: width - gap, height: up }),
        svgNode("rect", { class: "deaths-bar", x, y: CHART.deathsTop, width: width - gap, height: down }));
    });
    this.brush = svgNode("rect", { class: "brush", x: 0, y: 0, width: 0, height: CHART.height });
    this.svg.replaceChildren(
      svgNode("line", { class: "baseline", x1: 0, x2: CHART.width, y1: CHART.eventsBottom, y2: CHART.eventsBottom }),
      ...bars, this.brush);
    this.drawSelection(this.selectedRange());
    return { mostEvents, mostDeaths };
  }

  periodText(from, to) {
    return from === to ? from : `${from} – ${to}`;
  }

  xOf(index, width) {
    return index * width;
  }

  binAt(pointer) {
    const box = this.svg.getBoundingClientRect();
    const fraction = Math.min(Math.max((pointer.clientX - box.left) / Math.max(box.width, 1), 0), 0.999999);
    return Math.floor(fraction * this.bins.length);
  }

  /** [low, high] bin indexes of the selection, or null. */
  selectedRange() {
    if (!this.selection || !this.bins.length) return null;
    const inside = this.bins.map((bin, index) => ({ bin, index }))
      .filter(({ bin }) => bin.to >= this.selection.from && bin.from <= this.selection.to);
    return inside.length ? [inside[0].index, inside[inside.length - 1].index] : null;
  }

  drawSelection(range) {
    const width = CHART.width / Math.max(1, this.bins.length);
    for (const group of this.svg.querySelectorAll("g.bin")) {
      const index = Number(group.dataset.index);
      group.classList.toggle("outside", Boolean(range) && (index < range[0] || index > range[1]));
    }
    if (!range) {
      this.brush.setAttribute("width", "0");
      return;
    }
    const edges = [this.xOf(range[0], width), this.xOf(range[1], width)];
    this.brush.setAttribute("x", String(Math.min(...edges)));
    this.brush.setAttribute("width", String(Math.abs(edges[1] - edges[0]) + width));
  }

  startDrag(pointer) {
    if (!this.bins.length || pointer.button !== 0) return;
    this.svg.setPointerCapture(pointer.pointerId);
    const index = this.binAt(pointer);
    this.drag = { anchor: index, current: index };
    this.drawSelection([index, index]);
  }

  moveDrag(pointer) {
    if (!this.drag) return;
    this.drag.current = this.binAt(pointer);
    this.drawSelection(this.dragRange());
  }

  endDrag(pointer) {
    if (!this.drag) return;
    this.drag.current = this.binAt(pointer);
    const [low, high] = this.dragRange();
    this.drag = null;
    const previous = this.selectedRange();
    // Clicking the one bar already chosen undoes the choice.
    const again = previous && low === high && previous[0] === low && previous[1] === high;
    this.choose(again ? null : [low, high]);
  }

  cancelDrag() {
    this.drag = null;
    this.drawSelection(this.selectedRange());
  }

  dragRange() {
    return [Math.min(this.drag.anchor, this.drag.current), Math.max(this.drag.anchor, this.drag.current)];
  }

  /** Arrows move the chosen bar (Shift widens the period), Home/End jump, Escape shows every date. */
  key(press) {
    if (!this.bins.length) return;
    const last = this.bins.length - 1;
    const range = this.selectedRange();
    const step = { ArrowRight: 1, ArrowLeft: -1 }[press.key];
    if (step) {
      const [low, high] = range || [step > 0 ? -1 : last + 1, step > 0 ? -1 : last + 1];
      const clamp = (value) => Math.min(Math.max(value, 0), last);
      const next = press.shiftKey && range
        ? [clamp(step < 0 ? low + step : low), clamp(step > 0 ? high + step : high)]
        : [clamp((step > 0 ? high : low) + step), clamp((step > 0 ? high : low) + step)];
      this.choose(next);
    } else if (press.key === "Home" || press.key === "End") {
      const index = press.key === "Home" ? 0 : last;
      this.choose([index, index]);
    } else if (press.key === "Escape" && range) {
      this.choose(null);
    } else {
      return;
    }
    press.preventDefault();
  }

  choose(range) {
    this.selection = range ? { from: this.bins[range[0]].from, to: this.bins[range[1]].to } : null;
    this.drawSelection(range);
    this.onSelect(this.selection);
  }
}
