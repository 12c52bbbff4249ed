export {
  type DigitalOceanEnvironment,
  DigitalOceanProject,
  type DigitalOceanProjectProps,
  DigitalOceanSshKey,
  type DigitalOceanSshKeyProps,
  DigitalOceanVpc,
  type DigitalOceanVpcProps,
  type DropletImage,
} from "./digitalocean";
export {
  type AwsMachine,
  type DigitalOceanMachine,
  type ExistingMachine,
  type GoogleMachine,
  type GuestProps,
  Host,
  type HostMachine,
  type HostProps,
} from "./host";
export { GUEST_LABEL, type HostNamingConvention, LETTER_SITE_COUNTRY } from "./naming";
