export { ipv4Problem, ipv6Problem } from "./address";
export {
  type RecordSet,
  RecordSetBackend,
  type ZoneBackend,
  type ZoneBackendFactory,
  type ZoneContext,
} from "./backend";
export { type DigitalOceanDnsOptions, DigitalOceanZoneBackend, digitalOceanDns } from "./digitalocean";
export { type CloudDnsOptions, cloudDns, GOOGLE_DEFAULT_TTL, GoogleZoneBackend } from "./google";
export {
  absoluteName,
  canonicalZoneName,
  isDirectChild,
  recordId,
  relativeName,
  setId,
  targetProblem,
  terraformId,
  valueKey,
  withoutTrailingDot,
} from "./names";
export type {
  CaaTag,
  CaaValue,
  DnsRecord,
  DnsTarget,
  MxValue,
  RecordOptions,
  RecordType,
  SrvValue,
} from "./record";
export { MAX_TTL, MIN_TTL } from "./record";
export { ROUTE53_DEFAULT_TTL, type Route53DnsOptions, Route53ZoneBackend, route53Dns } from "./route53";
export { DnsZone, type DnsZoneProps, type IDnsZone, type ZoneRecord } from "./zone";
