import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { output, sentences } from "../../../support/review-diff";

/** `ansible-inventory --list` of these hosts (name → address, roles). */
function inventory(hosts: Record<string, [string, string[]]>) {
  const groups: Record<string, { hosts: string[] }> = {};
  for (const [host, [, roles]] of Object.entries(hosts))
    for (const role of roles) groups[role] = { hosts: [...(groups[role]?.hosts ?? []), host] };
  return {
    _meta: {
      hostvars: Object.fromEntries(Object.entries(hosts).map(([h, [ip]]) => [h, { ansible_host: ip }])),
    },
    all: { children: ["ungrouped", ...Object.keys(groups)] },
    ...groups,
  };
}

describe("the Ansible inventory", () => {
  test("machines come and go with their address and roles; role changes are told", () => {
    const base = output(
      {},
      {
        "ansible/inventory.json": [
          "ansible-inventory",
          inventory({
            "a-hel-fi.m.voidlinux.org": ["95.216.76.97", ["buildworker", "netlogon"]],
            "j-hel-fi.m.voidlinux.org": ["95.216.203.66", ["hashiworker"]],
          }),
        ],
      },
    );
    const head = output(
      {},
      {
        "ansible/inventory.json": [
          "ansible-inventory",
          inventory({
            "a-hel-fi.m.voidlinux.org": ["95.216.76.97", ["netlogon", "prod"]],
            "k-hel-fi.m.voidlinux.org": ["203.0.113.10", ["hashiworker"]],
          }),
        ],
      },
    );
    assert.deepEqual(sentences(base, head), [
      "! retires machine j-hel-fi (95.216.203.66)",
      "! takes the role buildworker from machine a-hel-fi",
      "adds machine k-hel-fi (203.0.113.10; roles hashiworker)",
      "gives machine a-hel-fi the role prod",
    ]);
  });
});
