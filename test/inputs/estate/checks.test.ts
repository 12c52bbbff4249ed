import assert from "node:assert/strict";
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { ESTATE_CHECKS, readEstateFiles } from "../../../inputs/estate";
import { type Diagnostic, formatDiagnostic } from "../../../runtime/diagnostics";
import { REPO_ROOT, scratchProject } from "../../support/project";

const FIXTURES = join(REPO_ROOT, "test", "fixtures", "estate-checks");

interface CheckCase {
  readonly about: string;
  /** Text replacements in files of the adoption data: path → [from, to] pairs, each `from` present. */
  readonly edit?: Readonly<Record<string, readonly (readonly [string, string])[]>>;
  readonly expected: readonly string[];
}

/** The adoption data with the fixture laid over it, read through every file's schema. */
function filesOf(name: string) {
  const spec = JSON.parse(readFileSync(join(FIXTURES, name, "case.json"), "utf8")) as CheckCase;
  const dir = scratchProject();
  if (existsSync(join(FIXTURES, name, "project")))
    cpSync(join(FIXTURES, name, "project"), dir, { recursive: true });
  for (const [path, edits] of Object.entries(spec.edit ?? {})) {
    let text = readFileSync(join(dir, path), "utf8");
    for (const [from, to] of edits) {
      assert.ok(text.includes(from), `${name}: ${path} holds ${JSON.stringify(from)}`);
      text = text.replace(from, to);
    }
    writeFileSync(join(dir, path), text);
  }
  const problems: Diagnostic[] = [];
  const files = readEstateFiles(dir, problems);
  return { spec, files, problems };
}

describe("every rule across the estate's files fails on a fixture that breaks it, at the entry to fix", () => {
  test("the adoption data breaks no rule", () => {
    const problems: Diagnostic[] = [];
    const files = readEstateFiles(scratchProject(), problems);
    assert.deepEqual(problems.map(formatDiagnostic), []);
    for (const [name, check] of Object.entries(ESTATE_CHECKS))
      assert.deepEqual(check(files).map(formatDiagnostic), [], name);
  });

  test("every check has a fixture, and every fixture a check", () => {
    assert.deepEqual(
      readdirSync(FIXTURES)
        .filter((name) => existsSync(join(FIXTURES, name, "case.json")))
        .sort(),
      Object.keys(ESTATE_CHECKS).sort(),
    );
  });

  for (const [name, check] of Object.entries(ESTATE_CHECKS)) {
    test(name, () => {
      const { spec, files, problems } = filesOf(name);
      assert.deepEqual(problems.map(formatDiagnostic), [], "the fixture passes every file's schema");
      assert.ok(spec.expected.length > 0, "the fixture names what the check reports");
      assert.deepEqual(check(files).map(formatDiagnostic), spec.expected, spec.about);
    });
  }
});
