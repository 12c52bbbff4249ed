import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { makeTemporary, orphansOf, processRuns, release } from "../../runtime/scratch";
import { tempDir } from "../support/project";

/** A process id above Linux's largest (2^22): certainly gone. */
const GONE = 4_194_305;

describe("temporary folders are named after their process, and a gone process's are removed", () => {
  test("makeTemporary removes what a killed run left with its prefix, never a running process's or another prefix's", () => {
    const parent = tempDir("scratch-");
    const names = [
      `void-infra-head-pid${GONE}-abcdef`, // a SIGKILLed diff's head
      `void-infra-head-pid${process.pid}-ghijkl`, // this process, still running
      `void-infra-head-pid1-mnopqr`, // init, always running
      `void-infra-base-pid${GONE}-stuvwx`, // another prefix: its owner's to remove
      "void-infra-head-abcdef", // not named after a process: not ours to judge
    ];
    for (const name of names) mkdirSync(join(parent, name));
    const made = makeTemporary(parent, "void-infra-head-");
    assert.match(made, new RegExp(`/void-infra-head-pid${process.pid}-[A-Za-z0-9]{6}$`));
    assert.deepEqual(
      readdirSync(parent)
        .filter((name) => name !== made.split("/").at(-1))
        .sort(),
      names.slice(1).sort(),
    );
    release(made);
    assert.ok(!existsSync(made));
  });

  test("orphans are told by their process: gone, running, or running as someone else", () => {
    assert.equal(processRuns(process.pid), true);
    assert.equal(processRuns(1), true);
    assert.equal(processRuns(GONE), false);
    const parent = tempDir("scratch-");
    mkdirSync(join(parent, `.out.old-pid${GONE}-abcdef`));
    mkdirSync(join(parent, `.out.old-pid${process.pid}-abcdef`));
    assert.deepEqual(orphansOf(parent, ".out.old-"), [join(parent, `.out.old-pid${GONE}-abcdef`)]);
    assert.deepEqual(orphansOf(join(parent, "missing"), ".out.old-"), []);
  });
});
