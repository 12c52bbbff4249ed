import { credentialsOf, describeCredentials } from "../credentials";
import { foreignRefEvent } from "../events";
import { normalizeCondition } from "../expressions";
import { entryOf, isCheckout } from "../workflow";
import type { WorkflowCheck } from "./context";

const DEFAULT_BRANCH = "${{ github.event.repository.default_branch }}";

/**
 * A job that holds a credential checks out only this repository's default branch: `ref:` names
 * it, or the job runs only on it (every trigger runs there, or the job requires
 * `github.ref == 'refs/heads/<default>'`). A pull request's merge commit or head, a branch someone
 * pushed, or another repository never reaches a credential; a pull request's data files reach one
 * only as git objects read by the default branch's code.
 */
export const defaultBranchCodeOnly: WorkflowCheck = (workflow, { allowlist }) =>
  workflow.jobs.flatMap((job) => {
    const held = credentialsOf(workflow, job);
    if (held.length === 0) return [];
    const inJob = `in a job that holds ${describeCredentials(held)}`;
    const main = allowlist.default_branch;
    const defaultRefs = [
      normalizeCondition(DEFAULT_BRANCH),
      main.toLowerCase(),
      `refs/heads/${main}`.toLowerCase(),
    ];
    return job.steps.filter(isCheckout).flatMap((step) => {
      const repository = entryOf(step.data.with, "repository");
      const ref = entryOf(step.data.with, "ref");
      if (repository && normalizeCondition(repository[1]) !== "github.repository")
        return [
          workflow.source.diagnostic(
            [...step.path, "with", repository[0]],
            `checks out ${JSON.stringify(repository[1])} ${inJob} (expected this repository, at ref: ${DEFAULT_BRANCH})`,
          ),
        ];
      if (ref)
        return defaultRefs.includes(normalizeCondition(ref[1]))
          ? []
          : [
              workflow.source.diagnostic(
                [...step.path, "with", ref[0]],
                `checks out ${JSON.stringify(ref[1])} ${inJob} (expected ref: ${DEFAULT_BRANCH})`,
              ),
            ];
      const event = foreignRefEvent(workflow, job, main);
      return event === undefined
        ? []
        : [
            workflow.source.diagnostic(
              [...step.path, "uses"],
              `checks out the run's ref, which ${event} lets others choose, ${inJob} (expected ref: ${DEFAULT_BRANCH}, or if: github.ref == 'refs/heads/${main}' on the job)`,
            ),
          ];
    });
  });
