// Whether a leak must be reported to the PPC (APPI Art. 26, rules Art. 7), decided from its facts alone.
import { describe, expect, it } from 'vitest';
import { reportableBecause } from '../../../../electron/core/incidents/reportable';

describe('which leaks the PPC must be told of', () => {
  it('a leak of card data of 1 person is reportable', () => {
    expect(reportableBecause({ categories: ['name', 'financial'], peopleCount: 1, unlawfulSuspected: false })).toEqual(['financial']);
  });

  it('a leak of e-mail addresses of 900 people is not; 1,001 people is', () => {
    expect(reportableBecause({ categories: ['contact'], peopleCount: 900, unlawfulSuspected: false })).toEqual([]);
    expect(reportableBecause({ categories: ['contact'], peopleCount: 1001, unlawfulSuspected: false })).toEqual(['overThreshold']);
  });

  it('1,000 people is not: the rules say more than 1,000', () => {
    expect(reportableBecause({ categories: ['name', 'contact', 'address'], peopleCount: 1000, unlawfulSuspected: false })).toEqual([]);
  });

  it('special-care-required data is reportable whatever the number, even for one person or a number not yet known', () => {
    for (const peopleCount of [0, 1, 999]) {
      expect(reportableBecause({ categories: ['specialCare'], peopleCount, unlawfulSuspected: false })).toEqual(['specialCare']);
    }
  });

  it('a suspected unlawful purpose (an attack, a theft) is reportable whatever the data and the number', () => {
    expect(reportableBecause({ categories: ['purchaseHistory'], peopleCount: 1, unlawfulSuspected: true })).toEqual(['unlawful']);
  });

  it('every rule that applies is named, in the order of the rules', () => {
    expect(reportableBecause({ categories: ['financial', 'specialCare'], peopleCount: 5000, unlawfulSuspected: true })).toEqual(['specialCare', 'financial', 'unlawful', 'overThreshold']);
  });
});
