import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { REPO_ROOT, runEntry, scratchProject } from "../support/project";

test("the README's example maintainer file validates as a new maintainer", () => {
  const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
  const example = readme.match(/```yaml\n(# yaml-language-server[\s\S]*?)```/)?.[1];
  assert.ok(example, "README has a yaml example starting with the schema line");
  const dir = scratchProject();
  writeFileSync(join(dir, "maintainers", "alice.yaml"), example);
  const run = runEntry("cli/validate.ts", dir);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /ok: 23 maintainers/);
});
