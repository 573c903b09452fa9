import type { AnyNode, ParentNode } from 'domhandler';

/** Whether a node is the container or lies below it. */
export function isInside(node: AnyNode, container: ParentNode): boolean {
  for (let n: AnyNode | null = node; n; n = n.parent) if (n === container) return true;
  return false;
}
