import { catFiles, projectPrefix } from "../../runtime/git";
import { isRecord } from "../../runtime/values";
import { ESTATE_FILES } from "../files";
import type { OrganizationDefinition } from "../organization";
import { YamlSource } from "../yaml-source";

/** An access group that lets its members log in to machines, and the teams whose members it holds. */
export interface HostLoginGroup {
  readonly name: string;
  readonly teams: readonly string[];
}

/**
 * The access groups the base commit lets log in to machines (`host_login:` roles), read leniently
 * from git objects, with their teams: the approval routing sends a new key of someone in those
 * teams to the operators, and the review marks a key or a membership of a group as host login when
 * either side says so, so a change that drops the roles cannot hide a grant made with them. Nothing when
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
