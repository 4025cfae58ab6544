// The page's address holds the view, so that it can be bookmarked, sent and reloaded: the filters
// (as GET /events names them), the timeline's period, the selected stored event, the language and
// whether the table is open. It knows nothing of the page: it turns a view into a query string and back.
"use strict";

const FILTER_NAMES = ["country", "type", "actor", "place", "since", "until"];
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The view the address describes; anything malformed is left out rather than trusted. */
function readAddress(search = window.location.search) {
  const query = new URLSearchParams(search);
  const filters = {};
  for (const name of FILTER_NAMES) {
    const value = (query.get(name) || "").trim();
    if (value) filters[name] = value;
  }
  const [from, to] = [query.get("from"), query.get("to")];
  const period = ISO_DAY.test(from || "") && ISO_DAY.test(to || "") && from <= to ? { from, to } : null;
  return {
    filters,
    period,
    event: query.get("event") || null,
    lang: query.get("lang") === "en" ? "en" : "ar",
    table: query.get("view") === "table",
  };
}

/** The query string of a view; empty parts are left out, so the plain page stays at "/". */
function addressOf({ filters = {}, period = null, event = null, lang = "ar", table = false }) {
  const query = new URLSearchParams();
  for (const name of FILTER_NAMES) if (filters[name]) query.set(name, filters[name]);
  if (period) {
    query.set("from", period.from);
    query.set("to", period.to);
  }
  if (event) query.set("event", event);
  if (lang !== "ar") query.set("lang", lang);
  if (table) query.set("view", "table");
  const text = query.toString();
  return text ? `?${text}` : window.location.pathname;
}

/** A new history entry when the view changed (so Back returns to it), none when it did not. */
function writeAddress(view, { replace = false } = {}) {
  const next = addressOf(view);
  const current = window.location.search || window.location.pathname;
  if (next === current) return;
  if (replace) window.history.replaceState(null, "", next);
  else window.history.pushState(null, "", next);
}
