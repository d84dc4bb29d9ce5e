/**
 * Values a worker can receive and return: structured-cloneable by their types, and arriving as the same kind
 * of value. Functions, symbols and class instances with methods are not; `any` and `unknown` cannot be proven.
 * Structured clone turns a Buffer into a plain Uint8Array; the `unblock` runtime turns it back only where it
 * sat at the top level or one level down in an array or plain object, so a Buffer deeper than that (or inside
 * a Map or Set) would arrive as a Uint8Array while its type says Buffer.
 */
import ts from 'typescript';

const builtins = new Set([
  'ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Date', 'RegExp', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray',
  'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
]);
const buffers = new Set(['Buffer', 'NonSharedBuffer', 'AllowSharedBuffer']);
/** Levels at which the runtime restores Buffers: the value itself (0) and one level down (1). */
const restoredLevels = 1;
/** A level below every restored one: inside a Map or Set. */
const unrestored = restoredLevels + 1;

export class CloneableTypes {
  /** Types proven cloneable at a level: a type seen again at that level or deeper is not checked twice. */
  private readonly seen = new Map<ts.Type, number>();

  constructor(private readonly checker: ts.TypeChecker) {}

  /** `level`: how far down the value sits (0: the argument or result itself); `depth` bounds the walk. */
  check(type: ts.Type, level = 0, depth = 0): boolean {
    if (depth > 6) return false;
    const primitive =
      ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike | ts.TypeFlags.BigIntLike |
      ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.EnumLike;
    if (type.flags & primitive) return true;
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never | ts.TypeFlags.ESSymbolLike)) return false;
    if (type.isUnionOrIntersection()) return type.types.every((part) => this.check(part, level, depth + 1));
    const names = [type.getSymbol()?.getName(), type.aliasSymbol?.getName()];
    if (names.some((name) => name && buffers.has(name))) return level <= restoredLevels;
    if (names.some((name) => name && builtins.has(name))) return true;
    const seenAt = this.seen.get(type);
    if (seenAt !== undefined && seenAt >= Math.min(level, unrestored)) return true;
    // Assumed while its parts are checked (recursive types); forgotten again if it fails.
    this.seen.set(type, Math.min(level, unrestored));
    const cloneable = this.checkObject(type, names[0], level, depth);
    if (cloneable) return true;
    if (seenAt === undefined) this.seen.delete(type);
    else this.seen.set(type, seenAt);
    return false;
  }

  private checkObject(type: ts.Type, name: string | undefined, level: number, depth: number): boolean {
    if (this.checker.isArrayType(type) || this.checker.isTupleType(type)) {
      return this.checker.getTypeArguments(type as ts.TypeReference).every((element) => this.check(element, level + 1, depth + 1));
    }
    if ((name === 'Map' || name === 'Set' || name === 'ReadonlyMap' || name === 'ReadonlySet') && isReference(type)) {
      return this.checker.getTypeArguments(type).every((element) => this.check(element, unrestored, depth + 1));
    }
    if (type.getCallSignatures().length || type.getConstructSignatures().length) return false;
    const symbol = type.getSymbol();
    if (symbol && symbol.flags & ts.SymbolFlags.Class) return false;
    return this.checker.getPropertiesOfType(type).every((property) => {
      if (property.flags & ts.SymbolFlags.Method) return false;
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      if (!declaration) return false;
      return this.check(this.checker.getTypeOfSymbolAtLocation(property, declaration), level + 1, depth + 1);
    });
  }
}

function isReference(type: ts.Type): type is ts.TypeReference {
  return (type.flags & ts.TypeFlags.Object) !== 0 && ((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) !== 0;
}
