import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { REPO_ROOT } from "../support/project";

const json = (file: string) => JSON.parse(readFileSync(join(REPO_ROOT, file), "utf8"));

test("`npx cdktf synth` runs the same entry point as `npm run synth`", () => {
  assert.equal(json("cdktf.json").app, json("package.json").scripts.synth);
});

test("the CI entry point installs from the lockfile and runs the README's test command", () => {
  const ci = readFileSync(join(REPO_ROOT, ".ci", "run"), "utf8");
  const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
  assert.match(readme, /^npm ci && npm run synth /m);
  assert.match(readme, /^npm test /m);
  assert.ok(ci.indexOf("npm ci") < ci.indexOf("npm test"), "npm ci runs first");
  for (const step of ["npm run lint", "npm run validate", "npm run synth"])
    assert.ok(ci.includes(step), step);
});
