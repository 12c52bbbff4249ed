import { join } from "node:path";
import { logText } from "../../runtime/log";
import { changesNothing, renderPlanComment } from "../plan/comment";
import { parseSummaryJson } from "../plan/summary-json";
import { readArtifactFile } from "./artifact";
import { commentBody, findOwnComment, type IssueTarget, shortSha as short, writeComment } from "./comment";
import type { BotEnv, GitHubApi, PullRequest } from "./github";
import {
  COMMIT_SHA,
  isPlanPrRun,
  MAX_FINGERPRINTS_BYTES,
  PLAN_MARKER_PREFIX,
  parseFingerprints,
  parseRecord,
  RUN_TITLE,
  recordLine,
} from "./plan-record";

/** The summary of 5,000 changes is about 3 MB; a plan's JSON may be 64 MiB, its summary is less. */
const MAX_SUMMARY_BYTES = 32 * 1024 * 1024;
/** The rendered plan gets this much; the bot's own header and footer fit in the rest of 65,536. */
const SUMMARY_LIMIT = 60_000;
const CUT_NOTICE = "> [!NOTE]\n> Cut to fit GitHub's comment limit; the plan run's log has every change.";
const OUTDATED = "> [!WARNING]\n> **Outdated:**";

/**
 * The plan comment workflow's job (plan-comment.yml), run by actions/github-script after each run
 * of `plan pull request` is requested and again when it completes. It writes ONE comment per pull
 * request: the plan of its head commit, every stack, with the fingerprints apply.yml checks. It
 * checks out and runs nothing: this is the repository's own code, bundled into the workflow, and
 * the plan run's artifact is untrusted data, read with limits and checked before use.
 *
 * - requested: the plan comment of an older commit is marked outdated until the new one arrives;
 * - completed: the comment becomes the new plan (or says that the plan did not finish, or that
 *   the pull request changes code and is planned only after merge).
 *
 * The commit comes from the run's title, which plan-pr.yml sets from the ci run it follows; the pull
 * request is the open one into the default branch whose head is that commit (a fork's pull request
 * included, which the event does not name).
 */
export async function planComment({ github, context, core, artifactDir }: BotEnv): Promise<void> {
  const run = context.payload.workflow_run;
  const { owner, repo } = context.repo;
  const info = (text: string) => core.info(logText(text));
  if (!isPlanPrRun(run)) {
    core.warning("the triggering run is not one of plan-pr.yml started by workflow_run; nothing to do");
    return;
  }
  const head = RUN_TITLE.exec(run.display_title ?? "")?.[1];
  if (!head) {
    core.warning("the plan run's title names no commit (expected plan pull request at <sha>); nothing to do");
    return;
  }
  const pulls = await openPullsAt(github, context, head);
  if (pulls.length === 0) {
    info(`no open pull request into the default branch is at ${head}; nothing to do`);
    return;
  }

  const action = context.payload.action;
  if (action === "requested") {
    for (const pull of pulls) {
      const target = { owner, repo, issue_number: pull.number };
      info(`#${pull.number}: ${await markOutdated(github, target, head)}`);
    }
    return;
  }
  if (action !== "completed") return;

  let body: string | undefined;
  try {
    if (run.conclusion === "success") body = planBody(artifactDir, head, run);
    else if (["failure", "timed_out", "startup_failure"].includes(run.conclusion ?? ""))
      body = failedBody(head, run);
  } catch (error) {
    core.setFailed((error as Error).message);
    return;
  }
  if (body === undefined) {
    info(`the plan run ${run.conclusion ?? "ended"} without a plan artifact; nothing to do`);
    return;
  }
  for (const pull of pulls) {
    const target = { owner, repo, issue_number: pull.number };
    const existing = await findOwnComment(github, target, PLAN_MARKER_PREFIX);
    info(`#${pull.number}: ${await writeComment(github, target, existing, body)}`);
  }
}

/** The open pull requests into the default branch whose head is `sha` (usually one). */
async function openPullsAt(
  github: GitHubApi,
  context: BotEnv["context"],
  sha: string,
): Promise<PullRequest[]> {
  const base = context.payload.repository?.default_branch;
  const pulls = await github.paginate<PullRequest>(github.rest.pulls.list, {
    ...context.repo,
    state: "open",
    ...(base ? { base } : {}),
    per_page: 100,
  });
  return pulls.filter((p) => p.state === "open" && p.head.sha === sha && Number.isSafeInteger(p.number));
}

/** The plan comment of `target` marked outdated by a newer head `now`, unless it is of `now` already. */
async function markOutdated(github: GitHubApi, target: IssueTarget, now: string): Promise<string> {
  const existing = await findOwnComment(github, target, PLAN_MARKER_PREFIX);
  if (!existing) return "no plan comment yet";
  const record = parseRecord(existing.body);
  if (!record) return "the plan comment holds no record this bot wrote; left alone";
  if (record.head === now) return `the plan comment is of ${now} already`;
  if (record.state === "outdated" && record.now === now) return "the plan comment is marked outdated already";
  const previous = existing.body.slice(existing.body.indexOf("\n") + 1);
  const rest = previous.startsWith(OUTDATED) ? previous.slice(previous.indexOf("\n\n") + 2) : previous;
  const banner = [
    `${OUTDATED} this plan is of \`${short(record.head)}\`; the pull request is now at \`${short(now)}\`.`,
    "> A new plan follows once ci passes on it and an operator approves the plan run.",
  ].join("\n");
  const body = commentBody({
    marker: recordLine({ ...record, state: "outdated", now }),
    markdown: `${banner}\n\n${rest}`,
    footer: "",
    cutNotice: CUT_NOTICE,
  });
  return writeComment(github, target, existing, body);
}

/**
 * The comment for a plan run that succeeded, from its artifact: the plan of every stack and their
 * fingerprints, or the note that the pull request changes code. Undefined when the run left no
 * artifact (its job was skipped: ci failed, or ci ran for no pull request).
 */
function planBody(
  dir: string,
  head: string,
  run: BotEnv["context"]["payload"]["workflow_run"],
): string | undefined {
  const headFile = readArtifactFile(dir, "head-sha", 64);
  if (headFile === undefined) return undefined;
  if (headFile.text.trim() !== head)
    throw new Error("head-sha in the artifact is not the commit the run planned");
  const base = readArtifactFile(dir, "base-sha", 64)?.text.trim() ?? "";
  if (!COMMIT_SHA.test(base)) throw new Error("base-sha in the artifact is not a commit");
  const planned = readArtifactFile(dir, "planned", 16)?.text.trim();
  const link = `[plan run](${run.html_url})`;
  if (planned === "false") {
    const marker = recordLine({ state: "code", head, base, run: run.id, fingerprints: {} });
    const text =
      `ℹ️ **Terraform plan:** none for \`${short(head)}\`: this pull request changes code, and before it merges ` +
      "only a pull request's data is planned with credentials. Once it merges, plan.yml plans the merged " +
      "commit and shows that plan on its run page; apply.yml applies a stack only if its plan is that one. · " +
      link;
    return commentBody({ marker, markdown: text, footer: "" });
  }
  if (planned !== "true") throw new Error("planned in the artifact is neither true nor false");

  const summary = readArtifactFile(dir, "summary.json", MAX_SUMMARY_BYTES);
  if (!summary) throw new Error("the artifact holds no summary.json");
  if (summary.truncated) throw new Error("summary.json in the artifact is too large");
  const stacks = parseSummaryJson(summary.text);
  const fingerprints = parseFingerprints(readArtifactFile(dir, "fingerprints", MAX_FINGERPRINTS_BYTES)?.text);
  const names = stacks.map((s) => s.stack);
  if (Object.keys(fingerprints).join(" ") !== names.join(" "))
    throw new Error("the fingerprints in the artifact are not one per stack of the summary, in its order");

  const marker = recordLine({ state: "planned", head, base, run: run.id, fingerprints });
  const where = `Commit \`${short(head)}\`, planned with main at \`${short(base)}\` · ${link}`;
  if (changesNothing(stacks))
    return commentBody({
      marker,
      markdown: `✅ **Terraform plan:** no changes in any stack. ${where}`,
      footer: "",
    });
  const footer = [
    "<details><summary>Fingerprints, for apply</summary>",
    "",
    ...names.map((stack) => `- \`${stack}\`: \`${(fingerprints[stack] ?? "").slice(0, 16)}\``),
    "",
    "After the merge, apply.yml applies a stack only if its plan still has this fingerprint: the same changes to the same state.",
    "",
    "</details>",
  ].join("\n");
  return commentBody({
    marker,
    markdown: `### Terraform plan\n\n${where}\n\n${renderPlanComment(stacks, { limit: SUMMARY_LIMIT })}`,
    footer,
    cutNotice: CUT_NOTICE,
  });
}

/** The comment for a plan run that did not finish: nothing of it can be applied. */
function failedBody(head: string, run: BotEnv["context"]["payload"]["workflow_run"]): string {
  return commentBody({
    marker: recordLine({ state: "failed", head, run: run.id, fingerprints: {} }),
    markdown: [
      "### Terraform plan",
      "",
      `> [!WARNING]`,
      `> The plan of \`${short(head)}\` did not finish: it failed, or its approval was declined. Nothing of it can be applied. [Plan run](${run.html_url})`,
    ].join("\n"),
    footer: "",
  });
}

/** The entry point the workflow calls, with what actions/github-script provides. */
export function main(scope: Omit<BotEnv, "artifactDir">): Promise<void> {
  return planComment({ ...scope, artifactDir: join(process.env.RUNNER_TEMP ?? "", "plan-pr") });
}
