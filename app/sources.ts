import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readSynthOutput, type SynthOutput } from "../review/diff";
import { UsageError } from "../runtime/errors";
import { compareText } from "../runtime/values";

/** Where synth records what it was built from, inside the output directory. */
export const SOURCES_FILE = "sources.sha256";

/** Paths of the checkout that never change what synth writes. */
const NOT_SOURCES = new Set(["node_modules", "cdktf.out", "test", "docs", "bench", "examples"]);

/**
 * One SHA-256 over every file synthesis can read: the data people edit and the code, each by path
 * and content. Two checkouts with the same fingerprint synthesize the same output, so an output
 * directory whose recorded fingerprint differs from the checkout's is stale.
 */
export function sourceFingerprint(root: string): string {
  const hash = createHash("sha256");
  const walk = (relative: string): void => {
    const entries = readdirSync(join(root, relative), { withFileTypes: true }).sort((a, b) =>
      compareText(a.name, b.name),
    );
    for (const entry of entries) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.name.startsWith(".") || NOT_SOURCES.has(path) || entry.name.endsWith(".md")) continue;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile())
        hash
          .update(`${path}\0`)
          .update(readFileSync(join(root, path)))
          .update("\0");
    }
  };
  walk("");
  return hash.digest("hex");
}

/**
 * {@link readSynthOutput} of an output that must be current: synthesized from exactly the sources
 * now in `root`, so a review never compares what the checkout no longer says.
 */
export function readCurrentOutput(dir: string, root: string): SynthOutput {
  const recorded = join(dir, SOURCES_FILE);
  const fingerprint = existsSync(recorded) ? readFileSync(recorded, "utf8").trim() : undefined;
  if (fingerprint !== sourceFingerprint(root))
    throw new UsageError(
      `${dir} is stale: it was not synthesized from the data and code now in this checkout (run npm run synth, or leave out --head to synthesize the head now)`,
    );
  return readSynthOutput(dir);
}
