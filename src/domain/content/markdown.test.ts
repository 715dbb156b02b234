import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.ts';

describe('Markdown rendering', () => {
  it('renders the usual Markdown', () => {
    const html = renderMarkdown('Tekst med **fed** og *kursiv*.\n\n- en\n- to');
    expect(html).toContain('<strong>fed</strong>');
    expect(html).toContain('<em>kursiv</em>');
    expect(html).toContain('<li>en</li>');
  });

  it('escapes raw HTML instead of rendering it', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n<a href="javascript:x">a</a>',
    );
    expect(html).not.toMatch(/<script|<img|<a /);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('keeps only http(s) and mailto links', () => {
    const html = renderMarkdown(
      '[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](java&#x09;script:alert(1)) [d](data:text/html,x) [e](vbscript:x) [f](/relative)',
    );
    expect(html).not.toContain('<a');
    const ok = renderMarkdown('[web](https://example.com/a?b=1&c=2) [mail](mailto:info@example.com)');
    expect(ok).toContain('<a href="https://example.com/a?b=1&amp;c=2" rel="nofollow noopener">web</a>');
    expect(ok).toContain('<a href="mailto:info@example.com">mail</a>');
  });

  it('does not let a link title break out of its attribute', () => {
    const html = renderMarkdown('[t](https://example.com "x\\" onmouseover=\\"alert(1)")');
    expect(html).toContain('title="x&quot; onmouseover=&quot;alert(1)"');
    expect(html).not.toMatch(/"\s+onmouseover=/);
  });

  it('turns images into links, and unsafe images into their alt text', () => {
    expect(renderMarkdown('![Logo](https://example.com/logo.png)')).toContain(
      '<a href="https://example.com/logo.png" rel="nofollow noopener">Logo</a>',
    );
    const unsafe = renderMarkdown('![<b>x</b>](javascript:alert(1))');
    expect(unsafe).not.toMatch(/<a|<img|<b>/);
  });

  it('moves headings one level down below the page title', () => {
    expect(renderMarkdown('# Overskrift\n\n###### Lille')).toBe('<h2>Overskrift</h2>\n<h6>Lille</h6>\n');
  });
});
