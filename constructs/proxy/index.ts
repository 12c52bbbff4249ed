export { PublishedService, type PublishedServiceProps } from "./service";
export { ProxyTier, type ProxyTierProps } from "./tier";
