/**
 * `npm run validate [-- --base-ref <git-ref> | --base <maintainers-dir>]`: checks every data file
 * and reports every problem, writing nothing. With a base, also applies the safety valves
 * (mass removals, renames) to the change from that base.
 */
import { Command as Program } from "commander";
import type { Estate } from "../estate";
import { type Command, parseArgs, UsageError } from "../lib/cli";
import { DataError, errorsOf } from "../lib/diagnostics";
import { loadInputs } from "../lib/inputs";
import { printWarnings } from "../lib/report";
import { type BaseSource, safetyDiagnostics } from "../lib/safety";

export const validate =
  (estate: Estate): Command =>
  (args, io) => {
    const options = parseArgs<{ baseRef?: string; base?: string }>(
      new Program("validate")
        .option("--base-ref <git-ref>", "compare with the maintainers at this git ref (e.g. origin/main)")
        .option("--base <maintainers-dir>", "compare with this maintainers directory"),
      args,
      io,
    );
    if (options.baseRef !== undefined && options.base !== undefined)
      throw new UsageError("give at most one of --base-ref <git-ref> or --base <maintainers-dir>");
    const base: BaseSource | undefined =
      options.baseRef !== undefined
        ? { ref: options.baseRef }
        : options.base !== undefined
          ? { dir: options.base }
          : undefined;

    const { roster, mirrors, warnings } = loadInputs(io.cwd, estate);
    const diagnostics = [...warnings, ...safetyDiagnostics(io.cwd, roster, base)];
    if (errorsOf(diagnostics).length > 0) throw new DataError(diagnostics);
    printWarnings(io, diagnostics);
    const owners = roster.people.filter((p) => p.orgOwner).length;
    const against = base ? `; safety valves passed against ${"ref" in base ? base.ref : base.dir}` : "";
    io.out(
      `ok: ${roster.people.length} maintainers, ${owners} org owners, ${mirrors.length} mirrors${against}\n`,
    );
    return 0;
  };
