import assert from "node:assert/strict";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, test } from "node:test";
import { REPO_ROOT } from "../support/project";

/**
 * test/ mirrors the source (test/README.md): test/<folder>/<path>.test.ts tests <folder>/<path>.ts
 * (or .cjs, or the folder <folder>/<path>/), and test/<folder>/<path>.<aspect>.test.ts one aspect
 * of it. These folders hold what no one source file owns.
 */
const CROSS_CUTTING = new Set([
  "architecture", // rules over the code and the tests themselves
  "docs", // the README and docs/ cite only what exists, and their examples work
  "hostile", // the hostile corpus: every bad input through the real commands
  "rules", // rules over the live data and what it synthesizes
  "workflows", // the workflows and scripts of .github/, run as GitHub runs them
  "support", // helpers the tests share
  "fixtures", // frozen inputs, each stored once
  "__snapshots__", // approved synth output
]);

const CODE = /\.(ts|cjs)$/;

/** Every file under `dir`, by path from the repository root. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [relative(REPO_ROOT, path)];
  });
}

const holdsCode = (dir: string): boolean =>
  readdirSync(dir, { withFileTypes: true }).some((entry) =>
    entry.isDirectory() ? holdsCode(join(dir, entry.name)) : CODE.test(entry.name),
  );

/** A top-level folder of the repository that holds code, which test/ may mirror. */
function isCodeFolder(name: string): boolean {
  const dir = join(REPO_ROOT, name);
  return !name.startsWith(".") && name !== "test" && existsSync(dir) && holdsCode(dir);
}

/** A source file (`<path>.ts`, `<path>.cjs`) or folder of the repository. */
function isSource(path: string): boolean {
  const at = join(REPO_ROOT, path);
  return (
    existsSync(`${at}.ts`) ||
    existsSync(`${at}.cjs`) ||
    statSync(at, { throwIfNoEntry: false })?.isDirectory() === true
  );
}

/**
 * The source a test path names: `<folder>/<path>`, where a workspace package's tests mirror its
 * sources (test/packages/<name>/<path> tests packages/<name>/src/<path>), and `index` names the
 * folder it stands in when the folder has no index file (the package as a whole).
 */
function sourcePathOf(segments: readonly string[]): string {
  const [folder, pkg, ...rest] = segments;
  const path = folder === "packages" && pkg !== undefined ? [folder, pkg, "src", ...rest] : [...segments];
  const joined = path.join("/");
  return path.at(-1) === "index" && !isSource(joined) ? path.slice(0, -1).join("/") : joined;
}

/**
 * What breaks the mirror among `files` (paths from the repository root, all under test/): a folder
 * of test/ that mirrors no code folder and is not cross-cutting, a file of a mirror that is not a
 * test, and a test that names no source file or folder (a stale path after a move or a deletion).
 */
function mirrorProblems(
  files: readonly string[],
  codeFolder: (name: string) => boolean,
  source: (path: string) => boolean,
): string[] {
  const strays = new Set<string>();
  const problems = files.flatMap((file) => {
    const [, folder, ...rest] = file.split("/");
    if (folder === undefined || rest.length === 0 || CROSS_CUTTING.has(folder)) return [];
    if (!codeFolder(folder)) {
      strays.add(folder);
      return [];
    }
    if (!file.endsWith(".test.ts"))
      return [`${file}: is not a test file (expected <path>.test.ts; helpers go to test/support/)`];
    const dir = rest.slice(0, -1);
    const name = (rest.at(-1) ?? "").split(".")[0];
    const tested = sourcePathOf([folder, ...dir, name]);
    return source(tested)
      ? []
      : [
          `${file}: tests ${tested}, which does not exist (expected a file ${tested}.ts or a folder ${tested}/)`,
        ];
  });
  return [
    ...[...strays].map(
      (folder) =>
        `test/${folder}/: mirrors no folder of code and is not a cross-cutting folder (expected one of ${[...CROSS_CUTTING].join(", ")}, or the name of a folder it tests)`,
    ),
    ...problems,
  ];
}

describe("test/ mirrors the source: test/<folder>/<path>.test.ts tests <folder>/<path>.ts", () => {
  test("every test file of a mirror names a source file or folder that exists", () => {
    const files = filesUnder(join(REPO_ROOT, "test")).filter((file) => !file.startsWith("test/fixtures/"));
    assert.ok(
      files.some((file) => file.startsWith("test/cli/")),
      "the mirrors are read",
    );
    assert.deepEqual(mirrorProblems(files, isCodeFolder, isSource), []);
  });

  test("every cross-cutting folder exists: the list names no folder that is gone", () => {
    const gone = [...CROSS_CUTTING].filter((folder) => !existsSync(join(REPO_ROOT, "test", folder)));
    assert.deepEqual(gone, []);
  });

  test("the rule sees a stale path, a stray folder and a helper in a mirror, and lets aspects and folders pass", () => {
    const sources = new Set(["cli/synth", "cli/launch", "constructs/nomad", "examples/acme"]);
    const problems = mirrorProblems(
      [
        "test/cli/synth.test.ts",
        "test/cli/launch.entry-point.test.ts",
        "test/constructs/nomad/index.test.ts",
        "test/examples/acme.test.ts",
        "test/rules/secret-scan.test.ts",
        "test/run.ts",
        "test/cli/gone.test.ts",
        "test/cli/helper.ts",
        "test/lib/backend.test.ts",
      ],
      (name) => ["cli", "constructs", "examples"].includes(name),
      (path) => sources.has(path) || path === "constructs/nomad/index",
    );
    assert.deepEqual(problems, [
      "test/lib/: mirrors no folder of code and is not a cross-cutting folder (expected one of architecture, docs, hostile, rules, workflows, support, fixtures, __snapshots__, or the name of a folder it tests)",
      "test/cli/gone.test.ts: tests cli/gone, which does not exist (expected a file cli/gone.ts or a folder cli/gone/)",
      "test/cli/helper.ts: is not a test file (expected <path>.test.ts; helpers go to test/support/)",
    ]);
  });
});
