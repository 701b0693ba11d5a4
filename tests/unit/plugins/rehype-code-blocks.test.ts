import { afterEach, describe, expect, it, vi } from 'vitest';
import { rehypeCodeBlocks } from '../../../src/plugins/rehype-code-blocks.ts';
import { pageFile, runRehype } from '../../helpers/unified.ts';

const copy = '<button type="button" class="copy-button" data-copy="">Copy</button>';

describe('rehype-code-blocks', () => {
  it('keeps a block without a language as plain, focusable monospace text with a copy button', async () => {
    const { html } = await runRehype([rehypeCodeBlocks], pageFile('<pre><code>+---+\n| a |\n+---+\n</code></pre>'));
    expect(html).toBe(
      `<div class="code-block"><div class="code-header">${copy}</div><pre tabindex="0" class="plain"><code>+---+\n| a |\n+---+\n</code></pre></div>`,
    );
  });
  it('labels an unknown language and leaves its text plain', async () => {
    const { html } = await runRehype([rehypeCodeBlocks], pageFile('<pre><code class="language-nosuchlang">a &#x3C; b</code></pre>'));
    expect(html).toBe(
      `<div class="code-block" data-language="nosuchlang"><div class="code-header"><span class="code-lang">nosuchlang</span>${copy}</div><pre tabindex="0" class="plain"><code class="language-nosuchlang">a &#x3C; b</code></pre></div>`,
    );
  });
  it('highlights a known language with colour classes of both themes and no inline style, and names the validator recorded for the block', async () => {
    const file = pageFile('<pre><code class="language-json">{"a": 1}\n</code></pre>');
    file.data.codeChecks = { '1:1': 'JSON parser' };
    const { html } = await runRehype([rehypeCodeBlocks], file);
    expect(html).toBe(
      '<div class="code-block" data-language="json"><div class="code-header"><span class="code-lang">JSON</span>' +
        '<span class="code-check"><span class="code-check-mark" aria-hidden="true">✓</span> Checked: JSON parser</span>' +
        copy +
        '</div><pre class="shiki shiki-themes github-light-default github-dark-default" tabindex="0"><code>' +
        '<span class="line"><span class="l-1f2328 d-e6edf3">{</span><span class="l-116329 d-7ee787">"a"</span><span class="l-1f2328 d-e6edf3">: </span><span class="l-0550ae d-79c0ff">1</span><span class="l-1f2328 d-e6edf3">}</span></span>' +
        '</code></pre></div>',
    );
  });
  it('colours a line completely however slow the machine is (the same output with a clock that jumps a second per reading)', async () => {
    const source =
      '<pre><code class="language-python">def f(x: int) -> str:\n    return f"{x!r:>10}" if x else "none"  # comment\n</code></pre>';
    const normal = await runRehype([rehypeCodeBlocks], pageFile(source));
    let now = Date.now();
    vi.spyOn(Date, 'now').mockImplementation(() => (now += 1000));
    const slow = await runRehype([rehypeCodeBlocks], pageFile(source));
    expect(slow.html).toBe(normal.html);
    expect(slow.html).toContain('l-6e7781'); // the comment's colour: the end of the line was reached
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});
