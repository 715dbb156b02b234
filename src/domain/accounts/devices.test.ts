import { describe, expect, it } from 'vitest';
import { coarseNetwork, describeDevice } from './devices.ts';

describe('describeDevice', () => {
  it('names the browser and the system of common user agents', () => {
    const cases: [string, string][] = [
      [
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0',
        'Firefox, Windows',
      ],
      [
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
        'Chrome, Linux',
      ],
      [
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87',
        'Edge, Windows',
      ],
      [
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
        'Safari, iOS',
      ],
      [
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
        'Safari, macOS',
      ],
      [
        'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
        'Chrome, Android',
      ],
      ['curl/8.5.0', ''],
    ];
    expect(cases.map(([ua]) => describeDevice(ua))).toEqual(cases.map(([, device]) => device));
    expect(describeDevice(undefined)).toBe('');
  });
});

describe('coarseNetwork', () => {
  it('keeps an IPv4 /24 and an IPv6 /48, never the address', () => {
    expect(coarseNetwork('192.0.2.55')).toBe('192.0.2.0/24');
    expect(coarseNetwork('::ffff:198.51.100.7')).toBe('198.51.100.0/24');
    expect(coarseNetwork('2001:db8:85a3:8d3:1319:8a2e:370:7348')).toBe('2001:db8:85a3::/48');
    expect(coarseNetwork('2001:db8::1')).toBe('2001:db8:0::/48');
    expect(coarseNetwork('::1')).toBe('0:0:0::/48');
  });

  it('records nothing for what is not an address', () => {
    expect(
      ['local', 'unknown', '', undefined, '300.1.1.1', '1:2:3:4:5:6:7:8:9', 'a::b::c'].map(coarseNetwork),
    ).toEqual(['', '', '', '', '', '', '']);
  });
});
