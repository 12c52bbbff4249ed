/**
 * `npm run diff -- --base-ref <git-ref>` or `--base <dir>`: what a change does to the
 * infrastructure, from two synthesized outputs, without credentials. The head is this checkout,
 * synthesized now (or `--head <dir>`, refused when stale). Markdown for the review comment, or
 * `--format json` for tools.
 */
import { join, resolve } from "node:path";
import { Option, Command as Program } from "commander";
import type { Estate } from "../estate";
import { type Command, parseArgs, UsageError } from "../lib/cli";
import {
  readCurrentOutput,
  readSynthOutput,
  renderJson,
  renderMarkdown,
  resolveRef,
  reviewDiff,
  type SynthOutput,
  synthesizeRef,
} from "../lib/diff";
import { loadInputs } from "../lib/inputs";
import { withScratchDir } from "../lib/scratch";
import { synthesize } from "../lib/synth";

export const diff =
  (estate: Estate): Command =>
  (args, io) => {
    const options = parseArgs<{
      base?: string;
      baseRef?: string;
      head?: string;
      format: "markdown" | "json";
    }>(
      new Program("diff")
        .description("Compare the synthesized head with a base, stack by stack")
        .option("--base <dir>", "synthesized output of the base")
        .option(
          "--base-ref <git-ref>",
          "synthesize this git ref in a temporary directory and use it as the base",
        )
        .option("--head <dir>", "synthesized output of this checkout (default: synthesize it now)")
        .addOption(
          new Option("--format <format>", "output format").choices(["markdown", "json"]).default("markdown"),
        ),
      args,
      io,
    );
    if ((options.base === undefined) === (options.baseRef === undefined))
      throw new UsageError("give exactly one of --base <dir> or --base-ref <git-ref>");

    // Cheap checks first: a mistyped ref fails before anything is synthesized.
    const baseRef = options.baseRef === undefined ? undefined : resolveRef(options.baseRef, io.cwd);
    const head =
      options.head === undefined
        ? synthesizeCheckout(io.cwd, estate, io.env)
        : readCurrentOutput(resolve(io.cwd, options.head), io.cwd);
    const base =
      baseRef !== undefined
        ? synthesizeRef(baseRef, { cwd: io.cwd, env: io.env })
        : readSynthOutput(resolve(io.cwd, options.base as string));
    const report = reviewDiff(base, head);
    io.out(options.format === "json" ? renderJson(report) : `${renderMarkdown(report)}\n`);
    return 0;
  };

/** The checkout's data and code, synthesized into a temporary directory and read back. */
function synthesizeCheckout(root: string, estate: Estate, env: NodeJS.ProcessEnv): SynthOutput {
  const inputs = loadInputs(root, estate);
  return withScratchDir("void-infra-head-", (dir) => {
    const outdir = join(dir, "cdktf.out");
    synthesize({ root, outdir, estate, inputs, env });
    return readSynthOutput(outdir);
  });
}
