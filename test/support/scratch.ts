import { cpSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { synthesize } from "../../app/synth";
import { diff } from "../../cli/diff";
import { loadInputs } from "../../inputs";
import { ADOPTION_APP } from "./app";
import { type Run, run, scratchProject, tempDir } from "./project";

/** A scratch copy of the adoption data that can be edited and synthesized again and again. */
export class Scratch {
  readonly dir = scratchProject();

  /** Synthesizes the current data into `<dir>/cdktf.out` with the http backend, like CI. */
  synth(): string {
    const outdir = join(this.dir, "cdktf.out");
    const inputs = loadInputs(this.dir);
    synthesize({ root: this.dir, outdir, spec: ADOPTION_APP, inputs, env: {} });
    return outdir;
  }

  /** Synthesizes and keeps a copy of the output as the base of the next comparison. */
  synthBase(): string {
    const base = join(tempDir("diff-base-"), "cdktf.out");
    cpSync(this.synth(), base, { recursive: true });
    return base;
  }

  /** `npm run diff` in this project. */
  diff(args: readonly string[]): Promise<Run> {
    return run(diff(ADOPTION_APP), this.dir, args, { INFRA_BACKEND: "http" });
  }

  write(file: string, text: string): void {
    writeFileSync(join(this.dir, file), text);
  }

  remove(file: string): void {
    rmSync(join(this.dir, file));
  }
}

export const ALICE = `name: Alice Liddell
github: alice
teams:
  pkg-committers: member
`;
