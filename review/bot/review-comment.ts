import { join } from "node:path";
import { logText } from "../../runtime/log";
import { approvalVerdict } from "./approvals";
import { readArtifactFile } from "./artifact";
import { type CommentParts, commentBody, pullNumber, shortSha, upsertComment } from "./comment";
import type { BotEnv, PullFile, Review } from "./github";

/** The hidden first line of the review comment; only the bot's own comment carrying it is updated. */
export const REVIEW_MARKER = "<!-- void-infra:review-diff -->";
/** The review diff caps itself at 60,000 characters; anything longer was not written by it. */
const MAX_REVIEW_BYTES = 64_000;
const MAX_ROUTING_BYTES = 1_000_000;

/**
 * The review comment workflow's job, run by actions/github-script in the base repository's
 * context (it may write to the pull request) after ci, and again after every review. It checks out
 * and runs nothing of the pull request: the artifact ci left (`pr-number`, `review.md`,
 * `approvals.json`) is untrusted data, read with limits and checked before use.
 *
 * 1. The pull request must be open at the commit the triggering run ran on.
 * 2. After ci, the review diff becomes the one sticky comment, defused and capped.
 * 3. The `approvals` status says whether the right people approved, and they are asked to.
 */
export async function reviewComment({ github, context, core, artifactDir }: BotEnv): Promise<void> {
  const run = context.payload.workflow_run;
  const { owner, repo } = context.repo;
  // core.info prints its text as is; what it says may quote the artifact (file names), so no line
  // of it may start a workflow command. core.warning and core.setFailed escape their own data.
  const info = (text: string) => core.info(logText(text));
  const pull_number = pullNumber(readArtifactFile(artifactDir, "pr-number", 32)?.text);
  if (pull_number === undefined) {
    core.setFailed("pr-number in the artifact is not a pull request number");
    return;
  }
  const { data: pull } = await github.rest.pulls.get({ owner, repo, pull_number });
  if (pull.state !== "open" || pull.head.sha !== run.head_sha) {
    // Also the benign race of a newer push: its own ci run will comment.
    core.warning(`pull request #${pull_number} is not open at ${run.head_sha}; nothing to do`);
    return;
  }

  const afterCi = run.name === "ci";
  if (afterCi) {
    const review = readArtifactFile(artifactDir, "review.md", MAX_REVIEW_BYTES);
    if (review) {
      const parts: CommentParts = {
        marker: REVIEW_MARKER,
        markdown: review.text,
        footer: `<sub>Review diff of ${shortSha(run.head_sha)} from [ci run](${run.html_url}).</sub>`,
        truncated: review.truncated,
      };
      info(
        await upsertComment(
          github,
          { owner, repo, issue_number: pull_number },
          REVIEW_MARKER,
          commentBody(parts),
        ),
      );
    }
  }

  const params = { owner, repo, pull_number, per_page: 100 };
  const verdict = approvalVerdict({
    files: await github.paginate<PullFile>(github.rest.pulls.listFiles, params),
    routingText: readArtifactFile(artifactDir, "approvals.json", MAX_ROUTING_BYTES)?.text,
    reviews: await github.paginate<Review>(github.rest.pulls.listReviews, params),
    author: pull.user?.login ?? "",
    headSha: run.head_sha,
  });
  await github.rest.repos.createCommitStatus({
    owner,
    repo,
    sha: run.head_sha,
    state: verdict.state,
    context: "approvals",
    description: verdict.description,
    target_url: run.html_url,
  });
  info(`approvals: ${verdict.state}: ${verdict.description}`);

  const asked = new Set((pull.requested_reviewers ?? []).map((r) => r.login.toLowerCase()));
  const reviewers = verdict.reviewers.filter((login) => !asked.has(login.toLowerCase()));
  if (afterCi && (reviewers.length > 0 || verdict.teamReviewers.length > 0)) {
    try {
      await github.rest.pulls.requestReviewers({
        owner,
        repo,
        pull_number,
        reviewers,
        team_reviewers: verdict.teamReviewers,
      });
    } catch (error) {
      // A reviewer without access cannot be requested; the status still names who must approve.
      core.warning(`could not request reviewers: ${(error as Error).message}`);
    }
  }
}

/** The entry point the workflow calls, with what actions/github-script provides. */
export function main(scope: Omit<BotEnv, "artifactDir">): Promise<void> {
  return reviewComment({ ...scope, artifactDir: join(process.env.RUNNER_TEMP ?? "", "review") });
}
