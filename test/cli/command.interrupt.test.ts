import assert from "node:assert/strict";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { git } from "../support/git";
import { REPO_ROOT, scratchProject, tempDir } from "../support/project";

const LAUNCHER = join(REPO_ROOT, "cli", "launch.cjs");
const REAL_GIT = spawnSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).stdout.trim();

/**
 * A `git` first on the command's PATH that stops at one subcommand (`ls-files`, which synth runs
 * in a git work tree to fingerprint its sources once its staging folder exists; `archive`, which
 * diff runs once its temporary tree exists) and waits there until the process group is signalled.
 * The command is then certainly at the point to interrupt, however slow a busy machine makes it or
 * the test.
 */
function gate(subcommand: string): { env: NodeJS.ProcessEnv; reached: () => boolean } {
  const dir = tempDir("git-gate-");
  const reached = join(dir, "reached");
  writeFileSync(
    join(dir, "git"),
    `#!/bin/sh\nif [ "$1" = ${subcommand} ]; then : > "${reached}"; while :; do sleep 1; done; fi\nexec "${REAL_GIT}" "$@"\n`,
  );
  chmodSync(join(dir, "git"), 0o755);
  return { env: { PATH: `${dir}:${process.env.PATH}` }, reached: () => existsSync(reached) };
}

interface Started {
  readonly child: ChildProcess;
  /** What it printed on standard error so far. */
  readonly stderr: () => string;
  /** Resolves with the exit status (null when a signal ended the process) once it has exited. */
  readonly exited: Promise<number | null>;
  readonly hasExited: () => boolean;
}

/**
 * Starts `node cli/launch.cjs <args>` in its own process group, so a signal reaches it and its
 * children, as Ctrl-C does; `env` is added to this process's environment.
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

/** Waits until the gate holds the command; if it ends first, fails with what it said. No clock is involved. */
async function until(reached: () => boolean, started: Started): Promise<void> {
  while (!reached()) {
    assert.ok(!started.hasExited(), `the command ended before the point to interrupt: ${started.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const leftovers = (dir: string) => readdirSync(dir).filter((name) => name.startsWith(".cdktf.out."));

/** A scratch copy of the checkout's data in a git work tree of its own, where synth asks git for its sources. */
function scratchWorkTree(): string {
  const dir = scratchProject(REPO_ROOT);
  git(dir, "init", "--quiet");
  return dir;
}

describe("interrupted commands exit as the shell expects and leave nothing", () => {
  test("SIGTERM during synth: exit 143, no staging directory, cdktf.out whole or absent", async () => {
    const dir = scratchWorkTree();
    const { env, reached } = gate("ls-files");
    const synth = start(["synth"], dir, env);
    await until(reached, synth);
    assert.equal(leftovers(dir).length, 1, "synth is writing its staging folder");
    process.kill(-(synth.child.pid as number), "SIGTERM");
    assert.equal(await synth.exited, 143);
    assert.doesNotMatch(synth.stderr(), /error|\n\s+at /);
    assert.deepEqual(leftovers(dir), []);
    if (existsSync(join(dir, "cdktf.out")))
      assert.ok(existsSync(join(dir, "cdktf.out", "manifest.json")), "a cdktf.out that exists is complete");
  });

  test("SIGINT during diff --base-ref: exit 130, nothing printed, no exported tree and no worktree", async () => {
    // Its own temporary directory: other test processes may export trees of their own meanwhile.
    const tmp = tempDir("void-infra-interrupt-");
    const baseDirs = () => readdirSync(tmp).filter((name) => name.startsWith("void-infra-base-"));
    const worktrees = git(REPO_ROOT, "worktree", "list", "--porcelain");
    const { env, reached } = gate("archive");
    const diff = start(["diff", "--base-ref", "HEAD"], REPO_ROOT, { ...env, TMPDIR: tmp });
    await until(reached, diff);
    assert.equal(baseDirs().length, 1, "diff is exporting the base");
    process.kill(-(diff.child.pid as number), "SIGINT");
    assert.equal(await diff.exited, 130);
    assert.equal(diff.stderr(), "", "an interruption is no failure to report");
    assert.deepEqual(baseDirs(), []);
    assert.equal(git(REPO_ROOT, "worktree", "list", "--porcelain"), worktrees, "no worktree");
  });

  test("what a SIGKILL leaves is removed by the next run; a live run's directory is not", async () => {
    const dir = scratchWorkTree();
    const { env, reached } = gate("ls-files");
    const killed = start(["synth"], dir, env);
    await until(reached, killed);
    process.kill(-(killed.child.pid as number), "SIGKILL");
    await killed.exited;
    assert.equal(leftovers(dir).length, 1, "SIGKILL left the staging directory");
    // A directory named after a process that runs (this one) belongs to a run in progress.
    const live = join(dir, `.cdktf.out.new-pid${process.pid}-abcdef`);
    mkdirSync(live);
    writeFileSync(join(live, "manifest.json"), "{}");

    const next = spawnSync(process.execPath, [LAUNCHER, "synth"], { cwd: dir, encoding: "utf8" });
    assert.equal(next.status, 0, next.stderr);
    assert.deepEqual(leftovers(dir), [`.cdktf.out.new-pid${process.pid}-abcdef`]);
  });
});
