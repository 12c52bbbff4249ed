import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, test } from "node:test";
import { codeEntries, REPO_ROOT } from "../support/project";

/** The construct library: an npm package of this repository's workspace, imported by its name. */
const LIBRARY_DIR = "packages/constructs";
const LIBRARY_SRC = `${LIBRARY_DIR}/src`;
const LIBRARY = JSON.parse(readFileSync(join(REPO_ROOT, LIBRARY_DIR, "package.json"), "utf8")) as {
  name: string;
  exports: Record<string, unknown>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};

/**
 * The layers of the product, bottom to top (README, Layout): each may import only from itself and
 * the ones below it. A file belongs to the longest layer path that holds it, so the library's own
 * layers (its runtime seam, shared vocabulary, SSH keys, hand-written bindings, then every area of
 * constructs) sit below all of the repository's folders. The layers are those that exist, so a
 * folder meant to go (`migration/`) can go without a word changed here.
 */
const ORDER = [
  `${LIBRARY_SRC}/cdktf`,
  `${LIBRARY_SRC}/core`,
  `${LIBRARY_SRC}/ssh-key`,
  `${LIBRARY_SRC}/bindings`,
  LIBRARY_SRC,
  "runtime",
  "estate",
  "inputs",
  "workflow-lint",
  "review",
  "stacks",
  "migration",
  "app",
  "cli",
];
const LAYERS = ORDER.filter((folder) => existsSync(join(REPO_ROOT, folder)));

/** Packages that only one file may import: the runtime seam, so swapping runtimes is one file. */
const SEAM = new Set(["cdktf", "constructs"]);
const SEAM_FILE = `${LIBRARY_SRC}/cdktf/index.ts`;

function sources(dir: string): string[] {
  return readdirSync(join(REPO_ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

interface Import {
  readonly file: string;
  readonly specifier: string;
  readonly typeOnly: boolean;
  /** The file or folder in this repository it names, relative to the root; undefined for a package of node_modules. */
  readonly target: string | undefined;
}

/** Where a specifier of `file` leads in this repository: a relative path, or the library by its name. */
function targetOf(file: string, specifier: string): string | undefined {
  if (specifier.startsWith(".")) return relative(".", normalize(join(dirname(file), specifier)));
  if (specifier.startsWith(`${LIBRARY.name}/`))
    return `${LIBRARY_SRC}/${specifier.slice(LIBRARY.name.length + 1)}`;
  return undefined;
}

function importsOf(file: string): Import[] {
  const text = readFileSync(join(REPO_ROOT, file), "utf8");
  return [
    ...text.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?\sfrom\s+"([^"]+)"|import\("([^"]+)"\)/gm),
  ].map((m) => {
    const specifier = m[3] ?? m[4] ?? "";
    return { file, specifier, typeOnly: m[2] !== undefined, target: targetOf(file, specifier) };
  });
}

/**
 * Apps of other organizations: they see the library, by its package name, and nothing of Void but
 * the one-file flow's loader (`inputs`, its index alone), which reads their people as it reads Void's.
 */
const EXAMPLES = "examples";
const FLOW_LOADER = "inputs";

/** The layer holding `path`: the longest layer path it lies under; -1 for none. */
function layerOf(path: string): number {
  let found = -1;
  LAYERS.forEach((layer, index) => {
    if ((path === layer || path.startsWith(`${layer}/`)) && layer.length > (LAYERS[found]?.length ?? -1))
      found = index;
  });
  return found;
}
const inLibrary = (path: string) => path === LIBRARY_SRC || path.startsWith(`${LIBRARY_SRC}/`);
/** The package a bare specifier names: `@scope/name` or `name`, without a subpath. */
const packageName = (specifier: string) =>
  specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");

const FILES = [...LAYERS.flatMap(sources), ...sources(EXAMPLES), "main.ts"];
const IMPORTS = FILES.flatMap(importsOf);

describe("the folders import one way, bottom to top", () => {
  test("every folder of product code has its place in the order, and every layer holds code", () => {
    const folders = codeEntries().filter((entry) => !entry.includes("."));
    const placed = new Set(ORDER.map((layer) => layer.split("/")[0]));
    assert.deepEqual(
      folders.filter((folder) => !placed.has(folder)),
      [],
      "a new folder of code needs its place in ORDER and in the README's Layout",
    );
    for (const layer of LAYERS) assert.ok(sources(layer).length > 0, layer);
  });

  test("no folder imports a folder above it", () => {
    const upward = IMPORTS.filter((i) => i.target !== undefined && !i.file.startsWith(EXAMPLES)).flatMap(
      ({ file, specifier, target = "" }) => {
        const from = file === "main.ts" ? LAYERS.length : layerOf(file);
        const to = layerOf(target);
        return to > from ? [`${file} imports ${specifier} (${LAYERS[to]} is above ${LAYERS[from]})`] : [];
      },
    );
    assert.deepEqual(upward, []);
  });

  test("the library stands alone: relative imports inside it, node's modules and its declared packages", () => {
    const declared = new Set([
      ...Object.keys(LIBRARY.dependencies ?? {}),
      ...Object.keys(LIBRARY.peerDependencies ?? {}),
    ]);
    const outside = IMPORTS.filter((i) => inLibrary(i.file))
      .filter((i) =>
        i.specifier.startsWith(".")
          ? !inLibrary(i.target ?? "")
          : !i.specifier.startsWith("node:") && !declared.has(packageName(i.specifier)),
      )
      .map((i) => `${i.file} imports ${i.specifier}`);
    assert.deepEqual(outside, []);
  });

  test("the repository imports the library by its name, and only subpaths its package exports", () => {
    const exported = new Set(Object.keys(LIBRARY.exports).map((key) => `${LIBRARY.name}${key.slice(1)}`));
    const wrong = IMPORTS.filter((i) => !inLibrary(i.file))
      .filter((i) =>
        i.specifier.startsWith(".")
          ? inLibrary(i.target ?? "")
          : packageName(i.specifier) === LIBRARY.name && !exported.has(i.specifier),
      )
      .map((i) => `${i.file} imports ${i.specifier}`);
    assert.deepEqual(wrong, []);
  });

  test("examples import the library by its package name, and of this repository the flow's loader only", () => {
    const leaks = IMPORTS.filter((i) => i.file.startsWith(`${EXAMPLES}/`) && i.specifier.startsWith("."))
      .filter((i) => !(i.target ?? "").startsWith(`${EXAMPLES}/`) && i.target !== FLOW_LOADER)
      .map(({ file, specifier }) => `${file} imports ${specifier}`);
    assert.deepEqual(leaks, []);
  });

  test(`only ${SEAM_FILE} imports the CDK runtime packages`, () => {
    const leaks = IMPORTS.filter((i) => SEAM.has(i.specifier) && i.file !== SEAM_FILE).map(
      (i) => `${i.file} imports ${i.specifier}`,
    );
    assert.deepEqual(leaks, []);
  });

  test("prebuilt providers are used by the library, the stacks and the examples only", () => {
    const misplaced = IMPORTS.filter(
      (i) =>
        i.specifier.startsWith("@cdktf/provider-") &&
        !inLibrary(i.file) &&
        !["stacks", EXAMPLES].includes(i.file.split("/")[0] ?? ""),
    ).map((i) => `${i.file} imports ${i.specifier}`);
    assert.deepEqual(misplaced, []);
  });

  test("the estate is inert data: types from below, literals, no logic", () => {
    const problems = sources("estate").flatMap((file) => {
      const code = readFileSync(join(REPO_ROOT, file), "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/\/\/.*$/gm, "");
      const found: string[] = [];
      for (const i of importsOf(file))
        if (!i.typeOnly && !i.specifier.startsWith("./")) found.push(`imports values from ${i.specifier}`);
      if (/\bfunction\b|=>|\.(map|filter|flatMap|reduce|join|replace)\(|\bnew\s/.test(code))
        found.push("holds logic");
      return found.map((f) => `${file} ${f}`);
    });
    assert.deepEqual(problems, []);
  });
});
