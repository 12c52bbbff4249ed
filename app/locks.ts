import { copyFileSync, lstatSync } from "node:fs";
import { join } from "node:path";
import { INPUT_LIMITS, readInputText } from "../runtime/input-file";
import { isRecord } from "../runtime/values";

/**
 * Provider lock files, one per stack, committed under `locks/<stack>.terraform.lock.hcl`. They pin
 * the provider binaries by hash, so `terraform init -lockfile=readonly` in a credentialed job
 * runs exactly the binaries reviewed when the lock was written. `.github/workflows/locks.yml`
 * writes them (it needs the registry); `npm run locks -- --check` holds them to the stacks.
 */
const LOCKS_DIR = "locks";
const LOCK_FILE = ".terraform.lock.hcl";

const lockFileOf = (stack: string) => `${LOCKS_DIR}/${stack}${LOCK_FILE}`;

/** One `provider` block of a lock file. */
export interface LockedProvider {
  /** `registry.terraform.io/<namespace>/<type>`. */
  readonly address: string;
  readonly version: string;
  readonly hashes: readonly string[];
}

/** The provider blocks of a lock file's text (the format Terraform writes; nothing else is in it). */
export function parseLockFile(text: string): LockedProvider[] {
  return [...text.matchAll(/^provider "([^"]+)" \{\n([\s\S]*?)^\}/gm)].map(([, address = "", body = ""]) => ({
    address,
    version: /^\s*version\s*=\s*"([^"]*)"/m.exec(body)?.[1] ?? "",
    hashes: [...(/hashes\s*=\s*\[([\s\S]*?)\]/.exec(body)?.[1] ?? "").matchAll(/"([^"]+)"/g)].map(
      (m) => m[1] ?? "",
    ),
  }));
}

/** `registry.terraform.io/<source>` → version, from a synthesized stack's `required_providers`. */
export function requiredProviders(stack: unknown): Map<string, string> {
  const terraform = isRecord(stack) ? stack.terraform : undefined;
  const required =
    isRecord(terraform) && isRecord(terraform.required_providers) ? terraform.required_providers : {};
  return new Map(
    Object.values(required).flatMap((p) =>
      isRecord(p) && typeof p.source === "string" && typeof p.version === "string"
        ? [[`registry.terraform.io/${p.source.toLowerCase()}`, p.version] as const]
        : [],
    ),
  );
}

/** What is wrong with `stack`'s lock file against what the stack requires; empty when they agree. */
export function lockProblems(
  stack: string,
  required: ReadonlyMap<string, string>,
  lockText: string | undefined,
): string[] {
  const file = lockFileOf(stack);
  if (lockText === undefined)
    return [
      `${file}: missing (expected a lock for ${[...required].map(([a, v]) => `${a} ${v}`).join(", ")}; run the locks workflow)`,
    ];
  const locked = new Map(parseLockFile(lockText).map((p) => [p.address, p]));
  const problems: string[] = [];
  for (const [address, version] of required) {
    const entry = locked.get(address);
    if (!entry) problems.push(`${file}: ${address} is required by the stack but not locked`);
    else if (entry.version !== version)
      problems.push(`${file}: ${address} is locked at ${entry.version}, the stack requires ${version}`);
    else if (entry.hashes.length === 0) problems.push(`${file}: ${address} ${version} has no hashes`);
  }
  for (const address of locked.keys())
    if (!required.has(address)) problems.push(`${file}: ${address} is locked but the stack does not use it`);
  return problems;
}

/** The committed lock file of `stack`, read safely, or undefined when there is none. */
export function readLockFile(root: string, stack: string): string | undefined {
  const path = join(root, lockFileOf(stack));
  if (!lstatSync(path, { throwIfNoEntry: false })) return undefined;
  return readInputText(path, lockFileOf(stack), INPUT_LIMITS.overridesFile);
}

/** Puts each stack's committed lock file next to its `cdk.tf.json`, where `terraform init` looks. */
export function copyLockFiles(root: string, outdir: string, stacks: readonly string[]): void {
  for (const stack of stacks) {
    const from = join(root, lockFileOf(stack));
    if (lstatSync(from, { throwIfNoEntry: false })?.isFile())
      copyFileSync(from, join(outdir, "stacks", stack, LOCK_FILE));
  }
}
