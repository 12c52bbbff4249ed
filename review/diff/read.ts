import { lstatSync } from "node:fs";
import { join } from "node:path";
import { compareText } from "@void-linux/infra-constructs/core";
import { RELATIVE_PATH } from "../../inputs/files";
import { UsageError } from "../../runtime/errors";
import { INPUT_LIMITS, parseInputJson, readInputText } from "../../runtime/input-file";
import { isRecord } from "../../runtime/values";
import {
  ARTIFACT_KINDS,
  type ArtifactFile,
  type ArtifactKind,
  ArtifactShapeError,
  entriesOf,
} from "./artifacts";
import type { StackJson, SynthOutput } from "./model";

/** Where synth writes the generated artifacts, and the file inside that records them. */
export const ARTIFACTS_DIR = "artifacts";
export const ARTIFACTS_MANIFEST = "manifest.json";

/** What an artifact's path may be: a clean relative path of plain names, not the manifest's. */
export const ARTIFACT_PATH = new RegExp(String.raw`^(?!manifest\.json$)` + RELATIVE_PATH.source.slice(1));

/**
 * Reads every stack of a synthesized output directory, as its `manifest.json` lists them, and
 * every artifact, as `artifacts/manifest.json` lists them. Both sides of a diff may come from
 * anywhere, so each file goes through the safe reader, and a directory that is not an output of
 * `npm run synth` (no manifest, no stacks, stacks that are not Terraform JSON, artifacts that do
 * not have their kind's shape) is refused with what is wrong.
 */
export function readSynthOutput(dir: string): SynthOutput {
  const manifestFile = join(dir, "manifest.json");
  const notOutput = (why: string) =>
    new UsageError(
      `${dir} is not a synthesized output: ${why} (expected a directory written by npm run synth)`,
    );
  if (!lstatSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw notOutput("it is not a directory");
  if (!lstatSync(manifestFile, { throwIfNoEntry: false })) throw notOutput("it has no manifest.json");
  const manifest = readJson(manifestFile);
  if (!isRecord(manifest) || !isRecord(manifest.stacks) || Object.keys(manifest.stacks).length === 0)
    throw notOutput("its manifest.json lists no stacks");
  const stacks = new Map<string, StackJson>();
  for (const [name, entry] of Object.entries(manifest.stacks).sort(([a], [b]) => compareText(a, b))) {
    const path =
      isRecord(entry) && typeof entry.synthesizedStackPath === "string" ? entry.synthesizedStackPath : "";
    if (!/^stacks\/[A-Za-z0-9_-]+\/cdk\.tf\.json$/.test(path))
      throw notOutput(`stack ${JSON.stringify(name)} in manifest.json has no stacks/<name>/cdk.tf.json path`);
    const stack = readJson(join(dir, path));
    const problem = stackShapeProblem(stack);
    if (problem) throw notOutput(`${path} ${problem}`);
    stacks.set(name, stack as StackJson);
  }
  const artifacts = readArtifacts(dir, notOutput);
  return artifacts ? { stacks, artifacts } : { stacks };
}

/** The artifacts `artifacts/manifest.json` lists, each checked against its kind; none without a manifest. */
function readArtifacts(
  dir: string,
  notOutput: (why: string) => Error,
): Map<string, ArtifactFile> | undefined {
  const manifestPath = `${ARTIFACTS_DIR}/${ARTIFACTS_MANIFEST}`;
  if (!lstatSync(join(dir, manifestPath), { throwIfNoEntry: false })) return undefined;
  const manifest = readJson(join(dir, manifestPath));
  if (!isRecord(manifest) || !isRecord(manifest.artifacts))
    throw notOutput(`${manifestPath} lists no artifacts`);
  const artifacts = new Map<string, ArtifactFile>();
  // In the manifest's order, which is the registry's: a file before the files derived from it.
  for (const [path, entry] of Object.entries(manifest.artifacts)) {
    if (!ARTIFACT_PATH.test(path) || !isRecord(entry))
      throw notOutput(
        `${manifestPath} lists ${JSON.stringify(path)}, which is not a relative path of plain names`,
      );
    // A kind this code does not know (the output of newer code) is still compared, as text.
    const kind = (ARTIFACT_KINDS as readonly unknown[]).includes(entry.kind)
      ? (entry.kind as ArtifactKind)
      : "text";
    const derivedFrom = typeof entry.derivedFrom === "string" ? entry.derivedFrom : undefined;
    const file = `${ARTIFACTS_DIR}/${path}`;
    const artifact: ArtifactFile = {
      kind,
      ...(derivedFrom !== undefined && { derivedFrom }),
      text: readInputText(join(dir, file), join(dir, file), INPUT_LIMITS.stackJson),
    };
    try {
      entriesOf(artifact);
    } catch (error) {
      if (error instanceof ArtifactShapeError)
        throw notOutput(`${file} ${error.message} (its kind is ${kind})`);
      throw error;
    }
    artifacts.set(path, artifact);
  }
  return artifacts;
}

function readJson(file: string): unknown {
  return parseInputJson(readInputText(file, file, INPUT_LIMITS.stackJson), file);
}

/** What makes `stack` unlike a cdk.tf.json, or undefined: blocks are maps of maps of objects. */
function stackShapeProblem(stack: unknown): string | undefined {
  if (!isRecord(stack)) return "is not a JSON object";
  for (const kind of ["resource", "data"] as const) {
    const block = stack[kind];
    if (block === undefined) continue;
    const bad = isRecord(block)
      ? Object.entries(block).find(
          ([, byName]) => !isRecord(byName) || !Object.values(byName).every(isRecord),
        )
      : [kind];
    if (bad) return `has a malformed "${kind}" block${bad[0] === kind ? "" : ` at ${bad[0]}`}`;
  }
  return undefined;
}
