import type { Change, StackJson } from "../model";
import {
  beforeAfter,
  body,
  type Context,
  changed,
  changedAttributes,
  code,
  type Describer,
  type Draft,
  followFor,
  genericUpdate,
  person,
  text,
} from "./shared";

/** GitHub: owners, team memberships, teams, repositories and team access, as sentences. */

export const githubMembership: Describer = (change, context) => {
  const login = person(text(body(change).username), context);
  const [roleBefore, roleAfter] = beforeAfter(change, "role");
  switch (change.action) {
    case "create":
      return roleAfter === "admin"
        ? [{ text: `makes ${login} an org owner`, sensitive: true }]
        : [{ text: `adds ${login} to the organization (${text(roleAfter ?? "member")})` }];
    case "delete":
      return roleBefore === "admin"
        ? [{ text: `removes ${login} as org owner`, sensitive: true }]
        : [{ text: `removes ${login} from the organization` }];
    case "update": {
      const drafts: Draft[] = [];
      if (roleAfter === "admin" && roleBefore !== "admin")
        drafts.push({
          text: `makes ${login} an org owner (was ${text(roleBefore ?? "member")})`,
          sensitive: true,
        });
      else if (roleBefore === "admin" && roleAfter !== "admin")
        drafts.push({
          text: `removes ${login} as org owner (stays ${text(roleAfter ?? "member")})`,
          sensitive: true,
        });
      if (changed(change, "username"))
        drafts.push({
          text: `renames org ${roleAfter === "admin" ? "owner" : "member"} @${text(change.before?.username)} → ${login}`,
          sensitive: roleAfter === "admin",
        });
      return drafts.length > 0 ? drafts : genericUpdate(change);
    }
  }
};

function teamOf(change: Change, context: Context): string {
  const teamId = body(change).team_id ?? body(change).team_slug;
  return followFor(change, teamId, context, "name") ?? text(teamId);
}

/** Whether `login` holds any membership in the base version of the stack: a newcomer holds none. */
function inOrganization(login: string, context: Context): boolean {
  return context.base !== undefined && baseMembers(context.base).has(login.toLowerCase());
}

/** Lower-cased logins with a membership in a stack, gathered once per stack (a switch of modes adds everyone). */
const membersOf = new WeakMap<StackJson, ReadonlySet<string>>();
function baseMembers(stack: StackJson): ReadonlySet<string> {
  const known = membersOf.get(stack);
  if (known) return known;
  const resources = (stack.resource ?? {}) as Record<string, Record<string, { username?: unknown }>>;
  const logins = new Set<string>();
  for (const team of Object.values(resources.github_team_members ?? {}))
    for (const m of (team as { members?: { username?: unknown }[] }).members ?? [])
      logins.add(String(m.username).toLowerCase());
  for (const type of ["github_team_membership", "github_membership"])
    for (const m of Object.values(resources[type] ?? {})) logins.add(String(m.username).toLowerCase());
  membersOf.set(stack, logins);
  return logins;
}

/** The maintainer role approves a team's members, and the operators' team runs the infrastructure. */
const grantsPower = (team: string, role: unknown, context: Context) =>
  role === "maintainer" || team === context.review.operatorTeam;

export const githubTeamMembership: Describer = (change, context) => {
  const username = text(body(change).username);
  const login = person(username, context);
  const team = teamOf(change, context);
  const [roleBefore, roleAfter] = beforeAfter(change, "role");
  switch (change.action) {
    case "create": {
      const verb = inOrganization(username, context) ? "adds" : "welcomes";
      return [
        {
          text: `${verb} ${login} to ${team} (${text(roleAfter ?? "member")})`,
          sensitive: grantsPower(team, roleAfter, context),
        },
      ];
    }
    case "delete":
      return [{ text: `removes ${login} from ${team}` }];
    case "update": {
      const drafts: Draft[] = [];
      if (changed(change, "role"))
        drafts.push({
          text: `changes ${login} in ${team}: ${text(roleBefore ?? "member")} → ${text(roleAfter ?? "member")}`,
          sensitive: grantsPower(team, roleAfter, context),
        });
      if (changed(change, "username"))
        drafts.push({ text: `renames @${text(change.before?.username)} → ${login} in ${team}` });
      return drafts.length > 0 ? drafts : genericUpdate(change);
    }
  }
};

/** One team's authoritative member list (`per-team` mode): who joins, leaves or changes role. */
export const githubTeamMembers: Describer = (change, context) => {
  const team = teamOf(change, context);
  const members = (side: Record<string, unknown> | undefined) =>
    new Map(
      (Array.isArray(side?.members) ? side.members : []).map((m: { username?: unknown; role?: unknown }) => [
        String(m.username).toLowerCase(),
        { username: String(m.username), role: String(m.role ?? "member") },
      ]),
    );
  const before = members(change.before);
  const after = members(change.after);
  if (change.action === "delete")
    return [{ text: `removes all ${before.size} members from ${team}`, sensitive: true }];
  const drafts: Draft[] = [];
  for (const [key, { username, role }] of after) {
    const was = before.get(key);
    const login = person(username, context);
    if (!was)
      drafts.push({
        text: `${inOrganization(username, context) ? "adds" : "welcomes"} ${login} to ${team} (${text(role)})`,
        sensitive: grantsPower(team, role, context),
      });
    else if (was.role !== role)
      drafts.push({
        text: `changes ${login} in ${team}: ${text(was.role)} → ${text(role)}`,
        sensitive: grantsPower(team, role, context),
      });
  }
  for (const [key, { username }] of before)
    if (!after.has(key)) drafts.push({ text: `removes ${person(username, context)} from ${team}` });
  return drafts.length > 0 ? drafts : genericUpdate(change);
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
  }
};

export const githubRepository: Describer = (change) => {
  const repo = code(body(change).name);
  switch (change.action) {
    case "create":
      return [{ text: `adds repository ${repo}${body(change).archived === true ? " (archived)" : ""}` }];
    case "delete":
      return [{ text: `deletes repository ${repo}`, sensitive: change.before?.archive_on_destroy !== true }];
    case "update": {
      const drafts: Draft[] = [];
      const [wasArchived, isArchived] = beforeAfter(change, "archived");
      if (changed(change, "archived"))
        drafts.push({
          text: `${isArchived === true ? "archives" : wasArchived === true ? "unarchives" : "changes archiving of"} repository ${repo}`,
        });
      const rest = { ...change, attributes: change.attributes.filter((a) => a.path !== "archived") };
      if (rest.attributes.length > 0)
        drafts.push({ text: `changes repository ${repo}: ${changedAttributes(rest)}` });
      return drafts;
    }
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
  }
};
