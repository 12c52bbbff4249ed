/**
 * `npm run diff -- --base-ref <git-ref>` or `--base <dir>`: what a change does to the
 * infrastructure, from two synthesized outputs, without credentials. The head is this checkout,
 * synthesized now (or `--head <dir>`, refused when stale). Markdown for the review comment, or
 * `--format json` for tools. With a base ref, the review also names people and says who must
 * approve (`--routing <file>` writes that routing as JSON for the comment workflow).
 */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Option, Command as Program } from "commander";
import type { AppSpec } from "../app/app";
import { readCurrentOutput } from "../app/sources";
import { synthesize } from "../app/synth";
import { type Inputs, loadInputs } from "../inputs";
import { readBaseAtRef } from "../inputs/safety";
import { type Routing, renderRouting, routeApprovals } from "../review/approvals";
import {
  type ReviewContext,
  readSynthOutput,
  renderJson,
  renderMarkdown,
  reviewDiff,
  type SynthOutput,
  synthesizeRef,
} from "../review/diff";
import { explainWrite, UsageError } from "../runtime/errors";
import { changedFiles, resolveRef } from "../runtime/git";
import { withScratchDir } from "../runtime/scratch";
import { type Command, parseArgs } from "./command";

interface Options {
  readonly base?: string;
  readonly baseRef?: string;
  readonly head?: string;
  readonly format: "markdown" | "json";
  readonly routing?: string;
}

export const diff =
  (spec: AppSpec): Command =>
  (args, io) => {
    const { estate } = spec;
    const options = parseArgs<Options>(
      new Program("diff")
        .description("Compare the synthesized head with a base, stack by stack")
        .option("--base <dir>", "synthesized output of the base")
        .option(
          "--base-ref <git-ref>",
          "synthesize this git ref in a temporary directory and use it as the base",
        )
        .option("--head <dir>", "synthesized output of this checkout (default: synthesize it now)")
        .option("--routing <file>", "with --base-ref: write who must approve, as JSON")
        .addOption(
          new Option("--format <format>", "output format").choices(["markdown", "json"]).default("markdown"),
        ),
      args,
      io,
    );
    if ((options.base === undefined) === (options.baseRef === undefined))
      throw new UsageError("give exactly one of --base <dir> or --base-ref <git-ref>");
    if (options.routing !== undefined && options.baseRef === undefined)
      throw new UsageError("--routing needs --base-ref (who approves depends on the base's maintainers)");

    // Cheap checks first: a mistyped ref or bad data fails before anything is synthesized.
    const baseRef = options.baseRef === undefined ? undefined : resolveRef(options.baseRef, io.cwd);
    const inputs = loadInputs(io.cwd, estate);
    const head =
      options.head === undefined
        ? synthesizeCheckout(io.cwd, spec, inputs, io.env)
        : readCurrentOutput(resolve(io.cwd, options.head), io.cwd);
    const base =
      baseRef !== undefined
        ? synthesizeRef(baseRef, { cwd: io.cwd, env: io.env })
        : readSynthOutput(resolve(io.cwd, options.base as string));

    const people = new Map(inputs.roster.people.map((p) => [p.login.toLowerCase(), p.name]));
    let routing: Routing | undefined;
    if (baseRef !== undefined) {
      const baseRoster = readBaseAtRef(baseRef.commit, io.cwd).roster;
      for (const p of baseRoster.people)
        if (!people.has(p.login.toLowerCase())) people.set(p.login.toLowerCase(), p.name);
      routing = routeApprovals(baseRoster, inputs.roster, changedFiles(baseRef.commit, io.cwd), {
        operatorTeam: estate.github.operatorTeam,
      });
    }
    const review: ReviewContext = { people, operatorTeam: estate.github.operatorTeam };
    const report = reviewDiff(base, head, review);
    if (options.format === "json") io.out(renderJson(report, routing));
    else io.out(`${renderMarkdown(report, { sections: routing ? [renderRouting(routing)] : [] })}\n`);
    // After the review is printed, so a routing file that cannot be written loses nothing else.
    if (options.routing !== undefined && routing) {
      const file = resolve(io.cwd, options.routing);
      try {
        writeFileSync(file, `${JSON.stringify(routing, null, 2)}\n`);
      } catch (error) {
        throw explainWrite(file, error);
      }
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
