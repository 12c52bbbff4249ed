import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, normalize, resolve } from "node:path";
import { UsageError } from "../cli";

/** One generated file: its path inside the output directory and its exact bytes. */
export interface Artifact {
  /** Relative path with `/` separators, e.g. `v0/mirrors.json`. */
  readonly path: string;
  readonly content: string;
}

/**
 * Writes `artifacts` as the complete contents of `outDir`, all or nothing: everything is written
 * to a fresh sibling directory first, which then replaces `outDir` by rename. Readers (and a
 * failed run) never see a half-written set. Refuses to replace a directory that holds anything
 * the artifact list does not produce, so a mistyped `--out .` cannot delete a checkout.
 */
export function writeArtifacts(outDir: string, artifacts: readonly Artifact[]): void {
  const target = resolve(outDir);
  for (const artifact of artifacts) checkArtifactPath(artifact.path);
  if (existsSync(target)) checkReplaceable(target, artifacts);

  mkdirSync(dirname(target), { recursive: true });
  const staging = mkdtempSync(join(dirname(target), `.${basename(target)}.new-`));
  try {
    for (const artifact of artifacts) {
      const file = join(staging, artifact.path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, artifact.content);
    }
    if (existsSync(target)) {
      // Two renames: the old directory stays complete until the new one takes its place.
      const old = `${staging}.old`;
      renameSync(target, old);
      renameSync(staging, target);
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(staging, target);
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function checkArtifactPath(path: string): void {
  const clean = normalize(path);
  if (path === "" || clean.startsWith("..") || clean.startsWith("/") || clean !== path) {
    throw new Error(`artifact path ${JSON.stringify(path)} must be a clean relative path`);
  }
}

function checkReplaceable(target: string, artifacts: readonly Artifact[]): void {
  if (!statSync(target).isDirectory()) throw new UsageError(`${target} exists and is not a directory`);
  const ours = new Set(artifacts.map((artifact) => artifact.path.split("/")[0]));
  const foreign = readdirSync(target).filter((name) => !ours.has(name));
  if (foreign.length > 0) {
    throw new UsageError(
      `refusing to replace ${target}: it holds ${foreign.sort().join(", ")}, which this command does not write (expected an empty or previously generated output directory)`,
    );
  }
}
