// A full card number is found however it is typed; phone numbers, postal codes and order ids are not mistaken for one.
import { describe, expect, it } from 'vitest';
import { containsCardNumber } from '../../../src-shared/card-numbers';

describe('a card number anywhere is found', () => {
  it.each([
    '4111111111111111',
    '4111 1111 1111 1111',
    '4111-1111-1111-1111',
    '４１１１－１１１１－１１１１－１１１１',
    '４１１１　１１１１　１１１１　１１１１'.replace(/　/g, ' '),
    'カード番号: 5555555555554444 です',
    '378282246310005',
    '6011111111111117',
    '3530111333300000',
    '千代田1-1 4111 1111 1111 1111',
    '090-1234-5678 4111-1111-1111-1111',
  ])('%s', (text) => expect(containsCardNumber(text)).toBe(true));
});

describe('other numbers are not mistaken for one', () => {
  it.each([
    '090-1234-5678',
    '〒150-0001',
    '4111111111111112',
    '4111 1111 1111',
    'ORDER-20261125-000123',
    '12345678901234567890123',
    '2026-11-25',
    '',
  ])('%s', (text) => expect(containsCardNumber(text)).toBe(false));
});
