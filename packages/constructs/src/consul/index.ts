export * from "./acl-policy";
export * from "./acl-role";
export * from "./rules";
