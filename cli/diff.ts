/**
 * `npm run diff -- --base-ref <git-ref>` or `--base <dir>`: what a change does to the
 * infrastructure, from two synthesized outputs, without credentials. The head is this checkout,
 * synthesized now (or `--head <dir>`, refused when stale). Markdown for the review comment, or
 * `--format json` for tools. With a base ref, the review also names people and says who must
 * approve: the routing of merging HEAD into the base, as `npm run approvals` computes it
 * (`--no-routing` leaves it out: ci does, because the review bot adds the routing it computed).
 */
import { join, resolve } from "node:path";
import { Option, Command as Program } from "commander";
import type { AppSpec } from "../app/app";
import { readCurrentOutput } from "../app/sources";
import { synthesize } from "../app/synth";
import { appInputs, type Inputs, loadOrganizationData } from "../inputs";
import { hostLoginGroupsAt } from "../inputs/estate/access-at";
import { readBaseAtRef } from "../inputs/safety";
import { type Routing, renderRouting } from "../review/approvals";
import { reviewContextOf } from "../review/change";
import {
  readSynthOutput,
  renderJson,
  renderMarkdown,
  reviewDiff,
  type SynthOutput,
  synthesizeRef,
  unreachedNote,
} from "../review/diff";
import { routeMerge } from "../review/merge-routing";
import { UsageError } from "../runtime/errors";
import { changedFiles, resolveRef } from "../runtime/git";
import { withScratchDir } from "../runtime/scratch";
import { type Command, parseArgs } from "./command";

interface Options {
  readonly base?: string;
  readonly baseRef?: string;
  readonly head?: string;
  readonly format: "markdown" | "json";
  /** False with `--no-routing`. */
  readonly routing: boolean;
}

export const diff =
  (spec: AppSpec): Command =>
  (args, io) => {
    const options = parseArgs<Options>(
      new Program("diff")
        .description("Compare the synthesized head with a base, stack by stack")
        .option("--base <dir>", "synthesized output of the base")
        .option(
          "--base-ref <git-ref>",
          "synthesize this git ref in a temporary directory and use it as the base",
        )
        .option("--head <dir>", "synthesized output of this checkout (default: synthesize it now)")
        .option("--no-routing", "with --base-ref: leave out who must approve")
        .addOption(
          new Option("--format <format>", "output format").choices(["markdown", "json"]).default("markdown"),
        ),
      args,
      io,
    );
    if ((options.base === undefined) === (options.baseRef === undefined))
      throw new UsageError("give exactly one of --base <dir> or --base-ref <git-ref>");

    // Cheap checks first: a mistyped ref or bad data fails before anything is synthesized.
    const baseRef = options.baseRef === undefined ? undefined : resolveRef(options.baseRef, io.cwd);
    const inputs = loadOrganizationData(io.cwd);
    const head =
      options.head === undefined
        ? synthesizeCheckout(io.cwd, spec, appInputs(inputs), io.env)
        : readCurrentOutput(resolve(io.cwd, options.head), io.cwd);
    const base =
      baseRef !== undefined
        ? synthesizeRef(baseRef, { cwd: io.cwd, env: io.env })
        : readSynthOutput(resolve(io.cwd, options.base as string));

    let routing: Routing | undefined;
    let review = reviewContextOf(inputs);
    let changed: string[] = [];
    if (baseRef !== undefined) {
      const atBase = readBaseAtRef(baseRef.commit, io.cwd, inputs.organization);
      changed = changedFiles(baseRef.commit, io.cwd);
      if (options.routing) routing = routeMerge(io.cwd, baseRef.commit, "HEAD");
      // Names of people the head no longer has; host logins either side grants.
      review = reviewContextOf(inputs, atBase.roster.people);
      const hostLoginGroups = [
        ...(review.hostLoginGroups ?? []),
        ...hostLoginGroupsAt(baseRef.commit, io.cwd, atBase.definition).map((group) => group.name),
      ];
      if (hostLoginGroups.length > 0) review = { ...review, hostLoginGroups: new Set(hostLoginGroups) };
    }
    const report = reviewDiff(base, head, review);
    if (options.format === "json") io.out(renderJson(report, routing));
    else {
      const sections = [
        unreachedNote(report, changed, inputs.organization.people),
        ...(routing ? [renderRouting(routing)] : []),
      ];
      io.out(`${renderMarkdown(report, { sections })}\n`);
    }
    return 0;
  };

/** The checkout's data and code, synthesized into a temporary directory and read back. */
function synthesizeCheckout(
  root: string,
  spec: AppSpec,
  inputs: Inputs,
  env: NodeJS.ProcessEnv,
): SynthOutput {
  return withScratchDir("void-infra-head-", (dir) => {
    const outdir = join(dir, "cdktf.out");
    synthesize({ root, outdir, spec, inputs, env });
    return readSynthOutput(outdir);
  });
}
