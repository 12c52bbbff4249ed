import { isPersonFile } from "../inputs/files";
import type { PersonSnapshot, RosterSnapshot } from "../inputs/safety";
import { compareText } from "../runtime/values";
import { inlineCode, table, WARNING_MARKER } from "./markdown";

/**
 * Approval routing: who must approve a change, decided per person file from the base roster (the
 * trusted one) and the change. No second file is involved, so onboarding, offboarding and a team
 * change stay one-file pull requests.
 *
 * - Joining, leaving or changing role in a team needs a maintainer of that team, as the base lists
 *   them: team maintainers admit and remove their own team's members.
 * - A grant of power (org owner, the operators' team, the maintainer role), any change to an org
 *   owner's or an operator's file, and a github_id change (it decides whose account a login is)
 *   need an operator. So does every changed file that is not a person's file.
 * - Any other change to a person's file needs a maintainer of one of that person's teams.
 * - Operators may approve anything; nobody's approval counts for their own file or for power
 *   granted to them, whoever opened the pull request. When nobody else may approve, the row says
 *   so and can never pass.
 */
interface ApprovalSettings {
  /** The operators' team; its members (in the base roster) may approve everything. */
  readonly operatorTeam: string;
}

export interface Requirement {
  /** The file that needs the approval, repository-relative. */
  readonly file: string;
  /** What needs approving, as review sentences ("adds @alice to pkg-committers"). */
  readonly reasons: readonly string[];
  /** Whose approval counts: the operators, or a maintainer of one of `teams`. */
  readonly by: { readonly operators: true } | { readonly teams: readonly string[] };
  /**
   * Logins whose approval counts, from the base roster: the operators and, for a team row, the
   * team's maintainers, never the person the file is about. Empty when nobody else may approve.
   */
  readonly approvers: readonly string[];
}

export interface Routing {
  readonly operatorTeam: string;
  /** The operators in the base roster. */
  readonly operators: readonly string[];
  readonly requirements: readonly Requirement[];
}

/**
 * The requirements of a change from `base` to `head`. `changedFiles` are the paths the change
 * touches; person files are compared by content, every other path needs an operator.
 */
export function routeApprovals(
  base: RosterSnapshot,
  head: RosterSnapshot,
  changedFiles: readonly string[],
  { operatorTeam }: ApprovalSettings,
): Routing {
  const operators = sortedUnique(base.people.filter((p) => p.teams[operatorTeam]).map((p) => p.login));
  const maintainersOf = (teams: readonly string[]) =>
    base.people.filter((p) => teams.some((t) => p.teams[t] === "maintainer")).map((p) => p.login);
  const requirements: Requirement[] = [...new Set(changedFiles)]
    .filter((file) => !isPersonFile(file))
    .sort()
    .map((file) => ({
      file,
      reasons: ["changes a file only the operators approve"],
      by: { operators: true },
      approvers: operators,
    }));

  for (const { file, before, after } of changedPeople(base, head, changedFiles)) {
    const subject = (after ?? before) as PersonSnapshot;
    const change = describe(before, after, operatorTeam);
    // The person the file is about, under either login: their approval never counts for it.
    const concerned = new Set([before?.login, after?.login].flatMap((l) => (l ? [l.toLowerCase()] : [])));
    const others = (logins: readonly string[]) => logins.filter((l) => !concerned.has(l.toLowerCase()));
    const byOperators = (reasons: readonly string[]): Requirement => {
      const approvers = others(operators);
      const none = `no operator other than @${subject.login} may approve it`;
      return {
        file,
        reasons: approvers.length > 0 ? reasons : reasons.map((r) => `${r} (${none})`),
        by: { operators: true },
        approvers,
      };
    };
    const byTeams = (teams: readonly string[], reasons: readonly string[]): Requirement => {
      const maintainers = others(maintainersOf(teams));
      if (maintainers.length > 0)
        return {
          file,
          reasons,
          by: { teams },
          approvers: sortedUnique([...maintainers, ...others(operators)]),
        };
      const none = `no other maintainer of ${teams.join(" or ") || "any team"}`;
      return byOperators(reasons.map((r) => `${r} (${none})`));
    };
    if (change.needsOperators) requirements.push(byOperators(change.reasons));
    else if (change.teams.length > 0)
      for (const { team, reason } of change.teams) requirements.push(byTeams([team], [reason]));
    else requirements.push(byTeams(Object.keys(subject.teams).sort(), change.reasons));
  }
  return { operatorTeam, operators, requirements };
}

interface PersonChange {
  readonly reasons: readonly string[];
  readonly needsOperators: boolean;
  /** Teams joined, left or changed in role, each with its sentence. */
  readonly teams: readonly { team: string; reason: string }[];
}

function describe(
  before: PersonSnapshot | undefined,
  after: PersonSnapshot | undefined,
  operatorTeam: string,
): PersonChange {
  const who = `@${(after ?? before)?.login}`;
  const teams: { team: string; reason: string }[] = [];
  let grantsPower = false;
  for (const team of [
    ...new Set([...Object.keys(before?.teams ?? {}), ...Object.keys(after?.teams ?? {})]),
  ].sort()) {
    const [was, is] = [before?.teams[team], after?.teams[team]];
    if (was === is) continue;
    if (is === "maintainer" || (is && team === operatorTeam)) grantsPower = true;
    const reason = !was
      ? `adds ${who} to ${team} (${is})`
      : !is
        ? `removes ${who} from ${team}`
        : `makes ${who} ${is} of ${team}`;
    teams.push({ team, reason });
  }
  const owner = after?.orgOwner && !before?.orgOwner ? [`makes ${who} an org owner`] : [];
  const unowner = before?.orgOwner && !after?.orgOwner ? [`removes ${who} as org owner`] : [];
  const identity =
    before && after && before.githubId !== after.githubId ? [`changes the github_id of ${who}`] : [];
  const reasons = [...owner, ...unowner, ...teams.map((t) => t.reason), ...identity];
  const privileged = [before, after].some(
    (p) => p !== undefined && (p.orgOwner || p.teams[operatorTeam] !== undefined),
  );
  return {
    reasons: reasons.length > 0 ? reasons : [`changes ${who}'s file`],
    needsOperators: grantsPower || privileged || owner.length + identity.length > 0,
    teams,
  };
}

/** People whose file the change adds, removes or edits (file names compared case-insensitively). */
function changedPeople(
  base: RosterSnapshot,
  head: RosterSnapshot,
  changedFiles: readonly string[],
): { file: string; before?: PersonSnapshot; after?: PersonSnapshot }[] {
  const byFile = (roster: RosterSnapshot) => new Map(roster.people.map((p) => [p.file.toLowerCase(), p]));
  const [before, after] = [byFile(base), byFile(head)];
  const touched = new Set(changedFiles.filter(isPersonFile).map((f) => f.toLowerCase()));
  return [...new Set([...before.keys(), ...after.keys()])]
    .sort()
    .map((key) => ({ key, before: before.get(key), after: after.get(key) }))
    .filter(({ key, before: b, after: a }) => touched.has(key) || fingerprint(b) !== fingerprint(a))
    .map(({ before: b, after: a }) => ({ file: (a ?? b)?.file ?? "", before: b, after: a }));
}

/** What routing compares of a person, in one canonical form (team order does not matter). */
function fingerprint(p: PersonSnapshot | undefined): string {
  if (!p) return "";
  const teams = Object.entries(p.teams).sort(([a], [b]) => compareText(a, b));
  return JSON.stringify([p.login, p.name, p.githubId ?? null, p.orgOwner, teams]);
}

function sortedUnique(logins: readonly string[]): string[] {
  const unique = new Map(logins.map((l) => [l.toLowerCase(), l]));
  return [...unique.keys()].sort().map((k) => unique.get(k) as string);
}

/** The routing as a review-comment section: one row per requirement; empty when nothing needs approving. */
export function renderRouting(routing: Routing): string {
  if (routing.requirements.length === 0) return "";
  const handles = (logins: readonly string[]) =>
    logins.length > 0 ? logins.map((l) => `@${l}`).join(", ") : "nobody else can approve this";
  const rows = routing.requirements.map((r) => [
    inlineCode(r.file),
    r.reasons.join("; "),
    "operators" in r.by
      ? `${WARNING_MARKER} an operator of ${routing.operatorTeam}: ${handles(r.approvers)}`
      : `a maintainer of ${r.by.teams.join(" or ")}, or an operator: ${handles(r.approvers)}`,
  ]);
  return [
    "### Who approves",
    "Each row needs one approving review from the people named (not the author); the `approvals` status checks it.",
    "",
    table(["File", "Change", "Approved by"], rows),
  ].join("\n");
}
