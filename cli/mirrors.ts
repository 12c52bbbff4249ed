/**
 * `npm run mirrors -- --out <dir>`: validates `estate/mirrors.yaml` and writes xmirror's
 * machine-readable outputs, plus the proxied services list, into <dir>, all at once or not at all.
 * `npm run mirrors -- --write-schema` regenerates `estate/mirrors.schema.json` from the zod schema.
 */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Command as Program } from "commander";
import { renderMirrorsJson, renderMirrorsLst, renderPrometheusTargets } from "../app/artifacts/mirrors";
import { proxiedServicesJson } from "../app/artifacts/services";
import { type Artifact, writeArtifacts } from "../app/artifacts/write";
import { type Estate, loadEstate } from "../inputs/estate";
import { loadMirrorList, MIRRORS_FILE, type MirrorEntry, renderMirrorJsonSchema } from "../inputs/mirrors";
import { displayPath } from "../runtime/diagnostics";
import { UsageError } from "../runtime/errors";
import { type Command, parseArgs } from "./command";

const SCHEMA_FILE = "estate/mirrors.schema.json";

/** Every file the output directory holds. Add new artifacts here; nothing else lists them. */
function outputs(mirrors: readonly MirrorEntry[], estate: Estate): Artifact[] {
  return [
    { path: "v0/mirrors.json", content: renderMirrorsJson(mirrors) },
    { path: "raw/mirrors.lst", content: renderMirrorsLst(mirrors) },
    { path: "metrics/prometheus.json", content: renderPrometheusTargets(mirrors) },
    // The proxied services, for consul-template or any other tool that needs the published names.
    { path: "v0/services.json", content: proxiedServicesJson(estate) },
  ];
}

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
  const artifacts = outputs(list, loadEstate(io.cwd));
  writeArtifacts(resolve(io.cwd, options.out), artifacts);
  const enabled = list.filter((m) => m.enabled).length;
  io.out(`wrote ${artifacts.map((a) => a.path).join(", ")} to ${options.out}\n`);
  io.out(`${list.length} mirrors, ${enabled} enabled\n`);
  return 0;
};
