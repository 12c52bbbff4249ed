export { Mirror, type MirrorProps } from "./mirror";
export { MIRROR_REGIONS, type MirrorRegion } from "./region";
