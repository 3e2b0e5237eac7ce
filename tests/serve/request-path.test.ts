import { describe, expect, it } from 'vitest';
import { requestPathOf } from '../../src/serve/request-path.js';

describe('requestPathOf', () => {
  it.each([
    ['/', '', { kind: 'site', path: '', directory: true }],
    ['/publications/', '', { kind: 'site', path: 'publications', directory: true }],
    ['/publications', '', { kind: 'site', path: 'publications', directory: false }],
    ['/assets/css/folio.css', '', { kind: 'site', path: 'assets/css/folio.css', directory: false }],
    ['/caf%C3%A9/', '', { kind: 'site', path: 'café', directory: true }],
    ['/my%20talk.pdf', '', { kind: 'site', path: 'my talk.pdf', directory: false }],
    ['/repo/', '/repo', { kind: 'site', path: '', directory: true }],
    ['/repo', '/repo', { kind: 'site', path: '', directory: false }],
    ['/repo/cv/', '/repo', { kind: 'site', path: 'cv', directory: true }],
    ['/my%20repo/cv/', '/my%20repo', { kind: 'site', path: 'cv', directory: true }],
    ['/', '/repo', { kind: 'outside' }],
    ['/cv/', '/repo', { kind: 'outside' }],
    ['/repository/', '/repo', { kind: 'outside' }],
  ] as const)('%s under base "%s"', (pathname, base, expected) => {
    expect(requestPathOf(pathname, base)).toEqual(expected);
  });

  it.each([
    '/../package.json',
    '/a/../../package.json',
    '/%2e%2e/package.json',
    '/%2E%2e/package.json',
    '/..%2fpackage.json',
    '/..%2Fpackage.json',
    '/..%5cpackage.json',
    '/..\\package.json',
    '/./index.html',
    '//etc/passwd',
    '/a//b',
    '/%2fetc%2fpasswd',
    '/index.html%00',
    '/index\0.html',
    '/%E0%A4%A',
    'http://example.org/index.html',
    'C:\\Windows\\win.ini',
    '*',
    '',
  ])('forbids %j', (pathname) => {
    expect(requestPathOf(pathname, '')).toEqual({ kind: 'forbidden' });
    expect(requestPathOf(pathname, '/repo')).toEqual({ kind: 'forbidden' });
  });
});
