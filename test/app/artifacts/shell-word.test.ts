import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, test } from "node:test";
import fc from "fast-check";
import { shellWord } from "../../../app/artifacts/shell-word";

/** What `sh` makes of each word: printf prints them NUL-separated, so any text survives the trip. */
function throughShell(values: readonly string[]): string[] {
  const result = spawnSync("sh", ["-c", `printf '%s\\0' ${values.map(shellWord).join(" ")}`], {
    encoding: "utf8",
  });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.split("\0").slice(0, -1);
}

describe("shellWord: data reaches a generated script's commands as data", () => {
  test("any text without control characters is one word, unchanged, and runs nothing", () => {
    const text = fc
      .string({ unit: "grapheme", maxLength: 40 })
      .filter((s) => [...s].every((c) => (c.codePointAt(0) ?? 0) >= 0x20 && c !== "\u007f"));
    const hostile = fc.constantFrom(
      "'",
      "''",
      "'\\''",
      "$(id)",
      "`id`",
      "${PATH}",
      "*",
      "\\",
      '"',
      " ",
      "-n",
      "!",
    );
    const value = fc.oneof(
      text,
      fc.array(fc.oneof(text, hostile), { maxLength: 6 }).map((parts) => parts.join("")),
    );
    // One shell per sample batch, not per value.
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 20 }), (values) => {
        assert.deepEqual(throughShell(values), values);
      }),
      { numRuns: 60 },
    );
  });

  test("a control character is refused", () => {
    for (const bad of ["a\nb", "a\rb", "\u0000", "\u001b[31m"])
      assert.throws(() => shellWord(bad), /refusing a control character/);
  });
});
