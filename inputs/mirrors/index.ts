/** The mirror list: schema, loader, country lookup and xmirror's published outputs. */
export { type Country, countryByName, mirrorCountry } from "./country";
export { loadMirrorList, MIRRORS_FILE, parseMirrorList } from "./load";
export {
  MIRROR_FIELDS,
  MIRROR_REGION_NAMES,
  MIRROR_REGIONS,
  MIRROR_TIERS,
  type MirrorEntry,
  type MirrorRegion,
  type MirrorTier,
  renderMirrorJsonSchema,
} from "./schema";
