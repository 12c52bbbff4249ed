/**
 * The inventory as the real Ansible reads it: `ansible-inventory` (Debian's ansible-core, which
 * `.ci/run` installs when it is missing) runs `ansible/inventory.cjs` as a dynamic inventory.
 * In CI (`CI` set) a missing `ansible-inventory` fails these tests; on a developer's machine
 * without Ansible they are skipped, saying why, and CI still runs them.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { inventoryHostName } from "../../app/artifacts/inventory";
import { loadEstate } from "../../inputs/estate";
import { REPO_ROOT, scratchProject, tempDir } from "../support/project";

const VOID_INVENTORY = join(REPO_ROOT, "test", "fixtures", "ansible", "void", "inventory");
const SCRIPT = join("ansible", "inventory.cjs");

const installed = spawnSync("ansible-inventory", ["--version"], { encoding: "utf8" }).status === 0;
const MISSING =
  "ansible-inventory is not installed (Debian: apt-get install ansible-core; .ci/run installs it)";
// CI must run them: there a missing Ansible is a failure, never a skip.
const skip = !installed && !process.env.CI && `${MISSING}; CI runs these tests`;

interface Listed {
  readonly _meta: { readonly hostvars: Readonly<Record<string, Readonly<Record<string, unknown>>>> };
  readonly [group: string]:
    | { readonly hosts?: readonly string[]; readonly children?: readonly string[] }
    | Listed["_meta"];
}

/**
 * `ansible-inventory -i <source> --list`, with Ansible's home, state and working directory in a
 * temporary directory and none of the caller's Ansible settings: no `ansible.cfg` is found.
 */
function ansibleInventory(source: string, env: NodeJS.ProcessEnv = {}) {
  assert.ok(installed, MISSING);
  const home = tempDir("void-infra-ansible-");
  const result = spawnSync("ansible-inventory", ["-i", source, "--list"], {
    cwd: home,
    encoding: "utf8",
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("ANSIBLE_"))),
      HOME: home,
      ANSIBLE_HOME: home,
      ANSIBLE_LOCAL_TEMP: join(home, "tmp"),
      ...env,
    },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function listed(source: string): Listed {
  const { status, stdout, stderr } = ansibleInventory(source);
  assert.equal(status, 0, stderr);
  assert.doesNotMatch(stderr, /WARNING/, "Ansible reads the inventory without a warning");
  return JSON.parse(stdout) as Listed;
}

/** Every group with its own hosts and its child groups, sorted: what a play can target. */
function groups(inventory: Listed): Record<string, { hosts: string[]; children: string[] }> {
  return Object.fromEntries(
    Object.entries(inventory)
      .filter(([name]) => name !== "_meta")
      .map(([name, group]) => {
        const { hosts = [], children = [] } = group as { hosts?: string[]; children?: string[] };
        return [name, { hosts: [...hosts].sort(), children: [...children].sort() }];
      })
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

/**
 * A copy of `project` (a scratch copy of data) that runs this checkout's `ansible/inventory.cjs`
 * over its own data: the script, byte for byte, next to a link to this checkout's launcher.
 */
function withInventoryScript(project: string): string {
  mkdirSync(join(project, "ansible"));
  copyFileSync(join(REPO_ROOT, SCRIPT), join(project, SCRIPT));
  mkdirSync(join(project, "cli"));
  symlinkSync(join(REPO_ROOT, "cli", "launch.cjs"), join(project, "cli", "launch.cjs"));
  symlinkSync(join(REPO_ROOT, "node_modules"), join(project, "node_modules"));
  return join(project, SCRIPT);
}

describe("Ansible reads the inventory made from the machines' files", { skip }, () => {
  test("for Void's data: the same hosts and groups as Void's hand-written inventory, and its group_vars' values", () => {
    const generated = listed(withInventoryScript(scratchProject()));
    const handWritten = listed(VOID_INVENTORY);
    assert.deepEqual(groups(generated), groups(handWritten));
    assert.deepEqual(
      Object.keys(generated._meta.hostvars).sort(),
      Object.keys(handWritten._meta.hostvars).sort(),
    );
    const variables = Object.keys(Object.values(generated._meta.hostvars)[0] ?? {});
    assert.deepEqual(variables.sort(), ["consul_servers", "void_mesh"]);
    for (const [host, vars] of Object.entries(generated._meta.hostvars))
      for (const variable of variables)
        assert.deepEqual(
          vars[variable],
          handWritten._meta.hostvars[host]?.[variable],
          `${host}: ${variable}`,
        );
  });

  test("a new machine's file is a new host, in the groups of its roles and on the mesh", () => {
    const project = scratchProject();
    writeFileSync(
      join(project, "estate", "machines", "k-hel-fi.yaml"),
      "ipv4: 203.0.113.10\nmesh: 192.168.99.127\nnomad_datacenter: VOID\nroles: [netlogon, hashiworker, prod]\n",
    );
    const inventory = listed(withInventoryScript(project));
    const host = "k-hel-fi.m.voidlinux.org";
    const holding = Object.entries(groups(inventory))
      .filter(([, group]) => group.hosts.includes(host))
      .map(([name]) => name);
    assert.deepEqual(holding, ["hashiworker", "netlogon", "prod"]);
    assert.ok(groups(inventory).hashi?.children.includes("hashiworker"));
    const mesh = inventory._meta.hostvars[host]?.void_mesh as Record<string, string>;
    assert.equal(mesh[host], "192.168.99.127");
  });

  test("this checkout's inventory: every machine file is a host, in exactly the groups of its roles", () => {
    const estate = loadEstate(REPO_ROOT);
    const all = groups(listed(join(REPO_ROOT, SCRIPT)));
    for (const [name, machine] of Object.entries(estate.hosts.machines)) {
      const host = inventoryHostName(estate, name);
      const holding = Object.entries(all)
        .filter(([, group]) => group.hosts.includes(host))
        .map(([group]) => group);
      assert.deepEqual(holding, [...machine.roles].sort(), host);
    }
  });

  test("bad data fails the inventory source with the problem at its line, and no host", () => {
    const project = scratchProject();
    writeFileSync(
      join(project, "estate", "machines", "k-hel-fi.yaml"),
      "ipv4: 203.0.113.10\nroles: [hashiwork]\n",
    );
    const { status, stdout, stderr } = ansibleInventory(withInventoryScript(project), {
      ANSIBLE_INVENTORY_UNPARSED_FAILED: "true",
    });
    assert.notEqual(status, 0);
    assert.equal(stdout, "");
    // Ansible wraps its messages at 80 columns.
    assert.match(
      stderr.replace(/\s+/g, " "),
      /execution error: estate\/machines\/k-hel-fi\.yaml:2:9: roles\[0\]: unknown role "hashiwork" \(did you mean "hashiworker"\?\)/,
    );
  });
});
