export { type Ec2InstanceProps, ec2Instance } from "./aws";
export {
  type DigitalOceanDropletProps,
  type DigitalOceanEnvironment,
  DigitalOceanProject,
  type DigitalOceanProjectProps,
  DigitalOceanSshKey,
  type DigitalOceanSshKeyProps,
  DigitalOceanVpc,
  type DigitalOceanVpcProps,
  type DropletImage,
  digitalOceanDroplet,
} from "./digitalocean";
export { type ComputeInstanceProps, computeInstance } from "./google";
export { type GuestProps, Host, type HostProps, type IHost } from "./host";
export { existingMachine, type Machine, type MachineContext, type MachineFactory } from "./machine";
export { ANY_LABEL, GUEST_LABEL, type HostNamingConvention } from "./naming";
