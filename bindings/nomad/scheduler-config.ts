import type { Construct, TerraformMetaArguments } from "../../runtime/cdktf";
import { BoundResource } from "../base";
import { NOMAD_GENERATOR_METADATA } from "./provider";

export type SchedulerAlgorithm = "binpack" | "spread";

/** Which schedulers may preempt lower-priority allocations. */
export interface SchedulerPreemptionConfig {
  /** Provider default true. */
  readonly systemSchedulerEnabled?: boolean;
  /** Provider default false. */
  readonly batchSchedulerEnabled?: boolean;
  /** Provider default false. */
  readonly serviceSchedulerEnabled?: boolean;
  /** Provider default false. */
  readonly sysbatchSchedulerEnabled?: boolean;
}

export interface SchedulerConfigConfig extends TerraformMetaArguments {
  /** Placement strategy; provider default `binpack`. */
  readonly schedulerAlgorithm?: SchedulerAlgorithm;
  /** Let tasks exceed their reserved memory up to `memory_max`; provider default false. */
  readonly memoryOversubscriptionEnabled?: boolean;
  /** Preemption per scheduler type; a map attribute, not a block. */
  readonly preemptionConfig?: SchedulerPreemptionConfig;
}

/**
 * `nomad_scheduler_config`: the cluster-wide scheduler configuration (a singleton; destroying it
 * only forgets it).
 *
 * Docs: https://registry.terraform.io/providers/hashicorp/nomad/2.5.2/docs/resources/scheduler_config
 */
export class SchedulerConfig extends BoundResource<SchedulerConfigConfig> {
  static readonly tfResourceType = "nomad_scheduler_config";

  constructor(scope: Construct, id: string, config: SchedulerConfigConfig = {}) {
    super(scope, id, SchedulerConfig.tfResourceType, NOMAD_GENERATOR_METADATA, config);
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    const p = this.config.preemptionConfig;
    return {
      scheduler_algorithm: this.config.schedulerAlgorithm,
      memory_oversubscription_enabled: this.config.memoryOversubscriptionEnabled,
      preemption_config: p && {
        system_scheduler_enabled: p.systemSchedulerEnabled,
        batch_scheduler_enabled: p.batchSchedulerEnabled,
        service_scheduler_enabled: p.serviceSchedulerEnabled,
        sysbatch_scheduler_enabled: p.sysbatchSchedulerEnabled,
      },
    };
  }
}
