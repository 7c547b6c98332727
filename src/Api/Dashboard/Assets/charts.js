// Inventory dashboard charts, drawn with Chart.js (vendored from its npm package at build time and served by the API
// at /dashboard/chart.umd.min.js, licence at /dashboard/chart.js-LICENSE.md). dashboard.js calls window.InventoryCharts.
// Each chart is one canvas whose points are exactly what the API returned (tests read them with Chart.getChart).
'use strict';

window.InventoryCharts = (() => {
  const ITEM_HISTORY_MAX = 2000;
  const ITEM_PAGE = 1000;
  const MINUTES = 60;
  const MINUTE_MS = 60000;
  const MINUTE_SERIES = 8;
  const COLORS = ['#0b5cad', '#b3541e', '#17643a', '#7a3fa0', '#a11d2b', '#00707a', '#6b5b00', '#4a5360'];

  // An item's level after one movement, from its history (data.onHandAfter...) or from the live feed (onHandAfter...).
  const levelOfEvent = (e) => ({ version: e.version, at: Date.parse(e.recordedAt), onHand: e.data.onHandAfter, reserved: e.data.reservedAfter });
  const levelOfMovement = (m) => ({ version: m.version, at: Date.parse(m.recordedAt), onHand: m.onHandAfter, reserved: m.reservedAfter });

  // The item chart's lines: on hand and reserved after each movement (and, when in transit goes on later, once more at
  // its end: a level holds until the next movement); in transit from item-transit.js (its own points: one at each
  // movement and one at each receipt at a destination). Each value holds from its point to the next (stepped 'before').
  const ITEM_SERIES = [
    { label: 'On hand', color: COLORS[0], points: (levels) => levels.map((l) => ({ x: l.at, y: l.onHand })) },
    { label: 'Reserved', color: COLORS[1], points: (levels) => levels.map((l) => ({ x: l.at, y: l.reserved })) },
    { label: 'In transit', color: COLORS[2], points: (levels) => item.transit.points(levels), dashed: true },
  ];
  const TRANSIT = ITEM_SERIES[2];

  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const numbers = new Intl.NumberFormat();
  const clock = (ms) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const clockSeconds = (ms) => new Date(ms).toLocaleString();
  // Tick labels as fine as the time the item chart spans (its movements may all be within a second).
  const SPANS = [
    [10000, { hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 1 }],
    [10 * MINUTE_MS, { hour: '2-digit', minute: '2-digit', second: '2-digit' }],
    [24 * 60 * MINUTE_MS, { hour: '2-digit', minute: '2-digit' }],
    [Infinity, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }],
  ];
  let itemTicks = SPANS[0][1];

  let itemChart = null;
  let item = null; // { warehouseId, sku, levels: Map(version -> level), transit: ItemTransit, note: element }
  let minuteChart = null;

  function baseOptions() {
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: reducedMotion ? false : { duration: 250 },
      interaction: { mode: 'index', intersect: false },
      plugins: { legend: { position: 'bottom' } },
    };
  }

  // ---- an item's stock over time ----

  // The item's latest ITEM_HISTORY_MAX movements, oldest first: its version says where they start; and the transfers
  // they name (their receipts at the destination). Live movements of the item that arrive meanwhile are kept
  // (itemMovement) and drawn with them.
  async function loadItem(api, warehouseId, sku) {
    closeItem();
    const transit = window.InventoryItemTransit.create(api, warehouseId, sku);
    item = { warehouseId, sku, levels: new Map(), transit, note: null };
    const path = `/api/v1/items/${encodeURIComponent(warehouseId)}/${encodeURIComponent(sku)}`;
    const details = await api(path);
    const after = Math.max(0, details.version - ITEM_HISTORY_MAX);
    const levels = [];
    let next = `${path}/events?after=${after}&limit=${ITEM_PAGE}`;
    while (next) {
      const page = await api(next);
      levels.push(...page.events.map(levelOfEvent));
      for (const e of page.events) transit.addEvent(e);
      next = page.next;
    }
    await transit.sync();
    return { levels, total: details.version, truncated: after > 0, transit };
  }

  // Draws the item's levels and its in transit (history.transit, from loadItem); what cannot be drawn is said in note.
  function showItem(canvas, warehouseId, sku, history, note) {
    if (!item || item.warehouseId !== warehouseId || item.sku !== sku) {
      item = { warehouseId, sku, levels: new Map() };
    }
    item.transit = history.transit;
    item.note = note;
    const levels = history.levels;
    for (const l of levels) item.levels.set(l.version, l);
    if (!itemChart) {
      const options = baseOptions();
      options.scales = {
        x: { type: 'linear', bounds: 'data', ticks: { callback: (value) => new Date(value).toLocaleString([], itemTicks), maxTicksLimit: 8 } },
        y: { beginAtZero: true, ticks: { precision: 0 } },
      };
      options.plugins.tooltip = { callbacks: { title: (items) => (items.length ? clockSeconds(items[0].parsed.x) : '') } };
      itemChart = new window.Chart(canvas, { type: 'line', data: { datasets: [] }, options });
    }
    drawItem();
  }

  function drawItem() {
    const levels = [...item.levels.values()].sort((a, b) => a.version - b.version);
    const span = levels.length ? levels[levels.length - 1].at - levels[0].at : 0;
    itemTicks = SPANS.find(([limit]) => span < limit)[1];
    const lines = ITEM_SERIES.map((s) => ({ series: s, points: s.points(levels) }));
    const end = Math.max(...lines.map(({ points }) => (points.length ? points[points.length - 1].x : -Infinity)));
    for (const { series, points } of lines) {
      if (series !== TRANSIT && points.length && points[points.length - 1].x < end) points.push({ x: end, y: points[points.length - 1].y });
    }
    if (item.note) item.note.textContent = item.transit.note();
    // The same points again (a refresh that found nothing new): not redrawn, so not animated again.
    const drawn = JSON.stringify(lines.map(({ points }) => points));
    if (drawn === item.drawn && itemChart.data.datasets.length === lines.length) return;
    item.drawn = drawn;
    const pointRadius = levels.length > 200 ? 0 : 2;
    if (itemChart.data.datasets.length === lines.length) {
      // In place, so that Chart.js moves the lines to their new points instead of drawing them again from nothing.
      lines.forEach(({ points }, i) => Object.assign(itemChart.data.datasets[i], { data: points, pointRadius }));
    } else {
      itemChart.data.datasets = lines.map(({ series, points }) => ({
        label: series.label,
        data: points,
        borderColor: series.color,
        backgroundColor: series.color,
        borderDash: series.dashed ? [6, 3] : undefined,
        stepped: 'before', // A value holds from its point until the next one (Chart.js's 'after' steps at the point before).
        spanGaps: false,
        pointRadius,
      }));
    }
    itemChart.update(reducedMotion ? 'none' : undefined);
    const last = (points) => (points.length && points[points.length - 1].y !== null ? numbers.format(points[points.length - 1].y) : 'unknown');
    itemChart.canvas.setAttribute('aria-label',
      `${item.sku} in ${item.warehouseId}: ${levels.length} movements; ` +
      (levels.length ? lines.map(({ series, points }) => `${series.label.toLowerCase()} ${last(points)}`).join(', ') : 'none'));
  }

  // A live movement: added when it belongs to the open item (and is not already drawn). A transfer's movement of the item
  // (its transfer id still to read), or a receipt of this SKU elsewhere, re-reads what the in-transit line needs.
  function itemMovement(m) {
    if (!item || !item.transit || m.sku !== item.sku) return;
    if (m.warehouseId !== item.warehouseId) {
      if (m.type === 'transfer-received' && item.transit.hasOpen()) refreshTransit();
      return;
    }
    if (item.levels.has(m.version)) return;
    item.levels.set(m.version, levelOfMovement(m));
    if (item.transit.addMovement(m)) refreshTransit();
    if (itemChart) drawItem();
  }

  // Re-reads the open item's transfers that may still change (dashboard.js calls it on its refreshes too), then redraws.
  function refreshTransit() {
    const open = item;
    if (!open || !open.transit || !open.transit.hasOpen()) return Promise.resolve();
    return open.transit.sync().then(() => {
      if (item === open && itemChart) drawItem();
    }, () => {
      if (item === open && open.note) open.note.textContent = 'In transit could not be brought up to date (the API did not answer); it is tried again on the next refresh.';
    });
  }

  function closeItem() {
    item = null;
    if (itemChart) {
      itemChart.destroy();
      itemChart = null;
    }
  }

  const openItem = () => (item ? { warehouseId: item.warehouseId, sku: item.sku } : null);

  // ---- movements per minute per warehouse, last hour ----

  // The overview's per-warehouse minute counts (each oldest first, ending at that warehouse's latest movement) on one
  // axis of the last MINUTES minutes, ending now (or at a later minute when this clock is behind the API's). The
  // MINUTE_SERIES - 1 busiest warehouses get a series each; the rest are summed into one. Bars, stacked: a minute's
  // total, split by warehouse.
  function showMinutes(canvas, byWarehouse) {
    let end = Math.floor(Date.now() / MINUTE_MS);
    for (const w of byWarehouse) {
      for (const m of w.movementsPerMinute) end = Math.max(end, Math.floor(Date.parse(m.minute) / MINUTE_MS));
    }
    const start = end - MINUTES + 1;
    const series = byWarehouse.map((w) => {
      const counts = new Array(MINUTES).fill(0);
      for (const m of w.movementsPerMinute) {
        const i = Math.floor(Date.parse(m.minute) / MINUTE_MS) - start;
        if (i >= 0 && i < MINUTES) counts[i] += m.movements;
      }
      return { label: w.warehouseId, counts, total: counts.reduce((a, b) => a + b, 0) };
    }).filter((s) => s.total > 0).sort((a, b) => b.total - a.total || (a.label < b.label ? -1 : 1));
    let shown = series;
    if (series.length > MINUTE_SERIES) {
      const rest = series.slice(MINUTE_SERIES - 1);
      shown = series.slice(0, MINUTE_SERIES - 1);
      shown.push({
        label: `${rest.length} other warehouses`,
        counts: rest.reduce((sum, s) => sum.map((c, i) => c + s.counts[i]), new Array(MINUTES).fill(0)),
      });
    }

    const labels = Array.from({ length: MINUTES }, (_, i) => clock((start + i) * MINUTE_MS));
    const datasets = shown.map((s, i) => ({
      label: s.label,
      data: s.counts,
      borderColor: COLORS[i % COLORS.length],
      backgroundColor: COLORS[i % COLORS.length],
    }));
    if (!minuteChart) {
      const options = baseOptions();
      options.scales = {
        x: { stacked: true, ticks: { maxTicksLimit: 12 } },
        y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
      };
      minuteChart = new window.Chart(canvas, { type: 'bar', data: { labels, datasets }, options });
    } else {
      minuteChart.data.labels = labels;
      minuteChart.data.datasets = datasets;
      minuteChart.update('none');
    }
    const total = series.reduce((sum, s) => sum + s.total, 0);
    canvas.setAttribute('aria-label', `Movements per minute over the last hour: ${numbers.format(total)} in ${series.length} warehouses.`);
    return total;
  }

  function clear() {
    closeItem();
    if (minuteChart) {
      minuteChart.destroy();
      minuteChart = null;
    }
  }

  return { loadItem, showItem, itemMovement, refreshTransit, closeItem, openItem, showMinutes, clear, ITEM_HISTORY_MAX };
})();
