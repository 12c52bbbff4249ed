import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import fc from "fast-check";
import { APPLY_MARKER } from "../../review/bot/apply-report";
import { MAIN_PLAN_DIR } from "../../review/bot/main-plan";
import { type PlanRecord, parseRecord, recordLine } from "../../review/bot/plan-record";
import { type FakeComment, fakeCore, fakeGitHub, runScript, workflowScript } from "../support/bots";
import { count, MENTION, rendered } from "../support/hostile-text";
import { REPO_ROOT, tempDir } from "../support/project";

/** The generated github-script steps of apply.yml, run the way github-script runs them. */
const REVIEWED = workflowScript(
  "apply.yml",
  "reviewed",
  "Find the plans of this commit, the merged pull request's and plan.yml's",
);
const MAIN_PLAN = workflowScript(
  "apply.yml",
  "reviewed",
  "Read the fingerprint plan.yml recorded for the stack",
);
const REPORT = workflowScript(
  "apply.yml",
  "report",
  "Comment on the pull request with the outcome and this run",
);

const MERGE = "1111111111111111111111111111111111111111";
const HEAD = "0123456789abcdef0123456789abcdef01234567";
const BASE = "fedcba9876543210fedcba9876543210fedcba98";
const FP = "ab".repeat(32);
const MAIN_FP = "cd".repeat(32);
const BOT = { login: "github-actions[bot]" };
const RUN_URL = "https://github.com/void-linux/void-infrastructure/actions/runs/555";

const PLANNED: PlanRecord = {
  state: "planned",
  head: HEAD,
  base: BASE,
  run: 77,
  fingerprints: { github: FP },
};
const comment = (record: PlanRecord, by = BOT): FakeComment => ({
  id: 9,
  user: by,
  body: `${recordLine(record)}\n### Terraform plan`,
});

interface Lookup {
  readonly comments?: FakeComment[];
  /** The pull requests GitHub associates with the commit. */
  readonly pulls?: {
    number: number;
    head: string;
    merge_commit_sha: string | null;
    merged_at: string | null;
  }[];
  /** The merge commit's first parent. */
  readonly parent?: string;
  /** The workflow run the record names, as the API returns it. */
  readonly planRun?: Record<string, unknown>;
  /** plan.yml's runs the API lists for the commit. */
  readonly mainRuns?: Record<string, unknown>[];
  readonly stack?: string;
}

/** A successful run of plan.yml on main at the merge, as the API lists it. */
const mainRun = (fields: Record<string, unknown> = {}) => ({
  id: 88,
  event: "push",
  path: ".github/workflows/plan.yml",
  head_sha: MERGE,
  head_branch: "main",
  conclusion: "success",
  ...fields,
});

const CONTEXT = {
  repo: { owner: "void-linux", repo: "void-infrastructure" },
  sha: MERGE,
  ref: "refs/heads/main",
  runId: 555,
  serverUrl: "https://github.com",
};

async function lookUp(l: Lookup = {}) {
  const pulls = (
    l.pulls ?? [{ number: 42, head: HEAD, merge_commit_sha: MERGE, merged_at: "2026-01-01T00:00:00Z" }]
  ).map((p) => ({ ...p, state: "closed", head: { sha: p.head }, base: { ref: "main" }, user: null }));
  const asked: unknown[] = [];
  const askedRuns: unknown[] = [];
  const fake = fakeGitHub(l.comments ?? [comment(PLANNED)], new Map(), {
    repos: {
      listPullRequestsAssociatedWithCommit: async (params: unknown) => {
        asked.push(params);
        return { data: pulls };
      },
      getCommit: async () => ({ data: { parents: [{ sha: l.parent ?? BASE }, { sha: HEAD }] } }),
    },
    actions: {
      getWorkflowRun: async ({ run_id }: { run_id: number }) => ({
        data: {
          id: run_id,
          event: "workflow_run",
          path: ".github/workflows/plan-pr.yml",
          display_title: `plan pull request at ${HEAD}`,
          conclusion: "success",
          ...l.planRun,
        },
      }),
      listWorkflowRuns: async (params: unknown) => {
        askedRuns.push(params);
        return { data: { workflow_runs: l.mainRuns ?? [mainRun()] } };
      },
    },
  });
  const core = fakeCore();
  await runScript(REVIEWED, {
    github: fake.github,
    context: CONTEXT,
    core,
    env: { STACK: l.stack ?? "github" },
  });
  assert.deepEqual(fake.created, [], "the lookup writes nothing");
  return { outputs: core.outputs, failed: core.failed, asked, askedRuns };
}

describe("apply.yml: the plan reviewed in the merged pull request", () => {
  test("the merge of a planned pull request: its fingerprint, and what a mismatch would mean", async () => {
    const found = await lookUp();
    assert.deepEqual(found.outputs, {
      pr: "42",
      fingerprint: FP,
      mismatch:
        "the state of `github` changed since the review (drift, or another apply): pull request #42 was planned with the main it merged onto, and the plan differs now",
      main_run: "88",
    });
    assert.deepEqual(found.asked, [
      { owner: "void-linux", repo: "void-infrastructure", commit_sha: MERGE, per_page: 100 },
    ]);
    assert.deepEqual(found.askedRuns, [
      {
        owner: "void-linux",
        repo: "void-infrastructure",
        workflow_id: "plan.yml",
        head_sha: MERGE,
        branch: "main",
        status: "success",
        per_page: 100,
      },
    ]);
    const moved = await lookUp({ parent: "2".repeat(40) });
    assert.equal(
      moved.outputs.mismatch,
      "main moved since the review: pull request #42 was planned with main at `fedcba987654` and merged onto `222222222222`, and the plan of `github` differs now",
    );
  });

  test("no reviewed plan: each reason said, no fingerprint", async () => {
    const cases: [Lookup, Record<string, string>][] = [
      [
        {
          pulls: [
            { number: 42, head: HEAD, merge_commit_sha: "9".repeat(40), merged_at: "2026-01-01T00:00:00Z" },
          ],
        },
        {
          problem:
            "`111111111111` is not the merge of a pull request, so no plan of it was reviewed before a merge",
        },
      ],
      [
        { pulls: [{ number: 42, head: HEAD, merge_commit_sha: MERGE, merged_at: null }] },
        {
          problem:
            "`111111111111` is not the merge of a pull request, so no plan of it was reviewed before a merge",
        },
      ],
      [
        { comments: [] },
        { pr: "42", problem: "pull request #42 has no plan comment: it was never planned before it merged" },
      ],
      [
        { comments: [comment(PLANNED, { login: "mallory" })] },
        { pr: "42", problem: "pull request #42 has no plan comment: it was never planned before it merged" },
      ],
      [
        { comments: [comment({ ...PLANNED, state: "code", fingerprints: {} })] },
        { pr: "42", problem: "pull request #42 changes code, so it was not planned before it merged" },
      ],
      [
        { comments: [comment({ ...PLANNED, head: "3".repeat(40) })] },
        {
          pr: "42",
          problem:
            "pull request #42 merged at `0123456789ab`, but its last plan is of `333333333333`: its final commit was never planned",
        },
      ],
      [
        { comments: [comment({ ...PLANNED, state: "outdated", now: "4".repeat(40) })] },
        { pr: "42", problem: "the last plan of pull request #42 is outdated" },
      ],
      [
        { comments: [comment({ ...PLANNED, state: "failed", fingerprints: {} })] },
        { pr: "42", problem: "the last plan of pull request #42 is a failed one" },
      ],
      ...[
        { event: "pull_request" },
        { path: ".github/workflows/evil.yml" },
        { display_title: `plan pull request at ${"5".repeat(40)}` },
        { conclusion: "failure" },
      ].map((planRun): [Lookup, Record<string, string>] => [
        { planRun },
        {
          pr: "42",
          problem:
            "the plan comment of pull request #42 names run 77, which is no finished plan-pr.yml run of its head",
        },
      ]),
      [
        { stack: "constructor" },
        { pr: "42", problem: "the plan comment of pull request #42 records no plan of `constructor`" },
      ],
    ];
    for (const [lookup, outputs] of cases)
      assert.deepEqual((await lookUp(lookup)).outputs, { ...outputs, main_run: "88" });
  });

  test("plan.yml's plan of the commit: its latest successful run on main, of plan.yml itself", async () => {
    const none = {
      main_problem:
        "plan.yml has no finished plan of `111111111111` on main, so none was shown after the merge",
    };
    const cases: [Record<string, unknown>[], Record<string, string>][] = [
      [[mainRun(), mainRun({ id: 91, event: "workflow_dispatch" }), mainRun({ id: 90 })], { main_run: "91" }],
      [[mainRun({ id: 92, conclusion: "failure" }), mainRun()], { main_run: "88" }],
      [[], none],
      ...[
        { path: ".github/workflows/evil.yml" },
        { path: ".github/workflows/plan-pr.yml" },
        { event: "pull_request" },
        { event: "workflow_run" },
        { head_branch: "plan" },
        { head_sha: HEAD },
        { conclusion: "cancelled" },
        { conclusion: null },
        { id: 0 },
      ].map((fields): [Record<string, unknown>[], Record<string, string>] => [[mainRun(fields)], none]),
    ];
    for (const [mainRuns, outputs] of cases) {
      const { pr, fingerprint, mismatch } = (await lookUp()).outputs;
      assert.deepEqual((await lookUp({ mainRuns })).outputs, { pr, fingerprint, mismatch, ...outputs });
    }
  });

  test("refuses a stack name that is not one", async () => {
    assert.deepEqual((await lookUp({ stack: "github; rm -rf /" })).failed, [
      "STACK is not a stack name, or the run's commit is not a commit on a branch",
    ]);
  });
});

describe("plan records: what the bot writes is all it reads", () => {
  test("round trip, and the line is one HTML comment", () => {
    const line = recordLine(PLANNED);
    assert.equal(
      line,
      `<!-- void-infra:plan state=planned head=${HEAD} base=${BASE} run=77 fp.github=${FP} -->`,
    );
    assert.deepEqual(parseRecord(`${line}\nbody`), { ...PLANNED, now: undefined });
  });

  test("anything off makes it no record", () => {
    const line = recordLine(PLANNED);
    for (const body of [
      line.replace("state=planned", "state=applied"),
      line.replace("run=77", "run=077"),
      line.replace(" -->", " x=1 -->"),
      line.replace(" -->", ` fp.github=${FP} -->`),
      line.replace(`head=${HEAD}`, `head=${HEAD.toUpperCase()}`),
      line.replace(" -->", ` now=${HEAD} -->`),
      `\n${line}`,
      `${line} `,
    ])
      assert.equal(parseRecord(body), undefined, body);
    const proto = parseRecord(line.replace(" -->", ` fp.__proto__=${FP} -->`));
    assert.equal(Object.getPrototypeOf(proto?.fingerprints), Object.prototype, "no prototype is set");
    assert.throws(() => recordLine({ ...PLANNED, fingerprints: { "a b": FP } }));
  });
});

/** The review job's check (.github/scripts/check-reviewed-plan.sh) run by bash, as the workflow runs it. */
function checkReviewed(env: Record<string, string>) {
  const dir = tempDir("check-");
  const output = join(dir, "output");
  const summary = join(dir, "summary");
  writeFileSync(output, "");
  writeFileSync(summary, "");
  const blank = [
    "PR",
    "PR_FINGERPRINT",
    "PR_PROBLEM",
    "PR_MISMATCH",
    "MAIN_RUN",
    "MAIN_FINGERPRINT",
    "MAIN_PROBLEM",
  ];
  const result = spawnSync("bash", [join(REPO_ROOT, ".github", "scripts", "check-reviewed-plan.sh")], {
    encoding: "utf8",
    env: {
      PATH: process.env.PATH,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_REPOSITORY: "void-linux/void-infrastructure",
      STACK: "github",
      ...Object.fromEntries(blank.map((name) => [name, ""])),
      ...env,
    },
  });
  const outputs = Object.fromEntries(
    readFileSync(output, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
  return { status: result.status, stdout: result.stdout, outputs, summary: readFileSync(summary, "utf8") };
}

const CODE_PR = {
  PR: "42",
  PR_PROBLEM: "pull request #42 changes code, so it was not planned before it merged",
};

describe("apply.yml: a plan is applied only if a human was shown a plan of its fingerprint", () => {
  test("the plan reviewed in the pull request", () => {
    const checked = checkReviewed({
      FINGERPRINT: FP,
      PR: "42",
      PR_FINGERPRINT: FP,
      PR_MISMATCH: "m",
      MAIN_RUN: "88",
      MAIN_FINGERPRINT: MAIN_FP,
    });
    assert.equal(checked.status, 0);
    assert.deepEqual(checked.outputs, { check: "pr", verdict: "" });
    assert.match(
      checked.summary,
      /Yes: this plan of `github` has the fingerprint `abababababababab` that pull request #42's plan comment recorded before it merged\./,
    );
  });

  test("a change to code: the plan plan.yml showed for the merged commit, and why not the pull request's", () => {
    const checked = checkReviewed({
      FINGERPRINT: MAIN_FP,
      ...CODE_PR,
      MAIN_RUN: "88",
      MAIN_FINGERPRINT: MAIN_FP,
    });
    assert.equal(checked.status, 0);
    assert.deepEqual(checked.outputs, { check: "main", verdict: CODE_PR.PR_PROBLEM });
    assert.match(
      checked.summary,
      /recorded for this commit after it merged; that run's page shows the same plan\.\n\nIt is not the plan reviewed in the pull request: pull request #42 changes code/,
    );
    assert.ok(
      checked.summary.includes(
        "[plan.yml run 88](https://github.com/void-linux/void-infrastructure/actions/runs/88)",
      ),
    );
  });

  test("no plan shown has this fingerprint: refused, saying why and what to do", () => {
    const cases: [Record<string, string>, string][] = [
      [
        { FINGERPRINT: FP, ...CODE_PR, MAIN_RUN: "88", MAIN_FINGERPRINT: MAIN_FP },
        `${CODE_PR.PR_PROBLEM}; the plan of this commit that plan.yml run 88 showed differs too: the state changed since (drift, or another apply)`,
      ],
      [
        {
          FINGERPRINT: FP,
          PR: "42",
          PR_FINGERPRINT: "ef".repeat(32),
          PR_MISMATCH: "main moved since the review",
          MAIN_PROBLEM: "plan.yml has no finished plan",
        },
        "main moved since the review; plan.yml has no finished plan",
      ],
      [
        {
          FINGERPRINT: FP,
          PR_PROBLEM: "not the merge of a pull request",
          MAIN_PROBLEM: "plan.yml run 88 records no plan of `github`",
        },
        "not the merge of a pull request; plan.yml run 88 records no plan of `github`",
      ],
    ];
    for (const [env, verdict] of cases) {
      const checked = checkReviewed(env);
      assert.equal(checked.status, 1, verdict);
      assert.deepEqual(checked.outputs, { check: "unreviewed", verdict });
      assert.equal(
        checked.stdout,
        `::error::no plan shown for review has this plan's fingerprint: ${verdict}\n`,
      );
      assert.match(checked.summary, /\*\*No, so nothing is applied\*\*: .*\n\nRun plan\.yml on main by hand/);
    }
  });

  test("it passes exactly when its fingerprint is one recorded, never on an empty one (fast-check)", () => {
    const fingerprint = fc.constantFrom("", FP, MAIN_FP, "ef".repeat(32));
    fc.assert(
      fc.property(fingerprint, fingerprint, fingerprint, (mine, pr, main) => {
        const checked = checkReviewed({
          FINGERPRINT: mine,
          PR_FINGERPRINT: pr,
          MAIN_FINGERPRINT: main,
          MAIN_RUN: "88",
        });
        const shown = mine !== "" && (mine === pr || mine === main);
        return (checked.status === 0) === shown && (checked.outputs.check === "unreviewed") === !shown;
      }),
      { numRuns: 40 },
    );
  });
});

describe("apply.yml: the fingerprint plan.yml recorded, read from its artifact", () => {
  /** Runs the step over an artifact of these files (a function makes something else of the path). */
  async function read(
    files: Record<string, string | ((path: string) => void)>,
    env: Record<string, string> = {},
  ) {
    const temp = tempDir("runner-");
    const dir = join(temp, MAIN_PLAN_DIR);
    mkdirSync(dir);
    for (const [name, content] of Object.entries(files))
      typeof content === "string" ? writeFileSync(join(dir, name), content) : content(join(dir, name));
    const core = fakeCore();
    await runScript(MAIN_PLAN, {
      github: {},
      context: CONTEXT,
      core,
      env: { RUNNER_TEMP: temp, STACK: "github", MAIN_RUN: "88", ...env },
    });
    return { outputs: core.outputs, failed: core.failed };
  }
  const LINES = `digitalocean ${FP}\ngithub ${MAIN_FP}\n`;

  test("the stack's fingerprint", async () => {
    assert.deepEqual((await read({ fingerprints: LINES })).outputs, { fingerprint: MAIN_FP });
  });

  test("anything else is a problem, said as such, never a fingerprint", async () => {
    const problem = (why: string) => ({
      problem: `plan.yml run 88 left no fingerprints this job can read (${why}; its artifact is kept 14 days)`,
    });
    const lines = "fingerprints in the artifact is not one `<stack> <sha256>` line per stack";
    const cases: [Record<string, string | ((path: string) => void)>, Record<string, string>][] = [
      [{}, problem("the artifact holds no fingerprints")],
      [{ fingerprints: `github ${MAIN_FP.toUpperCase()}\n` }, problem(lines)],
      [{ fingerprints: `github ${MAIN_FP}\ngithub ${FP}\n` }, problem(lines)],
      [{ fingerprints: `github ${MAIN_FP} x\n` }, problem(lines)],
      [
        { fingerprints: (path) => symlinkSync("/etc/passwd", path) },
        problem("fingerprints in the artifact is not a regular file"),
      ],
      [{ fingerprints: `${"x".repeat(17 * 1024)}\n` }, problem("fingerprints in the artifact is too large")],
      [{ fingerprints: `digitalocean ${FP}\n` }, { problem: "plan.yml run 88 records no plan of `github`" }],
    ];
    for (const [files, outputs] of cases) assert.deepEqual((await read(files)).outputs, outputs);
  });

  test("refuses a stack or run that is not one", async () => {
    const bad: Record<string, string>[] = [{ STACK: "a b" }, { MAIN_RUN: "" }, { MAIN_RUN: "88; x" }];
    for (const env of bad)
      assert.deepEqual((await read({ fingerprints: LINES }, env)).failed, [
        "STACK is not a stack name, or MAIN_RUN is not a run id",
      ]);
  });
});

describe("apply.yml: the merge of a pull request that changed code, end to end", () => {
  /** The reviewed job's steps and the review job's check, each handed what apply.yml hands it. */
  async function applyCheck(fingerprint: string, mainFingerprints: string | undefined) {
    const found = await lookUp({ comments: [comment({ ...PLANNED, state: "code", fingerprints: {} })] });
    const temp = tempDir("runner-");
    mkdirSync(join(temp, MAIN_PLAN_DIR));
    if (mainFingerprints !== undefined)
      writeFileSync(join(temp, MAIN_PLAN_DIR, "fingerprints"), mainFingerprints);
    const core = fakeCore();
    await runScript(MAIN_PLAN, {
      github: {},
      context: CONTEXT,
      core,
      env: { RUNNER_TEMP: temp, STACK: "github", MAIN_RUN: found.outputs.main_run ?? "" },
    });
    return checkReviewed({
      FINGERPRINT: fingerprint,
      PR: found.outputs.pr ?? "",
      PR_FINGERPRINT: found.outputs.fingerprint ?? "",
      PR_PROBLEM: found.outputs.problem ?? "",
      PR_MISMATCH: found.outputs.mismatch ?? "",
      MAIN_RUN: found.outputs.main_run ?? "",
      MAIN_FINGERPRINT: core.outputs.fingerprint ?? "",
      MAIN_PROBLEM: `${found.outputs.main_problem ?? ""}${core.outputs.problem ?? ""}`,
    });
  }

  test("applied when its plan is the one plan.yml showed for the merge", async () => {
    const checked = await applyCheck(MAIN_FP, `github ${MAIN_FP}\n`);
    assert.equal(checked.status, 0);
    assert.equal(checked.outputs.check, "main");
  });

  test("refused without a plan shown: none recorded, or another", async () => {
    for (const recorded of [undefined, `github ${FP}\n`]) {
      const checked = await applyCheck(MAIN_FP, recorded);
      assert.equal(checked.status, 1);
      assert.equal(checked.outputs.check, "unreviewed");
      assert.match(
        checked.outputs.verdict ?? "",
        /^pull request #42 changes code, so it was not planned before it merged; /,
      );
    }
  });
});

describe("apply.yml: the report on the pull request", () => {
  async function report(env: Record<string, string>) {
    const fake = fakeGitHub([], new Map(), {});
    const core = fakeCore();
    const base = {
      PR: "42",
      STACK: "github",
      REVIEW_RESULT: "success",
      APPLY_RESULT: "success",
      CHECK: "pr",
      VERDICT: "",
      MAIN_RUN: "88",
    };
    await runScript(REPORT, { github: fake.github, context: CONTEXT, core, env: { ...base, ...env } });
    return { created: fake.created, failed: core.failed };
  }
  const body = (line: string) => `${APPLY_MARKER}\n${line}\n`;

  test("one new comment per run, saying what happened, with the run", async () => {
    const cases: [Record<string, string>, string][] = [
      [
        {},
        `✅ **Applied \`github\`** at \`111111111111\`: the plan reviewed here. · [apply run](${RUN_URL})`,
      ],
      [
        { CHECK: "main", VERDICT: "pull request #42 changes code, so it was not planned before it merged" },
        `✅ **Applied \`github\`** at \`111111111111\`: the plan of the merged commit that [plan.yml](https://github.com/void-linux/void-infrastructure/actions/runs/88) showed, not the one reviewed here: pull request #42 changes code, so it was not planned before it merged. · [apply run](${RUN_URL})`,
      ],
      [
        { APPLY_RESULT: "failure" },
        `❌ **Applying \`github\` failed** at \`111111111111\`; part of its plan may be applied: read the run's log. · [apply run](${RUN_URL})`,
      ],
      [
        {
          REVIEW_RESULT: "failure",
          APPLY_RESULT: "skipped",
          CHECK: "unreviewed",
          VERDICT: "the state of `github` changed\nsince the review; plan.yml has no finished plan",
        },
        `⛔ **Did not apply \`github\`** at \`111111111111\`: no plan shown for review has its fingerprint: the state of \`github\` changed since the review; plan.yml has no finished plan. · [apply run](${RUN_URL})`,
      ],
      [
        { REVIEW_RESULT: "failure", APPLY_RESULT: "skipped", CHECK: "unreviewed" },
        `⛔ **Did not apply \`github\`** at \`111111111111\`: no plan shown for review has its fingerprint. · [apply run](${RUN_URL})`,
      ],
      [
        { REVIEW_RESULT: "failure", APPLY_RESULT: "skipped", CHECK: "" },
        `⛔ **Did not apply \`github\`** at \`111111111111\`: its plan on the apply run failed. · [apply run](${RUN_URL})`,
      ],
      [
        { APPLY_RESULT: "cancelled" },
        `**Did not apply \`github\`** at \`111111111111\`: its apply job was cancelled, by hand or by GitHub, which lets one apply of a stack run and keeps only the newest run waiting for it: a newer apply run of \`github\`, started while this one waited, replaced it. If it had started applying, read its log. · [apply run](${RUN_URL})`,
      ],
      [
        { REVIEW_RESULT: "cancelled", APPLY_RESULT: "skipped", CHECK: "" },
        `**Did not apply \`github\`** at \`111111111111\`: the run was cancelled, or its approval declined. · [apply run](${RUN_URL})`,
      ],
    ];
    for (const [env, line] of cases) {
      const outcome = await report(env);
      assert.deepEqual(outcome.failed, []);
      assert.deepEqual(outcome.created, [{ issue_number: 42, body: body(line) }]);
    }
  });

  test("a reason is escaped like any comment; a bad number or result posts nothing", async () => {
    const hostile = await report({
      REVIEW_RESULT: "failure",
      APPLY_RESULT: "skipped",
      CHECK: "unreviewed",
      VERDICT: "<!-- x --> @alice",
    });
    const text = hostile.created[0]?.body ?? "";
    assert.match(text, /has its fingerprint: <\u2060!-- x --\u2060> @\u2060alice\./);
    assert.equal(count(text, "<!--"), 1);
    assert.doesNotMatch(rendered(text), MENTION);
    const bad: Record<string, string>[] = [
      { PR: "42 x" },
      { PR: "" },
      { STACK: "a b" },
      { APPLY_RESULT: "weird" },
      { MAIN_RUN: "88) [x](https://example.org" },
    ];
    for (const env of bad) {
      const outcome = await report(env);
      assert.deepEqual(outcome.created, []);
      assert.equal(outcome.failed.length, 1);
    }
  });
});
