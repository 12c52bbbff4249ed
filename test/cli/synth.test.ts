import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { synth } from "../../cli/synth";
import { ADOPTION_APP } from "../support/app";
import { run, scratchProject } from "../support/project";

test("a construct rule broken by data fails synth with the construct path, no stack trace, nothing written", async () => {
  const dir = scratchProject();
  const mirrors = join(dir, "estate", "mirrors.yaml");
  // Enabling repo-us sends clients to a Helsinki host listed as Kansas City: an error, not a warning.
  const text = readFileSync(mirrors, "utf8");
  const enabled = text.replace(/(repo-us\.voidlinux\.org\/\n(?: {2}.*\n)*? {2}enabled: )false/, "$1true");
  assert.notEqual(enabled, text, "the fixture edit applied");
  writeFileSync(mirrors, enabled);

  const result = await run(synth(ADOPTION_APP), dir);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /^digitalocean\/mirror-us: mirror repo-us declares country "us"/m);
  assert.match(result.stderr, /Construct validation failed; nothing was written\./);
  assert.doesNotMatch(result.stderr, /\n\s+at /, "no stack trace");
  assert.ok(!existsSync(join(dir, "cdktf.out")), "cdktf.out not created");
});
