import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { REPO_ROOT, scratchProject } from "../support/project";

/** Starts a command in its own process group, so a signal reaches it and its children, as Ctrl-C does. */
function start(args: string[], cwd: string): { child: ChildProcess; exited: Promise<void> } {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    cwd,
    detached: true,
    stdio: "ignore",
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
  const baseDirs = () => readdirSync(tmpdir()).filter((name) => name.startsWith("void-infra-base-"));
  const before = new Set(baseDirs());
  const { child, exited } = start(
    [join(REPO_ROOT, "cli", "launch.cjs"), "diff", "--base-ref", "HEAD"],
    REPO_ROOT,
  );
  await until(() => baseDirs().some((name) => !before.has(name)));
  process.kill(-(child.pid as number), "SIGINT");
  await exited;
  assert.deepEqual(
    baseDirs().filter((name) => !before.has(name)),
    [],
  );
  assert.ok(
    !existsSync(join(REPO_ROOT, ".git", "worktrees")) ||
      readdirSync(join(REPO_ROOT, ".git", "worktrees")).length === 0,
  );
});
