// What a worker function throws reaches the caller as the worker's own error: message, name, stack, `code` and other
// own properties that can be copied, `cause` (recursively), `AggregateError.errors`, and the nearest built-in class.
// A thrown non-Error value rejects as that value, or, when it cannot be copied, with an error describing it.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerModule } from '../src/index.js';
import { builtRuntime, type Runtime } from './built-runtime.js';

type Throws = {
  withCauses(): never;
  aggregate(): never;
  validation(): never;
  plainObject(): never;
  hostileObject(): never;
  hostileError(): never;
  cyclic(): never;
  longChain(length: number): never;
  domException(): never;
  packet(text: string): { payload: Buffer; length: number; describe(): string };
};

const fixture = join(__dirname, 'fixtures', 'throws.mjs');
let runtime: Runtime;
let throws: WorkerModule<Throws>;

beforeAll(() => {
  runtime = builtRuntime().runtime;
  throws = runtime.inWorker<Throws>(fixture);
});

afterAll(() => runtime.closeWorkers());

const rejection = (promise: Promise<unknown>): Promise<unknown> => promise.then(() => undefined, (error: unknown) => error);

describe('thrown errors', () => {
  it('keep their cause, recursively, with its class, code and copyable properties', async () => {
    const error = (await rejection(throws.withCauses())) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('could not load the configuration');
    const cause = error.cause as Error & { code: string; details: unknown; retry?: unknown };
    expect(cause).toBeInstanceOf(TypeError); // ValidationError extends TypeError
    expect(cause).toMatchObject({ name: 'ValidationError', message: 'port must be positive', code: 'E_VALIDATION', details: { port: -1 } });
    expect(cause).not.toHaveProperty('retry'); // a function cannot be copied
    expect(cause.stack).toContain('throws.mjs');
    expect(cause.cause).toBe('read from .env');
    expect(Object.getOwnPropertyDescriptor(error, 'cause')?.enumerable).toBe(false); // as `new Error(m, { cause })` makes it
  });

  it('keep AggregateError.errors, each decoded the same way', async () => {
    const error = (await rejection(throws.aggregate())) as AggregateError;
    expect(error).toBeInstanceOf(AggregateError);
    expect(error.message).toBe('two checks failed');
    expect(error.errors).toHaveLength(3);
    expect(error.errors[0]).toBeInstanceOf(RangeError);
    expect(error.errors[0]).toMatchObject({ message: 'too big' });
    expect(error.errors[1]).toBe('not an error');
    expect(error.errors[2]).toMatchObject({ name: 'ValidationError', code: 'E_VALIDATION', details: null });
  });

  it('are instances of their nearest built-in class, with their own name', async () => {
    const error = (await rejection(throws.validation())) as Error;
    expect(error).toBeInstanceOf(TypeError);
    expect(error).toMatchObject({ name: 'ValidationError', message: 'name is required', code: 'E_VALIDATION', details: { field: 'name' } });
    expect(String(error)).toBe('ValidationError: name is required');
  });

  it('a DOMException stays a DOMException', async () => {
    const error = await rejection(throws.domException());
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({ name: 'TimeoutError', message: 'gave up waiting', code: 23 });
  });

  it('an error whose name getter throws still rejects with its message', async () => {
    await expect(throws.hostileError()).rejects.toMatchObject({ name: 'Error', message: 'the message survives' });
  });

  it('cycles end, and long cause chains are kept 32 levels deep', async () => {
    const loop = (await rejection(throws.cyclic())) as Error;
    expect(loop.message).toBe('a loop');
    expect(loop.cause).toBeUndefined();
    let error = (await rejection(throws.longChain(100))) as Error | undefined;
    const messages: string[] = [];
    for (; error !== undefined; error = error.cause as Error | undefined) messages.push(error.message);
    expect(messages).toHaveLength(32); // the error and 31 causes
    expect(messages.slice(0, 2)).toEqual(['level 99', 'level 98']);
  });
});

describe('thrown values that are not errors', () => {
  it('reject with the value itself, as a direct call would', async () => {
    await expect(throws.plainObject()).rejects.toEqual({ code: 'E_PLAIN', detail: [1, 2] });
  });

  it('reject with a description when they cannot be copied, even if their toString throws', async () => {
    const error = (await rejection(throws.hostileObject())) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe(
      "unblock: 'hostileObject' threw a value that cannot be copied back from the worker thread: { toString: [Function: toString] }",
    );
  });
});

describe('results', () => {
  it('a class instance comes back as a plain object of its own fields; a Buffer field stays a Buffer', async () => {
    const packet = await throws.packet('hello');
    expect(Object.getPrototypeOf(packet)).toBe(Object.prototype);
    expect(packet).not.toHaveProperty('describe');
    expect(Buffer.isBuffer(packet.payload)).toBe(true);
    expect(packet.payload.toString()).toBe('hello');
    expect(packet.length).toBe(5);
  });
});
