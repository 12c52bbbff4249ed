/**
 * `npm run diff -- --base <dir> [--head <dir>]` or `--base-ref <git-ref>`: what a change does to
 * the infrastructure, from two synthesized outputs, without credentials. Markdown for the review
 * comment, or `--format json` for tools.
 */
import { existsSync } from "node:fs";
import { Command, Option } from "commander";
import { runCli, UsageError } from "../lib/cli";
import { readSynthOutput, renderJson, renderMarkdown, reviewDiff, withSynthesizedRef } from "../lib/diff";

runCli(() => {
  const options = new Command("diff")
    .description("Compare two synthesized outputs (cdktf.out directories) stack by stack")
    .option("--base <dir>", "synthesized output of the base")
    .option("--base-ref <git-ref>", "synthesize this git ref in a temporary worktree and use it as the base")
    .option("--head <dir>", "synthesized output of the change", "cdktf.out")
    .addOption(
      new Option("--format <format>", "output format").choices(["markdown", "json"]).default("markdown"),
    )
    .parse()
    .opts<{ base?: string; baseRef?: string; head: string; format: "markdown" | "json" }>();

  if ((options.base === undefined) === (options.baseRef === undefined))
    throw new UsageError("give exactly one of --base <dir> or --base-ref <git-ref>");
  if (!existsSync(options.head))
    throw new UsageError(
      `${options.head} does not exist (expected a synthesized output: run npm run synth first)`,
    );
  if (options.base !== undefined && !existsSync(options.base))
    throw new UsageError(`${options.base} does not exist (expected a synthesized output directory)`);

  const head = readSynthOutput(options.head);
  const base =
    options.baseRef !== undefined
      ? withSynthesizedRef(options.baseRef)
      : readSynthOutput(options.base as string);
  const report = reviewDiff(base, head);
  process.stdout.write(options.format === "json" ? renderJson(report) : `${renderMarkdown(report)}\n`);
});
