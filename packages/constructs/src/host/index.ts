/**
 * Machines with names, addresses, roles and their own records. The machine factories that create
 * machines are subpaths of their own, so only the provider package of the one you use is loaded:
 * `./host/digitalocean`, `./host/aws` (EC2), `./host/google` (Compute Engine).
 */
export { type GuestProps, Host, type HostProps, type IHost } from "./host";
export { existingMachine, type Machine, type MachineContext, type MachineFactory } from "./machine";
export { ANY_LABEL, GUEST_LABEL, type HostNamingConvention } from "./naming";
