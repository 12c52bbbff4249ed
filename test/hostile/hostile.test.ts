import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { type CaseOutcome, type CorpusRun, runCorpusInChild } from "./child";
import { corpusCases, readCase } from "./corpus";

/** What any single hostile input may cost: refused in under 2 s and 300 MB. */
const MAX_MS = 2000;
const MAX_GROWTH_MIB = 300;

describe("the hostile corpus: every bad input is refused cheaply, with its exact message", () => {
  // One child for the whole corpus, started when the tests run rather than when the file loads.
  let child: CorpusRun;
  let outcomes: Map<string, CaseOutcome>;
  before(() => {
    child = runCorpusInChild();
    outcomes = new Map(child.outcomes.map((o) => [o.name, o]));
  });

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
