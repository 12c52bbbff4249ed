import type { Annotation } from "../app/synth";
import { type Diagnostic, formatDiagnostic, sortDiagnostics } from "../runtime/diagnostics";
import { logText, workflowCommand } from "../runtime/log";
import type { Io } from "./command";

/*
 * Everything printed here may quote a pull request's data (file names, values, construct paths)
 * into a CI log. It reaches the log either inside one of our own workflow commands, escaped as the
 * runner expects, or through `logText`, so no line of it can start a command of its own
 * (`::add-mask::`, `::stop-commands::`, a forged `::error`) or carry the legacy `##[`.
 */

/** Prints non-blocking problems to stderr, so stdout stays machine-readable. */
export function printWarnings(io: Io, warnings: readonly Diagnostic[]): void {
  for (const warning of sortDiagnostics(warnings)) io.err(`${logText(formatDiagnostic(warning))}\n`);
}

/** Prints what constructs flagged during synthesis, as `<construct path>: warning: <message>`. */
export function printAnnotations(io: Io, annotations: readonly Annotation[]): void {
  for (const { constructPath, level, message } of annotations) {
    io.err(`${logText(`${constructPath}: ${level.replace(/^@cdktf\//, "")}: ${message}`)}\n`);
  }
}

/**
 * A problem as a GitHub Actions workflow command, so it shows on the changed line of the pull
 * request. Every value is escaped as the runner expects (`%`, CR and LF; in properties also `:`
 * and `,`), so no file name or message can end the command early or start another.
 */
export function annotation(d: Diagnostic): string {
  const position = (n: number, min: number) => (Number.isSafeInteger(n) && n >= min ? n : min);
  const line = position(d.line, 0);
  return workflowCommand(
    d.severity === "warning" ? "warning" : "error",
    {
      file: d.file,
      line: line > 0 ? line : undefined,
      col: line > 0 ? position(d.col, 1) : undefined,
      title: d.field,
    },
    d.message,
  );
}
