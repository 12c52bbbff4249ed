import { inlineCode } from "../markdown";
import type { DiffReport } from "./model";

/** Changed files named in the note before "and N more". */
const MAX_FILES = 10;

/** A person's file: its change reaches an output when a sentence names the person. */
const PERSON_FILE = /^maintainers\/([A-Za-z0-9-]{1,39})\.yaml$/;

/**
 * What the change does not reach, in words, or "" when everything it changed shows in some
 * output: when no output changes at all, every changed file; otherwise each person's file whose
 * person no sentence names (a changed `since`, say, which no output uses).
 */
export function unreachedNote(report: DiffReport, changedFiles: readonly string[]): string {
  if (changedFiles.length === 0) return "";
  if (report.changes.length === 0) {
    const shown = changedFiles.slice(0, MAX_FILES).map(inlineCode).join(", ");
    const more = changedFiles.length > MAX_FILES ? ` and ${changedFiles.length - MAX_FILES} more` : "";
    return `The change reaches no output of the app: no stack and no generated artifact changes (${shown}${more}).`;
  }
  const named = new Set(report.lines.flatMap((l) => l.people ?? []));
  const unreached = changedFiles.filter((file) => {
    const login = PERSON_FILE.exec(file)?.[1];
    return login !== undefined && !named.has(login.toLowerCase());
  });
  if (unreached.length === 0) return "";
  const files = unreached.map((file) => `@${PERSON_FILE.exec(file)?.[1]}'s file (${inlineCode(file)})`);
  return `${files.join(", ")} ${unreached.length === 1 ? "changes" : "change"} in a way that reaches no output of the app.`;
}
