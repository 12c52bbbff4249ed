import { logText } from "../../runtime/log";
import { findOwnComment, shortSha as short } from "./comment";
import type { DispatchEnv, PullRequest } from "./github";
import {
  COMMIT_SHA,
  isPlanMainRun,
  isPlanPrRun,
  PLAN_MARKER_PREFIX,
  parseRecord,
  RUN_TITLE,
  STACK_NAME,
} from "./plan-record";

/**
 * apply.yml's `reviewed` job, first step (read-only token, no credential, nothing checked out):
 * which plans of the stack were shown for the commit being applied, so that apply applies only a
 * plan whose fingerprint a human was shown (docs/workflows.md, "Applying a stack"). There are two:
 *
 * - the plan reviewed before the merge: the commit is the merge of a pull request whose plan
 *   comment (written by the plan comment bot, found by its marker among the bot's own comments)
 *   recorded a plan of that pull request's final head, with a fingerprint for the stack;
 * - the plan of the commit itself, made after the merge: the latest successful run of plan.yml at
 *   this commit on this branch (a push, or a run by hand for drift or a main that moved), which
 *   shows its plan on its run page and keeps the fingerprints in its artifact `plan`; the next step
 *   downloads that and ./main-plan.ts reads it.
 *
 * Outputs, for the review job to compare and the report job to quote:
 *
 * - `pr`: the pull request merged as this commit, when there is one;
 * - `fingerprint`: its reviewed plan's fingerprint of the stack, when there is one;
 * - `problem`: why there is no such plan to compare with, when there is none;
 * - `mismatch`: what it means when the fingerprints differ: main moved since the review, or the
 *   state did (drift, another apply);
 * - `main_run`: the plan.yml run whose fingerprints to take, or `main_problem`: why there is none.
 *
 * Every value written is a number, a commit, a fingerprint or this file's own words.
 */
export async function reviewedPlan({ github, context, core, env }: DispatchEnv): Promise<void> {
  const stack = env.STACK ?? "";
  const branch = /^refs\/heads\/([A-Za-z0-9._/-]{1,200})$/.exec(context.ref)?.[1];
  if (!STACK_NAME.test(stack) || !COMMIT_SHA.test(context.sha) || branch === undefined) {
    core.setFailed("STACK is not a stack name, or the run's commit is not a commit on a branch");
    return;
  }
  const say = (name: string, value: string) => {
    core.setOutput(name, value);
    if (value !== "") core.info(logText(`${name}: ${value}`));
  };
  for (const [name, value] of Object.entries(await pullRequestPlan({ github, context, stack })))
    say(name, value);
  for (const [name, value] of Object.entries(await mainPlanRun({ github, context, stack, branch })))
    say(name, value);
}

type Lookup = Pick<DispatchEnv, "github" | "context"> & { readonly stack: string };

/** The plan reviewed in the pull request merged as the commit: `pr`, and `fingerprint` or `problem`, and `mismatch`. */
async function pullRequestPlan({ github, context, stack }: Lookup): Promise<Record<string, string>> {
  const { owner, repo } = context.repo;
  const sha = context.sha;
  const { data: associated } = await github.rest.repos.listPullRequestsAssociatedWithCommit({
    owner,
    repo,
    commit_sha: sha,
    per_page: 100,
  });
  const pull = associated.find(
    (p: PullRequest) => Boolean(p.merged_at) && p.merge_commit_sha === sha && Number.isSafeInteger(p.number),
  );
  if (!pull)
    return {
      problem: `\`${short(sha)}\` is not the merge of a pull request, so no plan of it was reviewed before a merge`,
    };
  const pr = String(pull.number);
  const existing = await findOwnComment(
    github,
    { owner, repo, issue_number: pull.number },
    PLAN_MARKER_PREFIX,
  );
  const record = existing ? parseRecord(existing.body) : undefined;
  const merged = pull.head.sha;
  if (!record)
    return { pr, problem: `pull request #${pr} has no plan comment: it was never planned before it merged` };
  if (record.state === "code")
    return { pr, problem: `pull request #${pr} changes code, so it was not planned before it merged` };
  if (record.head !== merged)
    return {
      pr,
      problem: `pull request #${pr} merged at \`${short(merged)}\`, but its last plan is of \`${short(record.head)}\`: its final commit was never planned`,
    };
  if (record.state !== "planned")
    return {
      pr,
      problem: `the last plan of pull request #${pr} is ${record.state === "failed" ? "a failed one" : "outdated"}`,
    };
  // The run the record names must be a finished plan of that very commit by plan-pr.yml: a
  // comment made to look like the bot's (by a workflow of another branch) names no such run.
  const { data: planRun } = await github.rest.actions.getWorkflowRun({ owner, repo, run_id: record.run });
  if (
    !isPlanPrRun(planRun) ||
    RUN_TITLE.exec(planRun.display_title ?? "")?.[1] !== record.head ||
    planRun.conclusion !== "success"
  )
    return {
      pr,
      problem: `the plan comment of pull request #${pr} names run ${record.run}, which is no finished plan-pr.yml run of its head`,
    };
  if (!Object.hasOwn(record.fingerprints, stack))
    return { pr, problem: `the plan comment of pull request #${pr} records no plan of \`${stack}\`` };

  const { data: commit } = await github.rest.repos.getCommit({ owner, repo, ref: sha });
  const parent = commit.parents[0]?.sha ?? "";
  return {
    pr,
    fingerprint: record.fingerprints[stack] ?? "",
    mismatch:
      record.base !== undefined && parent !== record.base
        ? `main moved since the review: pull request #${pr} was planned with main at \`${short(record.base)}\` and merged onto \`${short(parent)}\`, and the plan of \`${stack}\` differs now`
        : `the state of \`${stack}\` changed since the review (drift, or another apply): pull request #${pr} was planned with the main it merged onto, and the plan differs now`,
  };
}

/** The latest successful plan.yml run of the commit: `main_run`, or `main_problem`. */
async function mainPlanRun({
  github,
  context,
  branch,
}: Lookup & { readonly branch: string }): Promise<Record<string, string>> {
  const { owner, repo } = context.repo;
  const { data } = await github.rest.actions.listWorkflowRuns({
    owner,
    repo,
    workflow_id: "plan.yml",
    head_sha: context.sha,
    branch,
    status: "success",
    per_page: 100,
  });
  const runs = data.workflow_runs
    .filter((run) => isPlanMainRun(run, context.sha, branch) && Number.isSafeInteger(run.id) && run.id > 0)
    .sort((a, b) => b.id - a.id);
  const latest = runs[0];
  if (!latest)
    return {
      main_problem: `plan.yml has no finished plan of \`${short(context.sha)}\` on ${branch}, so none was shown after the merge`,
    };
  return { main_run: String(latest.id) };
}

/** The entry point the workflow calls, with what actions/github-script provides. */
export function main(scope: Omit<DispatchEnv, "env">): Promise<void> {
  return reviewedPlan({ ...scope, env: process.env });
}
