import type { Command as Program } from "commander";
import { DataError, errorsOf, formatDiagnostic, sortDiagnostics } from "../runtime/diagnostics";
import { describeSystemError, Interrupted, isSystemError, UsageError } from "../runtime/errors";
import { logText } from "../runtime/log";
import { exitCleanlyOnSignals } from "../runtime/scratch";

/** Where a command reads its context and writes its output; tests pass their own. */
export interface Io {
  /** Directory that relative paths and the project's data are resolved against. */
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Writes to standard output as is (callers end lines with "\n"). */
  out(text: string): void;
  /** Writes to standard error as is. */
  err(text: string): void;
}

/** A command-line tool: arguments after the command name; returns its exit code (default 0). */
export type Command = (args: readonly string[], io: Io) => Promise<number | undefined> | number | undefined;

function processIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
  };
}

/**
 * Runs a command and turns its failure into an exit code. Expected failures (bad data, bad usage,
 * construct validation, a full or read-only disk) print their message; only genuine bugs print a
 * stack trace.
 */
export async function runCommand(command: Command, args: readonly string[], io: Io): Promise<number> {
  try {
    return (await command(args, io)) ?? 0;
  } catch (error) {
    if (error instanceof HelpShown) return 0;
    if (error instanceof Interrupted) return error.exitCode;
    reportFailure(io, error);
    return 1;
  }
}

/** Prints what `error` says to the person at the terminal, as {@link runCommand} does. */
export function reportFailure(io: Io, error: unknown): void {
  io.err(`${logText(failureText(error).replace(/\n$/, ""))}\n`);
}

/** Problems printed at most: the first screenful says what to fix; the count says how much. */
const MAX_SHOWN = 50;

function failureText(error: unknown): string {
  if (error instanceof DataError) {
    const sorted = sortDiagnostics(error.diagnostics);
    const lines = sorted.slice(0, MAX_SHOWN).map(formatDiagnostic);
    if (sorted.length > MAX_SHOWN) lines.push(`… and ${sorted.length - MAX_SHOWN} more`);
    const count = errorsOf(error.diagnostics).length;
    return `${lines.join("\n")}\n\n${count} problem${count === 1 ? "" : "s"} found; nothing was written.\n`;
  }
  if (error instanceof UsageError) return `error: ${error.message}\n`;
  // The machine, not the code: one line that names the path and what the system said.
  if (isSystemError(error)) return `error: ${describeSystemError(error)}\n`;
  if (error instanceof Error && isConstructValidation(error))
    return `${error.message}\n\nConstruct validation failed; nothing was written.\n`;
  return `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`;
}

/** Messages thrown by our constructs start with the construct path (`stack/construct: ...`). */
function isConstructValidation(error: Error): boolean {
  return (
    error.name === "ValidationError" || /^Validation failed with the following errors/.test(error.message)
  );
}

/** Thrown by {@link parseArgs} after commander printed the help: not a failure. */
class HelpShown extends Error {}

/** Parses `args` with a commander program, its output going to `io`; bad usage is a UsageError. */
export function parseArgs<T>(program: Program, args: readonly string[], io: Io): T {
  program
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: () => undefined })
    .showSuggestionAfterError(true);
  try {
    program.parse([...args], { from: "user" });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    if (code === "commander.helpDisplayed" || code === "commander.help" || code === "commander.version")
      throw new HelpShown();
    throw new UsageError(message.replace(/^error: /, ""));
  }
  return program.opts<T & Record<string, unknown>>() as T;
}

/**
 * Runs `command` as this process: the process's arguments, directory and output. SIGINT, SIGTERM
 * and SIGHUP end it with 130, 143 or 129, its temporary files removed.
 */
export function main(command: Command, args: readonly string[] = process.argv.slice(2)): void {
  exitCleanlyOnSignals();
  // A reader that stopped reading (`| head`, a closed pager) is not a failure of the command: it
  // finishes its work, all or nothing as ever, and its output goes nowhere.
  for (const stream of [process.stdout, process.stderr])
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
    });
  void runCommand(command, args, processIo()).then((code) => {
    process.exitCode = code;
    // A signal that came during a long synchronous step waits in the event loop, which would
    // otherwise end with nothing left to do and never hear it: one more turn delivers it.
    setImmediate(() => undefined);
  });
}
