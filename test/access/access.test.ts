import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { access } from "../../cli/access";
import { ESTATE_FILES } from "../../inputs/files";
import { run, scratchProject } from "../support/project";

const KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILYGqmD4pk4L/3VJU/l36ySYjOLed51EfzH6Fb99ZJ0A ops@laptop";

interface AccessFile {
  entities: {
    id: string;
    email?: string;
    keys: { value: string; fingerprint: string }[];
    groups: string[];
  }[];
  groups: { name: string; members: string[] }[];
}

async function accessOf(dir: string): Promise<AccessFile> {
  const result = await run(access, dir, ["--out", "out"]);
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(readFileSync(join(dir, "out", "netauth", "access.json"), "utf8")) as AccessFile;
}

describe("npm run access: NetAuth's import from the maintainer files", () => {
  test("keys and email reach the identity system; teams decide host login and devspace", async () => {
    const dir = scratchProject();
    writeFileSync(
      join(dir, "maintainers", "opsperson.yaml"),
      `name: Ops Person\ngithub: opsperson\nemail: ops@example.org\nteams:\n  void-ops: member\nssh_keys:\n  - ${KEY}\n`,
    );
    const file = await accessOf(dir);
    const ops = file.entities.find((e) => e.id === "opsperson");
    assert.ok(ops);
    assert.equal(ops.email, "ops@example.org");
    assert.deepEqual(
      ops.keys.map((k) => [k.value, k.fingerprint]),
      // What ssh-keygen -lf prints for the key.
      [[KEY, "SHA256:5Bcduk1S3n7gj2C/pjmFE2R2KpBsVOc7KtzW071wcfk"]],
    );
    assert.deepEqual(ops.groups, ["host-login", "devspace"]);
    const members = (name: string) => file.groups.find((g) => g.name === name)?.members ?? [];
    assert.ok(members("host-login").includes("opsperson"));
    assert.ok(members("devspace").length > members("host-login").length, "devspace admits more people");
  });

  test("leaving the operators' team takes host login away and keeps the entity", async () => {
    const dir = scratchProject();
    const path = join(dir, "maintainers", "opsperson.yaml");
    writeFileSync(path, `name: Ops Person\ngithub: opsperson\nteams:\n  void-ops: member\n`);
    assert.deepEqual((await accessOf(dir)).entities.find((e) => e.id === "opsperson")?.groups, [
      "host-login",
      "devspace",
    ]);
    writeFileSync(path, `name: Ops Person\ngithub: opsperson\nteams:\n  pkg-committers: member\n`);
    const after = await accessOf(dir);
    assert.deepEqual(after.entities.find((e) => e.id === "opsperson")?.groups, ["devspace"]);
    assert.ok(!after.groups.find((g) => g.name === "host-login")?.members.includes("opsperson"));
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
