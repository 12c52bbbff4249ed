import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { INTERRUPT_EXIT_CODES } from "./errors";

/**
 * Temporary paths that must not outlive the process. Each is named `<prefix>pid<N>-XXXXXX` after
 * the process that made it, and is removed when its owner is done, or on SIGINT, SIGTERM or SIGHUP
 * before the process exits 130, 143 or 129, as the shell reports a command ended by that signal.
 * What a SIGKILL leaves behind is removed by the next run that makes a path with the same prefix
 * in the same place, once the process named in it is gone.
 */
const pending = new Set<string>();
let installed = false;

function onSignal(signal: keyof typeof INTERRUPT_EXIT_CODES): void {
  for (const path of pending) rmSync(path, { recursive: true, force: true });
  pending.clear();
  process.exit(INTERRUPT_EXIT_CODES[signal]);
}

/**
 * From now on SIGINT, SIGTERM and SIGHUP remove every pending temporary path and end the process
 * with 128 + the signal's number. Node runs the handler between synchronous steps, so a signal
 * that arrives while a step runs (a whole synthesis, a rename) takes effect once it is done.
 */
export function exitCleanlyOnSignals(): void {
  if (installed) return;
  for (const signal of Object.keys(INTERRUPT_EXIT_CODES) as (keyof typeof INTERRUPT_EXIT_CODES)[])
    process.on(signal, onSignal);
  installed = true;
}

/** Whether process `pid` still runs (on this machine; EPERM means it runs as someone else). */
export function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Paths in `parent` named `<prefix>pid<N>-XXXXXX` (and anything after that, such as `.old`) whose
 * process N is gone: what an owner killed with SIGKILL left behind.
 */
export function orphansOf(parent: string, prefix: string): string[] {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    if (!name.startsWith(prefix)) return [];
    const owner = /^pid(\d+)-/.exec(name.slice(prefix.length))?.[1];
    return owner !== undefined && Number(owner) !== process.pid && !processRuns(Number(owner))
      ? [join(parent, name)]
      : [];
  });
}

/**
 * Creates a temporary directory `<parent>/<prefix>pid<N>-XXXXXX` that is removed if the process is
 * interrupted before {@link release}, after removing the orphans of earlier runs with that prefix.
 * The handlers are in place before the directory exists, so no interruption can orphan it.
 */
export function makeTemporary(parent: string, prefix: string): string {
  exitCleanlyOnSignals();
  for (const orphan of orphansOf(parent, prefix)) rmSync(orphan, { recursive: true, force: true });
  const path = mkdtempSync(join(parent, `${prefix}pid${process.pid}-`));
  pending.add(path);
  return path;
}

/** Removes `path` now and forgets it. */
export function release(path: string): void {
  rmSync(path, { recursive: true, force: true });
  pending.delete(path);
}

/** Runs `work` with a fresh temporary directory that is removed afterwards, whatever happens. */
export function withScratchDir<T>(prefix: string, work: (dir: string) => T): T {
  const dir = makeTemporary(tmpdir(), prefix);
  try {
    return work(dir);
  } finally {
    release(dir);
  }
}
