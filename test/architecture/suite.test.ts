import assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { halves, testFiles } from "../suite";
import { REPO_ROOT } from "../support/project";

describe("npm test runs every test file exactly once, in two balanced halves", () => {
  test("the halves of the real test files partition them", () => {
    const files = testFiles(join(REPO_ROOT, "test"));
    assert.ok(files.some((f) => f.endsWith("suite.test.ts")));
    const [a, b] = halves(files, (f) => statSync(f).size);
    assert.ok(a.length > 0 && b.length > 0);
    assert.deepEqual([...a, ...b].sort(), [...files].sort());
    assert.equal(new Set([...a, ...b]).size, files.length);
  });

  test("the heaviest file goes first, each to the lighter half", () => {
    const weight: Record<string, number> = { a: 5, b: 4, c: 3, d: 3, e: 2, f: 1 };
    const [first, second] = halves(Object.keys(weight), (f) => weight[f] ?? 0);
    const sum = (half: string[]) => half.reduce((total, f) => total + (weight[f] ?? 0), 0);
    assert.deepEqual(
      [first, second],
      [
        ["a", "d", "f"],
        ["b", "c", "e"],
      ],
    );
    assert.deepEqual([sum(first), sum(second)], [9, 9]);
  });

  test("npm test starts both halves", () => {
    const script = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")).scripts.test;
    assert.match(script, /test\/suite-a\.ts test\/suite-b\.ts/);
    const loads = (file: string) =>
      readFileSync(join(REPO_ROOT, "test", file), "utf8").match(/loadHalf\((\d)\)/)?.[1];
    assert.deepEqual([loads("suite-a.ts"), loads("suite-b.ts")], ["0", "1"]);
  });
});
