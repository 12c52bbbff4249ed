import type { FieldPath } from "../../inputs/yaml-source";
import type { Diagnostic } from "../../runtime/diagnostics";
import { asRecord } from "../../runtime/values";
import { codeRunBy } from "../invocations";
import { stateChangingAction, stateChangingCommands } from "../terraform";
import { environmentOf, type Job, usesOf } from "../workflow";
import type { WorkflowCheck } from "./context";

export const PRODUCTION = "production";

/**
 * Every Terraform command that changes state (terraform.ts: apply, destroy, import, `state
 * push|rm|mv|replace-provider`, taint, ..., by any spelling or wrapper, in the step's script or in
 * a repository script or npm script it starts, or as an action) runs only in a job of environment
 * `production`, behind its required reviewers, and such a job runs one stack at a time, never
 * cancelled once running (`concurrency: apply-${{ inputs.stack }}`, `cancel-in-progress: false`,
 * on the job or on its workflow).
 */
export const stateChangesInProduction: WorkflowCheck = ({ source, data, jobs }, project) => {
  const diagnostics: Diagnostic[] = [];
  const changing = new Set<Job>();
  for (const job of jobs)
    for (const step of job.steps) {
      const uses = usesOf(step.data);
      const change =
        typeof step.data.run === "string"
          ? codeRunBy(step.data.run, project).flatMap(({ where, text }) =>
              stateChangingCommands(text).map((command) => (where ? `${command} (in ${where})` : command)),
            )[0]
          : uses === undefined
            ? undefined
            : stateChangingAction(uses, asRecord(step.data.with));
      if (change === undefined) continue;
      changing.add(job);
      if (environmentOf(job) !== PRODUCTION)
        diagnostics.push(
          source.diagnostic(
            [...step.path, uses === undefined ? "run" : "uses"],
            `runs ${change} outside environment ${PRODUCTION} (expected environment: ${PRODUCTION} on job ${job.id})`,
          ),
        );
    }
  const unserialized = new Map<string, FieldPath>();
  for (const job of changing) {
    const own = job.data.concurrency;
    const concurrency = asRecord(own ?? data.concurrency);
    if (
      !/\$\{\{\s*(inputs|matrix)\.stack\s*\}\}/i.test(String(concurrency.group ?? "")) ||
      concurrency["cancel-in-progress"] !== false
    ) {
      const path: FieldPath = own === undefined ? ["concurrency"] : [...job.path, "concurrency"];
      unserialized.set(path.join("."), path);
    }
  }
  for (const path of unserialized.values())
    diagnostics.push(
      source.diagnostic(
        path,
        "does not serialize state changes per stack (expected group: apply-${{ inputs.stack }}, cancel-in-progress: false)",
      ),
    );
  return diagnostics;
};
