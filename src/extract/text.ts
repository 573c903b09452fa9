import type { AnyNode } from 'domhandler';

/** Collapses runs of white space (the no-break space included) into one space, keeping `\n`. */
export function normaliseSpace(s: string): string {
  return s
    .replace(/[ \t\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000\u200b\ufeff]+/g, ' ')
    .replace(/ *\n[ \n]*/g, '\n')
    .trim();
}

/**
 * Text content of a subtree without recursion (a hostile page can nest deeper than the stack),
 * stopping at `cap` characters.
 */
export function textOf(node: AnyNode, cap = 2000): string {
  let out = '';
  const stack: AnyNode[] = [node];
  while (stack.length && out.length < cap) {
    const n = stack.pop()!;
    if (n.type === 'text') out += n.data;
    else if ((n.type === 'tag' || n.type === 'root') && 'children' in n) {
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    }
  }
  return normaliseSpace(out.slice(0, cap).replace(/\n/g, ' '));
}
