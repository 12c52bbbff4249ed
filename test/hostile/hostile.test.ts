import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, test } from "node:test";
import { REPO_ROOT } from "../support/project";
import { corpusCases, readCase } from "./corpus";

/** What any single hostile input may cost: refused in under 2 s and 300 MB. */
const MAX_MS = 2000;
const MAX_GROWTH_MIB = 300;

interface Outcome {
  readonly name: string;
  readonly status: number;
  readonly stderr: string;
  readonly ms: number;
  readonly growthMiB: number;
}

// One child for the whole corpus; its heap cap turns a runaway case into a failed test.
const child = spawnSync(
  process.execPath,
  ["--max-old-space-size=1024", "--import", "tsx", join(__dirname, "run-corpus.ts")],
  { cwd: REPO_ROOT, encoding: "utf8", timeout: 180_000, killSignal: "SIGKILL", maxBuffer: 64 * 1024 * 1024 },
);
const outcomes = new Map(
  child.stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Outcome)
    .map((o) => [o.name, o]),
);

describe("the hostile corpus: every bad input is refused cheaply, with its exact message", () => {
  test("the corpus ran to its end", () => {
    assert.equal(child.status, 0, `${child.error ?? ""}${child.stderr}`);
    assert.ok(corpusCases().length >= 100, `${corpusCases().length} cases (expected at least 100)`);
  });

  for (const name of corpusCases()) {
    const spec = readCase(name);
    test(`${name}: ${spec.about}`, () => {
      const outcome = outcomes.get(name);
      assert.ok(outcome, "the case ran");
      assert.equal(outcome.stderr, spec.stderr);
      assert.equal(outcome.status, spec.status ?? 1);
      assert.doesNotMatch(outcome.stderr, /\n\s+at /, "no stack trace");
      assert.ok(outcome.ms < MAX_MS, `took ${Math.round(outcome.ms)} ms (expected under ${MAX_MS})`);
      assert.ok(outcome.growthMiB < MAX_GROWTH_MIB, `grew ${Math.round(outcome.growthMiB)} MiB`);
    });
  }
});
