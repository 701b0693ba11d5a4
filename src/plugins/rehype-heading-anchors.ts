import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import rehypeAutolinkHeadings, { type Options as AutolinkOptions } from 'rehype-autolink-headings';

const LINK_ICON: Element = {
  type: 'element',
  tagName: 'svg',
  properties: { viewBox: '0 0 16 16', width: 16, height: 16, ariaHidden: 'true', focusable: 'false' },
  children: [
    {
      type: 'element',
      tagName: 'path',
      properties: {
        fill: 'currentColor',
        d: 'M7.8 4.6 9.4 3a3.2 3.2 0 0 1 4.6 4.6l-2.3 2.3a3.2 3.2 0 0 1-4.6 0l-.5-.5 1.1-1.1.5.5a1.6 1.6 0 0 0 2.3 0l2.3-2.3a1.6 1.6 0 0 0-2.3-2.3L8.9 5.7ZM8.2 11.4 6.6 13A3.2 3.2 0 0 1 2 8.4l2.3-2.3a3.2 3.2 0 0 1 4.6 0l.5.5-1.1 1.1-.5-.5a1.6 1.6 0 0 0-2.3 0L3.2 9.5a1.6 1.6 0 0 0 2.3 2.3l1.6-1.6Z',
      },
      children: [],
    },
  ],
};

/** Appends a visible permalink to each h2–h6, labelled for screen readers with the heading's text. */
export function rehypeHeadingAnchors() {
  const options: AutolinkOptions = {
    behavior: 'append',
    test: ['h2', 'h3', 'h4', 'h5', 'h6'],
    properties: (heading: Element) => ({
      className: ['heading-anchor'],
      ariaLabel: `Link to this section: ${toString(heading).trim()}`,
    }),
    content: () => [structuredClone(LINK_ICON)],
  };
  return rehypeAutolinkHeadings(options);
}
