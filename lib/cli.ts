import { DataError, formatDiagnostic, sortDiagnostics } from "./diagnostics";

/** An error whose message is meant for the person at the terminal, without a stack trace. */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * Runs a command-line entry point. Expected failures (bad data, bad usage, construct validation)
 * print their message and exit 1; only genuine bugs print a stack trace.
 */
export function runCli(main: () => Promise<void> | void): void {
  Promise.resolve()
    .then(main)
    .catch((error: unknown) => {
      process.exitCode = 1;
      if (error instanceof DataError) {
        for (const d of sortDiagnostics(error.diagnostics)) console.error(formatDiagnostic(d));
        const count = error.diagnostics.filter((d) => d.severity === "error").length;
        console.error(`\n${count} problem${count === 1 ? "" : "s"} found; nothing was written.`);
      } else if (error instanceof UsageError) {
        console.error(`error: ${error.message}`);
      } else if (error instanceof Error && isConstructValidation(error)) {
        console.error(error.message);
        console.error("\nConstruct validation failed; nothing was written.");
      } else {
        console.error(error);
      }
    });
}

/** Messages thrown by our constructs start with the construct path (`stack/construct: ...`). */
function isConstructValidation(error: Error): boolean {
  return (
    error.name === "ValidationError" || /^Validation failed with the following errors/.test(error.message)
  );
}
