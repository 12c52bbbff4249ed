import { join } from "node:path";
import { logText } from "../../runtime/log";
import { readArtifactFile } from "./artifact";
import type { DispatchEnv } from "./github";
import { MAX_FINGERPRINTS_BYTES, parseFingerprints, STACK_NAME } from "./plan-record";

/** Where apply.yml downloads the artifact `plan` of the plan.yml run ./reviewed-plan.ts found. */
export const MAIN_PLAN_DIR = "plan-main";

/**
 * apply.yml's `reviewed` job, last step (read-only token, no credential, nothing checked out): the
 * fingerprint of the stack that the plan.yml run `MAIN_RUN` recorded for the commit being applied,
 * read from that run's artifact (`fingerprints`, one `<stack> <hmac>` line per stack, written by
 * .github/scripts/plan-fingerprints.sh), which the step before downloaded into `artifactDir`.
 * Outputs `fingerprint`, or `problem`: why there is none. The artifact is read like any other
 * (a regular file, size-limited, strict UTF-8, every line of the one form), though main's own
 * code wrote it.
 */
export function mainPlan({
  core,
  env,
  artifactDir,
}: Pick<DispatchEnv, "core" | "env"> & { artifactDir: string }): void {
  const stack = env.STACK ?? "";
  const run = env.MAIN_RUN ?? "";
  if (!STACK_NAME.test(stack) || !/^[1-9][0-9]{0,15}$/.test(run)) {
    core.setFailed("STACK is not a stack name, or MAIN_RUN is not a run id");
    return;
  }
  const say = (name: string, value: string) => {
    core.setOutput(name, value);
    core.info(logText(`${name}: ${value}`));
  };
  let fingerprints: Record<string, string>;
  try {
    const file = readArtifactFile(artifactDir, "fingerprints", MAX_FINGERPRINTS_BYTES);
    if (file?.truncated) throw new Error("fingerprints in the artifact is too large");
    fingerprints = parseFingerprints(file?.text);
  } catch (error) {
    say(
      "problem",
      `plan.yml run ${run} left no fingerprints this job can read (${(error as Error).message}; its artifact is kept 14 days)`,
    );
    return;
  }
  if (!Object.hasOwn(fingerprints, stack)) {
    say("problem", `plan.yml run ${run} records no plan of \`${stack}\``);
    return;
  }
  say("fingerprint", fingerprints[stack] ?? "");
}

/** The entry point the workflow calls, with what actions/github-script provides. */
export function main(scope: Omit<DispatchEnv, "env">): Promise<void> {
  return Promise.resolve(
    mainPlan({ ...scope, env: process.env, artifactDir: join(process.env.RUNNER_TEMP ?? "", MAIN_PLAN_DIR) }),
  );
}
