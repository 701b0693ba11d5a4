import { readSiteConfig } from './lib/site-config.ts';

/** This build's settings: the one place the environment is read. */
export const siteConfig = readSiteConfig(process.env, process.cwd());
