// @vitest-environment jsdom
import { sanitizeHtml } from '@/core/sanitize';
import { sanitizeForReader } from '@/components/shared/SafeHtml';
import { XSS_VECTORS } from '../../fixtures/hostile/xss-vectors';
import { unsafeParts } from '../../fixtures/hostile/safety';

function parse(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

test('the hostile corpus is large enough to mean something', () => {
  expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(200);
});

describe('sync-time sanitizer (core, no DOM)', () => {
  test.each(XSS_VECTORS.map((v) => [v]))('defuses %s', (vector) => {
    const clean = sanitizeHtml(vector, 'https://nav.example.cn/guides/a');
    expect(unsafeParts(parse(clean))).toEqual([]);
    expect(sanitizeHtml(clean, 'https://nav.example.cn/guides/a')).toBe(clean);
  });
});

describe('render-time sanitizer (reader, DOMPurify), fed the raw vector as if the first pass had failed', () => {
  test.each(XSS_VECTORS.map((v) => [v]))('defuses %s', (vector) => {
    expect(unsafeParts(sanitizeForReader(vector, 'https://nav.example.cn/guides/a'))).toEqual([]);
  });
});

test('links that survive open in a new tab without an opener', () => {
  const clean = parse(sanitizeHtml('<a href="/docs" target="_self">docs</a>', 'https://nav.example.cn/g/'));
  const link = clean.querySelector('a')!;
  expect(link.getAttribute('href')).toBe('https://nav.example.cn/docs');
  expect(link.getAttribute('rel')).toContain('noopener');
  expect(link.getAttribute('rel')).toContain('noreferrer');
});
