import type { OrganizationData } from "../../inputs";
import { grantsHostLogin } from "../../inputs/estate/access";

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
