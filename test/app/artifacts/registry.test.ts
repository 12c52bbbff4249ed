import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { ARTIFACTS } from "../../../app/artifacts/registry";
import { access } from "../../../cli/access";
import { mirrors } from "../../../cli/mirrors";
import { ARTIFACT_DESCRIBERS } from "../../../review/change";
import { ARTIFACT_KINDS, ARTIFACT_PATH, readSynthOutput } from "../../../review/diff";
import { entriesOf } from "../../../review/diff/artifacts";
import { run } from "../../support/project";
import { Scratch } from "../../support/scratch";

describe("the artifact registry: one list of what the app generates", () => {
  test("paths are plain, distinct and not the manifest's; kinds are known; a derived file names a registered one", () => {
    const paths = ARTIFACTS.map((a) => a.path);
    assert.equal(new Set(paths).size, paths.length);
    for (const artifact of ARTIFACTS) {
      assert.match(artifact.path, ARTIFACT_PATH, artifact.path);
      assert.ok(ARTIFACT_KINDS.includes(artifact.kind), `${artifact.path}: ${artifact.kind}`);
      if (artifact.derivedFrom !== undefined) assert.ok(paths.includes(artifact.derivedFrom), artifact.path);
    }
  });

  test("synth writes every artifact under artifacts/, each entry of each one has a describer", () => {
    const scratch = new Scratch();
    const output = readSynthOutput(scratch.synth());
    assert.deepEqual(
      [...(output.artifacts?.keys() ?? [])],
      ARTIFACTS.map((a) => a.path),
    );
    for (const [path, file] of output.artifacts ?? [])
      for (const [address, entry] of entriesOf(file))
        assert.ok(ARTIFACT_DESCRIBERS[entry.type], `${path}: ${address} has no describer`);
  });

  test("synth writes the same bytes, every time, as npm run access and npm run mirrors", async () => {
    const scratch = new Scratch();
    const first = readSynthOutput(scratch.synth());
    const again = readSynthOutput(scratch.synth());
    assert.deepEqual(again.artifacts, first.artifacts);
    const written = new Map<string, string>();
    for (const [name, command] of [
      ["access", access],
      ["mirrors", mirrors],
    ] as const) {
      const result = await run(command, scratch.dir, ["--out", name]);
      assert.equal(result.status, 0, result.stderr);
      for (const { path } of ARTIFACTS.filter((a) => a.command === name))
        written.set(path, readFileSync(join(scratch.dir, name, path), "utf8"));
    }
    for (const { path } of ARTIFACTS.filter((a) => a.command !== "synth"))
      assert.equal(first.artifacts?.get(path)?.text, written.get(path), path);
  });
});
