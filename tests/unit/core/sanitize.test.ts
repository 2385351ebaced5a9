import fc from 'fast-check';
import { htmlToText, MAX_HTML_DEPTH, sanitizeHtml } from '../../../core/sanitize';
import { unsafeReason } from '../../../scripts/conformance';

describe('sanitizeHtml', () => {
  test.each([
    ['<p>hi<script>alert(1)</script></p>', '<p>hi</p>'],
    ['<img src="x.png" onerror="alert(1)">', '<img src="x.png" />'],
    ['<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer">x</a>'],
    ['<a href="jav&#x09;ascript:alert(1)">x</a>', '<a rel="noopener noreferrer">x</a>'],
    ['<a href=" data:text/html,x">x</a>', '<a rel="noopener noreferrer">x</a>'],
    ['<a href="vbscript:x">x</a>', '<a rel="noopener noreferrer">x</a>'],
    ['<img src="data:image/png;base64,AAAA">', '<img />'],
    ['<iframe src="https://e.example"></iframe><object data="x"></object><embed src="x">ok', 'ok'],
    [
      '<style>p{}</style><meta http-equiv="refresh"><base href="https://evil.example/"><form><input></form>t',
      't',
    ],
    ['<svg><script>alert(1)</script></svg><math><mi>x</mi></math>end', 'end'],
    ['<p style="x" class="y" id="z">p</p>', '<p>p</p>'],
    [
      '<a href="https://a.example/" target="_blank" rel="opener">a</a>',
      '<a href="https://a.example/" rel="noopener noreferrer">a</a>',
    ],
  ])('%s', (input, expected) => {
    expect(sanitizeHtml(input)).toBe(expected);
  });

  test('resolves relative links and images against the base', () => {
    expect(sanitizeHtml('<a href="../b">b</a><img src="/i.png">', 'https://s.example/a/c/d')).toBe(
      '<a href="https://s.example/a/b" rel="noopener noreferrer">b</a><img src="https://s.example/i.png" />',
    );
  });

  test('keeps structure a guide needs', () => {
    const guide =
      '<h2>步骤</h2><ol><li><strong>打开</strong> 页面</li></ol><table><tr><td colspan="2">x</td></tr></table><pre><code>a &lt; b</code></pre>';
    expect(sanitizeHtml(guide)).toBe(
      '<h2>步骤</h2><ol><li><strong>打开</strong> 页面</li></ol><table><tr><td colspan="2">x</td></tr></table><pre><code>a &lt; b</code></pre>',
    );
  });

  test('cuts content nested past the depth limit, closing what is open, and stays idempotent', () => {
    const deep = `${'<b>'.repeat(50_000)}x${'</i>'.repeat(50_000)}`;
    const once = sanitizeHtml(deep);
    expect(once.startsWith('<b><b>')).toBe(true);
    expect(once.match(/<b>/g)).toHaveLength(MAX_HTML_DEPTH);
    expect(once.match(/<\/b>/g)).toHaveLength(MAX_HTML_DEPTH);
    expect(sanitizeHtml(once)).toBe(once);
  });

  test('plain text passes through untouched', () => {
    expect(sanitizeHtml('亚马逊 seller wiki')).toBe('亚马逊 seller wiki');
  });

  test('htmlToText drops tags and script bodies and decodes entities', () => {
    expect(htmlToText('<p>A&amp;B <b>c</b></p><script>x()</script>&nbsp;d')).toBe('A&B c d');
  });
});

const HTML_TOKENS = [
  '<p>',
  '</p>',
  '<a href="',
  "<a href='",
  'javascript:',
  'JaVaScRiPt:',
  '&#x6A;avascript:',
  'data:',
  'vbscript:',
  '">',
  '<script>',
  '</script>',
  '<img src=x onerror=',
  'onload=',
  '<iframe>',
  '<svg>',
  '<style>',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '&amp;',
  '&lt;',
  '&',
  '<',
  '>',
  '"',
  "'",
  ' ',
  '\n',
  'x',
  '亚马逊',
  '<b>',
  '</b>',
  '<br/>',
  '<table><tr><td>',
  '<math>',
  '<noscript>',
  '<textarea>',
  '<title>',
  '</',
  '<!DOCTYPE html>',
  '<?xml ?>',
  '\u0000',
];
const htmlSoup = fc.array(fc.constantFrom(...HTML_TOKENS), { maxLength: 40 }).map((parts) => parts.join(''));
const anyHtml = fc.oneof(
  htmlSoup,
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
);

describe('sanitizeHtml properties', () => {
  test('is idempotent', () => {
    fc.assert(
      fc.property(anyHtml, fc.constantFrom(null, 'https://b.example/x/'), (html, base) => {
        const once = sanitizeHtml(html, base);
        expect(sanitizeHtml(once, base)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });

  test('never lets a script element, a handler or a script URL through', () => {
    fc.assert(
      fc.property(anyHtml, (html) => {
        expect(unsafeReason(sanitizeHtml(html))).toBeNull();
      }),
      { numRuns: 3000 },
    );
  });
});
