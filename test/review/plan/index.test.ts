import assert from "node:assert/strict";
import { basename, join } from "node:path";
import { describe, test } from "node:test";
import { stackNameOf, summarizePlanFiles } from "../../../review/plan";
import { DataError, formatDiagnostic } from "../../../runtime/diagnostics";
import { planFile } from "../../support/plans";
import { REPO_ROOT } from "../../support/project";

/** The formatted diagnostics of summarizing `files` (relative paths, as a user would type them). */
function problems(...files: string[]): string[] {
  try {
    summarizePlanFiles(
      files.map((file) => ({ stack: basename(file, ".json"), file, path: join(REPO_ROOT, file) })),
    );
  } catch (error) {
    if (error instanceof DataError) return error.diagnostics.map(formatDiagnostic);
    throw error;
  }
  assert.fail("expected a DataError");
}

describe("plan input validation", () => {
  test("invalid JSON is reported with line and column", () => {
    assert.deepEqual(problems(planFile("bad", "invalid.json")), [
      `${planFile("bad", "invalid.json")}:4:21: (file): is not valid JSON (Expected double-quoted property name; expected JSON)`,
    ]);
  });

  test("a state file, or anything else, is not a plan", () => {
    assert.deepEqual(problems(planFile("bad", "state-not-plan.json")), [
      `${planFile("bad", "state-not-plan.json")}: (file): is not a Terraform plan (expected the output of terraform show -json <planfile>)`,
    ]);
  });

  test("an unknown major format version is refused", () => {
    assert.deepEqual(problems(planFile("bad", "future-format.json")), [
      `${planFile("bad", "future-format.json")}: (file): format_version is 2.0 (expected 1.x, the format of Terraform 1.x)`,
    ]);
  });

  test("a malformed plan gives one problem per file (the first), every bad file is reported", () => {
    assert.deepEqual(problems(planFile("bad", "malformed.json"), planFile("bad", "future-format.json")), [
      `${planFile("bad", "malformed.json")}: (file): resource_changes[0].change.actions is missing (expected a list of action names such as ["create"])`,
      `${planFile("bad", "future-format.json")}: (file): format_version is 2.0 (expected 1.x, the format of Terraform 1.x)`,
    ]);
  });

  test("the stack is named after the directory holding the plan, or the file in the current directory", () => {
    assert.equal(stackNameOf("plans/github/plan.json", "/w"), "github");
    assert.equal(stackNameOf("/tmp/x/digitalocean/plan.json", "/w"), "digitalocean");
    assert.equal(stackNameOf("fastly.json", "/w"), "fastly");
  });
});
