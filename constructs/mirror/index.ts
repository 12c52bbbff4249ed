export { MIRROR_REGIONS, Mirror, type MirrorProps, type MirrorRegion } from "./mirror";
