import assert from "node:assert/strict";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { validate } from "../../cli/validate";
import { REPO_ROOT, run, scratchProject } from "../support/project";

test("the README's example maintainer file validates as a new maintainer of the live organization", async () => {
  const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
  const example = readme.match(/```yaml\n(# yaml-language-server[\s\S]*?)```/)?.[1];
  assert.ok(example, "README has a yaml example starting with the schema line");
  const login = example.match(/^github: (\S+)/m)?.[1] ?? "";
  const dir = scratchProject(REPO_ROOT);
  // A real maintainer who happens to have the example's login makes way for it.
  for (const name of readdirSync(join(dir, "maintainers")))
    if (name.toLowerCase() === `${login.toLowerCase()}.yaml`) rmSync(join(dir, "maintainers", name));
  writeFileSync(join(dir, "maintainers", `${login}.yaml`), example);
  const result = await run(validate, dir);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^ok: \d+ maintainers/);
});
