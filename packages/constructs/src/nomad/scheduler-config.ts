import { SchedulerConfig } from "@cdktf/provider-nomad/lib/scheduler-config";
import { Construct } from "../cdktf";
import { claimLogicalId } from "../terraform/logical-id";

export type SchedulerAlgorithm = "binpack" | "spread";
export type SchedulerType = "system" | "batch" | "service" | "sysbatch";

export interface NomadSchedulerProps {
  /** `binpack` fills nodes before using new ones; `spread` balances them. @default "binpack" */
  readonly algorithm?: SchedulerAlgorithm;
  /** Let tasks use memory beyond their reservation up to `memory_max`. @default false */
  readonly memoryOversubscription?: boolean;
  /** Job types whose scheduler may preempt lower-priority allocations; the others may not. @default ["system"] */
  readonly preemption?: readonly SchedulerType[];
}

/** The cluster's scheduler configuration (one per cluster; address `nomad_scheduler_config.config`). */
export class NomadScheduler extends Construct {
  /** The `nomad_scheduler_config` resource. */
  readonly resource: SchedulerConfig;

  constructor(scope: Construct, id: string, props: NomadSchedulerProps = {}) {
    super(scope, id);
    const preemption = new Set(props.preemption ?? ["system"]);
    this.resource = new SchedulerConfig(this, "resource", {
      schedulerAlgorithm: props.algorithm ?? "binpack",
      memoryOversubscriptionEnabled: props.memoryOversubscription ?? false,
      // Every flag is written so the cluster never keeps a setting nobody declared. A map
      // attribute, not a block: its keys reach Terraform as written.
      preemptionConfig: {
        system_scheduler_enabled: preemption.has("system"),
        batch_scheduler_enabled: preemption.has("batch"),
        service_scheduler_enabled: preemption.has("service"),
        sysbatch_scheduler_enabled: preemption.has("sysbatch"),
      },
    });
    // One per cluster: a second scheduler in the stack fails here instead of overwriting the first.
    claimLogicalId(this.resource, "config");
  }
}
