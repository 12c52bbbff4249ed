/** The mirror list: schema, loader, country lookup and xmirror's published outputs. */
export { MIRRORS_FILE } from "../files";
export { type Country, countryByName, mirrorCountry } from "./country";
export { loadMirrorList, parseMirrorList } from "./load";
export { type MirrorEntry, renderMirrorJsonSchema } from "./schema";
export { type MirrorUrl, parseMirrorUrl } from "./url";
