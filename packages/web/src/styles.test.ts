// The stylesheet is plain CSS without nesting. A rule left open (a missing "}" is easy to lose when
// two changes to the end of the file are merged) is still valid CSS, because CSS now allows nested
// rules: every rule after it silently becomes a descendant selector and stops applying. The
// linter accepts it, so this test reads the file as a person would and finds the open rule.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

/** Style rules found inside another style rule (at-rules such as @media may hold rules). */
export function nestedRules(css: string): { line: number; selector: string; parent: string }[] {
  const found: { line: number; selector: string; parent: string }[] = [];
  const stack: string[] = [];
  // Comments out, newlines kept so that line numbers stay right.
  const src = css.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
  let line = 1;
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\n') line++;
    else if (ch === '{') {
      const selector = src.slice(start, i).trim();
      const parent = stack.at(-1);
      if (parent !== undefined && !parent.startsWith('@')) found.push({ line, selector, parent });
      stack.push(selector);
      start = i + 1;
    } else if (ch === '}') {
      stack.pop();
      start = i + 1;
    } else if (ch === ';') start = i + 1;
  }
  if (stack.length) found.push({ line, selector: '(end of file)', parent: stack.at(-1) ?? '' });
  return found;
}

test('no style rule is nested inside another: every rule is closed before the next begins', () => {
  const css = readFileSync(new URL('./styles.css', import.meta.url), 'utf8');
  assert.deepEqual(nestedRules(css), []);
});

test('the check finds a rule left open', () => {
  const broken = '.a {\n  color: red;\n.b {\n  color: blue;\n}\n}\n@media (width < 40rem) {\n  .c { color: green; }\n}\n';
  assert.deepEqual(nestedRules(broken), [{ line: 3, selector: '.b', parent: '.a' }]);
});
