import { cpSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type Command, type Io, runCommand } from "../../cli/command";

export const REPO_ROOT = resolve(__dirname, "..", "..");

/** The data frozen at the adoption of Void's state: maintainers, mirror list and estate. */
export const ADOPTION_ROOT = join(REPO_ROOT, "test", "fixtures", "adoption");

const made = new Set<string>();
// Each half of the suite runs in its own process (test/suite.ts), as does a test file run alone:
// whatever the process made goes when it ends, failures included.
process.on("exit", () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory, removed when the process exits (a test half, a test file run alone, the benchmark). */
export function tempDir(prefix = "void-infra-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.add(dir);
  return dir;
}

/**
 * A scratch project holding a copy of a checkout's data files (`organization.yaml`, `maintainers/`,
 * the YAML files of `estate/`), by default the frozen adoption data, to run the real commands against.
 */
export function scratchProject(from = ADOPTION_ROOT): string {
  return copyData(from, tempDir("void-infra-"));
}

function copyData(from: string, dir: string): string {
  cpSync(join(from, "organization.yaml"), join(dir, "organization.yaml"));
  cpSync(join(from, "maintainers"), join(dir, "maintainers"), {
    recursive: true,
    filter: (src) => !src.endsWith("schema.json"),
  });
  // The data only: no schemas, no TypeScript (code comes from the checkout that runs the test).
  cpSync(join(from, "estate"), join(dir, "estate"), {
    recursive: true,
    filter: (src) => (statSync(src).isDirectory() ? !src.endsWith("/schemas") : src.endsWith(".yaml")),
  });
  return dir;
}

/** Top-level folders with TypeScript that are not product code. */
const NOT_PRODUCT = new Set(["test", "bench", "examples", "node_modules"]);

const holdsTypeScript = (dir: string): boolean =>
  readdirSync(dir, { withFileTypes: true }).some((e) =>
    e.isDirectory() ? holdsTypeScript(join(dir, e.name)) : e.name.endsWith(".ts"),
  );

/**
 * What a checkout needs to run its commands: the entry point and settings, and every top-level
 * folder of product code that exists (so none is named here, and a deleted one is not missed).
 */
export function codeEntries(root = REPO_ROOT): string[] {
  const folders = readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith(".") && !NOT_PRODUCT.has(e.name))
    .map((e) => e.name)
    .filter((name) => holdsTypeScript(join(root, name)));
  return ["main.ts", "package.json", "package-lock.json", "tsconfig.json", ...folders];
}

/**
 * A copy of this checkout's code over the adoption data, sharing node_modules through a link, to
 * run the real launcher in without touching the checkout.
 */
export function copyCheckout(): string {
  const dir = tempDir("void-infra-checkout-");
  for (const entry of codeEntries()) cpSync(join(REPO_ROOT, entry), join(dir, entry), { recursive: true });
  copyData(ADOPTION_ROOT, dir);
  // To where the packages really are: the checkout itself may sit in a private folder (a clone the
  // benchmark made) that a command run as another user cannot cross.
  symlinkSync(realpathSync(join(REPO_ROOT, "node_modules")), join(dir, "node_modules"));
  return dir;
}

export interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command in this process, as the CLI would, with `cwd` as the project directory. */
export async function run(
  command: Command,
  cwd: string,
  args: readonly string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    cwd,
    env: { ...process.env, ...env },
    out: (text) => {
      stdout += text;
    },
    err: (text) => {
      stderr += text;
    },
  };
  const status = await runCommand(command, args, io);
  return { status, stdout, stderr };
}
