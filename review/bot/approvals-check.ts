import { join } from "node:path";
import { logText } from "../../runtime/log";
import { type BoundRouting, renderRouting } from "../approvals";
import { defuseMentions } from "../markdown";
import { approvalVerdict, parseTargets, readRouting, type Target, type Verdict } from "./approvals";
import { readArtifactFile } from "./artifact";
import { shortSha } from "./comment";
import type { CheckRun, Review, ReviewBotEnv } from "./github";

/** The check branch protection requires, set only by the review bot's GitHub App. */
export const CHECK_NAME = "approvals";
/** A routing of thousands of changed files stays far below this. */
const MAX_ROUTING_BYTES = 8_000_000;
/** GitHub refuses a check run's summary longer than 65,535 characters. */
const SUMMARY_LIMIT = 65_000;

/**
 * review-comment.yml's `approvals` job: the `approvals` check of every open pull request,
 * created with the token of the review bot's GitHub App (environment `review-bot`), which is the
 * only source branch protection accepts for it. Nothing is checked out: the routing of each pull
 * request comes from the route job of the same run (the default branch's `npm run approvals` over
 * git objects), and is used only for the commits it names.
 *
 * For each pull request: the routing must be of its head as it is now, and of the tip of its base
 * branch as it is now; a head that moved is left to the run its push starts, and so is a base that
 * moved (a push to main evaluates every pull request again). Otherwise the reviews decide
 * (approvalVerdict) and a check run is created on the head, unless the latest one is the same.
 */
export async function approvalsCheck({ github, context, core, env, temp }: ReviewBotEnv): Promise<void> {
  const info = (text: string) => core.info(logText(text));
  const targets = parseTargets(env.TARGETS);
  if (typeof targets === "string") {
    core.setFailed(targets);
    return;
  }
  const { owner, repo } = context.repo;
  const run = `${context.serverUrl}/${owner}/${repo}/actions/runs/${context.runId}`;
  let failed = 0;
  for (const target of targets) {
    try {
      info(`#${target.number}: ${await evaluate(target)}`);
    } catch (error) {
      failed++;
      core.warning(`#${target.number}: ${(error as Error).message}`);
    }
  }
  if (failed > 0) core.setFailed(`${failed} pull request(s) could not be evaluated (see the warnings)`);

  async function evaluate(target: Target): Promise<string> {
    const { data: pull } = await github.rest.pulls.get({ owner, repo, pull_number: target.number });
    if (pull.state !== "open" || pull.head.sha !== target.head)
      return `moved on to ${shortSha(pull.head.sha)} (${pull.state}): its own run evaluates it`;
    const { data: branch } = await github.rest.repos.getBranch({ owner, repo, branch: pull.base.ref });
    const base = branch.commit.sha;
    const routing = routingOf(join(temp, "routing"), target.number);
    if (typeof routing !== "string" && routing.head === pull.head.sha && routing.base !== base)
      return `${pull.base.ref} moved to ${shortSha(base)} after the routing (of ${shortSha(routing.base)}): the run that move starts evaluates it`;
    const reviews = await github.paginate<Review>(github.rest.pulls.listReviews, {
      owner,
      repo,
      pull_number: target.number,
      per_page: 100,
    });
    const verdict = approvalVerdict({
      routing,
      base,
      head: pull.head.sha,
      reviews,
      author: pull.user?.login ?? "",
    });
    const output = { title: verdict.description, summary: summaryOf(routing, verdict, pull.base.ref, run) };
    const state =
      verdict.state === "pending"
        ? { status: "in_progress", conclusion: null }
        : { status: "completed", conclusion: verdict.state };
    const { data: existing } = await github.rest.checks.listForRef({
      owner,
      repo,
      ref: pull.head.sha,
      check_name: CHECK_NAME,
      filter: "latest",
      per_page: 100,
    });
    const latest = existing.check_runs.find((c) => env.APP_SLUG && c.app?.slug === env.APP_SLUG);
    if (latest && same(latest, state, output)) return `${verdict.state}, unchanged: ${verdict.description}`;
    await github.rest.checks.create({
      owner,
      repo,
      name: CHECK_NAME,
      head_sha: pull.head.sha,
      details_url: run,
      external_id: base,
      ...(state.conclusion === null ? { status: state.status } : state),
      output,
    });
    return `${verdict.state}: ${verdict.description}`;
  }
}

/** The routing file the route job wrote for pull request `number`, or why it cannot be used. */
function routingOf(dir: string, number: number): BoundRouting | string {
  try {
    return readRouting(readArtifactFile(dir, `${number}.json`, MAX_ROUTING_BYTES)?.text);
  } catch (error) {
    return `The routing cannot be read: ${(error as Error).message}.`;
  }
}

function same(
  check: CheckRun,
  state: { status: string; conclusion: string | null },
  output: { title: string; summary: string },
): boolean {
  return (
    check.status === state.status &&
    (check.conclusion ?? null) === state.conclusion &&
    check.output.title === output.title &&
    check.output.summary === output.summary
  );
}

/** The check's page: the verdict, the commits it is for, and the routing with who approved each row. */
function summaryOf(routing: BoundRouting | string, verdict: Verdict, baseRef: string, run: string): string {
  if (typeof routing === "string") return `${verdict.description}\n\n[Evaluation run](${run}).`;
  const section = renderRouting(routing, { approvedBy: verdict.approvedBy });
  const text = [
    `**${verdict.description}**`,
    `Merging \`${shortSha(routing.head)}\` into \`${baseRef}\` at \`${shortSha(routing.base)}\`, routed by the review bot with the default branch's code ([evaluation run](${run})).`,
    section === "" ? "The merge changes no file: nothing to approve." : section,
  ].join("\n\n");
  const safe = defuseMentions(text);
  if (safe.length <= SUMMARY_LIMIT) return safe;
  const cut = safe.lastIndexOf("\n", SUMMARY_LIMIT - 200);
  return `${safe.slice(0, cut)}\n\n(Cut to fit GitHub's limit; \`npm run approvals\` prints the whole routing.)`;
}

/** The entry point the workflow calls, with what actions/github-script provides. */
export function main(scope: Omit<ReviewBotEnv, "env" | "temp">): Promise<void> {
  return approvalsCheck({ ...scope, env: process.env, temp: process.env.RUNNER_TEMP ?? "" });
}
