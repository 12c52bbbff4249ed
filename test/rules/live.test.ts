import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { DataError, formatDiagnostic } from "../../runtime/diagnostics";
import { REPO_ROOT } from "../support/project";
import { RULES } from "./rules";
import { buildWorld, type World } from "./world";

/**
 * The organization's data as it is today (maintainers/ and estate/), checked against every rule.
 * Nothing here counts or copies the data: a one-file onboarding, an offboarding or a new machine
 * passes as long as the rules hold.
 */
describe("the live data", () => {
  let world: World | undefined;
  let problems: string[] = [];

  before(() => {
    try {
      world = buildWorld(REPO_ROOT);
    } catch (error) {
      problems =
        error instanceof DataError ? error.diagnostics.map(formatDiagnostic) : [(error as Error).message];
    }
  });

  test("loads, validates and synthesizes", () => {
    assert.deepEqual(problems, []);
  });

  for (const rule of RULES) {
    test(rule.name, () => {
      assert.ok(world, "the data must load first");
      assert.deepEqual(rule.check(world), []);
    });
  }
});
