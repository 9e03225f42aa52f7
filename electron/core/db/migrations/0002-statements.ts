// Migration 2: written confidentiality statements, their versioned text, and the first text (policy §4.1).
// Landed migrations are history: never edit this file, add the next one.
import { sql, type Kysely } from 'kysely';

const firstTextJa = `個人情報の取扱いに関する誓約書

私は、貴社の業務に従事するにあたり、次の事項を遵守することを誓約します。

1. 業務上知り得たお客様の個人情報（氏名、住所、電話番号、電子メールアドレス、決済情報、購入履歴その他一切の情報）を、業務の目的の範囲内でのみ取り扱います。
2. 個人情報を、業務上必要な場合を除き、複製、持ち出し、第三者への開示又は提供をしません。
3. 貴社の個人情報保護方針、個人情報の取扱いに関する規程及び個人情報保護管理者の指示に従います。
4. 付与されたアカウント及びパスワードを厳重に管理し、他人に使用させません。
5. 個人情報の漏えい、滅失若しくは毀損又はそのおそれを知ったときは、直ちに個人情報保護管理者に報告します。
6. 個人情報の保護に関する教育を受け、その内容を遵守します。
7. 以上の義務は、在職中のみならず退職後も継続することを了承します。

署名日：　　　　年　　月　　日
所属：
氏名：　　　　　　　　　　　　　　　　印`;

const firstTextEn = `Undertaking on the handling of personal information

In carrying out my work for the company, I undertake to observe the following.

1. I will handle customers' personal information that I learn in my work (names, addresses, telephone numbers, e-mail addresses, payment information, purchase history and any other information) only within the purposes of my work.
2. I will not copy, take out, disclose or provide personal information to any third party, except where my work requires it.
3. I will follow the company's privacy policy, its rules on the handling of personal information, and the instructions of the manager-in-charge of personal information.
4. I will keep the account and password given to me strictly secret and will not let anyone else use them.
5. When I learn of a leak, loss or damage of personal information, or the risk of one, I will report it to the manager-in-charge at once.
6. I will take part in training on the protection of personal information and follow what it teaches.
7. I accept that these duties continue after my employment ends.

Date signed:
Department:
Name:                                   Signature:`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('statement_templates')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('text_ja', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await sql`insert into statement_templates (version, text_ja, text_en, created_at, created_by)
            values (1, ${firstTextJa}, ${firstTextEn}, ${new Date(0).toISOString()}, null)`.execute(db);

  await db.schema
    .createTable('statements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
    // For a person without an account only; an account's name is read from the account.
    .addColumn('person_name', 'text')
    .addColumn('department', 'text')
    .addColumn('template_version', 'integer', (c) => c.notNull().references('statement_templates.version'))
    .addColumn('signed_on', 'text', (c) => c.notNull())
    .addColumn('training_on', 'text', (c) => c.notNull())
    .addColumn('renewal_on', 'text', (c) => c.notNull())
    .addColumn('scan_name', 'text', (c) => c.notNull())
    .addColumn('scan_mime', 'text', (c) => c.notNull())
    // The signed paper itself, inside the encrypted database, never a loose file.
    .addColumn('scan', 'blob', (c) => c.notNull())
    .addColumn('superseded_by', 'text', (c) => c.references('statements.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addCheckConstraint('statements_whose', sql`(account_id is null) <> (person_name is null)`)
    .execute();
  await db.schema.createIndex('statements_account').on('statements').columns(['account_id', 'superseded_by']).execute();
  await db.schema.createIndex('statements_renewal').on('statements').columns(['superseded_by', 'renewal_on']).execute();
}
