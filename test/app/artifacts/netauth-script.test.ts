import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import type { NetauthAccess, NetauthEntity } from "../../../app/artifacts/access";
import { netauthScript } from "../../../app/artifacts/netauth-script";
import { tempDir } from "../../support/project";

const ED = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILYGqmD4pk4L/3VJU/l36ySYjOLed51EfzH6Fb99ZJ0A";
const OLD = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBy/O8A0X98PBNhzT1mrUyjPYPY4XpQwIBvI8+iNMJs8";

interface NetauthState {
  groups: Record<string, { members: string[]; rules?: string[] }>;
  entities: Record<string, { displayName?: string; keys: string[]; meta?: string[] }>;
  writes: string[][];
}

const person = (id: string, extra: Partial<NetauthEntity> = {}): NetauthEntity => ({
  id,
  login: id,
  displayName: id.toUpperCase(),
  keysManaged: false,
  keys: [],
  groups: [],
  source: `maintainers/${id}.yaml`,
  ...extra,
});

/** wheel: ops (alice, bob); devspace-users: everyone (alice, bob, carol). */
function model(overrides: Partial<NetauthAccess> = {}): NetauthAccess {
  return {
    primaryGroup: "netusers",
    entities: [
      person("alice", {
        displayName: "Alice O'Hara $(touch /tmp/pwned) `id`",
        email: "alice@example.org",
        keysManaged: true,
        keys: [{ type: "SSH", value: `${ED} alice@laptop`, fingerprint: "" }],
      }),
      person("bob", { keysManaged: true }),
      person("carol"),
    ],
    groups: [
      {
        name: "wheel",
        description: "",
        teams: [],
        hostLogin: ["netlogon"],
        services: [],
        members: ["alice", "bob"],
      },
      {
        name: "devspace-users",
        description: "",
        teams: [],
        hostLogin: [],
        services: ["devspace-sftp"],
        members: ["alice", "bob", "carol"],
      },
    ],
    ...overrides,
  };
}

/** NetAuth before: bob is in no group, dave (offboarded) still in wheel; alice holds an old key. */
function netauth(): NetauthState {
  return {
    groups: {
      wheel: { members: ["alice", "dave"] },
      "devspace-users": { members: ["alice", "carol", "dave"] },
    },
    entities: {
      alice: { displayName: "Alice", keys: [`SSH:${OLD} old@laptop`] },
      bob: { keys: [`SSH:${ED} bob-laptop`] },
      carol: { displayName: "CAROL", keys: [`SSH:${OLD} carol`] },
      dave: { displayName: "DAVE", keys: [] },
    },
    writes: [],
  };
}

/** Runs the script for `access` against `state` through the fake CLI; returns the run and the state after. */
function reconcile(access: NetauthAccess, state: NetauthState, args: string[] = []) {
  const dir = tempDir("reconcile-");
  const bin = join(dir, "bin");
  const stateFile = join(dir, "state.json");
  writeFileSync(stateFile, JSON.stringify(state));
  mkdirSync(bin);
  writeFileSync(
    join(bin, "netauth"),
    `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(join(__dirname, "..", "..", "support", "fake-netauth.cjs"))} "$@"\n`,
  );
  chmodSync(join(bin, "netauth"), 0o755);
  const script = join(dir, "reconcile.sh");
  writeFileSync(script, netauthScript(access));
  const result = spawnSync("sh", [script, ...args], {
    encoding: "utf8",
    env: { PATH: `${bin}:/usr/bin:/bin`, FAKE_NETAUTH_STATE: stateFile },
  });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    after: JSON.parse(readFileSync(stateFile, "utf8")) as NetauthState,
  };
}

describe("netauth/reconcile.sh brings NetAuth to the files through NetAuth's CLI", () => {
  test("a dry run prints every change and changes nothing", () => {
    const before = netauth();
    const run = reconcile(model(), before);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(run.after, before);
    const lines = run.stdout.trim().split("\n");
    assert.deepEqual(
      lines,
      [
        "would run: netauth entity membership dave DROP wheel",
        "would run: netauth entity membership bob ADD wheel",
        "would run: netauth entity membership dave DROP devspace-users",
        "would run: netauth entity membership bob ADD devspace-users",
        `would run: netauth entity update alice --displayName 'Alice O'\\''Hara $(touch /tmp/pwned) \`id\`'`,
        "would run: netauth entity kv alice UPSERT email alice@example.org",
        `would run: netauth entity key --entityID alice DROP '${OLD}'`,
        `would run: netauth entity key --entityID alice ADD SSH '${ED} alice@laptop'`,
        `would run: netauth entity key --entityID bob DROP '${ED}'`,
        "would run: netauth entity update bob --displayName BOB",
        "reconcile.sh: 10 change(s) to make; nothing was changed (run with --apply)",
      ].sort((a, b) => lines.indexOf(a) - lines.indexOf(b)),
    );
  });

  test("--apply makes groups exact, keeps unlisted keys alone, sets names literally; a second run changes nothing", () => {
    const run = reconcile(model(), netauth(), ["--apply"]);
    assert.equal(run.status, 0, run.stderr);
    const { groups, entities } = run.after;
    assert.deepEqual(groups.wheel?.members.sort(), ["alice", "bob"]);
    assert.deepEqual(groups["devspace-users"]?.members.sort(), ["alice", "bob", "carol"]);
    // dave leaves every group; his entity stays, as Void's offboarding keeps it.
    assert.ok(entities.dave);
    assert.equal(entities.alice?.displayName, "Alice O'Hara $(touch /tmp/pwned) `id`");
    assert.deepEqual(entities.alice?.meta, ["email:alice@example.org"]);
    assert.deepEqual(entities.alice?.keys, [`SSH:${ED} alice@laptop`]);
    // bob's file has ssh_keys: but lists none: NetAuth holds none of his. carol's has none: hers stay.
    assert.deepEqual(entities.bob?.keys, []);
    assert.deepEqual(entities.carol?.keys, [`SSH:${OLD} carol`]);

    const again = reconcile(model(), run.after);
    assert.equal(again.status, 0, again.stderr);
    assert.equal(again.stdout, "reconcile.sh: NetAuth already matches the files\n");
  });

  test("a key already held under another comment is neither dropped nor added", () => {
    const state = netauth();
    (state.entities.alice as { keys: string[] }).keys = [`SSH:${ED} old-comment`];
    const run = reconcile(model(), state);
    assert.doesNotMatch(run.stdout, /entity key --entityID alice/);
  });

  test("a missing or expanded group stops the run before any change", () => {
    const missing = netauth();
    delete missing.groups.wheel;
    const run = reconcile(model(), missing, ["--apply"]);
    assert.equal(run.status, 2);
    assert.match(
      run.stderr,
      /^reconcile\.sh: group wheel is not in NetAuth: create it \(netauth group create wheel\)/m,
    );
    assert.deepEqual(run.after.writes, []);

    const expanded = netauth();
    (expanded.groups.wheel as { rules?: string[] }).rules = ["INCLUDE:dante"];
    const second = reconcile(model(), expanded, ["--apply"]);
    assert.equal(second.status, 2);
    assert.match(second.stderr, /group wheel has expansion rules/);
    assert.deepEqual(second.after.writes, []);
  });

  test("removing more than one member and more than a quarter of a group needs --confirm-removals", () => {
    const state = netauth();
    // NetAuth's own ids for three operators, which the files do not name yet.
    for (const id of ["maldridge", "tox", "duncan"]) state.entities[id] = { keys: [] };
    state.groups.wheel = { members: ["maldridge", "tox", "duncan", "alice"] };
    const run = reconcile(model(), state, ["--apply"]);
    assert.equal(run.status, 4);
    assert.match(
      run.stderr,
      /would remove 3 of the 4 members of wheel, more than a quarter: check the netauth: ids/,
    );
    assert.deepEqual(run.after.writes, []);
    const confirmed = reconcile(model(), state, ["--apply", "--confirm-removals"]);
    assert.equal(confirmed.status, 0, confirmed.stderr);
    assert.deepEqual(confirmed.after.groups.wheel?.members.sort(), ["alice", "bob"]);
  });

  test("an entity NetAuth does not have is reported with how to create it; the rest is done", () => {
    const state = netauth();
    delete state.entities.bob;
    const run = reconcile(model(), state, ["--apply"]);
    assert.equal(run.status, 3);
    assert.match(run.stderr, /not in NetAuth yet, so in none of their groups: bob/);
    assert.match(
      run.stderr,
      /netauth entity create bob --number <uid> && netauth entity update bob --primary-group netusers --shell \/bin\/bash/,
    );
    assert.deepEqual(run.after.groups.wheel?.members, ["alice"]);
  });

  test("a failing command stops the run and says so", () => {
    const state = netauth();
    state.groups.wheel = { members: ["alice", "ghost-entity"] };
    const run = reconcile(model(), state, ["--apply"]);
    assert.equal(run.status, 1);
    assert.match(
      run.stderr,
      /entity ghost-entity does not exist\nreconcile\.sh: stopped after 0 change\(s\)/,
    );
  });

  test("a value with a control character is refused, never written into the script", () => {
    assert.throws(
      () => netauthScript(model({ primaryGroup: "net\nusers" })),
      /refusing a control character in "net\\nusers"/,
    );
  });
});
