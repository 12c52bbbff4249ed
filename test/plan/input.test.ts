import assert from "node:assert/strict";
import { basename, join, relative } from "node:path";
import { describe, test } from "node:test";
import { planSummary } from "../../cli/plan-summary";
import { stackNameOf, summarizePlanFiles } from "../../review/plan";
import { DataError, formatDiagnostic } from "../../runtime/diagnostics";
import { REPO_ROOT, run } from "../support/project";

const FIXTURES = join(REPO_ROOT, "test", "fixtures", "plan");
const rel = (...parts: string[]) => relative(REPO_ROOT, join(FIXTURES, ...parts));

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
    assert.deepEqual(problems(rel("bad", "invalid.json")), [
      `${rel("bad", "invalid.json")}:4:21: (file): is not valid JSON: Expected double-quoted property name (expected the output of terraform show -json)`,
    ]);
  });

  test("a state file, or anything else, is not a plan", () => {
    assert.deepEqual(problems(rel("bad", "state-not-plan.json")), [
      `${rel("bad", "state-not-plan.json")}: (file): is not a Terraform plan (expected the output of terraform show -json <planfile>)`,
    ]);
  });

  test("an unknown major format version is refused", () => {
    assert.deepEqual(problems(rel("bad", "future-format.json")), [
      `${rel("bad", "future-format.json")}: format_version: is 2.0 (expected 1.x, the format of Terraform 1.x)`,
    ]);
  });

  test("malformed resource changes are all reported, across files", () => {
    assert.deepEqual(problems(rel("bad", "malformed.json"), rel("bad", "future-format.json")), [
      `${rel("bad", "malformed.json")}: resource_changes[0].change.actions: is missing for terraform_data.a (expected a list of actions)`,
      `${rel("bad", "malformed.json")}: resource_changes[1]: has no address (expected a resource change object)`,
      `${rel("bad", "future-format.json")}: format_version: is 2.0 (expected 1.x, the format of Terraform 1.x)`,
    ]);
  });

  test("the stack is named after the directory holding the plan, or the file in the current directory", () => {
    assert.equal(stackNameOf("plans/github/plan.json", "/w"), "github");
    assert.equal(stackNameOf("/tmp/x/digitalocean/plan.json", "/w"), "digitalocean");
    assert.equal(stackNameOf("fastly.json", "/w"), "fastly");
  });
});

describe("plan-summary CLI", () => {
  const summary = (...args: string[]) => run(planSummary, REPO_ROOT, args);

  test("renders Markdown for plans named by directory and by --stack", async () => {
    const result = await summary(
      rel("real", "quiet", "plan.json"),
      "--stack",
      `dns=${rel("hand", "digitalocean", "plan.json")}`,
    );
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^## Terraform plan summary\n/);
    assert.match(result.stdout, /\| ⚠️ `dns` \| 1 \| 1 \| 1 \| 1 \|\n\| `quiet` \| 0 \| 0 \| 0 \| 0 \|/);
  });

  test("--format json prints the machine-readable summary", async () => {
    const result = await summary("--format", "json", rel("real", "demo", "plan.json"));
    assert.equal(result.status, 0, result.stderr);
    const parsed = JSON.parse(result.stdout);
    assert.equal(parsed.stacks[0].stack, "demo");
    assert.equal(parsed.destructive, true);
  });

  test("usage errors exit 1 with one line and no stack trace", async () => {
    const cases: [string[], string][] = [
      [[], "error: no plan files given (usage: npm run plan-summary -- <plan.json>...)\n"],
      [
        ["--format", "yaml", "x.json"],
        "error: option '--format <format>' argument 'yaml' is invalid. Allowed choices are markdown, json.\n",
      ],
      [
        ["--stack", "oops"],
        "error: option '--stack <name=file>' argument 'oops' is invalid. expected <name>=<file>, e.g. github=plans/github.json\n",
      ],
      [["missing/plan.json"], "error: cannot read missing/plan.json: ENOENT\n"],
      [
        [rel("real", "demo", "plan.json"), "--stack", `demo=${rel("real", "quiet", "plan.json")}`],
        `error: stack demo is given twice (${rel("real", "demo", "plan.json")} and ${rel("real", "quiet", "plan.json")}); name one with --stack <name>=<file>\n`,
      ],
    ];
    for (const [args, stderr] of cases) {
      const result = await summary(...args);
      assert.equal(result.status, 1, args.join(" "));
      assert.equal(result.stderr, stderr, args.join(" "));
    }
  });

  test("bad plan data exits 1 with file:line:col diagnostics", async () => {
    const result = await summary(rel("bad", "invalid.json"));
    assert.equal(result.status, 1);
    assert.match(
      result.stderr,
      /^test\/fixtures\/plan\/bad\/invalid\.json:4:21: \(file\): is not valid JSON: /,
    );
    assert.match(result.stderr, /1 problem found; nothing was written\.\n$/);
  });
});
