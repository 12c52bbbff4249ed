/**
 * `npm run plan-summary -- <plan.json>...`: a review summary of `terraform show -json` plans, one
 * per stack, as Markdown, `--format json`, or `--format comment` (the body of the pull request's
 * plan comment, without the bot's own header and footer). Its sentences are the review diff's: run
 * in a checkout, it names people and powerful teams from the checkout's data.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { InvalidArgumentError, Option, Command as Program } from "commander";
import { loadOrganizationData } from "../inputs";
import { ORGANIZATION_FILE } from "../inputs/files";
import { type ReviewContext, reviewContextOf } from "../review/change";
import { DEFAULT_MARKDOWN_LIMIT } from "../review/markdown";
import {
  type PlanInput,
  renderJson,
  renderMarkdown,
  renderPlanComment,
  summarizePlanFiles,
} from "../review/plan";
import { DataError } from "../runtime/diagnostics";
import { type Command, type Io, parseArgs } from "./command";
import { planInputs, withPlanFiles } from "./plan-files";

export const planSummary: Command = (args, io) => {
  const program = withPlanFiles(
    new Program("plan-summary").description(
      "Summarize Terraform plans (terraform show -json output, one file per stack) for review. " +
        "A stack is named after the directory holding its file (plans/github/plan.json: github).",
    ),
  )
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
  const summaries = summarizePlanFiles(planInputs(program, options.stack, io), checkoutContext(io));
  if (options.format === "json") io.out(renderJson(summaries));
  else if (options.format === "comment")
    io.out(`${renderPlanComment(summaries, { limit: options.maxChars })}\n`);
  else io.out(`${renderMarkdown(summaries, { limit: options.maxChars })}\n`);
  return 0;
};

/**
 * Who people are and which teams and groups carry power, from the data of the checkout the command
 * runs in (main's code with the pull request's data, in plan-pr.yml). Outside a checkout, or when
 * its data does not validate, people are named by login alone.
 */
function checkoutContext(io: Io): ReviewContext {
  if (!existsSync(join(io.cwd, ORGANIZATION_FILE))) return {};
  try {
    return reviewContextOf(loadOrganizationData(io.cwd));
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    io.err("plan-summary: this checkout's data does not validate, so people are named by login alone\n");
    return {};
  }
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1000)
    throw new InvalidArgumentError("expected a whole number of at least 1000");
  return n;
}
