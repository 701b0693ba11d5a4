import { zlibSync } from 'fflate';
import type { Random } from './prng.ts';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** Returns a small accessible SVG diagram: a row of labelled boxes joined by arrows. */
export function diagramSvg(random: Random, title: string, labels: string[]): string {
  const boxes = labels.map((label, i) => {
    const x = 10 + i * 150;
    const hue = random.int(0, 359);
    return [
      `  <rect x="${x}" y="20" width="120" height="50" rx="6" fill="hsl(${hue} 60% 85%)" stroke="#333"/>`,
      `  <text x="${x + 60}" y="50" text-anchor="middle" font-family="sans-serif" font-size="13">${escapeXml(label)}</text>`,
      i > 0 ? `  <path d="M${x - 30} 45 H${x - 4}" stroke="#333" marker-end="url(#arrow)"/>` : '',
    ]
      .filter(Boolean)
      .join('\n');
  });
  const width = 20 + labels.length * 150;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} 90" width="${width}" height="90" role="img" aria-labelledby="t d">`,
    `  <title id="t">${escapeXml(title)}</title>`,
    `  <desc id="d">${escapeXml(labels.join(', then '))}</desc>`,
    '  <defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0 0 L10 5 L0 10 z"/></marker></defs>',
    ...boxes,
    '</svg>',
    '',
  ].join('\n');
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Returns a small RGB PNG (a screenshot-sized gradient with noise), a few kilobytes. */
export function screenshotPng(random: Random, width = 96, height = 60): Uint8Array {
  const raw = new Uint8Array((width * 3 + 1) * height);
  const [r0, g0, b0] = [random.int(0, 255), random.int(0, 255), random.int(0, 255)];
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x += 1) {
      const noise = random.int(0, 15);
      raw[row + 1 + x * 3] = (r0 + x * 2 + noise) & 0xff;
      raw[row + 2 + x * 3] = (g0 + y * 3 + noise) & 0xff;
      raw[row + 3 + x * 3] = (b0 + x + y) & 0xff;
    }
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8);
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlibSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
