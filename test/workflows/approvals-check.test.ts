import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import type { PersonSnapshot } from "../../inputs/person-snapshot";
import { type BoundRouting, routeApprovals } from "../../review/approvals";
import { assertCurrentBundle, fakeCore, fakeGitHub, runScript, workflowScript } from "../support/bots";
import { tempDir } from "../support/project";

/** The generated github-script step of review-comment.yml's approvals job, run the way github-script runs it. */
const SCRIPT = workflowScript(
  "review-comment.yml",
  "approvals",
  "Set the approvals check of each open pull request",
);

const HEAD = "0123456789abcdef0123456789abcdef01234567";
const BASE = "fedcba9876543210fedcba9876543210fedcba98";
const APP = "void-review-bot";

const person = (login: string, teams: PersonSnapshot["teams"], orgOwner = false): PersonSnapshot => ({
  login,
  name: login,
  githubId: undefined,
  teams,
  orgOwner,
  file: `maintainers/${login}.yaml`,
});
const ROSTER = [
  person("olga", { "void-ops": "maintainer" }, true),
  person("otto", { "void-ops": "member" }),
  person("cara", { "pkg-committers": "maintainer" }),
];

/** The routing `npm run approvals` would write: the real routing code, bound to BASE and HEAD. */
function routing(
  head: PersonSnapshot[],
  changed: string[],
  bound = { base: BASE, head: HEAD },
): BoundRouting {
  return {
    ...bound,
    ...routeApprovals(
      { people: ROSTER },
      { people: [...ROSTER.filter((p) => !head.some((h) => h.file === p.file)), ...head] },
      changed,
      { operatorTeam: "void-ops", people: "maintainers" },
    ),
  };
}
const ALICE = routing([person("alice", { "pkg-committers": "member" })], ["maintainers/alice.yaml"]);

interface Review {
  user: { login: string };
  state: string;
  commit_id: string;
}
const review = (login: string, state = "APPROVED", commit_id = HEAD): Review => ({
  user: { login },
  state,
  commit_id,
});

interface Check {
  name: string;
  head_sha: string;
  status: string;
  conclusion?: string;
  external_id: string;
  output: { title: string; summary: string };
}

interface Fake {
  routing?: BoundRouting | string | null;
  reviews?: Review[];
  pr?: { state: string; sha: string; author?: string };
  tip?: string;
  existing?: {
    status: string;
    conclusion: string | null;
    app: { slug: string };
    output: { title: string; summary: string };
  }[];
}

/** Runs the approvals job's script for pull request #42 against a fake GitHub; the checks it created. */
async function evaluate(fake: Fake = {}): Promise<{ checks: Check[]; failed: string[]; infos: string[] }> {
  const temp = tempDir("void-approvals-");
  mkdirSync(join(temp, "routing"));
  const file = fake.routing === undefined ? ALICE : fake.routing;
  if (file !== null)
    writeFileSync(join(temp, "routing", "42.json"), typeof file === "string" ? file : JSON.stringify(file));
  const checks: Check[] = [];
  const pr = fake.pr ?? { state: "open", sha: HEAD };
  const { github } = fakeGitHub([], new Map([["listReviews", fake.reviews ?? []]]), {
    pulls: {
      get: async () => ({
        data: {
          state: pr.state,
          head: { sha: pr.sha },
          base: { ref: "main" },
          user: { login: pr.author ?? "alice" },
        },
      }),
      listReviews: "listReviews",
    },
    repos: { getBranch: async () => ({ data: { commit: { sha: fake.tip ?? BASE } } }) },
    checks: {
      listForRef: async () => ({ data: { check_runs: fake.existing ?? [] } }),
      create: async (check: Check) => {
        checks.push(check);
        return { data: { id: checks.length } };
      },
    },
  });
  const context = {
    repo: { owner: "void-linux", repo: "void-infrastructure" },
    eventName: "workflow_run",
    runId: 9,
    serverUrl: "https://github.com",
    payload: {},
  };
  const core = fakeCore();
  const TARGETS = JSON.stringify([{ number: 42, head: HEAD, base: "main" }]);
  await runScript(SCRIPT, { github, context, core, env: { RUNNER_TEMP: temp, TARGETS, APP_SLUG: APP } });
  return { checks, failed: core.failed, infos: core.infos };
}

const states = (checks: readonly Check[]) => checks.map((c) => c.conclusion ?? c.status);

describe("review-comment.yml: the approvals check", () => {
  test("its script is the current bundle of review/bot/approvals-check.ts (npm run bots)", () => {
    assertCurrentBundle("review-comment.yml", "review/bot/approvals-check.ts");
  });

  test("waits for a maintainer of the team: an in-progress check on the head, bound to the base", async () => {
    const { checks, failed } = await evaluate();
    assert.deepEqual(failed, []);
    assert.equal(checks.length, 1);
    const [check] = checks as [Check];
    assert.deepEqual(
      [check.name, check.head_sha, check.status, check.conclusion, check.external_id],
      ["approvals", HEAD, "in_progress", undefined, BASE],
    );
    assert.equal(
      check.output.title,
      "Waiting for a maintainer of pkg-committers to approve maintainers/alice.yaml.",
    );
    assert.match(check.output.summary, /Merging `0123456789ab` into `main` at `fedcba987654`/);
    assert.match(check.output.summary, /\| waiting \|$/m);
  });

  test("passes once an approver approves the head commit; the row names who", async () => {
    const { checks } = await evaluate({ reviews: [review("Cara")] });
    assert.deepEqual(states(checks), ["success"]);
    assert.equal(checks[0]?.output.title, "Approved by the people each change needs.");
    assert.match(checks[0]?.output.summary ?? "", /\| ✅ @\u2060cara \|$/m);
  });

  test("approvals of another commit, the author's, strangers' and withdrawn ones do not count", async () => {
    for (const reviews of [
      [review("cara", "APPROVED", "e".repeat(40))],
      [review("mallory")],
      [review("cara"), review("cara", "CHANGES_REQUESTED")],
      [review("cara"), review("cara", "DISMISSED")],
    ])
      assert.deepEqual(
        states((await evaluate({ reviews })).checks),
        ["in_progress"],
        JSON.stringify(reviews),
      );
    const byAuthor = await evaluate({
      reviews: [review("cara")],
      pr: { state: "open", sha: HEAD, author: "Cara" },
    });
    assert.deepEqual(states(byAuthor.checks), ["in_progress"]);
    const commentAfter = await evaluate({ reviews: [review("cara"), review("cara", "COMMENTED")] });
    assert.deepEqual(states(commentAfter.checks), ["success"], "a comment does not withdraw an approval");
  });

  test("an operator's own promotion: only another operator, whoever opened it and whatever the routing lists", async () => {
    const promotion = routing(
      [{ ...person("otto", { "void-ops": "member" }, true) }],
      ["maintainers/otto.yaml"],
    );
    assert.deepEqual(promotion.requirements[0]?.approvers, ["olga"]);
    const forged: BoundRouting = {
      ...promotion,
      requirements: promotion.requirements.map((r) => ({ ...r, approvers: ["OTTO", "olga"], subjects: [] })),
    };
    for (const r of [promotion, forged]) {
      const self = await evaluate({
        routing: r,
        reviews: [review("Otto")],
        pr: { state: "open", sha: HEAD, author: "cara" },
      });
      assert.deepEqual(states(self.checks), ["in_progress"]);
      const other = await evaluate({ routing: r, reviews: [review("olga")] });
      assert.deepEqual(states(other.checks), ["success"]);
    }
  });

  test("a file name with U+200B, and any refusal, fails the check closed whoever approves", async () => {
    const stray = routing(
      [person("alice", { "pkg-committers": "member" })],
      ["maintainers/alice\u200B.yaml", "maintainers/alice.yaml"],
    );
    const { checks } = await evaluate({
      routing: stray,
      reviews: [review("olga"), review("otto"), review("cara")],
    });
    assert.deepEqual(states(checks), ["failure"]);
    assert.equal(
      checks[0]?.output.title,
      "maintainers/alice\\u{200b}.yaml is not a person's file (expected maintainers/<github-login>.yaml)",
    );
    assert.match(checks[0]?.output.summary ?? "", /Nobody can approve this change as it is/);
  });

  test("a routing that is missing, malformed, or of another pair of commits is never success", async () => {
    const approved = { reviews: [review("cara"), review("olga")] };
    for (const broken of [
      null,
      "{",
      JSON.stringify({ ...ALICE, base: "x" }),
      JSON.stringify({ ...ALICE, refusals: undefined }),
    ]) {
      const { checks } = await evaluate({ ...approved, routing: broken });
      assert.deepEqual(states(checks), ["failure"], String(broken));
    }
    // Another head: that routing is not this commit's; the run of the new head evaluates it.
    const otherHead = await evaluate({ ...approved, routing: { ...ALICE, head: "b".repeat(40) } });
    assert.deepEqual(states(otherHead.checks), ["failure"]);
    assert.match(
      otherHead.checks[0]?.output.title ?? "",
      /^The routing is of bbbbbbbbbbbb on fedcba987654, not of 0123456789ab on fedcba987654\.$/,
    );
    // The base moved after the routing: nothing is set; the run of that push evaluates again.
    const moved = await evaluate({ ...approved, tip: "c".repeat(40) });
    assert.deepEqual(moved.checks, []);
    assert.match(moved.infos.join("\n"), /main moved to cccccccccccc after the routing/);
    // The pull request moved on or closed: its own run evaluates it.
    for (const pr of [
      { state: "open", sha: "d".repeat(40) },
      { state: "closed", sha: HEAD },
    ])
      assert.deepEqual((await evaluate({ ...approved, pr })).checks, []);
  });

  test("the same verdict as the app's latest check is not posted again; another app's check is no reason", async () => {
    const first = (await evaluate({ reviews: [review("cara")] })).checks[0] as Check;
    const latest = { status: "completed", conclusion: "success", output: first.output };
    assert.deepEqual(
      (await evaluate({ reviews: [review("cara")], existing: [{ ...latest, app: { slug: APP } }] })).checks,
      [],
    );
    const forged = await evaluate({
      reviews: [review("cara")],
      existing: [{ ...latest, app: { slug: "github-actions" } }],
    });
    assert.equal(forged.checks.length, 1);
  });
});
