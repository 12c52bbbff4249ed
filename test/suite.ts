/**
 * `npm test` runs the test files in two processes, one per core, each loading its half of the
 * files (test/suite-a.ts, test/suite-b.ts). Loading tsx, cdktf and the providers once per half
 * instead of once per file makes the suite about three times faster on two cores. The files share
 * no global state (no test changes the working directory or the environment). One file alone
 * still runs as `node --import tsx --test test/<dir>/<name>.test.ts`.
 */
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";

/** Every test file under `dir`, fixtures aside. */
export function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "fixtures" ? [] : testFiles(path);
    return entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/**
 * The files split in two halves of about equal weight: the heaviest first, each to the lighter
 * half. A file's size stands in for its running time, which is good enough to keep both cores busy.
 */
export function halves(files: readonly string[], weightOf: (file: string) => number): [string[], string[]] {
  const halves: [string[], string[]] = [[], []];
  const weights = [0, 0];
  const byWeight = files.map((file) => ({ file, weight: weightOf(file) }));
  byWeight.sort((a, b) => b.weight - a.weight || compareText(a.file, b.file));
  for (const { file, weight } of byWeight) {
    const lighter = weights[0] <= weights[1] ? 0 : 1;
    halves[lighter].push(file);
    weights[lighter] += weight;
  }
  return [halves[0].sort(), halves[1].sort()];
}

/**
 * Loads one half of the test files into this process; node's test runner then runs them. A file
 * that throws while loading becomes one failing test named after it, and the rest still load.
 */
export function loadHalf(half: 0 | 1): void {
  for (const file of halves(testFiles(__dirname), (f) => statSync(f).size)[half]) {
    try {
      require(file);
    } catch (error) {
      test(relative(join(__dirname, ".."), file), () => {
        throw error;
      });
    }
  }
}
