import type { Diagnostic } from "../../runtime/diagnostics";
import type { Project } from "../project";
import type { Workflow } from "../workflow";

/** One rule: what it finds wrong in a workflow of `project`. */
export type WorkflowCheck = (workflow: Workflow, project: Project) => Diagnostic[];
