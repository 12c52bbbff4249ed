import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, normalize, resolve } from "node:path";
import { replaceDirectory } from "../../runtime/replace-directory";

/** One generated file: its path inside the output directory and its exact bytes. */
export interface Artifact {
  /** Relative path with `/` separators, e.g. `v0/mirrors.json`. */
  readonly path: string;
  readonly content: string;
}

/**
 * Writes `artifacts` as the complete contents of `outDir`, all or nothing (see
 * {@link replaceDirectory}), which refuses a directory that holds anything the artifact list does not
 * produce, so a mistyped `--out .` cannot delete a checkout.
 */
export function writeArtifacts(outDir: string, artifacts: readonly Artifact[]): void {
  const target = resolve(outDir);
  for (const artifact of artifacts) checkArtifactPath(artifact.path);
  const ours = [...new Set(artifacts.map((artifact) => artifact.path.split("/")[0] ?? ""))];
  replaceDirectory(target, ours, (staging) => writeArtifactFiles(staging, artifacts));
}

/** Writes each artifact at its path under `dir`, a directory being filled (a staging directory). */
export function writeArtifactFiles(dir: string, artifacts: readonly Artifact[]): void {
  for (const artifact of artifacts) {
    checkArtifactPath(artifact.path);
    const file = join(dir, artifact.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, artifact.content);
  }
}

function checkArtifactPath(path: string): void {
  const clean = normalize(path);
  if (path === "" || clean.startsWith("..") || clean.startsWith("/") || clean !== path) {
    throw new Error(`artifact path ${JSON.stringify(path)} must be a clean relative path`);
  }
}
