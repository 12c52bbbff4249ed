import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { mirrors } from "../../cli/mirrors";
import { REPO_ROOT, run, scratchProject, tempDir } from "../support/project";

const FIXTURES = join(REPO_ROOT, "test", "fixtures", "mirrors");
const scratch = () => tempDir("void-mirrors-");
const mirrorsIn = (dir: string, args: string[]) => run(mirrors, dir, args);

describe("npm run mirrors", () => {
  test("writes the three files, identical to xmirror's, replacing a previous run and keeping what it did not write", async () => {
    const dir = scratchProject();
    mkdirSync(join(dir, "site", "v0"), { recursive: true });
    writeFileSync(join(dir, "site", "v0", "mirrors.json"), "old");
    writeFileSync(join(dir, "site", "v0", "notes.txt"), "someone's");
    const result = await mirrorsIn(dir, ["--out", "site"]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /40 mirrors, 30 enabled/);
    for (const path of ["v0/mirrors.json", "raw/mirrors.lst", "metrics/prometheus.json"]) {
      assert.equal(
        readFileSync(join(dir, "site", path), "utf8"),
        readFileSync(join(FIXTURES, "xmirror-output", path), "utf8"),
        path,
      );
    }
    assert.equal(
      readFileSync(join(dir, "site", "v0", "notes.txt"), "utf8"),
      "someone's",
      "a file it did not write stays",
    );
    assert.deepEqual(
      readdirSync(dir).sort(),
      ["estate", "maintainers", "organization.yaml", "site"],
      "no staging directory is left",
    );
  });

  test("invalid data exits 1 with diagnostics and writes nothing", async () => {
    const dir = scratch();
    const result = await mirrorsIn(dir, ["--file", join(FIXTURES, "bad-entries.yaml"), "--out", "site"]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /bad-entries\.yaml:3:11: \[0\]\.region: "Europe" is not a region/);
    assert.match(result.stderr, /11 problems found; nothing was written\./);
    assert.doesNotMatch(result.stderr, /\n\s+at /, "no stack trace");
    assert.deepEqual(readdirSync(dir), []);
  });

  test("refuses to replace a directory it did not generate, and requires --out", async () => {
    const dir = scratch();
    writeFileSync(join(dir, "README.md"), "mine");
    const result = await mirrorsIn(scratchProject(), ["--out", dir]);
    assert.equal(result.status, 1);
    assert.match(
      result.stderr,
      /^error: refusing to replace .*: it holds README\.md, which this command does not write/m,
    );
    assert.equal(readFileSync(join(dir, "README.md"), "utf8"), "mine");

    const missing = await mirrorsIn(scratchProject(), []);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /^error: --out <dir> is required/m);
  });
});
