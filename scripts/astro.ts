// Runs Astro's command line (`npm run dev`, `npm run preview`) with its telemetry and its check for a
// newer version on npm switched off: the handbook's own commands never reach the network by themselves.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
process.env.ASTRO_DISABLE_UPDATE_CHECK ??= 'true';

await import(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url).href);
