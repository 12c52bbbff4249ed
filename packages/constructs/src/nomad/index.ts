export * from "./acl-policy";
export * from "./acl-role";
export * from "./namespace";
export * from "./policy-document";
export * from "./provider";
export * from "./scheduler-config";
export * from "./variable";
