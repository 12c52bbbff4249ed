export { PublishedService, type PublishedServiceProps } from "./service";
export { type IProxyTier, ProxyTier, type ProxyTierProps } from "./tier";
