import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { planSummary } from "../../cli/plan-summary";
import { GITHUB_COMMENT_LIMIT } from "../../review/bot/comment";
import { type PlanRecord, parseRecord, recordLine } from "../../review/bot/plan-record";
import {
  assertCurrentBundle,
  type FakeComment,
  fakeCore,
  fakeGitHub,
  runScript,
  workflowScript,
} from "../support/bots";
import { count, MENTION, rendered, runnerLines, runnerSeesCommand } from "../support/hostile-text";
import { PLANS } from "../support/plans";
import { ADOPTION_ROOT, run, tempDir } from "../support/project";

/** The generated github-script step of plan-comment.yml, run below the way github-script runs it. */
const SCRIPT = workflowScript(
  "plan-comment.yml",
  "comment",
  "Post, update or mark outdated the plan comment",
);
/** The exact comments the bot posts for the fixture plans (UPDATE_SNAPSHOTS=1 to accept a change). */
const SNAPSHOTS = join(PLANS, "comments");

const HEAD = "0123456789abcdef0123456789abcdef01234567";
const NEWER = "89abcdef0123456789abcdef0123456789abcdef";
const BASE = "fedcba9876543210fedcba9876543210fedcba98";
const RUN = 77;
const RUN_URL = `https://github.com/void-linux/void-infrastructure/actions/runs/${RUN}`;
const BOT = { login: "github-actions[bot]" };

/** A stand-in for `npm run plan-fingerprint`'s output: a fixed 64-hex value per stack. */
const fingerprintOf = (stack: string) => createHash("sha256").update(`plan of ${stack}`).digest("hex");

/** What plan-pr.yml uploads for these plans: made the way plan-comment-data.sh makes it. */
async function artifactOf(stacks: Record<string, string>): Promise<Record<string, string>> {
  const args = Object.entries(stacks).flatMap(([stack, file]) => [
    "--stack",
    `${stack}=${join(PLANS, file)}`,
  ]);
  // In the frozen adoption checkout: people and powerful teams as that data names them.
  const summary = await run(planSummary, ADOPTION_ROOT, ["--format", "json", ...args]);
  assert.equal(summary.status, 0, summary.stderr);
  return {
    "head-sha": `${HEAD}\n`,
    "base-sha": `${BASE}\n`,
    planned: "true\n",
    "summary.json": summary.stdout,
    fingerprints: Object.keys(stacks)
      .map((stack) => `${stack} ${fingerprintOf(stack)}\n`)
      .join(""),
  };
}

interface Scenario {
  /** The artifact's files; none: the plan job was skipped. */
  readonly artifact?: Record<string, string>;
  /** Files of the artifact that are symbolic links, to where. */
  readonly links?: Record<string, string>;
  readonly action?: "requested" | "completed";
  readonly conclusion?: string;
  readonly title?: string;
  /** What started the plan run; plan-pr.yml's runs start by workflow_run. */
  readonly event?: string;
  readonly comments?: readonly FakeComment[];
  /** The open pull requests into main, by number and head. */
  readonly pulls?: readonly { readonly number: number; readonly sha: string }[];
}

/** Runs the generated script against a fake GitHub. */
async function runBot(scenario: Scenario) {
  const temp = tempDir("void-plan-comment-");
  if (scenario.artifact) {
    mkdirSync(join(temp, "plan-pr"));
    for (const [name, text] of Object.entries(scenario.artifact))
      writeFileSync(join(temp, "plan-pr", name), text);
    for (const [name, target] of Object.entries(scenario.links ?? {}))
      symlinkSync(target, join(temp, "plan-pr", name));
  }
  const pulls = (scenario.pulls ?? [{ number: 42, sha: HEAD }]).map((p) => ({
    number: p.number,
    state: "open",
    head: { sha: p.sha },
    base: { ref: "main" },
    user: { login: "alice" },
  }));
  const lists = new Map<unknown, unknown[]>([["pulls.list", pulls]]);
  const fake = fakeGitHub([...(scenario.comments ?? [])], lists, { pulls: { list: "pulls.list" } });
  const core = fakeCore();
  const context = {
    repo: { owner: "void-linux", repo: "void-infrastructure" },
    payload: {
      action: scenario.action ?? "completed",
      repository: { default_branch: "main" },
      workflow_run: {
        id: RUN,
        name: "plan pull request",
        head_sha: BASE,
        html_url: RUN_URL,
        display_title: scenario.title ?? `plan pull request at ${HEAD}`,
        event: scenario.event ?? "workflow_run",
        path: ".github/workflows/plan-pr.yml",
        conclusion: scenario.action === "requested" ? null : (scenario.conclusion ?? "success"),
      },
    },
  };
  await runScript(SCRIPT, { github: fake.github, context, core, env: { RUNNER_TEMP: temp } });
  return { ...fake, core };
}

/** The one comment a run posted. */
async function posted(scenario: Scenario): Promise<string> {
  const outcome = await runBot(scenario);
  assert.deepEqual(outcome.core.failed, []);
  assert.equal(outcome.created.length + outcome.updated.length, 1, "one comment written");
  return outcome.created[0]?.body ?? outcome.updated[0]?.body ?? "";
}

function matchesSnapshot(name: string, body: string): void {
  const file = join(SNAPSHOTS, `${name}.md`);
  if (process.env.UPDATE_SNAPSHOTS) writeFileSync(file, body);
  assert.equal(body, readFileSync(file, "utf8"), `${name}.md (UPDATE_SNAPSHOTS=1 to accept a change)`);
}

const MIXED = {
  create: "real/create/plan.json",
  update: "real/update/plan.json",
  replace: "real/replace/plan.json",
  delete: "real/delete/plan.json",
  quiet: "real/quiet/plan.json",
  sensitive: "real/sensitive/plan.json",
};

describe("plan-comment.yml", () => {
  test("its script is the current bundle of review/bot/plan-comment.ts (npm run bots)", () => {
    assertCurrentBundle("plan-comment.yml", "review/bot/plan-comment.ts");
  });

  test("every stack's real plan in one comment: exactly the committed body", async () => {
    const body = await posted({ artifact: await artifactOf(MIXED) });
    matchesSnapshot("mixed", body);
    assert.deepEqual(parseRecord(body), {
      state: "planned",
      head: HEAD,
      base: BASE,
      run: RUN,
      now: undefined,
      fingerprints: Object.fromEntries(Object.keys(MIXED).map((s) => [s, fingerprintOf(s)])),
    });
    for (const secret of ["ldap-bind-0ld-s3cret", "ldap-bind-n3w-s3cret"])
      assert.ok(!body.includes(secret), secret);
  });

  test("provider resources in the review diff's words: grants of power and deletions first (hand-written plans)", async () => {
    const body = await posted({
      artifact: await artifactOf({
        github: "hand/everyday/github/plan.json",
        digitalocean: "hand/everyday/digitalocean/plan.json",
        hashistack: "hand/everyday/hashistack/plan.json",
      }),
    });
    matchesSnapshot("everyday", body);
    // The bot defuses every mention: nobody is pinged by a plan.
    assert.match(body, /^> - makes @\u2060alice an org owner · `github_membership\.org_owner_alice`$/m);
  });

  test("drift is shown apart from the changes (hand-written plan: Terraform cannot drift offline)", async () => {
    matchesSnapshot(
      "drift",
      await posted({
        artifact: await artifactOf({
          hashistack: "hand/hashistack/plan.json",
          quiet: "real/quiet/plan.json",
        }),
      }),
    );
  });

  test("5,000 changes: under GitHub's limit, every deletion before any creation, exactly the committed body", async () => {
    const body = await posted({ artifact: await artifactOf({ bulk: "real/bulk/plan.json" }) });
    matchesSnapshot("bulk", body);
    assert.ok(body.length <= GITHUB_COMMENT_LIMIT, String(body.length));
    // In the lists (sentences), and again in the attribute details after them (actions).
    const details = body.indexOf("<details><summary>Attributes");
    for (const [part, deletion, creation] of [
      [body.slice(0, details), /^> - removes /, /^- adds /],
      [body.slice(details), /\*\*delete\*\*/, /\*\*create\*\*/],
    ] as const) {
      const lines = part.split("\n");
      const lastDelete = lines.findLastIndex((l) => deletion.test(l));
      const firstCreate = lines.findIndex((l) => creation.test(l));
      assert.ok(
        lastDelete > 0 && (firstCreate === -1 || lastDelete < firstCreate),
        `${lastDelete} < ${firstCreate}`,
      );
    }
    assert.match(
      body,
      /> - removes `terraform_data\.team_a` ×1,000 — its count index no longer exists\n> {3}`\[250\]`–`\[1249\]`\n/,
    );
    assert.match(
      body,
      /> - removes `terraform_data\.team_c` ×1,000 — its count index no longer exists\n> {3}`\[250\]`–`\[1249\]`\n/,
    );
    assert.match(
      body,
      /\n> The attributes of [0-9,]+ resources are left out to fit one comment; the plan run's log has every change\.\n/,
    );
  });

  test("nothing changes: one line, with the commit and the run", async () => {
    assert.equal(
      await posted({ artifact: await artifactOf({ quiet: "real/quiet/plan.json" }) }),
      `${recordLine({ state: "planned", head: HEAD, base: BASE, run: RUN, fingerprints: { quiet: fingerprintOf("quiet") } })}\n` +
        `✅ **Terraform plan:** no changes in any stack. Commit \`0123456789ab\`, planned with main at \`fedcba987654\` · [plan run](${RUN_URL})\n`,
    );
  });

  test("a pull request that changes code: says it is planned after the merge", async () => {
    assert.equal(
      await posted({ artifact: { "head-sha": HEAD, "base-sha": BASE, planned: "false" } }),
      `<!-- void-infra:plan state=code head=${HEAD} base=${BASE} run=${RUN} -->\n` +
        "ℹ️ **Terraform plan:** none for `0123456789ab`: this pull request changes code, and before it merges only a pull request's data is planned with credentials. Once it merges, plan.yml plans the merged commit and shows that plan on its run page; apply.yml applies a stack only if its plan is that one. · " +
        `[plan run](${RUN_URL})\n`,
    );
  });

  test("a plan run that failed (or was declined): says so, records nothing to apply", async () => {
    assert.equal(
      await posted({ conclusion: "failure" }),
      `<!-- void-infra:plan state=failed head=${HEAD} run=${RUN} -->\n` +
        "### Terraform plan\n\n> [!WARNING]\n" +
        `> The plan of \`0123456789ab\` did not finish: it failed, or its approval was declined. Nothing of it can be applied. [Plan run](${RUN_URL})\n`,
    );
    for (const conclusion of ["cancelled", "skipped"]) {
      const outcome = await runBot({ conclusion });
      assert.deepEqual([outcome.created, outcome.updated], [[], []], conclusion);
    }
    const skipped = await runBot({});
    assert.deepEqual(
      [skipped.created, skipped.updated, skipped.core.failed],
      [[], [], []],
      "no artifact, no comment",
    );
  });

  test("updates its own comment in place; a look-alike by anyone else is left alone", async () => {
    const artifact = await artifactOf({ quiet: "real/quiet/plan.json" });
    const forged = `${recordLine({ state: "planned", head: HEAD, run: 1, fingerprints: { quiet: "0".repeat(64) } })}\nmine`;
    const outcome = await runBot({
      artifact,
      comments: [
        { id: 7, user: { login: "mallory" }, body: forged },
        { id: 8, user: BOT, body: "<!-- void-infra:review-diff -->\nreview" },
        {
          id: 9,
          user: BOT,
          body: `${recordLine({ state: "planned", head: NEWER, run: 5, fingerprints: {} })}\nold`,
        },
      ],
    });
    assert.deepEqual(outcome.created, []);
    assert.deepEqual(
      outcome.updated.map((u) => u.id),
      [9],
    );
    assert.equal(parseRecord(outcome.updated[0]?.body ?? "")?.fingerprints.quiet, fingerprintOf("quiet"));
  });

  test("only an open pull request into main whose head is the commit planned; forks included", async () => {
    const artifact = await artifactOf({ quiet: "real/quiet/plan.json" });
    const moved = await runBot({ artifact, pulls: [{ number: 42, sha: NEWER }] });
    assert.deepEqual(
      [moved.created, moved.updated],
      [[], []],
      "the pull request moved on: its own plan comes",
    );
    const two = await runBot({
      artifact,
      pulls: [
        { number: 42, sha: HEAD },
        { number: 43, sha: HEAD },
      ],
    });
    assert.deepEqual(
      two.created.map((c) => c.issue_number),
      [42, 43],
    );
    const untitled = await runBot({ artifact, title: "plan pull request" });
    assert.deepEqual(untitled.created, []);
    assert.match(untitled.core.warnings.join("\n"), /names no commit/);
    // A workflow named `plan pull request` that a pull request adds runs on its own events.
    const impostor = await runBot({ artifact, event: "pull_request" });
    assert.deepEqual([impostor.created, impostor.updated], [[], []]);
    assert.match(impostor.core.warnings.join("\n"), /not one of plan-pr\.yml started by workflow_run/);
  });

  test("a malformed artifact is refused with what is wrong, and nothing is posted", async () => {
    const good = await artifactOf({ quiet: "real/quiet/plan.json", update: "real/update/plan.json" });
    const summary = JSON.parse(good["summary.json"] ?? "");
    summary.stacks[1].counts.update = 0;
    for (const [artifact, message] of [
      [{ ...good, "head-sha": NEWER }, "head-sha in the artifact is not the commit the run planned"],
      [{ ...good, "base-sha": "main" }, "base-sha in the artifact is not a commit"],
      [{ ...good, planned: "yes" }, "planned in the artifact is neither true nor false"],
      [{ ...good, "summary.json": "[" }, "the plan summary is not JSON"],
      [
        { ...good, "summary.json": JSON.stringify(summary) },
        "stacks[1].counts.update does not match its resources",
      ],
      [
        { ...good, fingerprints: "quiet abc\n" },
        "fingerprints in the artifact is not one `<stack> <sha256>` line per stack",
      ],
      [
        { ...good, fingerprints: `update ${"a".repeat(64)}\nquiet ${"b".repeat(64)}\n` },
        "the fingerprints in the artifact are not one per stack of the summary, in its order",
      ],
      [{ ...good, "summary.json": "\uFFFD\u0000" }, "summary.json in the artifact holds a NUL character"],
    ] as const) {
      const outcome = await runBot({ artifact });
      assert.deepEqual(outcome.core.failed, [message]);
      assert.deepEqual([outcome.created, outcome.updated], [[], []]);
    }
  });

  test("a link in the artifact is not followed", async () => {
    const temp = tempDir("void-plan-link-");
    const { "summary.json": summary, ...rest } = await artifactOf({ quiet: "real/quiet/plan.json" });
    writeFileSync(join(temp, "summary.json"), summary ?? "");
    const linked = await runBot({ artifact: rest, links: { "summary.json": join(temp, "summary.json") } });
    assert.deepEqual(linked.core.failed, ["summary.json in the artifact is not a regular file"]);
    assert.deepEqual(linked.created, []);
  });

  test("hostile text in the plan: one marker, first, whose record is the bot's; no mention; no log command", async () => {
    const artifact = await artifactOf({ quiet: "real/quiet/plan.json" });
    const json = JSON.parse(artifact["summary.json"] ?? "");
    const forged = recordLine({
      state: "planned",
      head: HEAD,
      run: 1,
      fingerprints: { quiet: "0".repeat(64) },
    });
    const address = `terraform_data.x["${forged}\n-->@alice <!-- ::add-mask::x\n##[stop-commands]y"]`;
    json.stacks[0].resources = [
      {
        address,
        action: "delete",
        forcedBy: [],
        alsoUpdates: false,
        changes: [{ path: "a", before: '"@bob"', forcesReplacement: false }],
      },
    ];
    json.stacks[0].counts.delete = 1;
    json.stacks[0].drift = [address];
    const outcome = await runBot({ artifact: { ...artifact, "summary.json": JSON.stringify(json) } });
    assert.deepEqual(outcome.core.failed, []);
    const body = outcome.created[0]?.body ?? "";
    assert.equal(count(body, "<!--"), 1);
    assert.equal(count(body, "-->"), 1);
    assert.equal(parseRecord(body)?.fingerprints.quiet, fingerprintOf("quiet"));
    assert.doesNotMatch(rendered(body), MENTION);
    const lines = outcome.core.infos.flatMap(runnerLines);
    assert.deepEqual(lines.filter(runnerSeesCommand), []);
  });
});

describe("a newer push marks the plan comment outdated until its plan arrives", () => {
  const planned = async () => {
    const body = await posted({ artifact: await artifactOf({ update: "real/update/plan.json" }) });
    return { id: 9, user: BOT, body };
  };

  test("requested for a newer head: the old plan stays, under a banner; the record keeps its fingerprints", async () => {
    const old = await planned();
    const outcome = await runBot({
      action: "requested",
      title: `plan pull request at ${NEWER}`,
      pulls: [{ number: 42, sha: NEWER }],
      comments: [old],
    });
    const record = parseRecord(old.body) as PlanRecord;
    const rest = old.body.slice(old.body.indexOf("\n") + 1);
    const banner =
      "> [!WARNING]\n> **Outdated:** this plan is of `0123456789ab`; the pull request is now at `89abcdef0123`.\n" +
      "> A new plan follows once ci passes on it and an operator approves the plan run.";
    assert.deepEqual(outcome.updated, [
      { id: 9, body: `${recordLine({ ...record, state: "outdated", now: NEWER })}\n${banner}\n\n${rest}` },
    ]);

    // Again for a third commit: one banner, naming the newest.
    const third = "c".repeat(40);
    const again = await runBot({
      action: "requested",
      title: `plan pull request at ${third}`,
      pulls: [{ number: 42, sha: third }],
      comments: [{ ...old, body: outcome.updated[0]?.body ?? "" }],
    });
    const body = again.updated[0]?.body ?? "";
    assert.equal(count(body, "**Outdated:**"), 1);
    assert.match(body, /the pull request is now at `cccccccccccc`/);
    assert.equal(body.slice(body.indexOf("\n\n") + 2), rest);

    // Its plan arrives: the comment is the new plan, no banner.
    const arrived = await runBot({
      artifact: { ...(await artifactOf({ update: "real/update/plan.json" })), "head-sha": third },
      title: `plan pull request at ${third}`,
      pulls: [{ number: 42, sha: third }],
      comments: [{ ...old, body }],
    });
    assert.doesNotMatch(arrived.updated[0]?.body ?? "", /Outdated/);
    assert.equal(parseRecord(arrived.updated[0]?.body ?? "")?.state, "planned");
  });

  test("requested for the commit planned, or with no plan comment yet: nothing changes", async () => {
    const old = await planned();
    for (const scenario of [
      { action: "requested", comments: [old] },
      { action: "requested", title: `plan pull request at ${NEWER}`, pulls: [{ number: 42, sha: NEWER }] },
      {
        action: "requested",
        title: `plan pull request at ${NEWER}`,
        pulls: [{ number: 42, sha: HEAD }],
        comments: [old],
      },
    ] as const) {
      const outcome = await runBot(scenario);
      assert.deepEqual([outcome.created, outcome.updated, outcome.core.failed], [[], [], []]);
    }
  });
});
