import assert from "node:assert/strict";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { writeArtifacts } from "../../lib/mirrors/artifacts";
import { REPO_ROOT, runEntry } from "../support/project";

const FIXTURES = join(REPO_ROOT, "test", "fixtures", "mirrors");
const scratch = () => mkdtempSync(join(tmpdir(), "void-mirrors-"));

/** A working directory for the CLI: empty but for node_modules, which tsx is loaded from. */
function workDir(): string {
  const dir = scratch();
  symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"));
  return dir;
}

const entriesOf = (dir: string) => readdirSync(dir).filter((name) => name !== "node_modules");

describe("npm run mirrors", () => {
  test("writes the three files, identical to xmirror's, replacing a previous run", () => {
    const dir = workDir();
    mkdirSync(join(dir, "site", "v0"), { recursive: true });
    writeFileSync(join(dir, "site", "v0", "stale.json"), "old");
    const run = runEntry("cli/mirrors.ts", dir, ["--out", "site"]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /40 mirrors, 30 enabled/);
    for (const path of ["v0/mirrors.json", "raw/mirrors.lst", "metrics/prometheus.json"]) {
      assert.equal(
        readFileSync(join(dir, "site", path), "utf8"),
        readFileSync(join(FIXTURES, "xmirror-output", path), "utf8"),
        path,
      );
    }
    assert.ok(!existsSync(join(dir, "site", "v0", "stale.json")), "the directory is replaced as a whole");
    assert.deepEqual(entriesOf(dir), ["site"], "no staging directory is left behind");
  });

  test("invalid data exits 1 with diagnostics and writes nothing", () => {
    const dir = workDir();
    const run = runEntry("cli/mirrors.ts", dir, [
      "--file",
      join(FIXTURES, "bad-entries.yaml"),
      "--out",
      "site",
    ]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /bad-entries\.yaml:3:11: \[0\]\.region: "Europe" is not a region/);
    assert.match(run.stderr, /11 problems found; nothing was written\./);
    assert.doesNotMatch(run.stderr, /\n\s+at /, "no stack trace");
    assert.deepEqual(entriesOf(dir), []);
  });

  test("refuses to replace a directory it did not generate, and requires --out", () => {
    const dir = scratch();
    writeFileSync(join(dir, "README.md"), "mine");
    const run = runEntry("cli/mirrors.ts", REPO_ROOT, ["--out", dir]);
    assert.equal(run.status, 1);
    assert.match(
      run.stderr,
      /^error: refusing to replace .*: it holds README\.md, which this command does not write/m,
    );
    assert.equal(readFileSync(join(dir, "README.md"), "utf8"), "mine");

    const missing = runEntry("cli/mirrors.ts", REPO_ROOT);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /^error: --out <dir> is required/m);
  });
});

describe("writeArtifacts", () => {
  test("leaves the previous output untouched when a write fails", () => {
    const dir = scratch();
    const out = join(dir, "out");
    writeArtifacts(out, [{ path: "a/one.txt", content: "1" }]);
    // "a" cannot be both a file and a directory: the second write fails half-way.
    const broken = [
      { path: "a/one.txt", content: "2" },
      { path: "a", content: "x" },
    ];
    assert.throws(() => writeArtifacts(out, broken), /EISDIR|EEXIST|ENOTDIR/);
    assert.equal(readFileSync(join(out, "a", "one.txt"), "utf8"), "1");
    assert.deepEqual(readdirSync(dir), ["out"]);
  });

  test("rejects artifact paths that escape the output directory", () => {
    const out = join(scratch(), "out");
    assert.throws(
      () => writeArtifacts(out, [{ path: "../x", content: "" }]),
      /must be a clean relative path/,
    );
    assert.throws(
      () => writeArtifacts(out, [{ path: "/etc/x", content: "" }]),
      /must be a clean relative path/,
    );
    assert.ok(!existsSync(out));
  });
});
