/**
 * The main job: validate every data file, then synthesize every stack into `cdktf.out` (or
 * CDKTF_OUTDIR when run by `cdktf synth`). Nothing is written unless everything is valid.
 */
import { runCli } from "./lib/cli";
import { loadInputs } from "./lib/inputs";
import { printAnnotations, printWarnings } from "./lib/report";
import { synthesize } from "./lib/synth";

runCli(() => {
  const inputs = loadInputs();
  printWarnings(inputs.warnings);
  const outdir = process.env.CDKTF_OUTDIR ?? "cdktf.out";
  const { stacks, annotations } = synthesize(outdir, inputs);
  printAnnotations(annotations);
  console.log(`synthesized ${stacks.length} stacks into ${outdir}: ${stacks.join(", ")}`);
});
