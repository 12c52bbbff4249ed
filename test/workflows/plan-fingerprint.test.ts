import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { REPO_ROOT, tempDir } from "../support/project";

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
