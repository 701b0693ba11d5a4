declare module 'virtual:handbook/code.css';

declare module 'virtual:handbook/config' {
  /** The build's configuration, resolved once by `handbook()` (src/integration/handbook.ts). */
  export const config: import('./lib/site-config.ts').SiteConfig;
}
