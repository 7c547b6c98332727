// Inventory dashboard: reads the views with the key entered once (kept in sessionStorage, or localStorage when
// remembered; sent only in the X-Api-Key header) and follows GET /api/v1/live. EventSource cannot send headers, so the
// live feed is read with fetch() and a ReadableStream and parsed as server-sent events here. The charts are drawn by
// charts.js (window.InventoryCharts), the transfers in transit by transit.js (window.InventoryTransit).
'use strict';

(() => {
  const KEY_STORAGE = 'inventory.apiKey';
  const STOCK_PAGE_SIZE = 25;
  const MAX_MOVEMENTS = 100;
  const MOVEMENTS_PAGE_SIZE = 10;
  const REFRESH_DEBOUNCE_MS = 400;
  const FULL_REFRESH_MS = 30000;
  const PROJECTIONS_REFRESH_MS = 2000;
  // Transfers become overdue and age with no movement to announce it: the panel is also read on this timer.
  const TRANSIT_REFRESH_MS = 5000;
  const CLUSTER_SESSION_REFRESH_MS = 30 * 60 * 1000;
  const CLUSTER_SESSION_PATH = '/api/v1/admin/cluster-dashboard/session';

  const state = {
    key: null,
    warehouse: null,
    stockAfter: [null],
    stockNext: null,
    movements: new Map(),
    movementsPage: 0,
    live: null,
    refreshTimer: null,
    timers: [],
    operator: false,
  };

  const $ = (id) => document.getElementById(id);
  const charts = window.InventoryCharts;
  const transit = window.InventoryTransit;

  class HttpError extends Error {
    constructor(status, problem) {
      super(problem && problem.title ? problem.title : `HTTP ${status}`);
      this.status = status;
      this.problem = problem;
    }
  }

  // ---- key ----

  function storedKey() {
    return sessionStorage.getItem(KEY_STORAGE) || localStorage.getItem(KEY_STORAGE);
  }

  function storeKey(key, remember) {
    sessionStorage.setItem(KEY_STORAGE, key);
    if (remember) {
      localStorage.setItem(KEY_STORAGE, key);
    } else {
      localStorage.removeItem(KEY_STORAGE);
    }
  }

  function forgetKey(message) {
    if (state.operator) closeClusterSession(state.key);
    state.operator = false;
    sessionStorage.removeItem(KEY_STORAGE);
    localStorage.removeItem(KEY_STORAGE);
    disconnect();
    $('board').hidden = true;
    $('forget-key').hidden = true;
    $('key-section').hidden = false;
    $('key-error').textContent = message || '';
    $('api-key').value = '';
    $('api-key').focus();
  }

  // ---- HTTP ----

  async function api(path, options) {
    const response = await fetch(path, {
      method: 'GET',
      cache: 'no-store',
      ...options,
      headers: { 'X-Api-Key': state.key, Accept: 'application/json' },
    });
    if (!response.ok) {
      let problem = null;
      try { problem = await response.json(); } catch { problem = null; }
      throw new HttpError(response.status, problem);
    }
    return response.json();
  }

  function describe(error) {
    if (error instanceof HttpError) {
      if (error.status === 401) return 'This key is not known to the API.';
      if (error.status === 403) return 'This key may not read the dashboard (use a dashboard or operator key).';
      if (error.status === 429) return 'Too many requests for this key; retrying shortly.';
      if (error.status === 503) return 'The cluster is unavailable; retrying shortly.';
      return `The API answered ${error.status}${error.problem && error.problem.code ? ` (${error.problem.code})` : ''}.`;
    }
    return 'The API does not answer.';
  }

  // ---- rendering helpers (textContent only: no markup from data) ----

  const numbers = new Intl.NumberFormat();
  const fmt = (n) => (n === null || n === undefined ? '' : numbers.format(n));
  const time = (iso) => (iso ? new Date(iso).toLocaleTimeString() : '');
  const dateTime = (iso) => (iso ? new Date(iso).toLocaleString() : '—');

  function cell(row, text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) td.className = className;
    row.appendChild(td);
    return td;
  }

  function setStatus(text, kind) {
    const status = $('live-status');
    status.textContent = text;
    status.className = `status status-${kind}`;
  }

  const MOVEMENT_NAMES = {
    'stock-received': 'Received',
    'stock-picked': 'Picked',
    'stock-reserved': 'Reserved',
    'reservation-released': 'Released',
    'stock-adjusted': 'Adjusted',
    'stock-counted': 'Counted',
    'reorder-point-set': 'Reorder point set',
    'transfer-dispatched': 'Transfer out',
    'transfer-received': 'Transfer in',
    'transfer-returned': 'Transfer back',
  };

  // ---- overview ----

  async function loadOverview() {
    const overview = await api('/api/v1/overview');
    const t = overview.totals;
    $('overview-totals').textContent =
      `${fmt(overview.warehouses)} warehouses, ${fmt(overview.skus)} SKUs: ${fmt(t.onHand)} on hand, ` +
      `${fmt(t.reserved)} reserved, ${fmt(t.available)} available, ${fmt(t.lowStock)} low; ${fmt(overview.movements)} movements.`;
    showTransitSummary(overview.inTransit);
    const body = $('warehouses').tBodies[0];
    body.replaceChildren();
    for (const w of overview.byWarehouse) {
      const row = document.createElement('tr');
      row.dataset.warehouse = w.warehouseId;
      if (w.warehouseId === state.warehouse) {
        row.className = 'selected';
      }
      const th = document.createElement('th');
      th.scope = 'row';
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'link';
      button.textContent = w.warehouseId;
      button.setAttribute('aria-pressed', String(w.warehouseId === state.warehouse));
      button.addEventListener('click', () => selectWarehouse(w.warehouseId));
      th.appendChild(button);
      row.appendChild(th);
      cell(row, fmt(w.totals.items), 'num');
      cell(row, fmt(w.totals.onHand), 'num');
      cell(row, fmt(w.totals.reserved), 'num');
      cell(row, fmt(w.totals.available), 'num');
      cell(row, fmt(w.totals.lowStock), 'num');
      cell(row, fmt(w.movements), 'num');
      body.appendChild(row);
    }
    $('warehouses-empty').hidden = overview.byWarehouse.length > 0;
    charts.showMinutes($('minute-chart'), overview.byWarehouse);
    if (!state.warehouse && overview.byWarehouse.length > 0) {
      await selectWarehouse(overview.byWarehouse[0].warehouseId);
    }
    return overview;
  }

  // ---- transfers in transit ----

  // The overview's in-transit figures (units, transfers, overdueTransfers), or the same from GET /in-transit.
  function showTransitSummary(figures) {
    transit.summary($('overview-transit'), figures);
  }

  async function loadTransit() {
    try {
      const inTransit = await api('/api/v1/in-transit');
      transit.render(inTransit);
      showTransitSummary(inTransit);
      $('transit-error').textContent = '';
    } catch (error) {
      if (error instanceof HttpError && (error.status === 401 || error.status === 403)) throw error;
      $('transit-error').textContent = describe(error);
    }
  }

  // ---- selected warehouse ----

  async function selectWarehouse(warehouseId) {
    if (state.warehouse !== warehouseId) {
      state.warehouse = warehouseId;
      state.stockAfter = [null];
      state.movements = new Map();
      state.movementsPage = 0;
      closeItem();
      for (const row of $('warehouses').tBodies[0].rows) {
        const selected = row.dataset.warehouse === warehouseId;
        row.className = selected ? 'selected' : '';
        row.querySelector('button').setAttribute('aria-pressed', String(selected));
      }
    }
    $('selected-warehouse').textContent = warehouseId;
    $('warehouse-section').hidden = false;
    await loadWarehouse();
  }

  async function loadWarehouse() {
    const warehouse = state.warehouse;
    if (!warehouse) return;
    const id = encodeURIComponent(warehouse);
    const after = state.stockAfter[state.stockAfter.length - 1];
    const query = `limit=${STOCK_PAGE_SIZE}${after ? `&after=${encodeURIComponent(after)}` : ''}`;
    const [stock, low, recent] = await Promise.all([
      api(`/api/v1/warehouses/${id}/stock?${query}`),
      api(`/api/v1/warehouses/${id}/low-stock`),
      api(`/api/v1/warehouses/${id}/movements`),
    ]);
    if (warehouse !== state.warehouse) return;
    renderStock(stock);
    renderLowStock(low.items);
    for (const m of recent.movements) state.movements.set(m.eventId, m);
    renderMovements(new Set());
  }

  function renderStock(page) {
    const body = $('stock').tBodies[0];
    body.replaceChildren();
    for (const item of page.items) {
      const row = document.createElement('tr');
      row.dataset.sku = item.sku;
      if (item.available < item.reorderPoint) row.classList.add('low');
      const th = document.createElement('th');
      th.scope = 'row';
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'link';
      button.textContent = item.sku;
      button.title = `${item.sku}: stock over time`;
      button.addEventListener('click', () => openItem(item.sku));
      th.appendChild(button);
      row.appendChild(th);
      cell(row, fmt(item.onHand), 'num on-hand');
      cell(row, fmt(item.reserved), 'num reserved');
      cell(row, fmt(item.available), 'num available');
      cell(row, fmt(item.reorderPoint), 'num');
      cell(row, fmt(item.version), 'num');
      body.appendChild(row);
    }
    state.stockNext = page.next ? new URL(page.next, window.location.origin).searchParams.get('after') : null;
    const pageNumber = state.stockAfter.length;
    $('stock-page').textContent = `Page ${pageNumber} · ${fmt(page.totals.items)} SKUs`;
    $('stock-prev').disabled = pageNumber <= 1;
    $('stock-next').disabled = !state.stockNext;
  }

  function renderLowStock(items) {
    const body = $('low-stock').tBodies[0];
    body.replaceChildren();
    for (const item of items) {
      const row = document.createElement('tr');
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = item.sku;
      row.appendChild(th);
      cell(row, fmt(item.available), 'num');
      cell(row, fmt(item.reorderPoint), 'num');
      body.appendChild(row);
    }
    $('low-empty').hidden = items.length > 0;
  }

  // The latest MAX_MOVEMENTS (what the API keeps), newest first, MOVEMENTS_PAGE_SIZE a page: paged here, not by the API.
  function renderMovements(fresh) {
    const sorted = [...state.movements.values()].sort((a, b) => b.position - a.position).slice(0, MAX_MOVEMENTS);
    state.movements = new Map(sorted.map((m) => [m.eventId, m]));
    const pages = Math.max(1, Math.ceil(sorted.length / MOVEMENTS_PAGE_SIZE));
    state.movementsPage = Math.min(state.movementsPage, pages - 1);
    const first = state.movementsPage * MOVEMENTS_PAGE_SIZE;
    const body = $('movements').tBodies[0];
    body.replaceChildren();
    for (const m of sorted.slice(first, first + MOVEMENTS_PAGE_SIZE)) {
      const row = document.createElement('tr');
      row.dataset.eventId = m.eventId;
      if (fresh.has(m.eventId)) row.className = 'flash';
      cell(row, time(m.recordedAt));
      cell(row, m.sku, 'sku');
      cell(row, MOVEMENT_NAMES[m.type] || m.type);
      // Who sent it: the API key's name; empty for movements stored before it was kept.
      cell(row, m.principal || '', 'principal');
      const delta = m.onHandDelta;
      cell(row, delta === 0 ? '' : `${delta > 0 ? '+' : ''}${fmt(delta)}`, `num ${delta > 0 ? 'delta-up' : delta < 0 ? 'delta-down' : ''}`);
      cell(row, fmt(m.onHandAfter), 'num');
      cell(row, fmt(m.reservedAfter), 'num');
      cell(row, fmt(m.position), 'num');
      body.appendChild(row);
    }
    $('movements-empty').hidden = sorted.length > 0;
    $('movements-page').textContent = sorted.length === 0 ? ''
      : `${fmt(first + 1)}–${fmt(Math.min(first + MOVEMENTS_PAGE_SIZE, sorted.length))} of the latest ${fmt(sorted.length)} · page ${state.movementsPage + 1} of ${pages}`;
    $('movements-prev').disabled = state.movementsPage === 0;
    $('movements-next').disabled = state.movementsPage >= pages - 1;
  }

  function pageMovements(delta) {
    state.movementsPage = Math.max(0, state.movementsPage + delta);
    renderMovements(new Set());
  }

  // ---- an item's stock over time (a SKU chosen in the stock table) ----

  async function openItem(sku) {
    const warehouse = state.warehouse;
    $('item-sku').textContent = sku;
    $('item-note').textContent = 'Loading…';
    $('item-error').textContent = '';
    $('item-transit-note').textContent = '';
    $('item-section').hidden = false;
    try {
      const history = await charts.loadItem(api, warehouse, sku);
      if (warehouse !== state.warehouse || $('item-sku').textContent !== sku) return;
      charts.showItem($('item-chart'), warehouse, sku, history, $('item-transit-note'));
      $('item-note').textContent = history.truncated
        ? `Its latest ${fmt(history.levels.length)} of ${fmt(history.total)} movements when opened (in transit counts the transfers `
          + 'they dispatched); new ones are added live.'
        : 'Every movement since its first; new ones are added live. In transit: units that left on a transfer and have '
          + 'neither arrived nor come back.';
    } catch (error) {
      if (error instanceof HttpError && (error.status === 401 || error.status === 403)) {
        handleError(error);
        return;
      }
      $('item-note').textContent = '';
      $('item-error').textContent = error instanceof HttpError && error.status === 404 ? `${sku} has no movements.` : describe(error);
    }
  }

  function closeItem() {
    charts.closeItem();
    $('item-section').hidden = true;
    $('item-sku').textContent = '';
  }

  // ---- projections (operator keys only) ----

  async function loadProjections() {
    try {
      const body = await api('/api/v1/admin/projections');
      renderProjections(body.projections);
      state.operator = true;
      $('projections-section').hidden = false;
    } catch (error) {
      if (error instanceof HttpError && error.status === 403) {
        state.operator = false;
        $('projections-section').hidden = true;
        return;
      }
      throw error;
    }
  }

  // ---- cluster dashboard (operator keys only) ----
  // A page the browser navigates to cannot send X-Api-Key, so the operator key is exchanged for a session cookie
  // (HttpOnly, SameSite=Strict, sent only under /operator/cluster) before the link is shown. The session lasts 8 hours
  // and is renewed while this page is open; forgetting the key ends it.

  async function openClusterSession() {
    try {
      const session = await api(CLUSTER_SESSION_PATH, { method: 'POST' });
      $('cluster-dashboard-link').href = session.url;
      $('cluster-dashboard').hidden = false;
    } catch {
      $('cluster-dashboard').hidden = true;
    }
  }

  function closeClusterSession(key) {
    $('cluster-dashboard').hidden = true;
    if (key) fetch(CLUSTER_SESSION_PATH, { method: 'DELETE', headers: { 'X-Api-Key': key } }).catch(() => {});
  }

  function renderProjections(projections) {
    const body = $('projections').tBodies[0];
    body.replaceChildren();
    for (const p of projections) {
      const row = document.createElement('tr');
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = p.name;
      row.appendChild(th);
      cell(row, p.health, `health-${p.health}`);
      cell(row, fmt(p.generation), 'num');
      cell(row, fmt(p.checkpoint.position), 'num');
      cell(row, fmt(p.headPosition), 'num');
      cell(row, fmt(p.lagEvents), 'num');
      cell(row, fmt(Math.round(p.lagMilliseconds)), 'num');
      cell(row, dateTime(p.lastAppliedAt));
      cell(row, fmt(p.deadLetters), 'num');
      cell(row, fmt(p.partitions), 'num');
      cell(row, p.rebuild
        ? `generation ${p.rebuild.generation}: ${fmt(p.rebuild.applied)} events, ${fmt(Math.round(p.rebuild.eventsPerSecond))}/s`
        : '—');
      body.appendChild(row);
    }
  }

  // ---- refreshing ----

  async function refreshAll() {
    try {
      await loadOverview();
      await loadTransit();
      await loadWarehouse();
      await charts.refreshTransit();
      $('board-error').textContent = '';
    } catch (error) {
      handleError(error);
    }
  }

  function scheduleRefresh() {
    if (state.refreshTimer) return;
    state.refreshTimer = setTimeout(() => {
      state.refreshTimer = null;
      refreshAll();
    }, REFRESH_DEBOUNCE_MS);
  }

  function handleError(error) {
    if (error instanceof HttpError && (error.status === 401 || error.status === 403)) {
      forgetKey(describe(error));
      return;
    }
    $('board-error').textContent = describe(error);
  }

  // ---- live feed ----

  function onLiveEvent(event, data) {
    if (event === 'ready') {
      setStatus('Live', 'live');
      refreshAll();
    } else if (event === 'movement') {
      const m = JSON.parse(data);
      charts.itemMovement(m);
      if (m.warehouseId === state.warehouse && !state.movements.has(m.eventId)) {
        state.movements.set(m.eventId, m);
        renderMovements(new Set([m.eventId]));
        const row = $('stock').querySelector(`tr[data-sku="${CSS.escape(m.sku)}"]`);
        if (row) {
          row.querySelector('.on-hand').textContent = fmt(m.onHandAfter);
          row.querySelector('.reserved').textContent = fmt(m.reservedAfter);
          row.querySelector('.available').textContent = fmt(m.onHandAfter - m.reservedAfter);
          row.classList.remove('flash');
          void row.offsetWidth;
          row.classList.add('flash');
        }
      }
      scheduleRefresh();
    } else if (event === 'resync') {
      refreshAll();
    }
  }

  // Parses server-sent events from a byte stream: blocks separated by a blank line; 'event:', 'data:', 'id:' fields;
  // lines starting with ':' are comments (heartbeats).
  async function readEvents(body, onEvent) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = 'message';
        const data = [];
        for (const line of block.split('\n')) {
          if (line === '' || line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          let text = colon < 0 ? '' : line.slice(colon + 1);
          if (text.startsWith(' ')) text = text.slice(1);
          if (field === 'event') event = text;
          else if (field === 'data') data.push(text);
        }
        if (data.length > 0) onEvent(event, data.join('\n'));
      }
    }
  }

  const sleep = (ms, signal) => new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });

  async function follow(controller) {
    let delay = 1000;
    while (!controller.signal.aborted) {
      setStatus('Connecting…', 'connecting');
      try {
        const response = await fetch('/api/v1/live', {
          headers: { 'X-Api-Key': state.key, Accept: 'text/event-stream' },
          cache: 'no-store',
          signal: controller.signal,
        });
        if (response.status === 401 || response.status === 403) {
          forgetKey(describe(new HttpError(response.status, null)));
          return;
        }
        if (response.ok && response.body) {
          delay = 1000;
          await readEvents(response.body, onLiveEvent);
        }
      } catch {
        // Network error, or aborted: fall through to the retry below.
      }
      if (controller.signal.aborted) return;
      setStatus('Reconnecting…', 'connecting');
      await sleep(delay, controller.signal);
      delay = Math.min(delay * 2, 15000);
    }
  }

  // ---- connect / disconnect ----

  async function connect(key) {
    state.key = key;
    $('key-error').textContent = '';
    try {
      await loadOverview();
    } catch (error) {
      state.key = null;
      return error;
    }
    $('key-section').hidden = true;
    $('board').hidden = false;
    $('forget-key').hidden = false;
    try {
      await loadTransit();
      await loadProjections();
    } catch (error) {
      handleError(error);
    }
    if (state.operator) {
      await openClusterSession();
      state.timers.push(setInterval(openClusterSession, CLUSTER_SESSION_REFRESH_MS));
    }

    state.live = new AbortController();
    follow(state.live);
    state.timers.push(setInterval(refreshAll, FULL_REFRESH_MS));
    state.timers.push(setInterval(() => loadTransit().catch(handleError), TRANSIT_REFRESH_MS));
    state.timers.push(setInterval(() => {
      if (state.operator) loadProjections().catch(handleError);
    }, PROJECTIONS_REFRESH_MS));
    return null;
  }

  function disconnect() {
    if (state.live) state.live.abort();
    state.live = null;
    for (const timer of state.timers) clearInterval(timer);
    state.timers = [];
    state.key = null;
    state.warehouse = null;
    state.movements = new Map();
    state.movementsPage = 0;
    closeItem();
    charts.clear();
    transit.clear();
    setStatus('Not connected', 'off');
  }

  document.addEventListener('DOMContentLoaded', async () => {
    $('key-form').addEventListener('submit', async (e) => {
      e.preventDefault();
      const key = $('api-key').value.trim();
      if (!key) {
        $('key-error').textContent = 'Enter an API key.';
        return;
      }
      $('connect').disabled = true;
      const error = await connect(key);
      $('connect').disabled = false;
      if (error) {
        $('key-error').textContent = describe(error);
      } else {
        storeKey(key, $('remember-key').checked);
        $('api-key').value = '';
      }
    });
    $('forget-key').addEventListener('click', () => forgetKey(''));
    $('stock-next').addEventListener('click', () => {
      if (!state.stockNext) return;
      state.stockAfter.push(state.stockNext);
      loadWarehouse().catch(handleError);
    });
    $('movements-prev').addEventListener('click', () => pageMovements(-1));
    $('movements-next').addEventListener('click', () => pageMovements(1));
    $('item-close').addEventListener('click', closeItem);
    $('stock-prev').addEventListener('click', () => {
      if (state.stockAfter.length <= 1) return;
      state.stockAfter.pop();
      loadWarehouse().catch(handleError);
    });

    const key = storedKey();
    if (key) {
      const error = await connect(key);
      if (error instanceof HttpError && (error.status === 401 || error.status === 403)) {
        forgetKey(describe(error));
      } else if (error) {
        $('key-error').textContent = `${describe(error)} Press Connect to try again.`;
        $('api-key').value = key;
      }
    }
  });
})();
