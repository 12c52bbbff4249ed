import { join } from "node:path";
import { DataError, type Diagnostic, errorsOf, fileDiagnostic } from "../runtime/diagnostics";
import { type Estate, readEstate } from "./estate";
import { MIRRORS_FILE, ORGANIZATION_FILE } from "./files";
import { loadRoster } from "./maintainers/load";
import type { Roster } from "./maintainers/model";
import { reservedLogins } from "./maintainers/reserved";
import { loadMirrorList, type MirrorEntry } from "./mirrors";
import { type Organization, readDefinition, readGithub, withGithub } from "./organization";

/** An organization's data as its definition names it, validated: what the one-file flow works from. */
export interface OrganizationData {
  readonly organization: Organization;
  readonly roster: Roster;
  /** The estate's data files (and the parts that stay code), when the organization has them. */
  readonly estate?: Estate;
  /** The mirror list, when the organization has one. */
  readonly mirrors?: readonly MirrorEntry[];
  /** Problems that do not block synthesis; printed by validate and synth. */
  readonly warnings: readonly Diagnostic[];
}

/** Everything Void's app is built from: an organization's data with the estate and the mirror list. */
export interface Inputs extends OrganizationData {
  readonly estate: Estate;
  readonly mirrors: readonly MirrorEntry[];
}

/**
 * Loads and validates every data file of the checkout at `root` that its `organization.yaml`
 * names: the people's files (against the GitHub organization's teams) and the data sets it holds
 * (the estate, the mirror list). Every loader runs even when an earlier one failed, so one run
 * reports every problem in every file, as one DataError. Only when the definition itself, or the
 * file that declares the teams, is refused are the people's files left unchecked, for want of the
 * teams they name.
 */
export function loadOrganizationData(root: string): OrganizationData {
  const problems: Diagnostic[] = [];
  const definition = readDefinition(root, problems);
  if (!definition) throw new DataError(problems);
  const attempt = <T>(load: () => T): T | undefined => {
    try {
      return load();
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      problems.push(...error.diagnostics);
      return undefined;
    }
  };
  const estateLoad = definition.data.includes("estate") ? readEstate(root) : undefined;
  problems.push(...(estateLoad?.problems ?? []));
  // With the estate, the GitHub organization is the estate's own file: read once, with the estate.
  const github = estateLoad ? estateLoad.github : readGithub(root, definition, problems);
  const organization = github && withGithub(definition, github);
  const roster =
    organization &&
    attempt(() =>
      loadRoster({
        dir: join(root, organization.people),
        folder: organization.people,
        teams: organization.github.teams.map((team) => team.name),
        // Logins may not be a team, the organization, a group or a system name.
        reserved: reservedLogins(organization.github, estateLoad?.estate),
      }),
    );
  const mirrors = definition.data.includes("mirrors")
    ? attempt(() => loadMirrorList(join(root, MIRRORS_FILE), MIRRORS_FILE))
    : undefined;
  const missing =
    (estateLoad !== undefined && !estateLoad.estate) || (definition.data.includes("mirrors") && !mirrors);
  if (!organization || !roster || missing || errorsOf(problems).length > 0) throw new DataError(problems);
  return {
    organization,
    roster: roster.roster,
    ...(estateLoad?.estate && { estate: estateLoad.estate }),
    ...(mirrors && { mirrors }),
    warnings: [...problems, ...roster.warnings],
  };
}

/**
 * {@link loadOrganizationData} for Void's app, which is built from the estate and the mirror list
 * too: a definition that does not hold them is refused.
 */
export function loadInputs(root: string): Inputs {
  return appInputs(loadOrganizationData(root));
}

/** An organization's data as Void's app needs it, with the estate and the mirror list, or one DataError. */
export function appInputs(data: OrganizationData): Inputs {
  const { estate, mirrors } = data;
  if (!estate || !mirrors)
    throw new DataError([
      fileDiagnostic(
        ORGANIZATION_FILE,
        `holds ${data.organization.data.length > 0 ? data.organization.data.join(" and ") : "no data set"} (expected data: [estate, mirrors]: this app is built from the estate and the mirror list)`,
        { field: "data" },
      ),
    ]);
  return { ...data, estate, mirrors };
}
