import assert from "node:assert/strict";
import { symlinkSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, test } from "node:test";
import { planSummary } from "../../cli/plan-summary";
import { planFile } from "../support/plans";
import { ADOPTION_ROOT, REPO_ROOT, run, scratchProject, tempDir } from "../support/project";

describe("plan-summary CLI", () => {
  const summary = (...args: string[]) => run(planSummary, REPO_ROOT, args);

  test("renders Markdown for plans named by directory and by --stack", async () => {
    const result = await summary(
      planFile("real", "quiet", "plan.json"),
      "--stack",
      `dns=${planFile("hand", "digitalocean", "plan.json")}`,
    );
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^## Terraform plan summary\n/);
    assert.match(result.stdout, /\| ⚠️ `dns` \| 1 \| 1 \| 1 \| 1 \|\n\| `quiet` \| 0 \| 0 \| 0 \| 0 \|/);
  });

  test("--format json prints the machine-readable summary", async () => {
    const result = await summary("--format", "json", planFile("real", "demo", "plan.json"));
    assert.equal(result.status, 0, result.stderr);
    const parsed = JSON.parse(result.stdout);
    assert.equal(parsed.stacks[0].stack, "demo");
    assert.equal(parsed.destructive, true);
  });

  test("--format comment prints the plan comment's Markdown (without the bot's header and footer)", async () => {
    const quiet = await summary("--format", "comment", planFile("real", "quiet", "plan.json"));
    assert.equal(quiet.stdout, "No changes in any stack.\n");
    const result = await summary("--format", "comment", planFile("real", "delete", "plan.json"));
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^\| Stack \| Delete \| Replace \| Create \| Update \|\n/);
    assert.match(result.stdout, /\n> \[!CAUTION\]\n> ⚠️ \*\*3 to delete\*\*\n/);
  });

  test("usage errors exit 1 with one line and no stack trace", async () => {
    const cases: [string[], string][] = [
      [[], "error: no plan files given (usage: npm run plan-summary -- <plan.json>...)\n"],
      [
        ["--format", "yaml", "x.json"],
        "error: option '--format <format>' argument 'yaml' is invalid. Allowed choices are markdown, json, comment.\n",
      ],
      [
        ["--stack", "oops"],
        "error: option '--stack <name=file>' argument 'oops' is invalid. expected <name>=<file>, e.g. github=plans/github.json\n",
      ],
      [
        ["missing/plan.json"],
        "missing/plan.json: (file): does not exist (expected a file)\n\n1 problem found; nothing was written.\n",
      ],
      [
        [planFile("real", "demo", "plan.json"), "--stack", `demo=${planFile("real", "quiet", "plan.json")}`],
        `error: stack demo is given twice (${planFile("real", "demo", "plan.json")} and ${planFile("real", "quiet", "plan.json")}); name one with --stack <name>=<file>\n`,
      ],
    ];
    for (const [args, stderr] of cases) {
      const result = await summary(...args);
      assert.equal(result.status, 1, args.join(" "));
      assert.equal(result.stderr, stderr, args.join(" "));
    }
  });

  test("bad plan data exits 1 with file:line:col diagnostics", async () => {
    const result = await summary(planFile("bad", "invalid.json"));
    assert.equal(result.status, 1);
    assert.equal(
      result.stderr,
      `${planFile("bad", "invalid.json")}:4:21: (file): is not valid JSON (Expected double-quoted property name; expected JSON)\n\n1 problem found; nothing was written.\n`,
    );
  });
});

describe("malformed plans: one clear message, never a stack trace", () => {
  const dir = tempDir();
  /** A plan with one resource change, `change` merged into a valid one. */
  const withChange = (change: Record<string, unknown>, resource: Record<string, unknown> = {}) => ({
    format_version: "1.2",
    resource_changes: [
      {
        address: "terraform_data.a",
        mode: "managed",
        type: "terraform_data",
        name: "a",
        change: { actions: ["update"], before: {}, after: {}, ...change },
        ...resource,
      },
    ],
  });
  const valid = withChange({});
  const cases: [string, unknown, string][] = [
    ["not an object", [], "is not a Terraform plan (expected the output of terraform show -json <planfile>)"],
    [
      "format_version a number",
      { ...valid, format_version: 1.2 },
      'format_version is a number (expected a version string such as "1.2")',
    ],
    [
      "format_version not a version",
      { ...valid, format_version: "x".repeat(500) },
      "format_version is an unknown version (expected 1.x, the format of Terraform 1.x)",
    ],
    [
      "resource_changes an object",
      { ...valid, resource_changes: {} },
      "resource_changes is an object (expected a list of resource changes)",
    ],
    [
      "a resource change that is a string",
      { ...valid, resource_changes: ["terraform_data.a"] },
      "resource_changes[0] is a string (expected a resource change object)",
    ],
    [
      "address a number",
      withChange({}, { address: 42 }),
      "resource_changes[0].address is a number (expected a resource address)",
    ],
    [
      "change.actions a string",
      withChange({ actions: "create" }),
      'resource_changes[0].change.actions is a string (expected a list of action names such as ["create"])',
    ],
    [
      "change.actions empty",
      withChange({ actions: [] }),
      'resource_changes[0].change.actions is an empty list (expected a list of action names such as ["create"])',
    ],
    [
      "change.actions not strings",
      withChange({ actions: ["create", 1] }),
      'resource_changes[0].change.actions[1] is a number (expected an action name such as "create")',
    ],
    [
      "replace_paths a string",
      withChange({ replace_paths: "input" }),
      "resource_changes[0].change.replace_paths is a string (expected a list of attribute paths)",
    ],
    [
      "replace_paths not a list of lists",
      withChange({ replace_paths: ["input"] }),
      "resource_changes[0].change.replace_paths[0] is a string (expected an attribute path: a list of attribute names and list indices)",
    ],
    [
      "replace_paths step an object",
      withChange({ replace_paths: [["input", { a: 1 }]] }),
      "resource_changes[0].change.replace_paths[0][1] is an object (expected an attribute name or a list index)",
    ],
    [
      "replace_paths step a negative index",
      withChange({ replace_paths: [["input", -1]] }),
      "resource_changes[0].change.replace_paths[0][1] is a number (expected an attribute name or a list index)",
    ],
    [
      "after_sensitive a string",
      withChange({ after_sensitive: { input: "yes" } }),
      "resource_changes[0].change.after_sensitive.input is a string (expected true, false, or a list or object of those)",
    ],
    [
      "importing.id a number",
      withChange({ importing: { id: 7 } }),
      "resource_changes[0].change.importing.id is a number (expected a string)",
    ],
    [
      "previous_address a list",
      withChange({}, { previous_address: ["x"] }),
      "resource_changes[0].previous_address is a list (expected a string)",
    ],
    [
      "resource_drift change missing",
      { ...valid, resource_drift: [{ address: "a.b", mode: "managed", type: "a", name: "b" }] },
      "resource_drift[0].change is missing (expected an object with the planned actions)",
    ],
    [
      "sensitive_values a string in a child module",
      {
        ...valid,
        planned_values: {
          root_module: {
            child_modules: [{ resources: [{ address: "module.m.a.b", sensitive_values: { x: "y" } }] }],
          },
        },
      },
      "planned_values.root_module.child_modules[0].resources[0].sensitive_values.x is a string (expected true, false, or a list or object of those)",
    ],
    [
      "a sensitive flag that is a string",
      { ...valid, prior_state: { values: { outputs: { dsn: { sensitive: "yes", value: "x" } } } } },
      "prior_state.values.outputs.dsn.sensitive is a string (expected true or false)",
    ],
    [
      "output_changes a list",
      { ...valid, output_changes: [] },
      "output_changes is an empty list (expected an object of output changes)",
    ],
    ["errored a string", { ...valid, errored: "no" }, "errored is a string (expected true or false)"],
    [
      "an odd key is quoted, shortened",
      withChange({ after_sensitive: { [`k ${"x".repeat(100)}`]: 1 } }),
      `resource_changes[0].change.after_sensitive["k ${"x".repeat(38)}…"] is a number (expected true, false, or a list or object of those)`,
    ],
  ];
  for (const [name, plan, message] of cases) {
    test(name, async () => {
      const file = join(dir, `${name.replace(/\W+/g, "-")}.json`);
      writeFileSync(file, JSON.stringify(plan));
      const result = await run(planSummary, dir, ["--stack", `x=${basename(file)}`]);
      assert.equal(
        result.stderr,
        `${basename(file)}: (file): ${message}\n\n1 problem found; nothing was written.\n`,
      );
      assert.equal(result.status, 1);
    });
  }

  test("a value nested 20,000 levels deep is refused before parsing", async () => {
    const deep = `${"[".repeat(20_000)}${"]".repeat(20_000)}`;
    writeFileSync(join(dir, "deep.json"), JSON.stringify(withChange({ after: "@" })).replace('"@"', deep));
    const result = await run(planSummary, dir, ["--stack", "x=deep.json"]);
    assert.equal(
      result.stderr,
      "deep.json: (file): nests 20004 levels deep (expected at most 64)\n\n1 problem found; nothing was written.\n",
    );
  });

  test("devices, directories, links and non-UTF-8 are refused by the safe reader", async () => {
    writeFileSync(join(dir, "latin1.json"), Buffer.from('{"format_version": "1.2 \xe9"}', "latin1"));
    symlinkSync("/dev/zero", join(dir, "zero.json"));
    const cases: [string, string][] = [
      ["/dev/zero", "/dev/zero: (file): is a device, socket or pipe (expected a regular file)"],
      [".", ".: (file): is a directory (expected a regular file)"],
      ["zero.json", "zero.json: (file): is a symbolic link (expected a regular file)"],
    ];
    for (const [file, message] of cases) {
      const result = await run(planSummary, dir, ["--stack", `x=${file}`]);
      assert.equal(result.stderr, `${message}\n\n1 problem found; nothing was written.\n`, file);
      assert.equal(result.status, 1);
    }
    const latin1 = await run(planSummary, dir, ["--stack", "x=latin1.json"]);
    assert.match(
      latin1.stderr,
      /^latin1\.json:1:\d+: \(file\): is not UTF-8 text \(byte 0xe9 .*\n\n1 problem found/,
    );
    assert.equal(latin1.status, 1);
  });
});

describe("npm run plan-summary speaks the review diff's sentences", () => {
  const github = planFile("hand", "everyday", "github", "plan.json");

  test("a team membership names the person, by name where the checkout's data has one", async () => {
    const named = await run(planSummary, ADOPTION_ROOT, [join(REPO_ROOT, github)]);
    assert.equal(named.status, 0, named.stderr);
    assert.match(
      named.stdout,
      /^- welcomes @alice to pkg-committers \(member\) · `github_team_membership\./m,
    );
    assert.match(named.stdout, /^> - changes @ericonr in doc-writers: member → maintainer · /m);

    // A checkout where Alice has a file: her name, as the review diff says it.
    const dir = scratchProject();
    writeFileSync(
      join(dir, "maintainers", "alice.yaml"),
      "name: Alice Liddell\ngithub: alice\nteams:\n  pkg-committers: member\n",
    );
    const withAlice = await run(planSummary, dir, [join(REPO_ROOT, github)]);
    assert.equal(withAlice.status, 0, withAlice.stderr);
    assert.match(withAlice.stdout, /^- welcomes Alice Liddell \(@alice\) to pkg-committers \(member\) · /m);
  });

  test("outside a checkout, and in one whose data does not validate, people are named by login", async () => {
    const outside = await run(planSummary, tempDir("void-plan-"), [join(REPO_ROOT, github)]);
    assert.equal(outside.status, 0, outside.stderr);
    assert.match(outside.stdout, /^- welcomes @alice to pkg-committers \(member\) · /m);

    const broken = scratchProject();
    writeFileSync(join(broken, "maintainers", "alice.yaml"), "name: Alice\ngithub: bob\n");
    const result = await run(planSummary, broken, [join(REPO_ROOT, github)]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(
      result.stderr,
      /^plan-summary: this checkout's data does not validate, so people are named by login alone$/m,
    );
    assert.match(result.stdout, /^- welcomes @alice to pkg-committers \(member\) · /m);
  });
});
