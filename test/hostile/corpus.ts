import {
  cpSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { access } from "../../cli/access";
import type { Command } from "../../cli/command";
import { diff } from "../../cli/diff";
import { lintWorkflowsCommand } from "../../cli/lint-workflows";
import { mirrors } from "../../cli/mirrors";
import { planSummary } from "../../cli/plan-summary";
import { synth } from "../../cli/synth";
import { validate } from "../../cli/validate";
import { ADOPTION_APP } from "../support/app";
import { REPO_ROOT, type Run, run, scratchProject } from "../support/project";

/**
 * The hostile corpus: one folder per case under test/fixtures/hostile/, each with a `case.json`
 * and, optionally, a `project/` tree laid over a scratch copy of the adoption data. A case runs one
 * real command in that project and must end with exactly the expected status and standard error.
 */
export const CORPUS_DIR = join(REPO_ROOT, "test", "fixtures", "hostile");

export interface HostileCase {
  /** What the case attacks, in a few words. */
  readonly about: string;
  readonly command: keyof typeof COMMANDS;
  readonly args?: readonly string[];
  /** Symbolic links to create in the project: path → target. */
  readonly links?: Readonly<Record<string, string>>;
  /**
   * Files too big or too repetitive to commit: path → `head`, then `repeat` copies of `unit` (its
   * `{i}` replaced by the copy's index), then `tail`.
   */
  readonly generate?: Readonly<
    Record<string, { head?: string; unit: string; repeat: number; tail?: string }>
  >;
  /** Environment variables for the command (e.g. `CDKTF_OUTDIR`). */
  readonly env?: Readonly<Record<string, string>>;
  /** Paths of the scratch project to delete first (e.g. `maintainers`). */
  readonly remove?: readonly string[];
  /**
   * Files to write in the project: path → text, for what the repository's own ignore rules keep
   * out of git (an earlier `cdktf.out`, `.terraform/`, a staging folder a killed run left).
   */
  readonly files?: Readonly<Record<string, string>>;
  /** Unix sockets to create in the project (a path where a file is expected). */
  readonly sockets?: readonly string[];
  /** Expected exit status; default 1. */
  readonly status?: number;
  /** The exact standard error; `<project>` stands for the scratch project's path. */
  readonly stderr: string;
  /**
   * What the project holds afterwards: path → its exact text, or null for a path that must not
   * exist (what the command must keep, and what it must clean up).
   */
  readonly after?: Readonly<Record<string, string | null>>;
}

const COMMANDS = {
  validate,
  synth: synth(ADOPTION_APP),
  diff: diff(ADOPTION_APP),
  mirrors,
  access,
  "plan-summary": planSummary,
  "lint-workflows": lintWorkflowsCommand,
} satisfies Record<string, Command>;

export function corpusCases(): string[] {
  return readdirSync(CORPUS_DIR)
    .filter((name) => existsSync(join(CORPUS_DIR, name, "case.json")))
    .sort();
}

export function readCase(name: string): HostileCase {
  return JSON.parse(readFileSync(join(CORPUS_DIR, name, "case.json"), "utf8")) as HostileCase;
}

/** What a case did, and what running its command (not building its project) cost. */
export interface CaseRun {
  readonly result: Run;
  readonly project: string;
  /** Where the project differs from the case's `after`, one line each. */
  readonly differences: readonly string[];
  readonly ms: number;
  /** How much the process's peak resident memory grew while the command ran. */
  readonly growthMiB: number;
}

/** Builds the case's project and runs its command there. */
export async function runCase(name: string): Promise<CaseRun> {
  const spec = readCase(name);
  const project = scratchProject();
  for (const path of spec.remove ?? []) rmSync(join(project, path), { recursive: true, force: true });
  const overlay = join(CORPUS_DIR, name, "project");
  if (existsSync(overlay)) cpSync(overlay, project, { recursive: true, verbatimSymlinks: true });
  for (const [path, target] of Object.entries(spec.links ?? {})) {
    mkdirSync(dirname(join(project, path)), { recursive: true });
    symlinkSync(target, join(project, path));
  }
  for (const [path, { head = "", unit, repeat, tail = "" }] of Object.entries(spec.generate ?? {})) {
    mkdirSync(dirname(join(project, path)), { recursive: true });
    const body = Array.from({ length: repeat }, (_, i) => unit.replaceAll("{i}", String(i))).join("");
    writeFileSync(join(project, path), head + body + tail);
  }
  for (const [path, text] of Object.entries(spec.files ?? {})) {
    mkdirSync(dirname(join(project, path)), { recursive: true });
    writeFileSync(join(project, path), text);
  }
  for (const path of spec.sockets ?? []) await makeSocket(join(project, path));
  const peakBefore = process.resourceUsage().maxRSS;
  const started = performance.now();
  const result = await run(COMMANDS[spec.command], project, spec.args ?? [], {
    INFRA_BACKEND: "http",
    ...spec.env,
  });
  const ms = performance.now() - started;
  const growthMiB = (process.resourceUsage().maxRSS - peakBefore) / 1024;
  return { result, project, differences: differences(project, spec.after ?? {}), ms, growthMiB };
}

/**
 * A Unix socket file at `path`, left after its server is gone: bound under another name (node
 * removes a socket it closes) and linked into place.
 */
async function makeSocket(path: string): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const server = createServer();
  const bound = `${path}.bound`;
  await new Promise<void>((resolve) => server.listen(bound, resolve));
  linkSync(bound, path);
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

function differences(project: string, after: Readonly<Record<string, string | null>>): string[] {
  return Object.entries(after).flatMap(([path, expected]) => {
    const stat = lstatSync(join(project, path), { throwIfNoEntry: false });
    if (expected === null) return stat ? [`${path} exists (expected it gone)`] : [];
    if (!stat?.isFile()) return [`${path} is ${stat ? "not a file" : "missing"} (expected a file)`];
    const text = readFileSync(join(project, path), "utf8");
    return text === expected
      ? []
      : [`${path} holds ${JSON.stringify(text)} (expected ${JSON.stringify(expected)})`];
  });
}
