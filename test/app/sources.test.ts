import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  truncateSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { MAX_SOURCE_BYTES, sourceFingerprint } from "../../app/sources";
import { git } from "../support/git";
import { scratchProject, tempDir } from "../support/project";

describe("the source fingerprint reads the sources, within a size bound", () => {
  test("a file past the bound counts by size and time: never read, however big", () => {
    const dir = scratchProject();
    const image = join(dir, "estate", "disk.img");
    truncateSync(openAndClose(image), 3 * 1024 ** 3); // 3 GiB, sparse: nothing is written to disk
    const mtime = 1_700_000_000; // whole seconds, which every file system keeps exactly
    utimesSync(image, mtime, mtime);
    const before = sourceFingerprint(dir);

    const fd = openSync(image, "r+");
    writeSync(fd, "changed inside, same size", 1024 ** 3);
    closeSync(fd);
    utimesSync(image, mtime, mtime);
    assert.equal(sourceFingerprint(dir), before, "the content of a file past the bound is not read");

    truncateSync(image, 3 * 1024 ** 3 + 1);
    utimesSync(image, mtime, mtime);
    assert.notEqual(sourceFingerprint(dir), before, "its size counts");
  });

  test("a file within the bound counts by its content", () => {
    const dir = scratchProject();
    const file = join(dir, "estate", "data.bin");
    writeFileSync(file, Buffer.alloc(MAX_SOURCE_BYTES, 1));
    const before = sourceFingerprint(dir);
    writeFileSync(file, Buffer.concat([Buffer.alloc(MAX_SOURCE_BYTES - 1, 1), Buffer.from([2])]));
    assert.notEqual(sourceFingerprint(dir), before);
  });

  test("in a git work tree: tracked and new files count, ignored ones never", () => {
    const dir = scratchProject();
    git(dir, "init", "--quiet");
    writeFileSync(join(dir, ".gitignore"), "scratch/\n");
    git(dir, "add", ".");
    git(dir, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "--quiet", "-m", "data");
    const before = sourceFingerprint(dir);

    mkdirSync(join(dir, "scratch"));
    writeFileSync(join(dir, "scratch", "big.iso"), "ignored\n");
    assert.equal(sourceFingerprint(dir), before, "an ignored file does not count");

    writeFileSync(join(dir, "maintainers", "newcomer.yaml"), "name: New\n");
    const untracked = sourceFingerprint(dir);
    assert.notEqual(untracked, before, "a maintainer's file counts before it is committed");

    writeFileSync(join(dir, "maintainers", "newcomer.yaml"), "name: Newer\n");
    assert.notEqual(sourceFingerprint(dir), untracked, "by its content");
  });

  test("outside a git work tree (an exported tree) no git process is started", () => {
    const exported = scratchProject();
    const workTree = scratchProject();
    git(workTree, "init", "--quiet");
    const spy = tempDir("git-spy-");
    const called = join(spy, "called");
    writeFileSync(join(spy, "git"), `#!/bin/sh\n: > "${called}"\nexit 128\n`);
    chmodSync(join(spy, "git"), 0o755);
    const path = process.env.PATH;
    process.env.PATH = `${spy}:${path}`;
    try {
      sourceFingerprint(exported);
      assert.ok(!existsSync(called), "git was not asked");
      sourceFingerprint(workTree);
      assert.ok(existsSync(called), "in a work tree, git is asked");
    } finally {
      process.env.PATH = path;
    }
  });

  test("a socket or FIFO among the sources neither blocks nor fails it", () => {
    const dir = scratchProject();
    assert.equal(spawnSync("mkfifo", [join(dir, "estate", "pipe.yaml")]).status, 0);
    assert.match(sourceFingerprint(dir), /^[0-9a-f]{64}$/);
  });
});

/** Creates an empty file at `path` and returns the path. */
function openAndClose(path: string): string {
  closeSync(openSync(path, "w"));
  return path;
}
