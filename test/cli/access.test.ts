import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { access } from "../../cli/access";
import { ESTATE_FILES } from "../../inputs/files";
import { run, scratchProject } from "../support/project";

const KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILYGqmD4pk4L/3VJU/l36ySYjOLed51EfzH6Fb99ZJ0A ops@laptop";

interface AccessFile {
  primaryGroup: string;
  entities: {
    id: string;
    login: string;
    email?: string;
    keysManaged: boolean;
    keys: { value: string; fingerprint: string }[];
    groups: string[];
  }[];
  groups: { name: string; hostLogin: string[]; services: string[]; members: string[] }[];
}

async function accessOf(dir: string): Promise<AccessFile> {
  const result = await run(access, dir, ["--out", "out"]);
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(readFileSync(join(dir, "out", "netauth", "access.json"), "utf8")) as AccessFile;
}

describe("npm run access: the NetAuth import from the maintainer files", () => {
  test("keys and email reach NetAuth under the file's netauth id; void-ops grants Void's host-login groups", async () => {
    const dir = scratchProject();
    writeFileSync(
      join(dir, "maintainers", "Ops-Person.yaml"),
      `name: Ops Person\ngithub: Ops-Person\nnetauth: ops\nemail: ops@example.org\nteams:\n  void-ops: member\nssh_keys:\n  - ${KEY}\n`,
    );
    const file = await accessOf(dir);
    const ops = file.entities.find((e) => e.login === "Ops-Person");
    assert.ok(ops);
    assert.equal(ops.id, "ops");
    assert.equal(ops.email, "ops@example.org");
    assert.equal(ops.keysManaged, true);
    assert.deepEqual(
      ops.keys.map((k) => [k.value, k.fingerprint]),
      // What ssh-keygen -lf prints for the key.
      [[KEY, "SHA256:5Bcduk1S3n7gj2C/pjmFE2R2KpBsVOc7KtzW071wcfk"]],
    );
    assert.deepEqual(ops.groups, ["wheel", "dante", "build-ops", "devspace-users"]);
    const group = (name: string) => file.groups.find((g) => g.name === name);
    for (const name of ["wheel", "dante", "build-ops"]) assert.ok(group(name)?.members.includes("ops"), name);
    assert.deepEqual(group("build-ops")?.hostLogin, ["buildworker"]);
    assert.deepEqual(group("devspace-users")?.hostLogin, [], "devspace grants no host login");
    assert.deepEqual(group("devspace-users")?.services, ["devspace-sftp"]);
    // Without netauth:, the id is the login in lower case.
    assert.ok(file.entities.some((e) => e.login === "Gottox" && e.id === "gottox"));
    assert.equal(file.primaryGroup, "netusers");
  });

  test("leaving the operators' team takes host login away and keeps the entity", async () => {
    const dir = scratchProject();
    const path = join(dir, "maintainers", "opsperson.yaml");
    writeFileSync(path, `name: Ops Person\ngithub: opsperson\nteams:\n  void-ops: member\n`);
    assert.deepEqual((await accessOf(dir)).entities.find((e) => e.id === "opsperson")?.groups, [
      "wheel",
      "dante",
      "build-ops",
      "devspace-users",
    ]);
    writeFileSync(path, `name: Ops Person\ngithub: opsperson\nteams:\n  pkg-committers: member\n`);
    const after = await accessOf(dir);
    assert.deepEqual(after.entities.find((e) => e.id === "opsperson")?.groups, ["devspace-users"]);
    for (const group of after.groups.filter((g) => g.hostLogin.length > 0))
      assert.ok(!group.members.includes("opsperson"), group.name);
  });

  test("writes reconcile.sh beside the data: a shell script of netauth commands", async () => {
    const dir = scratchProject();
    const result = await run(access, dir, ["--out", "out"]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(
      result.stdout,
      /^wrote netauth\/access\.json and netauth\/reconcile\.sh to out: \d+ people, \d+ SSH keys, 4 groups$/m,
    );
    const script = readFileSync(join(dir, "out", "netauth", "reconcile.sh"), "utf8");
    assert.match(script, /^#!\/bin\/sh\n/);
    assert.equal(spawnSync("sh", ["-n", join(dir, "out", "netauth", "reconcile.sh")]).status, 0);
  });

  test("a group that names an unknown team is refused, and nothing is written", async () => {
    const dir = scratchProject();
    const file = join(dir, ESTATE_FILES.access);
    writeFileSync(file, readFileSync(file, "utf8").replace("- void-ops\n", "- void-opps\n"));
    const result = await run(access, dir, ["--out", "out"]);
    assert.equal(result.status, 1);
    assert.match(
      result.stderr,
      /^estate\/access\.yaml:\d+:\d+: groups\[0\]\.teams\[0\]: unknown team "void-opps" \(did you mean "void-ops"\?\)/m,
    );
    assert.throws(() => readFileSync(join(dir, "out", "netauth", "access.json")));
  });
});
