import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadInputs } from "../../lib/inputs";
import { synthesize } from "../../lib/synth";
import { REPO_ROOT } from "./project";
import type { StackJson } from "./synth";

/** Synthesizes the whole app from the repository's data into a fresh directory. */
export function synthApp(env: NodeJS.ProcessEnv = {}): {
  outdir: string;
  stack: (name: string) => StackJson;
} {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const outdir = join(mkdtempSync(join(tmpdir(), "synth-")), "cdktf.out");
    synthesize(outdir, loadInputs(REPO_ROOT));
    const stack = (name: string) =>
      JSON.parse(readFileSync(join(outdir, "stacks", name, "cdk.tf.json"), "utf8")) as StackJson;
    return { outdir, stack };
  } finally {
    process.env = saved;
  }
}
