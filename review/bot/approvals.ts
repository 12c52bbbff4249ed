import { GITHUB_LOGIN } from "@void-linux/infra-constructs/github/login";
import { isPersonFile, loginOfPersonFile, RELATIVE_PATH } from "../../inputs/files";
import { spellControls } from "../../runtime/log";
import type { BoundRouting, Refusal, Requirement } from "../approvals";
import type { Review } from "./github";

/**
 * The `approvals` check's decision: whether the people a routing names approved the head commit.
 * Pure, so the invariants of docs/review.md ("Who approves") are tested on it directly
 * (test/review/approvals.properties.test.ts) and the bots only fetch and post.
 */

const TEAM_SLUG = /^[A-Za-z0-9._-]{1,100}$/;
const COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/** A branch name as the find job hands it over: what git allows, without the odd corners. */
const BRANCH = /^(?!-)(?!.*\.\.)(?!.*\/\/)[A-Za-z0-9._/-]{1,200}(?<![./])$/;

/** A pull request to evaluate, as the find job hands it over (from the API, checked again here). */
export interface Target {
  readonly number: number;
  /** The head commit when it was found. */
  readonly head: string;
  /** The base branch's name. */
  readonly base: string;
}

/** The targets of the find job's output, or why they cannot be read. */
export function parseTargets(text: string | undefined): Target[] | string {
  let data: unknown;
  try {
    data = JSON.parse(text ?? "");
  } catch {
    return "TARGETS is not JSON";
  }
  const valid = (t: unknown): t is Target => {
    const { number, head, base } = (t ?? {}) as Record<string, unknown>;
    return (
      Number.isSafeInteger(number) &&
      (number as number) > 0 &&
      (number as number) < 1e9 &&
      typeof head === "string" &&
      COMMIT.test(head) &&
      typeof base === "string" &&
      BRANCH.test(base)
    );
  };
  if (!Array.isArray(data) || !data.every(valid)) return "TARGETS is not a list of {number, head, base}";
  return data.map(({ number, head, base }) => ({ number, head, base }));
}

/**
 * A routing as the route job wrote it (with the default branch's code, but it crossed a job
 * boundary as a file): checked field by field. A string says why it cannot be used.
 */
export function readRouting(text: string | undefined): BoundRouting | string {
  if (text === undefined) return "No routing was computed for this commit: see the route job's log.";
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return "The routing is not JSON.";
  }
  // The people's folder decides which rows may be a team's: a plain relative path, or nothing.
  const people = (data as { people?: unknown } | null)?.people;
  if (typeof people !== "string" || !RELATIVE_PATH.test(people)) return "The routing is malformed.";
  const path = (v: unknown): v is string => typeof v === "string" && v.length > 0 && v.length <= 4096;
  const logins = (v: unknown): v is string[] =>
    Array.isArray(v) && v.length <= 1000 && v.every((l) => typeof l === "string" && GITHUB_LOGIN.test(l));
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string");
  const requirement = (r: unknown): r is Requirement => {
    if (typeof r !== "object" || r === null) return false;
    const { file, reasons, by, approvers, subjects } = r as Record<string, unknown>;
    const teams = (by as { teams?: unknown } | null)?.teams;
    const byOperators = (by as { operators?: unknown } | null)?.operators === true;
    const byTeams = strings(teams) && teams.length > 0 && teams.every((t) => TEAM_SLUG.test(t));
    return (
      path(file) &&
      strings(reasons) &&
      (byOperators || (byTeams && isPersonFile(file, people))) &&
      logins(approvers) &&
      logins(subjects) &&
      subjects.every((s) => s === s.toLowerCase())
    );
  };
  const refusal = (r: unknown): r is Refusal => {
    const { file, problem } = (r ?? {}) as Record<string, unknown>;
    return path(file) && typeof problem === "string" && problem.length <= 1000;
  };
  const routing = data as Record<string, unknown> | null;
  if (
    typeof routing !== "object" ||
    routing === null ||
    typeof routing.base !== "string" ||
    !COMMIT.test(routing.base) ||
    typeof routing.head !== "string" ||
    !COMMIT.test(routing.head) ||
    typeof routing.operatorTeam !== "string" ||
    !TEAM_SLUG.test(routing.operatorTeam) ||
    !logins(routing.operators) ||
    !Array.isArray(routing.requirements) ||
    !routing.requirements.every(requirement) ||
    !Array.isArray(routing.refusals) ||
    !routing.refusals.every(refusal)
  )
    return "The routing is malformed.";
  return routing as unknown as BoundRouting;
}

/** The `approvals` check: its state, its one-line title, how far each row is, and whom to ask. */
export interface Verdict {
  readonly state: "success" | "pending" | "failure";
  /** At most 140 characters, as GitHub shows it next to the check. */
  readonly description: string;
  /** Per requirement (in order), the login whose approval meets it. */
  readonly approvedBy: readonly (string | undefined)[];
  readonly reviewers: readonly string[];
  readonly teamReviewers: readonly string[];
}

interface VerdictInput {
  /** The routing, or why there is none. */
  readonly routing: BoundRouting | string;
  /** The commits the verdict is for: the tip of the base branch now, and the pull request's head. */
  readonly base: string;
  readonly head: string;
  readonly reviews: readonly Review[];
  readonly author: string;
}

/**
 * Whether each row of the routing has an approving review of the head commit from one of its
 * people. Fails closed: no routing, a routing of another pair of commits, or any refusal fail;
 * whatever a routing lists, the person a row is about (its subjects, and the login its file is
 * named after) and the author never count.
 */
export function approvalVerdict(input: VerdictInput): Verdict {
  const none = { approvedBy: [], reviewers: [], teamReviewers: [] };
  const { routing } = input;
  if (typeof routing === "string") return { state: "failure", description: clip(routing), ...none };
  if (routing.base !== input.base || routing.head !== input.head)
    return {
      state: "failure",
      description: clip(
        `The routing is of ${routing.head.slice(0, 12)} on ${routing.base.slice(0, 12)}, not of ${input.head.slice(0, 12)} on ${input.base.slice(0, 12)}.`,
      ),
      ...none,
    };
  if (routing.refusals.length > 0) {
    const [first] = routing.refusals as [Refusal];
    const more = routing.refusals.length > 1 ? ` (+${routing.refusals.length - 1} more)` : "";
    return {
      state: "failure",
      description: clip(`${spellControls(first.file)} ${first.problem}${more}`),
      ...none,
    };
  }

  const author = input.author.toLowerCase();
  const approved = approvers(input.reviews, input.head);
  // The login a person's file is about, whatever the routing lists.
  const subjectOf = (file: string) =>
    isPersonFile(file, routing.people) ? [loginOfPersonFile(file, routing.people).toLowerCase()] : [];
  const excluded = (r: Requirement) => new Set([...r.subjects, ...subjectOf(r.file), author]);
  const approvedBy = routing.requirements.map((r) => {
    const never = excluded(r);
    return r.approvers.find((a) => !never.has(a.toLowerCase()) && approved.has(a.toLowerCase()));
  });
  const unmet = routing.requirements.filter((_, i) => approvedBy[i] === undefined);
  if (unmet.length === 0)
    return {
      state: "success",
      description: "Approved by the people each change needs.",
      approvedBy,
      reviewers: [],
      teamReviewers: [],
    };

  const byTeams = unmet.filter((r) => "teams" in r.by);
  const operators = new Set(routing.operators.map((o) => o.toLowerCase()));
  const reviewers = [
    ...new Set(
      byTeams.flatMap((r) => {
        const never = excluded(r);
        return r.approvers.filter((l) => !never.has(l.toLowerCase()) && !operators.has(l.toLowerCase()));
      }),
    ),
  ].slice(0, 15);
  const needOperators = unmet.some((r) => "operators" in r.by) || reviewers.length === 0;
  const [first] = unmet as [Requirement];
  const who = "teams" in first.by ? `a maintainer of ${first.by.teams.join(" or ")}` : "an operator";
  const more = unmet.length > 1 ? ` (+${unmet.length - 1} more)` : "";
  return {
    state: "pending",
    description: clip(`Waiting for ${who} to approve ${spellControls(first.file)}${more}.`),
    approvedBy,
    reviewers,
    teamReviewers: needOperators ? [routing.operatorTeam] : [],
  };
}

/**
 * Logins (lower case) whose latest review that is not a comment approves the head commit: a later
 * change request or dismissal withdraws an approval, a comment does not.
 */
function approvers(reviews: readonly Review[], head: string): Set<string> {
  const latest = new Map<string, Review>();
  for (const review of reviews) {
    const login = review.user?.login.toLowerCase();
    if (login && review.state !== "COMMENTED") latest.set(login, review);
  }
  return new Set(
    [...latest].filter(([, r]) => r.state === "APPROVED" && r.commit_id === head).map(([login]) => login),
  );
}

/** At most 140 characters (code points, so no surrogate pair is split). */
const clip = (text: string) => {
  const chars = [...text];
  return chars.length <= 140 ? text : `${chars.slice(0, 139).join("")}…`;
};
