import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { STACKS } from "../../stacks";
import { synthApp } from "../support/app";
import { scratchProject } from "../support/project";

type Moved = { from: string; to: string };

/** Appends `text` after the first `anchor` (which must be there) in a file of the project. */
function insertAfter(dir: string, path: string, anchor: string, text: string): void {
  const before = readFileSync(join(dir, path), "utf8");
  assert.ok(before.includes(anchor), `${path} holds ${JSON.stringify(anchor)}`);
  writeFileSync(join(dir, path), before.replace(anchor, `${anchor}${text}`));
}

test("migration/ never makes a new object fail: new ones are created, every old address still moves", () => {
  const dir = scratchProject();
  // A Nomad policy, a Vault role granting it, a Vault policy reading that role's tokens and an LDAP
  // group logging in with it: the chain docs/hashistack.md describes, none of it known to migration/.
  insertAfter(
    dir,
    "estate/nomad.yaml",
    "policies:\n",
    "  - name: docs-admin\n    description: Manage the docs jobs\n    namespaces:\n      - namespace: apps\n        policy: write\n",
  );
  insertAfter(
    dir,
    "estate/vault.yaml",
    "nomad_roles:\n",
    "  - name: docs-admin\n    policies:\n      - docs-admin\n",
  );
  insertAfter(
    dir,
    "estate/vault.yaml",
    "\npolicies:\n",
    "  - name: void-nomad-docs-admin\n    nomad_credentials: docs-admin\n    description: Allow obtaining docs-admin credentials\n",
  );
  insertAfter(
    dir,
    "estate/vault.yaml",
    "ldap_groups:\n",
    "  - group: docs-admins\n    policies:\n      - void-nomad-docs-admin\n",
  );
  writeFileSync(
    join(dir, "estate/machines/k-hel-fi.yaml"),
    "ipv4: 203.0.113.10\nipv6: 2001:db8::10\nmesh: 192.168.99.200\nnomad_datacenter: VOID\nroles:\n  - hashiworker\n  - prod\n",
  );
  writeFileSync(
    join(dir, "estate/repositories/void-release-tools.yaml"),
    "description: Tools to cut Void releases\naccess:\n  pkg-committers: push\n",
  );
  insertAfter(dir, "estate/dns.yaml", "aliases:\n", "  - name: status\n    target: stats.uptimerobot.com.\n");

  const before = synthApp();
  const after = synthApp({ root: dir });
  const resources = (stack: string) => after.stack(stack).resource ?? {};
  assert.ok(resources("hashistack").nomad_acl_policy?.["policy_docs-admin"]);
  assert.ok(
    Object.values(resources("hashistack").vault_policy ?? {}).some((p) => p.name === "void-nomad-docs-admin"),
  );
  assert.ok(resources("digitalocean").digitalocean_record?.["zone_k-hel-fi_m_a"]);
  assert.ok(resources("digitalocean").digitalocean_record?.zone_status_cname);
  assert.ok(resources("github").github_repository?.["repo_void-release-tools"]);

  // The new objects have no old address; every old address moves exactly as before.
  for (const { id: stack } of STACKS.stacks)
    assert.deepEqual(after.stack(stack).moved as Moved[], before.stack(stack).moved as Moved[], stack);
});
