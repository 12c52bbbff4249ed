import { normalizeCondition } from "./expressions";
import { entryOf, type Job, type Workflow } from "./workflow";

/**
 * What each event says about the code a job runs. A checkout without `ref:` takes the run's ref
 * (`GITHUB_SHA`), which GitHub sets per event: the default branch's last commit for some events,
 * a ref that anyone who can open a pull request (or push a branch, or start a run) chose for others.
 */

/**
 * Events that can carry a pull request's content into a run: its merge commit or head as the run's
 * ref, or its head SHA, branch name, title, body, comment or artifact in the event. Everything they
 * bring is untrusted data.
 */
export const UNTRUSTED_EVENTS: readonly string[] = [
  "pull_request",
  "pull_request_target",
  "pull_request_review",
  "pull_request_review_comment",
  "issue_comment",
  "workflow_run",
  "merge_group",
  "check_run",
  "check_suite",
  "status",
  "discussion",
  "discussion_comment",
];

/** Events whose run ref is always the default branch's last commit (GitHub's "events that trigger workflows"). */
const DEFAULT_BRANCH_EVENTS: ReadonlySet<string> = new Set([
  "branch_protection_rule",
  "check_run",
  "check_suite",
  "discussion",
  "discussion_comment",
  "fork",
  "gollum",
  "issue_comment",
  "issues",
  "label",
  "member",
  "milestone",
  "page_build",
  "project",
  "project_card",
  "project_column",
  "public",
  "registry_package",
  "repository_dispatch",
  "schedule",
  "status",
  "watch",
  "workflow_run",
]);

/** The events of `workflow` that can carry pull request content, as written in `on:`. */
export function untrustedTriggers(workflow: Workflow): string[] {
  return workflow.triggers.filter((event) => UNTRUSTED_EVENTS.includes(event));
}

/**
 * Why the run ref of `job` may be other than the default branch: the first event that lets
 * someone choose it, or undefined when every trigger runs on `defaultBranch` (a `push` limited to
 * it, or an event that always runs there) or the job requires `github.ref == 'refs/heads/<it>'`.
 */
export function foreignRefEvent(workflow: Workflow, job: Job, defaultBranch: string): string | undefined {
  if (requiresRef(job.data.if, `refs/heads/${defaultBranch}`)) return undefined;
  return workflow.triggers.find((event) => {
    if (DEFAULT_BRANCH_EVENTS.has(event)) return false;
    if (event !== "push") return true;
    const filter = entryOf(workflow.data.on, "push")?.[1];
    const { branches, tags } =
      filter !== null && typeof filter === "object" ? (filter as Record<string, unknown>) : {};
    return !(
      Array.isArray(branches) &&
      branches.length === 1 &&
      branches[0] === defaultBranch &&
      tags === undefined
    );
  });
}

/**
 * Whether the job condition `condition` holds only when `github.ref` is `ref`: one of its
 * top-level `&&` operands is that comparison (either way round), so no `||` can bypass it.
 * GitHub compares strings without regard to case, and so does this.
 */
export function requiresRef(condition: unknown, ref: string): boolean {
  const wanted = ref.toLowerCase();
  return topLevelOperands(normalizeCondition(condition)).some((operand) =>
    [`github.ref == '${wanted}'`, `'${wanted}' == github.ref`].includes(
      operand.replace(/^\((.*)\)$/, "$1").trim(),
    ),
  );
}

/** `a && (b || c) && d` → `a`, `(b || c)`, `d`: the operands of `&&` outside parentheses and strings. */
function topLevelOperands(expression: string): string[] {
  const operands: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i];
    if (c === "'") quoted = !quoted;
    else if (quoted) continue;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (depth === 0 && expression.startsWith("&&", i)) {
      operands.push(expression.slice(start, i).trim());
      start = i + 2;
    }
  }
  operands.push(expression.slice(start).trim());
  return operands;
}
