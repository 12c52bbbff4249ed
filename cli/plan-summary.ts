/**
 * `npm run plan-summary -- <plan.json>...`: a review summary of `terraform show -json` plans, one
 * per stack, as Markdown, `--format json`, or `--format comment` (the body of the pull request's
 * plan comment, without the bot's own header and footer).
 */
import { resolve } from "node:path";
import { InvalidArgumentError, Option, Command as Program } from "commander";
import { DEFAULT_MARKDOWN_LIMIT } from "../review/markdown";
import {
  type PlanInput,
  renderJson,
  renderMarkdown,
  renderPlanComment,
  stackNameOf,
  summarizePlanFiles,
} from "../review/plan";
import { UsageError } from "../runtime/errors";
import { type Command, parseArgs } from "./command";

export const planSummary: Command = (args, io) => {
  const program = new Program("plan-summary")
    .description(
      "Summarize Terraform plans (terraform show -json output, one file per stack) for review. " +
        "A stack is named after the directory holding its file (plans/github/plan.json: github).",
    )
    .argument("[plan.json...]", "plan JSON files; stack named after the directory holding each")
    .option("--stack <name=file>", "a plan file with an explicit stack name (repeatable)", collectStack, [])
    .addOption(
      new Option("--format <format>", "output format")
        .choices(["markdown", "json", "comment"])
        .default("markdown"),
    )
    .option("--max-chars <n>", "Markdown size limit in characters", positiveInt, DEFAULT_MARKDOWN_LIMIT);
  const options = parseArgs<{
    stack: PlanInput[];
    format: "markdown" | "json" | "comment";
    maxChars: number;
  }>(program, args, io);
  const inputs: PlanInput[] = [
    ...program.args.map((file) => ({ stack: stackNameOf(file, io.cwd), file })),
    ...options.stack,
  ].map((input) => ({ ...input, path: resolve(io.cwd, input.file) }));
  if (inputs.length === 0)
    throw new UsageError("no plan files given (usage: npm run plan-summary -- <plan.json>...)");

  const summaries = summarizePlanFiles(inputs);
  if (options.format === "json") io.out(renderJson(summaries));
  else if (options.format === "comment")
    io.out(`${renderPlanComment(summaries, { limit: options.maxChars })}\n`);
  else io.out(`${renderMarkdown(summaries, { limit: options.maxChars })}\n`);
  return 0;
};

function collectStack(value: string, previous: PlanInput[]): PlanInput[] {
  const match = value.match(/^([A-Za-z0-9_.-]+)=(.+)$/);
  if (!match?.[1] || !match[2])
    throw new InvalidArgumentError("expected <name>=<file>, e.g. github=plans/github.json");
  return [...previous, { stack: match[1], file: match[2] }];
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1000)
    throw new InvalidArgumentError("expected a whole number of at least 1000");
  return n;
}
