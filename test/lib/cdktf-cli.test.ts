import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { REPO_ROOT, runEntry } from "../support/project";

/** Every file under `dir`, relative, sorted. */
function files(dir: string, prefix = ""): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(dir, join(prefix, e.name)) : [join(prefix, e.name)]))
    .sort();
}

test("`npx cdktf synth` writes the same files, byte for byte, as `npm run synth`", () => {
  const ours = join(mkdtempSync(join(tmpdir(), "ours-")), "cdktf.out");
  const theirs = join(mkdtempSync(join(tmpdir(), "cdktf-")), "cdktf.out");
  const env = { CHECKPOINT_DISABLE: "1", CI: "1" };
  assert.equal(runEntry("main.ts", REPO_ROOT, [], { ...env, CDKTF_OUTDIR: ours }).status, 0);
  const cli = spawnSync("npx", ["cdktf", "synth", "--output", theirs], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  assert.equal(cli.status, 0, cli.stderr);
  assert.deepEqual(files(theirs), files(ours));
  for (const file of files(ours)) {
    assert.equal(readFileSync(join(theirs, file), "utf8"), readFileSync(join(ours, file), "utf8"), file);
  }
});
