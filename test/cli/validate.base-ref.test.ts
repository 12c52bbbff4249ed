import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { validate } from "../../cli/validate";
import { run, scratchProject } from "../support/project";

const check = (dir: string, args: string[]) => run(validate, dir, args);

const GIT_ENV = {
  GIT_AUTHOR_NAME: "t",
  GIT_AUTHOR_EMAIL: "t@example.org",
  GIT_COMMITTER_NAME: "t",
  GIT_COMMITTER_EMAIL: "t@example.org",
};

function git(cwd: string, ...args: string[]): void {
  const run = spawnSync("git", args, { cwd, encoding: "utf8", env: { ...process.env, ...GIT_ENV } });
  assert.equal(run.status, 0, run.stderr);
}

/** Six of the 22 adoption-time maintainers (27%), none of whom leads a team, so the loader is satisfied. */
const LEAVING = ["abenson", "ahesford", "cinerea0", "classabbyamp", "icp1994", "jnbr"];

test("validate --base-ref refuses a mass removal until a new, reviewed override allows it", async () => {
  const dir = scratchProject();
  git(dir, "init", "--quiet");
  git(dir, "add", "maintainers");
  git(dir, "commit", "--quiet", "-m", "base");
  for (const login of LEAVING) rmSync(join(dir, "maintainers", `${login}.yaml`));

  const refused = await check(dir, ["--base-ref", "HEAD"]);
  assert.equal(refused.status, 1);
  assert.match(
    refused.stderr,
    /^maintainers: \(maintainers\): refused: removes 6 of 22 maintainers at once \(27%: abenson, ahesford, cinerea0, classabbyamp, icp1994, jnbr; expected at most 25% per change\); if intended, add allow_mass_removal: "<reason, PR link>" to OVERRIDES\.yaml/m,
  );
  assert.match(
    refused.stderr,
    /^maintainers: teams\.pkg-committers: refused: removes 6 of 22 members of pkg-committers/m,
  );

  writeFileSync(join(dir, "OVERRIDES.yaml"), 'allow_mass_removal: "inactive committers, #42"\n');
  const allowed = await check(dir, ["--base-ref", "HEAD"]);
  assert.equal(allowed.status, 0, allowed.stderr);
  assert.match(
    allowed.stdout,
    /^ok: 16 maintainers, 3 org owners, 40 mirrors, .*; safety valves passed against HEAD$/m,
  );
  assert.match(
    allowed.stderr,
    /warning: \(maintainers\): .* allowed by OVERRIDES\.yaml allow_mass_removal: "inactive committers, #42"/,
  );

  // Once merged, the same override does not cover the next mass removal.
  git(dir, "add", "-A");
  git(dir, "commit", "--quiet", "-m", "offboard");
  for (const login of ["lemmi", "oreo639", "paper42", "sgn", "thypon"])
    rmSync(join(dir, "maintainers", `${login}.yaml`));
  const stale = await check(dir, ["--base-ref", "HEAD"]);
  assert.equal(stale.status, 1);
  assert.match(stale.stderr, /OVERRIDES\.yaml allow_mass_removal is unchanged from the base/);
});

test("validate --base accepts a maintainers directory and rejects two bases", async () => {
  const dir = scratchProject();
  const ok = await check(dir, ["--base", join(dir, "maintainers")]);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /safety valves passed against/);
  const both = await check(dir, ["--base", "x", "--base-ref", "y"]);
  assert.equal(both.status, 1);
  assert.match(both.stderr, /^error: give at most one of --base-ref <git-ref> or --base <maintainers-dir>$/m);
});
