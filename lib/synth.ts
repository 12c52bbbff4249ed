import { chmodSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { buildApp } from "./app";
import type { Inputs } from "./inputs";

/** A warning or note a construct attached during synthesis (e.g. a disabled mirror's mismatch). */
export interface Annotation {
  readonly constructPath: string;
  readonly level: string;
  readonly message: string;
}

export interface SynthResult {
  readonly stacks: readonly string[];
  readonly annotations: readonly Annotation[];
}

/**
 * Synthesizes every stack into a temporary directory beside `outdir` and swaps it into place only
 * when synthesis succeeded, so a failed run never leaves a half-written `cdktf.out`.
 */
export function synthesize(outdir: string, inputs: Inputs): SynthResult {
  const target = resolve(outdir);
  const staging = mkdtempSync(join(dirname(target), `.${basename(target)}.`));
  chmodSync(staging, 0o755);
  try {
    buildApp(staging, inputs).synth();
    const result = readManifest(staging);
    const previous = `${staging}.previous`;
    if (existsSync(target)) renameSync(target, previous);
    renameSync(staging, target);
    rmSync(previous, { recursive: true, force: true });
    return result;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

function readManifest(dir: string): SynthResult {
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as {
    stacks: Record<string, { annotations: Annotation[] }>;
  };
  return {
    stacks: Object.keys(manifest.stacks),
    annotations: Object.values(manifest.stacks).flatMap((stack) => stack.annotations),
  };
}
