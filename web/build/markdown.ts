// Markdown with $…$ and $$…$$ math rendered by KaTeX at build time (no math code ships to the page).
import katex from 'katex';
import MarkdownIt from 'markdown-it';
import texmath from 'markdown-it-texmath';

const markdown = new MarkdownIt({ html: true, typographer: true }).use(texmath, {
  engine: katex,
  delimiters: 'dollars',
  katexOptions: { throwOnError: true, output: 'htmlAndMathml' },
});

export function renderMarkdown(source: string): string {
  return markdown.render(source);
}

/** Renders \( … \) math written directly in a page's HTML (outside Markdown). */
export function renderInlineMath(html: string): string {
  return html.replace(/\\\((.+?)\\\)/gs, (_m, tex: string) =>
    katex.renderToString(tex.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'), { throwOnError: true }),
  );
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
