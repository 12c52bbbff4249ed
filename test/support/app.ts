import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { AppSpec } from "../../app/app";
import { synthesize } from "../../app/synth";
import { VOID_APP } from "../../app/void";
import { type Inputs, loadInputs } from "../../inputs";
import { ADOPTION_ESTATE } from "./estate";
import { ADOPTION_ROOT, tempDir } from "./project";
import type { StackJson } from "./synth";

// Defined in ./estate, which tests that only read the frozen estate import without synthesis.
export { ADOPTION_ESTATE };

/**
 * Void's app, adopting Void's old state; over the frozen adoption data it is what `npm run synth`
 * built then. Its adoption is Void's app's, so deleting migration/ and its use in app/void.ts
 * leaves every test but test/migration/ compiling.
 */
export const ADOPTION_APP: AppSpec = VOID_APP;

export const adoptionInputs = (): Inputs => loadInputs(ADOPTION_ROOT);

export interface SynthesizedApp {
  /** Every file synthesis wrote, by path relative to the output directory. */
  readonly files: ReadonlyMap<string, string>;
  /** The parsed `cdk.tf.json` of one stack. */
  stack(name: string): StackJson;
}

export interface AppSource {
  /** Checkout whose data files (`maintainers/`, `estate/`) are read; default the adoption fixture. */
  readonly root?: string;
  /** Maps Void's old addresses onto the stacks, as Void's app does; default true. */
  readonly adopt?: boolean;
  readonly env?: NodeJS.ProcessEnv;
}

/** Synthesizes the whole app, as `npm run synth` does, and reads every file back. */
export function synthApp({ root = ADOPTION_ROOT, adopt = true, env = {} }: AppSource = {}): SynthesizedApp {
  const dir = tempDir("synth-");
  const outdir = join(dir, "cdktf.out");
  const spec = { adopt: adopt ? VOID_APP.adopt : undefined };
  synthesize({ root, outdir, spec, inputs: loadInputs(root), env });
  const files = new Map(filesUnder(outdir).map((path) => [path, readFileSync(join(outdir, path), "utf8")]));
  rmSync(dir, { recursive: true });
  return {
    files,
    stack: (name) => JSON.parse(files.get(`stacks/${name}/cdk.tf.json`) ?? "{}") as StackJson,
  };
}

function filesUnder(dir: string, prefix = ""): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(dir, join(prefix, e.name)) : [join(prefix, e.name)]))
    .sort();
}
