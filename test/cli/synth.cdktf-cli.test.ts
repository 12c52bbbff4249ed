import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { REPO_ROOT, tempDir } from "../support/project";

/** Every file under `dir`, relative, sorted. */
function files(dir: string, prefix = ""): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(dir, join(prefix, e.name)) : [join(prefix, e.name)]))
    .sort();
}

test("`npx cdktf synth` writes the same files, byte for byte, as `npm run synth`", () => {
  const ours = join(tempDir("ours-"), "cdktf.out");
  const theirs = join(tempDir("cdktf-"), "cdktf.out");
  const env = { ...process.env, CHECKPOINT_DISABLE: "1", CI: "1" };
  const synth = spawnSync("npm", ["run", "-s", "synth"], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { ...env, CDKTF_OUTDIR: ours },
  });
  assert.equal(synth.status, 0, synth.stderr);
  const cli = spawnSync("npx", ["cdktf", "synth", "--output", theirs], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env,
  });
  assert.equal(cli.status, 0, cli.stderr);
  assert.deepEqual(files(theirs), files(ours));
  for (const file of files(ours)) {
    assert.equal(readFileSync(join(theirs, file), "utf8"), readFileSync(join(ours, file), "utf8"), file);
  }
});
