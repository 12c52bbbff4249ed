export {
  type CdnDomain,
  CdnFront,
  type CdnFrontProps,
  type CdnOrigin,
} from "./cdn-front";
export {
  ACME_CHALLENGE_LABEL,
  acmeChallengeName,
  type CdnDnsRecord,
  type CdnDnsRecordsInput,
  type CdnRecordPurpose,
  cdnDnsRecords,
} from "./dns-records";
export { alternationInCharacterClass } from "./vcl-lint";
