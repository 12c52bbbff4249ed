import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { type CaseOutcome, type CorpusRun, runCorpusInChild } from "./child";
import { corpusCases, readCase } from "./corpus";

// What each case may cost (2 s, 300 MiB) is npm run bench's to report: a test holds no clock.
describe("the hostile corpus: every bad input is refused with its exact message, and nothing lost", () => {
  // One child for the whole corpus, started when the tests run rather than when the file loads.
  let child: CorpusRun;
  let outcomes: Map<string, CaseOutcome>;
  before(async () => {
    child = await runCorpusInChild();
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
      assert.deepEqual(outcome.differences, [], "the project afterwards");
    });
  }
});
