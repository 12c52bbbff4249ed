import type { Io } from "./cli";
import { type Diagnostic, formatDiagnostic, sortDiagnostics } from "./diagnostics";
import type { Annotation } from "./synth";

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
