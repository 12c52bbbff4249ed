/**
 * `npm run validate [-- --base-ref <git-ref> | --base <maintainers-dir>]`: checks every data file
 * the checkout's `organization.yaml` names and reports every problem, writing nothing. With a base, also applies the safety valves
 * (mass removals, renames) to the change from that base. `--format github` adds workflow
 * annotations, so each problem shows on its line of the pull request; `--review <file>` writes the
 * problems as a review-comment section when there are any.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { Option, Command as Program } from "commander";
import { loadOrganizationData, type OrganizationData } from "../inputs";
import { type BaseSource, safetyDiagnostics } from "../inputs/safety";
import { problemsMarkdown } from "../review/problems";
import { DataError, type Diagnostic, errorsOf, sortDiagnostics } from "../runtime/diagnostics";
import { explainWrite, UsageError } from "../runtime/errors";
import { type Command, parseArgs, reportFailure } from "./command";
import { annotation, printWarnings } from "./report";

interface Options {
  readonly baseRef?: string;
  readonly base?: string;
  readonly format: "text" | "github";
  readonly review?: string;
}

const MAX_ANNOTATIONS = 50;

export const validate: Command = (args, io) => {
  const options = parseArgs<Options>(
    new Program("validate")
      .option("--base-ref <git-ref>", "compare with the maintainers at this git ref (e.g. origin/main)")
      .option("--base <maintainers-dir>", "compare with this directory of people's files")
      .addOption(
        new Option("--format <format>", "also print GitHub annotations")
          .choices(["text", "github"])
          .default("text"),
      )
      .option("--review <file>", "write the problems as Markdown for the review comment"),
    args,
    io,
  );
  if (options.baseRef !== undefined && options.base !== undefined)
    throw new UsageError("give at most one of --base-ref <git-ref> or --base <maintainers-dir>");
  const base: BaseSource | undefined =
    options.baseRef !== undefined
      ? { ref: options.baseRef }
      : options.base !== undefined
        ? { dir: resolve(io.cwd, options.base), display: options.base }
        : undefined;

  let inputs: OrganizationData | undefined;
  let diagnostics: Diagnostic[];
  try {
    inputs = loadOrganizationData(io.cwd);
    diagnostics = [
      ...inputs.warnings,
      ...safetyDiagnostics(io.cwd, inputs.organization, inputs.roster, base),
    ];
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    diagnostics = [...error.diagnostics];
  }
  // GitHub shows a handful of annotations per step; a flood only slows the log down.
  if (options.format === "github")
    for (const d of sortDiagnostics(diagnostics).slice(0, MAX_ANNOTATIONS)) io.out(`${annotation(d)}\n`);
  const errors = errorsOf(diagnostics);
  if (errors.length > 0 || !inputs) {
    const problems = new DataError(diagnostics);
    if (options.review !== undefined) {
      const review = resolve(io.cwd, options.review);
      try {
        writeFileSync(review, `${problemsMarkdown(diagnostics)}\n`);
      } catch (error) {
        // The problems are what the person came for: printed first, then why the file is missing.
        reportFailure(io, problems);
        throw explainWrite(review, error);
      }
    }
    throw problems;
  }
  printWarnings(io, diagnostics);
  const against = base ? `; safety valves passed against ${"ref" in base ? base.ref : options.base}` : "";
  io.out(`ok: ${counts(inputs).join(", ")}${against}\n`);
  return 0;
};

/** What the checkout holds, as the success line counts it: people first, then each data set's. */
function counts({ roster, mirrors, estate }: OrganizationData): string[] {
  const owners = roster.people.filter((p) => p.orgOwner).length;
  return [
    `${roster.people.length} maintainers`,
    `${owners} org owners`,
    ...(mirrors ? [`${mirrors.length} mirrors`] : []),
    ...(estate
      ? [
          `${Object.keys(estate.hosts.machines).length} machines`,
          `${estate.github.repositories.length} repositories`,
          `${estate.services.proxied.length} services`,
        ]
      : []),
  ];
}
