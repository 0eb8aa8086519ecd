/**
 * A comment's words as the page shows them: plain text with its line breaks kept (comments.css),
 * and http(s) addresses as links that are safe to click. Built from text nodes and <a> elements
 * (comment-links.ts) — never HTML from the text — and opened in a new tab without giving the new
 * page any hold on this one or any credit from it (rel="noopener noreferrer nofollow").
 */
import { For } from 'solid-js';
import { linkPieces } from './comment-links.ts';

export function CommentBody(props: { text: string }) {
  return (
    <For each={linkPieces(props.text)}>
      {(piece) =>
        piece.href === undefined ? (
          piece.text
        ) : (
          <a href={piece.href} target="_blank" rel="noopener noreferrer nofollow" class="comment__link">
            {piece.text}
            <span class="visually-hidden"> (opens in a new tab)</span>
          </a>
        )
      }
    </For>
  );
}
