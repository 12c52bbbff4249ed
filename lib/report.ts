import { type Diagnostic, formatDiagnostic, sortDiagnostics } from "./diagnostics";
import type { Annotation } from "./synth";

/** Prints non-blocking problems to stderr, so stdout stays machine-readable. */
export function printWarnings(warnings: readonly Diagnostic[]): void {
  for (const warning of sortDiagnostics(warnings)) console.error(formatDiagnostic(warning));
}

/** Prints what constructs flagged during synthesis, as `<construct path>: warning: <message>`. */
export function printAnnotations(annotations: readonly Annotation[]): void {
  for (const { constructPath, level, message } of annotations) {
    console.error(`${constructPath}: ${level.replace(/^@cdktf\//, "")}: ${message}`);
  }
}
