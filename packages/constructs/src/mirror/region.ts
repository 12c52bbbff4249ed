/** Continents by their two-letter codes, as mirror lists name them, plus `World` for CDNs. */
export const MIRROR_REGIONS = ["AF", "AN", "AS", "EU", "NA", "OC", "SA", "World"] as const;
export type MirrorRegion = (typeof MIRROR_REGIONS)[number];
