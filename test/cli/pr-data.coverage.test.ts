import assert from "node:assert/strict";
import fs, { writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, mock, test } from "node:test";
import fc from "fast-check";
import { pathKind } from "../../cli/pr-data";
import { validate } from "../../cli/validate";
import { type DataPaths, dataPaths } from "../../inputs/data-files";
import { ESTATE_FILES, ORGANIZATION_FILE } from "../../inputs/files";
import { readDefinition } from "../../inputs/organization";
import { describeSize } from "../../runtime/input-file";
import { acmeCheckout } from "../support/acme";
import { run, scratchProject } from "../support/project";

/**
 * `pr-data` takes what the loaders read, no less: a pull request changing any file `npm run
 * validate` reads (what plan-pr.yml runs on the data before synthesis) is planned before it merges,
 * within the same size limit. Both read the organization's definition and inputs/files.ts; these
 * tests hold them to it by watching the loaders at work, so a loader that starts reading a file of
 * its own fails here. The definition itself is read but is code to `pr-data`: a pull request that
 * changes it is planned after it merges.
 */

/** The data paths of the checkout at `root`, as `pr-data` reads them from its definition. */
function dataOf(root: string): DataPaths {
  const definition = readDefinition(root, []);
  assert.ok(definition, `${root} has a sound organization.yaml`);
  return dataPaths(definition);
}

/** Every path under `root` that `validate` opens or lists there, relative to it. */
async function readByValidate(root: string): Promise<{ files: Set<string>; directories: Set<string> }> {
  const inRoot = (path: unknown) => {
    const rel = relative(root, String(path));
    return rel.startsWith("..") ? [] : [rel];
  };
  const opened = mock.method(fs, "openSync");
  const read = mock.method(fs, "readFileSync");
  const listed = mock.method(fs, "readdirSync");
  try {
    const result = await run(validate, root);
    assert.equal(result.status, 0, result.stderr);
  } finally {
    opened.mock.restore();
    read.mock.restore();
    listed.mock.restore();
  }
  const paths = (calls: { arguments: unknown[] }[]) => calls.flatMap((c) => inRoot(c.arguments[0]));
  return {
    files: new Set([...paths(opened.mock.calls), ...paths(read.mock.calls)]),
    directories: new Set(paths(listed.mock.calls)),
  };
}

describe("pr-data takes every file a loader reads", () => {
  test("each file validate reads is a data file pr-data takes, and each directory it lists is a data directory", async () => {
    // Void's checkout, with every data set, and Acme's, with people alone.
    for (const root of [scratchProject(), acmeCheckout()]) {
      writeFileSync(join(root, "OVERRIDES.yaml"), 'allow_mass_removal: "a reason, https://example.org/1"\n');
      const data = dataOf(root);
      const { files, directories } = await readByValidate(root);
      assert.ok(files.size > data.files.size, "the loaders were watched");
      for (const file of files)
        assert.equal(pathKind(file, data).kind, file === ORGANIZATION_FILE ? "code" : "data", file);
      for (const file of data.files.keys()) assert.ok(files.has(file), `${file} is read`);
      assert.deepEqual([...directories].sort(), data.directories.map(({ dir }) => dir).sort());
    }
  });

  test("each loader's size limit is the one pr-data holds the file to", async () => {
    // One file of each definition, a byte over pr-data's limit: the loader refuses it at that limit.
    // The people's files are read only when estate/github.yaml loads, and the override file only
    // when all the others do: those two go alone.
    const data = dataOf(scratchProject());
    const all = new Map<string, number>([
      ...data.files,
      ...data.directories.map(({ dir, maxBytes }): [string, number] => [`${dir}/zz.yaml`, maxBytes]),
    ]);
    const alone = [ESTATE_FILES.github, "OVERRIDES.yaml"];
    for (const group of [
      ...alone.map((path) => [path]),
      [...all.keys()].filter((path) => !alone.includes(path)),
    ]) {
      const root = scratchProject();
      for (const path of group) writeFileSync(join(root, path), `#${"x".repeat(all.get(path) ?? 0)}\n`);
      const result = await run(validate, root);
      const limits = new Map(
        [
          ...result.stderr.matchAll(/^(\S+): \(file\): is \d+ [KM]iB \(expected at most (\d+ [KM]iB)\)$/gm),
        ].map((m) => [m[1], m[2]]),
      );
      for (const path of group) {
        const kind = pathKind(path, data);
        assert.equal(kind.kind === "data" && kind.maxBytes, all.get(path), path);
        assert.equal(limits.get(path), describeSize(all.get(path) ?? 0), `${path}: the loader's limit`);
      }
    }
  });

  test("a name in a data directory is taken exactly when its loader reads it (fast-check)", () => {
    const data = dataOf(scratchProject());
    const names = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9._-]{1,12}\.yaml$/),
      fc.string({ maxLength: 16 }),
      fc.constantFrom(".yaml", "..yaml", "...yaml", "schema.json", "a.yml", "a.yaml/b.yaml", "-a.yaml"),
    );
    fc.assert(
      fc.property(fc.constantFrom(...data.directories), names, (directory, name) => {
        const kind = pathKind(`${directory.dir}/${name}`, data).kind;
        if (directory.ignore?.has(name)) return kind === "ignored";
        return (kind === "data") === directory.fileName.test(name) && kind !== "code";
      }),
    );
  });
});
