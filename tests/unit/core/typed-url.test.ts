import { expect, test } from 'vitest';
import { originMatchPattern, parseTypedHttpUrl } from '@/core/urls';

// The settings page (permission request) and the background (subscription) both read a typed feed address
// through parseTypedHttpUrl; these are the readings a seller depends on.

test('an address typed without a scheme means https', () => {
  expect(parseTypedHttpUrl('nav.example.cn/feed')?.href).toBe('https://nav.example.cn/feed');
  expect(parseTypedHttpUrl('http://nav.example.cn/feed')?.href).toBe('http://nav.example.cn/feed');
  expect(parseTypedHttpUrl('HTTPS://Nav.Example.CN')?.href).toBe('https://nav.example.cn/');
});

test('anything but an http(s) address with a host is refused', () => {
  for (const typed of [
    'ftp://nav.example.cn/feed',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'https://',
    '',
    'a b',
  ]) {
    expect(parseTypedHttpUrl(typed), typed).toBeNull();
  }
});

test('the permission pattern covers the feed origin only', () => {
  expect(originMatchPattern('https://nav.example.cn:8443/a/feed?x=1#top')).toBe(
    'https://nav.example.cn:8443/*',
  );
});
