import assert from "node:assert/strict";
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { copyCheckout, REPO_ROOT, tempDir } from "../support/project";

/** A process id above Linux's largest (2^22): the owner of what it names is certainly gone. */
const GONE = 4_194_305;

/** Runs `node cli/launch.cjs <args>` in `dir` with `env` added. */
function launch(dir: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [join(dir, "cli", "launch.cjs"), ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
}

/** The cached bundle of `command` for checkout `dir`, and its record. */
function cached(dir: string, command: string): { bundle: string; record: string } {
  const cache = join(dir, "node_modules", ".cache", "void-infra");
  const prefix = `${command}-`;
  const record = readdirSync(cache)
    .filter((name) => name.startsWith(prefix) && name.endsWith(".json"))
    .map((name) => join(cache, name))
    .find((path) => JSON.parse(readFileSync(path, "utf8")).root === dir);
  assert.ok(record, `a record of ${command} for ${dir}`);
  return { bundle: record.replace(/\.json$/, ".cjs"), record };
}

/** A copy whose node_modules is a folder of its own (links to each package), so its cache is its own. */
function copyWithOwnNodeModules(): string {
  const dir = copyCheckout();
  const shared = realpathSync(join(dir, "node_modules"));
  const own = join(dir, "node_modules");
  unlinkSync(own);
  mkdirSync(own);
  for (const entry of readdirSync(shared))
    if (entry !== ".cache") symlinkSync(join(shared, entry), join(own, entry));
  return dir;
}

describe("the launcher runs a bundle it has verified", () => {
  test("a truncated or foreign bundle is rebuilt, never run", () => {
    const dir = copyCheckout();
    assert.match(launch(dir, ["validate"]).stdout, /^ok: /);
    const { bundle } = cached(dir, "validate");
    const text = readFileSync(bundle, "utf8");
    writeFileSync(bundle, text.slice(0, text.length / 2));
    const truncated = launch(dir, ["validate"]);
    assert.equal(truncated.status, 0, truncated.stderr);
    assert.match(truncated.stdout, /^ok: /);
    assert.equal(readFileSync(bundle, "utf8"), text, "rebuilt whole");

    writeFileSync(bundle, 'process.stdout.write("foreign code ran\\n");\n');
    const foreign = launch(dir, ["validate"]);
    assert.doesNotMatch(foreign.stdout, /foreign/);
    assert.match(foreign.stdout, /^ok: /);
  });

  test("a cache that cannot be written costs speed only: a private bundle, removed at exit, and an old one's removed", () => {
    const dir = copyWithOwnNodeModules();
    mkdirSync(join(dir, "node_modules", ".cache"));
    writeFileSync(join(dir, "node_modules", ".cache", "void-infra"), "a file where the cache folder goes\n");
    const tmp = tempDir("launcher-tmp-");
    const orphan = join(tmp, `void-infra-bundle-pid${GONE}-abcdef`);
    mkdirSync(orphan);
    const run = launch(dir, ["validate"], { TMPDIR: tmp });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^ok: /);
    assert.deepEqual(readdirSync(tmp), [], "neither its own bundle nor a killed run's is left");
  });

  test("staging a killed launcher left in the cache is removed by the next build", () => {
    const dir = copyWithOwnNodeModules();
    const cache = join(dir, "node_modules", ".cache", "void-infra");
    mkdirSync(join(cache, `.build-${GONE}`), { recursive: true });
    writeFileSync(join(cache, `validate-0123456789ab.cjs.tmp-pid${GONE}`), "half");
    const live = join(cache, `.build-${process.pid}`);
    mkdirSync(live);
    assert.equal(launch(dir, ["validate"]).status, 0);
    assert.deepEqual(
      readdirSync(cache).filter((name) => name.includes(String(GONE))),
      [],
      "a gone process's staging is removed",
    );
    assert.ok(existsSync(live), "a running process's staging stays");
  });

  test("NODE_OPTIONS=--enable-source-maps names the TypeScript line a stack throws from, in this checkout", () => {
    const dir = copyCheckout();
    const file = join(dir, "stacks", "github.ts");
    const lines = readFileSync(file, "utf8").split("\n");
    const at = lines.findIndex((line) => line.includes("super(scope, id);")) + 1;
    assert.ok(at > 0, "the github stack's constructor");
    lines.splice(at, 0, '    throw new Error("thrown from the github stack");');
    writeFileSync(file, lines.join("\n"));
    const run = launch(dir, ["synth"], { NODE_OPTIONS: "--enable-source-maps" });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^Error: thrown from the github stack$/m);
    const frame = run.stderr.split("\n").find((line) => line.includes("GithubStack"));
    assert.equal(frame?.trim(), `at new GithubStack (${join(dir, "stacks", "github.ts")}:${at + 1}:11)`);
  });

  test("sources that do not build: esbuild's errors at their lines, one line more, no stack trace", () => {
    const dir = copyCheckout();
    const file = join(dir, "app", "void.ts");
    writeFileSync(file, `import "./no-such-module";\n${readFileSync(file, "utf8")}`);
    const run = launch(dir, ["synth"]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /Could not resolve "\.\/no-such-module"/);
    assert.match(run.stderr, /app\/void\.ts:1:\d+/);
    assert.match(
      run.stderr,
      /^error: the synth command cannot be built from this checkout's sources \(1 error above\)$/m,
    );
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });

  test("uses no vm.Script and no private Node API", () => {
    const launcher = readFileSync(join(REPO_ROOT, "cli", "launch.cjs"), "utf8");
    assert.doesNotMatch(
      launcher,
      /node:vm|\bScript\b|Module\._|\._nodeModulePaths|process\.binding|internalBinding/,
    );
  });
});
