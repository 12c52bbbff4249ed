import assert from "node:assert/strict";
import { cpSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { VOID_APP } from "../../app/void";
import { diff } from "../../cli/diff";
import { loadEstate } from "../../inputs/estate";
import { git } from "../support/git";
import { codeEntries, REPO_ROOT, run, scratchProject } from "../support/project";

/** This process's exported trees (other processes on the machine export theirs meanwhile). */
const baseDirs = () =>
  readdirSync(tmpdir()).filter((name) => name.startsWith(`void-infra-base-pid${process.pid}-`));

test("--base-ref synthesizes the ref from an exported tree and leaves nothing behind", async () => {
  // A repository whose first commit has only data (no main.ts) and whose second adds the code.
  const repo = scratchProject(REPO_ROOT);
  git(repo, "init", "--quiet", "--initial-branch=main");
  cpSync(join(REPO_ROOT, ".gitignore"), join(repo, ".gitignore"));
  git(repo, "add", ".gitignore", "organization.yaml", "maintainers", "estate");
  git(repo, "commit", "--quiet", "-m", "data only");
  for (const source of codeEntries())
    cpSync(join(REPO_ROOT, source), join(repo, source), { recursive: true });
  git(repo, "add", ".");
  git(repo, "commit", "--quiet", "-m", "code");
  symlinkSync(join(REPO_ROOT, "node_modules"), join(repo, "node_modules"));
  const before = baseDirs();

  // A login nobody in the live data has, whatever the live data holds.
  const taken = new Set(readdirSync(join(repo, "maintainers")).map((f) => f.toLowerCase()));
  let login = "newcomer";
  for (let n = 2; taken.has(`${login}.yaml`); n++) login = `newcomer${n}`;
  const team = loadEstate(repo).github.teams[0]?.name;
  writeFileSync(
    join(repo, "maintainers", `${login}.yaml`),
    `name: Try Newcomer\ngithub: ${login}\nteams:\n  ${team}: member\n`,
  );

  git(repo, "add", join("maintainers", `${login}.yaml`));
  git(repo, "commit", "--quiet", "-m", "newcomer");

  const result = await run(diff(VOID_APP), repo, ["--base-ref", "HEAD~1"], { INFRA_BACKEND: "http" });
  assert.equal(result.status, 0, result.stderr);
  // The newcomer's organization and team memberships, and their entry in NetAuth's import (the groups
  // it joins may change too).
  assert.match(result.stdout, /^### Review diff: 3 to create, \d+ to update, 0 to delete$/m);
  assert.match(
    result.stdout,
    new RegExp(`^- \`github\`: welcomes Try Newcomer \\(@${login}\\) to ${team} \\(member\\)$`, "m"),
  );
  assert.match(result.stdout, /^### Who approves$/m, "a base ref brings the approval routing");
  assert.match(
    result.stdout,
    new RegExp(`^\\| \`maintainers/${login}\\.yaml\` \\| adds @${login} to ${team}`, "m"),
  );
  const without = await run(diff(VOID_APP), repo, ["--base-ref", "HEAD~1", "--no-routing"]);
  assert.doesNotMatch(without.stdout, /Who approves/, "--no-routing leaves it to the review bot");

  const empty = await run(diff(VOID_APP), repo, ["--base-ref", "HEAD~2", "--format", "json"]);
  assert.equal(empty.status, 0, empty.stderr);
  const { totals } = JSON.parse(empty.stdout);
  assert.equal(totals.delete, 0, "a ref without main.ts is an empty base: everything is added");
  assert.ok(totals.create > 0, `${totals.create} resources to create`);

  // A commit that changes nothing any output uses says so in words.
  const file = join(repo, "maintainers", `${login}.yaml`);
  writeFileSync(file, `${readFileSync(file, "utf8")}since: 2027-01\n`);
  git(repo, "commit", "--quiet", "-am", "since");
  const unreached = await run(diff(VOID_APP), repo, ["--base-ref", "HEAD~1"], { INFRA_BACKEND: "http" });
  assert.equal(unreached.status, 0, unreached.stderr);
  assert.match(
    unreached.stdout,
    new RegExp(
      `^No changes\\.\\n\\nThe change reaches no output of the app: no stack and no generated artifact changes \\(\`maintainers/${login}\\.yaml\`\\)\\.$`,
      "m",
    ),
  );

  assert.equal(git(repo, "worktree", "list", "--porcelain").match(/^worktree /gm)?.length, 1, "no worktree");
  assert.equal(git(repo, "status", "--porcelain", "--untracked-files=no"), "", "the checkout is untouched");
  assert.deepEqual(baseDirs(), before, "no temporary directory is left");
});

test("--base-ref names an unknown ref", async () => {
  const dir = scratchProject();
  git(dir, "init", "--quiet");
  const result = await run(diff(VOID_APP), dir, ["--base-ref", "no-such-branch"]);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /^error: unknown git ref "no-such-branch"/m);
});
