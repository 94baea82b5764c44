import axios from 'axios';
import { parseBody } from '../../../lambda/registry-client/http-exchange';
import { serializeQuery } from '../../../lambda/registry-client/request-path';

describe('serializeQuery', () => {
  // The transport replaced axios' generic serializer for speed: the wire format must not change.
  const axiosQuery = (params: Record<string, unknown>) => axios.getUri({ url: '/x', params }).replace(/^\/x\??/, '');

  test.each<[string, Record<string, unknown>]>([
    ['all-contexts prefix', { subjectPrefix: ':*:', deleted: true }],
    ['context prefix and paging', { subjectPrefix: ':.ctx:orders', deleted: true, offset: 2000, limit: 1000 }],
    ['characters axios keeps readable or escapes', { subject: "a b,c$d:e!f'g(h)i~j*k&l=m+n/o?p#q%r" }],
    ['non-ASCII', { subject: 'ün ïcødé' }],
    ['false and zero', { deleted: false, offset: 0 }],
  ])('%s: same text as axios', (_, params) => {
    expect(serializeQuery(params)).toBe(axiosQuery(params));
  });

  test('undefined params are left out; none at all gives an empty query', () => {
    expect(serializeQuery({ deleted: undefined, permanent: true })).toBe('permanent=true');
    expect(serializeQuery({ deleted: undefined })).toBe('');
    expect(serializeQuery({})).toBe('');
  });
});

describe('parseBody', () => {
  test('JSON text is parsed', () => {
    expect(parseBody('{"error_code":40408,"message":"not set"}')).toEqual({ error_code: 40408, message: 'not set' });
    expect(parseBody('[1,2]')).toEqual([1, 2]);
  });

  test('text that is not JSON (a proxy error page) and empty bodies stay as received', () => {
    expect(parseBody('<html>502 Bad Gateway</html>')).toBe('<html>502 Bad Gateway</html>');
    expect(parseBody('')).toBe('');
  });
});
