import { GITHUB_LOGIN } from "../../constructs/github/login";
import { isPersonFile, MAINTAINERS_DIR } from "../../inputs/files";
import { spellControls } from "../../runtime/log";
import type { Requirement, Routing } from "../approvals";
import type { PullFile, Review } from "./github";

/**
 * What `.github/CODEOWNERS` leaves without an owner (`/maintainers/*.yaml`), so that only this
 * status guards it. A path here that is not a person's file (an invisible character, a hidden
 * file) fails closed: nobody else would ask for a review of it.
 */
const UNOWNED = /^maintainers\/[^/]*\.yaml$/s;
const TEAM_SLUG = /^[A-Za-z0-9._-]{1,100}$/;

/** The `approvals` commit status, and whom to ask. */
interface Verdict {
  readonly state: "success" | "pending" | "failure";
  /** At most 140 characters, as GitHub shows it next to the check. */
  readonly description: string;
  readonly reviewers: readonly string[];
  readonly teamReviewers: readonly string[];
}

interface VerdictInput {
  readonly files: readonly PullFile[];
  /** The routing JSON from the ci artifact, or undefined when the artifact has none. */
  readonly routingText: string | undefined;
  readonly reviews: readonly Review[];
  readonly author: string;
  readonly headSha: string;
}

/**
 * Whether the pull request has the approvals its routing asks for. The routing is trusted only
 * when the pull request changes nothing but person files: then ci ran the base branch's own code
 * over the new data. Any other change is left to CODEOWNERS, which asks the operators for it.
 * Only approvals of the head commit count, never the author's.
 */
export function approvalVerdict(input: VerdictInput): Verdict {
  const none = { reviewers: [], teamReviewers: [] };
  const paths = input.files.flatMap((f) => [
    f.filename,
    ...(f.previous_filename ? [f.previous_filename] : []),
  ]);
  const strays = paths.filter((p) => UNOWNED.test(p) && !isPersonFile(p));
  if (strays.length > 0)
    return {
      state: "failure",
      description: clip(
        `${strays.map(spellControls).join(", ")} is not a person's file (expected ${MAINTAINERS_DIR}/<github-login>.yaml).`,
      ),
      ...none,
    };
  if (!paths.every(isPersonFile))
    return {
      state: "success",
      description: "Changes more than people's files: CODEOWNERS asks the operators.",
      ...none,
    };
  const routing = parseRouting(input.routingText);
  if (typeof routing === "string") return { state: "failure", description: routing, ...none };
  const uncovered = paths.filter(
    (p) => !routing.requirements.some((r) => r.file.toLowerCase() === p.toLowerCase()),
  );
  if (uncovered.length > 0)
    return {
      state: "failure",
      description: clip(`No routing for ${uncovered.join(", ")}: run ci again.`),
      ...none,
    };

  const approved = approvers(input.reviews, input.author, input.headSha);
  // Whatever the routing says, the person a file is about never approves it.
  const counts = (r: Requirement, login: string) =>
    login.toLowerCase() !== subjectOf(r.file) && approved.has(login.toLowerCase());
  const unmet = routing.requirements.filter((r) => !r.approvers.some((a) => counts(r, a)));
  if (unmet.length === 0)
    return { state: "success", description: "Approved by the people each change needs.", ...none };

  const author = input.author.toLowerCase();
  const byTeams = unmet.filter((r) => "teams" in r.by);
  const operators = new Set(routing.operators.map((o) => o.toLowerCase()));
  const reviewers = [
    ...new Set(
      byTeams
        .flatMap((r) => r.approvers.filter((l) => l.toLowerCase() !== subjectOf(r.file)))
        .filter((l) => !operators.has(l.toLowerCase()) && l.toLowerCase() !== author),
    ),
  ].slice(0, 15);
  const needOperators = unmet.some((r) => "operators" in r.by) || reviewers.length === 0;
  const [first] = unmet;
  const who = "teams" in first.by ? `a maintainer of ${first.by.teams.join(" or ")}` : "an operator";
  const more = unmet.length > 1 ? ` (+${unmet.length - 1} more)` : "";
  return {
    state: "pending",
    description: clip(`Waiting for ${who} to approve ${first.file}${more}.`),
    reviewers,
    teamReviewers: needOperators ? [routing.operatorTeam] : [],
  };
}

/** The login (lower case) a person's file is about: its name without `maintainers/` and `.yaml`. */
const subjectOf = (file: string) => file.slice(MAINTAINERS_DIR.length + 1, -".yaml".length).toLowerCase();

/** Logins (lower case) whose latest review approves the head commit, the author's left out. */
function approvers(reviews: readonly Review[], author: string, headSha: string): Set<string> {
  const latest = new Map<string, Review>();
  for (const review of reviews) {
    const login = review.user?.login.toLowerCase();
    if (login && review.state !== "COMMENTED") latest.set(login, review);
  }
  return new Set(
    [...latest]
      .filter(
        ([login, r]) => r.state === "APPROVED" && r.commit_id === headSha && login !== author.toLowerCase(),
      )
      .map(([login]) => login),
  );
}

/** The routing, checked field by field because the artifact crossed from untrusted code; or why not. */
function parseRouting(text: string | undefined): Routing | string {
  if (text === undefined) return "The ci run left no routing: run ci again.";
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return "The routing in the ci artifact is not JSON.";
  }
  const logins = (v: unknown): v is string[] =>
    Array.isArray(v) && v.length <= 1000 && v.every((l) => typeof l === "string" && GITHUB_LOGIN.test(l));
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string");
  const requirement = (r: unknown): r is Requirement => {
    if (typeof r !== "object" || r === null) return false;
    const { file, reasons, by, approvers } = r as Record<string, unknown>;
    const team = (by as { teams?: unknown } | null)?.teams;
    const validBy =
      (by as { operators?: unknown } | null)?.operators === true ||
      (strings(team) && team.every((t) => TEAM_SLUG.test(t)));
    return typeof file === "string" && isPersonFile(file) && strings(reasons) && validBy && logins(approvers);
  };
  const routing = data as Record<string, unknown> | null;
  if (
    typeof routing !== "object" ||
    routing === null ||
    typeof routing.operatorTeam !== "string" ||
    !TEAM_SLUG.test(routing.operatorTeam) ||
    !logins(routing.operators) ||
    !Array.isArray(routing.requirements) ||
    !routing.requirements.every(requirement)
  )
    return "The routing in the ci artifact is malformed.";
  return routing as unknown as Routing;
}

/** At most 140 characters (code points, so no surrogate pair is split). */
const clip = (text: string) => {
  const chars = [...text];
  return chars.length <= 140 ? text : `${chars.slice(0, 139).join("")}…`;
};
