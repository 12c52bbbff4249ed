import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, test } from "node:test";
import ts from "typescript";
import { halves, testFiles } from "../suite";
import { REPO_ROOT, tempDir } from "../support/project";

const HOOKS = new Set(["before", "after", "beforeEach", "afterEach"]);

/** Hooks called at the top level of a file (`before(...)`, `test.after(...)`), by line. */
function rootLevelHooks(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  return source.statements.flatMap((statement) => {
    if (!ts.isExpressionStatement(statement) || !ts.isCallExpression(statement.expression)) return [];
    const callee = statement.expression.expression;
    const name = ts.isIdentifier(callee)
      ? callee.text
      : ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : "";
    if (!HOOKS.has(name)) return [];
    return [`${file}:${source.getLineAndCharacterOfPosition(statement.getStart()).line + 1}: ${name}()`];
  });
}

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

  test("npm test starts both halves, and its --help prints usage and runs nothing", () => {
    const script = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")).scripts.test;
    assert.equal(script, "node --import tsx test/run.ts");
    assert.match(
      readFileSync(join(REPO_ROOT, "test", "run.ts"), "utf8"),
      /"suite-a\.ts"\), join\(__dirname, "suite-b\.ts"\)/,
    );
    const loads = (file: string) =>
      readFileSync(join(REPO_ROOT, "test", file), "utf8").match(/loadHalf\((\d)\)/)?.[1];
    assert.deepEqual([loads("suite-a.ts"), loads("suite-b.ts")], ["0", "1"]);
    const help = spawnSync(
      process.execPath,
      ["--import", "tsx", join(REPO_ROOT, "test", "run.ts"), "--help"],
      {
        encoding: "utf8",
      },
    );
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /^Usage: npm test /);
    assert.doesNotMatch(help.stdout, /^# tests/m, "no test ran");
  });
});

describe("npm test draws every property test's inputs from one seed", () => {
  const seedsSeen = (fcSeed: string | undefined) => {
    const dir = tempDir("seed-");
    const probe = join(dir, "probe.test.cjs");
    writeFileSync(
      probe,
      `const fc = require(${JSON.stringify(require.resolve("fast-check"))});\n` +
        `require("node:test").test("seed", () => console.log("seed=" + fc.readConfigureGlobal().seed));\n`,
    );
    // Without NODE_TEST_CONTEXT, which would make the inner runner report to this one.
    const { NODE_TEST_CONTEXT: _, FC_SEED: __, ...env } = process.env;
    const run = spawnSync(process.execPath, ["--import", "tsx", join(REPO_ROOT, "test", "run.ts"), probe], {
      encoding: "utf8",
      env: fcSeed === undefined ? env : { ...env, FC_SEED: fcSeed },
    });
    return { status: run.status, seed: run.stdout.match(/seed=(\S+)/)?.[1], stderr: run.stderr };
  };

  test("a fixed one by default, the one FC_SEED names, or a fresh one with FC_SEED=random", () => {
    const fixed = seedsSeen(undefined);
    assert.equal(fixed.status, 0, fixed.stderr);
    assert.match(fixed.seed ?? "", /^-?\d+$/);
    assert.equal(seedsSeen(undefined).seed, fixed.seed);
    assert.equal(seedsSeen("-293542022").seed, "-293542022");
    assert.equal(seedsSeen("random").seed, "undefined");
  });

  test("an FC_SEED that is no integer is refused in one line, and nothing runs", () => {
    const bad = seedsSeen("12abc");
    assert.equal(bad.status, 2);
    assert.equal(bad.stderr, "error: FC_SEED=12abc (expected an integer, or random)\n");
    assert.equal(bad.seed, undefined);
  });
});

describe("a busy machine fails no test", () => {
  // Wall time and memory depend on what else runs; processor time (process.cpuUsage, ulimit -t)
  // does not, and a generous bound on it only catches a hang. Figures belong to npm run bench.
  const CLOCKS =
    /\b(performance\.now|Date\.now|process\.hrtime|resourceUsage|memoryUsage|maxRSS)\b|\btimeout\s*:/;

  test("no test file reads a wall clock or a memory meter, or sets a timeout", () => {
    // This file names the clocks to forbid them.
    const others = testFiles(join(REPO_ROOT, "test")).filter((file) => file !== __filename);
    const readers = others.flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, i) =>
          CLOCKS.test(line) ? [`${relative(REPO_ROOT, file)}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    assert.deepEqual(readers, []);
  });

  test("the rule sees each clock", () => {
    for (const line of [
      "const t = performance.now();",
      "Date.now() + 5",
      "{ timeout: 180_000 }",
      "process.resourceUsage().maxRSS",
    ])
      assert.match(line, CLOCKS, line);
    assert.doesNotMatch("process.cpuUsage(before)", CLOCKS);
  });
});

describe("a failing file fails alone", () => {
  test("no test file has a hook at its top level: each file's setup lives in its own describe", () => {
    const files = testFiles(join(REPO_ROOT, "test"));
    const hooks = files.flatMap((file) =>
      rootLevelHooks(relative(REPO_ROOT, file), readFileSync(file, "utf8")),
    );
    assert.deepEqual(hooks, []);
  });

  test("the rule sees a root-level hook, however it is called, and nothing nested", () => {
    const probe = [
      'import { before, describe, test } from "node:test";',
      "before(() => {});",
      "test.afterEach(() => {});",
      'describe("x", () => { before(() => {}); });',
    ].join("\n");
    assert.deepEqual(rootLevelHooks("probe.ts", probe), ["probe.ts:2: before()", "probe.ts:3: afterEach()"]);
  });

  test("in a shared process, a file whose top-level before() throws fails its own tests, not another file's", () => {
    const dir = tempDir("suite-isolation-");
    writeFileSync(
      join(dir, "broken.test.ts"),
      'import { before, test } from "node:test";\nbefore(() => { throw new Error("setup failed"); });\ntest("depends on the setup", () => {});\n',
    );
    writeFileSync(
      join(dir, "sound.test.ts"),
      'import { test } from "node:test";\ntest("stands on its own", () => {});\n',
    );
    writeFileSync(
      join(dir, "half.ts"),
      `import { loadFiles } from ${JSON.stringify(join(REPO_ROOT, "test", "suite.ts"))};\n` +
        `loadFiles([${["broken", "sound"].map((f) => JSON.stringify(join(dir, `${f}.test.ts`))).join(", ")}], ${JSON.stringify(dir)});\n`,
    );
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "--test", "--test-reporter=tap", join(dir, "half.ts")],
      // Its own run, not a subtest of this one (node marks the runs it starts with NODE_TEST_CONTEXT).
      { cwd: REPO_ROOT, encoding: "utf8", env: { ...process.env, NODE_TEST_CONTEXT: undefined } },
    );
    assert.notEqual(run.status, 0, "the broken file fails the run");
    assert.match(run.stdout, /^ {4}ok \d+ - stands on its own$/m);
    assert.match(run.stdout, /^ {4}not ok \d+ - depends on the setup$/m);
    assert.match(run.stdout, /^# pass 1$/m);
  });
});
