/**
 * `npm test` runs the test files in two processes, one per core, each loading its half of the
 * files (test/suite-a.ts, test/suite-b.ts). Loading tsx, cdktf and the providers once per half
 * instead of once per file makes the suite about three times faster on two cores.
 *
 * Each file loads inside a suite of its own, named after it, so whatever a file does at its top
 * level (a failing `before()`, a throw while loading) fails that file's tests and no other's; and
 * no file has hooks at its top level anyway (test/architecture/suite.test.ts). The files share no
 * global state: no test changes the working directory or the environment. What a shared process
 * cannot contain is a file that ends or exhausts the process itself; the hostile corpus, the one
 * suite that runs untrusted sizes, runs in a child process of its own with a capped heap.
 */
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe } from "node:test";
import { compareText } from "@void-linux/infra-constructs/core";

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
  return [halves[0].sort(compareText), halves[1].sort(compareText)];
}

/** Loads each file into this process inside a suite named after its path from `root`; node's test runner then runs them. */
export function loadFiles(files: readonly string[], root: string): void {
  for (const file of files)
    describe(relative(root, file), () => {
      require(file);
    });
}

/** Loads one half of the test files into this process. */
export function loadHalf(half: 0 | 1): void {
  loadFiles(halves(testFiles(__dirname), (f) => statSync(f).size)[half], join(__dirname, ".."));
}
