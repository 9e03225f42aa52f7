// What staff see of contact details before giving a reason (policy §4.2).
import { describe, expect, it } from 'vitest';
import { maskBirthDate, maskEmail, maskIdentifier, maskPhone, maskPostalCode, maskRecord, maskRow } from '../../../../electron/core/customers/masking';
import type { CustomerRecord } from '../../../../src-shared/customers';

describe('masking', () => {
  it('a phone keeps its first three and last four digits, whatever its hyphens', () => {
    expect(maskPhone('090-1234-5678')).toBe('090-****-5678');
    expect(maskPhone('09012345678')).toBe('090-****-5678');
    expect(maskPhone('03-1234-5678')).toBe('031-****-5678');
    expect(maskPhone('123-456')).toBe('****56');
  });

  it('an e-mail keeps its first letter and its domain', () => {
    expect(maskEmail('yamada.taro@example.jp')).toBe('y***@example.jp');
    expect(maskEmail('山田@example.jp')).toBe('山***@example.jp');
    expect(maskEmail('broken')).toBe('***');
  });

  it('the address stops at the city, the date of birth at the year, identifiers at four characters', () => {
    expect(maskPostalCode('150-0001')).toBe('150-****');
    expect(maskBirthDate('1985-04-12')).toBe('1985');
    expect(maskBirthDate(null)).toBeNull();
    expect(maskIdentifier('203.0.113.42')).toBe('203.****');
    expect(maskIdentifier('abc')).toBe('****');
  });

  it('a whole record: street, phones, e-mails and identifiers masked; name, orders and last four kept', () => {
    const record: CustomerRecord = {
      id: 'x', customerNo: 'C-1', name: '山田 太郎', nameKana: 'ヤマダ タロウ', nameRomaji: null, birthDate: '1985-04-12', postalCode: '150-0001',
      prefecture: '東京都', city: '渋谷区', addressLine1: '神宮前1-2-3', addressLine2: '101', provenance: 'registration', receipt: null, history: [],
      phones: [{ number: '090-1234-5678', kind: 'mobile' }], emails: [{ address: 'yamada@example.jp' }], paymentMethods: [{ brand: 'visa', last4: '4242', expiry: '2028-09' }],
      orders: [{ orderId: 'O-1', orderedOn: '2026-01-01', items: '茶', amount: 100 }], identifiers: [{ kind: 'ip', value: '203.0.113.42', system: 'log', firstSeen: null, lastSeen: null }],
      feedback: [], consents: [], cessations: [], createdAt: '', updatedAt: '', masked: false,
    };
    const masked = maskRecord(record);
    expect(masked).toMatchObject({ masked: true, name: '山田 太郎', addressLine1: null, addressLine2: null, postalCode: '150-****', birthDate: '1985', paymentMethods: [{ last4: '4242' }], orders: record.orders });
    expect(JSON.stringify(masked)).not.toMatch(/1234-5678|yamada@|神宮前|04-12|113\.42/);
    expect(maskRow({ id: 'x', customerNo: 'C-1', name: 'n', nameKana: 'k', area: '東京都渋谷区', phone: null, email: 'a@b.jp', masked: false })).toMatchObject({ phone: null, email: 'a***@b.jp', masked: true });
  });
});
