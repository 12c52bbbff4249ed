import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { runEntry, scratchProject } from "../support/project";

test("a construct rule broken by data fails synth with the construct path, no stack trace, nothing written", () => {
  const dir = scratchProject();
  const mirrors = join(dir, "estate", "mirrors.yaml");
  // Enabling repo-us sends clients to a Helsinki host listed as Kansas City: an error, not a warning.
  const text = readFileSync(mirrors, "utf8");
  const enabled = text.replace(/(repo-us\.voidlinux\.org\/\n(?: {2}.*\n)*? {2}enabled: )false/, "$1true");
  assert.notEqual(enabled, text, "the fixture edit applied");
  writeFileSync(mirrors, enabled);

  const run = runEntry("main.ts", dir);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /^digitalocean\/mirror-us: mirror repo-us declares country "us"/m);
  assert.match(run.stderr, /Construct validation failed; nothing was written\./);
  assert.doesNotMatch(run.stderr, /\n\s+at /, "no stack trace");
  assert.ok(!existsSync(join(dir, "cdktf.out")), "cdktf.out not created");
});
