import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cssFetchesOutside, sanitizeSvg } from '../../src/lib/sanitize-svg.ts';

const svg = (body: string, attributes = '') => {
  const open = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"${attributes}`;
  return body ? `${open}>${body}</svg>` : `${open}/>`;
};

describe('sanitizeSvg', () => {
  // jsdom loads on the first SVG (about a second, more on a busy machine): not within the first test's time.
  beforeAll(() => void sanitizeSvg(svg('')), 60_000);

  it.each([
    ['a script element', svg('<script>alert(1)</script><rect width="1" height="1"/>'), svg('<rect width="1" height="1"/>'), ['<script>']],
    [
      'an event handler',
      svg('<rect width="1" height="1" onclick="alert(1)"/>', ' onload="alert(1)"'),
      svg('<rect width="1" height="1"/>'),
      ['<svg onload>', '<rect onclick>'],
    ],
    ['a javascript: link', svg('<a xlink:href="javascript:alert(1)"><text>x</text></a>'), svg('<a><text>x</text></a>'), ['<a xlink:href>']],
    [
      'a data: link',
      svg('<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"><text>x</text></a>'),
      svg('<a><text>x</text></a>'),
      ['<a href>'],
    ],
    [
      'a foreignObject',
      svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/></div></foreignObject>'),
      svg(''),
      ['<foreignObject>'],
    ],
    ['an external image', svg('<image href="https://evil.example/x.png"/>'), svg('<image/>'), ['<image href>']],
    [
      'a <use> of another origin',
      svg('<use href="https://evil.example/x.svg#a"/><use xlink:href="//evil.example/x.svg#b"/>'),
      svg('<use/><use/>'),
      ['<use href>', '<use xlink:href>'],
    ],
    ['a stylesheet import', svg('<style>@import url(https://evil.example/x.css);</style>'), svg(''), ['<style>']],
    [
      'an external url() in an attribute, escaped',
      svg('<rect width="1" height="1" fill="u\\72 l(https://evil.example/#x)" style="fill: url(&quot;//evil.example/a&quot;)"/>'),
      svg('<rect width="1" height="1"/>'),
      ['<rect fill>', '<rect style>'],
    ],
    [
      'an attribute animation',
      svg(
        '<a href="#x"><set attributeName="href" to="javascript:alert(1)"/><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a>',
      ),
      svg('<a href="#x"><text>x</text></a>'),
      ['<set>', '<animate>'],
    ],
  ])('removes %s', (_, input, expected, removed) => {
    expect(sanitizeSvg(input)).toEqual({ svg: `${expected}\n`, removed });
  });

  it('keeps shapes, text, title, gradients, markers, local references, links to web pages and styles without outside URLs', () => {
    const kept = svg(
      '<title>Flow</title><desc>Two boxes</desc><style>.box { fill: url(#g); stroke: #111 }</style>' +
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient>' +
        '<marker id="m" viewBox="0 0 10 10" refX="9" refY="5" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z"/></marker>' +
        '<symbol id="s"><circle r="2"/></symbol></defs>' +
        '<rect class="box" x="1" y="1" width="4" height="4" rx="1"/><line x1="0" y1="0" x2="5" y2="5" marker-end="url(#m)"/>' +
        '<use xlink:href="#s" x="5"/><image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>' +
        '<a href="https://kubernetes.io/docs/"><text x="1" y="9" font-size="2">Docs &amp; more <tspan font-weight="700">é</tspan></text></a>',
      ' role="img" aria-labelledby="t"',
    );
    expect(sanitizeSvg(kept)).toEqual({ svg: `${kept}\n`, removed: [] });
  });

  it('leaves a title-less diagram as it is', () => {
    const plain = svg('<rect width="1" height="1" fill="#fff"/>');
    expect(sanitizeSvg(plain)).toEqual({ svg: `${plain}\n`, removed: [] });
  });

  it('drops the XML prolog and comments, and writes the same bytes every time', () => {
    const source = `<?xml version="1.0" encoding="UTF-8"?>\n<!-- made by hand -->\n${svg('<circle r="1"/>')}`;
    expect(sanitizeSvg(source).svg).toBe(`${svg('<circle r="1"/>')}\n`);
    expect(sanitizeSvg(source)).toEqual(sanitizeSvg(source));
  });

  it('turns a file that holds no SVG into an empty one', () => {
    const result = sanitizeSvg('<html><script>alert(1)</script></html>');
    expect(result.svg).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>\n');
    expect(result.removed[0]).toBe('<svg>');
  });

  it("keeps every shape of the handbook's own diagram", () => {
    const source = readFileSync('content/06-infrastructure/cicd/pipeline.svg', 'utf8');
    const { svg: clean, removed } = sanitizeSvg(source);
    expect(removed).toEqual([]);
    const count = (text: string) => text.match(/<(rect|text|path|line|marker|title|desc)\b/g)?.length;
    expect(count(clean)).toBe(count(source));
  });
});

describe('cssFetchesOutside', () => {
  it('finds imports, outside url()s and image functions, through comments and escapes', () => {
    expect(cssFetchesOutside('@import "x.css";')).toBe(true);
    expect(cssFetchesOutside('a { fill: URL( x.svg#a ) }')).toBe(true);
    expect(cssFetchesOutside('a { background: image-set("x.png" 1x) }')).toBe(true);
    expect(cssFetchesOutside('a { fill: \\75 rl(//evil.example/) }')).toBe(true);
    expect(cssFetchesOutside('@im/**/port "x.css";')).toBe(true);
  });
  it('accepts local fragment references and plain colours', () => {
    expect(cssFetchesOutside('a { fill: url(#g); marker-end: url( "#m" ) } b { fill: #fff }')).toBe(false);
  });
});
