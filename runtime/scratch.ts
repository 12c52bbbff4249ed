import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Temporary paths that must not outlive the process: removed when their owner is done, and on
 * SIGINT, SIGTERM or SIGHUP before the process ends, so an interrupted synth or diff leaves nothing.
 */
const pending = new Set<string>();
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
let installed = false;

function onSignal(signal: NodeJS.Signals): void {
  for (const path of pending) rmSync(path, { recursive: true, force: true });
  pending.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  // Die of the same signal, as the shell expects of an interrupted command.
  process.kill(process.pid, signal);
}

/**
 * Creates a temporary directory `<parent>/<prefix>XXXXXX` that is removed if the process is
 * interrupted before {@link release}. The handlers are in place before the directory exists, and
 * a signal is handled only between synchronous steps, so no interruption can orphan it.
 */
export function makeTemporary(parent: string, prefix: string): string {
  if (!installed) {
    for (const s of SIGNALS) process.on(s, onSignal);
    installed = true;
  }
  const path = mkdtempSync(join(parent, prefix));
  pending.add(path);
  return path;
}

/** Marks a further path (e.g. a directory about to be renamed there) for removal on interruption. */
export function removeOnInterrupt(path: string): void {
  pending.add(path);
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
