// The quick count before the card-number check: text with fewer than 13 digits (as NFKC reads them) is passed
// without the full check, and nothing that NFKC turns into a card number slips past it.
import { describe, expect, it } from 'vitest';
import { digitsAfterNfkc, findCardNumberPath, holdsCardNumber } from '../../../../electron/core/customers/no-card-numbers';

describe('counting the digits a text holds once normalised', () => {
  it('counts ASCII, full-width, circled, superscript and mathematical digits as NFKC makes them', () => {
    expect(digitsAfterNfkc('佐藤 花子')).toBe(0);
    expect(digitsAfterNfkc('090-1234-5678')).toBe(11);
    expect(digitsAfterNfkc('０９０－１２３４')).toBe(7);
    // ⑳ is "20" and ½ is "1⁄2": two digits each.
    expect(digitsAfterNfkc('⑳½¹')).toBe(5);
    expect(digitsAfterNfkc('𝟗𝟖')).toBe(2);
  });

  it('a card number written in any of those digits is still found; a twelve-digit order number is passed at once', () => {
    const visa = '4111 1111 1111 1111';
    const fullWidth = visa.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const mathematical = visa.replace(/\d/g, (d) => String.fromCodePoint(0x1d7ce + Number(d)));
    for (const text of [visa, fullWidth, mathematical, `お支払い: ${fullWidth} で`]) expect(holdsCardNumber(text), text).toBe(true);
    expect(holdsCardNumber('ORD-2026-123456789012')).toBe(false);
    expect(findCardNumberPath({ orders: [{ items: '緑茶' }, { items: `カード ${fullWidth}` }] })).toBe('orders.1.items');
  });
});
