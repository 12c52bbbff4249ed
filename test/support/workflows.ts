import { basename } from "node:path";
import { readWorkflowText, workflowFiles } from "../../workflow-lint/workflow";
import { REPO_ROOT } from "./project";

/** A workflow of this repository: its path from the root, its file name and its text. */
export interface CommittedWorkflow {
  readonly file: string;
  readonly name: string;
  readonly text: string;
}

/** The repository's workflows, listed and read as `npm run lint:workflows` reads them, by file name. */
export function committedWorkflows(): CommittedWorkflow[] {
  return workflowFiles(REPO_ROOT)
    .sort()
    .map((file) => ({ file, name: basename(file), text: readWorkflowText(REPO_ROOT, file) }));
}
