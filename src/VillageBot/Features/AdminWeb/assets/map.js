// The map of reports on /web/reports and on one report: Leaflet, tiles from Web:MapTiles, one circle per located
// report in its category's colour. Points come from the map element's data-points (reference, address, label,
// colour, lat, lon); labels are set as text, never as markup.
(function () {
  'use strict';
  var el = document.getElementById('report-map');
  if (!el || !window.L) {
    return;
  }

  var points = JSON.parse(el.getAttribute('data-points') || '[]');
  var map = L.map(el, { scrollWheelZoom: false });
  L.tileLayer(el.getAttribute('data-tiles'), {
    maxZoom: 19,
    attribution: el.getAttribute('data-attribution')
  }).addTo(map);

  var bounds = [];
  points.forEach(function (p) {
    var marker = L.circleMarker([p.lat, p.lon], {
      radius: 9,
      color: '#1a1a1a',
      weight: 1,
      fillColor: p.colour,
      fillOpacity: 0.9,
      className: 'report-marker'
    }).addTo(map);
    var popup = document.createElement('div');
    var link = document.createElement('a');
    link.href = p.href;
    link.textContent = p.reference;
    popup.appendChild(link);
    popup.appendChild(document.createElement('br'));
    popup.appendChild(document.createTextNode(p.label));
    marker.bindPopup(popup);
    bounds.push([p.lat, p.lon]);
  });

  if (bounds.length > 0) {
    map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 });
  } else {
    map.setView([56.88, 24.6], 7);
  }
})();
