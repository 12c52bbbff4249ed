import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { git } from "../support/git";
import { REPO_ROOT, scratchProject, tempDir } from "../support/project";

/**
 * Starts a command in its own process group, so a signal reaches it and its children, as Ctrl-C
 * does; `env` is added to this process's environment.
 */
function start(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): { child: ChildProcess; exited: Promise<void> } {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    cwd,
    detached: true,
    stdio: "ignore",
    env: { ...process.env, ...env },
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  return { child, exited };
}

/** Polls until `seen()` holds (or fails after 20 s): the moment to interrupt. */
async function until(seen: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!seen()) {
    assert.ok(Date.now() < deadline, "the command never reached the point to interrupt");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

test("an interrupted synth leaves no staging directory, and cdktf.out is whole or absent", async () => {
  const dir = scratchProject(REPO_ROOT);
  symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"));
  const staging = () => readdirSync(dir).filter((name) => name.startsWith(".cdktf.out."));
  const { child, exited } = start([join(REPO_ROOT, "main.ts")], dir);
  await until(() => staging().length > 0);
  process.kill(-(child.pid as number), "SIGTERM");
  await exited;
  assert.deepEqual(staging(), []);
  if (existsSync(join(dir, "cdktf.out")))
    assert.ok(existsSync(join(dir, "cdktf.out", "manifest.json")), "a cdktf.out that exists is complete");
});

test("an interrupted diff --base-ref leaves no exported tree and no worktree", async () => {
  // Its own temporary directory: other test processes may export trees of their own meanwhile.
  const tmp = tempDir("void-infra-interrupt-");
  const baseDirs = () => readdirSync(tmp).filter((name) => name.startsWith("void-infra-base-"));
  const worktrees = git(REPO_ROOT, "worktree", "list", "--porcelain");
  const { child, exited } = start(
    [join(REPO_ROOT, "cli", "launch.cjs"), "diff", "--base-ref", "HEAD"],
    REPO_ROOT,
    { TMPDIR: tmp },
  );
  await until(() => baseDirs().length > 0);
  process.kill(-(child.pid as number), "SIGINT");
  await exited;
  assert.deepEqual(baseDirs(), []);
  assert.equal(git(REPO_ROOT, "worktree", "list", "--porcelain"), worktrees, "no worktree");
});
