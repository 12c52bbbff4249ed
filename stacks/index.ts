export { type EstateStacks, STACKS } from "./registry";
