import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { readSynthOutput } from "../../../review/diff";
import { Scratch } from "../../support/scratch";

describe("the review diff reads what synth wrote, and refuses what it did not", () => {
  test("an artifact that does not have its kind's shape is refused, naming the file", () => {
    const scratch = new Scratch();
    const dir = scratch.synth();
    writeFileSync(join(dir, "artifacts", "v0", "mirrors.json"), '{"not": "a list"}');
    assert.throws(
      () => readSynthOutput(dir),
      /is not a synthesized output: artifacts\/v0\/mirrors\.json has the mirror list that is not a list \(its kind is xmirror-mirrors\)/,
    );
    const manifest = join(dir, "artifacts", "manifest.json");
    writeFileSync(manifest, JSON.stringify({ artifacts: { "../escape": { kind: "text" } } }));
    assert.throws(
      () => readSynthOutput(dir),
      /lists "\.\.\/escape", which is not a relative path of plain names/,
    );
  });
});
