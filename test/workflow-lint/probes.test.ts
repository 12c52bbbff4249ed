import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { lintWorkflows } from "../../workflow-lint/actionlint";
import { findingsOf, parseWorkflow, WORKFLOW_RULES } from "../../workflow-lint/policy";
import { formatDiagnostic } from "../../runtime/diagnostics";
import { REPO_ROOT } from "../support/project";

/**
 * Probes: for every rule of review/workflows/policy.ts, workflows under
 * test/fixtures/workflows/probes/<rule>/ that exactly that rule must flag. Each probe states what
 * it must produce in its header: `# expect: line:col: field: message` per finding of the rule,
 * `# also: rule: line:col: field: message` per finding of another rule that must fire as well
 * (usually none: a probe shows one rule), and `# actionlint: ...` for what actionlint also says
 * (usually nothing: the probes are otherwise valid workflows). Probes under `clean/` are tricky
 * but fine and must pass every rule.
 */
const PROBES = join(REPO_ROOT, "test", "fixtures", "workflows", "probes");
const CLEAN = "clean";

interface Probe {
  readonly name: string;
  readonly text: string;
  readonly expect: string[];
  readonly also: string[];
  readonly actionlint: string[];
}

function probesIn(dir: string): Probe[] {
  return readdirSync(join(PROBES, dir))
    .filter((file) => file.endsWith(".yml"))
    .sort()
    .map((file) => {
      const text = readFileSync(join(PROBES, dir, file), "utf8");
      const header = (label: string) =>
        text
          .split("\n")
          .filter((line) => line.startsWith(`# ${label}: `))
          .map((line) => line.slice(label.length + 4));
      return {
        name: `${dir}/${file}`,
        text,
        expect: header("expect"),
        also: header("also"),
        actionlint: header("actionlint"),
      };
    });
}

/** `line:col: field: message`, the printed form without the file name. */
const printed = (file: string, diagnostic: Parameters<typeof formatDiagnostic>[0]) =>
  formatDiagnostic(diagnostic).slice(file.length + 1);

const RULES = Object.keys(WORKFLOW_RULES);
const DIRS = readdirSync(PROBES).sort();

describe("workflow rule probes", () => {
  test("every rule has probes, and every probe folder is a rule", () => {
    assert.deepEqual(
      DIRS.filter((dir) => dir !== CLEAN),
      [...RULES].sort(),
    );
  });

  for (const rule of RULES) {
    describe(rule, () => {
      const probes = probesIn(rule);
      test("has at least one probe", () => assert.ok(probes.length > 0));
      for (const probe of probes) {
        test(`${probe.name} is flagged by ${rule} (and only the rules it declares), at the expected place`, () => {
          assert.ok(probe.expect.length > 0, "the probe states what it expects");
          const findings = findingsOf(parseWorkflow(probe.name, probe.text));
          assert.deepEqual(
            findings
              .filter((f) => f.rule !== rule)
              .map((f) => `${f.rule}: ${printed(probe.name, f.diagnostic)}`)
              .sort(),
            [...probe.also].sort(),
            "no other rule fires than the probe declares",
          );
          assert.deepEqual(
            findings
              .filter((f) => f.rule === rule)
              .map((f) => printed(probe.name, f.diagnostic))
              .sort(),
            [...probe.expect].sort(),
          );
        });
      }
    });
  }

  describe("clean probes pass every rule", () => {
    for (const probe of probesIn(CLEAN)) {
      test(probe.name, () => {
        assert.deepEqual([...probe.expect, ...probe.also], []);
        assert.deepEqual(
          findingsOf(parseWorkflow(probe.name, probe.text)).map((f) => formatDiagnostic(f.diagnostic)),
          [],
        );
      });
    }
  });

  describe("actionlint says only what each probe declares", () => {
    for (const probe of DIRS.flatMap(probesIn)) {
      test(probe.name, async () => {
        const problems = await lintWorkflows([{ file: probe.name, text: probe.text }]);
        assert.deepEqual(
          problems.map((d) => printed(probe.name, d)),
          probe.actionlint,
        );
      });
    }
  });
});
