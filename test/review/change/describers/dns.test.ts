import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { StackJson } from "../../../../review/diff";
import { output, sentences } from "../../../support/review-diff";

const DOMAIN = { zone: { name: "voidlinux.org" } };
const record = (name: string, type: string, value: string) => ({
  domain: "${digitalocean_domain.zone.name}",
  name,
  type,
  value,
});
const zone = (records: Record<string, ReturnType<typeof record>>): StackJson => ({
  resource: { digitalocean_domain: DOMAIN, digitalocean_record: records },
});

const base = zone({
  j_a: record("j-hel-fi.m", "A", "95.216.203.66"),
  j_aaaa: record("j-hel-fi.m", "AAAA", "2a01:4f9:c013:c508::2"),
});
const head = zone({
  k_a: record("k-hel-fi.m", "A", "203.0.113.10"),
  k_aaaa: record("k-hel-fi.m", "AAAA", "2001:db8::10"),
});
/** The estate has k-hel-fi (j-hel-fi is retired); machines are named under `m`. */
const review = { machines: new Map([["k-hel-fi", { roles: ["hashiworker"] }]]), machineSubdomain: "m" };

describe("machines, read off their DNS records and the estate's machines", () => {
  test("a machine that comes or goes is one sentence for all its records", () => {
    assert.deepEqual(sentences(output({ digitalocean: base }), output({ digitalocean: head }), review), [
      "! retires machine j-hel-fi (95.216.203.66, 2a01:4f9:c013:c508::2)",
      "adds machine k-hel-fi (203.0.113.10, 2001:db8::10; roles hashiworker)",
    ]);
  });

  test("once an output is an inventory, which names machines itself, records are only records", () => {
    const inventory = {
      "ansible/inventory.json": ["ansible-inventory", { _meta: { hostvars: {} } }],
    } as const;
    assert.deepEqual(
      sentences(output({ digitalocean: base }, inventory), output({ digitalocean: head }, inventory), review),
      [
        "! removes 2 DNS records",
        "adds DNS record `k-hel-fi.m.voidlinux.org` A → `203.0.113.10`",
        "adds DNS record `k-hel-fi.m.voidlinux.org` AAAA → `2001:db8::10`",
      ],
    );
  });
});
