import { chmodSync, existsSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { buildApp } from "./app";
import type { Inputs } from "./inputs";

/**
 * Synthesizes every stack into a temporary directory beside `outdir` and swaps it into place only
 * when synthesis succeeded, so a failed run never leaves a half-written `cdktf.out`.
 */
export function synthesize(outdir: string, inputs: Inputs): string[] {
  const target = resolve(outdir);
  const staging = mkdtempSync(join(dirname(target), `.${basename(target)}.`));
  chmodSync(staging, 0o755);
  try {
    const app = buildApp(staging, inputs);
    app.synth();
    const previous = `${staging}.previous`;
    if (existsSync(target)) renameSync(target, previous);
    renameSync(staging, target);
    rmSync(previous, { recursive: true, force: true });
    return app.node.children.map((stack) => stack.node.id);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}
