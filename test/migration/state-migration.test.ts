import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { synthApp } from "../support/app";
import { readEstate } from "../support/estate";

const { addresses } = readEstate();
const { stack } = synthApp();

/** Our stack → Void's root of the same resources, whose state we adopt. */
const ROOTS = { github: "github", digitalocean: "do", fastly: "fastly", hashistack: "hashistack", tls: "le" };

type Moved = { from: string; to: string };

describe("adopting Void's existing state with the adoption data destroys nothing", () => {
  for (const [name, root] of Object.entries(ROOTS)) {
    test(`${name}: every resource of terraform/${root} is kept, moved, or deliberately forgotten`, () => {
      const json = stack(name);
      const moved = (json.moved ?? []) as Moved[];
      const removed = (json.removed ?? []) as { from: string; lifecycle: { destroy: boolean } }[];
      for (const r of removed)
        assert.equal(r.lifecycle.destroy, false, `${r.from} is forgotten, never destroyed`);
      const ours = new Set(
        Object.entries(json.resource ?? {}).flatMap(([type, byId]) =>
          Object.keys(byId).map((id) => `${type}.${id}`),
        ),
      );
      const accounted = new Set([...moved.map((m) => m.from), ...removed.map((r) => r.from)]);
      for (const address of (addresses[root] as string[]).filter((a) => !a.startsWith("data."))) {
        assert.ok(ours.has(address) || accounted.has(address), `${address} would be destroyed`);
      }
      for (const { to } of moved) assert.ok(ours.has(to), `${to} is not a resource of the stack`);
      assert.equal(new Set(moved.map((m) => m.to)).size, moved.length, "no two moves share a target");
      assert.equal(new Set(moved.map((m) => m.from)).size, moved.length, "each old address moves once");
    });
  }

  test("records move by content: the DKIM record keeps its state under its fixed name", () => {
    const moved = (stack("digitalocean").moved ?? []) as Moved[];
    assert.deepEqual(
      moved.find((m) => m.from === "digitalocean_record.__dkim"),
      { from: "digitalocean_record.__dkim", to: "digitalocean_record.zone_default__domainkey_txt" },
    );
    assert.deepEqual(
      moved.find((m) => m.from === "digitalocean_record.a_sfo3_us"),
      { from: "digitalocean_record.a_sfo3_us", to: "digitalocean_record.zone_a-sfo3-us_m_a" },
    );
  });
});

describe("the adoption layer is removable", () => {
  const bare = synthApp({ adopt: false });

  for (const name of Object.keys(ROOTS)) {
    test(`${name}: without migration/ the stack has the same resources and no moved or removed block`, () => {
      const adopted = stack(name);
      const fresh = bare.stack(name);
      assert.equal(fresh.moved, undefined);
      assert.equal(fresh.removed, undefined);
      assert.deepEqual(fresh.resource, adopted.resource);
    });
  }
});
