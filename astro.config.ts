import { defineConfig } from 'astro/config';
import { handbook } from './src/integration/handbook.ts';

// The integration brings everything else (Markdown plugins, MDX, sitemap, base path) from the environment (README).
export default defineConfig({
  integrations: [handbook({ learningPath: 'recommended-learning-path' })],
});
