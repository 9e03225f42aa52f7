// Two versions of the policy side by side: lines paired by jsdiff's line diff, and within a changed pair the characters
// (Japanese has no spaces to find words by) or, in English, the words that changed.
import { diffChars, diffLines, diffWordsWithSpace, type ChangeObject } from 'diff';

export type Part = { text: string; changed: boolean };
export type Side = { kind: 'same' | 'removed' | 'added' | 'empty'; lineNo: number | null; parts: Part[] };
export type DiffRow = { kind: 'line'; left: Side; right: Side } | { kind: 'fold'; from: number; count: number; rows: DiffRow[] };

const empty: Side = { kind: 'empty', lineNo: null, parts: [] };

function linesOf(value: string): string[] {
  const lines = value.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

type Op = { text: string; kind: 'same' | 'removed' | 'added' };

/**
 * A character diff of Japanese matches stray particles (を, の) and kanji far apart, so a changed phrase reads as
 * confetti. As diff-match-patch's semantic cleanup does, a short unchanged run between changes at least as long on both
 * sides becomes part of the change.
 */
export function cleanup(ops: Op[]): Op[] {
  const out = [...ops];
  for (let again = true; again; ) {
    again = false;
    for (let i = 0; i < out.length; i++) {
      const op = out[i]!;
      if (op.kind !== 'same') continue;
      const around = (step: 1 | -1) => {
        const n = { removed: 0, added: 0 };
        for (let j = i + step; j >= 0 && j < out.length && out[j]!.kind !== 'same'; j += step) n[out[j]!.kind as 'removed' | 'added'] += out[j]!.text.length;
        return n;
      };
      const before = around(-1);
      const after = around(1);
      const reach = (n: { removed: number; added: number }) => Math.max(n.removed, n.added);
      if (reach(before) > 0 && reach(after) > 0 && op.text.length <= reach(before) && op.text.length <= reach(after)) {
        out.splice(i, 1, { text: op.text, kind: 'removed' }, { text: op.text, kind: 'added' });
        again = true;
        break;
      }
    }
  }
  return out;
}

/** Adjacent parts alike are one part: one <del> or <ins> per changed phrase. */
function merged(parts: Part[]): Part[] {
  const out: Part[] = [];
  for (const p of parts) {
    const last = out.at(-1);
    if (last && last.changed === p.changed) last.text += p.text;
    else if (p.text !== '') out.push({ ...p });
  }
  return out;
}

/** Within a pair of changed lines, what changed; a pair with little in common is shown whole, which reads better than confetti. */
function inline(oldLine: string, newLine: string, language: 'ja' | 'en'): { left: Part[]; right: Part[] } {
  const changes: ChangeObject<string>[] = language === 'ja' ? diffChars(oldLine, newLine) : diffWordsWithSpace(oldLine, newLine);
  const ops = cleanup(changes.map((c) => ({ text: c.value, kind: c.added ? 'added' : c.removed ? 'removed' : 'same' })));
  const common = ops.filter((o) => o.kind === 'same').reduce((n, o) => n + o.text.length, 0);
  if (common < Math.max(oldLine.length, newLine.length) * 0.4) {
    return { left: [{ text: oldLine, changed: true }], right: [{ text: newLine, changed: true }] };
  }
  return {
    left: merged(ops.filter((o) => o.kind !== 'added').map((o) => ({ text: o.text, changed: o.kind === 'removed' }))),
    right: merged(ops.filter((o) => o.kind !== 'removed').map((o) => ({ text: o.text, changed: o.kind === 'added' }))),
  };
}

export function sideBySide(oldText: string, newText: string, language: 'ja' | 'en'): DiffRow[] {
  const normal = (s: string) => s.replace(/\r\n?/g, '\n');
  const changes = diffLines(normal(oldText), normal(newText));
  const rows: DiffRow[] = [];
  let left = 1;
  let right = 1;
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    if (!change.added && !change.removed) {
      for (const line of linesOf(change.value)) {
        rows.push({ kind: 'line', left: { kind: 'same', lineNo: left++, parts: [{ text: line, changed: false }] }, right: { kind: 'same', lineNo: right++, parts: [{ text: line, changed: false }] } });
      }
      continue;
    }
    // A removal followed by an addition is a change: their lines are paired one to one, the rest stand alone.
    const removed = change.removed ? linesOf(change.value) : [];
    const nextChange = changes[i + 1];
    const added = change.added ? linesOf(change.value) : nextChange?.added ? linesOf(nextChange.value) : [];
    if (change.removed && nextChange?.added) i++;
    for (let n = 0; n < Math.max(removed.length, added.length); n++) {
      const oldLine = removed[n];
      const newLine = added[n];
      if (oldLine !== undefined && newLine !== undefined) {
        const parts = inline(oldLine, newLine, language);
        rows.push({ kind: 'line', left: { kind: 'removed', lineNo: left++, parts: parts.left }, right: { kind: 'added', lineNo: right++, parts: parts.right } });
      } else if (oldLine !== undefined) {
        rows.push({ kind: 'line', left: { kind: 'removed', lineNo: left++, parts: [{ text: oldLine, changed: true }] }, right: empty });
      } else if (newLine !== undefined) {
        rows.push({ kind: 'line', left: empty, right: { kind: 'added', lineNo: right++, parts: [{ text: newLine, changed: true }] } });
      }
    }
  }
  return fold(rows);
}

/** Long runs of unchanged lines fold away, keeping a few lines of context on each side of a change. */
function fold(rows: DiffRow[], context = 3): DiffRow[] {
  const out: DiffRow[] = [];
  let run: DiffRow[] = [];
  const flush = (atStart: boolean, atEnd: boolean) => {
    const keepBefore = atStart ? 0 : context;
    const keepAfter = atEnd ? 0 : context;
    if (run.length > keepBefore + keepAfter + 2) {
      out.push(...run.slice(0, keepBefore));
      const hidden = run.slice(keepBefore, run.length - keepAfter);
      const first = hidden[0];
      out.push({ kind: 'fold', from: first?.kind === 'line' ? (first.left.lineNo ?? 0) : 0, count: hidden.length, rows: hidden });
      out.push(...run.slice(run.length - keepAfter));
    } else out.push(...run);
    run = [];
  };
  let seenChange = false;
  for (const row of rows) {
    if (row.kind === 'line' && row.left.kind === 'same') run.push(row);
    else {
      flush(!seenChange, false);
      seenChange = true;
      out.push(row);
    }
  }
  flush(!seenChange, true);
  return out;
}

export function changeCount(rows: DiffRow[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const row of rows) {
    if (row.kind !== 'line') continue;
    if (row.left.kind === 'removed') removed++;
    if (row.right.kind === 'added') added++;
  }
  return { added, removed };
}
