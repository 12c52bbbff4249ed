import { type Diagnostic, errorsOf, sortDiagnostics } from "../runtime/diagnostics";
import { inlineCode, plainText, table, WARNING_MARKER } from "./markdown";

/** The problems as a review-comment section, for a pull request whose data does not validate. */
export function problemsMarkdown(diagnostics: readonly Diagnostic[]): string {
  const errors = errorsOf(sortDiagnostics(diagnostics));
  const rows = errors.map((d) => [
    inlineCode(d.line > 0 ? `${d.file}:${d.line}:${d.col}` : d.file),
    inlineCode(d.field),
    plainText(d.message),
  ]);
  return [
    `### ${WARNING_MARKER} The data does not validate: ${errors.length} problem${errors.length === 1 ? "" : "s"}`,
    "Nothing was synthesized, so there is no review diff yet. Fix these and push again (`npm run validate` checks locally):",
    "",
    table(["Where", "Field", "Problem"], rows),
  ].join("\n");
}
