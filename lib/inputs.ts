import { join } from "node:path";
import { TEAM_NAMES } from "../estate/github";
import type { Diagnostic } from "./diagnostics";
import { loadRoster } from "./maintainers/load";
import type { Roster } from "./maintainers/model";

/** Everything people edit as data, validated: what the stacks are built from. */
export interface Inputs {
  readonly roster: Roster;
  /** Problems that do not block synthesis; printed by validate and synth. */
  readonly warnings: readonly Diagnostic[];
}

/** Loads and validates every data file under `root`; throws one DataError listing every problem. */
export function loadInputs(root = process.cwd()): Inputs {
  const { roster, warnings } = loadRoster({ dir: join(root, "maintainers"), teams: TEAM_NAMES });
  return { roster, warnings };
}
