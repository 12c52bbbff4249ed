import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import type { BoundRouting } from "../../review/approvals";
import { GITHUB_COMMENT_LIMIT } from "../../review/bot/comment";
import { REVIEW_MARKER } from "../../review/bot/review-comment";
import {
  assertCurrentBundle,
  type FakeComment,
  fakeCore,
  fakeGitHub,
  runScript,
  workflowScript,
} from "../support/bots";
import {
  count,
  hostileCases,
  MENTION,
  rendered,
  runnerLines,
  runnerSeesCommand,
  UNDEFUSED_AT,
} from "../support/hostile-text";
import { tempDir } from "../support/project";

/** The generated github-script steps of review-comment.yml, run below the way github-script runs them. */
const FIND = workflowScript("review-comment.yml", "find", "List the open pull requests");
const COMMENT = workflowScript("review-comment.yml", "comment", "Post the comment and ask for reviews");

const HEAD = "0123456789abcdef0123456789abcdef01234567";
const BASE = "fedcba9876543210fedcba9876543210fedcba98";
const REPO = { owner: "void-linux", repo: "void-infrastructure" };
const RUN_URL = "https://github.com/void-linux/void-infrastructure/actions/runs/1";

const ALICE_ROUTING: BoundRouting = {
  base: BASE,
  head: HEAD,
  operatorTeam: "void-ops",
  people: "maintainers",
  operators: ["olga"],
  requirements: [
    {
      file: "maintainers/alice.yaml",
      reasons: ["adds @alice to pkg-committers (member)"],
      by: { teams: ["pkg-committers"] },
      approvers: ["cara", "olga"],
      subjects: ["alice"],
    },
  ],
  refusals: [],
};

describe("review-comment.yml: find", () => {
  test("its script is the current bundle of review/bot/find-pulls.ts (npm run bots)", () => {
    assertCurrentBundle("review-comment.yml", "review/bot/find-pulls.ts");
  });

  const open = [
    { number: 42, head: { sha: HEAD }, base: { ref: "main" } },
    { number: 43, head: { sha: "a".repeat(40) }, base: { ref: "main" } },
    { number: 44, head: { sha: HEAD }, base: { ref: "stable" } },
  ];
  async function find(context: Record<string, unknown>) {
    const { github } = fakeGitHub([], new Map([["list", open]]), { pulls: { list: "list" } });
    const core = fakeCore();
    await runScript(FIND, { github, context: { repo: REPO, payload: {}, ...context }, core });
    return {
      targets: JSON.parse(core.outputs.targets ?? "null"),
      commented: JSON.parse(core.outputs.commented ?? "null"),
      ciRun: core.outputs["ci-run"],
    };
  }
  const all = [
    { number: 42, head: HEAD, base: "main" },
    { number: 43, head: "a".repeat(40), base: "main" },
    { number: 44, head: HEAD, base: "stable" },
  ];
  const ciRun = {
    id: 7,
    name: "ci",
    path: ".github/workflows/ci.yml",
    event: "pull_request",
    head_sha: HEAD,
  };

  test("after ci: every open pull request is evaluated; those at ci's commit get the comment", async () => {
    assert.deepEqual(await find({ eventName: "workflow_run", payload: { workflow_run: ciRun } }), {
      targets: all,
      commented: [all[0], all[2]],
      ciRun: "7",
    });
  });

  test("after a review, a push to main, or a run of another workflow named ci: evaluation only", async () => {
    const review = {
      ...ciRun,
      name: "review events",
      path: ".github/workflows/review-events.yml",
      event: "pull_request_review",
    };
    const other = { ...ciRun, path: ".github/workflows/evil.yml" };
    for (const context of [
      { eventName: "workflow_run", payload: { workflow_run: review } },
      { eventName: "workflow_run", payload: { workflow_run: other } },
      { eventName: "push", ref: "refs/heads/main" },
    ])
      assert.deepEqual(
        await find(context),
        { targets: all, commented: [], ciRun: "" },
        JSON.stringify(context),
      );
  });
});

interface Fake {
  targets?: unknown;
  reviews?: { user: { login: string }; state: string; commit_id: string }[];
  comments?: FakeComment[];
  pr?: { state: string; sha: string };
  requested?: string[];
}

interface Outcome {
  created: string[];
  updated: { id: number; body: string }[];
  requested: { reviewers: string[]; team_reviewers: string[] }[];
  failed: string[];
  warnings: string[];
  /** What the script printed through core.info, which writes it to the log as is. */
  infos: string[];
}

/** Runs the comment job's script against a fake GitHub, with the ci artifact and the routings. */
async function comment(
  review: Record<string, string>,
  routings: Record<string, string> = { "42.json": JSON.stringify(ALICE_ROUTING) },
  fake: Fake = {},
): Promise<Outcome> {
  const temp = tempDir("void-comment-");
  for (const [dir, files] of [
    ["review", review],
    ["routing", routings],
  ] as const) {
    mkdirSync(join(temp, dir));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(temp, dir, name), text);
  }
  const requested: Outcome["requested"] = [];
  const pr = fake.pr ?? { state: "open", sha: HEAD };
  const lists = new Map<unknown, unknown[]>([["listReviews", fake.reviews ?? []]]);
  const { github, created, updated } = fakeGitHub(fake.comments ?? [], lists, {
    pulls: {
      get: async () => ({
        data: {
          state: pr.state,
          head: { sha: pr.sha },
          base: { ref: "main" },
          user: { login: "alice" },
          requested_reviewers: (fake.requested ?? []).map((login) => ({ login })),
        },
      }),
      listReviews: "listReviews",
      requestReviewers: async (p: { reviewers: string[]; team_reviewers: string[] }) => {
        requested.push({ reviewers: p.reviewers, team_reviewers: p.team_reviewers });
        return { data: {} };
      },
    },
  });
  const context = {
    repo: REPO,
    eventName: "workflow_run",
    payload: { workflow_run: { id: 1, name: "ci", head_sha: HEAD, html_url: RUN_URL } },
  };
  const core = fakeCore();
  const TARGETS = JSON.stringify(fake.targets ?? [{ number: 42, head: HEAD, base: "main" }]);
  await runScript(COMMENT, { github, context, core, env: { RUNNER_TEMP: temp, TARGETS } });
  return {
    created: created.map((c) => c.body),
    updated,
    requested,
    failed: core.failed,
    warnings: core.warnings,
    infos: core.infos,
  };
}

const diff = (text: string) => ({ "review.md": text });

describe("review-comment.yml: comment", () => {
  test("its script is the current bundle of review/bot/review-comment.ts (npm run bots)", () => {
    assertCurrentBundle("review-comment.yml", "review/bot/review-comment.ts");
  });

  test("one comment: the bot's Who approves first, then ci's review diff, defused, with links", async () => {
    const outcome = await comment(diff("## github\n- welcomes Alice (@alice) to pkg-committers (member)\n"));
    assert.deepEqual(outcome.failed, []);
    assert.equal(outcome.created.length, 1);
    const body = outcome.created[0] ?? "";
    assert.ok(body.startsWith(`${REVIEW_MARKER}\n### Who approves\n`), body);
    assert.ok(body.indexOf("### Who approves") < body.indexOf("## github"));
    assert.match(body, /\| `maintainers\/alice\.yaml` \| adds @\u2060alice to pkg-committers \(member\) \|/);
    assert.match(body, /Routing of `0123456789ab` merged into `main` at `fedcba987654`/);
    assert.match(body, /\(@\u2060alice\) to pkg-committers/);
    assert.doesNotMatch(body, /@alice/);
    assert.match(
      body,
      /Review diff of 0123456789ab from \[ci run\]\(https:\/\/github\.com\/void-linux\/void-infrastructure\/actions\/runs\/1\)/,
    );
  });

  test("asks the team's maintainers who have not approved, never the author, nor those already asked", async () => {
    const outcome = await comment(diff("x"));
    assert.deepEqual(outcome.requested, [{ reviewers: ["cara"], team_reviewers: [] }]);
    const asked = await comment(diff("x"), undefined, { requested: ["Cara"] });
    assert.deepEqual(asked.requested, []);
  });

  test("updates the bot's existing comment instead of adding another", async () => {
    const comments = [
      { id: 7, user: { login: "mallory" }, body: `${REVIEW_MARKER}\nfake` },
      { id: 8, user: { login: "github-actions[bot]" }, body: `${REVIEW_MARKER}\nold` },
    ];
    const outcome = await comment(diff("no changes"), undefined, { comments });
    assert.deepEqual(outcome.created, []);
    assert.deepEqual(
      outcome.updated.map((u) => u.id),
      [8],
    );
  });

  test("a missing or forged routing: the comment says the check fails, and nobody is asked", async () => {
    for (const routings of [{}, { "42.json": "{}" }, { "42.json": "not json" }] as Record<string, string>[]) {
      const outcome = await comment(diff("x"), routings);
      assert.match(outcome.created[0] ?? "", /### Who approves\n⚠️ (No routing was computed|The routing is)/);
      assert.match(outcome.created[0] ?? "", /The `approvals` check fails until a routing is computed\./);
      assert.deepEqual(outcome.requested, []);
    }
  });

  test("refuses targets that are not pull requests, and leaves a pull request that moved on alone", async () => {
    const bad = await comment(diff("x"), undefined, {
      targets: [{ number: "42; rm -rf /", head: HEAD, base: "main" }],
    });
    assert.deepEqual(bad.failed, ["TARGETS is not a list of {number, head, base}"]);
    assert.deepEqual(bad.created, []);
    const moved = await comment(diff("x"), undefined, { pr: { state: "open", sha: "f".repeat(40) } });
    assert.equal(moved.warnings.length, 1);
    assert.deepEqual(moved.created, []);
  });

  test("cuts an oversized review after escaping, keeps the routing, and strips forged and rebuilt markers", async () => {
    const forged = `<!-- void-<!-- void-infra:review-diff -->infra:review-diff -->\n${"@a ".repeat(30_000)}`;
    const outcome = await comment(diff(forged));
    const body = outcome.created[0] ?? "";
    assert.ok(body.length <= GITHUB_COMMENT_LIMIT, String(body.length));
    assert.equal(body.split("<!--").length, 2, "only the real marker opens a comment");
    assert.match(body, /Cut to fit GitHub's comment limit/);
    assert.match(body, /^### Who approves$/m);
  });

  test("hostile review text: the posted body holds one marker, first, mentions nobody and fits", async () => {
    for (const review of [
      ...hostileCases(0xfeed, 40, 30),
      `-->${"&#64;alice ".repeat(6_000)}`,
      `<!-- void-<!-- void-infra:review-diff -->infra:review-diff -->\n${"\uFF20a".repeat(40_000)}`,
    ]) {
      const outcome = await comment(diff(review));
      const label = JSON.stringify(review.slice(0, 200));
      const body = outcome.created[0] ?? "";
      assert.ok(body.startsWith(`${REVIEW_MARKER}\n`), label);
      assert.ok(body.length <= GITHUB_COMMENT_LIMIT, label);
      assert.equal(count(body, "<!--"), 1, label);
      assert.equal(count(body, "-->"), 1, label);
      assert.doesNotMatch(rendered(body), MENTION, label);
      assert.doesNotMatch(rendered(body), UNDEFUSED_AT, label);
    }
  });

  test("file names in the routing write no workflow command to the log and no markup to the comment", async () => {
    const file = "maintainers/x\n::add-mask::y\r##[stop-commands]t.yaml";
    const routing = {
      ...ALICE_ROUTING,
      requirements: [],
      refusals: [{ file, problem: "is not a person's file" }],
    };
    const outcome = await comment(diff("x"), { "42.json": JSON.stringify(routing) });
    const lines = outcome.infos.flatMap(runnerLines);
    assert.ok(lines.length > 0);
    assert.deepEqual(lines.filter(runnerSeesCommand), [], lines.join("\n"));
    assert.match(
      outcome.created[0] ?? "",
      /- `maintainers\/x\\u\{a\}::add-mask::y\\u\{d\}##\[stop-commands\]t\.yaml` is not a person's file/,
    );
  });
});
