import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Inputs } from "../inputs";
import { ARTIFACTS_DIR } from "../review/diff/read";
import { replaceDirectory } from "../runtime/replace-directory";
import { type AppSpec, buildApp } from "./app";
import { writeSynthArtifacts } from "./artifacts/registry";
import { copyLockFiles } from "./locks";
import { SOURCES_FILE, sourceFingerprint } from "./sources";

/** A warning or note a construct attached during synthesis (e.g. a disabled mirror's mismatch). */
export interface Annotation {
  readonly constructPath: string;
  readonly level: string;
  readonly message: string;
}

interface SynthResult {
  readonly stacks: readonly string[];
  readonly annotations: readonly Annotation[];
}

interface SynthOptions {
  /** The checkout the inputs came from; its fingerprint is recorded next to the output. */
  readonly root: string;
  readonly outdir: string;
  readonly spec: AppSpec;
  readonly inputs: Inputs;
  /** Chooses the state backend (`INFRA_BACKEND` and friends). */
  readonly env: NodeJS.ProcessEnv;
}

/** Where synthesis lists every file it wrote, so the next run knows what else to keep. */
export const WRITTEN_FILE = "synthesized-files.txt";

/** The top-level entries of the output directory, all synthesis's own. */
const SYNTH_OUTPUT = ["manifest.json", "stacks", ARTIFACTS_DIR, SOURCES_FILE, WRITTEN_FILE];

/**
 * Synthesizes every stack, and writes every generated artifact (`artifacts/`, see
 * `app/artifacts/registry.ts`), into a staging directory that replaces `outdir` only when
 * synthesis succeeded, so a failed run never leaves a half-written `cdktf.out`. What an operator
 * put there (`terraform plan -out=tfplan`, `.terraform/`) is kept in place. The output records the
 * fingerprint of its sources, so a later review diff can tell whether it is current.
 */
export function synthesize({ root, outdir, spec, inputs, env }: SynthOptions): SynthResult {
  return replaceDirectory(
    outdir,
    SYNTH_OUTPUT,
    (staging) => {
      buildApp(staging, spec, inputs, env).app.synth();
      writeSynthArtifacts(join(staging, ARTIFACTS_DIR), inputs);
      writeFileSync(join(staging, SOURCES_FILE), `${sourceFingerprint(root)}\n`);
      const result = readManifest(staging);
      copyLockFiles(root, staging, result.stacks);
      return result;
    },
    { record: WRITTEN_FILE },
  );
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
