// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageTextFromHtml } from '@/cli/commands/match';
import { readPageText } from '@/entrypoints/sellercentral.content/page-text';

const fixtures = join(process.cwd(), 'tests/fixtures/sellercentral');
const pages: { file: string; url: string }[] = JSON.parse(
  readFileSync(join(fixtures, 'pages.json'), 'utf8'),
).pages;

function load(html: string) {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.replaceChild(document.importNode(parsed.documentElement, true), document.documentElement);
}

describe('the content script reads a page exactly as `catalog match --html` does', () => {
  test.each(pages)('$file', ({ file, url }) => {
    const html = readFileSync(join(fixtures, file), 'utf8');
    load(html);
    expect(readPageText(url)).toEqual({ url, ...pageTextFromHtml(html) });
  });
});

describe('what the seller typed never reaches the matcher', () => {
  test('values typed into inputs, textareas and editable headings are not read', () => {
    load(readFileSync(join(fixtures, 'orders.en.html'), 'utf8'));
    for (const field of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
      'input, textarea',
    )) {
      field.value = 'CANARY-typed';
    }
    const editable = document.querySelector('[contenteditable="true"]')!;
    editable.textContent = 'CANARY-edited';
    const snapshot = readPageText('https://sellercentral.amazon.com/orders-v3');
    expect(JSON.stringify(snapshot)).not.toContain('CANARY');
    expect(snapshot.headings).toContain('Manage Orders');
  });

  test('a heading holding a field keeps its own words and drops the field', () => {
    load(
      '<html><head><title>T</title></head><body><h1>Find <input value="x"> orders <textarea>CANARY</textarea></h1></body></html>',
    );
    (document.querySelector('input') as HTMLInputElement).value = 'CANARY-typed';
    expect(readPageText('https://sellercentral.amazon.com/x').headings).toEqual(['Find orders']);
  });
});
