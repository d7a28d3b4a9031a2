// Veil status page: polls this node's JSON API and renders it. Every value
// from the API reaches the DOM as text or an attribute, never as HTML, and
// the page keeps a bounded number of slots however long it stays open.
"use strict";

(() => {
  const KEEP = 20; // slots in the live table
  const SLOW_MS = 5000; // eon, next eon and validators change rarely: read them this often
  const MAX_TXS = 100; // transactions listed in the detail panel
  const MAX_TRIES = 60; // reads of a slot waiting for its decryption before the table stops asking
  const RECENT = 100; // slots within which a keyper's failure marks it unhealthy

  const $ = (id) => document.getElementById(id);

  const state = {
    status: null,
    eon: null,
    next: null,
    validators: [],
    names: new Map(), // CometBFT address → "#i", for proposers
    rows: new Map(), // slot → {block, tr, tries}
    selected: null,
    slowAt: 0,
  };

  // h makes an element; attributes are set as strings, children appended
  // as nodes or text.
  function h(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null) continue;
      if (k === "class") e.className = v;
      else e.setAttribute(k, String(v));
    }
    for (const c of children) {
      if (c !== undefined && c !== null) e.append(c instanceof Node ? c : String(c));
    }
    return e;
  }

  async function get(path) {
    const r = await fetch(path, { cache: "no-store", headers: { Accept: "application/json" } });
    if (!r.ok) {
      const err = new Error(path + ": HTTP " + r.status);
      err.status = r.status;
      throw err;
    }
    return r.json();
  }

  // hash shows a hex string shortened, the whole in its title.
  function hash(hex) {
    if (!hex) return h("span", { class: "muted" }, "–");
    const s = String(hex);
    return h("code", { class: "hash", title: s }, s.length > 16 ? s.slice(0, 8) + "…" + s.slice(-6) : s);
  }

  // wei formats a decimal wei string in a readable unit.
  function wei(s) {
    if (s === null || s === undefined) return "–";
    let v;
    try {
      v = BigInt(s);
    } catch {
      return String(s);
    }
    for (const [u, name] of [[10n ** 18n, "ETH"], [10n ** 9n, "gwei"]]) {
      if (v >= u) {
        const frac = String((v % u) * 1000n / u).padStart(3, "0").replace(/0+$/, "");
        return (v / u).toLocaleString("en") + (frac ? "." + frac : "") + " " + name;
      }
    }
    return v.toLocaleString("en") + " wei";
  }

  function clock(iso) {
    const d = new Date(iso);
    if (isNaN(d)) return "–";
    const p = (n, w) => String(n).padStart(w, "0");
    return p(d.getHours(), 2) + ":" + p(d.getMinutes(), 2) + ":" + p(d.getSeconds(), 2) + "." + p(d.getMilliseconds(), 3);
  }

  function ms(x) {
    return x.toFixed(x < 10 ? 1 : 0) + " ms";
  }

  function proposer(addr) {
    const name = state.names.get(String(addr).toLowerCase());
    return h("span", {}, name ? h("span", { class: "vname" }, name + " ") : null, hash(addr));
  }

  // facts fills a definition list with [term, value] pairs.
  function facts(dl, pairs) {
    dl.replaceChildren(...pairs.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
  }

  function setBig(id, value, sub) {
    const e = $(id);
    e.textContent = value === null || value === undefined ? "–" : String(value);
    e.dataset.value = value === null || value === undefined ? "" : String(value);
    $(id + "-sub").textContent = sub || "";
  }

  function live(ok, text) {
    const e = $("live");
    e.dataset.state = ok ? "live" : "error";
    e.textContent = text;
  }

  // The chain at a glance.

  function renderGlance() {
    const st = state.status;
    document.title = "Veil · slot " + st.height;
    $("chain").textContent = "chain " + st.chainId + " · " + location.host;
    setBig("g-slot", st.height, "block time " + st.blockTimeMs + " ms · app hash " + String(st.appHash).slice(0, 10) + "…");
    const e = state.eon;
    if (e) {
      setBig("g-eon", e.eon, e.threshold + " of " + e.keypers.length + " keypers · active from slot " + e.activationSlot);
      $("g-eon").dataset.threshold = e.threshold;
      $("g-eon").dataset.keypers = e.keypers.length;
    }
    const n = state.next;
    if (n) {
      let sub = "DKG from slot " + n.startSlot;
      if (n.status === "running") sub += " · phase " + n.phase + " · result at slot " + n.resultSlot;
      else if (n.activationSlot) sub += " · active from slot " + n.activationSlot;
      else if (n.failed) sub += " · " + n.failed;
      setBig("g-next", "#" + n.eon + " " + n.status, sub);
    } else {
      setBig("g-next", "none", "no DKG since genesis");
    }
    if (st.l1Applied !== undefined) {
      setBig("g-l1", st.l1Applied, "the last L1 block Veil applied" + (st.l1 ? " · L1 chain " + st.l1.chainId : ""));
    } else {
      setBig("g-l1", null, "this network has no L1");
    }
    const b = st.batches;
    if (b && b.last) {
      const stage = b.last.index < b.accepted ? "accepted on L1" : b.last.index < b.signed ? "signed" : "fixed";
      setBig("g-batch", "#" + b.last.index, "slots " + b.last.firstSlot + "–" + b.last.lastSlot + ", " + stage +
        (b.accepted ? " · final up to batch #" + (b.accepted - 1) : ""));
      $("g-batch").dataset.stage = stage;
    } else {
      setBig("g-batch", b ? "none yet" : null, b ? "no batch fixed yet" : "this network has no L1");
    }
  }

  // Validators and their keypers' health.

  function health(v) {
    if (v.slashed) return h("span", { class: "badge bad" }, "slashed at slot " + v.slashed.slot);
    const k = v.keyperHealth;
    if (!k) return h("span", { class: "badge" }, "no keyper of this eon");
    const last = Math.max(k.lastBadSlot || 0, k.lastMissingSlot || 0);
    const label = "keyper " + k.index;
    if (k.badShares === 0 && k.missing === 0) return h("span", { class: "badge ok" }, label + " · healthy");
    const what = [];
    if (k.badShares) what.push(k.badShares + " bad shares");
    if (k.missing) what.push(k.missing + " bundles missed");
    const recent = state.status && last + RECENT > state.status.height;
    return h("span", { class: "badge " + (recent ? "bad" : "warn"), title: "last at slot " + last },
      label + " · " + what.join(", "));
  }

  function renderValidators() {
    const tbody = $("validators").tBodies[0];
    tbody.replaceChildren(...state.validators.map((v, i) => {
      const k = v.keyperHealth;
      const status = v.slashed ? "slashed" : !k ? "none" : k.badShares || k.missing ? "degraded" : "healthy";
      return h("tr", { "data-address": v.address, "data-keyper": v.keyper, "data-health": status },
        h("td", {}, "#" + (i + 1)),
        h("td", {}, hash(v.address)),
        h("td", {}, hash(v.keyper)),
        h("td", { class: "num" }, v.power),
        h("td", { class: "num" }, wei(v.bond)),
        h("td", {}, health(v)));
    }));
  }

  async function slow() {
    const [eon, next, vals] = await Promise.all([
      get("v1/eon"),
      get("v1/eon/next").catch((e) => (e.status === 404 ? null : Promise.reject(e))),
      get("v1/validators"),
    ]);
    state.eon = eon;
    state.next = next;
    state.validators = vals.validators || [];
    state.names = new Map(state.validators.map((v, i) => [String(v.address).toLowerCase(), "#" + (i + 1)]));
    state.slowAt = Date.now();
    renderValidators();
  }

  // The live table of the last slots.

  function decryption(b) {
    if (b.decryption) {
      const d = b.decryption;
      return h("span", { title: "shares " + ms(d.sharesMs) + ", verify " + ms(d.verifyMs) + ", combine " + ms(d.combineMs) +
        ", decrypt " + ms(d.decryptMs) }, ms(d.totalMs));
    }
    if (b.level !== "decrypted") return h("span", { class: "pending" }, "decrypting…");
    return h("span", { class: "muted" }, b.keys.length ? "decrypted" : "empty");
  }

  function renderRow(row) {
    const b = row.block;
    const a = b.auction || {};
    const bids = (a.bids || []).length;
    const tr = row.tr;
    Object.assign(tr.dataset, {
      slot: b.slot, proposer: b.proposer, bids: bids, winner: a.winner || "", price: a.price || "",
      txs: b.transactions.length, level: b.level, decryptionMs: b.decryption ? b.decryption.totalMs : "",
    });
    tr.classList.toggle("selected", state.selected === b.slot);
    tr.replaceChildren(
      h("td", { class: "num" }, b.slot),
      h("td", { class: "time" }, clock(b.time)),
      h("td", {}, proposer(b.proposer)),
      h("td", { class: "num" }, bids),
      h("td", {}, a.winner ? hash(a.winner) : h("span", { class: "muted" }, "none")),
      h("td", { class: "num" }, a.price ? wei(a.price) : "–"),
      h("td", { class: "num" }, b.transactions.length),
      h("td", { class: "num" }, decryption(b)));
  }

  // settled is a row the table needs not read again: a decrypted slot
  // changes no more. A keyper has normally decrypted the bundle itself
  // before its keys reach the chain, so its time comes with the level; a
  // node that is no keyper, or keeps the bundle no longer, has none to
  // wait for, and reading its slots again would only load it.
  function settled(row) {
    return row.tries >= MAX_TRIES || row.block.level === "decrypted";
  }

  function upsert(b) {
    let row = state.rows.get(b.slot);
    if (!row) {
      const tr = h("tr", { tabindex: "0", "data-slot": b.slot });
      tr.addEventListener("click", () => select(b.slot));
      tr.addEventListener("keydown", (e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          select(b.slot);
        }
      });
      row = { tr, tries: 0, block: b };
      state.rows.set(b.slot, row);
      const tbody = $("slots").tBodies[0];
      const after = [...tbody.rows].find((r) => Number(r.dataset.slot) < b.slot) || null;
      tbody.insertBefore(tr, after);
    } else {
      row.tries++;
      const changed = row.block.level !== b.level;
      row.block = b;
      if (changed && state.selected === b.slot) select(b.slot);
    }
    renderRow(row);
  }

  async function slots(height) {
    const from = Math.max(1, height - KEEP + 1);
    for (const [s, row] of state.rows) {
      if (s < from || s > height) { // out of the window, or the node was reset
        row.tr.remove();
        state.rows.delete(s);
      }
    }
    const want = [];
    for (let s = height; s >= from; s--) {
      const row = state.rows.get(s);
      if (!row || !settled(row)) want.push(s);
    }
    const got = await Promise.all(want.map((s) => get("v1/blocks/" + s).catch(() => null)));
    for (const b of got) if (b && b.slot >= from) upsert(b);
    $("slots-note").textContent = "· newest first, the last " + KEEP;
  }

  // One slot's auction and bundle.

  async function select(slot) {
    state.selected = slot;
    for (const r of state.rows.values()) r.tr.classList.toggle("selected", r.block.slot === slot);
    const panel = $("detail");
    panel.hidden = false;
    panel.dataset.slot = slot;
    $("d-slot").textContent = slot;
    try {
      const [auction, block] = await Promise.all([get("v1/auctions/" + slot), get("v1/blocks/" + slot)]);
      if (state.selected !== slot) return; // another slot was clicked meanwhile
      renderDetail(auction, block);
      panel.dataset.loaded = slot;
    } catch (e) {
      if (state.selected !== slot) return;
      facts($("d-block"), [["error", e.message]]);
    }
  }

  function renderDetail(a, b) {
    const d = b.decryption;
    facts($("d-block"), [
      ["block", hash(b.hash)],
      ["time", clock(b.time)],
      ["proposer", proposer(b.proposer)],
      ["level", b.level],
      ["final", b.final ? "batch #" + b.final.batch + ", L1 block " + b.final.l1Block : "not yet"],
      ["decryption", d ? ms(d.totalMs) + " (shares " + ms(d.sharesMs) + ", verify " + ms(d.verifyMs) + ", combine " +
        ms(d.combineMs) + ", decrypt " + ms(d.decryptMs) + ")" : "–"],
    ]);
    facts($("d-auction"), [
      ["status", a.status],
      ["bids", a.bidCount],
      ["reserve", wei(a.reserve)],
      ["winner", a.winner ? hash(a.winner) : "none"],
      ["price", a.price ? wei(a.price) : "–"],
    ]);
    const dAuction = $("d-auction");
    dAuction.dataset.winner = a.winner || "";
    dAuction.dataset.price = a.price || "";
    dAuction.dataset.bids = a.bidCount;
    $("d-bids").tBodies[0].replaceChildren(...(a.bids || []).map((x) =>
      h("tr", { "data-builder": x.builder, "data-verdict": x.verdict, class: x.builder === a.winner && x.verdict === "valid" ? "win" : "" },
        h("td", {}, hash(x.builder)),
        h("td", { class: "num" }, x.seq),
        h("td", { class: "num" }, x.value ? wei(x.value) : "sealed"),
        h("td", {}, h("span", { class: "verdict " + x.verdict }, x.verdict), x.reason ? " " + x.reason : ""),
        h("td", {}, hash(x.bidHash)))));
    const txs = b.transactions || [];
    facts($("d-bundle"), [
      ["bundle root", hash(b.bundleRoot)],
      ["transactions", txs.length],
      ["keys", b.keys.length],
    ]);
    $("d-bundle").dataset.txs = txs.length;
    const rows = txs.slice(0, MAX_TXS).map((t, i) => {
      const e = t.envelope;
      const size = t.plaintext ? (t.plaintext.length - 2) / 2 + " B" : "–";
      return h("tr", { "data-hash": t.envelopeHash, "data-status": t.status },
        h("td", { class: "num" }, i),
        h("td", {}, hash(t.envelopeHash)),
        h("td", {}, e ? hash(e.sender) : "forced #" + t.forced),
        h("td", { class: "num" }, e ? e.nonce : "–"),
        h("td", {}, h("span", { class: "verdict " + t.status }, t.status), t.reason ? " " + t.reason : ""),
        h("td", { class: "num" }, size));
    });
    if (txs.length > MAX_TXS) rows.push(h("tr", {}, h("td", { colspan: 6, class: "muted" }, "… " + (txs.length - MAX_TXS) + " more")));
    $("d-txs").tBodies[0].replaceChildren(...rows);
  }

  async function tick() {
    let wait = 1000;
    try {
      const st = await get("v1/status");
      wait = Math.min(Math.max(st.blockTimeMs || 1000, 500), 2000);
      const eonChanged = state.status && st.eon !== state.status.eon;
      state.status = st;
      if (eonChanged || Date.now() - state.slowAt > SLOW_MS) await slow();
      renderGlance();
      await slots(st.height);
      live(true, "live · slot " + st.height);
    } catch (e) {
      live(false, "cannot reach the node: " + e.message);
    }
    setTimeout(tick, wait);
  }

  tick();
})();
