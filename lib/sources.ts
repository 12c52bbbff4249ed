import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

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
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
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
