/**
 * `npm run mirrors -- --out <dir>`: validates `estate/mirrors.yaml` and writes xmirror's
 * machine-readable outputs, plus the proxied services list, into <dir>, all at once or not at all.
 * `npm run mirrors -- --write-schema` regenerates `estate/mirrors.schema.json` from the zod schema.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { runCli, UsageError } from "../lib/cli";
import { loadMirrorList, MIRRORS_FILE, type MirrorEntry, renderMirrorJsonSchema } from "../lib/mirrors";
import { type Artifact, writeArtifacts } from "../lib/mirrors/artifacts";
import { renderMirrorsJson, renderMirrorsLst, renderPrometheusTargets } from "../lib/mirrors/render";
import { proxiedServicesJson } from "../lib/services";

const SCHEMA_FILE = fileURLToPath(new URL("../estate/mirrors.schema.json", import.meta.url));

/** Every file the output directory holds. Add new artifacts here; nothing else lists them. */
function outputs(mirrors: readonly MirrorEntry[]): Artifact[] {
  return [
    { path: "v0/mirrors.json", content: renderMirrorsJson(mirrors) },
    { path: "raw/mirrors.lst", content: renderMirrorsLst(mirrors) },
    { path: "metrics/prometheus.json", content: renderPrometheusTargets(mirrors) },
    // The proxied services, for consul-template or any other tool that needs the published names.
    { path: "v0/services.json", content: proxiedServicesJson() },
  ];
}

runCli(() => {
  const options = new Command("mirrors")
    .description("Write xmirror's v0/mirrors.json, raw/mirrors.lst and metrics/prometheus.json")
    .option("--out <dir>", "output directory (replaced as a whole)")
    .option("--file <mirrors.yaml>", "mirror list to read", MIRRORS_FILE)
    .option("--write-schema", "regenerate estate/mirrors.schema.json and exit")
    .parse()
    .opts<{ out?: string; file: string; writeSchema?: boolean }>();

  if (options.writeSchema) {
    writeFileSync(SCHEMA_FILE, renderMirrorJsonSchema());
    console.log("wrote estate/mirrors.schema.json");
    return;
  }
  if (!options.out) throw new UsageError("--out <dir> is required (e.g. npm run mirrors -- --out _site)");

  const mirrors = loadMirrorList(options.file);
  const artifacts = outputs(mirrors);
  writeArtifacts(options.out, artifacts);
  const enabled = mirrors.filter((m) => m.enabled).length;
  console.log(`wrote ${artifacts.map((a) => a.path).join(", ")} to ${options.out}`);
  console.log(`${mirrors.length} mirrors, ${enabled} enabled`);
});
