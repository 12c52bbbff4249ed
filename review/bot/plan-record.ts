import type { TriggeringRun } from "./github";

/**
 * What the plan comment records for apply.yml, in the comment's hidden first line, which only the
 * bot writes (nothing of a pull request's data can reach it: every value is checked against a
 * strict pattern before it is written and again when it is read):
 *
 *     <!-- void-infra:plan state=planned head=<sha> base=<sha> run=<id> fp.github=<hmac> ... -->
 *
 * - `state`: `planned` (the plan of `head`), `outdated` (a newer commit `now` was pushed since),
 *   `failed` (the plan run of `head` did not finish), or `code` (the pull request changes code, so
 *   it is not planned before merge);
 * - `head`: the pull request's commit whose data was planned; `base`: main's commit whose code
 *   planned it; `run`: the plan run's id;
 * - `fp.<stack>`: each stack's plan fingerprint, a keyed hash (`npm run plan-fingerprint`,
 *   review/plan/fingerprint.ts) that tells a reader nothing about the plan's values.
 */

/** The title plan-pr.yml gives its runs (`run-name`): the commit it plans, known before it starts. */
export const RUN_TITLE = /^plan pull request at ([0-9a-f]{40})$/;

/**
 * Whether a run is one of plan-pr.yml itself: started by workflow_run, so from the default branch's
 * workflow file. A workflow a pull request adds under the same name runs on its own events (a
 * pull_request), and its artifact or title are nothing this bot or apply.yml may believe.
 */
export function isPlanPrRun(run: Pick<TriggeringRun, "event" | "path">): boolean {
  return run.event === "workflow_run" && /^\.github\/workflows\/plan-pr\.yml(@.*)?$/.test(run.path ?? "");
}

/**
 * Whether a run is one of plan.yml itself at `commit` on `branch` (the default branch) of this
 * repository: started by a push there or by hand, so it ran that commit's plan.yml, which plans
 * with main's code and the `plan` environment (deployed from main only). A workflow of another
 * branch, or one a pull request adds under the same name, runs on another branch or event.
 */
export function isPlanMainRun(
  run: Pick<TriggeringRun, "event" | "path" | "head_sha" | "head_branch" | "conclusion">,
  commit: string,
  branch: string,
): boolean {
  return (
    (run.event === "push" || run.event === "workflow_dispatch") &&
    /^\.github\/workflows\/plan\.yml(@.*)?$/.test(run.path ?? "") &&
    run.head_sha === commit &&
    run.head_branch === branch &&
    run.conclusion === "success"
  );
}

/** How the first line of every plan comment starts: the bot finds its comment by it. */
export const PLAN_MARKER_PREFIX = "<!-- void-infra:plan ";

const PLAN_STATES = ["planned", "outdated", "failed", "code"] as const;
type PlanState = (typeof PLAN_STATES)[number];

export interface PlanRecord {
  readonly state: PlanState;
  readonly head: string;
  readonly base?: string;
  readonly run: number;
  /** For `outdated`: the pull request's newer head. */
  readonly now?: string;
  /** Stack name → plan fingerprint. */
  readonly fingerprints: Readonly<Record<string, string>>;
}

export const COMMIT_SHA = /^[0-9a-f]{40}$/;
/** Stack names as the plan summary's command line accepts them, and as workflows hand them to the bots. */
export const STACK_NAME = /^[A-Za-z0-9_.-]{1,64}$/;
export const FINGERPRINT = /^[0-9a-f]{64}$/;
const RUN_ID = /^[1-9][0-9]{0,15}$/;

/** The most a plan run's `fingerprints` file may hold: one line per stack. */
export const MAX_FINGERPRINTS_BYTES = 16 * 1024;

/**
 * A plan run's `fingerprints` file, `<stack> <hmac>` per line as .github/scripts/plan-fingerprints.sh
 * writes it, as stack → fingerprint in its order. Anything else in it is an Error.
 */
export function parseFingerprints(text: string | undefined): Record<string, string> {
  if (text === undefined) throw new Error("the artifact holds no fingerprints");
  const fingerprints = new Map<string, string>();
  for (const line of text.split("\n").filter((l) => l !== "")) {
    const match = /^([A-Za-z0-9_.-]{1,64}) ([0-9a-f]{64})$/.exec(line);
    if (!match?.[1] || !match[2] || fingerprints.has(match[1]))
      throw new Error("fingerprints in the artifact is not one `<stack> <sha256>` line per stack");
    fingerprints.set(match[1], match[2]);
  }
  return Object.fromEntries(fingerprints);
}

/** The record as the comment's first line: one HTML comment, nothing a reader sees. */
export function recordLine(record: PlanRecord): string {
  check(record);
  const fields = [
    `state=${record.state}`,
    `head=${record.head}`,
    ...(record.base ? [`base=${record.base}`] : []),
    `run=${record.run}`,
    ...(record.now ? [`now=${record.now}`] : []),
    ...Object.entries(record.fingerprints).map(([stack, fp]) => `fp.${stack}=${fp}`),
  ];
  return `${PLAN_MARKER_PREFIX}${fields.join(" ")} -->`;
}

/**
 * The record in the first line of a comment body, or undefined when that line is not a plan
 * record. Anything unexpected in it (an unknown field, a field twice, a value of the wrong form)
 * makes it no record at all.
 */
export function parseRecord(body: string): PlanRecord | undefined {
  const first = body.split("\n", 1)[0] ?? "";
  if (!first.startsWith(PLAN_MARKER_PREFIX) || !first.endsWith(" -->")) return undefined;
  const fields = first.slice(PLAN_MARKER_PREFIX.length, -" -->".length).split(" ");
  const seen = new Map<string, string>();
  for (const field of fields) {
    const match = /^([a-z]+|fp\.[A-Za-z0-9_.-]{1,64})=([0-9a-z]+)$/.exec(field);
    if (!match?.[1] || !match[2] || seen.has(match[1])) return undefined;
    seen.set(match[1], match[2]);
  }
  const stacks: [string, string][] = [];
  for (const [key, value] of seen) {
    if (key.startsWith("fp.")) stacks.push([key.slice(3), value]);
    else if (!["state", "head", "base", "run", "now"].includes(key)) return undefined;
  }
  // Own properties only, whatever the stack is called (`__proto__` included).
  const fingerprints = Object.fromEntries(stacks);
  const run = seen.get("run") ?? "";
  const record: PlanRecord = {
    state: (seen.get("state") ?? "") as PlanState,
    head: seen.get("head") ?? "",
    base: seen.get("base"),
    run: RUN_ID.test(run) ? Number(run) : Number.NaN,
    now: seen.get("now"),
    fingerprints,
  };
  try {
    check(record);
  } catch {
    return undefined;
  }
  return record;
}

function check(record: PlanRecord): void {
  const ok =
    PLAN_STATES.includes(record.state) &&
    COMMIT_SHA.test(record.head) &&
    (record.base === undefined || COMMIT_SHA.test(record.base)) &&
    (record.now === undefined || COMMIT_SHA.test(record.now)) &&
    (record.now !== undefined) === (record.state === "outdated") &&
    RUN_ID.test(String(record.run)) &&
    Object.entries(record.fingerprints).every(
      ([stack, fp]) => STACK_NAME.test(stack) && FINGERPRINT.test(fp),
    );
  if (!ok) throw new Error("a plan record holds a value of the wrong form");
}
