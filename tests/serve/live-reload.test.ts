import { describe, expect, it } from 'vitest';
import { CLIENT_SCRIPT, injectClient } from '../../src/serve/live-reload.js';

describe('injectClient', () => {
  it('adds the script tag before the last </body>, whatever its case', () => {
    expect(injectClient('<p>"</body>"</p></BODY></html>', 'abc-1')).toBe('<p>"</body>"</p><script src="/__folio/client.js" data-build="abc-1" defer></script></BODY></html>');
  });

  it('appends it to a page without </body>', () => {
    expect(injectClient('<p>hi', 'abc-1')).toBe('<p>hi<script src="/__folio/client.js" data-build="abc-1" defer></script>');
  });

  it('keeps only word characters and dashes of the build id', () => {
    expect(injectClient('', '"><img src=x>')).toContain('data-build="imgsrcx"');
  });
});

describe('the client script', () => {
  it('is valid JavaScript', () => {
    expect(() => new Function(CLIENT_SCRIPT)).not.toThrow();
  });

  it('puts the problems into the page as text, never as HTML', () => {
    expect(CLIENT_SCRIPT).toContain('textContent');
    expect(CLIENT_SCRIPT).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });
});
