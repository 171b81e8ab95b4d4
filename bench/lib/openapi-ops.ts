import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, Reflector } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { PUBLIC_ROUTE, ROUTE_ROLES } from '../../src/auth/decorators';
import type { Role } from '../../src/auth/roles';

/** An OpenAPI 3 schema, as @nestjs/swagger writes them (the subset our document uses). */
export interface Schema {
  $ref?: string;
  type?: 'object' | 'string' | 'number' | 'integer' | 'boolean' | 'array';
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  enum?: unknown[];
  format?: string;
  example?: unknown;
  default?: unknown;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  maxItems?: number;
  pattern?: string;
  additionalProperties?: boolean | Schema;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components: { schemas: Record<string, Schema> };
}

interface RawOperation {
  operationId: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  security?: unknown[];
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One operation of the committed OpenAPI document. */
export interface Operation {
  method: HttpMethod;
  /** OpenAPI path, e.g. `/api/v1/complaints/{id}` */
  path: string;
  operationId: string;
  pathParams: string[];
  /** Required headers (e.g. X-Access-Code) */
  headers: string[];
  /** The JSON request body's schema, when the operation takes one */
  jsonBody?: Schema;
  /** Takes a multipart body (uploads) */
  multipart: boolean;
}

const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** The committed openapi.json (found upwards from this file: works from bench/ and from dist/bench/). */
export function readOpenApi(): OpenApiDocument {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const file = join(dir, 'openapi.json');
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
    if (dirname(dir) === dir) throw new Error('openapi.json not found above ' + __dirname);
  }
}

export function operations(doc: OpenApiDocument): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths))
    for (const [m, op] of Object.entries(item)) {
      const method = m.toUpperCase() as HttpMethod;
      if (!METHODS.includes(method)) continue;
      const content = op.requestBody?.content ?? {};
      out.push({
        method,
        path,
        operationId: op.operationId,
        // From the template: a DTO-typed @Param() is not always listed in `parameters`.
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
        headers: (op.parameters ?? []).filter((p) => p.in === 'header' && p.required).map((p) => p.name),
        jsonBody: content['application/json']?.schema,
        multipart: 'multipart/form-data' in content,
      });
    }
  return out;
}

/** Follows `$ref` and single-element `allOf` wrappers (how swagger writes a described nested DTO). */
export function resolve(doc: OpenApiDocument, s: Schema): Schema {
  let cur = s;
  for (let i = 0; i < 20; i++) {
    if (cur.$ref) {
      const name = cur.$ref.replace('#/components/schemas/', '');
      const target = doc.components.schemas[name];
      if (!target) throw new Error(`unknown schema ${cur.$ref}`);
      cur = { ...target, ...withoutRef(cur) };
    } else if (cur.allOf?.length === 1) {
      const { allOf, ...rest } = cur;
      cur = { ...allOf[0], ...rest };
    } else return cur;
  }
  throw new Error('schema reference cycle');
}

function withoutRef(s: Schema): Schema {
  const { $ref: _ref, ...rest } = s;
  return rest;
}

/** Ids of real objects, by property name (e.g. complaintId), for sample bodies that must point somewhere. */
export type IdHints = Record<string, string | undefined>;

/**
 * A plausible valid value for a schema: the documented example, else the first enum member, else one built from
 * the type, format and property name. Optional object properties are left out (they are often conditional).
 */
export function sampleValue(
  doc: OpenApiDocument,
  schema: Schema,
  name = '',
  ids: IdHints = {},
  depth = 0,
): unknown {
  const s = resolve(doc, schema);
  if (s.example !== undefined) return s.example;
  if (s.enum?.length) return s.enum[0];
  if (s.default !== undefined) return s.default;
  if (depth > 8) return null;
  switch (s.type) {
    case 'object':
    case undefined: {
      if (!s.properties) return {};
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? [])
        if (s.properties[key]) out[key] = sampleValue(doc, s.properties[key], key, ids, depth + 1);
      return out;
    }
    case 'array':
      return s.items ? [sampleValue(doc, s.items, name.replace(/s$/, ''), ids, depth + 1)] : [];
    case 'boolean':
      return false;
    case 'number':
    case 'integer':
      if (/version/i.test(name)) return 1;
      return s.minimum ?? 1;
    case 'string':
      return sampleString(s, name, ids);
  }
}

function sampleString(s: Schema, name: string, ids: IdHints): string {
  if (ids[name]) return ids[name];
  if (s.format === 'uuid' || /Id$/.test(name)) return '00000000-0000-7000-8000-000000000000';
  if (s.format === 'date' || /(On|Date|From|To)$/.test(name)) return '2026-03-16';
  if (s.format === 'date-time' || /At$/.test(name)) return '2026-03-16T09:00:00+08:00';
  if (/Code$/.test(name)) return '310115005';
  if (/phone/i.test(name)) return '13900000001';
  if (/password/i.test(name)) return 'Fuzz-passphrase-2026!';
  return '测试文本';
}

export type RouteAccess = { public: true } | { public: false; roles: Role[] };

/**
 * Who may call each operation, read from the `@Public()` / `@Roles()` metadata of the handler the operationId
 * names (`Controller_method`, as @nestjs/swagger builds it).
 */
export function routeAccess(app: INestApplication): Map<string, RouteAccess> {
  const discovery = app.get(DiscoveryService);
  const reflector = app.get(Reflector);
  const out = new Map<string, RouteAccess>();
  for (const c of discovery.getControllers()) {
    const proto = Object.getPrototypeOf(c.instance) as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const handler: unknown = Object.getOwnPropertyDescriptor(proto, name)?.value;
      if (name === 'constructor' || typeof handler !== 'function') continue;
      if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
      const targets = [handler as () => void, c.metatype as () => void];
      const isPublic = reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets);
      const roles = reflector.getAllAndOverride<Role[]>(ROUTE_ROLES, targets) ?? [];
      out.set(`${c.name}_${name}`, isPublic ? { public: true } : { public: false, roles });
    }
  }
  return out;
}
