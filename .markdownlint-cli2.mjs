// Markdown style of the handbook's pages, checked by `npm run check` (markdownlint-cli2).
// Tuned to how the pages are written: one line per paragraph, bare URLs (GitHub links them),
// bold run-in labels, numbered steps that continue across parts.
import { defaultSchema } from 'rehype-sanitize';

export default {
  config: {
    default: true,
    // Paragraphs are written on one line each; the site and GitHub wrap them.
    MD013: false,
    // GitHub and remark-gfm turn bare URLs into links.
    MD034: false,
    // Bold run-in labels (**Constraints**, **Part 1: …**) are deliberate, not headings.
    MD036: false,
    // Exercise steps keep their numbers across parts (Part 2 starts at 6).
    MD029: false,
    // Tabs are meaningful in code (Go, Makefiles, heredocs with <<-).
    MD010: { code_blocks: false },
    // A `title:` in the frontmatter may repeat the page's `# H1`.
    MD025: { front_matter_title: '' },
    // Raw HTML is fine where GitHub keeps it: its allow-list, the one the site sanitizes with.
    MD033: { allowed_elements: defaultSchema.tagNames ?? [] },
  },
  noBanner: true,
  noProgress: true,
};
