import type { OrganizationData } from "../../inputs";
import { grantsHostLogin } from "../../inputs/estate/access";
import { ESTATE_FILES } from "../../inputs/files";
import type { OrganizationDefinition } from "../../inputs/organization";
import { YamlSource } from "../../inputs/yaml-source";
import { catFiles, projectPrefix } from "../../runtime/git";
import { isRecord } from "../../runtime/values";

/** What the review needs to know of a machine that the outputs do not say (until an inventory does). */
export interface MachineFacts {
  /** Its Ansible groups (`roles` in `estate/machines/<name>.yaml`). */
  readonly roles: readonly string[];
}

/**
 * What the outputs do not say but the sentences should: who people are, and which teams and
 * groups carry power. Read from the checkout's data, never hard-coded, so renaming a team or a
 * group changes what the review marks.
 */
export interface ReviewContext {
  /** Display names by lower-cased login, from the maintainer files of base and head. */
  readonly people?: ReadonlyMap<string, string>;
  /** The operators' team: joining it is a grant of power, marked like one. */
  readonly operatorTeam?: string;
  /** NetAuth groups whose members may log in to machines (`host_login:` roles in `estate/access.yaml`). */
  readonly hostLoginGroups?: ReadonlySet<string>;
  /** The estate's machines by name, for "adds machine …" read off the machines' DNS records. */
  readonly machines?: ReadonlyMap<string, MachineFacts>;
  /** The label under the zone that holds the machines' own names (`m`: `a-hel-fi.m.voidlinux.org`). */
  readonly machineSubdomain?: string;
  /** An output is an Ansible inventory, which names machines itself: DNS records are then only records. */
  readonly inventory?: boolean;
}

/**
 * The review context of a checkout's validated data: people and the operators' team from every
 * organization, machines and host-login groups from one with the estate; `others` adds names (the
 * base's people).
 */
export function reviewContextOf(
  { organization, estate, roster }: Pick<OrganizationData, "organization" | "estate" | "roster">,
  others: Iterable<{ readonly login: string; readonly name: string }> = [],
): ReviewContext {
  const people = new Map(roster.people.map((p) => [p.login.toLowerCase(), p.name]));
  for (const p of others) if (!people.has(p.login.toLowerCase())) people.set(p.login.toLowerCase(), p.name);
  return {
    people,
    operatorTeam: organization.github.operatorTeam,
    ...(estate && {
      hostLoginGroups: new Set(estate.access.groups.filter(grantsHostLogin).map((g) => g.name)),
      machines: new Map(
        Object.entries(estate.hosts.machines).map(([name, machine]) => [
          name,
          { roles: machine.roles ?? [] },
        ]),
      ),
      machineSubdomain: estate.hosts.subdomain,
    }),
  };
}

/** An access group that lets its members log in to machines, and the teams whose members it holds. */
export interface HostLoginGroup {
  readonly name: string;
  readonly teams: readonly string[];
}

/**
 * The access groups the base commit lets log in to machines (`host_login:` roles), read leniently
 * from git objects: the review marks a key or a membership of a group as host login when either
 * side says so, so a change that drops the roles cannot hide a grant made with them. Nothing when
 * the organization in effect at the commit (`definition`, as `readBaseAtRef` found it) has no
 * estate, or the file is missing or unreadable.
 */
export function hostLoginGroupsAt(
  commit: string,
  cwd: string,
  definition: Pick<OrganizationDefinition, "data">,
): HostLoginGroup[] {
  if (!definition.data.includes("estate")) return [];
  const file = ESTATE_FILES.access;
  const [text] = catFiles(cwd, commit, [`${projectPrefix(cwd)}${file}`]);
  if (text === undefined) return [];
  const source = new YamlSource(file, text);
  if (source.syntaxProblems().length > 0) return [];
  const data = source.toJS();
  const groups = isRecord(data) && Array.isArray(data.groups) ? data.groups : [];
  return groups.flatMap((g) =>
    isRecord(g) && Array.isArray(g.host_login) && g.host_login.length > 0 && typeof g.name === "string"
      ? [{ name: g.name, teams: Array.isArray(g.teams) ? g.teams.filter((t) => typeof t === "string") : [] }]
      : [],
  );
}
