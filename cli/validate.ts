/**
 * `npm run validate [-- --base-ref <git-ref> | --base <maintainers-dir>]`: checks every data file
 * and reports every problem, writing nothing. With a base, also applies the safety valves
 * (mass removals, renames) to the change from that base.
 */
import { Command } from "commander";
import { runCli, UsageError } from "../lib/cli";
import { DataError, errorsOf } from "../lib/diagnostics";
import { loadInputs } from "../lib/inputs";
import { printWarnings } from "../lib/report";
import { type BaseSource, safetyDiagnostics } from "../lib/safety";

runCli(() => {
  const options = new Command("validate")
    .option("--base-ref <git-ref>", "compare with the maintainers at this git ref (e.g. origin/main)")
    .option("--base <maintainers-dir>", "compare with this maintainers directory")
    .parse()
    .opts<{ baseRef?: string; base?: string }>();
  if (options.baseRef !== undefined && options.base !== undefined)
    throw new UsageError("give at most one of --base-ref <git-ref> or --base <maintainers-dir>");
  const base: BaseSource | undefined =
    options.baseRef !== undefined
      ? { ref: options.baseRef }
      : options.base !== undefined
        ? { dir: options.base }
        : undefined;

  const { roster, mirrors, warnings } = loadInputs();
  const diagnostics = [...warnings, ...safetyDiagnostics(process.cwd(), roster, base)];
  if (errorsOf(diagnostics).length > 0) throw new DataError(diagnostics);
  printWarnings(diagnostics);
  const owners = roster.people.filter((p) => p.orgOwner).length;
  const against = base ? `; safety valves passed against ${"ref" in base ? base.ref : base.dir}` : "";
  console.log(
    `ok: ${roster.people.length} maintainers, ${owners} org owners, ${mirrors.length} mirrors${against}`,
  );
});
