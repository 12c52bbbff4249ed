import { isPersonFile, loginOfPersonFile } from "../../inputs/files";
import { inlineCode } from "../markdown";
import type { DiffReport } from "./model";

/** Changed files named in the note before "and N more". */
const MAX_FILES = 10;

/**
 * What the change does not reach, in words, or "" when everything it changed shows in some
 * output: when no output changes at all, every changed file; otherwise each person's file (of the
 * people's folder `people`) whose person no sentence names (a changed `since`, say, which no
 * output uses): a person's file reaches an output when a sentence names the person.
 */
export function unreachedNote(report: DiffReport, changedFiles: readonly string[], people: string): string {
  if (changedFiles.length === 0) return "";
  if (report.changes.length === 0) {
    const shown = changedFiles.slice(0, MAX_FILES).map(inlineCode).join(", ");
    const more = changedFiles.length > MAX_FILES ? ` and ${changedFiles.length - MAX_FILES} more` : "";
    return `The change reaches no output of the app: no stack and no generated artifact changes (${shown}${more}).`;
  }
  const named = new Set(report.lines.flatMap((l) => l.people ?? []));
  const unreached = changedFiles.filter(
    (file) => isPersonFile(file, people) && !named.has(loginOfPersonFile(file, people).toLowerCase()),
  );
  if (unreached.length === 0) return "";
  const files = unreached.map((file) => `@${loginOfPersonFile(file, people)}'s file (${inlineCode(file)})`);
  return `${files.join(", ")} ${unreached.length === 1 ? "changes" : "change"} in a way that reaches no output of the app.`;
}
