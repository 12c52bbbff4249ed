export { ipv4Problem, ipv6Problem } from "./address";
export type { RecordSet, ZoneBackend } from "./backend";
export {
  absoluteName,
  canonicalZoneName,
  isDirectChild,
  relativeName,
  targetProblem,
  terraformId,
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
export { type DnsProvider, type DnsProviderKind, DnsZone, type DnsZoneProps, type IDnsZone } from "./zone";
