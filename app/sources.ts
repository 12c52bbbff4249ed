import { spawnSync } from "node:child_process";
import { createHash, type Hash } from "node:crypto";
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  readSync,
} from "node:fs";
import { dirname, join, resolve } from "node:path";
import { compareText } from "@void-linux/infra-constructs/core";
import type { SynthOutput } from "../review/diff/model";
import { readSynthOutput } from "../review/diff/read";
import { UsageError } from "../runtime/errors";

/** Where synth records what it was built from, inside the output directory. */
export const SOURCES_FILE = "sources.sha256";

/** Top-level paths of the checkout that never change what synth writes. */
const NOT_SOURCES = new Set(["node_modules", "cdktf.out", "test", "docs", "bench", "examples"]);

/**
 * Bytes of one file read at most. Synthesis reads no file this big (data files are refused far
 * below it), so a bigger one (a disk image left in the checkout) counts by size and modification
 * time: the fingerprint still changes when it does, and costs neither its reading nor its memory.
 */
export const MAX_SOURCE_BYTES = 16 * 1024 * 1024;

/**
 * One SHA-256 over every source of the checkout: the data people edit and the code, each by path
 * and content. Two checkouts with the same fingerprint synthesize the same output, so an output
 * directory whose recorded fingerprint differs from the checkout's is stale.
 */
export function sourceFingerprint(root: string): string {
  const hash = createHash("sha256");
  for (const path of sourceFiles(root)) {
    hash.update(`${path}\0`);
    hashFile(hash, join(root, path));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/**
 * The files of the checkout that count as sources, in code-unit order: what git tracks or would
 * track (ignored files never count; a maintainer's new file counts before it is committed), or
 * every file outside a git work tree (an exported tree), less tests, docs, hidden paths and Markdown.
 */
function sourceFiles(root: string): string[] {
  const files = filesGitSees(root) ?? filesUnder(root, "");
  return files
    .filter((path) => {
      const segments = path.split("/");
      return (
        !NOT_SOURCES.has(segments[0] ?? "") &&
        !segments.some((s) => s.startsWith(".")) &&
        !path.endsWith(".md")
      );
    })
    .sort(compareText);
}

/** Tracked and untracked-but-not-ignored files under `root`, or undefined outside a git work tree. */
function filesGitSees(root: string): string[] | undefined {
  // Outside a work tree (an exported tree) git has nothing to list: no process to learn that.
  if (process.env.GIT_DIR === undefined && !insideWorkTree(root)) return undefined;
  const listed = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: root,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (listed.status !== 0) return undefined;
  return [...new Set(listed.stdout.toString("utf8").split("\0").filter(Boolean))];
}

/** Whether `root` or a folder above it holds `.git` (a repository, or a worktree's link to one). */
function insideWorkTree(root: string): boolean {
  for (let dir = resolve(root); ; dir = dirname(dir)) {
    if (existsSync(join(dir, ".git"))) return true;
    if (dirname(dir) === dir) return false;
  }
}

function filesUnder(root: string, relative: string): string[] {
  return readdirSync(join(root, relative), { withFileTypes: true }).flatMap((entry) => {
    const path = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.name.startsWith(".") || NOT_SOURCES.has(path)) return [];
    return entry.isDirectory() ? filesUnder(root, path) : [path];
  });
}

/** One buffer for every file hashed: a fingerprint reads a few hundred. */
const chunk = Buffer.allocUnsafe(1024 * 1024);

/**
 * Adds one file to `hash`, read in chunks: a regular file by its content (or, past
 * {@link MAX_SOURCE_BYTES}, its size and time), a link by its target. A path git lists but the
 * working tree lacks, a directory (a submodule), a socket or a FIFO adds a marker of its kind.
 */
function hashFile(hash: Hash, path: string): void {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP") hash.update(`link\0${readlinkSync(path)}`);
    else if (code === "ENOENT" || code === "ENXIO" || code === "EISDIR") hash.update(`no file\0${code}`);
    else throw error;
    return;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) hash.update("not a regular file");
    else if (stat.size > MAX_SOURCE_BYTES) hash.update(`too big\0${stat.size}\0${stat.mtimeMs}`);
    else {
      // Up to the size it had when opened: a file growing meanwhile cannot make this read more.
      for (let left = stat.size, n = 1; left > 0 && n > 0; left -= n) {
        n = readSync(fd, chunk, 0, Math.min(chunk.length, left), null);
        hash.update(chunk.subarray(0, n));
      }
    }
  } finally {
    closeSync(fd);
  }
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
