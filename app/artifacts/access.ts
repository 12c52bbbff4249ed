import type { Estate } from "../../inputs/estate";
import type { Roster } from "../../inputs/maintainers/model";

/**
 * NetAuth's import (`netauth/access.json`): one entity per maintainer with display name, email
 * and SSH keys, and the access groups with their members, derived from team membership. An
 * entity in no group keeps its keys but can log in nowhere; removing someone from a team removes
 * them from the groups it granted, which is the offboarding step Void did by hand.
 * Deterministic: roster order (lower-cased login), two-space indent, final newline.
 */
export function accessJson(roster: Roster, { access }: Pick<Estate, "access">): string {
  const groupsOf = (teamsOfPerson: readonly string[]) =>
    access.groups.filter((g) => g.teams.some((t) => teamsOfPerson.includes(t))).map((g) => g.name);
  const entities = roster.people.map((person) => ({
    id: person.login.toLowerCase(),
    displayName: person.name,
    ...(person.email === undefined ? {} : { email: person.email }),
    keys: person.sshKeys.map((key) => ({ type: "SSH", value: key.text, fingerprint: key.fingerprint })),
    groups: groupsOf(Object.keys(person.teams)),
    source: person.file,
  }));
  const groups = access.groups.map((group) => ({
    name: group.name,
    description: group.description,
    members: entities.filter((e) => e.groups.includes(group.name)).map((e) => e.id),
  }));
  return `${JSON.stringify({ entities, groups }, null, 2)}\n`;
}
