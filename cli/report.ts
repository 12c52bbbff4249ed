import type { Annotation } from "../app/synth";
import { type Diagnostic, formatDiagnostic, sortDiagnostics } from "../runtime/diagnostics";
import type { Io } from "./command";

/** Prints non-blocking problems to stderr, so stdout stays machine-readable. */
export function printWarnings(io: Io, warnings: readonly Diagnostic[]): void {
  for (const warning of sortDiagnostics(warnings)) io.err(`${formatDiagnostic(warning)}\n`);
}

/** Prints what constructs flagged during synthesis, as `<construct path>: warning: <message>`. */
export function printAnnotations(io: Io, annotations: readonly Annotation[]): void {
  for (const { constructPath, level, message } of annotations) {
    io.err(`${constructPath}: ${level.replace(/^@cdktf\//, "")}: ${message}\n`);
  }
}

/**
 * A problem as a GitHub Actions workflow command, so it shows on the changed line of the pull
 * request. Every value is escaped as the runner expects (`%`, CR and LF; in properties also `:`
 * and `,`), so no file name or message can end the command early or start another.
 */
export function annotation(d: Diagnostic): string {
  const data = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const property = (s: string) => data(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
  const where = [`file=${property(d.file)}`];
  if (d.line > 0) where.push(`line=${d.line}`, `col=${Math.max(d.col, 1)}`);
  where.push(`title=${property(d.field)}`);
  return `::${d.severity === "warning" ? "warning" : "error"} ${where.join(",")}::${data(d.message)}`;
}
