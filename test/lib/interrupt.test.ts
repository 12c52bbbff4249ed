import assert from "node:assert/strict";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { git } from "../support/git";
import { REPO_ROOT, scratchProject, tempDir } from "../support/project";

interface Started {
  readonly child: ChildProcess;
  /** What it printed on standard error so far. */
  readonly stderr: () => string;
  /** Resolves with the exit status (null when a signal ended the process) once it has exited. */
  readonly exited: Promise<number | null>;
  readonly hasExited: () => boolean;
}

const LAUNCHER = join(REPO_ROOT, "cli", "launch.cjs");

/**
 * Starts a command (`node cli/launch.cjs <args>`) in its own process group, so a signal reaches it and its children, as Ctrl-C
 * does; `env` is added to this process's environment.
 */
function start(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Started {
  const child = spawn(process.execPath, [LAUNCHER, ...args], {
    cwd,
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, ...env },
  });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (text: string) => {
    stderr += text;
  });
  let done = false;
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      done = true;
      resolve(code);
    }),
  );
  return { child, exited, hasExited: () => done, stderr: () => stderr };
}

/**
 * Waits until `seen()` holds, the moment to interrupt. However slow a loaded machine makes the
 * command, it gets there or exits; an exit first fails the test. No clock is involved.
 */
async function until(seen: () => boolean, { hasExited }: Started): Promise<void> {
  while (!seen()) {
    assert.ok(!hasExited(), "the command ended before the point to interrupt");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A scratch project with the checkout's data, to run this checkout's synth in. */
const synthProject = () => scratchProject(REPO_ROOT);

const leftovers = (dir: string) => readdirSync(dir).filter((name) => name.startsWith(".cdktf.out."));

describe("interrupted commands exit as the shell expects and leave nothing", () => {
  test("SIGTERM during synth: exit 143, no staging directory, cdktf.out whole or absent", async () => {
    const dir = synthProject();
    const synth = start(["synth"], dir);
    await until(() => leftovers(dir).length > 0, synth);
    process.kill(-(synth.child.pid as number), "SIGTERM");
    assert.equal(await synth.exited, 143);
    assert.doesNotMatch(synth.stderr(), /error|\n\s+at /);
    assert.deepEqual(leftovers(dir), []);
    if (existsSync(join(dir, "cdktf.out")))
      assert.ok(existsSync(join(dir, "cdktf.out", "manifest.json")), "a cdktf.out that exists is complete");
  });

  test("SIGINT during diff --base-ref: exit 130, no exported tree and no worktree", async () => {
    // Its own temporary directory: other test processes may export trees of their own meanwhile.
    const tmp = tempDir("void-infra-interrupt-");
    const baseDirs = () => readdirSync(tmp).filter((name) => name.startsWith("void-infra-base-"));
    const worktrees = git(REPO_ROOT, "worktree", "list", "--porcelain");
    const diff = start(["diff", "--base-ref", "HEAD"], REPO_ROOT, {
      TMPDIR: tmp,
    });
    await until(() => baseDirs().length > 0, diff);
    process.kill(-(diff.child.pid as number), "SIGINT");
    assert.equal(await diff.exited, 130);
    assert.equal(diff.stderr(), "", "an interruption is no failure to report");
    assert.deepEqual(baseDirs(), []);
    assert.equal(git(REPO_ROOT, "worktree", "list", "--porcelain"), worktrees, "no worktree");
  });

  test("what a SIGKILL leaves is removed by the next run; a live run's directory is not", async () => {
    const dir = synthProject();
    const killed = start(["synth"], dir);
    await until(() => leftovers(dir).length > 0, killed);
    process.kill(-(killed.child.pid as number), "SIGKILL");
    await killed.exited;
    const orphans = leftovers(dir);
    assert.ok(orphans.length > 0, "SIGKILL left the staging directory");
    // A directory named after a process that runs (this one) belongs to a run in progress.
    const live = join(dir, `.cdktf.out.new-pid${process.pid}-abcdef`);
    mkdirSync(live);
    writeFileSync(join(live, "manifest.json"), "{}");

    const next = spawnSync(process.execPath, [LAUNCHER, "synth"], {
      cwd: dir,
      encoding: "utf8",
    });
    assert.equal(next.status, 0, next.stderr);
    assert.deepEqual(leftovers(dir), [`.cdktf.out.new-pid${process.pid}-abcdef`]);
  });
});
