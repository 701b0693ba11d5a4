declare module 'virtual:handbook/code.css';

declare module 'virtual:handbook/config' {
  /** The build's configuration, resolved once by `handbook()` (src/integration/handbook.ts). */
  export const config: import('./lib/site-config.ts').SiteConfig;
}

declare module 'virtual:handbook/moved-routes' {
  /** Former route → current route of every moved page. */
  const moved: Record<string, string>;
  export default moved;
}
