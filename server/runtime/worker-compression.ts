/**
 * WebSocket compression (permessage-deflate, RFC 7692) on Workers: the `Sec-WebSocket-Extensions`
 * answer a board's object puts on its 101 response. With the `web_socket_compression` flag (on by
 * compatibility date since 2023-08-15) workerd agrees compression by itself when the client offers
 * it and the response names none, keeping each socket's zlib window between messages; naming it
 * here takes the same compression without that window ("no context takeover" both ways), so the
 * runtime holds no compression state per idle socket. A client that offers nothing gets nothing.
 */

/** Parameters of one permessage-deflate offer that this answer understands. */
const known = new Set(['server_no_context_takeover', 'client_no_context_takeover', 'server_max_window_bits', 'client_max_window_bits']);

/**
 * The answer to a client's `Sec-WebSocket-Extensions` offer, or null to agree none. Takes the
 * first permessage-deflate offer whose parameters are all known and well formed (RFC 7692 §5);
 * a `server_max_window_bits` the client asked for is kept, as the RFC requires.
 */
export function deflateAnswer(offer: string | null): string | null {
  if (!offer) return null;
  for (const one of offer.split(',')) {
    const [name, ...params] = one.split(';').map((part) => part.trim());
    if (name?.toLowerCase() !== 'permessage-deflate') continue;
    let serverWindow: string | null = null;
    let acceptable = true;
    for (const param of params) {
      const [key = '', value] = param.split('=').map((part) => part.trim().replace(/^"(.*)"$/, '$1'));
      const lower = key.toLowerCase();
      if (!known.has(lower)) acceptable = false;
      else if (lower === 'server_max_window_bits') {
        if (!value || !/^(8|9|1[0-5])$/.test(value)) acceptable = false;
        else serverWindow = value;
      } else if (lower === 'client_max_window_bits') {
        if (value !== undefined && !/^(8|9|1[0-5])$/.test(value)) acceptable = false;
      } else if (value !== undefined) acceptable = false;
    }
    if (!acceptable) continue;
    return ['permessage-deflate', 'server_no_context_takeover', 'client_no_context_takeover', ...(serverWindow ? [`server_max_window_bits=${serverWindow}`] : [])].join('; ');
  }
  return null;
}
