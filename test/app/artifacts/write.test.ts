import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { writeArtifacts } from "../../../app/artifacts/write";
import { tempDir } from "../../support/project";

const scratch = () => tempDir("void-mirrors-");

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
