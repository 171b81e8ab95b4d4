import type { FastifyBodyParser, FastifyInstance } from 'fastify';

/**
 * The JSON body parser. An empty body sent as JSON is a body with no fields (`{}`), so the route's validation answers
 * with its field errors (400 VALIDATION_FAILED) rather than 400 MALFORMED_JSON (audit 2026-12-07: a client sending no
 * body to an endpoint with required fields learnt nothing of the fields). Any other body goes to Fastify's own JSON
 * parser, prototype-poisoning checks included: JSON that does not parse, blanks alone among it, stays MALFORMED_JSON.
 */
export function jsonBodyParser(fastify: FastifyInstance): FastifyBodyParser<Buffer> {
  const { onProtoPoisoning, onConstructorPoisoning } = fastify.initialConfig;
  const json = fastify.getDefaultJsonParser(onProtoPoisoning ?? 'error', onConstructorPoisoning ?? 'error');
  return (req, body, done) => {
    if (body.length === 0) done(null, {});
    // secure-json-parse (Fastify's parser) reads a Buffer as it reads a string.
    else void json(req, body as unknown as string, done);
  };
}
