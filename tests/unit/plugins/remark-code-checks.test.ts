import { describe, expect, it } from 'vitest';
import { remarkCodeChecks } from '../../../src/plugins/remark-code-checks.ts';
import { pageFile, runRemark } from '../../helpers/unified.ts';

describe('remark-code-checks', () => {
  it('records the validator of each checked block by its position, leaves other blocks out and the page unchanged', async () => {
    const input =
      '# Page\n\n```json\n{"a": 1}\n```\n\n```text\nplain\n```\n\n```yaml skip-check="a Helm template"\nx: {{ .Values.x }}\n```\n\n- item\n\n  ```promql\n  up\n  ```\n';
    const { markdown, file } = await runRemark([remarkCodeChecks], pageFile(input));
    expect(markdown).toBe(input);
    expect(file.data.codeChecks).toEqual({ '3:1': 'JSON parser', '17:3': 'PromQL grammar' });
  });
});
