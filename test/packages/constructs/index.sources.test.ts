import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { describe, test } from "node:test";
import { loadEstate } from "../../../inputs/estate";
import { entryFiles } from "../../docs/construct-reference";
import { REPO_ROOT } from "../../support/project";

/** The construct library's package and sources, as this repository develops them. */
const LIBRARY_DIR = join(REPO_ROOT, "packages", "constructs");
const SRC = join(LIBRARY_DIR, "src");
const PACKAGE = JSON.parse(readFileSync(join(LIBRARY_DIR, "package.json"), "utf8")) as {
  name: string;
  exports: Record<string, string | { types: string; default: string }>;
  files: string[];
  sideEffects: boolean;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
  devDependencies: Record<string, string>;
};

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourcesUnder(path) : entry.name.endsWith(".ts") ? [path] : [];
  });
}

describe("the construct library's package", () => {
  test("exports one subpath per area of its sources, each built to dist/ with its declarations", () => {
    const entries = entryFiles();
    for (const [subpath, file] of entries) {
      assert.ok(existsSync(file), `${subpath}: ${file} exists`);
      const built = relative(SRC, file).replace(/\.ts$/, "");
      assert.deepEqual(PACKAGE.exports[`./${subpath}`], {
        types: `./dist/${built}.d.ts`,
        default: `./dist/${built}.js`,
      });
    }
    const areas = readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .flatMap((e) =>
        e.name === "bindings"
          ? readdirSync(join(SRC, e.name), { withFileTypes: true })
              .filter((b) => b.isDirectory())
              .map((b) => `bindings/${b.name}`)
          : [e.name],
      );
    assert.deepEqual(
      areas.filter((area) => !entries.has(area)),
      [],
      "every area of src/ has its subpath",
    );
  });

  test("ships the build only, declares no side effects, and needs the AWS and Google providers only when asked", () => {
    assert.deepEqual(PACKAGE.files, ["dist"]);
    assert.equal(PACKAGE.sideEffects, false);
    const optional = Object.keys(PACKAGE.peerDependenciesMeta).filter(
      (name) => PACKAGE.peerDependenciesMeta[name]?.optional,
    );
    assert.deepEqual(optional.sort(), ["@cdktf/provider-aws", "@cdktf/provider-google"]);
    // Every peer is also a development dependency, in the same range: the package's build compiles
    // against them, and npm ci --omit=dev then leaves the optional ones out. The repository's own
    // copies satisfy them, so npm installs none of them a second time for the package.
    assert.deepEqual(PACKAGE.devDependencies, PACKAGE.peerDependencies);
    const lock = JSON.parse(readFileSync(join(REPO_ROOT, "package-lock.json"), "utf8"));
    assert.deepEqual(
      Object.keys(lock.packages).filter((path) => path.startsWith("packages/constructs/node_modules/")),
      [],
    );
  });

  test("this checkout's tsconfig maps the package name to its sources, so nothing is built to develop", () => {
    const tsconfig = JSON.parse(readFileSync(join(REPO_ROOT, "tsconfig.json"), "utf8"));
    assert.deepEqual(tsconfig.compilerOptions.paths, {
      [`${PACKAGE.name}/*`]: [`./${relative(REPO_ROOT, SRC)}/*`],
    });
  });

  test("names nothing of Void: no organization, zone, team, repository, machine or person of its data", () => {
    const estate = loadEstate(REPO_ROOT);
    const people = readdirSync(join(REPO_ROOT, "maintainers"))
      .filter((file) => file.endsWith(".yaml"))
      .map((file) => basename(file, ".yaml"));
    const names = [
      estate.github.organization,
      estate.dns.zone,
      ...estate.dns.zone.split(".").slice(0, -1),
      ...estate.github.teams.map((team) => team.name),
      ...estate.github.repositories.map((repository) => repository.name),
      ...Object.keys(estate.hosts.machines),
      ...people,
    ];
    const literally = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const pattern = new RegExp(`(?<![\\w-])(?:${names.map(literally).join("|")})(?![\\w-])|\\bVoid\\b`, "i");
    const found = sourcesUnder(SRC).flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, index) => {
          // The TypeScript keyword `void` is no name of Void's.
          const match = pattern.exec(line.replace(/\bvoid\b/g, ""));
          return match ? [`${relative(REPO_ROOT, file)}:${index + 1}: ${match[0]}`] : [];
        }),
    );
    assert.deepEqual(found, []);
  });
});
