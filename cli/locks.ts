/**
 * `npm run locks -- --check [--strict]`: holds the committed provider lock files
 * (`locks/<stack>.terraform.lock.hcl`) to the providers each stack requires. A lock file that
 * disagrees with its stack fails; a missing one fails only with `--strict`, as the credentialed
 * workflows run it, where `terraform init -lockfile=readonly` would refuse anyway.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Command as Program } from "commander";
import type { AppSpec } from "../app/app";
import { lockProblems, readLockFile, requiredProviders } from "../app/locks";
import { synthesize } from "../app/synth";
import { loadInputs } from "../inputs";
import { UsageError } from "../runtime/errors";
import { withScratchDir } from "../runtime/scratch";
import { type Command, parseArgs } from "./command";

export const locks =
  (spec: AppSpec): Command =>
  (args, io) => {
    const options = parseArgs<{ check?: boolean; strict?: boolean }>(
      new Program("locks")
        .description("Check the committed provider lock files against the stacks")
        .option("--check", "compare every stack's lock file with the providers it requires")
        .option("--strict", "a missing lock file is an error too"),
      args,
      io,
    );
    if (!options.check)
      throw new UsageError("nothing to do (expected --check; locks.yml writes the lock files)");
    const inputs = loadInputs(io.cwd);
    const required = withScratchDir("void-infra-locks-", (dir) => {
      const outdir = join(dir, "cdktf.out");
      const { stacks } = synthesize({ root: io.cwd, outdir, spec, inputs, env: io.env });
      return stacks.map((stack) => {
        const json: unknown = JSON.parse(readFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), "utf8"));
        return [stack, requiredProviders(json)] as const;
      });
    });
    let failed = false;
    for (const [stack, providers] of required) {
      const lock = readLockFile(io.cwd, stack);
      for (const problem of lockProblems(stack, providers, lock)) {
        const blocking = lock !== undefined || options.strict === true;
        failed ||= blocking;
        io.err(`${blocking ? "" : "warning: "}${problem}\n`);
      }
    }
    if (failed) return 1;
    io.out(`locks: ${required.length} stacks checked\n`);
    return 0;
  };
