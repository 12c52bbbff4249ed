import { logText } from "../../runtime/log";
import { commentBody, pullNumber, shortSha } from "./comment";
import type { DispatchEnv } from "./github";
import { STACK_NAME } from "./plan-record";

/** The hidden first line of every apply report; each run adds one report. */
export const APPLY_MARKER = "<!-- void-infra:apply -->";
/** Job results as GitHub gives them in `needs.<job>.result`. */
const RESULTS = ["success", "failure", "cancelled", "skipped"];
/** The longest reason quoted from the review job. */
const MAX_REASON = 600;

/**
 * apply.yml's `report` job (token `pull-requests: write`, nothing checked out): after the run,
 * one comment on the pull request merged as the applied commit, saying what happened to the stack
 * with a link to the run, and to the plan.yml run whose plan was applied when it was not the one
 * reviewed in the pull request. Every value comes from the run's own jobs (`env:`), and is checked:
 * the pull request number is 1-9 digits, the stack a plain name, results GitHub's, the plan run an
 * id, and the review's reason one line of text that is escaped like any other comment.
 */
export async function applyReport({ github, context, core, env }: DispatchEnv): Promise<void> {
  const pull = pullNumber(env.PR);
  const stack = env.STACK ?? "";
  const review = env.REVIEW_RESULT ?? "";
  const apply = env.APPLY_RESULT ?? "";
  const mainRun = env.MAIN_RUN ?? "";
  if (
    pull === undefined ||
    !STACK_NAME.test(stack) ||
    ![review, apply].every((r) => RESULTS.includes(r)) ||
    !/^(?:[1-9][0-9]{0,15})?$/.test(mainRun)
  ) {
    core.setFailed("PR, STACK, REVIEW_RESULT, APPLY_RESULT or MAIN_RUN is not what the apply run hands over");
    return;
  }
  const { owner, repo } = context.repo;
  const runs = `${context.serverUrl}/${owner}/${repo}/actions/runs`;
  const body = commentBody({
    marker: APPLY_MARKER,
    markdown: reportLine({
      stack,
      commit: shortSha(context.sha),
      review,
      apply,
      check: env.CHECK ?? "",
      reason: (env.VERDICT ?? "").replace(/\s+/g, " ").trim().slice(0, MAX_REASON),
      run: `${runs}/${context.runId}`,
      mainRun: mainRun === "" ? "" : `${runs}/${mainRun}`,
    }),
    footer: "",
  });
  const { data } = await github.rest.issues.createComment({ owner, repo, issue_number: pull, body });
  core.info(logText(`#${pull}: created comment ${data.id}`));
}

/** What happened, in one line, with the link to the run. */
function reportLine(r: {
  readonly stack: string;
  readonly commit: string;
  readonly review: string;
  readonly apply: string;
  /**
   * The review job's comparison: `pr` (the plan reviewed here), `main` (the plan plan.yml recorded
   * for the merged commit), `unreviewed` (neither), or empty when it did not get there.
   */
  readonly check: string;
  readonly reason: string;
  readonly run: string;
  /** The plan.yml run whose plan was compared with, when there was one. */
  readonly mainRun: string;
}): string {
  const link = `[apply run](${r.run})`;
  const stack = `\`${r.stack}\``;
  const why = r.reason === "" ? "" : `: ${r.reason}`;
  if (r.apply === "success" && r.check === "pr")
    return `✅ **Applied ${stack}** at \`${r.commit}\`: the plan reviewed here. · ${link}`;
  if (r.apply === "success" && r.check === "main" && r.mainRun !== "")
    return `✅ **Applied ${stack}** at \`${r.commit}\`: the plan of the merged commit that [plan.yml](${r.mainRun}) showed, not the one reviewed here${why}. · ${link}`;
  if (r.apply === "success") return `✅ **Applied ${stack}** at \`${r.commit}\`. · ${link}`;
  if (r.apply === "failure")
    return `❌ **Applying ${stack} failed** at \`${r.commit}\`; part of its plan may be applied: read the run's log. · ${link}`;
  if (r.review === "failure")
    return r.check === "unreviewed"
      ? `⛔ **Did not apply ${stack}** at \`${r.commit}\`: no plan shown for review has its fingerprint${why}. · ${link}`
      : `⛔ **Did not apply ${stack}** at \`${r.commit}\`: its plan on the apply run failed. · ${link}`;
  if (r.apply === "cancelled")
    return `**Did not apply ${stack}** at \`${r.commit}\`: its apply job was cancelled, by hand or by GitHub, which lets one apply of a stack run and keeps only the newest run waiting for it: a newer apply run of ${stack}, started while this one waited, replaced it. If it had started applying, read its log. · ${link}`;
  return `**Did not apply ${stack}** at \`${r.commit}\`: the run was cancelled, or its approval declined. · ${link}`;
}

/** The entry point the workflow calls, with what actions/github-script provides. */
export function main(scope: Omit<DispatchEnv, "env">): Promise<void> {
  return applyReport({ ...scope, env: process.env });
}
