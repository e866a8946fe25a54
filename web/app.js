// Frontline's map page (index.html) and embed (embed.html): Leaflet over the run's tiles, a
// timeline of control days, a before/after view, a legend, and popups that trace every place
// back to the sentences of the articles behind it. Data come from web/data.js
// (window.FRONTLINE_DATA, written by `frontline run`), never fetched, so the page also works
// from file://. Classic script, no modules: Chrome refuses module scripts from file://.
(function () {
  'use strict';

  var D = window.FRONTLINE_DATA;
  var root = document.getElementById('frontline');
  if (!D || !root || !window.L) {
    if (root) root.textContent = 'The map data did not load (web/data.js or web/leaflet/leaflet.js is missing).';
    return;
  }

  // ---- options: the query string (embed.html and index.html alike)
  var query = new URLSearchParams(window.location.search);
  var isEmbed = document.body.classList.contains('embed');
  var chrome = query.get('chrome') !== '0';
  var days = D.days;
  var dayIndex = days.length - 1;
  if (query.get('day') && days.indexOf(query.get('day')) >= 0) dayIndex = days.indexOf(query.get('day'));
  var view = ['day', 'changes', 'compare'].indexOf(query.get('view')) >= 0 ? query.get('view') : 'day';
  var fixedLayer = query.get('layer') && D.layers[query.get('layer')] ? query.get('layer') : null;
  if (!chrome) root.classList.add('no-chrome');

  var controllers = {};
  D.controllers.forEach(function (c) { controllers[c.id] = c; });
  var articles = D.articles || {};
  var placeIndex = {};
  D.places.forEach(function (p, i) { placeIndex[p.id] = i; });
  var eventsByPlace = {};
  D.events.forEach(function (e) { (eventsByPlace[e.place_id] = eventsByPlace[e.place_id] || []).push(e); });

  // ---- small helpers
  function el(tag, attrs, children) {
    var n = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (k === 'text') n.textContent = attrs[k];
      else if (k === 'class') n.className = attrs[k];
      else n.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) n.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return n;
  }
  var monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
    'September', 'October', 'November', 'December'];
  function longDate(iso) {  // "29 November 2024": unambiguous in any locale, no Intl needed
    if (!iso) return '';
    var p = iso.split('-');
    return Number(p[2]) + ' ' + monthNames[Number(p[1]) - 1] + ' ' + p[0];
  }
  function shortDate(iso) {
    var p = iso.split('-');
    return Number(p[2]) + ' ' + monthNames[Number(p[1]) - 1].slice(0, 3);
  }
  function controllerLabel(id) { return controllers[id] ? controllers[id].label : id; }
  function controllerName(id) { return controllers[id] ? controllers[id].name : id; }
  function controllerColor(id) { return controllers[id] ? controllers[id].color : '#b4b4b4'; }
  function swatch(id) {
    var s = el('span', { class: 'swatch', 'aria-hidden': 'true' });
    s.style.background = controllerColor(id);
    return s;
  }
  function statusBadge(status) {
    return el('span', { class: 'badge badge-' + status, text: status });
  }
  function stateOn(day, placeId) {
    var i = placeIndex[placeId];
    return i === undefined ? null : D.states[day][i];
  }

  // ---- layers and tiles
  var versioned = /^https?:$/.test(window.location.protocol) && D.version ? '?v=' + D.version : '';
  function tileUrl(layer) {
    return 'tiles/' + layer + '/{z}/{x}/{y}' + (D.retina ? '{r}' : '') + '.png' + versioned;
  }
  function layerName() {
    if (fixedLayer) return fixedLayer;
    if (view === 'changes') return D.layers.changes ? 'changes' : 'control-' + D.latest;
    return 'control-' + days[dayIndex];
  }
  function shownDay() { return view === 'changes' ? D.latest : days[dayIndex]; }

  var b = D.bounds;  // TileJSON: [west, south, east, north]
  var bounds = L.latLngBounds([b[1], b[0]], [b[3], b[2]]);
  var reduceMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  // ---- the page's structure
  var mapWrap = el('div', { class: 'map-wrap' });
  var mapEl = el('div', { id: 'map', class: 'map', role: 'region',
    'aria-label': 'Map of who controls which places; use the controls and the list of changes to explore it' });
  mapWrap.appendChild(mapEl);
  root.appendChild(mapWrap);
  var live = el('p', { class: 'sr-only', 'aria-live': 'polite', id: 'live' });
  root.appendChild(live);

  var map = L.map(mapEl, {
    minZoom: D.minzoom,
    maxZoom: D.maxzoom + 2,
    maxBounds: bounds.pad(0.5),
    zoomSnap: 1,
    fadeAnimation: !reduceMotion,
    zoomAnimation: !reduceMotion,
    markerZoomAnimation: !reduceMotion,
    attributionControl: true
  });
  map.attributionControl.setPrefix(
    '<a href="https://leafletjs.com/" title="A JavaScript library for interactive maps">Leaflet</a>');

  // The run's credit line (src/common/attribution.cpp), from the main layer's TileJSON.
  var attribution = D.attribution || '';

  function makeTiles(layer, pane) {
    var info = D.layers[layer] || {};
    var lb = info.bounds ? L.latLngBounds([info.bounds[1], info.bounds[0]], [info.bounds[3], info.bounds[2]]) : bounds;
    return L.tileLayer(tileUrl(layer), {
      tileSize: 256,
      minZoom: D.minzoom,
      minNativeZoom: info.minzoom !== undefined ? info.minzoom : D.minzoom,
      maxNativeZoom: info.maxzoom !== undefined ? info.maxzoom : D.maxzoom,
      maxZoom: D.maxzoom + 2,
      bounds: lb,  // no requests outside the rendered area
      pane: pane || 'tilePane',
      attribution: attribution,
      className: 'tiles-' + layer
    });
  }

  // The shown tiles. A new layer goes on top and the old one is removed once the new one has
  // loaded, so changing the day never flashes an empty map.
  var tiles = null;
  var pending = 0;
  function setReady(state) { root.setAttribute('data-map-state', state); }
  function showLayer(name) {
    if (tiles && tiles.options.className === 'tiles-' + name) return;
    var next = makeTiles(name);
    var prev = tiles;
    tiles = next;
    pending++;
    setReady('loading');
    next.on('load', function () {
      if (prev) { map.removeLayer(prev); prev = null; }
      if (tiles === next) {
        pending = 0;
        root.setAttribute('data-layer', name);
        setReady(view === 'compare' && before && !beforeLoaded ? 'loading' : 'ready');
      }
    });
    next.addTo(map);
  }

  // ---- before/after: the baseline in its own pane, clipped to the left of a divide
  var beforePane = map.createPane('before');
  beforePane.style.zIndex = 250;  // above tilePane (200), below overlays (400)
  var before = null, beforeLoaded = false;
  var divide = 0.5;
  var swipe = el('input', { type: 'range', min: '0', max: '100', value: '50', class: 'swipe-range', id: 'swipe',
    'aria-label': 'Compare: move the divide; left of it the baseline, right of it the chosen day' });
  var swipeLabels = el('div', { class: 'swipe-labels', 'aria-hidden': 'true' });
  var swipeBox = el('div', { class: 'swipe' }, [swipeLabels, swipe]);
  var swipeLine = el('div', { class: 'swipe-line', 'aria-hidden': 'true' });
  swipeBox.hidden = true;
  swipeLine.hidden = true;
  mapWrap.appendChild(swipeLine);
  mapWrap.appendChild(swipeBox);
  L.DomEvent.disableClickPropagation(swipeBox);
  function clipBefore() {
    if (!before) return;
    var size = map.getSize();
    var nw = map.containerPointToLayerPoint([0, 0]);
    var se = map.containerPointToLayerPoint(size);
    var x = nw.x + size.x * divide;
    beforePane.style.clip = 'rect(' + nw.y + 'px,' + x + 'px,' + se.y + 'px,' + nw.x + 'px)';
    // The day's marks belong to the day's side only.
    map.getPane('overlayPane').style.clip = 'rect(' + nw.y + 'px,' + se.x + 'px,' + se.y + 'px,' + x + 'px)';
    swipeLine.style.left = (size.x * divide) + 'px';
  }
  function setCompare(on) {
    swipeBox.hidden = !on;
    swipeLine.hidden = !on;
    if (on && !before) {
      beforeLoaded = false;
      before = makeTiles('control-' + D.baseline, 'before');
      before.on('load', function () {
        beforeLoaded = true;
        if (!pending) setReady('ready');
      });
      before.addTo(map);
      map.on('move zoom resize', clipBefore);
      clipBefore();
    } else if (!on && before) {
      map.removeLayer(before);
      map.off('move zoom resize', clipBefore);
      before = null;
      beforePane.style.clip = '';
      map.getPane('overlayPane').style.clip = '';
    }
    swipeLabels.textContent = '';
    if (on) {
      swipeLabels.appendChild(el('span', { text: '\u25c0 ' + shortDate(D.baseline) + ' (baseline)' }));
      swipeLabels.appendChild(el('span', { text: shortDate(days[dayIndex]) + ' \u25b6' }));
    }
  }
  swipe.addEventListener('input', function () {
    divide = Number(swipe.value) / 100;
    swipe.setAttribute('aria-valuetext', swipe.value + '% baseline');
    clipBefore();
  });

  // ---- places and events: clickable marks over the tiles (popups keep clear of the zoom
  // buttons in the top-left corner: autoPanPaddingTopLeft)
  var marks = L.layerGroup().addTo(map);
  var markByPlace = {};

  function articleLine(doc) {
    var a = articles[doc] || {};
    var bits = [];
    var cite = el('cite');
    var name = a.source ? a.source : doc;
    // Only http(s) addresses become links (the run drops others; this guards old data too):
    // a manifest's `javascript:` URL must never be a clickable link.
    if (a.url && /^https?:\/\/[^\s]+$/i.test(a.url))
      cite.appendChild(el('a', { href: a.url, rel: 'noopener', target: '_blank', text: name }));
    else cite.appendChild(document.createTextNode(name));
    bits.push(cite);
    if (a.source) bits.push(' (' + doc + ')');
    if (a.published) bits.push(', published ' + longDate(a.published));
    var p = el('p', { class: 'article' }, bits);
    if (a.lede) p.appendChild(el('span', { class: 'lede', text: 'Opens: \u201c' + a.lede + '\u201d' }));
    return p;
  }

  function eventBlock(e) {
    var head = el('p', { class: 'event-head' }, [
      el('strong', { text: e.date === e.date_end || !e.date_end ? longDate(e.date) : longDate(e.date) + ' to ' + longDate(e.date_end) }),
      ' \u00b7 ' + e.action + (e.extent === 'partial' ? ' (part of it)' : '') + ': ',
      swatch(e.controller_before), controllerLabel(e.controller_before), ' \u2192 ',
      swatch(e.controller), controllerLabel(e.controller), ' ',
      statusBadge(e.status)
    ]);
    var meta = el('p', { class: 'event-meta', text: e.corroboration + (e.corroboration === 1 ? ' article' : ' articles') +
      ', confidence ' + Number(e.confidence).toFixed(2) + (e.status === 'claimed' ? ' \u2014 claimed by a side, not confirmed' : '') });
    var list = el('ol', { class: 'sources' });
    e.sources.forEach(function (s) {
      list.appendChild(el('li', { class: 'source source-' + s.status }, [
        el('blockquote', { class: 'sentence', text: s.sentence }),
        articleLine(s.doc),
        el('p', { class: 'source-status' }, ['This sentence: ', statusBadge(s.status)])
      ]));
    });
    return el('li', { class: 'event event-' + e.status }, [head, meta, list]);
  }

  // The popup of a place (or of an event's place outside the gazetteer's day files).
  function popupContent(placeId, name, day) {
    var st = stateOn(day, placeId);
    var box = el('div', { class: 'popup', tabindex: '-1' });
    box.appendChild(el('h3', { text: name }));
    if (st) {
      box.appendChild(el('p', { class: 'state' }, [
        'On ' + longDate(day) + ': ', swatch(st.controller), el('strong', { text: controllerLabel(st.controller) }),
        st.extent ? ' (' + st.extent + ')' : '', ' ', statusBadge(st.status),
        st.status !== 'baseline' ? ' since ' + longDate(st.since) : ''
      ]));
      var base = stateOn(D.baseline, placeId);
      var p = D.places[placeIndex[placeId]];
      if (base && st.changed) {
        box.appendChild(el('p', { class: 'was' }, ['Baseline (' + longDate(D.baseline) + '): ', swatch(base.controller), controllerLabel(base.controller)]));
      }
      if (p.basis) box.appendChild(el('p', { class: 'basis', text: 'Baseline source: ' + p.basis }));
      if (st.confidence !== undefined) box.appendChild(el('p', { class: 'confidence', text: 'Confidence ' + Number(st.confidence).toFixed(2) }));
      if (st.note) box.appendChild(el('p', { class: 'note', text: 'Editor\u2019s note: ' + st.note }));
      if (st.overruled_claims) {
        box.appendChild(el('p', { class: 'overruled', text: 'Reports against this state (outweighed): ' + st.overruled_claims.join(', ') }));
      }
      if (st.flags) box.appendChild(el('p', { class: 'flags', text: 'Flagged: ' + st.flags.join('; ') }));
    }
    var evs = (eventsByPlace[placeId] || []).filter(function (e) { return e.date <= day; });
    if (evs.length) {
      box.appendChild(el('h4', { text: 'Reports up to ' + longDate(day) }));
      var ol = el('ol', { class: 'events' });
      evs.forEach(function (e) { ol.appendChild(eventBlock(e)); });
      box.appendChild(ol);
    } else if (!st || st.status === 'baseline') {
      box.appendChild(el('p', { class: 'no-events', text: 'No reported change up to ' + longDate(day) + '.' }));
    }
    return box;
  }

  // Focus goes into the popup a list button opened and back to that button when that popup
  // closes (not when another one does, and to its fresh copy if the list was redrawn).
  var returnFocus = null, focusPopup = null;
  map.on('popupopen', function (ev) {
    var c = ev.popup.getElement() && ev.popup.getElement().querySelector('.popup');
    if (c && returnFocus) {
      focusPopup = ev.popup;
      c.focus();
    }
  });
  map.on('popupclose', function (ev) {
    if (!returnFocus || !focusPopup || ev.popup !== focusPopup) return;
    var t = returnFocus;
    if (!document.body.contains(t)) {
      t = changeList.querySelector('.place-button[data-place="' + t.getAttribute('data-place') + '"]');
    }
    if (t) t.focus();
    returnFocus = null;
    focusPopup = null;
  });

  var drawnMinor = null;
  function showMinor() { return map.getZoom() >= 11; }
  map.on('zoomend', function () { if (drawnMinor !== null && showMinor() !== drawnMinor) drawMarks(); });

  function drawMarks() {
    marks.clearLayers();
    markByPlace = {};
    if (fixedLayer && fixedLayer.indexOf('control') !== 0 && fixedLayer !== 'changes') return;
    var day = fixedLayer && fixedLayer.indexOf('control-') === 0 ? fixedLayer.slice(8) : shownDay();
    if (!D.states[day]) day = D.latest;
    drawnMinor = showMinor();
    D.places.forEach(function (p, i) {
      var st = D.states[day][i];
      if (!st) return;
      // As the style: neighbourhood dots appear from zoom 11, and so do their marks.
      if (p.kind === 'neighbourhood' && !drawnMinor) return;
      var group = [];
      // The hit area: invisible, a little larger than the drawn dot.
      group.push(L.circleMarker([p.lat, p.lon], { radius: 9, stroke: false, fillOpacity: 0, className: 'hit place-' + i }));
      // What the tiles cannot say: whether the change is confirmed or only claimed.
      if (st.changed && st.status !== 'baseline') {
        group.push(L.circleMarker([p.lat, p.lon], {
          radius: 12, fill: false, weight: 2, color: '#222',
          dashArray: st.status === 'claimed' ? '3 4' : null,
          interactive: false, className: 'mark mark-' + st.status
        }));
      }
      var g = L.featureGroup(group).bindPopup(function () { return popupContent(p.id, p.name, day); },
        { maxWidth: 320, minWidth: 200, maxHeight: 320, autoPanPadding: [16, 16], autoPanPaddingTopLeft: [56, 16] });
      g.addTo(marks);
      markByPlace[p.id] = g;
    });
    // Events at places the day files do not hold (roads, places outside the two governorates).
    // Unlocated places (geo_precision 0) have no point; a governorate or region (3) is an area,
    // not a spot to mark: both stay in the list of changes only.
    Object.keys(eventsByPlace).forEach(function (id) {
      if (placeIndex[id] !== undefined) return;
      var evs = eventsByPlace[id].filter(function (e) {
        return e.date <= day && e.geo_precision > 0 && e.geo_precision < 3;
      });
      if (!evs.length) return;
      var e = evs[evs.length - 1];
      var g = L.featureGroup([L.circleMarker([e.lat, e.lon], {
        radius: 7, weight: 2, color: controllerColor(e.controller), fillColor: '#fff', fillOpacity: 1,
        dashArray: e.status === 'claimed' ? '3 3' : null, className: 'event-mark'
      })]).bindPopup(function () { return popupContent(id, e.place_name, day); },
        { maxWidth: 320, minWidth: 200, maxHeight: 320, autoPanPadding: [16, 16], autoPanPaddingTopLeft: [56, 16] });
      g.addTo(marks);
      markByPlace[id] = g;
    });
  }

  function openPlace(id, from) {
    var g = markByPlace[id];
    var p = D.places[placeIndex[id]];
    if (!g && p) {  // a neighbourhood below zoom 11: go where its dot is drawn
      map.setView([p.lat, p.lon], 11, { animate: false });
      g = markByPlace[id];
    }
    if (!g) {
      // A place with no mark (unlocated, or a governorate): its popup where the map is.
      var evs = eventsByPlace[id];
      if (!evs) return;
      returnFocus = from || null;
      L.popup({ maxWidth: 320, minWidth: 200, maxHeight: 320 }).setLatLng(map.getCenter())
        .setContent(popupContent(id, evs[evs.length - 1].place_name, shownDay())).openOn(map);
      return;
    }
    returnFocus = from || null;
    var ll = g.getBounds().getCenter();
    if (map.getZoom() < D.minzoom + 2) map.setView(ll, D.minzoom + 2, { animate: !reduceMotion });
    g.openPopup(ll);
  }

  // ---- the controls
  var panel = el('section', { class: 'panel', id: 'controls', 'aria-label': 'Map controls and legend' });
  root.appendChild(panel);

  // View: day, changes, compare
  var viewBox = el('fieldset', { class: 'views' }, [el('legend', { text: 'View' })]);
  var viewLabels = isEmbed ? { day: 'Day', changes: 'Changes', compare: 'Compare' }
    : { day: 'Control on a day', changes: 'Changes: baseline \u2192 latest', compare: 'Compare: swipe baseline | day' };
  var viewInputs = {};
  ['day', 'changes', 'compare'].forEach(function (v) {
    var input = el('input', { type: 'radio', name: 'view', value: v, id: 'view-' + v });
    if (v === view) input.checked = true;
    input.addEventListener('change', function () { if (input.checked) setView(v); });
    viewInputs[v] = input;
    viewBox.appendChild(el('label', { for: 'view-' + v, class: 'view-option' }, [input, ' ' + viewLabels[v]]));
  });
  if (fixedLayer) viewBox.hidden = true;

  // The timeline: slider and step buttons
  var slider = el('input', { type: 'range', id: 'day-slider', min: '0', max: String(days.length - 1), step: '1',
    value: String(dayIndex), 'aria-describedby': 'day-help' });
  var dayOut = el('output', { for: 'day-slider', id: 'day-output' });
  var prev = el('button', { type: 'button', id: 'day-prev', class: 'step', 'aria-label': 'Previous day', title: 'Previous day' }, ['\u25c0']);
  var next = el('button', { type: 'button', id: 'day-next', class: 'step', 'aria-label': 'Next day', title: 'Next day' }, ['\u25b6']);
  var timeline = el('div', { class: 'timeline' }, [
    el('label', { for: 'day-slider', class: 'timeline-label' }, ['Day: ', dayOut]),
    el('div', { class: 'stepper' }, [prev, slider, next]),
    el('p', { id: 'day-help', class: 'help', text: days.length + ' days from ' + longDate(D.baseline) +
      ' (baseline) to ' + longDate(D.latest) + '. Arrow keys move one day.' })
  ]);
  if (fixedLayer) timeline.hidden = true;
  slider.addEventListener('input', function () { setDay(Number(slider.value)); });
  prev.addEventListener('click', function () { setDay(dayIndex - 1); });
  next.addEventListener('click', function () { setDay(dayIndex + 1); });

  // Legend: controllers and marks
  var legend = el('section', { class: 'legend', id: 'legend', 'aria-labelledby': 'legend-title' }, [
    el('h2', { id: 'legend-title', text: 'Legend' })
  ]);
  var lc = el('ul', { class: 'legend-list' });
  D.controllers.forEach(function (c) {
    if (c.id === 'unknown') return;
    var dot = el('span', { class: 'dot', 'aria-hidden': 'true' });
    dot.style.background = c.color;
    if (c.id === 'contested') dot.classList.add('dot-hatched');
    lc.appendChild(el('li', { 'data-controller': c.id }, [dot, c.label]));
  });
  legend.appendChild(lc);
  var lm = el('ul', { class: 'legend-list legend-marks' });
  function markItem(cls, text) { return el('li', null, [el('span', { class: 'sym ' + cls, 'aria-hidden': 'true' }), text]); }
  lm.appendChild(markItem('sym-ring', 'Coloured ring: the place changed hands since the baseline; the ring has the colour of who held it before'));
  lm.appendChild(markItem('sym-confirmed', 'Solid black circle: change confirmed'));
  lm.appendChild(markItem('sym-claimed', 'Dashed black circle: change only claimed by a side'));
  lm.appendChild(markItem('sym-faded', 'Faded dot (Changes view): no change'));
  legend.appendChild(lm);
  legend.appendChild(el('p', { class: 'help', text: 'Dot size: population. Select a place for the reports behind it.' }));

  // The list of changes: the keyboard and screen-reader way to every popup
  var changesTitle = el('h2', { id: 'changes-title' });
  var changeList = el('ul', { class: 'change-list', id: 'change-list' });
  var changes = el('section', { class: 'changes', 'aria-labelledby': 'changes-title' }, [changesTitle, changeList]);

  function renderChangeList() {
    var day = shownDay();
    changeList.textContent = '';
    var rows = [];
    D.places.forEach(function (p, i) {
      var st = D.states[day][i];
      if (st && st.changed) rows.push({ id: p.id, name: p.name, st: st });
    });
    Object.keys(eventsByPlace).forEach(function (id) {
      if (placeIndex[id] !== undefined) return;
      var evs = eventsByPlace[id].filter(function (e) { return e.date <= day; });
      if (evs.length) {
        var e = evs[evs.length - 1];
        rows.push({ id: id, name: e.place_name + (e.geo_precision === 0 ? ' (not located)' : ''),
          st: { controller: e.controller, status: e.status, since: e.date } });
      }
    });
    rows.sort(function (a, b) { return a.st.since < b.st.since ? 1 : a.st.since > b.st.since ? -1 : a.name.localeCompare(b.name); });
    changesTitle.textContent = rows.length + ' changed since the baseline, as of ' + longDate(day);
    rows.forEach(function (r) {
      var btn = el('button', { type: 'button', class: 'place-button', 'data-place': r.id }, [
        swatch(r.st.controller), el('span', { class: 'place-name', text: r.name }),
        el('span', { class: 'place-detail', text: controllerName(r.st.controller) + ', ' + shortDate(r.st.since) }),
        statusBadge(r.st.status)
      ]);
      btn.addEventListener('click', function () { openPlace(r.id, btn); });
      changeList.appendChild(el('li', null, [btn]));
    });
  }

  // How it is made, and credits
  var method = el('details', { class: 'method' }, [
    el('summary', { text: 'How this map is made' }),
    el('p', { text: 'Frontline reads news articles, finds the places they name (gazetteer: GeoNames and UN OCHA communities) and the ' +
      'sentences that report a change of control, and dates each change from the article\u2019s publication ' +
      'day. A change reported by a side\u2019s own statement is \u201cclaimed\u201d; one reported as fact or by ' +
      'several articles is \u201cconfirmed\u201d. A place\u2019s state weighs every report up to the day (a concession most, ' +
      'then an outlet\u2019s own voice, then a side\u2019s claim; each outlet once; older reports less), so one ' +
      'misread report does not flip a place; close conflicting reports make it contested. The baseline of ' +
      longDate(D.baseline) + ' comes from a curated table with a source for every row.' }),
    el('p', { text: 'Dots are the evidence: each place\u2019s controller on the day. Control areas, where drawn, ' +
      'are an estimate: each place gets the land nearer to it than to any other place (a Voronoi cell), ' +
      'cut to 15 km around it and clipped to the two governorates; land farther than 15 km from any ' +
      'known place stays unknown.' })
  ]);
  var credits = el('p', { class: 'credits' });
  credits.innerHTML = 'Places: <a href="https://www.geonames.org/">GeoNames</a>, licensed under ' +
    '<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>; villages and ' +
    'neighbourhoods: <a href="https://data.humdata.org/dataset/syrian-arab-republic-administrative-boundaries-populated-places">UN OCHA</a>, ' +
    '<a href="https://creativecommons.org/licenses/by/3.0/igo/">CC BY-IGO 3.0</a>; Aleppo neighbourhood ' +
    'names also from the <a href="https://github.com/CenterForSpatialResearch/aleppo_test">Columbia Center ' +
    'for Spatial Research</a> (MIT). Boundaries: Syria and its governorates from ' +
    '<a href="https://data.humdata.org/dataset/cod-ab-syr">UN OCHA</a> (CC BY-IGO 3.0), the rest from ' +
    '<a href="https://www.naturalearthdata.com/">Natural Earth</a> (public domain). Control and map: ' +
    'Frontline. Map library: <a href="https://leafletjs.com/">Leaflet</a> (BSD-2-Clause).';

  panel.appendChild(viewBox);
  panel.appendChild(timeline);
  panel.appendChild(legend);
  if (!isEmbed) panel.appendChild(changes);
  panel.appendChild(method);
  panel.appendChild(credits);
  if (isEmbed) {
    // In an iframe: the legend, changes and method fold away under the map.
    var more = el('details', { class: 'more' }, [el('summary', { text: 'Legend, changes and sources' }), legend, changes, method, credits]);
    panel.appendChild(more);
  }

  // In an embed, a compact legend stays in view (the full one folds away): under the map with
  // the controls, or on the map itself when there is no chrome.
  function miniLegend() {
    var box = el('div', { class: 'mini-legend', role: 'group', 'aria-label': 'Legend' });
    D.controllers.forEach(function (c) {
      if (c.id === 'unknown') return;
      var dot = el('span', { class: 'dot', 'aria-hidden': 'true' });
      dot.style.background = c.color;
      if (c.id === 'contested') dot.classList.add('dot-hatched');
      box.appendChild(el('span', { class: 'mini-item' }, [dot, c.name]));
    });
    box.appendChild(el('span', { class: 'mini-item' }, [el('span', { class: 'sym sym-claimed', 'aria-hidden': 'true' }), 'claimed']));
    miniDay = el('span', { class: 'mini-day' });
    if (!chrome) box.appendChild(miniDay);
    return box;
  }
  if (isEmbed && chrome) {
    panel.insertBefore(miniLegend(), panel.lastChild);
  } else if (isEmbed) {
    var MiniLegend = L.Control.extend({
      options: { position: 'bottomright' },
      onAdd: function () { return miniLegend(); }
    });
    new MiniLegend().addTo(map);
  }

  // ---- state changes
  var miniDay;  // set by the mini legend, when there is one
  function announce() {
    var day = shownDay();
    var n = 0;
    D.states[day].forEach(function (s) { if (s && s.changed) n++; });
    var what = view === 'changes' ? 'Changes from ' + longDate(D.baseline) + ' to ' + longDate(D.latest)
      : view === 'compare' ? 'Comparing ' + longDate(D.baseline) + ' (left) with ' + longDate(day) + ' (right)'
        : 'Control on ' + longDate(day);
    if (miniDay) miniDay.textContent = view === 'changes' ? longDate(D.baseline) + ' \u2192 ' + longDate(D.latest)
      : view === 'compare' ? longDate(D.baseline) + ' | ' + longDate(day) : longDate(day);
    live.textContent = what + ': ' + n + (n === 1 ? ' place' : ' places') + ' changed since the baseline.';
  }

  function update() {
    slider.value = String(dayIndex);
    slider.setAttribute('aria-valuetext', longDate(days[dayIndex]) + (dayIndex === 0 ? ' (baseline)' : ''));
    slider.disabled = view === 'changes';
    dayOut.textContent = longDate(days[dayIndex]) + (dayIndex === 0 ? ' (baseline)' : '');
    prev.disabled = view === 'changes' || dayIndex === 0;
    next.disabled = view === 'changes' || dayIndex === days.length - 1;
    root.setAttribute('data-view', view);
    root.setAttribute('data-day', shownDay());
    showLayer(layerName());
    setCompare(view === 'compare' && !fixedLayer);
    drawMarks();
    renderChangeList();
    announce();
    if (window.history && window.history.replaceState && /^https?:$/.test(window.location.protocol)) {
      var q = new URLSearchParams(window.location.search);
      q.set('day', days[dayIndex]);
      if (view !== 'day') q.set('view', view); else q.delete('view');
      window.history.replaceState(null, '', '?' + q.toString());
    }
  }
  function setDay(i) {
    if (i < 0 || i >= days.length || i === dayIndex) return;
    dayIndex = i;
    map.closePopup();
    update();
  }
  function setView(v) {
    view = v;
    map.closePopup();
    update();
  }

  // For tests and hosts: the state, read-only
  window.frontline = {
    map: map,
    get day() { return days[dayIndex]; },
    get view() { return view; },
    get layer() { return layerName(); }
  };
  // The view is set once the panel is in place: in an embed the panel takes height from the
  // map, and the fit must see the map's final size.
  map.invalidateSize(false);
  var lat = parseFloat(query.get('lat')), lon = parseFloat(query.get('lon')), zoom = parseInt(query.get('zoom'), 10);
  if (isFinite(lat) && isFinite(lon) && isFinite(zoom)) map.setView([lat, lon], zoom);
  else map.fitBounds(bounds);
  update();
})();
