import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { CHANGES_CODE, prData } from "../../cli/pr-data";
import { git } from "../support/git";
import { run, scratchProject } from "../support/project";

/** A repository whose main holds the data and some code; `change` makes the pull request's commit. */
function pullRequest(change: (dir: string) => void): { dir: string; head: string } {
  const dir = scratchProject();
  mkdirSync(join(dir, "cli"));
  writeFileSync(join(dir, "cli", "run.ts"), "// main's code\n");
  git(dir, "init", "--quiet", "--initial-branch=main");
  git(dir, "add", ".");
  git(dir, "commit", "--quiet", "-m", "main");
  git(dir, "checkout", "--quiet", "-b", "pr");
  change(dir);
  git(dir, "add", "-A");
  git(dir, "commit", "--quiet", "-m", "pr");
  const head = git(dir, "rev-parse", "HEAD");
  git(dir, "checkout", "--quiet", "main");
  return { dir, head };
}

const ALICE =
  "# yaml-language-server: $schema=./schema.json\nname: Alice\ngithub: alice\nteams:\n  pkg-committers: member\n";

describe("npm run pr-data: a pull request's data over main's code, never its code", () => {
  test("a new maintainer file and a removed one are taken", async () => {
    const { dir, head } = pullRequest((d) => {
      writeFileSync(join(d, "maintainers", "alice.yaml"), ALICE);
      rmSync(join(d, "maintainers", "Chocimier.yaml"));
    });
    const result = await run(prData, dir, ["--head", head]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(readFileSync(join(dir, "maintainers", "alice.yaml"), "utf8"), ALICE);
    assert.ok(!existsSync(join(dir, "maintainers", "Chocimier.yaml")));
    assert.equal(readFileSync(join(dir, "cli", "run.ts"), "utf8"), "// main's code\n");
  });

  test("a pull request that changes code is left for after the merge", async () => {
    const { dir, head } = pullRequest((d) => {
      writeFileSync(join(d, "maintainers", "alice.yaml"), ALICE);
      writeFileSync(join(d, "cli", "run.ts"), "process.env.TOKEN // exfiltrate\n");
    });
    const result = await run(prData, dir, ["--head", head]);
    assert.equal(result.status, CHANGES_CODE);
    assert.match(result.stdout, /changes code \(cli\/run\.ts\)/);
    assert.ok(!existsSync(join(dir, "maintainers", "alice.yaml")), "nothing is taken");
    assert.equal(readFileSync(join(dir, "cli", "run.ts"), "utf8"), "// main's code\n");
  });

  test("a data file that is a symbolic link in the pull request is refused", async () => {
    const { dir, head } = pullRequest((d) =>
      symlinkSync("/etc/passwd", join(d, "maintainers", "alice.yaml")),
    );
    const result = await run(prData, dir, ["--head", head]);
    assert.equal(result.status, 1);
    assert.equal(
      result.stderr,
      "error: maintainers/alice.yaml is not a regular file in the pull request (mode 120000; expected a plain file)\n",
    );
    assert.ok(!existsSync(join(dir, "maintainers", "alice.yaml")));
  });
});
