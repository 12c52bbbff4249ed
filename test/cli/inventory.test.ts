import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { inventory } from "../../cli/inventory";
import { run, scratchProject } from "../support/project";

describe("npm run inventory", () => {
  test("--list (the default) includes a machine as soon as its file is added", async () => {
    const dir = scratchProject();
    writeFileSync(
      join(dir, "estate", "machines", "k-hel-fi.yaml"),
      "ipv4: 203.0.113.10\nmesh: 192.168.99.127\nroles: [hashiworker, prod]\n",
    );
    const listed = await run(inventory, dir);
    assert.equal(listed.status, 0, listed.stderr);
    assert.deepEqual(await run(inventory, dir, ["--list"]), listed);
    const json = JSON.parse(listed.stdout);
    assert.ok(json.hashiworker.hosts.includes("k-hel-fi.m.voidlinux.org"));
    assert.equal(json.all.vars.void_mesh["k-hel-fi.m.voidlinux.org"], "192.168.99.127");
  });

  test("--host answers by host name or machine name; an unknown one is refused with a did-you-mean", async () => {
    const dir = scratchProject();
    assert.deepEqual(await run(inventory, dir, ["--host", "a-hel-fi.m.voidlinux.org"]), {
      status: 0,
      stdout: "{}\n",
      stderr: "",
    });
    assert.equal((await run(inventory, dir, ["--host", "a-hel-fi"])).stdout, "{}\n");
    const unknown = await run(inventory, dir, ["--host", "a-hel-fx"]);
    assert.equal(unknown.status, 1);
    assert.equal(unknown.stdout, "");
    assert.match(unknown.stderr, /^error: unknown host "a-hel-fx" \(did you mean "a-hel-fi"\?\)/);
    const both = await run(inventory, dir, ["--list", "--host", "a-hel-fi"]);
    assert.deepEqual([both.status, both.stderr], [1, "error: give --list or --host <name>, not both\n"]);
  });

  test("bad data: every problem at its line, exit 1, nothing on standard output", async () => {
    const dir = scratchProject();
    writeFileSync(
      join(dir, "estate", "machines", "k-hel-fi.yaml"),
      "ipv4: 203.0.113.10\nroles: [hashiwork]\n",
    );
    const hosts = join(dir, "estate", "hosts.yaml");
    writeFileSync(
      hosts,
      readFileSync(hosts, "utf8").replace("consul_servers: hashimaster", "consul_servers: hashimasters"),
    );
    const result = await run(inventory, dir);
    assert.equal(result.status, 1);
    assert.equal(result.stdout, "");
    assert.match(
      result.stderr,
      /^estate\/hosts\.yaml:\d+:\d+: ansible\.mesh_lists\.consul_servers: unknown group "hashimasters"/m,
    );
    assert.match(
      result.stderr,
      /^estate\/machines\/k-hel-fi\.yaml:2:9: roles\[0\]: unknown role "hashiwork"/m,
    );
    assert.match(result.stderr, /2 problems found; nothing was written\.\n$/);
  });
});
