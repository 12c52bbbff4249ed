import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { REPO_ROOT } from "../support/project";
import { constructReference } from "./construct-reference";

const DOC = join(REPO_ROOT, "docs", "constructs.md");
const START =
  "<!-- The reference below is generated from the library's TSDoc (test/docs/construct-reference.ts). -->";
const END = "<!-- End of the generated reference. -->";

describe("docs/constructs.md's reference of the construct library", () => {
  const reference = constructReference();

  test("every optional prop of a construct, a function or what they take names its default (@default)", () => {
    assert.deepEqual(reference.missingDefaults, []);
  });

  test("is what the library's TSDoc says (UPDATE_SNAPSHOTS=1 rewrites it)", () => {
    const doc = readFileSync(DOC, "utf8");
    const start = doc.indexOf(START);
    const end = doc.indexOf(END);
    assert.ok(start >= 0 && end > start, `${DOC} holds the reference between its two markers`);
    const expected = `${doc.slice(0, start + START.length)}\n\n${reference.markdown}\n${doc.slice(end)}`;
    if (process.env.UPDATE_SNAPSHOTS) writeFileSync(DOC, expected);
    assert.ok(
      doc === expected,
      "docs/constructs.md's reference is stale: UPDATE_SNAPSHOTS=1 npm test -- test/docs/construct-reference.test.ts",
    );
  });
});
