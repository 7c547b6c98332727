// Inventory dashboard: the "Transfers in transit" panel, drawn from GET /api/v1/in-transit (transfers with units still on
// the road, oldest dispatch first, overdue ones flagged by the API). dashboard.js calls window.InventoryTransit.
'use strict';

window.InventoryTransit = (() => {
  const MAX_ROWS = 50;
  const numbers = new Intl.NumberFormat();
  const fmt = (n) => numbers.format(n);

  // How long ago, coarse: "45 s", "12 min", "3 h 5 min", "2 d 4 h".
  function age(ms) {
    const s = Math.max(0, Math.floor(ms / 1000));
    if (s < 60) return `${s} s`;
    const min = Math.floor(s / 60);
    if (min < 60) return `${min} min`;
    const h = Math.floor(min / 60);
    if (h < 24) return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
    const d = Math.floor(h / 24);
    return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
  }

  function dispatched(iso, now) {
    const at = new Date(iso);
    return now - at.getTime() < 24 * 3600 * 1000 ? at.toLocaleTimeString() : at.toLocaleString();
  }

  // Identifiers wrap between each other, never at their own hyphens.
  function unbroken(text) {
    const span = document.createElement('span');
    span.className = 'nowrap';
    span.textContent = text;
    return span;
  }

  function cell(row, text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) td.className = className;
    row.appendChild(td);
    return td;
  }

  // Fills the panel: #transit-totals (units, transfers, overdue count), the table (one row per transfer, at most
  // MAX_ROWS; overdue rows marked in words and by class), #transit-empty and #transit-more.
  function render(transit, now = Date.now()) {
    const totals = document.getElementById('transit-totals');
    totals.replaceChildren(`${fmt(transit.units)} units on ${fmt(transit.transfers)} transfers; `);
    const overdue = document.createElement('strong');
    overdue.id = 'transit-overdue';
    overdue.className = transit.overdueTransfers > 0 ? 'overdue-count' : '';
    overdue.textContent = fmt(transit.overdueTransfers);
    totals.append(overdue, ' overdue.');

    const body = document.getElementById('transit').tBodies[0];
    body.replaceChildren();
    for (const t of transit.inTransit.slice(0, MAX_ROWS)) {
      const row = document.createElement('tr');
      row.dataset.transfer = t.transferId;
      if (t.overdue) row.className = 'overdue';
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = t.transferId;
      row.appendChild(th);
      cell(row, '', 'route').append(unbroken(t.fromWarehouseId), ' → ', unbroken(t.toWarehouseId));
      cell(row, fmt(t.inTransit), 'num units');
      const skus = cell(row, '', 'skus');
      t.lines.forEach((l, i) => skus.append(...(i > 0 ? [', '] : []), unbroken(`${l.sku} ${fmt(l.inTransit)}`)));
      const at = cell(row, `${dispatched(t.dispatchedAt, now)}, `, 'dispatched');
      at.title = new Date(t.dispatchedAt).toLocaleString();
      const ago = document.createElement('span');
      ago.className = 'age';
      ago.textContent = `${age(now - Date.parse(t.dispatchedAt))} ago`;
      at.appendChild(ago);
      cell(row, t.overdue ? 'Overdue' : 'On time', t.overdue ? 'state overdue-flag' : 'state');
      body.appendChild(row);
    }
    document.getElementById('transit-empty').hidden = transit.inTransit.length > 0;
    const more = document.getElementById('transit-more');
    more.hidden = transit.inTransit.length <= MAX_ROWS;
    more.textContent = `The ${fmt(MAX_ROWS)} oldest of ${fmt(transit.inTransit.length)} transfers are shown.`;
  }

  // The in-transit figures ({ units, transfers, overdueTransfers }: the overview's, or GET /in-transit's) into the
  // summary line under "Warehouses"; the overdue ones stand out.
  function summary(element, figures) {
    const overdue = document.createElement('span');
    overdue.className = figures.overdueTransfers > 0 ? 'overdue-count' : '';
    overdue.textContent = figures.overdueTransfers > 0 ? `${fmt(figures.overdueTransfers)} overdue` : 'none overdue';
    element.replaceChildren(`In transit: ${fmt(figures.units)} units on ${fmt(figures.transfers)} transfers, `, overdue, '.');
  }

  function clear() {
    document.getElementById('transit').tBodies[0].replaceChildren();
    document.getElementById('transit-totals').replaceChildren();
  }

  return { render, summary, clear, age };
})();
