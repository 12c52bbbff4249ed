import { ComputeInstance } from "@cdktf/provider-google/lib/compute-instance";
import { terraformId } from "../dns/names";
import { claimLogicalId } from "../terraform/logical-id";
import type { MachineFactory } from "./machine";

export interface ComputeInstanceProps {
  /** Zone, e.g. `europe-north1-a`. */
  readonly zone: string;
  /** Machine type, e.g. `e2-small`. */
  readonly machineType: string;
  /** Boot image, e.g. `debian-cloud/debian-12`. */
  readonly image: string;
  /** VPC network. @default "default" */
  readonly network?: string;
  /** GCP project. @default the provider's project */
  readonly project?: string;
  /** Dual-stack interface with an external IPv6 address and an AAAA record. @default false */
  readonly ipv6?: boolean;
}

/** A Google Compute Engine instance with an external IPv4 (and optionally IPv6) address. */
export function computeInstance(props: ComputeInstanceProps): MachineFactory {
  return ({ scope, name }) => {
    const instance = new ComputeInstance(scope, "instance", {
      // Compute Engine names are single labels: a guest's `vm3.host` becomes `vm3-host`.
      name: name.replaceAll(".", "-"),
      zone: props.zone,
      project: props.project,
      machineType: props.machineType,
      bootDisk: { initializeParams: { image: props.image } },
      networkInterface: [
        {
          network: props.network ?? "default",
          accessConfig: [{}],
          stackType: props.ipv6 ? "IPV4_IPV6" : undefined,
          ipv6AccessConfig: props.ipv6 ? [{ networkTier: "PREMIUM" }] : undefined,
        },
      ],
    });
    claimLogicalId(instance, terraformId("instance", name));
    const nic = instance.networkInterface.get(0);
    return {
      resource: instance,
      ipv4: nic.accessConfig.get(0).natIp,
      ipv6: props.ipv6 ? nic.ipv6AccessConfig.get(0).externalIpv6 : undefined,
    };
  };
}
