import { cpSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { type LoadedRoster, loadRoster } from "../../inputs/maintainers/load";
import { DataError, formatDiagnostic, sortDiagnostics } from "../../runtime/diagnostics";
import { tempDir } from "./project";

export const FIXTURES = join(__dirname, "..", "fixtures", "maintainers");
export const TEST_TEAMS = ["core", "docs"] as const;

/** A maintainers directory made of the valid base files overlaid with one case's files. */
export function caseDir(name?: string): string {
  const dir = tempDir("maintainers-");
  cpSync(join(FIXTURES, "base"), dir, { recursive: true });
  if (name) cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

export function load(name?: string): LoadedRoster {
  return loadRoster({ dir: caseDir(name), folder: "maintainers", teams: TEST_TEAMS });
}

/** The formatted problems a case (or a prepared directory) produces; empty when it loads. */
export function problems(name?: string, dir = caseDir(name)): string[] {
  try {
    loadRoster({ dir, folder: "maintainers", teams: TEST_TEAMS });
    return [];
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    return sortDiagnostics(error.diagnostics).map(formatDiagnostic);
  }
}

export const caseNames = () => readdirSync(FIXTURES).filter((n) => n !== "base");
