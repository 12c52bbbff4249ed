import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import type { Routing } from "../../review/approvals";
import { GITHUB_COMMENT_LIMIT } from "../../review/bot/comment";
import { REVIEW_MARKER } from "../../review/bot/review-comment";
import {
  count,
  hostileCases,
  MENTION,
  rendered,
  runnerLines,
  runnerSeesCommand,
  UNDEFUSED_AT,
} from "../escaping/hostile";
import {
  assertCurrentBundle,
  type FakeComment,
  fakeCore,
  fakeGitHub,
  runScript,
  workflowScript,
} from "../support/bots";
import { tempDir } from "../support/project";

/** The generated github-script step of review-comment.yml, run below the way github-script runs it. */
const SCRIPT = workflowScript("review-comment.yml", "comment", "Post the comment and the approvals status");

const HEAD = "0123456789abcdef0123456789abcdef01234567";

interface Fake {
  files?: { filename: string; previous_filename?: string }[];
  reviews?: { user: { login: string }; state: string; commit_id: string }[];
  comments?: FakeComment[];
  pr?: { state: string; sha: string };
  trigger?: string;
}

interface Outcome {
  created: string[];
  updated: { id: number; body: string }[];
  statuses: { state: string; description: string; context: string }[];
  requested: { reviewers: string[]; team_reviewers: string[] }[];
  failed: string[];
  warnings: string[];
  /** What the script printed through core.info, which writes it to the log as is. */
  infos: string[];
}

const ALICE_ROUTING: Routing = {
  operatorTeam: "void-ops",
  operators: ["olga"],
  requirements: [
    {
      file: "maintainers/alice.yaml",
      reasons: ["adds @alice to pkg-committers (member)"],
      by: { teams: ["pkg-committers"] },
      approvers: ["cara", "olga"],
    },
  ],
};

/** Runs the generated script against a fake GitHub, with an artifact holding `artifact`. */
async function runBot(artifact: Record<string, string>, fake: Fake = {}): Promise<Outcome> {
  const temp = tempDir("void-comment-");
  mkdirSync(join(temp, "review"));
  for (const [name, text] of Object.entries(artifact)) writeFileSync(join(temp, "review", name), text);
  const statuses: Outcome["statuses"] = [];
  const requested: Outcome["requested"] = [];
  const pr = fake.pr ?? { state: "open", sha: HEAD };
  const lists = new Map<unknown, unknown[]>([
    ["listFiles", fake.files ?? [{ filename: "maintainers/alice.yaml" }]],
    ["listReviews", fake.reviews ?? []],
  ]);
  const { github, created, updated } = fakeGitHub(fake.comments ?? [], lists, {
    pulls: {
      get: async () => ({ data: { state: pr.state, head: { sha: pr.sha }, user: { login: "alice" } } }),
      listFiles: "listFiles",
      listReviews: "listReviews",
      requestReviewers: async (p: { reviewers: string[]; team_reviewers: string[] }) => {
        requested.push({ reviewers: p.reviewers, team_reviewers: p.team_reviewers });
        return { data: {} };
      },
    },
    repos: {
      createCommitStatus: async (p: { state: string; description: string; context: string }) => {
        statuses.push({ state: p.state, description: p.description, context: p.context });
        return { data: {} };
      },
    },
  });
  const context = {
    repo: { owner: "void-linux", repo: "void-infrastructure" },
    payload: {
      workflow_run: {
        id: 1,
        name: fake.trigger ?? "ci",
        head_sha: HEAD,
        html_url: "https://github.com/void-linux/void-infrastructure/actions/runs/1",
      },
    },
  };
  const core = fakeCore();
  await runScript(SCRIPT, { github, context, core, env: { RUNNER_TEMP: temp } });
  return {
    created: created.map((c) => c.body),
    updated,
    statuses,
    requested,
    failed: core.failed,
    warnings: core.warnings,
    infos: core.infos,
  };
}

const artifact = (review: string, routing: Routing | string = ALICE_ROUTING) => ({
  "pr-number": "42\n",
  "review.md": review,
  "approvals.json": typeof routing === "string" ? routing : JSON.stringify(routing),
});

describe("review-comment.yml", () => {
  test("its script is the current bundle of review/bot/review-comment.ts (npm run bots)", () => {
    assertCurrentBundle("review-comment.yml", "review/bot/review-comment.ts");
  });

  test("creates one comment with the marker, defused mentions and a link to the run", async () => {
    const outcome = await runBot(
      artifact("## github\n- welcomes Alice (@alice) to pkg-committers (member)\n"),
    );
    assert.deepEqual(outcome.failed, []);
    assert.equal(outcome.created.length, 1);
    const body = outcome.created[0] ?? "";
    assert.ok(body.startsWith(`${REVIEW_MARKER}\n## github\n`));
    assert.match(body, /\(@\u2060alice\) to pkg-committers/);
    assert.doesNotMatch(body, /@alice/);
    assert.match(
      body,
      /Review diff of 0123456789ab from \[ci run\]\(https:\/\/github\.com\/void-linux\/void-infrastructure\/actions\/runs\/1\)/,
    );
  });

  test("updates the bot's existing comment instead of adding another", async () => {
    const comments = [
      { id: 7, user: { login: "mallory" }, body: `${REVIEW_MARKER}\nfake` },
      { id: 8, user: { login: "github-actions[bot]" }, body: `${REVIEW_MARKER}\nold` },
    ];
    const outcome = await runBot(artifact("no changes"), { comments });
    assert.deepEqual(outcome.created, []);
    assert.deepEqual(
      outcome.updated.map((u) => u.id),
      [8],
    );
    assert.match(outcome.updated[0]?.body ?? "", /^<!-- void-infra:review-diff -->\nno changes/);
  });

  test("refuses a PR number that is not digits", async () => {
    const outcome = await runBot({ "pr-number": "42; rm -rf /", "review.md": "x" });
    assert.deepEqual(outcome.failed, ["pr-number in the artifact is not a pull request number"]);
    assert.deepEqual(outcome.created, []);
    assert.deepEqual(outcome.statuses, []);
  });

  test("does nothing for a PR whose head is not the commit CI ran on", async () => {
    const outcome = await runBot(artifact("x"), { pr: { state: "open", sha: "f".repeat(40) } });
    assert.equal(outcome.warnings.length, 1);
    assert.deepEqual(outcome.created, []);
    assert.deepEqual(outcome.statuses, []);
  });

  test("cuts an oversized review after escaping and strips forged and rebuilt markers", async () => {
    const forged = `<!-- void-<!-- void-infra:review-diff -->infra:review-diff -->\n${"@a ".repeat(30_000)}`;
    const outcome = await runBot(artifact(forged));
    const body = outcome.created[0] ?? "";
    assert.ok(body.length <= GITHUB_COMMENT_LIMIT, String(body.length));
    assert.equal(body.split("<!--").length, 2, "only the real marker opens a comment");
    assert.match(body, /Cut to fit GitHub's comment limit/);
  });

  test("hostile review text: the posted body holds one marker, first, mentions nobody and fits", async () => {
    for (const review of [
      ...hostileCases(0xfeed, 40, 30),
      `-->${"&#64;alice ".repeat(6_000)}`,
      `<!-- void-<!-- void-infra:review-diff -->infra:review-diff -->\n${"\uFF20a".repeat(40_000)}`,
    ]) {
      const outcome = await runBot(artifact(review));
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

  test("file names and routing from the pull request write no workflow command to the log", async () => {
    const file = "maintainers/x\n::add-mask::y\r##[stop-commands]t.yaml";
    const routing = { ...ALICE_ROUTING, requirements: [{ ...ALICE_ROUTING.requirements[0], file }] };
    for (const files of [[{ filename: file }], [{ filename: "maintainers/alice.yaml" }]]) {
      const outcome = await runBot(artifact("x", routing as Routing), { files });
      const lines = outcome.infos.flatMap(runnerLines);
      assert.ok(lines.length > 0);
      assert.deepEqual(lines.filter(runnerSeesCommand), [], lines.join("\n"));
      for (const status of outcome.statuses) assert.doesNotMatch(status.description, /[\r\n]/);
    }
  });
});

describe("the approvals status", () => {
  test("waits for a maintainer of the team and asks them, not the author, not the operators", async () => {
    const outcome = await runBot(artifact("x"));
    assert.deepEqual(outcome.statuses, [
      {
        context: "approvals",
        state: "pending",
        description: "Waiting for a maintainer of pkg-committers to approve maintainers/alice.yaml.",
      },
    ]);
    assert.deepEqual(outcome.requested, [{ reviewers: ["cara"], team_reviewers: [] }]);
  });

  test("passes once an approver approves the head commit; approvals of older commits and the author's do not count", async () => {
    const stale = await runBot(artifact("x"), {
      reviews: [
        { user: { login: "cara" }, state: "APPROVED", commit_id: "e".repeat(40) },
        { user: { login: "alice" }, state: "APPROVED", commit_id: HEAD },
        { user: { login: "mallory" }, state: "APPROVED", commit_id: HEAD },
      ],
    });
    assert.equal(stale.statuses[0]?.state, "pending");
    const approved = await runBot(artifact("x"), {
      trigger: "review events",
      reviews: [{ user: { login: "cara" }, state: "APPROVED", commit_id: HEAD }],
    });
    assert.deepEqual(approved.created, [], "a review does not re-post the comment");
    assert.deepEqual(approved.statuses, [
      { context: "approvals", state: "success", description: "Approved by the people each change needs." },
    ]);
  });

  test("a later change request withdraws an approval", async () => {
    const outcome = await runBot(artifact("x"), {
      reviews: [
        { user: { login: "cara" }, state: "APPROVED", commit_id: HEAD },
        { user: { login: "cara" }, state: "CHANGES_REQUESTED", commit_id: HEAD },
      ],
    });
    assert.equal(outcome.statuses[0]?.state, "pending");
  });

  test("a change beyond people's files is left to CODEOWNERS; a forged routing is refused", async () => {
    const code = await runBot(artifact("x"), {
      files: [{ filename: "maintainers/alice.yaml" }, { filename: "review/approvals.ts" }],
    });
    assert.deepEqual(
      code.statuses.map((s) => s.state),
      ["success"],
    );
    assert.match(code.statuses[0]?.description ?? "", /CODEOWNERS asks the operators/);

    const forged = {
      ...ALICE_ROUTING,
      requirements: [{ ...ALICE_ROUTING.requirements[0], approvers: ["bad login!"] }],
    };
    const refused = await runBot(artifact("x", forged as Routing));
    assert.deepEqual(refused.statuses[0], {
      context: "approvals",
      state: "failure",
      description: "The routing in the ci artifact is malformed.",
    });
    const missing = await runBot(artifact("x", { ...ALICE_ROUTING, requirements: [] }));
    assert.match(missing.statuses[0]?.description ?? "", /^No routing for maintainers\/alice\.yaml/);
  });

  test("a file name under maintainers/ with an invisible character fails closed, spelled out", async () => {
    for (const filename of ["maintainers/x\u200B.yaml", "maintainers/.x.yaml", "maintainers/x\uFEFF.yaml"]) {
      const outcome = await runBot(artifact("x"), {
        files: [{ filename: "maintainers/alice.yaml" }, { filename }],
        reviews: [{ user: { login: "olga" }, state: "APPROVED", commit_id: HEAD }],
      });
      assert.equal(outcome.statuses[0]?.state, "failure", filename);
      assert.match(
        outcome.statuses[0]?.description ?? "",
        /is not a person's file \(expected maintainers\/<github-login>\.yaml\)/,
      );
      assert.doesNotMatch(outcome.statuses[0]?.description ?? "", /[\u200B\uFEFF]/u);
    }
    const renamed = await runBot(artifact("x"), {
      files: [{ filename: "maintainers/alice.yaml", previous_filename: "maintainers/al\u200Bice.yaml" }],
    });
    assert.equal(renamed.statuses[0]?.state, "failure");
  });

  test("the person a file is about never approves it, even when the routing names them", async () => {
    // alice opened the pull request that makes operator olga an org owner.
    const promotion: Routing = {
      ...ALICE_ROUTING,
      operators: ["olga", "otto"],
      requirements: [
        {
          file: "maintainers/olga.yaml",
          reasons: ["makes @olga an org owner"],
          by: { operators: true },
          approvers: ["olga", "otto"],
        },
      ],
    };
    const files = [{ filename: "maintainers/olga.yaml" }];
    const self = await runBot(artifact("x", promotion), {
      files,
      reviews: [{ user: { login: "Olga" }, state: "APPROVED", commit_id: HEAD }],
    });
    assert.equal(self.statuses[0]?.state, "pending");
    const other = await runBot(artifact("x", promotion), {
      files,
      reviews: [{ user: { login: "otto" }, state: "APPROVED", commit_id: HEAD }],
    });
    assert.equal(other.statuses[0]?.state, "success");
  });

  test("power needs an operator: the operators' team is asked", async () => {
    const owner: Routing = {
      ...ALICE_ROUTING,
      requirements: [
        {
          file: "maintainers/alice.yaml",
          reasons: ["makes @alice an org owner"],
          by: { operators: true },
          approvers: ["olga"],
        },
      ],
    };
    const outcome = await runBot(artifact("x", owner));
    assert.equal(
      outcome.statuses[0]?.description,
      "Waiting for an operator to approve maintainers/alice.yaml.",
    );
    assert.deepEqual(outcome.requested, [{ reviewers: [], team_reviewers: ["void-ops"] }]);
  });
});
