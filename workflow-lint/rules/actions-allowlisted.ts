import type { FieldPath } from "../../inputs/yaml-source";
import type { Diagnostic } from "../../runtime/diagnostics";
import { ALLOWLIST_PATH } from "../allowlist";
import { actionName, usesOf } from "../workflow";
import type { WorkflowCheck } from "./context";

const VERSION_COMMENT = /#\s*(v\d+\.\d+\.\d+)\s*$/;

/**
 * Every action and reusable workflow a job uses, in any job, is one the allowlist names, at the
 * one commit it pins, with that release in the `# vX.Y.Z` comment after it (what an upgrade
 * changes and a reviewer reads). The repository's own actions (`./...`) are its code; the steps
 * rule decides where they may run.
 */
export const actionsAllowlisted: WorkflowCheck = ({ source, text, jobs }, { allowlist }) => {
  const lines = text.split("\n");
  const uses: [FieldPath, string][] = jobs.flatMap((job) => [
    ...(usesOf(job.data) === undefined
      ? []
      : [[[...job.path, "uses"], usesOf(job.data)] as [FieldPath, string]]),
    ...job.steps.flatMap((step) => {
      const ref = usesOf(step.data);
      return ref === undefined ? [] : [[[...step.path, "uses"], ref] as [FieldPath, string]];
    }),
  ]);
  const diagnostics: Diagnostic[] = [];
  for (const [path, ref] of uses) {
    if (ref.startsWith("./")) continue;
    const name = actionName(ref);
    const entry = Object.hasOwn(allowlist.actions, name) ? allowlist.actions[name] : undefined;
    if (entry === undefined) {
      diagnostics.push(
        source.diagnostic(
          path,
          `${ref} is not on the allowlist (expected an action listed in ${ALLOWLIST_PATH})`,
        ),
      );
      continue;
    }
    const pinned = `${name}@${entry.commit} # ${entry.version}`;
    if (ref.slice(ref.indexOf("@") + 1) !== entry.commit) {
      diagnostics.push(
        source.diagnostic(path, `${ref} is not the commit the allowlist pins (expected ${pinned})`),
      );
      continue;
    }
    const comment = VERSION_COMMENT.exec(lines[source.position(path).line - 1] ?? "")?.[1];
    if (comment !== entry.version)
      diagnostics.push(
        source.diagnostic(
          path,
          `${comment ? `says # ${comment}` : "has no version comment"} (expected ${pinned}, the release of that commit)`,
        ),
      );
  }
  return diagnostics;
};
