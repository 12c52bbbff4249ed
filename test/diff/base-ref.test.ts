import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { REPO_ROOT, runEntry } from "../support/project";
import { ALICE, Scratch } from "./support";

/** What a ref needs to synthesize: the entry point, the code and the data. */
const SOURCES = [
  "main.ts",
  "package.json",
  "tsconfig.json",
  "lib",
  "constructs",
  "stacks",
  "estate",
  "bindings",
];

function git(cwd: string, ...args: string[]): string {
  const run = spawnSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@example.org",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@example.org",
    },
  });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

test("--base-ref synthesizes the ref in a temporary worktree and removes it", () => {
  // A repository whose first commit has only data (no main.ts) and whose second adds the code.
  const scratch = new Scratch();
  const repo = scratch.dir;
  git(repo, "init", "--quiet", "--initial-branch=main");
  cpSync(join(REPO_ROOT, ".gitignore"), join(repo, ".gitignore"));
  git(repo, "add", ".gitignore", "maintainers");
  git(repo, "commit", "--quiet", "-m", "data only");
  for (const source of SOURCES) cpSync(join(REPO_ROOT, source), join(repo, source), { recursive: true });
  git(repo, "add", ".");
  git(repo, "commit", "--quiet", "-m", "code");

  scratch.write("maintainers/alice.yaml", ALICE);
  scratch.synth();

  const run = runEntry("cli/diff.ts", repo, ["--base-ref", "HEAD"], { INFRA_BACKEND: "http" });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^### Review diff: 1 to create, 0 to update, 0 to delete$/m);
  assert.match(run.stdout, /^- `github`: adds @alice to pkg-committers \(member\)$/m);

  const before = runEntry("cli/diff.ts", repo, ["--base-ref", "HEAD~1", "--format", "json"]);
  assert.equal(before.status, 0, before.stderr);
  const { totals, lines } = JSON.parse(before.stdout);
  assert.equal(totals.delete, 0, "a ref without main.ts is an empty base: everything is added");
  assert.ok(totals.create > 100, `${totals.create} resources to create`);
  assert.ok(lines.some((l: { text: string }) => l.text === "makes @Gottox an org owner"));

  assert.equal(
    git(repo, "worktree", "list", "--porcelain").match(/^worktree /gm)?.length,
    1,
    "no worktree left",
  );
  assert.equal(git(repo, "status", "--porcelain", "--untracked-files=no"), "", "the checkout is untouched");
});

test("--base-ref names an unknown ref", () => {
  const scratch = new Scratch();
  git(scratch.dir, "init", "--quiet");
  scratch.synth();
  const run = runEntry("cli/diff.ts", scratch.dir, ["--base-ref", "no-such-branch"]);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /^error: unknown git ref "no-such-branch"/m);
});
