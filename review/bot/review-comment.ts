import { join } from "node:path";
import { logText } from "../../runtime/log";
import { type BoundRouting, renderRouting } from "../approvals";
import { WARNING_MARKER } from "../markdown";
import { approvalVerdict, parseTargets, readRouting } from "./approvals";
import { readArtifactFile } from "./artifact";
import { type CommentParts, commentBody, shortSha, upsertComment } from "./comment";
import type { Review, ReviewBotEnv } from "./github";

/** The hidden first line of the review comment; only the bot's own comment carrying it is updated. */
export const REVIEW_MARKER = "<!-- void-infra:review-diff -->";
/** The review diff caps itself at 60,000 characters; anything longer was not written by it. */
const MAX_REVIEW_BYTES = 64_000;
/** As in the approvals check. */
const MAX_ROUTING_BYTES = 8_000_000;

/**
 * review-comment.yml's `comment` job, after a ci run of a pull request (token `pull-requests:
 * write`, nothing checked out). For each open pull request whose head is the commit ci ran on:
 *
 * 1. one sticky comment: "Who approves", rendered here from the routing the route job computed
 *    with the default branch's code, then the review diff from ci's artifact, which ran the pull
 *    request's code and is therefore untrusted text: read with limits, defused and capped;
 * 2. review requests to the people the routing names who have not approved yet.
 *
 * It sets no status: the `approvals` check is the approvals job's, with the review bot's app.
 */
export async function reviewComment({ github, context, core, env, temp }: ReviewBotEnv): Promise<void> {
  const run = context.payload.workflow_run;
  const targets = parseTargets(env.TARGETS);
  if (run === undefined || typeof targets === "string") {
    core.setFailed(typeof targets === "string" ? targets : "not started by a ci run");
    return;
  }
  const { owner, repo } = context.repo;
  // core.info prints its text as is; what it says may quote file names, so no line of it may
  // start a workflow command. core.warning and core.setFailed escape their own data.
  const info = (text: string) => core.info(logText(text));
  const review = readArtifactFile(join(temp, "review"), "review.md", MAX_REVIEW_BYTES);
  for (const target of targets) {
    const { data: pull } = await github.rest.pulls.get({ owner, repo, pull_number: target.number });
    if (pull.state !== "open" || pull.head.sha !== run.head_sha) {
      // Also the benign race of a newer push: its own ci run will comment.
      core.warning(`pull request #${target.number} is not open at ${run.head_sha}; nothing to do`);
      continue;
    }
    let routing: BoundRouting | string;
    try {
      routing = readRouting(
        readArtifactFile(join(temp, "routing"), `${target.number}.json`, MAX_ROUTING_BYTES)?.text,
      );
    } catch (error) {
      routing = `The routing cannot be read: ${(error as Error).message}.`;
    }
    const parts: CommentParts = {
      marker: REVIEW_MARKER,
      markdown: [
        routingSection(routing, pull.base.ref),
        review?.text ?? "The ci run left no review diff: its log says why.",
      ]
        .filter((part) => part !== "")
        .join("\n\n"),
      footer: `<sub>Review diff of ${shortSha(run.head_sha)} from [ci run](${run.html_url}); who approves: the review bot, with the default branch's code. The \`approvals\` check has the current state.</sub>`,
      truncated: review?.truncated,
    };
    const issue = { owner, repo, issue_number: target.number };
    info(`#${target.number}: ${await upsertComment(github, issue, REVIEW_MARKER, commentBody(parts))}`);
    if (typeof routing !== "string") await askReviewers(target.number, routing, pull);
  }

  async function askReviewers(
    pull_number: number,
    routing: BoundRouting,
    pull: {
      readonly user: { readonly login: string } | null;
      readonly requested_reviewers?: readonly { readonly login: string }[];
    },
  ): Promise<void> {
    const reviews = await github.paginate<Review>(github.rest.pulls.listReviews, {
      owner,
      repo,
      pull_number,
      per_page: 100,
    });
    const verdict = approvalVerdict({
      routing,
      base: routing.base,
      head: routing.head,
      reviews,
      author: pull.user?.login ?? "",
    });
    const asked = new Set((pull.requested_reviewers ?? []).map((r) => r.login.toLowerCase()));
    const reviewers = verdict.reviewers.filter((login) => !asked.has(login.toLowerCase()));
    if (reviewers.length === 0 && verdict.teamReviewers.length === 0) return;
    try {
      await github.rest.pulls.requestReviewers({
        owner,
        repo,
        pull_number,
        reviewers,
        team_reviewers: verdict.teamReviewers,
      });
    } catch (error) {
      // A reviewer without access cannot be requested; the check still names who must approve.
      core.warning(`could not request reviewers: ${(error as Error).message}`);
    }
  }
}

/** "Who approves" for the comment: the routing's rows, or why there is no routing. */
function routingSection(routing: BoundRouting | string, baseRef: string): string {
  if (typeof routing === "string")
    return `### Who approves\n${WARNING_MARKER} ${routing} The \`approvals\` check fails until a routing is computed.`;
  const section = renderRouting(routing);
  const bound = `<sub>Routing of \`${shortSha(routing.head)}\` merged into \`${baseRef}\` at \`${shortSha(routing.base)}\`.</sub>`;
  return section === "" ? "" : `${section}\n\n${bound}`;
}

/** The entry point the workflow calls, with what actions/github-script provides. */
export function main(scope: Omit<ReviewBotEnv, "env" | "temp">): Promise<void> {
  return reviewComment({ ...scope, env: process.env, temp: process.env.RUNNER_TEMP ?? "" });
}
