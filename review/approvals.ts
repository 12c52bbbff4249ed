import { compareText } from "@void-linux/infra-constructs/core";
import { isPersonFile, loginOfPersonFile } from "../inputs/files";
import type { PersonSnapshot, RosterSnapshot } from "../inputs/person-snapshot";
import { spellControls } from "../runtime/log";
import { inlineCode, table, WARNING_MARKER } from "./markdown";

/**
 * Approval routing: who must approve a change, decided per changed path from the base roster (the
 * trusted one) and the change. No second file is involved, so onboarding, offboarding and a team
 * change stay one-file pull requests. The invariants are written in docs/review.md ("Who
 * approves") and held by test/review/approvals.properties.test.ts.
 *
 * - Joining, leaving or changing role in a team needs a maintainer of that team, as the base lists
 *   them: team maintainers admit and remove their own team's members.
 * - A grant of power (org owner, the operators' team, the maintainer role, a team whose access
 *   group lets its members log in to machines, a new SSH key of someone with such a login), any
 *   change to an org owner's or an operator's file, and a github_id, NetAuth id, earlier-logins or
 *   login change (each decides whose account a login is; a rename is a file removed and one added
 *   under one github_id) need an operator. So does every changed path that is not a person's file.
 * - Any other change to a person's file needs a maintainer of one of that person's teams.
 * - Operators may approve anything; nobody's approval counts for their own file (which is where
 *   power is granted to them), whoever opened the pull request. When nobody else may approve, the
 *   row says so and can never pass.
 * - What the routing cannot classify is refused, never routed: a name CODEOWNERS leaves to this
 *   routing (`<people>/*.yaml`) that is not `<people>/<github-login>.yaml`, a person's file the
 *   change leaves unreadable, two files for one person, a merge that conflicts.
 *
 * `<people>` is the people's folder and the operators' team is the one the base's definition
 * names (`organization.yaml`): nothing here knows an organization's folders or teams.
 */
interface ApprovalSettings {
  /** The operators' team; its members (in the base roster) may approve everything. */
  readonly operatorTeam: string;
  /** The people's folder, repository-relative: its `<github-login>.yaml` files are people's files. */
  readonly people: string;
  /** Changed person files the caller could not read as a person, each with why. */
  readonly unreadable?: readonly Refusal[];
  /** Teams whose members the base's access groups let log in to machines (`estate/access.yaml`). */
  readonly hostLoginTeams?: readonly string[];
}

export interface Requirement {
  /** The path that needs the approval, relative to the project. */
  readonly file: string;
  /** What needs approving, as review sentences ("adds @alice to pkg-committers"). */
  readonly reasons: readonly string[];
  /** Whose approval counts: the operators, or a maintainer of one of `teams`. */
  readonly by: { readonly operators: true } | { readonly teams: readonly string[] };
  /**
   * Logins whose approval counts, from the base roster: the operators and, for a team row, the
   * team's maintainers, never one of `subjects`. Empty when nobody else may approve.
   */
  readonly approvers: readonly string[];
  /**
   * The person the row is about, in lower case, under every login the change knows them by (the
   * old and the new file, a github_id they share): whatever any list says, their approval never
   * counts for it. Empty for a path that is nobody's file.
   */
  readonly subjects: readonly string[];
}

/** A changed path the routing cannot classify: the `approvals` check fails for it. */
export interface Refusal {
  readonly file: string;
  /** Why, as one line without the path (`is not a person's file (expected …)`). */
  readonly problem: string;
}

export interface Routing {
  readonly operatorTeam: string;
  /** The people's folder the routing classified paths by. */
  readonly people: string;
  /** The operators in the base roster. */
  readonly operators: readonly string[];
  readonly requirements: readonly Requirement[];
  readonly refusals: readonly Refusal[];
}

/** A routing and the commits it was computed for: it holds for that pair and no other. */
export interface BoundRouting extends Routing {
  /** The base commit whose roster decided who approves (the tip of the base branch). */
  readonly base: string;
  /** The head commit of the change (the pull request's head). */
  readonly head: string;
}

/**
 * Whether `path` is what `.github/CODEOWNERS` leaves without an owner (`/<people>/*.yaml`), so
 * that only the approval routing guards it. A path there that is not a person's file (an invisible
 * character, a hidden file) is refused: nothing legitimate needs one, and nobody else would ask
 * for a review.
 */
const isUnowned = (path: string, people: string) =>
  path.startsWith(`${people}/`) && /^[^/]*\.yaml$/s.test(path.slice(people.length + 1));

/** Why a path that is nobody's file needs an operator. */
const OPERATORS_ONLY = "changes a file only the operators approve";

/** Why a path CODEOWNERS leaves to the routing is refused. */
export const notAPersonFile = (people: string) =>
  `is not a person's file (expected ${people}/<github-login>.yaml)`;

/**
 * The requirements of a change from `base` to `head`. `changedFiles` are the paths the change
 * touches (project-relative; a path outside the project starts with `/`); person files are
 * compared by content, every other path needs an operator, and what cannot be classified is
 * refused.
 */
export function routeApprovals(
  base: RosterSnapshot,
  head: RosterSnapshot,
  changedFiles: readonly string[],
  { operatorTeam, people, unreadable = [], hostLoginTeams = [] }: ApprovalSettings,
): Routing {
  const power = { operatorTeam, hostLoginTeams: new Set(hostLoginTeams) };
  const personFile = (path: string) => isPersonFile(path, people);
  const operators = sortedUnique(base.people.filter((p) => p.teams[operatorTeam]).map((p) => p.login));
  const maintainersOf = (teams: readonly string[]) =>
    base.people.filter((p) => teams.some((t) => p.teams[t] === "maintainer")).map((p) => p.login);
  const paths = [...new Set(changedFiles)].sort(compareText);
  const refusals: Refusal[] = [...unreadable];
  for (const file of paths)
    if (isUnowned(file, people) && !personFile(file))
      refusals.push({ file, problem: notAPersonFile(people) });
  refusals.push(...duplicates(head, paths));
  const refused = new Set(refusals.map((r) => r.file.toLowerCase()));

  const requirements: Requirement[] = paths
    .filter((file) => !personFile(file) && !isUnowned(file, people))
    .map((file) => ({
      file,
      reasons: [OPERATORS_ONLY],
      by: { operators: true },
      approvers: operators,
      subjects: [],
    }));

  for (const { file, before, after } of changedPeople(base, head, paths.filter(personFile), refused)) {
    const subject = (after ?? before) as PersonSnapshot;
    const change = describe(before, after, power);
    const subjects = subjectsOf(base, head, before, after, people);
    const concerned = new Set(subjects);
    const others = (logins: readonly string[]) => logins.filter((l) => !concerned.has(l.toLowerCase()));
    const byOperators = (reasons: readonly string[]): Requirement => {
      const approvers = others(operators);
      const none = `no operator other than @${subject.login} may approve it`;
      return {
        file,
        reasons: approvers.length > 0 ? reasons : reasons.map((r) => `${r} (${none})`),
        by: { operators: true },
        approvers,
        subjects,
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
          subjects,
        };
      const none = `no other maintainer of ${teams.join(" or ") || "any team"}`;
      return byOperators(reasons.map((r) => `${r} (${none})`));
    };
    if (change.needsOperators) requirements.push(byOperators(change.reasons));
    else if (change.teams.length > 0)
      for (const { team, reason } of change.teams) requirements.push(byTeams([team], [reason]));
    else requirements.push(byTeams(Object.keys(subject.teams).sort(), change.reasons));
  }

  // Fail closed: a changed person file that no row covers (a row is about a file in any letter
  // case: a case rename is one row) and that is not refused itself cannot be classified.
  const routed = new Set(requirements.map((r) => r.file.toLowerCase()));
  const refusedPaths = new Set(refusals.map((r) => r.file));
  for (const file of paths.filter(personFile)) {
    if (routed.has(file.toLowerCase()) || refusedPaths.has(file)) continue;
    const twin = refusals.find((r) => r.file.toLowerCase() === file.toLowerCase());
    refusals.push({
      file,
      problem: twin
        ? `differs only in letter case from ${twin.file}, which is refused (expected one file per person)`
        : "cannot be read as a person's file, before or after the change",
    });
  }
  return {
    operatorTeam,
    people,
    operators,
    requirements,
    refusals: refusals.sort((a, b) => compareText(a.file, b.file)),
  };
}

/**
 * Changed person files that are a second file for someone: the same file name or the same login
 * as another person's file, compared case-insensitively as GitHub compares logins.
 */
function duplicates(head: RosterSnapshot, paths: readonly string[]): Refusal[] {
  const changed = new Set(paths);
  const count = (key: (p: PersonSnapshot) => string) => {
    const counts = new Map<string, number>();
    for (const p of head.people) counts.set(key(p), (counts.get(key(p)) ?? 0) + 1);
    return (p: PersonSnapshot) => counts.get(key(p)) ?? 0;
  };
  const [byFile, byLogin] = [count((p) => p.file.toLowerCase()), count((p) => p.login.toLowerCase())];
  return head.people
    .filter((p) => changed.has(p.file) && (byFile(p) > 1 || byLogin(p) > 1))
    .map((p) => ({
      file: p.file,
      problem: `is a second file for @${p.login} (expected one file per person, whatever the letter case)`,
    }));
}

/**
 * The person a changed file is about, in lower case: the login and file name before and after,
 * and every login that shares their github_id in either roster (a rename).
 */
function subjectsOf(
  base: RosterSnapshot,
  head: RosterSnapshot,
  before: PersonSnapshot | undefined,
  after: PersonSnapshot | undefined,
  people: string,
): string[] {
  const sides = [before, after].filter((p): p is PersonSnapshot => p !== undefined);
  const ids = new Set(sides.flatMap((p) => (p.githubId === undefined ? [] : [p.githubId])));
  const sameAccount = [...base.people, ...head.people].filter(
    (p) => p.githubId !== undefined && ids.has(p.githubId),
  );
  return sortedUnique(
    [...sides, ...sameAccount]
      .flatMap((p) => [p.login, loginOfPersonFile(p.file, people)])
      .map((l) => l.toLowerCase()),
  );
}

interface PersonChange {
  readonly reasons: readonly string[];
  readonly needsOperators: boolean;
  /** Teams joined, left or changed in role, each with its sentence. */
  readonly teams: readonly { team: string; reason: string }[];
}

/** The teams whose membership is power: the operators', and those that bring a host login. */
interface PowerTeams {
  readonly operatorTeam: string;
  readonly hostLoginTeams: ReadonlySet<string>;
}

function describe(
  before: PersonSnapshot | undefined,
  after: PersonSnapshot | undefined,
  { operatorTeam, hostLoginTeams }: PowerTeams,
): PersonChange {
  const who = `@${(after ?? before)?.login}`;
  const teams: { team: string; reason: string }[] = [];
  let grantsPower = false;
  for (const team of [
    ...new Set([...Object.keys(before?.teams ?? {}), ...Object.keys(after?.teams ?? {})]),
  ].sort()) {
    const [was, is] = [before?.teams[team], after?.teams[team]];
    if (was === is) continue;
    if (is === "maintainer" || (is && !was && (team === operatorTeam || hostLoginTeams.has(team))))
      grantsPower = true;
    const reason = !was
      ? `adds ${who} to ${team} (${is})`
      : !is
        ? `removes ${who} from ${team}`
        : `makes ${who} ${is} of ${team}`;
    teams.push({ team, reason });
  }
  // A new login for the same account: whose account it is, like earlier logins, is the operators' call.
  const renamed =
    before && after && before.login.toLowerCase() !== after.login.toLowerCase()
      ? [`renames @${before.login} to ${who}`]
      : [];
  const owner = after?.orgOwner && !before?.orgOwner ? [`makes ${who} an org owner`] : [];
  const unowner = before?.orgOwner && !after?.orgOwner ? [`removes ${who} as org owner`] : [];
  const identity = [
    ...(before && after && before.githubId !== after.githubId ? [`changes the github_id of ${who}`] : []),
    ...(before && after && before.netauth !== after.netauth ? [`changes the NetAuth id of ${who}`] : []),
  ];
  // A key logs in wherever its owner's groups may: for someone with a host login, a new key is power.
  const hostLogin = [before, after].some((p) => p && Object.keys(p.teams).some((t) => hostLoginTeams.has(t)));
  const [keysBefore, keysAfter] = [new Set(before?.publicKeys), new Set(after?.publicKeys)];
  const addedKeys = [...keysAfter].filter((k) => !keysBefore.has(k)).length;
  const removedKeys = [...keysBefore].filter((k) => !keysAfter.has(k)).length;
  const keys = [
    ...(addedKeys > 0 ? [`adds ${sshKeys(addedKeys)} to ${who}${hostLogin ? " (host login)" : ""}`] : []),
    ...(removedKeys > 0 ? [`removes ${sshKeys(removedKeys)} from ${who}`] : []),
  ];
  // Earlier logins move state from those logins' memberships: who someone was is the operators' call.
  const earlier = (p?: PersonSnapshot) => (p?.previously ?? []).join(" ");
  const history = earlier(before) !== earlier(after) ? [earlierLogins(after?.previously ?? [], who)] : [];
  const reasons = [
    ...renamed,
    ...owner,
    ...unowner,
    ...teams.map((t) => t.reason),
    ...identity,
    ...history,
    ...keys,
  ];
  const privileged = [before, after].some(
    (p) => p !== undefined && (p.orgOwner || p.teams[operatorTeam] !== undefined),
  );
  return {
    reasons: reasons.length > 0 ? reasons : [`changes ${who}'s file`],
    needsOperators:
      grantsPower ||
      privileged ||
      (hostLogin && addedKeys > 0) ||
      renamed.length + owner.length + identity.length + history.length > 0,
    teams,
  };
}

const sshKeys = (count: number) => (count === 1 ? "an SSH key" : `${count} SSH keys`);

/** The sentence for a file's new list of earlier logins (`previously:`). */
function earlierLogins(logins: readonly string[], who: string): string {
  if (logins.length === 0) return `clears the earlier logins of ${who}`;
  const named = logins.map((login) => `@${login}`).join(", ");
  return logins.length === 1
    ? `records ${named} as an earlier login of ${who}`
    : `records ${named} as earlier logins of ${who}`;
}

/**
 * People whose file the change adds, removes or edits (file names compared case-insensitively),
 * leaving out the files already refused. `changedFiles` are the people's files the change touches.
 */
function changedPeople(
  base: RosterSnapshot,
  head: RosterSnapshot,
  changedFiles: readonly string[],
  refused: ReadonlySet<string>,
): FileChange[] {
  const byFile = (roster: RosterSnapshot) => new Map(roster.people.map((p) => [p.file.toLowerCase(), p]));
  const [before, after] = [byFile(base), byFile(head)];
  const touched = new Set(changedFiles.map((f) => f.toLowerCase()));
  const changes = [...new Set([...before.keys(), ...after.keys()])]
    .filter((key) => !refused.has(key))
    .sort()
    .map((key) => ({ key, before: before.get(key), after: after.get(key) }))
    .filter(({ key, before: b, after: a }) => touched.has(key) || fingerprint(b) !== fingerprint(a))
    .map(({ before: b, after: a }) => ({ file: (a ?? b)?.file ?? "", before: b, after: a }));
  return pairRenames(changes);
}

/** A person's file as the change leaves it: added (no `before`), removed (no `after`) or edited. */
type FileChange = { file: string; before?: PersonSnapshot; after?: PersonSnapshot };

/**
 * A GitHub rename as a pull request makes it: one file removed and another added under the same
 * github_id. Each of the two is described against the other (the person before and after), so
 * both rows say "renames @old to @new" and only what else changed, never a removal and a newcomer.
 * One file removed and one added under the id, or no rename: a second claim pairs with nothing.
 */
function pairRenames(changes: readonly FileChange[]): FileChange[] {
  const removed = new Map<number, PersonSnapshot[]>();
  const added = new Map<number, PersonSnapshot[]>();
  for (const { before, after } of changes) {
    const [claims, person] = before ? [removed, before] : [added, after];
    const id = person?.githubId;
    if (person && (!before || !after) && id !== undefined)
      claims.set(id, [...(claims.get(id) ?? []), person]);
  }
  return changes.map((change) => {
    if ((change.before === undefined) === (change.after === undefined)) return change;
    const id = (change.before ?? change.after)?.githubId;
    const [gone, come] = id === undefined ? [] : [removed.get(id), added.get(id)];
    if (gone?.length !== 1 || come?.length !== 1) return change;
    return { file: change.file, before: gone[0], after: come[0] };
  });
}

/** What routing compares of a person, in one canonical form (team order does not matter). */
function fingerprint(p: PersonSnapshot | undefined): string {
  if (!p) return "";
  const teams = Object.entries(p.teams).sort(([a], [b]) => compareText(a, b));
  return JSON.stringify([
    p.login,
    p.name,
    p.githubId ?? null,
    p.netauth ?? null,
    p.orgOwner,
    teams,
    p.previously ?? [],
    [...(p.publicKeys ?? [])].sort(compareText),
  ]);
}

function sortedUnique(logins: readonly string[]): string[] {
  const unique = new Map(logins.map((l) => [l.toLowerCase(), l]));
  return [...unique.keys()].sort().map((k) => unique.get(k) as string);
}

/** How far a routing has come: per requirement (in order), the login whose approval meets it. */
export interface RoutingProgress {
  readonly approvedBy: readonly (string | undefined)[];
}

/**
 * The routing as a review section: the refusals first, then one row per requirement (with who
 * approved it, given the progress); empty when nothing needs approving.
 */
export function renderRouting(routing: Routing, progress?: RoutingProgress): string {
  if (routing.requirements.length === 0 && routing.refusals.length === 0) return "";
  const handles = (logins: readonly string[]) =>
    logins.length > 0 ? logins.map((l) => `@${l}`).join(", ") : "nobody else can approve this";
  const indexed = routing.requirements.map((r, i) => ({ r, by: progress?.approvedBy[i] }));
  // Paths that are nobody's file all need any operator: one row for them all, however many.
  const others = indexed.filter(({ r }) => r.reasons[0] === OPERATORS_ONLY && r.subjects.length === 0);
  const people = indexed.filter((row) => !others.includes(row));
  const paths = (files: readonly string[]) => files.map((f) => inlineCode(spellControls(f))).join(", ");
  const row = (where: string, r: Requirement, by: string | undefined) => [
    where,
    r.reasons.join("; "),
    "operators" in r.by
      ? `${WARNING_MARKER} an operator of ${routing.operatorTeam}: ${handles(r.approvers)}`
      : `a maintainer of ${r.by.teams.join(" or ")}, or an operator: ${handles(r.approvers)}`,
    ...(progress ? [by ? `✅ @${by}` : "waiting"] : []),
  ];
  const [first] = others;
  const rows = [
    ...people.map(({ r, by }) => row(paths([r.file]), r, by)),
    ...(first
      ? [
          row(
            paths(others.slice(0, SHOWN_PATHS).map(({ r }) => r.file)) +
              (others.length > SHOWN_PATHS ? ` and ${others.length - SHOWN_PATHS} more` : ""),
            first.r,
            others.every(({ by }) => by !== undefined) ? first.by : undefined,
          ),
        ]
      : []),
  ];
  const refused = routing.refusals.map((r) => `- ${inlineCode(spellControls(r.file))} ${r.problem}`);
  return [
    "### Who approves",
    ...(refused.length > 0
      ? [
          `${WARNING_MARKER} **Nobody can approve this change as it is**: the routing cannot classify these paths, so the \`approvals\` check fails.`,
          "",
          ...refused,
          "",
        ]
      : []),
    ...(rows.length > 0
      ? [
          "Each row needs one approving review of the head commit from the people named (never the person the file is about, nor the author); the `approvals` check holds it.",
          "",
          table(["File", "Change", "Approved by", ...(progress ? ["Status"] : [])], rows),
        ]
      : []),
  ]
    .join("\n")
    .trimEnd();
}

/** How many of the paths only the operators approve the row names; the rest are counted. */
const SHOWN_PATHS = 10;
