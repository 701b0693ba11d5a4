import { describe, expect, it } from 'vitest';
import { remarkProgress } from '../../../src/plugins/remark-progress.ts';
import { pageFile, runRemark } from '../../helpers/unified.ts';

describe('remark-progress', () => {
  it('counts each processed page once and leaves the page as it was', async () => {
    let count = 0;
    const onFile = () => void (count += 1);
    const first = await runRemark([[remarkProgress, { onFile }]], pageFile('# Title\n\nText with [a link](./x.md).\n'));
    await runRemark([[remarkProgress, { onFile }]], pageFile('Second page\n'));
    expect(first.markdown).toBe('# Title\n\nText with [a link](./x.md).\n');
    expect(count).toBe(2);
  });
});
