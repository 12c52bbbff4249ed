import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { APPLY_MARKER } from "../../review/bot/apply-report";
import { type PlanRecord, parseRecord, recordLine } from "../../review/bot/plan-record";
import { count, MENTION, rendered } from "../escaping/hostile";
import { type FakeComment, fakeCore, fakeGitHub, runScript, workflowScript } from "../support/bots";

/** The generated github-script steps of apply.yml, run the way github-script runs them. */
const REVIEWED = workflowScript(
  "apply.yml",
  "reviewed",
  "Find the plan comment of the pull request merged as this commit",
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
  readonly stack?: string;
}

async function lookUp(l: Lookup = {}) {
  const pulls = (
    l.pulls ?? [{ number: 42, head: HEAD, merge_commit_sha: MERGE, merged_at: "2026-01-01T00:00:00Z" }]
  ).map((p) => ({ ...p, state: "closed", head: { sha: p.head }, base: { ref: "main" }, user: null }));
  const asked: unknown[] = [];
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
    },
  });
  const core = fakeCore();
  const context = {
    repo: { owner: "void-linux", repo: "void-infrastructure" },
    sha: MERGE,
    runId: 555,
    serverUrl: "https://github.com",
  };
  await runScript(REVIEWED, { github: fake.github, context, core, env: { STACK: l.stack ?? "github" } });
  assert.deepEqual(fake.created, [], "the lookup writes nothing");
  return { outputs: core.outputs, failed: core.failed, asked };
}

describe("apply.yml: the plan reviewed in the merged pull request", () => {
  test("the merge of a planned pull request: its fingerprint, and what a mismatch would mean", async () => {
    const found = await lookUp();
    assert.deepEqual(found.outputs, {
      pr: "42",
      fingerprint: FP,
      mismatch:
        "the state of `github` changed since the review (drift, or another apply): pull request #42 was planned with the main it merged onto, and the plan differs now",
    });
    assert.deepEqual(found.asked, [
      { owner: "void-linux", repo: "void-infrastructure", commit_sha: MERGE, per_page: 100 },
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
        { problem: "`111111111111` is not the merge of a pull request, so no plan of it was reviewed" },
      ],
      [
        { pulls: [{ number: 42, head: HEAD, merge_commit_sha: MERGE, merged_at: null }] },
        { problem: "`111111111111` is not the merge of a pull request, so no plan of it was reviewed" },
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
    for (const [lookup, outputs] of cases) assert.deepEqual((await lookUp(lookup)).outputs, outputs);
  });

  test("refuses a stack name that is not one", async () => {
    assert.deepEqual((await lookUp({ stack: "github; rm -rf /" })).failed, [
      "STACK is not a stack name, or the run's commit is not a commit",
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

describe("apply.yml: the report on the pull request", () => {
  async function report(env: Record<string, string>) {
    const fake = fakeGitHub([], new Map(), {});
    const core = fakeCore();
    const context = {
      repo: { owner: "void-linux", repo: "void-infrastructure" },
      sha: MERGE,
      runId: 555,
      serverUrl: "https://github.com",
    };
    const base = {
      PR: "42",
      STACK: "github",
      REVIEW_RESULT: "success",
      APPLY_RESULT: "success",
      CHECK: "matched",
      VERDICT: "",
    };
    await runScript(REPORT, { github: fake.github, context, core, env: { ...base, ...env } });
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
        { CHECK: "differs", VERDICT: "main moved since the review" },
        `✅ **Applied \`github\`** at \`111111111111\`, not the plan reviewed here (\`require_pr_plan\` was off): main moved since the review. · [apply run](${RUN_URL})`,
      ],
      [
        { APPLY_RESULT: "failure" },
        `❌ **Applying \`github\` failed** at \`111111111111\`; part of its plan may be applied: read the run's log. · [apply run](${RUN_URL})`,
      ],
      [
        {
          REVIEW_RESULT: "failure",
          APPLY_RESULT: "skipped",
          CHECK: "differs",
          VERDICT: "the state of `github` changed\nsince the review",
        },
        `⛔ **Did not apply \`github\`** at \`111111111111\`: not the plan reviewed here: the state of \`github\` changed since the review. · [apply run](${RUN_URL})`,
      ],
      [
        { REVIEW_RESULT: "failure", APPLY_RESULT: "skipped", CHECK: "unreviewed" },
        `⛔ **Did not apply \`github\`** at \`111111111111\`: not the plan reviewed here. · [apply run](${RUN_URL})`,
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
      CHECK: "differs",
      VERDICT: "<!-- x --> @alice",
    });
    const text = hostile.created[0]?.body ?? "";
    assert.match(text, /not the plan reviewed here: <\u2060!-- x --\u2060> @\u2060alice\./);
    assert.equal(count(text, "<!--"), 1);
    assert.doesNotMatch(rendered(text), MENTION);
    const bad: Record<string, string>[] = [
      { PR: "42 x" },
      { PR: "" },
      { STACK: "a b" },
      { APPLY_RESULT: "weird" },
    ];
    for (const env of bad) {
      const outcome = await report(env);
      assert.deepEqual(outcome.created, []);
      assert.equal(outcome.failed.length, 1);
    }
  });
});
