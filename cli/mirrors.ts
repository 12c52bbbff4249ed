/**
 * `npm run mirrors -- --out <dir>`: validates `estate/mirrors.yaml` and writes xmirror's
 * machine-readable outputs, plus the proxied services list, into <dir>, all at once or not at all.
 * `npm run mirrors -- --write-schema` regenerates `estate/mirrors.schema.json` from the zod schema.
 */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Command as Program } from "commander";
import { renderCommandArtifacts } from "../app/artifacts/registry";
import { writeArtifacts } from "../app/artifacts/write";
import { loadEstate } from "../inputs/estate";
import { loadMirrorList, MIRRORS_FILE, renderMirrorJsonSchema } from "../inputs/mirrors";
import { displayPath } from "../runtime/diagnostics";
import { UsageError } from "../runtime/errors";
import { type Command, parseArgs } from "./command";

const SCHEMA_FILE = "estate/mirrors.schema.json";

export const mirrors: Command = (args, io) => {
  const options = parseArgs<{ out?: string; file: string; writeSchema?: boolean }>(
    new Program("mirrors")
      .description("Write xmirror's v0/mirrors.json, raw/mirrors.lst and metrics/prometheus.json")
      .option("--out <dir>", "output directory (replaced as a whole)")
      .option("--file <mirrors.yaml>", "mirror list to read", MIRRORS_FILE)
      .option("--write-schema", "regenerate estate/mirrors.schema.json and exit"),
    args,
    io,
  );

  if (options.writeSchema) {
    writeFileSync(join(io.cwd, SCHEMA_FILE), renderMirrorJsonSchema());
    io.out(`wrote ${SCHEMA_FILE}\n`);
    return 0;
  }
  if (!options.out) throw new UsageError("--out <dir> is required (e.g. npm run mirrors -- --out _site)");

  const file = resolve(io.cwd, options.file);
  const list = loadMirrorList(file, displayPath(io.cwd, file));
  const artifacts = renderCommandArtifacts("mirrors", { mirrors: list, estate: loadEstate(io.cwd) });
  writeArtifacts(resolve(io.cwd, options.out), artifacts);
  const enabled = list.filter((m) => m.enabled).length;
  io.out(`wrote ${artifacts.map((a) => a.path).join(", ")} to ${options.out}\n`);
  io.out(`${list.length} mirrors, ${enabled} enabled\n`);
  return 0;
};
