/**
 * The Workers board object's answer to a client's permessage-deflate offer
 * (server/runtime/worker-compression.ts): compression without a kept window both ways, a
 * server_max_window_bits the client asked for kept, nothing for no offer or an offer it cannot
 * honour.
 */
import { describe, expect, it } from 'vitest';
import { deflateAnswer } from '../../server/runtime/worker-compression.ts';

const plain = 'permessage-deflate; server_no_context_takeover; client_no_context_takeover';

describe('deflateAnswer', () => {
  it('answers what browsers and ws offer with no context takeover both ways', () => {
    expect(deflateAnswer('permessage-deflate; client_max_window_bits')).toBe(plain);
    expect(deflateAnswer('permessage-deflate; client_max_window_bits=15')).toBe(plain);
    expect(deflateAnswer('permessage-deflate')).toBe(plain);
    expect(deflateAnswer('Permessage-Deflate; Server_No_Context_Takeover')).toBe(plain);
  });

  it('keeps a server window the client asked for', () => {
    expect(deflateAnswer('permessage-deflate; server_max_window_bits=10')).toBe(`${plain}; server_max_window_bits=10`);
    expect(deflateAnswer('permessage-deflate; server_max_window_bits="9"')).toBe(`${plain}; server_max_window_bits=9`);
  });

  it('takes the first offer it can honour and agrees nothing when there is none', () => {
    expect(deflateAnswer('permessage-deflate; x-unknown, permessage-deflate; client_max_window_bits')).toBe(plain);
    expect(deflateAnswer('permessage-deflate; server_max_window_bits=7')).toBeNull();
    expect(deflateAnswer('permessage-deflate; server_max_window_bits')).toBeNull();
    expect(deflateAnswer('permessage-deflate; server_no_context_takeover=1')).toBeNull();
    expect(deflateAnswer('x-webkit-deflate-frame')).toBeNull();
    expect(deflateAnswer('')).toBeNull();
    expect(deflateAnswer(null)).toBeNull();
  });
});
