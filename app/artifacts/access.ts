import type { Estate } from "../../inputs/estate";
import { grantsHostLogin } from "../../inputs/estate/access";
import type { Roster } from "../../inputs/maintainers/model";

/** One person as NetAuth knows them. */
export interface NetauthEntity {
  /** The entity id: the file's `netauth:`, else the account's first login in lower case. */
  readonly id: string;
  readonly login: string;
  readonly displayName: string;
  /** Set as the entity's `email` metadata; absent: NetAuth's value is left as it is. */
  readonly email?: string;
  /** Whether the file has `ssh_keys:`: then `keys` is the entity's whole list, else NetAuth's keys are left alone. */
  readonly keysManaged: boolean;
  readonly keys: readonly { readonly type: "SSH"; readonly value: string; readonly fingerprint: string }[];
  /** The access groups the person's teams put them in, in the file's order of groups. */
  readonly groups: readonly string[];
  /** The maintainer file it comes from. */
  readonly source: string;
}

/** One access group with its members, exactly. */
export interface NetauthGroup {
  readonly name: string;
  readonly description: string;
  readonly teams: readonly string[];
  /** Machine roles whose sshd admits the group; empty when it grants no host login. */
  readonly hostLogin: readonly string[];
  /** Services that admit only the group's members. */
  readonly services: readonly string[];
  /** Entity ids, in roster order. */
  readonly members: readonly string[];
}

/** Everything the NetAuth import holds. */
export interface NetauthAccess {
  readonly primaryGroup: string;
  readonly entities: readonly NetauthEntity[];
  readonly groups: readonly NetauthGroup[];
}

/**
 * What NetAuth should hold, from the maintainer files and `estate/access.yaml`: one entity per
 * person, and each access group's members are exactly the members (of any role) of the teams that
 * grant it. Removing someone from a team removes them from the groups it granted; the entity stays,
 * as Void's offboarding keeps it. Roster order (lower-cased login) throughout.
 */
export function netauthAccess(roster: Roster, { access }: Pick<Estate, "access">): NetauthAccess {
  const groupsOf = (teams: readonly string[]) =>
    access.groups.filter((g) => g.teams.some((t) => teams.includes(t))).map((g) => g.name);
  const entities = roster.people.map(
    (person): NetauthEntity => ({
      id: person.netauthId,
      login: person.login,
      displayName: person.name,
      ...(person.email === undefined ? {} : { email: person.email }),
      keysManaged: person.sshKeysListed,
      keys: person.sshKeys.map((key) => ({ type: "SSH", value: key.text, fingerprint: key.fingerprint })),
      groups: groupsOf(Object.keys(person.teams)),
      source: person.file,
    }),
  );
  const groups = access.groups.map(
    (group): NetauthGroup => ({
      name: group.name,
      description: group.description,
      teams: group.teams,
      hostLogin: grantsHostLogin(group) ? (group.hostLogin ?? []) : [],
      services: group.services ?? [],
      members: entities.filter((e) => e.groups.includes(group.name)).map((e) => e.id),
    }),
  );
  return { primaryGroup: access.primaryGroup, entities, groups };
}

/**
 * `netauth/access.json`: {@link netauthAccess} as data, for the review and for anyone comparing
 * NetAuth with the files. Deterministic: two-space indent, final newline.
 */
export function accessJson(roster: Roster, estate: Pick<Estate, "access">): string {
  return `${JSON.stringify(netauthAccess(roster, estate), null, 2)}\n`;
}
