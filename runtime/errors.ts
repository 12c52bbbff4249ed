import { getSystemErrorMap } from "node:util";
import { spellControls } from "./log";

/** An error whose message is meant for the person at the terminal, without a stack trace. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** What a process ends with when interrupted by each signal: 128 + its number, as shells report it. */
export const INTERRUPT_EXIT_CODES = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

/**
 * A child process ended because it was interrupted (Ctrl-C reaches the whole process group): the
 * command ends with the same exit code and reports nothing, for nothing went wrong.
 */
export class Interrupted extends Error {
  override name = "Interrupted";
  constructor(readonly exitCode: number) {
    super(`interrupted (exit ${exitCode})`);
  }
}

/** Throws {@link Interrupted} when `run` (a spawnSync result) was interrupted, by signal or by exiting as if. */
export function checkInterrupted({
  status,
  signal,
}: {
  status: number | null;
  signal: NodeJS.Signals | null;
}): void {
  const codes: Readonly<Record<string, number>> = INTERRUPT_EXIT_CODES;
  const code = signal !== null ? codes[signal] : Object.values(codes).find((c) => c === status);
  if (code !== undefined) throw new Interrupted(code);
}

/** An error the operating system reported (a full or read-only disk, a missing directory, ...). */
export type SystemError = NodeJS.ErrnoException & { readonly code: string; readonly syscall: string };

export function isSystemError(error: unknown): error is SystemError {
  const { code, syscall } = (error ?? {}) as { code?: unknown; syscall?: unknown };
  return error instanceof Error && typeof code === "string" && typeof syscall === "string";
}

/** What the system said, as `read-only file system (EROFS)`. */
export function systemCause(error: SystemError): string {
  const said = error.errno === undefined ? undefined : getSystemErrorMap().get(error.errno)?.[1];
  return `${said ?? error.message.replace(/^[A-Z]+: /, "").split(",")[0]} (${error.code})`;
}

/** What a system call was doing, in words: `cannot <verb> <path>`. */
const VERBS: Readonly<Record<string, string>> = {
  open: "open",
  read: "read",
  write: "write",
  mkdir: "create",
  mkdtemp: "create a directory like",
  rename: "move",
  scandir: "list",
  opendir: "list",
  rmdir: "remove",
  unlink: "remove",
  rm: "remove",
  copyfile: "copy",
  lstat: "inspect",
  stat: "inspect",
  chmod: "change the mode of",
  symlink: "create",
};

/**
 * One line for a system error: `cannot <verb> <path>: <cause> (<CODE>)`, the path spelled on one
 * line. `path` stands in for the error's own path, or names the file when the error names none (a
 * `write` to a full disk names none).
 */
export function describeSystemError(error: SystemError, path = error.path): string {
  const verb = error.path === undefined ? "write" : (VERBS[error.syscall] ?? error.syscall);
  return path === undefined
    ? `${error.syscall} failed: ${systemCause(error)}`
    : `cannot ${verb} ${spellControls(path)}: ${systemCause(error)}`;
}

/**
 * A system failure while writing the file `path` as one {@link UsageError} line, nothing of a stack
 * trace; any other error as it is.
 */
export function explainWrite(path: string, error: unknown): unknown {
  return isSystemError(error)
    ? new UsageError(`cannot write ${spellControls(path)}: ${systemCause(error)}`)
    : error;
}
