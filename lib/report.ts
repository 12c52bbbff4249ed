import { type Diagnostic, formatDiagnostic, sortDiagnostics } from "./diagnostics";

/** Prints non-blocking problems to stderr, so stdout stays machine-readable. */
export function printWarnings(warnings: readonly Diagnostic[]): void {
  for (const warning of sortDiagnostics(warnings)) console.error(formatDiagnostic(warning));
}
