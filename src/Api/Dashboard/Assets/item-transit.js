// Inventory dashboard: an item's units in transit over time, for the item chart (charts.js). Units that left the item on
// a transfer and have neither arrived nor come back: its own transfer-dispatched events add their quantity, its
// transfer-returned events take theirs off, and the receipts at the destination, read from each named transfer's own
// history (GET /api/v1/transfers/{id}: transfer-line-received events of this SKU, at their recordedAt), take theirs off.
// A transfer that cannot be read is named, and the line is not drawn from its dispatch on: no guessed values.
'use strict';

window.InventoryItemTransit = (() => {
  const ENDED = new Set(['completed', 'cancelled', 'failed']);
  const READERS = 4;
  const EVENTS_PAGE = 1000;

  class ItemTransit {
    constructor(api, warehouseId, sku) {
      this.api = api;
      this.warehouseId = warehouseId;
      this.sku = sku;
      this.moves = new Map(); // item version -> { at, transferId (null until its event is read), delta }
      this.receipts = new Map(); // `${transferId}/${transfer version}` -> { at, delta }
      this.transfers = new Map(); // transferId -> { status } | { error }
      this.eventsRead = 0; // the item's latest version read from its history
      this.syncing = null;
      this.again = false;
    }

    // One event of the item's history (GET .../events).
    addEvent(e) {
      this.eventsRead = Math.max(this.eventsRead, e.version);
      const sign = e.type === 'transfer-dispatched' ? 1 : e.type === 'transfer-returned' ? -1 : 0;
      if (sign !== 0) {
        this.moves.set(e.version, { at: Date.parse(e.recordedAt), transferId: e.data.transferId, delta: sign * e.data.quantity });
      }
    }

    // A live movement of this item. A transfer's is counted at once (its quantity is the on-hand change), and says that
    // its event (for the transfer's id) should be read: returns true then.
    addMovement(m) {
      if ((m.type !== 'transfer-dispatched' && m.type !== 'transfer-returned') || this.moves.has(m.version)) return false;
      this.moves.set(m.version, { at: Date.parse(m.recordedAt), transferId: null, delta: -m.onHandDelta });
      return true;
    }

    // Whether a transfer named here may still have units received at its destination.
    hasOpen() {
      for (const move of this.moves.values()) {
        const t = move.transferId ? this.transfers.get(move.transferId) : null;
        if (!t || t.error || !ENDED.has(t.status)) return true;
      }
      return false;
    }

    // Reads what is not known yet: the item's events after those read (for the transfer ids of live movements), then
    // every named transfer not known to have ended. Calls made meanwhile run once more after this one.
    async sync() {
      if (this.syncing) {
        this.again = true;
        return this.syncing;
      }
      this.syncing = (async () => {
        do {
          this.again = false;
          await this.readEvents();
          await this.readTransfers();
        } while (this.again);
      })();
      try {
        await this.syncing;
      } finally {
        this.syncing = null;
      }
    }

    async readEvents() {
      if (![...this.moves.values()].some((m) => m.transferId === null)) return;
      const path = `/api/v1/items/${encodeURIComponent(this.warehouseId)}/${encodeURIComponent(this.sku)}/events`;
      let next = `${path}?after=${this.eventsRead}&limit=${EVENTS_PAGE}`;
      while (next) {
        const page = await this.api(next);
        for (const e of page.events) this.addEvent(e);
        next = page.next;
      }
    }

    async readTransfers() {
      const ids = [...new Set([...this.moves.values()].map((m) => m.transferId).filter((id) => id !== null))]
        .filter((id) => !ENDED.has(this.transfers.get(id)?.status));
      const queue = [...ids];
      const reader = async () => {
        while (queue.length > 0) await this.readTransfer(queue.shift());
      };
      await Promise.all(Array.from({ length: Math.min(READERS, queue.length) }, reader));
    }

    async readTransfer(id) {
      try {
        const transfer = await this.api(`/api/v1/transfers/${encodeURIComponent(id)}`);
        for (const e of transfer.history) {
          if (e.type === 'transfer-line-received' && e.data.sku === this.sku) {
            this.receipts.set(`${id}/${e.version}`, { at: Date.parse(e.recordedAt), delta: -e.data.quantity });
          }
        }
        this.transfers.set(id, { status: transfer.status });
      } catch (error) {
        this.transfers.set(id, { error: error && error.status ? `HTTP ${error.status}` : 'no answer' });
      }
    }

    // The line's points for the item's levels (oldest first): one at each level (after its own change), and one at each
    // receipt, in time order (a receipt at the same millisecond as a level after it). y is null from the first move of a
    // transfer that could not be read on.
    points(levels) {
      const receipts = [...this.receipts.values()].sort((a, b) => a.at - b.at);
      const points = [];
      let running = 0;
      let unknown = false;
      let r = 0;
      const receive = () => {
        running += receipts[r].delta;
        points.push({ x: receipts[r].at, y: unknown ? null : running });
        r++;
      };
      for (const level of levels) {
        while (r < receipts.length && receipts[r].at < level.at) receive();
        const move = this.moves.get(level.version);
        if (move) {
          running += move.delta;
          if (move.transferId && this.transfers.get(move.transferId)?.error) unknown = true;
        }
        points.push({ x: level.at, y: unknown ? null : running });
      }
      while (r < receipts.length) receive();
      return points;
    }

    // What to say under the chart: the transfers that could not be read.
    note() {
      const failed = [...this.transfers.entries()].filter(([, t]) => t.error);
      if (failed.length === 0) return '';
      const names = failed.slice(0, 5).map(([id, t]) => `${id} (${t.error})`).join(', ');
      const more = failed.length > 5 ? ` and ${failed.length - 5} more` : '';
      return `In transit is not drawn from the dispatch of a transfer that could not be read on: ${names}${more}.`;
    }
  }

  return { create: (api, warehouseId, sku) => new ItemTransit(api, warehouseId, sku) };
})();
