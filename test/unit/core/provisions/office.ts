// The provision tests' office: a desk that can print, the partners it provides to, customers made in a batch.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insertCustomers } from '../../../../electron/core/customers/store';
import { customerInput } from '../../../../src-shared/api/customer-input';
import type { partnerInput } from '../../../../src-shared/api/partners';
import type { Partner } from '../../../../src-shared/registers';
import { asUpload, scannedPdf } from '../../../fixtures/scans';
import { addAccount, makeDesk, officer, type Person, type TestDesk } from '../../helpers/desk';
import type { z } from 'zod';

/** The helpers' desk with the host's printer (the system Chromium), as the disclosure tests have it. */
export function printingDesk(): TestDesk {
  return makeDesk({ printer: true });
}

export const secondOfficer: Person = {
  displayName: '北村 誠',
  loginId: 'kitamura',
  role: 'officer',
  department: '法務部',
  temporaryPassword: 'karipasu-kitamura-2026',
  password: 'kitamura-no-aikotoba-2026',
};

/** The officer sets up the desk and records the staff member's signed statement (policy §4.1). */
export async function openOffice(desk: TestDesk, people: Person[]): Promise<Record<string, string>> {
  await desk.ok('setup.createOfficer', officer);
  const ids: Record<string, string> = {};
  for (const person of people) {
    ids[person.loginId] = await addAccount(desk, person);
    if (person.role === 'staff') {
      await desk.ok('statements.record', { accountId: ids[person.loginId], templateVersion: 1, signedOn: '2026-11-01', trainingOn: '2026-11-01', scan: asUpload(scannedPdf(), 's.pdf', 'application/pdf') });
    }
  }
  return ids;
}

type PartnerInput = z.input<typeof partnerInput>;

const partnerBase = {
  representative: '代表取締役 青木 一郎',
  securityMeasures: '委託契約に基づく安全管理措置（アクセス制御、暗号化、従業者教育）',
  contactName: '青木 花子',
  contactEmail: 'privacy@partner.example.jp',
  contractFrom: '2026-01-01',
} as const;

export const advertiser: PartnerInput = { ...partnerBase, name: '株式会社アドネット', address: '東京都港区六本木1-1-1', roles: ['advertiser'], country: 'JP' };
export const deliveryAbroad: PartnerInput = { ...partnerBase, name: 'Pacific Ad Delivery Inc.', address: '100 Market Street, San Francisco, CA', roles: ['adDeliveryDestination'], country: 'US' };
export const seller: PartnerInput = { ...partnerBase, name: '株式会社みなと販売', address: '大阪府大阪市北区梅田2-2-2', roles: ['seller'], country: 'JP' };
export const police: PartnerInput = {
  ...partnerBase,
  name: '警視庁渋谷警察署',
  address: '東京都渋谷区渋谷3-8-15',
  representative: '署長',
  roles: ['publicInstitution'],
  country: 'JP',
  securityMeasures: '捜査関係事項照会書（刑事訴訟法第197条第2項）による照会に限る',
};

export async function addPartner(desk: TestDesk, partner: PartnerInput): Promise<Partner> {
  return desk.ok<Partner>('partners.create', partner);
}

/** `n` customers written in one batch through the store, as an import writes them; returns their ids in order. */
export async function makeCustomers(desk: TestDesk, prefix: string, n: number): Promise<{ id: string; customerNo: string }[]> {
  const inputs = Array.from({ length: n }, (_, i) =>
    customerInput.parse({
      customerNo: `${prefix}-${String(i + 1).padStart(4, '0')}`,
      name: `顧客 ${prefix}${i + 1}`,
      nameKana: 'コキャク テスト',
      postalCode: '150-0001',
      prefecture: '東京都',
      city: '渋谷区',
      addressLine1: `神宮前${i + 1}-1-1`,
      provenance: 'registration',
      emails: [{ address: `${prefix.toLowerCase()}${i + 1}@example.jp` }],
    }),
  );
  const created = await desk.core.desk.transaction((tx) => insertCustomers(tx, inputs, { accountId: null, now: desk.clock.now }));
  return created.map((c, i) => ({ id: c.id, customerNo: `${prefix}-${String(i + 1).padStart(4, '0')}` }));
}

/** A PDF's words as poppler reads them with the system fonts hidden, so a PDF lacking its font cannot borrow one (FACTS.md). */
export function pdfText(file: string): string {
  const fontless = mkdtempSync(join(tmpdir(), 'fontless-'));
  try {
    const conf = join(fontless, 'fonts.conf');
    writeFileSync(conf, '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig></fontconfig>');
    return execFileSync('pdftotext', ['-layout', file, '-'], { env: { ...process.env, FONTCONFIG_FILE: conf } })
      .toString()
      .replace(/\s+/g, ' ');
  } finally {
    rmSync(fontless, { recursive: true, force: true });
  }
}
