import type { Target } from "./approvals";
import type { PullRequest, ReviewBotEnv } from "./github";

/** The only ci whose artifact becomes the review comment. */
const CI_WORKFLOW = ".github/workflows/ci.yml";

/**
 * review-comment.yml's `find` job (token `pull-requests: read`, nothing checked out): which pull
 * requests the run evaluates, from the API alone.
 *
 * - `targets`: every open pull request, with its head and base branch. Every run evaluates them
 *   all: the approvals job runs one at a time and GitHub keeps only the newest waiting run, so
 *   whichever run comes last has seen every event before it (a review, a push, a change of
 *   operators on main, a retargeted pull request).
 * - `commented`: the pull requests whose head is the commit of the ci run that started this run,
 *   which get the review comment; none after a review or a push.
 * - `ci-run`: that ci run's id, whose artifact holds the review diff; empty otherwise.
 */
export async function findPulls({ github, context, core }: ReviewBotEnv): Promise<void> {
  const { owner, repo } = context.repo;
  const open = await github.paginate<PullRequest>(github.rest.pulls.list, {
    owner,
    repo,
    state: "open",
    per_page: 100,
  });
  const targets: Target[] = open.map((p) => ({ number: p.number, head: p.head.sha, base: p.base.ref }));
  const run = context.payload.workflow_run;
  const afterCi =
    run !== undefined && run.path === CI_WORKFLOW && run.name === "ci" && run.event === "pull_request";
  const commented = afterCi ? targets.filter((t) => t.head === run.head_sha) : [];
  core.setOutput("targets", JSON.stringify(targets));
  core.setOutput("commented", JSON.stringify(commented));
  core.setOutput("ci-run", afterCi && commented.length > 0 ? String(run.id) : "");
  core.info(
    `${targets.length} open pull request(s) to evaluate; ${commented.length > 0 ? `comment on #${commented.map((t) => t.number).join(", #")}` : "no comment"}`,
  );
}

/** The entry point the workflow calls, with what actions/github-script provides. */
export function main(scope: Omit<ReviewBotEnv, "env" | "temp">): Promise<void> {
  return findPulls({ ...scope, env: process.env, temp: process.env.RUNNER_TEMP ?? "" });
}
