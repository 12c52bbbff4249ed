import assert from "node:assert/strict";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { stacks } from "../../../cli/stacks";
import { STACKS } from "../../../stacks";
import { REPO_ROOT, run, tempDir } from "../../support/project";

/** The files `npm run stacks` reads and writes, copied from the checkout. */
const FILES = [".github", "README.md", "docs/workflows.md"];

function project(): string {
  const dir = tempDir("stack-lists-");
  mkdirSync(join(dir, "docs"));
  for (const path of FILES) cpSync(join(REPO_ROOT, path), join(dir, path), { recursive: true });
  return dir;
}

const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");
const edit = (dir: string, path: string, change: (text: string) => string) => {
  const text = read(dir, path);
  const changed = change(text);
  assert.notEqual(changed, text, `${path} changed`);
  writeFileSync(join(dir, path), changed);
};

describe("npm run stacks", () => {
  test("the checkout's workflows, stacks.sh and docs list exactly the registry's stacks (--check, as CI runs it)", async () => {
    const { status, stdout, stderr } = await run(stacks, REPO_ROOT, ["--check"]);
    assert.equal(status, 0, stderr);
    assert.match(
      stdout,
      /^stacks: the workflows, \.github\/scripts\/stacks\.sh and the docs list the stacks/,
    );
  });

  test("writes a stale table, a missing stacks.sh and a stale list; then --check passes", async () => {
    const dir = project();
    const pristine = Object.fromEntries(
      ["README.md", "docs/workflows.md", ".github/workflows/drift.yml", ".github/scripts/stacks.sh"].map(
        (p) => [p, read(dir, p)],
      ),
    );
    const first = STACKS.stacks[0]?.id ?? "";
    edit(dir, "README.md", (text) => text.replace(new RegExp(`^\\| \`${first}\` .*\\n`, "m"), ""));
    edit(dir, "docs/workflows.md", (text) => text.replace("| `VAULT_TOKEN` |", "| `VAULT_TOKN` |"));
    edit(dir, ".github/workflows/drift.yml", (text) => text.replaceAll(`[${first}, `, "["));
    rmSync(join(dir, ".github/scripts/stacks.sh"));

    const check = await run(stacks, dir, ["--check"]);
    assert.equal(check.status, 1);
    const lines = check.stderr.split("\n");
    for (const expected of [
      /^\.github\/scripts\/stacks\.sh: \(file\): is missing \(expected the stacks of stacks\/registry\.ts: run npm run stacks\)$/,
      new RegExp(
        `^\\.github/workflows/drift\\.yml:\\d+:\\d+: jobs\\.plan\\.strategy\\.matrix\\.stack: lacks stack ${first} `,
      ),
      new RegExp(
        `^\\.github/workflows/drift\\.yml:\\d+:\\d+: jobs\\.report\\.strategy\\.matrix\\.stack: lacks stack ${first} `,
      ),
      /^README\.md: \(file\): its table differs from stacks\/registry\.ts \(run npm run stacks\)$/,
      /^docs\/workflows\.md: \(file\): its table differs from stacks\/registry\.ts \(run npm run stacks\)$/,
      /^5 problems found; nothing was written\.$/,
    ])
      assert.ok(
        lines.some((line) => expected.test(line)),
        `${expected} in:\n${check.stderr}`,
      );

    const write = await run(stacks, dir);
    assert.equal(write.status, 0, write.stderr);
    assert.equal(
      write.stdout,
      "stacks: wrote .github/workflows/drift.yml, .github/scripts/stacks.sh, README.md, docs/workflows.md\n",
    );
    for (const [path, text] of Object.entries(pristine)) assert.equal(read(dir, path), text, path);
    assert.equal((await run(stacks, dir, ["--check"])).status, 0);
  });

  test("refuses, writing nothing, what is not the registry's to fix", async () => {
    const dir = project();
    edit(dir, "README.md", (text) =>
      text.replace(/<!-- End of the lines generated from stacks\/registry\.ts\. -->\n/, ""),
    );
    edit(dir, ".github/workflows/plan.yml", (text) =>
      text.replace(
        /^( +)TF_HTTP_PASSWORD: .*$/m,
        (line, indent) => `${line}\n${indent}EXTRA: \${{ secrets.EXTRA }}`,
      ),
    );
    edit(dir, ".github/workflows/drift.yml", (text) => text.replace(`[${STACKS.stacks[0]?.id}, `, "["));
    const before = new Map(FILES.slice(1).map((p) => [p, read(dir, p)]));
    const drift = read(dir, ".github/workflows/drift.yml");

    const write = await run(stacks, dir);
    assert.equal(write.status, 1);
    assert.match(
      write.stderr,
      /^\.github\/workflows\/plan\.yml:\d+:11: jobs\.plan\.steps\[\d+\]\.env\.EXTRA: is no variable of the stack registry \(expected/m,
    );
    assert.match(
      write.stderr,
      /^README\.md: \(file\): has no table generated from stacks\/registry\.ts \(expected it between the lines <!-- Generated/m,
    );
    assert.match(write.stderr, /^2 problems found; nothing was written\.$/m);
    for (const [path, text] of before) assert.equal(read(dir, path), text, path);
    assert.equal(read(dir, ".github/workflows/drift.yml"), drift, "not even what could be fixed");
  });
});
