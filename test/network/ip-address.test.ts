import {
  formatIp, hasHostBits, maskedCidr, parseCidr, parseIp, parseIpv4, parseIpv6,
} from '../../lib/network/ip-address';

describe('ip-address', () => {
  test.each(['0.0.0.0', '10.0.0.1', '255.255.255.255'])('parses the IPv4 address %s', (text) => {
    expect(formatIp(parseIpv4(text)!)).toBe(text);
  });

  test.each(['256.0.0.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', '1.2.3.4 ', '', 'a.b.c.d'])(
    'refuses the IPv4 text %j', (text) => {
      expect(parseIpv4(text)).toBeUndefined();
    });

  test.each([
    ['::', '::'],
    ['::1', '::1'],
    ['2001:DB8::1', '2001:db8::1'],
    ['fe80:0:0:0:0:0:0:1', 'fe80::1'],
    ['1:2:3:4:5:6:7::', '1:2:3:4:5:6:7:0'],
    ['::ffff:10.0.0.1', '::ffff:a00:1'],
    ['1:0:0:2:0:0:0:3', '1:0:0:2::3'],
  ])('parses the IPv6 address %s', (text, formatted) => {
    expect(formatIp(parseIpv6(text)!)).toBe(formatted);
  });

  test.each([':::', '1::2::3', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', '12345::', 'fe80::1%eth0', '1.2.3.4::',
    '::1.2.3', 'g::1', '1:2:3:4:5:6:7:8::'])('refuses the IPv6 text %j', (text) => {
    expect(parseIpv6(text)).toBeUndefined();
  });

  test('parses either family', () => {
    expect(parseIp('10.0.0.1')?.family).toBe(4);
    expect(parseIp('fd00::1')?.family).toBe(6);
  });

  test.each(['10.0.0.0/8', '0.0.0.0/0', '10.0.0.1/32', '2001:db8::/32', '::/0'])('parses the CIDR %s', (text) => {
    expect(hasHostBits(parseCidr(text)!)).toBe(false);
  });

  test.each(['10.0.0.0', '10.0.0.0/', '10.0.0.0/08', '10.0.0.0/33', '::/129', '10.0.0.0/8/8'])(
    'refuses the CIDR text %j', (text) => {
      expect(parseCidr(text)).toBeUndefined();
    });

  test.each([
    ['10.1.2.3/8', '10.0.0.0/8'],
    ['192.168.1.7/23', '192.168.0.0/23'],
    ['2001:db8::1/32', '2001:db8::/32'],
  ])('masks %s to %s', (text, masked) => {
    const network = parseCidr(text)!;
    expect(hasHostBits(network)).toBe(true);
    expect(maskedCidr(network)).toBe(masked);
  });
});
