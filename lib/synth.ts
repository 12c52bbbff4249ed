import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildApp } from "./app";
import type { Inputs } from "./inputs";
import { replaceDirectory } from "./replace-directory";

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
 * Synthesizes every stack into a staging directory that replaces `outdir` only when synthesis
 * succeeded, so a failed run never leaves a half-written `cdktf.out`.
 */
export function synthesize(outdir: string, inputs: Inputs): SynthResult {
  return replaceDirectory(outdir, (staging) => {
    buildApp(staging, inputs).synth();
    return readManifest(staging);
  });
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
