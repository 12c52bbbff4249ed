/**
 * DNS zones checked at synth (names, CNAME exclusivity, TTLs, value ranges) on any provider. The
 * backends are subpaths of their own, so only the provider package of the one you use is loaded:
 * `./dns/digitalocean`, `./dns/aws` (Route53), `./dns/google` (Cloud DNS).
 */
export { ipv4Problem, ipv6Problem } from "./address";
export {
  type RecordSet,
  RecordSetBackend,
  type ZoneBackend,
  type ZoneBackendFactory,
  type ZoneContext,
} from "./backend";
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
export { DnsZone, type DnsZoneProps, type IDnsZone, type ZoneRecord } from "./zone";
