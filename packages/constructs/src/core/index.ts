/**
 * What every construct shares, and what an app or a construct of its own may use too: errors that
 * name the construct path, did-you-mean suggestions, and a deterministic order of names. Nothing
 * here loads the CDK runtime.
 */
export { check, checkUnique, findDeclared, ValidationError } from "./errors";
export { didYouMean, unknownMessage } from "./suggest";
export { compareText, firstDuplicate } from "./values";
