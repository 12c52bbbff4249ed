import { AclPolicy } from "@cdktf/provider-nomad/lib/acl-policy";
import { Construct, Lazy } from "../cdktf";
import { check } from "../core";
import { declare } from "../terraform/declarations";
import { claimLogicalId, logicalId } from "../terraform/logical-id";
import type { RegistryModule } from "../terraform/registry-module";
import { checkNamespaceDeclared, type INomadNamespace, NOMAD_NAME } from "./namespace";
import {
  HOST_VOLUME_CAPABILITIES,
  type HostVolumeRuleDocument,
  NAMESPACE_CAPABILITIES,
  type NamespaceRuleDocument,
  type NomadPolicyDocument,
  renderNomadPolicy,
  VARIABLE_CAPABILITIES,
} from "./policy-document";

/** A namespace glob such as `*` or `apps-*`; a plain name must be an {@link INomadNamespace}. */
export type NamespaceGlob = `${string}*${string}`;

/** Anything that names a Nomad ACL policy. */
export interface INomadAclPolicy {
  /** The policy name. */
  readonly policyName: string;
}

/** Grants on one namespace (or namespace glob): its rule document, with the namespace for a label. */
export interface NomadNamespaceRule extends Omit<NamespaceRuleDocument, "label"> {
  /** The namespace, or a glob such as `*`. */
  readonly namespace: INomadNamespace | NamespaceGlob;
}

/** Grants on one host volume (or glob): its rule document, with the volume for a label. */
export interface NomadHostVolumeRule extends Omit<HostVolumeRuleDocument, "label"> {
  /** Host volume name or glob. */
  readonly volume: string;
}

/** The job (optionally group and task) whose workload identity receives the policy. */
export interface NomadJobAcl {
  /** The job's namespace; must be declared in the app or be {@link NomadNamespace.DEFAULT}. */
  readonly namespace: INomadNamespace;
  /** Job id. */
  readonly job: string;
  /** Task group. @default every group of the job */
  readonly group?: string;
  /** Task within `group`. @default every task */
  readonly task?: string;
}

/** A policy's rules (as its document has them) and what Nomad keeps beside them. */
export interface NomadAclPolicyProps
  extends Pick<NomadPolicyDocument, "node" | "agent" | "operator" | "quota" | "plugin"> {
  /** Policy name (letters, digits, `-`); also its address `nomad_acl_policy.policy_<name>`. */
  readonly name: string;
  /** Shown by `nomad acl policy list`. @default empty */
  readonly description?: string;
  /** Namespace rules, rendered in this order. @default none */
  readonly namespaces?: readonly NomadNamespaceRule[];
  /** Host volume rules. @default none */
  readonly hostVolumes?: readonly NomadHostVolumeRule[];
  /** Attach the policy to a job's workload identity instead of tokens. @default none */
  readonly jobAcl?: NomadJobAcl;
}

/** A policy created by a module, usable where a declared policy is required. */
export interface ModuleNomadAclPolicy extends INomadAclPolicy {
  readonly module: RegistryModule;
}

/**
 * A Nomad ACL policy with typed rules, rendered to Nomad's HCL policy syntax. Namespace rules can
 * be added after construction with {@link addNamespaceRule}.
 */
export class NomadAclPolicy extends Construct implements INomadAclPolicy {
  /** A policy by name; where a declared policy is required (Vault roles) the name is checked at synth. */
  static fromName(name: string): INomadAclPolicy {
    return { policyName: name };
  }

  /** A policy that `module` creates (listed in its `provides.nomad_acl_policy`). */
  static fromModule(module: RegistryModule, name: string): ModuleNomadAclPolicy {
    const provided = module.provided(AclPolicy.tfResourceType, name);
    return { policyName: provided.name, module };
  }

  readonly policyName: string;
  /** The `nomad_acl_policy` resource. */
  readonly resource: AclPolicy;
  private readonly namespaceRules: NamespaceRuleDocument[] = [];
  private readonly props: NomadAclPolicyProps;

  constructor(scope: Construct, id: string, props: NomadAclPolicyProps) {
    super(scope, id);
    check(this, NOMAD_NAME.test(props.name), () => {
      return `policy name "${props.name}" is invalid (expected 1-128 letters, digits or "-")`;
    });
    this.policyName = props.name;
    this.props = props;
    for (const rule of props.namespaces ?? []) this.addNamespaceRule(rule);
    for (const rule of props.hostVolumes ?? []) this.checkHostVolumeRule(rule);
    const jobAcl = props.jobAcl;
    if (jobAcl) {
      check(
        this,
        jobAcl.job.length > 0 && !/\s/.test(jobAcl.job),
        `job_acl: job id "${jobAcl.job}" is invalid`,
      );
      check(
        this,
        jobAcl.task === undefined || jobAcl.group !== undefined,
        "job_acl: task needs group to be set",
      );
    }

    this.resource = new AclPolicy(this, "resource", {
      name: props.name,
      description: props.description,
      rulesHcl: Lazy.stringValue({ produce: () => this.rules }),
      jobAcl: jobAcl && {
        namespace: jobAcl.namespace.namespaceName,
        jobId: jobAcl.job,
        group: jobAcl.group,
        task: jobAcl.task,
      },
    });
    const resource = this.resource;
    claimLogicalId(resource, logicalId("policy", props.name));
    declare(this, AclPolicy.tfResourceType, props.name);

    this.node.addValidation({
      validate: () => {
        const errors: string[] = [];
        if (this.isEmpty())
          errors.push("policy has no rules (expected at least one namespace, scope or host volume rule)");
        const namespaceProblem =
          jobAcl && checkNamespaceDeclared(this, "job_acl.namespace", jobAcl.namespace);
        if (namespaceProblem) errors.push(namespaceProblem);
        return errors;
      },
    });
  }

  /** Adds a namespace rule; each namespace (or glob) may appear once per policy. */
  addNamespaceRule(rule: NomadNamespaceRule): this {
    const label = typeof rule.namespace === "string" ? rule.namespace : rule.namespace.namespaceName;
    const where = `namespace "${label}"`;
    check(
      this,
      !this.namespaceRules.some((r) => r.label === label),
      `${where}: has two rules (expected one per namespace)`,
    );
    check(
      this,
      rule.policy !== undefined || (rule.capabilities?.length ?? 0) > 0 || (rule.variables?.length ?? 0) > 0,
      () => {
        return `${where}: grants nothing (expected policy, capabilities or variables)`;
      },
    );
    check(this, rule.policy === undefined || ["deny", "read", "write", "scale"].includes(rule.policy), () => {
      return `${where}: policy "${rule.policy}" is unknown (expected deny, read, write or scale)`;
    });
    for (const capability of rule.capabilities ?? []) {
      check(this, NAMESPACE_CAPABILITIES.includes(capability), () => {
        return `${where}: capability "${capability}" is unknown (expected one of ${NAMESPACE_CAPABILITIES.join(", ")})`;
      });
    }
    const paths = new Set<string>();
    for (const variable of rule.variables ?? []) {
      check(this, variable.path.length > 0, `${where}: variables path is empty`);
      check(this, !paths.has(variable.path), `${where}: variables path "${variable.path}" appears twice`);
      paths.add(variable.path);
      check(
        this,
        variable.capabilities.length > 0,
        `${where}: variables path "${variable.path}" has no capabilities`,
      );
      for (const capability of variable.capabilities) {
        check(this, VARIABLE_CAPABILITIES.includes(capability), () => {
          return `${where}: variables path "${variable.path}": capability "${capability}" is unknown (expected one of ${VARIABLE_CAPABILITIES.join(", ")})`;
        });
      }
    }
    this.namespaceRules.push({
      label,
      policy: rule.policy,
      capabilities: rule.capabilities,
      variables: rule.variables,
    });
    return this;
  }

  /** The rules as plain data, e.g. to compare with another representation. */
  get document(): NomadPolicyDocument {
    const p = this.props;
    return {
      namespaces: this.namespaceRules,
      hostVolumes: p.hostVolumes?.map((h) => ({
        label: h.volume,
        policy: h.policy,
        capabilities: h.capabilities,
      })),
      node: p.node,
      agent: p.agent,
      operator: p.operator,
      quota: p.quota,
      plugin: p.plugin,
    };
  }

  /** The policy text as Nomad receives it. */
  get rules(): string {
    return renderNomadPolicy(this.document);
  }

  private isEmpty(): boolean {
    const p = this.props;
    return (
      this.namespaceRules.length === 0 &&
      (p.hostVolumes?.length ?? 0) === 0 &&
      [p.node, p.agent, p.operator, p.quota, p.plugin].every((x) => x === undefined)
    );
  }

  private checkHostVolumeRule(rule: NomadHostVolumeRule): void {
    const where = `host_volume "${rule.volume}"`;
    check(
      this,
      rule.policy !== undefined || (rule.capabilities?.length ?? 0) > 0,
      `${where}: grants nothing`,
    );
    for (const capability of rule.capabilities ?? []) {
      check(this, HOST_VOLUME_CAPABILITIES.includes(capability), () => {
        return `${where}: capability "${capability}" is unknown (expected one of ${HOST_VOLUME_CAPABILITIES.join(", ")})`;
      });
    }
  }
}
