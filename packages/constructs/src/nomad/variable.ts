import { Variable } from "@cdktf/provider-nomad/lib/variable";
import { Construct } from "../cdktf";
import { check } from "../core";
import { claimLogicalId, logicalId } from "../terraform/logical-id";
import { checkNamespaceDeclared, type INomadNamespace } from "./namespace";

/** The variable path a job's tasks read with their workload identity: `nomad/jobs/<job>`. */
export function jobVariablePath(job: string): string {
  return `nomad/jobs/${job}`;
}

/** Nomad's variable path alphabet and length. */
const VARIABLE_PATH = /^[a-zA-Z0-9_~/-]{1,128}$/;

export interface NomadVariableProps {
  /** The namespace; must be declared in the app (any stack) or be {@link NomadNamespace.DEFAULT}. */
  readonly namespace: INomadNamespace;
  /** Variable path, e.g. `nomad/jobs/<job>` so that job's tasks can read it; also part of its address. */
  readonly path: string;
  /**
   * Items by key. Values must be references to other resources' attributes (the provider stores
   * them encrypted in Nomad and marks them sensitive); a literal secret would land in the JSON.
   */
  readonly items: Readonly<Record<string, string>>;
}

/** A Nomad variable in a declared namespace. */
export class NomadVariable extends Construct {
  readonly path: string;
  readonly namespace: INomadNamespace;
  /** The `nomad_variable` resource. */
  readonly resource: Variable;

  constructor(scope: Construct, id: string, props: NomadVariableProps) {
    super(scope, id);
    const { path, namespace, items } = props;
    check(this, VARIABLE_PATH.test(path), () => {
      return `path "${path}" is invalid (expected 1-128 of letters, digits, "-", "_", "~", "/")`;
    });
    check(this, !path.startsWith("/") && !path.endsWith("/") && !path.includes("//"), () => {
      return `path "${path}" has an empty segment (expected no leading, trailing or doubled "/")`;
    });
    check(this, !path.startsWith("nomad/") || path === "nomad/jobs" || path.startsWith("nomad/jobs/"), () => {
      return `path "${path}" is under the reserved prefix nomad/ (expected nomad/jobs or nomad/jobs/<job>[/...])`;
    });
    check(this, Object.keys(items).length > 0, "items is empty (expected at least one item)");
    this.path = path;
    this.namespace = namespace;
    this.resource = new Variable(this, "resource", {
      path,
      namespace: namespace.namespaceName,
      items: { ...items },
    });
    const resource = this.resource;
    claimLogicalId(resource, logicalId("variable", namespace.namespaceName, path));
    this.node.addValidation({
      validate: () => {
        const problem = checkNamespaceDeclared(this, "namespace", namespace);
        return problem ? [problem] : [];
      },
    });
  }
}
