import type { Construct, TerraformMetaArguments } from "../../runtime/cdktf";
import { BoundResource } from "../base";
import { NOMAD_GENERATOR_METADATA } from "./provider";

/** Attaches a policy to a job's workload identity (Nomad 1.7+). */
export interface AclPolicyJobAcl {
  /** Namespace of the job; provider default `default`. */
  readonly namespace?: string;
  /** Job id. */
  readonly jobId: string;
  /** Task group within the job; default: every group. */
  readonly group?: string;
  /** Task within the group (needs `group`); default: every task. */
  readonly task?: string;
}

export interface AclPolicyConfig extends TerraformMetaArguments {
  /** Unique policy name; changing it replaces the policy. */
  readonly name: string;
  /** Human-readable description; default empty. */
  readonly description?: string;
  /** The policy document, HCL or JSON. */
  readonly rulesHcl: string;
  /** Workload identity the policy applies to; default none (a policy for tokens and roles). */
  readonly jobAcl?: AclPolicyJobAcl;
}

/**
 * `nomad_acl_policy`: an ACL policy registered in Nomad.
 *
 * Docs: https://registry.terraform.io/providers/hashicorp/nomad/2.5.2/docs/resources/acl_policy
 */
export class AclPolicy extends BoundResource<AclPolicyConfig> {
  static readonly tfResourceType = "nomad_acl_policy";

  constructor(scope: Construct, id: string, config: AclPolicyConfig) {
    super(scope, id, AclPolicy.tfResourceType, NOMAD_GENERATOR_METADATA, config);
  }

  /** The policy name (its Terraform id), as a reference that orders dependents after it. */
  get name(): string {
    return this.getStringAttribute("name");
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    const { jobAcl } = this.config;
    return {
      name: this.config.name,
      description: this.config.description,
      rules_hcl: this.config.rulesHcl,
      job_acl: jobAcl && {
        namespace: jobAcl.namespace,
        job_id: jobAcl.jobId,
        group: jobAcl.group,
        task: jobAcl.task,
      },
    };
  }
}
