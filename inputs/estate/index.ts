/** The estate's data files: schemas, the safe loader, the rules across files, and the model they make. */
export { ESTATE_CHECKS, type EstateCheck } from "./checks";
export { type EstateFiles, readEstateFiles } from "./files";
export { machineLocation } from "./hosts";
export { type EstateLoad, loadEstate, readEstate } from "./load";
export type * from "./model";
