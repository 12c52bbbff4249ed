import { join } from "node:path";
import type { Estate } from "../estate";
import { DataError, type Diagnostic } from "../runtime/diagnostics";
import { MAINTAINERS_DIR, MIRRORS_FILE } from "./files";
import { loadRoster } from "./maintainers/load";
import type { Roster } from "./maintainers/model";
import { reservedLogins } from "./maintainers/reserved";
import { loadMirrorList, type MirrorEntry } from "./mirrors";

/** Everything people edit as data, validated: what the stacks are built from. */
export interface Inputs {
  readonly roster: Roster;
  readonly mirrors: readonly MirrorEntry[];
  /** Problems that do not block synthesis; printed by validate and synth. */
  readonly warnings: readonly Diagnostic[];
}

/**
 * Loads and validates every data file under `root` against the organization's teams and reserved
 * names (teams, NetAuth groups, system accounts). Every loader runs even when an earlier one
 * failed, so one run reports every problem in every file, as one DataError.
 */
export function loadInputs(
  root: string,
  estate: Pick<Estate, "github" | "access" | "hashistack" | "state">,
): Inputs {
  const problems: Diagnostic[] = [];
  const attempt = <T>(load: () => T): T | undefined => {
    try {
      return load();
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      problems.push(...error.diagnostics);
      return undefined;
    }
  };
  const roster = attempt(() =>
    loadRoster({
      dir: join(root, MAINTAINERS_DIR),
      teams: estate.github.teams.map((t) => t.name),
      reserved: reservedLogins(estate),
    }),
  );
  const mirrors = attempt(() => loadMirrorList(join(root, MIRRORS_FILE), MIRRORS_FILE));
  if (!roster || !mirrors) throw new DataError(problems);
  return { roster: roster.roster, mirrors, warnings: roster.warnings };
}
