import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, test } from "node:test";
import { codeEntries, REPO_ROOT } from "../support/project";

/**
 * The folders of the product, bottom to top (README, Layout): each may import only from its own
 * folder and the ones below it. The layers are those of these folders that exist, so a folder
 * meant to go (`migration/`) can go without a word changed here.
 */
const ORDER = [
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
const LAYERS = ORDER.filter((folder) => existsSync(join(REPO_ROOT, folder)));

/** Packages that only one place may import: the runtime seam, so swapping runtimes is one file. */
const SEAM = new Set(["cdktf", "constructs"]);
const SEAM_FILE = "runtime/cdktf.ts";

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
}

function importsOf(file: string): Import[] {
  const text = readFileSync(join(REPO_ROOT, file), "utf8");
  return [
    ...text.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?\sfrom\s+"([^"]+)"|import\("([^"]+)"\)/gm),
  ].map((m) => ({
    file,
    specifier: m[3] ?? m[4] ?? "",
    typeOnly: m[2] !== undefined,
  }));
}

/**
 * Apps of other organizations: they see the library (runtime, bindings, constructs) and nothing of
 * Void, but for the one-file flow's loader (`inputs`, its index alone), which reads their people
 * as it reads Void's.
 */
const EXAMPLES = "examples";
const LIBRARY = ["runtime", "bindings", "constructs"];
const FLOW_LOADER = "inputs";

const layerOf = (path: string) => LAYERS.indexOf(path.split("/")[0] ?? "");
const FILES = [...LAYERS.flatMap(sources), ...sources(EXAMPLES), "main.ts"];
const IMPORTS = FILES.flatMap(importsOf);

describe("the folders import one way, bottom to top", () => {
  test("every folder of product code has its place in the order, and every layer holds code", () => {
    const folders = codeEntries().filter((entry) => !entry.includes("."));
    assert.deepEqual(
      folders.filter((folder) => !ORDER.includes(folder)),
      [],
      "a new folder of code needs its place in ORDER and in the README's Layout",
    );
    for (const layer of LAYERS) assert.ok(sources(layer).length > 0, layer);
  });

  test("no folder imports a folder above it", () => {
    const upward = IMPORTS.filter((i) => i.specifier.startsWith(".") && !i.file.startsWith(EXAMPLES)).flatMap(
      ({ file, specifier }) => {
        const target = normalize(join(dirname(file), specifier));
        const from = file === "main.ts" ? LAYERS.length : layerOf(file);
        const to = layerOf(relative(".", target));
        return to > from ? [`${file} imports ${specifier} (${LAYERS[to]} is above ${LAYERS[from]})`] : [];
      },
    );
    assert.deepEqual(upward, []);
  });

  test("examples import the library, and the flow's loader for their people, only", () => {
    const leaks = IMPORTS.filter((i) => i.file.startsWith(`${EXAMPLES}/`) && i.specifier.startsWith("."))
      .map(({ file, specifier }) => ({
        file,
        specifier,
        target: relative(".", normalize(join(dirname(file), specifier))),
      }))
      .filter(
        ({ target }) =>
          !target.startsWith(`${EXAMPLES}/`) &&
          !LIBRARY.includes(target.split("/")[0] ?? "") &&
          target !== FLOW_LOADER,
      )
      .map(({ file, specifier }) => `${file} imports ${specifier}`);
    assert.deepEqual(leaks, []);
  });

  test(`only ${SEAM_FILE} imports the CDK runtime packages`, () => {
    const leaks = IMPORTS.filter((i) => SEAM.has(i.specifier) && i.file !== SEAM_FILE).map(
      (i) => `${i.file} imports ${i.specifier}`,
    );
    assert.deepEqual(leaks, []);
  });

  test("prebuilt providers are used by constructs and stacks only", () => {
    const misplaced = IMPORTS.filter(
      (i) =>
        i.specifier.startsWith("@cdktf/provider-") &&
        !["constructs", "stacks", EXAMPLES].includes(i.file.split("/")[0] ?? ""),
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
