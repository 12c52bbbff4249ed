import { logText } from "../../runtime/log";
import { findOwnComment, shortSha as short } from "./comment";
import type { DispatchEnv, PullRequest } from "./github";
import {
  COMMIT_SHA,
  isPlanPrRun,
  PLAN_MARKER_PREFIX,
  parseRecord,
  RUN_TITLE,
  STACK_NAME,
} from "./plan-record";

/**
 * apply.yml's `reviewed` job (read-only token, no credential, nothing checked out): which plan of
 * the stack was reviewed for the commit being applied. The commit must be the merge of a pull
 * request whose plan comment (written by the plan comment bot, found by its marker among the bot's
 * own comments) recorded a plan of that pull request's final head, with a fingerprint for the
 * stack. Outputs, for the review job to compare and the report job to quote:
 *
 * - `pr`: the pull request merged as this commit, when there is one;
 * - `fingerprint`: the reviewed plan's fingerprint of the stack, when there is one;
 * - `problem`: why there is no reviewed plan to compare with, when there is none;
 * - `mismatch`: what it means when the fingerprints differ: main moved since the review, or the
 *   state did (drift, another apply).
 *
 * Every value written is a number, a commit, a fingerprint or this file's own words.
 */
export async function reviewedPlan({ github, context, core, env }: DispatchEnv): Promise<void> {
  const { owner, repo } = context.repo;
  const stack = env.STACK ?? "";
  const sha = context.sha;
  if (!STACK_NAME.test(stack) || !COMMIT_SHA.test(sha)) {
    core.setFailed("STACK is not a stack name, or the run's commit is not a commit");
    return;
  }
  const say = (name: string, value: string) => {
    core.setOutput(name, value);
    if (value !== "") core.info(logText(`${name}: ${value}`));
  };
  const problem = (text: string) => say("problem", text);

  const { data: associated } = await github.rest.repos.listPullRequestsAssociatedWithCommit({
    owner,
    repo,
    commit_sha: sha,
    per_page: 100,
  });
  const pull = associated.find(
    (p: PullRequest) => Boolean(p.merged_at) && p.merge_commit_sha === sha && Number.isSafeInteger(p.number),
  );
  if (!pull) {
    problem(`\`${short(sha)}\` is not the merge of a pull request, so no plan of it was reviewed`);
    return;
  }
  say("pr", String(pull.number));
  const existing = await findOwnComment(
    github,
    { owner, repo, issue_number: pull.number },
    PLAN_MARKER_PREFIX,
  );
  const record = existing ? parseRecord(existing.body) : undefined;
  const merged = pull.head.sha;
  if (!record) {
    problem(`pull request #${pull.number} has no plan comment: it was never planned before it merged`);
    return;
  }
  if (record.state === "code") {
    problem(`pull request #${pull.number} changes code, so it was not planned before it merged`);
    return;
  }
  if (record.head !== merged) {
    problem(
      `pull request #${pull.number} merged at \`${short(merged)}\`, but its last plan is of \`${short(record.head)}\`: its final commit was never planned`,
    );
    return;
  }
  if (record.state !== "planned") {
    problem(
      `the last plan of pull request #${pull.number} is ${record.state === "failed" ? "a failed one" : "outdated"}`,
    );
    return;
  }
  // The run the record names must be a finished plan of that very commit by plan-pr.yml: a
  // comment made to look like the bot's (by a workflow of another branch) names no such run.
  const { data: planRun } = await github.rest.actions.getWorkflowRun({ owner, repo, run_id: record.run });
  if (
    !isPlanPrRun(planRun) ||
    RUN_TITLE.exec(planRun.display_title ?? "")?.[1] !== record.head ||
    planRun.conclusion !== "success"
  ) {
    problem(
      `the plan comment of pull request #${pull.number} names run ${record.run}, which is no finished plan-pr.yml run of its head`,
    );
    return;
  }
  if (!Object.hasOwn(record.fingerprints, stack)) {
    problem(`the plan comment of pull request #${pull.number} records no plan of \`${stack}\``);
    return;
  }
  say("fingerprint", record.fingerprints[stack] ?? "");

  const { data: commit } = await github.rest.repos.getCommit({ owner, repo, ref: sha });
  const parent = commit.parents[0]?.sha ?? "";
  say(
    "mismatch",
    record.base !== undefined && parent !== record.base
      ? `main moved since the review: pull request #${pull.number} was planned with main at \`${short(record.base)}\` and merged onto \`${short(parent)}\`, and the plan of \`${stack}\` differs now`
      : `the state of \`${stack}\` changed since the review (drift, or another apply): pull request #${pull.number} was planned with the main it merged onto, and the plan differs now`,
  );
}

/** The entry point the workflow calls, with what actions/github-script provides. */
export function main(scope: Omit<DispatchEnv, "env">): Promise<void> {
  return reviewedPlan({ ...scope, env: process.env });
}
