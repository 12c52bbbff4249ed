/**
 * `npm run access -- --out <dir>`: validates the data and writes the NetAuth import into <dir>,
 * all at once or not at all: `netauth/reconcile.sh`, the NetAuth CLI commands that bring NetAuth's
 * access groups and people's keys to what the files say (docs/access.md), and
 * `netauth/access.json`, the same as data.
 */
import { resolve } from "node:path";
import { Command as Program } from "commander";
import { netauthAccess } from "../app/artifacts/access";
import { renderCommandArtifacts } from "../app/artifacts/registry";
import { writeArtifacts } from "../app/artifacts/write";
import { loadInputs } from "../inputs";
import { UsageError } from "../runtime/errors";
import { type Command, parseArgs } from "./command";
import { printWarnings } from "./report";

export const access: Command = (args, io) => {
  const options = parseArgs<{ out?: string }>(
    new Program("access")
      .description("Write the NetAuth import: the reconcile script of NetAuth CLI commands, and its data")
      .option("--out <dir>", "output directory (replaced as a whole)"),
    args,
    io,
  );
  if (!options.out) throw new UsageError("--out <dir> is required (e.g. npm run access -- --out access)");
  const inputs = loadInputs(io.cwd);
  const { estate, roster } = inputs;
  printWarnings(io, inputs.warnings);
  const artifacts = renderCommandArtifacts("access", inputs);
  writeArtifacts(resolve(io.cwd, options.out), artifacts);
  const model = netauthAccess(roster, estate);
  const keys = model.entities.reduce((n, e) => n + e.keys.length, 0);
  io.out(
    `wrote ${artifacts.map((a) => a.path).join(" and ")} to ${options.out}: ${model.entities.length} people, ${keys} SSH keys, ${model.groups.length} groups\n` +
      `next: sh ${options.out}/netauth/reconcile.sh (a dry run) where the netauth CLI is configured, then again with --apply\n`,
  );
  return 0;
};
