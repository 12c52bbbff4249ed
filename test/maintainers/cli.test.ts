import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { runEntry, scratchProject } from "../support/project";

const BAD_FILE = "name: Alice\ngithub: alice\nteams:\n  pkg-comitters: member\n";

describe("validate and synth on bad data", () => {
  test("validate exits 1 with the precise message and no stack trace", () => {
    const dir = scratchProject();
    writeFileSync(join(dir, "maintainers", "alice.yaml"), BAD_FILE);
    const run = runEntry("cli/validate.ts", dir);
    assert.equal(run.status, 1);
    assert.match(
      run.stderr,
      /^maintainers\/alice\.yaml:4:3: teams\.pkg-comitters: unknown team "pkg-comitters" \(did you mean "pkg-committers"\?\)/m,
    );
    assert.doesNotMatch(run.stderr, /\n\s+at /, "no stack trace");
  });

  test("synth writes nothing when the data is invalid", () => {
    const dir = scratchProject();
    writeFileSync(join(dir, "maintainers", "alice.yaml"), BAD_FILE);
    mkdirSync(join(dir, "cdktf.out"));
    writeFileSync(join(dir, "cdktf.out", "previous"), "kept");
    const run = runEntry("main.ts", dir);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /nothing was written/);
    assert.deepEqual(readdirSync(dir).sort(), ["cdktf.out", "estate", "maintainers", "node_modules"]);
    assert.equal(readFileSync(join(dir, "cdktf.out", "previous"), "utf8"), "kept");
  });

  test("validate passes on the default data", () => {
    const run = runEntry("cli/validate.ts", scratchProject());
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^ok: 22 maintainers, 3 org owners, 40 mirrors$/m);
  });

  test("synth replaces cdktf.out only on success", () => {
    const dir = scratchProject();
    mkdirSync(join(dir, "cdktf.out"));
    writeFileSync(join(dir, "cdktf.out", "stale"), "old");
    const run = runEntry("main.ts", dir, [], { INFRA_BACKEND: "local" });
    assert.equal(run.status, 0, run.stderr);
    assert.ok(!existsSync(join(dir, "cdktf.out", "stale")));
    assert.ok(existsSync(join(dir, "cdktf.out", "stacks", "github", "cdk.tf.json")));
  });
});
