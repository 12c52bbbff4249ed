import { Namespace } from "@cdktf/provider-nomad/lib/namespace";
import { Construct } from "../cdktf";
import { check } from "../core";
import { checkDeclared, declare } from "../terraform/declarations";
import { claimLogicalId, logicalId } from "../terraform/logical-id";

/** Nomad's rule for namespace, policy and job-scoped names. */
export const NOMAD_NAME = /^[a-zA-Z0-9-]{1,128}$/;

/** Anything that names a Nomad namespace. Rules and variables take this, never a bare string. */
export interface INomadNamespace {
  /** The namespace name. */
  readonly namespaceName: string;
}

export interface NomadNamespaceProps {
  /** Namespace name (letters, digits, `-`); also its Terraform address `nomad_namespace.namespace_<name>`. */
  readonly name: string;
  /** Shown in the UI and `nomad namespace list`. @default empty */
  readonly description?: string;
  /** Free-form metadata. @default none */
  readonly meta?: Readonly<Record<string, string>>;
}

/** A Nomad namespace. Jobs, variables and ACL rules refer to it by object. */
export class NomadNamespace extends Construct implements INomadNamespace {
  /** The built-in `default` namespace, which exists in every cluster and is never declared. */
  static readonly DEFAULT: INomadNamespace = { namespaceName: "default" };

  /**
   * A namespace by name, for one declared elsewhere in the app (e.g. another stack). Variables and
   * `job_acl` check at synth that the app declares it.
   */
  static fromName(name: string): INomadNamespace {
    return { namespaceName: name };
  }

  readonly namespaceName: string;
  /** The `nomad_namespace` resource. */
  readonly resource: Namespace;

  constructor(scope: Construct, id: string, props: NomadNamespaceProps) {
    super(scope, id);
    check(this, NOMAD_NAME.test(props.name), () => {
      return `namespace name "${props.name}" is invalid (expected 1-128 letters, digits or "-")`;
    });
    check(
      this,
      props.name !== "default",
      `"default" is built in; use NomadNamespace.DEFAULT instead of declaring it`,
    );
    this.namespaceName = props.name;
    this.resource = new Namespace(this, "resource", {
      name: props.name,
      description: props.description,
      meta: props.meta && { ...props.meta },
    });
    const resource = this.resource;
    claimLogicalId(resource, logicalId("namespace", props.name));
    declare(this, Namespace.tfResourceType, props.name);
  }
}

/**
 * The problem with using `namespace` where a real namespace is required (variables, `job_acl`), or
 * undefined when it is the built-in default or declared somewhere in the app.
 */
export function checkNamespaceDeclared(
  scope: Construct,
  field: string,
  namespace: INomadNamespace,
): string | undefined {
  if (namespace.namespaceName === NomadNamespace.DEFAULT.namespaceName) return undefined;
  return checkDeclared(scope, field, Namespace.tfResourceType, namespace.namespaceName);
}
