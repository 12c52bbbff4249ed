import { asRecord } from "../../runtime/values";
import { expressionsIn } from "../expressions";
import { isAction } from "../workflow";
import type { WorkflowCheck } from "./context";

/**
 * `${{ }}` in a script is template injection: GitHub pastes the value into the code before it
 * runs, so a branch name or a pull request title becomes shell (`run:`) or JavaScript
 * (`actions/github-script`'s `script:`). Values reach scripts through `env:`. Stricter than
 * zizmor's and actionlint's checks, which flag only contexts they know to be attacker-controlled.
 */
export const noExpressionsInRun: WorkflowCheck = ({ source, jobs }) =>
  jobs.flatMap((job) =>
    job.steps.flatMap((step) => {
      const run = step.data.run;
      if (typeof run === "string" && expressionsIn(run).length > 0)
        return [
          source.diagnostic(
            [...step.path, "run"],
            "expands ${{ }} inside the script (expected the value in env: and $NAME in the script)",
          ),
        ];
      const script = asRecord(step.data.with).script;
      if (
        isAction(step, "actions/github-script") &&
        typeof script === "string" &&
        expressionsIn(script).length > 0
      )
        return [
          source.diagnostic(
            [...step.path, "with", "script"],
            "expands ${{ }} inside the github-script code (expected the value in env: and process.env.NAME in the script)",
          ),
        ];
      return [];
    }),
  );
