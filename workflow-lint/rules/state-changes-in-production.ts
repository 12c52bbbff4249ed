import type { Diagnostic } from "../../runtime/diagnostics";
import { asRecord } from "../../runtime/values";
import { codeRunBy } from "../invocations";
import { stateChangingAction, stateChangingCommands } from "../terraform";
import { environmentOf, usesOf } from "../workflow";
import type { WorkflowCheck } from "./context";

export const PRODUCTION = "production";

/**
 * Every Terraform command that changes state (terraform.ts: apply, destroy, import, `state
 * push|rm|mv|replace-provider`, taint, ..., by any spelling or wrapper, in the step's script or in
 * a repository script or npm script it starts, or as an action) runs only in a job of environment
 * `production`, behind its required reviewers, and such a workflow runs one stack at a time,
 * queued, never cancelled (`concurrency: apply-${{ inputs.stack }}`, `cancel-in-progress: false`).
 */
export const stateChangesInProduction: WorkflowCheck = ({ source, data, jobs }, project) => {
  const diagnostics: Diagnostic[] = [];
  let changesState = false;
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
      changesState = true;
      if (environmentOf(job) !== PRODUCTION)
        diagnostics.push(
          source.diagnostic(
            [...step.path, uses === undefined ? "run" : "uses"],
            `runs ${change} outside environment ${PRODUCTION} (expected environment: ${PRODUCTION} on job ${job.id})`,
          ),
        );
    }
  const concurrency = asRecord(data.concurrency);
  if (
    changesState &&
    (!/\$\{\{\s*(inputs|matrix)\.stack\s*\}\}/i.test(String(concurrency.group ?? "")) ||
      concurrency["cancel-in-progress"] !== false)
  )
    diagnostics.push(
      source.diagnostic(
        ["concurrency"],
        "does not serialize state changes per stack (expected group: apply-${{ inputs.stack }}, cancel-in-progress: false)",
      ),
    );
  return diagnostics;
};
