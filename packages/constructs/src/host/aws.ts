import { Instance } from "@cdktf/provider-aws/lib/instance";
import { Fn, Token } from "../cdktf";
import { terraformId, withoutTrailingDot } from "../dns/names";
import { claimLogicalId } from "../terraform/logical-id";
import type { MachineFactory } from "./machine";

export interface Ec2InstanceProps {
  /** AMI id. */
  readonly ami: string;
  /** Instance type, e.g. `t3.small`. */
  readonly instanceType: string;
  /** Subnet the instance is launched in. @default the default VPC's subnet for the availability zone AWS picks */
  readonly subnetId?: string;
  /** EC2 key pair name. @default none */
  readonly keyName?: string;
  /** Security groups. @default the VPC's default group */
  readonly securityGroupIds?: readonly string[];
  /** Assign one IPv6 address and publish an AAAA record. @default false */
  readonly ipv6?: boolean;
}

/** An AWS EC2 instance with a public IPv4 address, named by a `Name` tag. */
export function ec2Instance(props: Ec2InstanceProps): MachineFactory {
  return ({ scope, name, fqdn }) => {
    const instance = new Instance(scope, "instance", {
      ami: props.ami,
      instanceType: props.instanceType,
      subnetId: props.subnetId,
      keyName: props.keyName,
      vpcSecurityGroupIds: props.securityGroupIds ? [...props.securityGroupIds] : undefined,
      associatePublicIpAddress: true,
      ipv6AddressCount: props.ipv6 ? 1 : undefined,
      tags: { Name: withoutTrailingDot(fqdn) },
    });
    claimLogicalId(instance, terraformId("instance", name));
    return {
      resource: instance,
      ipv4: instance.publicIp,
      ipv6: props.ipv6 ? Token.asString(Fn.element(instance.ipv6Addresses, 0)) : undefined,
    };
  };
}
