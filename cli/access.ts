/**
 * `npm run access -- --out <dir>`: validates the maintainer files and writes NetAuth's import of
 * people, SSH keys and access groups (`netauth/access.json`) into <dir>, all at once or not at all.
 */
import { resolve } from "node:path";
import { Command as Program } from "commander";
import { renderCommandArtifacts } from "../app/artifacts/registry";
import { writeArtifacts } from "../app/artifacts/write";
import { loadInputs } from "../inputs";
import { UsageError } from "../runtime/errors";
import { type Command, parseArgs } from "./command";
import { printWarnings } from "./report";

export const access: Command = (args, io) => {
  const options = parseArgs<{ out?: string }>(
    new Program("access")
      .description("Write NetAuth's import of maintainers, SSH keys and access groups")
      .option("--out <dir>", "output directory (replaced as a whole)"),
    args,
    io,
  );
  if (!options.out) throw new UsageError("--out <dir> is required (e.g. npm run access -- --out access)");
  const inputs = loadInputs(io.cwd);
  const { estate } = inputs;
  printWarnings(io, inputs.warnings);
  const artifacts = renderCommandArtifacts("access", inputs);
  writeArtifacts(resolve(io.cwd, options.out), artifacts);
  const people = inputs.roster.people;
  const keys = people.reduce((n, p) => n + p.sshKeys.length, 0);
  io.out(
    `wrote ${artifacts.map((a) => a.path).join(", ")} to ${options.out}: ${people.length} people, ${keys} SSH keys, ${estate.access.groups.length} groups\n`,
  );
  return 0;
};
