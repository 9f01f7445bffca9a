/**
 * Reading the protobuf bodies kubectl's typed clients send (Content-Type
 * application/vnd.kubernetes.protobuf), as the API server's protobuf serializer does
 * (k8s.io/apimachinery/pkg/runtime/serializer/protobuf): the 4-byte magic `k8s\0`, then a
 * runtime.Unknown whose TypeMeta names the kind and whose `raw` holds the object's message. The
 * object becomes the JSON the Go types would have marshalled (omitempty zeros left out, Time as
 * RFC 3339 or null, IntOrString as a number or string, bytes as base64), so the rest of the
 * server sees what a JSON client would have sent. Message layouts are data
 * (protobuf-messages.ts); this file is the generic wire format.
 */
import { KINDS, MESSAGES, type FieldSpec } from './protobuf-messages.ts';

export const PROTOBUF_CONTENT_TYPE = 'application/vnd.kubernetes.protobuf';
const MAGIC = [0x6b, 0x38, 0x73, 0x00];

export class ProtobufError extends Error {}

/** One field as it appears on the wire. */
interface WireField {
  num: number;
  wireType: number;
  /** Varints (as bigint), or the bytes of a length-delimited field. */
  value: bigint | Uint8Array;
}

/** The fields of one message, in order (varints, length-delimited, fixed32/64 skipped over). */
export function readFields(buf: Uint8Array): WireField[] {
  const out: WireField[] = [];
  let pos = 0;
  const varint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (pos >= buf.length) throw new ProtobufError('unexpected end of a varint');
      const b = buf[pos++];
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
      shift += 7n;
      if (shift > 63n) throw new ProtobufError('varint longer than 64 bits');
    }
  };
  while (pos < buf.length) {
    const key = Number(varint());
    const num = key >>> 3;
    const wireType = key & 7;
    switch (wireType) {
      case 0:
        out.push({ num, wireType, value: varint() });
        break;
      case 1:
        pos += 8;
        break;
      case 2: {
        const len = Number(varint());
        if (pos + len > buf.length) throw new ProtobufError('length-delimited field past the end');
        out.push({ num, wireType, value: buf.subarray(pos, pos + len) });
        pos += len;
        break;
      }
      case 5:
        pos += 4;
        break;
      default:
        throw new ProtobufError(`unsupported wire type ${wireType}`);
    }
  }
  return out;
}

const utf8 = new TextDecoder();

function base64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function asInt(v: bigint | Uint8Array): number {
  if (typeof v !== 'bigint') throw new ProtobufError('expected a varint');
  return Number(BigInt.asIntN(64, v));
}

function asBytes(v: bigint | Uint8Array): Uint8Array {
  if (typeof v === 'bigint') throw new ProtobufError('expected a length-delimited field');
  return v;
}

/** metav1.Time: zero is JSON null, else RFC 3339 in seconds. */
function decodeTime(bytes: Uint8Array): string | null {
  let seconds = 0;
  for (const f of readFields(bytes)) if (f.num === 1) seconds = asInt(f.value);
  if (seconds === 0) return null;
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** intstr.IntOrString: {type, intVal, strVal}. */
function decodeIntOrString(bytes: Uint8Array): number | string {
  let type = 0;
  let intVal = 0;
  let strVal = '';
  for (const f of readFields(bytes)) {
    if (f.num === 1) type = asInt(f.value);
    else if (f.num === 2) intVal = asInt(f.value);
    else if (f.num === 3) strVal = utf8.decode(asBytes(f.value));
  }
  return type === 1 ? strVal : intVal;
}

/** resource.Quantity: its string form. */
function decodeQuantity(bytes: Uint8Array): string {
  for (const f of readFields(bytes)) if (f.num === 1) return utf8.decode(asBytes(f.value));
  return '';
}

function isZero(v: unknown): boolean {
  return v === '' || v === 0 || v === false;
}

/** One value of `type` from a wire field. */
function decodeValue(type: string, f: WireField): unknown {
  switch (type) {
    case 'string':
      return utf8.decode(asBytes(f.value));
    case 'bytes':
      return base64(asBytes(f.value));
    case 'int32':
    case 'int64':
      return asInt(f.value);
    case 'bool':
      return asInt(f.value) !== 0;
    case 'Time':
      return decodeTime(asBytes(f.value));
    case 'IntOrString':
      return decodeIntOrString(asBytes(f.value));
    case 'Quantity':
      return decodeQuantity(asBytes(f.value));
    default:
      return decodeMessage(type, asBytes(f.value));
  }
}

/** Decode `bytes` as the message `typeName` into the JSON object its Go type marshals to. */
export function decodeMessage(typeName: string, bytes: Uint8Array): Record<string, unknown> {
  const spec = MESSAGES[typeName];
  if (!spec) throw new ProtobufError(`no layout for message ${typeName}`);
  const out: Record<string, unknown> = {};
  for (const f of readFields(bytes)) {
    const field: FieldSpec | undefined = spec[f.num];
    if (!field) throw new ProtobufError(`field ${f.num} of ${typeName} is not known to KubeLab`);
    const [name, type, flags = ''] = field;
    const map = /^map<string,(.+)>$/.exec(type);
    if (map) {
      let key = '';
      let value: unknown = map[1] === 'string' || map[1] === 'bytes' || map[1] === 'Quantity' ? '' : undefined;
      for (const e of readFields(asBytes(f.value))) {
        if (e.num === 1) key = utf8.decode(asBytes(e.value));
        else if (e.num === 2) value = decodeValue(map[1], e);
      }
      ((out[name] ??= {}) as Record<string, unknown>)[key] = value;
      continue;
    }
    if (flags.includes('repeated')) {
      const list = (out[name] ??= []) as unknown[];
      // Packed repeated numbers (one length-delimited run of varints).
      if ((type === 'int32' || type === 'int64') && f.wireType === 2) {
        for (const p of readPacked(asBytes(f.value))) list.push(p);
      } else list.push(decodeValue(type, f));
      continue;
    }
    const value = decodeValue(type, f);
    if (flags.includes('inline')) {
      Object.assign(out, value as Record<string, unknown>);
      continue;
    }
    if (isZero(value) && !flags.includes('keep')) continue;
    out[name] = value;
  }
  return out;
}

function readPacked(bytes: Uint8Array): number[] {
  const out: number[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const b = bytes[pos++];
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) break;
      shift += 7n;
    }
    out.push(Number(BigInt.asIntN(64, result)));
  }
  return out;
}

/**
 * A request body in Kubernetes' protobuf envelope, as the JSON object a JSON client would have
 * sent (apiVersion and kind first, from the envelope's TypeMeta).
 */
export function decodeKubernetesProtobuf(body: Uint8Array): Record<string, unknown> {
  if (body.length < 4 || MAGIC.some((b, i) => body[i] !== b)) throw new ProtobufError('provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]');
  const unknown = readFields(body.subarray(4));
  let apiVersion = '';
  let kind = '';
  let raw: Uint8Array = new Uint8Array();
  for (const f of unknown) {
    if (f.num === 1) {
      for (const t of readFields(asBytes(f.value))) {
        if (t.num === 1) apiVersion = utf8.decode(asBytes(t.value));
        else if (t.num === 2) kind = utf8.decode(asBytes(t.value));
      }
    } else if (f.num === 2) raw = asBytes(f.value);
    else if (f.num === 3 && asBytes(f.value).length > 0) throw new ProtobufError('compressed protobuf bodies (contentEncoding) are not supported');
  }
  const message = KINDS[`${apiVersion}/${kind}`];
  if (!message) throw new ProtobufError(`KubeLab cannot decode protobuf bodies of ${kind} (${apiVersion}); send JSON`);
  return { apiVersion, kind, ...decodeMessage(message, raw) };
}
