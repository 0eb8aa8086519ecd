/**
 * Links in comments (client/src/board/comments/comment-links.ts): only http and https addresses
 * become links, punctuation after an address stays the sentence's, and the pieces always join
 * back into the comment's exact words.
 */
import { describe, expect, it } from 'vitest';
import { linkPieces, safeHref } from '../../client/src/board/comments/comment-links.ts';

const links = (body: string) => linkPieces(body).filter((piece) => piece.href !== undefined);

describe('links in comments', () => {
  it('finds http and https addresses and leaves the words around them as they are', () => {
    const body = 'See https://www.nhs.uk/conditions/ and http://example.org/a?b=1#c, thanks.\nSecond line';
    const pieces = linkPieces(body);
    expect(pieces.map((piece) => piece.text).join('')).toBe(body);
    expect(links(body)).toEqual([
      { text: 'https://www.nhs.uk/conditions/', href: 'https://www.nhs.uk/conditions/' },
      { text: 'http://example.org/a?b=1#c', href: 'http://example.org/a?b=1#c' },
    ]);
  });

  it('never makes a link of javascript:, data: or other schemes, however written', () => {
    for (const body of ['javascript:alert(1)', 'JavaScript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'file:///etc/passwd', 'www.nhs.uk']) {
      expect(links(body)).toEqual([]);
      expect(linkPieces(body).map((piece) => piece.text).join('')).toBe(body);
    }
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('https://')).toBeNull();
  });

  it('keeps a closing bracket that belongs to the address and drops sentence punctuation', () => {
    expect(links('(see https://en.wikipedia.org/wiki/Triage_(medicine)).')).toEqual([
      { text: 'https://en.wikipedia.org/wiki/Triage_(medicine)', href: 'https://en.wikipedia.org/wiki/Triage_(medicine)' },
    ]);
    expect(links('Is it https://example.org?')).toEqual([{ text: 'https://example.org', href: 'https://example.org/' }]);
  });

  it('stops an address at quotes and angle brackets, so no markup can ride along', () => {
    const [link] = links('https://example.org/"><img src=x onerror=alert(1)>');
    expect(link).toEqual({ text: 'https://example.org/', href: 'https://example.org/' });
  });
});
