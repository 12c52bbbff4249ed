import type { Construct, TerraformResource } from "../cdktf";

/** A machine as a host sees it: its addresses, and the resource that creates it if any. */
export interface Machine {
  /** The resource that creates the machine; undefined for one that exists already. */
  readonly resource?: TerraformResource;
  /** Public IPv4 (a reference for created machines); undefined when it has none. */
  readonly ipv4?: string;
  /** Public IPv6 (a reference for created machines); undefined when it has none. */
  readonly ipv6?: string;
}

/** What a machine factory is told about the host it makes a machine for. */
export interface MachineContext {
  /** The host construct: the scope of the resources the factory creates. */
  readonly scope: Construct;
  /** Machine name, e.g. `web1` or `vm3.web1`. */
  readonly name: string;
  /** Absolute name with a trailing dot. */
  readonly fqdn: string;
}

/**
 * How a host comes to exist: `existingMachine()`, `digitalOceanDroplet()`, `ec2Instance()`,
 * `computeInstance()`, or a factory of your own. A new provider never needs an edit of `Host`.
 */
export type MachineFactory = (context: MachineContext) => Machine;

/** A machine that exists already: its addresses are given. */
export function existingMachine(addresses: {
  readonly ipv4?: string;
  readonly ipv6?: string;
}): MachineFactory {
  return () => ({ ipv4: addresses.ipv4, ipv6: addresses.ipv6 });
}
