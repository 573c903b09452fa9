import type { AnyNode } from 'domhandler';

/** Stands for a `<br>` in collected text until white space is normalised. */
export const LINE_BREAK = '\u0001';

/**
 * Collapses runs of white space (line ends in the source and the no-break space included) into one
 * space; a `<br>` becomes a line end (`\n`), and two or more in a row a paragraph break (`\n\n`):
 * pages without `<p>` write their paragraphs that way.
 */
export function normaliseSpace(s: string): string {
  const spaced = s.replace(/[\s\u200b\ufeff]+/g, ' ');
  // Most blocks hold no <br>: skip the second pass over them.
  if (!spaced.includes(LINE_BREAK)) return spaced.trim();
  return spaced
    .replace(/ ?\u0001[\u0001 ]*/g, (run) => (run.indexOf(LINE_BREAK) === run.lastIndexOf(LINE_BREAK) ? '\n' : '\n\n'))
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
  return normaliseSpace(out.slice(0, cap));
}
