import { join } from "node:path";
import { DataError, type Diagnostic, errorsOf } from "../runtime/diagnostics";
import { type Estate, readEstate } from "./estate";
import { MAINTAINERS_DIR, MIRRORS_FILE } from "./files";
import { loadRoster } from "./maintainers/load";
import type { Roster } from "./maintainers/model";
import { reservedLogins, teamNames } from "./maintainers/reserved";
import { loadMirrorList, type MirrorEntry } from "./mirrors";

/** Everything people edit as data, validated: what the stacks are built from. */
export interface Inputs {
  /** The estate's data files (and the parts that stay code), validated and cross-checked. */
  readonly estate: Estate;
  readonly roster: Roster;
  readonly mirrors: readonly MirrorEntry[];
  /** Problems that do not block synthesis; printed by validate and synth. */
  readonly warnings: readonly Diagnostic[];
}

/**
 * Loads and validates every data file under `root`: the estate's files, the people's files (against
 * the estate's teams) and the mirror list. Every loader runs even when an earlier one failed, so
 * one run reports every problem in every file, as one DataError. Only when `estate/github.yaml`
 * itself is refused are the people's files left unchecked, for want of the teams they name.
 */
export function loadInputs(root: string): Inputs {
  const { estate, teams, problems: estateProblems } = readEstate(root);
  const problems: Diagnostic[] = [...estateProblems];
  const attempt = <T>(load: () => T): T | undefined => {
    try {
      return load();
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      problems.push(...error.diagnostics);
      return undefined;
    }
  };
  // Logins may not be a team, group or system name; while the estate does not load, the teams alone.
  const reserved = estate ? reservedLogins(estate) : teams && teamNames(teams);
  const roster = teams && attempt(() => loadRoster({ dir: join(root, MAINTAINERS_DIR), teams, reserved }));
  const mirrors = attempt(() => loadMirrorList(join(root, MIRRORS_FILE), MIRRORS_FILE));
  if (!estate || !roster || !mirrors || errorsOf(problems).length > 0) throw new DataError(problems);
  return { estate, roster: roster.roster, mirrors, warnings: [...problems, ...roster.warnings] };
}
