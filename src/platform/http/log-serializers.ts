import type { FastifyRequest } from 'fastify';

/**
 * How a request appears in the server log: its path without the query string, because a search
 * may carry a resident ID or phone number (the member list finds a member by either), and no
 * log line may hold one (DOMAIN §12 DB-09, AS-25).
 */
export const requestLogSerializers = {
  req(request: FastifyRequest) {
    return {
      method: request.method,
      url: request.url.split('?')[0],
      hasQuery: request.url.includes('?'),
      remoteAddress: request.ip,
    };
  },
};

/** Pino options with the request serializer added; `false` stays silent. */
export function withRequestSerializers(logger: boolean | object): boolean | object {
  if (logger === false) return false;
  return { ...(logger === true ? {} : logger), serializers: requestLogSerializers };
}
