import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { formatDiagnostic } from "../../runtime/diagnostics";
import { lintWorkflows } from "../../workflow-lint/actionlint";
import { findingsOf, WORKFLOW_RULES } from "../../workflow-lint/rules";
import { parseWorkflow } from "../../workflow-lint/workflow";
import { allProbes } from "../support/workflow-probes";

const RULES = Object.keys(WORKFLOW_RULES);
const CLEAN = "clean";
const PROBES = allProbes();

/** `rule: line:col: field: message`, the printed form without the file name. */
function findings(probe: (typeof PROBES)[number]): string[] {
  return findingsOf(parseWorkflow(probe.file, probe.text), probe.project)
    .map(({ rule, diagnostic }) => `${rule}: ${formatDiagnostic(diagnostic).slice(probe.file.length + 1)}`)
    .sort();
}

describe("workflow rule probes", () => {
  test("every rule is probed, and every probe folder is a rule or clean", () => {
    const folders = new Set(PROBES.flatMap((p) => (p.folder === undefined ? [] : [p.folder])));
    for (const folder of folders) assert.ok(folder === CLEAN || RULES.includes(folder), folder);
    const probed = new Set(PROBES.flatMap((p) => p.expect.map((line) => line.split(":")[0])));
    for (const rule of RULES) assert.ok(probed.has(rule), `${rule} has a probe`);
  });

  for (const probe of PROBES) {
    test(`${probe.name}: exactly the findings its header states`, () => {
      if (probe.folder === CLEAN) assert.deepEqual(probe.expect, [], "a clean probe expects nothing");
      else if (probe.folder !== undefined)
        assert.ok(
          probe.expect.some((line) => line.startsWith(`${probe.folder}: `)),
          `a probe under ${probe.folder}/ expects a finding of that rule`,
        );
      assert.deepEqual(findings(probe), [...probe.expect].sort());
    });
  }

  describe("actionlint says only what each probe declares", () => {
    for (const probe of PROBES.filter((p) => p.folder !== undefined)) {
      test(probe.name, async () => {
        const problems = await lintWorkflows([{ file: probe.file, text: probe.text }]);
        assert.deepEqual(
          problems.map((d) => formatDiagnostic(d).slice(probe.file.length + 1)),
          probe.actionlint,
        );
      });
    }
  });
});
