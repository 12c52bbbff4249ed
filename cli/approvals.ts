/**
 * `npm run approvals -- --base-ref origin/main [--head <commit>]`: who must approve what merging the
 * head (by default HEAD) into the base would change, computed from git objects alone (no checkout,
 * no code of the change runs) and bound to the two commits. Markdown for people, or `--format
 * json` for the review bot's route job, which runs this with the default branch's code for each
 * pull request (docs/review.md, "Who approves").
 */
import { Option, Command as Program } from "commander";
import { renderRouting } from "../review/approvals";
import { routeMerge } from "../review/merge-routing";
import { UsageError } from "../runtime/errors";
import { type Command, parseArgs } from "./command";

interface Options {
  readonly baseRef?: string;
  readonly head: string;
  readonly format: "markdown" | "json";
}

export const approvals: Command = (args, io) => {
  const options = parseArgs<Options>(
    new Program("approvals")
      .description("Who must approve merging a commit into a base branch")
      .option("--base-ref <git-ref>", "the base branch, as a git ref (e.g. origin/main)")
      .option("--head <commit>", "the commit to merge", "HEAD")
      .addOption(
        new Option("--format <format>", "output format").choices(["markdown", "json"]).default("markdown"),
      ),
    args,
    io,
  );
  if (options.baseRef === undefined)
    throw new UsageError("--base-ref <git-ref> is required (who approves depends on the base's maintainers)");
  const routing = routeMerge(io.cwd, options.baseRef, options.head);
  if (options.format === "json") {
    io.out(`${JSON.stringify(routing, null, 2)}\n`);
    return 0;
  }
  const section = renderRouting(routing);
  io.out(
    `Merging ${routing.head.slice(0, 12)} into ${options.baseRef} at ${routing.base.slice(0, 12)}\n\n${section === "" ? "Nothing to approve: the merge changes no file." : section}\n`,
  );
  return 0;
};
