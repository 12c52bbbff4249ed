import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, test } from "node:test";
import { CORPUS_DIR } from "../hostile/corpus";
import { REPO_ROOT } from "../support/project";

const FIXTURES = join(REPO_ROOT, "test", "fixtures");
const CORPUS = `${relative(REPO_ROOT, CORPUS_DIR)}/`;

/** Every file under `dir`, by path from the repository root. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() ? [relative(REPO_ROOT, path)] : [];
  });
}

/**
 * The groups of fixture files that hold the same bytes. A hostile case is one self-contained
 * folder whose attack is a file's name or place (an empty file, a placeholder, a valid file under
 * a wrong name), so cases may repeat such contents among themselves; anything else, a case's file
 * included, is stored once and read from there (a workflow probe is also a case's workflow).
 */
function storedTwice(files: readonly { path: string; digest: string }[]): string[][] {
  const byDigest = new Map<string, string[]>();
  for (const { path, digest } of files) byDigest.set(digest, [...(byDigest.get(digest) ?? []), path]);
  return [...byDigest.values()].filter(
    (paths) => paths.length > 1 && !paths.every((path) => path.startsWith(CORPUS)),
  );
}

describe("a fixture is stored once", () => {
  test("no two files under test/fixtures/ hold the same bytes, but for hostile cases among themselves", () => {
    const files = filesUnder(FIXTURES).map((path) => ({
      path,
      digest: createHash("sha256")
        .update(readFileSync(join(REPO_ROOT, path)))
        .digest("hex"),
    }));
    assert.ok(files.length > 100, "the fixtures are read");
    assert.deepEqual(storedTwice(files), []);
  });

  test("the rule sees a copy, also of a probe as a case's workflow, and lets cases repeat a placeholder", () => {
    const probe = "test/fixtures/workflows/probes/secretsScoped/inherit.yml";
    const caseWorkflow = `${CORPUS}workflow-secrets-inherit/project/.github/workflows/secrets-inherit.yml`;
    assert.deepEqual(
      storedTwice([
        { path: probe, digest: "w" },
        { path: caseWorkflow, digest: "w" },
        { path: "test/fixtures/plan/configs/quiet/before/main.tf", digest: "q" },
        { path: "test/fixtures/plan/configs/quiet/after/main.tf", digest: "q" },
        { path: `${CORPUS}plan-empty-file/project/plan.json`, digest: "e" },
        { path: `${CORPUS}maintainer-empty-file/project/maintainers/mallory.yaml`, digest: "e" },
        { path: "test/fixtures/plan/real/demo/plan.json", digest: "d" },
      ]),
      [
        [probe, caseWorkflow],
        ["test/fixtures/plan/configs/quiet/before/main.tf", "test/fixtures/plan/configs/quiet/after/main.tf"],
      ],
    );
  });
});
