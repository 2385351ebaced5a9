import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import { parseFeed } from '../../../../core/feed/index';

const doc = readFileSync('docs/feed-format.md', 'utf8');
const schema = JSON.parse(readFileSync('docs/feed.schema.json', 'utf8')) as object;
const examples = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(schema);
const enc = new TextEncoder();

describe('docs/feed-format.md', () => {
  test('has examples to check', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  test.each(examples.map((text, i) => [i + 1, text]))(
    'example %i is valid by the schema and parses cleanly',
    (_n, text) => {
      const feed = JSON.parse(text as string) as unknown;
      expect(validate(feed), JSON.stringify(validate.errors)).toBe(true);
      const parsed = parseFeed({ bytes: enc.encode(text as string) });
      expect(parsed.warnings).toEqual([]);
    },
  );

  test('the schema refuses what the reader would drop or repair', () => {
    const base = JSON.parse(examples[0]!) as { items: unknown[] };
    const withItem = (item: unknown) => ({ ...base, items: [item] });
    expect(validate(withItem({ id: 'x', url: 'javascript:alert(1)', title: 't' }))).toBe(false);
    expect(validate(withItem({ id: 'x', title: 't', tags: 'one' }))).toBe(false);
    expect(validate(withItem({ id: 'x', title: 't', _sellernav: { kind: 'video' } }))).toBe(false);
    expect(validate(withItem({ id: 'x' }))).toBe(false);
    expect(validate(withItem({ id: 'x', title: 't', date_published: 'Thu, 17 Aug 2023' }))).toBe(false);
    expect(validate(withItem({ url: 'https://a.example/', unknown_field: 1 }))).toBe(true);
  });
});
