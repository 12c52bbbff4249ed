import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadInputs } from "../../lib/inputs";
import { synthesize } from "../../lib/synth";
import { scratchProject } from "../support/project";

/** A scratch copy of the repository's data that can be edited and synthesized again and again. */
export class Scratch {
  readonly dir = scratchProject();

  /** Synthesizes the current data into `<dir>/cdktf.out` with the http backend, like CI. */
  synth(): string {
    const outdir = join(this.dir, "cdktf.out");
    const saved = process.env.INFRA_BACKEND;
    process.env.INFRA_BACKEND = "http";
    try {
      synthesize(outdir, loadInputs(this.dir));
    } finally {
      if (saved === undefined) delete process.env.INFRA_BACKEND;
      else process.env.INFRA_BACKEND = saved;
    }
    return outdir;
  }

  /** Synthesizes and keeps a copy of the output as the base of the next comparison. */
  synthBase(): string {
    const base = join(mkdtempSync(join(tmpdir(), "diff-base-")), "cdktf.out");
    cpSync(this.synth(), base, { recursive: true });
    return base;
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
