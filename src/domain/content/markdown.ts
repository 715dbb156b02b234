import createMarkdown, { type MarkdownIt, type RendererRule } from 'markdown-it';

/**
 * Markdown written by users, rendered to HTML that is safe to put in a page as it is: raw HTML
 * is escaped, links are kept only for http(s) and mailto, and links to other sites get
 * rel="nofollow noopener". Images become links to the image (the CSP blocks other sites' images,
 * and a text with pictures from anywhere is a tracking risk). Headings move one level down
 * because the page's own title is the h1.
 */
const ALLOWED_LINK = /^(https?:\/\/|mailto:)/i;

function createRenderer(): MarkdownIt {
  const md = createMarkdown('default', { html: false, linkify: true, typographer: false });
  // A link that fails here is rendered as its plain text.
  md.validateLink = (url: string) => ALLOWED_LINK.test(url.trim());

  md.core.ruler.push('shift_headings', (state) => {
    for (const token of state.tokens) {
      if (token.type === 'heading_open' || token.type === 'heading_close') {
        token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + 1)}`;
      }
    }
  });

  const defaultLinkOpen: RendererRule = (tokens, idx, options, _env, self) =>
    self.renderToken(tokens, idx, options);
  const linkOpen = md.renderer.rules.link_open ?? defaultLinkOpen;
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    if (token && /^https?:/i.test(String(token.attrGet('href') ?? '')))
      token.attrSet('rel', 'nofollow noopener');
    return linkOpen(tokens, idx, options, env, self);
  };

  md.renderer.rules.image = (tokens, idx) => {
    const token = tokens[idx];
    const src = String(token?.attrGet('src') ?? '');
    const alt = md.utils.escapeHtml(token?.content || src);
    if (!ALLOWED_LINK.test(src)) return alt;
    return `<a href="${md.utils.escapeHtml(src)}" rel="nofollow noopener">${alt}</a>`;
  };
  return md;
}

const renderer = createRenderer();

/** Safe HTML of a Markdown text. */
export function renderMarkdown(source: string): string {
  return renderer.render(source);
}
