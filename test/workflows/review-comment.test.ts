import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, test } from "node:test";
import { parse } from "yaml";
import { REPO_ROOT, tempDir } from "../support/project";

/** The github-script of review-comment.yml, run the way actions/github-script runs it. */
const SCRIPT = (() => {
  const wf = parse(readFileSync(join(REPO_ROOT, ".github", "workflows", "review-comment.yml"), "utf8"));
  const step = wf.jobs.comment.steps.find((s: { uses?: string }) =>
    s.uses?.startsWith("actions/github-script@"),
  );
  return String(step.with.script);
})();

const HEAD = "0123456789abcdef0123456789abcdef01234567";
const MARKER = "<!-- void-infra:review-diff -->";

interface Comment {
  id: number;
  user: { login: string };
  body: string;
}

interface Outcome {
  created: string[];
  updated: { id: number; body: string }[];
  failed: string[];
  warnings: string[];
}

async function runScript(
  artifact: { prNumber: string; review: string },
  options: { comments?: Comment[]; pr?: { state: string; sha: string } } = {},
): Promise<Outcome> {
  const temp = tempDir("void-comment-");
  mkdirSync(join(temp, "review"));
  writeFileSync(join(temp, "review", "pr-number"), artifact.prNumber);
  writeFileSync(join(temp, "review", "review.md"), artifact.review);
  const outcome: Outcome = { created: [], updated: [], failed: [], warnings: [] };
  const pr = options.pr ?? { state: "open", sha: HEAD };
  const github = {
    paginate: async () => options.comments ?? [],
    rest: {
      pulls: { get: async () => ({ data: { state: pr.state, head: { sha: pr.sha } } }) },
      issues: {
        listComments: () => undefined,
        createComment: async ({ body }: { body: string }) => {
          outcome.created.push(body);
          return { data: { id: 99 } };
        },
        updateComment: async ({ comment_id, body }: { comment_id: number; body: string }) => {
          outcome.updated.push({ id: comment_id, body });
        },
      },
    },
  };
  const context = {
    repo: { owner: "void-linux", repo: "void-infrastructure" },
    payload: {
      workflow_run: {
        head_sha: HEAD,
        html_url: "https://github.com/void-linux/void-infrastructure/actions/runs/1",
      },
    },
  };
  const core = {
    setFailed: (message: string) => outcome.failed.push(message),
    warning: (message: string) => outcome.warnings.push(message),
    info: () => undefined,
  };
  const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor;
  const run = new AsyncFunction("require", "github", "context", "core", "process", SCRIPT);
  const env = { ...process.env, RUNNER_TEMP: temp };
  await run(createRequire(__filename), github, context, core, { ...process, env });
  return outcome;
}

describe("review-comment.yml script", () => {
  test("creates one comment with the marker, defused mentions and a link to the run", async () => {
    const outcome = await runScript({
      prNumber: "42\n",
      review: "## github\n- adds @alice to pkg-committers (member)\n",
    });
    assert.deepEqual(outcome.failed, []);
    assert.equal(outcome.created.length, 1);
    const body = outcome.created[0];
    assert.ok(body.startsWith(`${MARKER}\n## github\n`));
    assert.match(body, /adds @\u2060alice to pkg-committers/);
    assert.doesNotMatch(body, /@alice/);
    assert.match(
      body,
      /Review diff of 0123456789ab from \[ci run\]\(https:\/\/github\.com\/void-linux\/void-infrastructure\/actions\/runs\/1\)/,
    );
  });

  test("updates the bot's existing comment instead of adding another", async () => {
    const comments = [
      { id: 7, user: { login: "mallory" }, body: `${MARKER}\nfake` },
      { id: 8, user: { login: "github-actions[bot]" }, body: `${MARKER}\nold` },
    ];
    const outcome = await runScript({ prNumber: "42", review: "no changes" }, { comments });
    assert.deepEqual(outcome.created, []);
    assert.deepEqual(
      outcome.updated.map((u) => u.id),
      [8],
    );
    assert.match(outcome.updated[0].body, /^<!-- void-infra:review-diff -->\nno changes/);
  });

  test("refuses a PR number that is not digits", async () => {
    const outcome = await runScript({ prNumber: "42; rm -rf /", review: "x" });
    assert.deepEqual(outcome.failed, ["pr-number in the artifact is not a pull request number"]);
    assert.deepEqual(outcome.created, []);
  });

  test("does not comment on a PR whose head is not the commit CI ran on", async () => {
    const outcome = await runScript(
      { prNumber: "41", review: "x" },
      { pr: { state: "open", sha: "f".repeat(40) } },
    );
    assert.equal(outcome.warnings.length, 1);
    assert.deepEqual(outcome.created, []);
  });

  test("cuts an oversized review and strips a forged marker", async () => {
    const outcome = await runScript({ prNumber: "42", review: `${MARKER}${"x".repeat(70000)}` });
    const body = outcome.created[0];
    assert.ok(body.length < 65536, String(body.length));
    assert.equal(body.split(MARKER).length, 2, "only the real marker remains");
    assert.match(body, /The review diff was cut at 65,000 bytes/);
  });
});
