import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageTextFromHtml, run } from '@/cli/commands/match';
import { CliError } from '@/cli/errors';

const fixtures = join(process.cwd(), 'tests/fixtures/sellercentral');
const feed = join(fixtures, 'tips-feed.json');
const pages: { file: string; url: string; first: string | null }[] = JSON.parse(
  readFileSync(join(fixtures, 'pages.json'), 'utf8'),
).pages;

async function matchCli(args: string[]): Promise<{ code: number; out: unknown }> {
  let written = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written += String(chunk);
    return true;
  });
  try {
    const code = await run(args);
    return { code, out: JSON.parse(written) };
  } finally {
    spy.mockRestore();
  }
}

describe('catalog match on the Seller Central fixture pages', () => {
  test.each(pages)('$file at $url', async ({ file, url, first }) => {
    const { code, out } = await matchCli(['--feed', feed, '--url', url, '--html', join(fixtures, file)]);
    expect(code).toBe(0);
    const ids = (out as { id: string }[]).map((m) => m.id);
    if (first === null) expect(ids).toEqual([]);
    else expect(ids[0]).toBe(first);
    expect(ids).not.toContain('guide-orders-old');
    expect(ids).not.toContain('tool-freight');
  });

  test('without --html the URL alone still finds the page guide', async () => {
    const { out } = await matchCli([
      '--feed',
      feed,
      '--url',
      'https://sellercentral.amazon.de/ap/forgotpassword',
    ]);
    expect((out as { id: string }[])[0]?.id).toBe('guide-password-reset');
  });

  test('a look-alike host prints an empty array', async () => {
    const { code, out } = await matchCli([
      '--feed',
      feed,
      `--url=https://sellercentral.amazon.com.evil.example/ap/forgotpassword`,
    ]);
    expect(code).toBe(0);
    expect(out).toEqual([]);
  });

  test('bad invocations are one clear line', async () => {
    await expect(run(['--url', 'https://sellercentral.amazon.com/'])).rejects.toThrow(/--feed is required/);
    await expect(run(['--feed', feed])).rejects.toThrow(/--url is required/);
    await expect(run(['--feed', feed, '--url'])).rejects.toThrow(/--url needs a value/);
    await expect(run(['--feed', feed, '--url', 'https://x/', '--bogus'])).rejects.toThrow(CliError);
    await expect(
      run([
        '--feed',
        feed,
        '--url',
        'https://sellercentral.amazon.com/',
        '--html',
        join(fixtures, 'missing.html'),
      ]),
    ).rejects.toThrow(/missing\.html: no such file/);
  });
});

describe('page text from HTML', () => {
  test('reads title, h1–h3 and breadcrumbs', () => {
    const text = pageTextFromHtml(readFileSync(join(fixtures, 'send-to-amazon.en.html'), 'utf8'));
    expect(text).toEqual({
      title: 'Send to Amazon | Amazon Seller Central',
      headings: ['Send to Amazon', 'Choose inventory to send', 'Ship from'],
      breadcrumbs: ['Seller Central Send to Amazon'],
    });
  });

  test('never reads form fields, options, editable regions or hidden text', () => {
    const html = `<title>T</title><h1>Orders <input value="CANARY-1"> <textarea>CANARY-2</textarea></h1>
      <h2><select><option>CANARY-3</option></select> Returns</h2>
      <h2 contenteditable="true">CANARY-4</h2><div contenteditable><h3>CANARY-5</h3></div>
      <h3 hidden>CANARY-6</h3><h3 aria-hidden="true">CANARY-7</h3><h3><button>CANARY-8</button>Payments</h3>
      <nav aria-label="breadcrumb"><input value="CANARY-9">Home</nav><p>CANARY-10</p>`;
    const text = pageTextFromHtml(html);
    expect(JSON.stringify(text)).not.toContain('CANARY');
    expect(text.headings).toEqual(['Orders', 'Returns', 'Payments']);
    expect(text.breadcrumbs).toEqual(['Home']);
  });
});
