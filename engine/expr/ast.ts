/**
 * Syntax tree of the condition language. Every node carries its exact source range so that
 * diagnostics, hover and the replay debugger's value trace can point at the characters.
 */
import type { SourceRange } from '../pattern/diagnostic';

export type LiteralValue = number | string | boolean | null;

export type BinaryOp =
  '+' | '-' | '*' | '/' | '%' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '&&' | '||' | 'in' | 'not in';
export type UnaryOp = '-' | '+' | '!';

interface NodeBase {
  range: SourceRange;
}

export interface LiteralExpr extends NodeBase {
  kind: 'literal';
  value: LiteralValue;
}

export interface ListExpr extends NodeBase {
  kind: 'list';
  items: Expr[];
}

/** A bare name: an event field, or a stage when it is the root of an aggregate's argument. */
export interface IdentExpr extends NodeBase {
  kind: 'ident';
  name: string;
}

/** `object.name` or `object['name']` (computed: key is an expression, usually a string literal). */
export interface MemberExpr extends NodeBase {
  kind: 'member';
  object: Expr;
  /** Set for `.name` and for a literal key `['name']` / `[0]`. */
  property: string | null;
  /** The key expression of `object[key]`; null for `.name`. */
  key: Expr | null;
  /** Range of the property name or of the bracketed key. */
  propertyRange: SourceRange;
}

/** `fn(args)` or the method form `receiver.fn(args)`, where the receiver is the first argument. */
export interface CallExpr extends NodeBase {
  kind: 'call';
  callee: string;
  calleeRange: SourceRange;
  /** All arguments, the receiver first when `method` is true. */
  args: Expr[];
  method: boolean;
}

export interface UnaryExpr extends NodeBase {
  kind: 'unary';
  op: UnaryOp;
  operand: Expr;
}

export interface BinaryExpr extends NodeBase {
  kind: 'binary';
  op: BinaryOp;
  left: Expr;
  right: Expr;
  opRange: SourceRange;
}

export interface ConditionalExpr extends NodeBase {
  kind: 'conditional';
  test: Expr;
  consequent: Expr;
  alternate: Expr;
}

export type Expr =
  LiteralExpr | ListExpr | IdentExpr | MemberExpr | CallExpr | UnaryExpr | BinaryExpr | ConditionalExpr;

/** Direct children of a node, in source order. */
export function childrenOf(node: Expr): Expr[] {
  switch (node.kind) {
    case 'literal':
    case 'ident':
      return [];
    case 'list':
      return node.items;
    case 'member':
      return node.key ? [node.object, node.key] : [node.object];
    case 'call':
      return node.args;
    case 'unary':
      return [node.operand];
    case 'binary':
      return [node.left, node.right];
    case 'conditional':
      return [node.test, node.consequent, node.alternate];
  }
}

/** Visits every node, parents before children. */
export function walk(node: Expr, visit: (n: Expr) => void): void {
  visit(node);
  for (const child of childrenOf(node)) walk(child, visit);
}

/**
 * A field path with constant keys (`price`, `user.id`, `payload['odd key']`), as its root and keys;
 * null when the node is anything else (a computed key, a call, …).
 */
/** A literal, or a negative number (`-5` parses as unary minus on 5); null for anything computed. */
export function constantOf(node: Expr): { value: LiteralValue } | null {
  if (node.kind === 'literal') return { value: node.value };
  if (
    node.kind === 'unary' &&
    node.op === '-' &&
    node.operand.kind === 'literal' &&
    typeof node.operand.value === 'number'
  )
    return { value: -node.operand.value };
  return null;
}

export function pathOf(node: Expr): { root: string; rootRange: SourceRange; keys: string[] } | null {
  if (node.kind === 'ident') return { root: node.name, rootRange: node.range, keys: [] };
  if (node.kind === 'member' && node.property !== null) {
    const inner = pathOf(node.object);
    if (!inner) return null;
    return { root: inner.root, rootRange: inner.rootRange, keys: [...inner.keys, node.property] };
  }
  return null;
}
