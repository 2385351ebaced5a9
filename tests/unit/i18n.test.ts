import zh from '@/public/_locales/zh_CN/messages.json';
import en from '@/public/_locales/en/messages.json';
import { translate } from '@/components/i18n';

test('every message exists in both zh-CN and English, and neither is empty', () => {
  expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  for (const [key, entry] of [...Object.entries(zh), ...Object.entries(en)]) {
    expect(entry.message.trim(), key).not.toBe('');
  }
});

test('translate picks the chosen language and fills numbered substitutions', () => {
  expect(translate('zh-CN', 'extName')).toContain('SellerNav');
  expect(translate('en', 'extName')).toMatch(/^SellerNav/);
  expect(translate('en', 'extName')).not.toEqual(translate('zh-CN', 'extName'));
});
