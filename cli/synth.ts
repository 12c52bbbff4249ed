/**
 * The main job (`npm run synth`, and the app `cdktf synth` runs): validate every data file, then
 * synthesize every stack into `cdktf.out` (or CDKTF_OUTDIR when run by `cdktf synth`). Nothing is
 * written unless everything is valid.
 */
import { resolve } from "node:path";
import { Command as Program } from "commander";
import type { AppSpec } from "../app/app";
import { synthesize } from "../app/synth";
import { loadInputs } from "../inputs";
import { type Command, parseArgs } from "./command";
import { printAnnotations, printWarnings } from "./report";

export const synth =
  (spec: AppSpec): Command =>
  (args, io) => {
    parseArgs(
      new Program("synth")
        .description(
          "Validate every data file, then synthesize every stack and artifact into cdktf.out, all or nothing; files synth did not write (terraform's plan files, .terraform/) stay where they are",
        )
        .addHelpText(
          "after",
          "\nEnvironment:\n" +
            "  CDKTF_OUTDIR   output directory (default: cdktf.out)\n" +
            "  INFRA_BACKEND  state backend: http (default), local, s3 or gcs (README, State backends)",
        ),
      args,
      io,
    );
    const inputs = loadInputs(io.cwd);
    printWarnings(io, inputs.warnings);
    const outdir = io.env.CDKTF_OUTDIR ?? "cdktf.out";
    const { stacks, annotations } = synthesize({
      root: io.cwd,
      outdir: resolve(io.cwd, outdir),
      spec,
      inputs,
      env: io.env,
    });
    printAnnotations(io, annotations);
    io.out(`synthesized ${stacks.length} stacks into ${outdir}: ${stacks.join(", ")}\n`);
    return 0;
  };
