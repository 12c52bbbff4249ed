import type { Change } from "../model";
import {
  beforeAfter,
  body,
  type Context,
  changed,
  changedAttributes,
  code,
  type Describer,
  type Draft,
  follow,
  followFor,
  genericUpdate,
  type OutputView,
  person,
  restChanged,
  text,
} from "./shared";

/** GitHub: organization membership, team memberships, teams, repositories and team access, as sentences. */

/** One sentence for a renamed login, however many memberships move with it. */
const renamed = (before: string, after: string, context: Context, where: string): Draft => ({
  text: `renames @${before} to ${person(after, context)}${where}`,
  people: [before, after],
  group: {
    key: `rename:${before.toLowerCase()}:${after.toLowerCase()}`,
    summary: () => `renames @${before} to ${person(after, context)}`,
  },
});

/**
 * `github_membership`: everyone's organization membership, `member` or `admin` (an owner). With
 * `downgrade_on_destroy`, destroying it leaves the person a member; without, it removes them from
 * the organization (the provider's documented behaviour).
 */
export const githubMembership: Describer = (change, context) => {
  const username = text(body(change).username);
  const login = person(username, context);
  const people = [username];
  const [roleBefore, roleAfter] = beforeAfter(change, "role");
  const owner = (role: unknown) => role === "admin";
  switch (change.action) {
    case "create":
      return owner(roleAfter)
        ? [{ text: `makes ${login} an org owner`, sensitive: true, people }]
        : [{ text: `invites ${login} to the organization (member)`, people }];
    case "import":
      return [
        {
          text: `adopts ${login}'s organization membership (${owner(roleAfter) ? "owner" : "member"})`,
          sensitive: owner(roleAfter),
          people,
        },
      ];
    case "delete":
      if (change.before?.downgrade_on_destroy === true)
        return owner(roleBefore)
          ? [{ text: `demotes ${login} from org owner to member`, removes: true, people }]
          : [
              {
                text: `stops managing ${login}'s membership; they stay a member of the organization`,
                people,
              },
            ];
      return [
        {
          text: `removes ${login} from the organization${owner(roleBefore) ? " (an org owner)" : ""}`,
          people,
        },
      ];
    case "update": {
      const drafts: Draft[] = [];
      if (changed(change, "username"))
        drafts.push(renamed(text(change.before?.username), username, context, " in the organization"));
      if (owner(roleAfter) && !owner(roleBefore))
        drafts.push({ text: `makes ${login} an org owner (was member)`, sensitive: true, people });
      else if (owner(roleBefore) && !owner(roleAfter))
        drafts.push({ text: `demotes ${login} from org owner to member`, removes: true, people });
      return [
        ...drafts,
        ...restChanged(change, ["username", "role"], `${login}'s organization membership`, { people }),
      ];
    }
    default:
      return undefined;
  }
};

function teamOf(change: Change, context: Context): string {
  const teamId = body(change).team_id ?? body(change).team_slug;
  return followFor(change, teamId, context, "name") ?? text(teamId);
}

/** Whether `login` is in the organization on the base side: a newcomer is welcomed, not added. */
function inOrganization(login: string, context: Context): boolean {
  return context.base !== undefined && membersOf(context.base).has(login.toLowerCase());
}

/** Lower-cased logins with any membership on one side, gathered once per side. */
const members = new WeakMap<OutputView, ReadonlySet<string>>();
function membersOf(side: OutputView): ReadonlySet<string> {
  const known = members.get(side);
  if (known) return known;
  const logins = new Set<string>();
  for (const team of side.resourcesOf("github_team_members"))
    for (const m of Array.isArray(team.members) ? (team.members as { username?: unknown }[]) : [])
      logins.add(String(m.username).toLowerCase());
  for (const type of ["github_team_membership", "github_membership"])
    for (const m of side.resourcesOf(type)) logins.add(String(m.username).toLowerCase());
  members.set(side, logins);
  return logins;
}

/** The maintainer role approves a team's members, and the operators' team runs the infrastructure. */
const grantsPower = (team: string, role: unknown, context: Context) =>
  role === "maintainer" || team === context.review.operatorTeam;

const joins = (username: string, team: string, role: unknown, context: Context): Draft => ({
  text: `${inOrganization(username, context) ? "adds" : "welcomes"} ${person(username, context)} to ${team} (${text(role ?? "member")})`,
  sensitive: grantsPower(team, role, context),
  people: [username],
});

const roleChange = (username: string, team: string, before: unknown, after: unknown, context: Context) => ({
  text: `changes ${person(username, context)} in ${team}: ${text(before ?? "member")} → ${text(after ?? "member")}`,
  sensitive: grantsPower(team, after, context),
  removes: before === "maintainer",
  people: [username],
});

export const githubTeamMembership: Describer = (change, context) => {
  const username = text(body(change).username);
  const team = teamOf(change, context);
  const [roleBefore, roleAfter] = beforeAfter(change, "role");
  switch (change.action) {
    case "create":
      return [joins(username, team, roleAfter, context)];
    case "import":
      return [
        {
          text: `adopts ${person(username, context)}'s membership of ${team} (${text(roleAfter ?? "member")})`,
          people: [username],
        },
      ];
    case "delete":
      return [{ text: `removes ${person(username, context)} from ${team}`, people: [username] }];
    case "update": {
      const drafts: Draft[] = [];
      if (changed(change, "username"))
        drafts.push(renamed(text(change.before?.username), username, context, ` in ${team}`));
      if (changed(change, "role")) drafts.push(roleChange(username, team, roleBefore, roleAfter, context));
      return drafts.length > 0 ? drafts : genericUpdate(change);
    }
    default:
      return undefined;
  }
};

/** One team's authoritative member list (`per-team` mode): who joins, leaves or changes role. */
export const githubTeamMembers: Describer = (change, context) => {
  const team = teamOf(change, context);
  const list = (side: Change["before"]) =>
    new Map(
      (Array.isArray(side?.members) ? side.members : []).map((m: { username?: unknown; role?: unknown }) => [
        String(m.username).toLowerCase(),
        { username: String(m.username), role: String(m.role ?? "member") },
      ]),
    );
  const before = list(change.before);
  const after = list(change.after);
  switch (change.action) {
    case "delete":
      return [{ text: `removes all ${before.size} members from ${team}`, sensitive: true }];
    case "create":
    case "update": {
      const drafts: Draft[] = [];
      for (const [key, { username, role }] of after) {
        const was = before.get(key);
        if (!was) drafts.push(joins(username, team, role, context));
        else if (was.role !== role) drafts.push(roleChange(username, team, was.role, role, context));
      }
      for (const [key, { username }] of before)
        if (!after.has(key))
          drafts.push({
            text: `removes ${person(username, context)} from ${team}`,
            removes: true,
            people: [username],
          });
      return drafts.length > 0 ? drafts : genericUpdate(change);
    }
    default:
      return undefined;
  }
};

export const githubTeam: Describer = (change) => {
  const team = code(body(change).name);
  switch (change.action) {
    case "create":
      return [{ text: `creates team ${team}` }];
    case "delete":
      return [{ text: `deletes team ${team} and its memberships` }];
    case "update":
      return [{ text: `changes team ${team}: ${changedAttributes(change)}` }];
    default:
      return undefined;
  }
};

/** The team access granted on the repository named `name` on one side, as `team permission`. */
function grantsOn(name: string, side: OutputView | undefined): { text: string; admin: boolean }[] {
  return (side?.resourcesOf("github_team_repository") ?? [])
    .filter((grant) => (follow(grant.repository, side, "name") ?? text(grant.repository)) === name)
    .map((grant) => ({
      text: `${follow(grant.team_id, side, "name") ?? text(grant.team_id)} ${text(grant.permission ?? "pull")}`,
      admin: grant.permission === "admin",
    }))
    .sort((a, b) => a.text.localeCompare(b.text, "en"));
}

/** Whether the repository named `name` is created by the change: its grants are told with its creation. */
const isNewRepository = (name: string, context: Context) => {
  const has = (side: OutputView | undefined) =>
    (side?.resourcesOf("github_repository") ?? []).some((r) => r.name === name);
  return has(context.head) && !has(context.base);
};

export const githubRepository: Describer = (change, context) => {
  const name = text(body(change).name);
  const repo = code(name);
  switch (change.action) {
    case "create": {
      const grants = grantsOn(name, context.head);
      const granted = grants.length > 0 ? `; grants ${grants.map((g) => g.text).join(", ")}` : "";
      return [
        {
          text: `adds repository ${repo}${body(change).archived === true ? " (archived)" : ""}${granted}`,
          sensitive: grants.some((g) => g.admin),
        },
      ];
    }
    case "delete":
      return [{ text: `deletes repository ${repo}`, sensitive: change.before?.archive_on_destroy !== true }];
    case "update": {
      const drafts: Draft[] = [];
      const [wasArchived, isArchived] = beforeAfter(change, "archived");
      if (changed(change, "archived"))
        drafts.push({
          text: `${isArchived === true ? "archives" : wasArchived === true ? "unarchives" : "changes archiving of"} repository ${repo}`,
        });
      return [...drafts, ...restChanged(change, ["archived"], `repository ${repo}`)];
    }
    default:
      return undefined;
  }
};

export const githubTeamRepository: Describer = (change, context) => {
  const team = teamOf(change, context);
  const repo = code(
    followFor(change, body(change).repository, context, "name") ?? text(body(change).repository),
  );
  const [before, after] = beforeAfter(change, "permission");
  switch (change.action) {
    case "create":
      if (isNewRepository(text(followFor(change, body(change).repository, context, "name")), context))
        return [];
      return [{ text: `grants ${team} ${text(after ?? "pull")} on ${repo}`, sensitive: after === "admin" }];
    case "delete":
      return [{ text: `revokes ${team}'s ${text(before ?? "pull")} access to ${repo}` }];
    case "update":
      return changed(change, "permission")
        ? [
            {
              text: `changes ${team} on ${repo}: ${text(before ?? "pull")} → ${text(after ?? "pull")}`,
              sensitive: before === "admin" || after === "admin",
            },
          ]
        : genericUpdate(change);
    default:
      return undefined;
  }
};
