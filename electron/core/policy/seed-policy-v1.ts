// Version 1 of the privacy policy as the company posted it (policy §8, APPI Art. 32): the English text exactly as the
// company wrote it, and its Japanese rendering. Seeded into policy_texts at first use; history: never edit.

/** Posted, and in force, from the day migration 3 gives version 1 (the amended APPI of April 2022). */
export const firstPolicyPostedOn = '2022-04-01';

export const firstPolicyTextEn = `Privacy Policy

Privacy policy details

“We disclose information necessary for transactions and contact (hereinafter referred to as” personal information “) such as customer’s name, address, telephone number, e-mail address when customers use us. Please. We handle personal information in accordance with this privacy policy under the purpose of the Personal Information Protection Law. This privacy policy is a promise between you and us regarding the handling of personal information disclosed by us.

  1. Definition of personal information
    We define personal information as follows.
    1. “Personal information” means information that identifies a particular individual such as the individual’s name, date of birth, and other descriptions contained in the relevant information which can be easily checked and thereby identify a specific individual.
  2. Information Collection
    We collect personal information by the following methods.
    1. We may ask you for personal information such as your name, address, telephone number, e-mail address, address, credit card number, etc. when you register on our service. In addition, we may acquire your personal information including a transaction record that contains your personal information and the settlement information through our alliance partners, including information provider, advertiser, and advertisement delivery destination, (hereinafter referred to as Partners.) We provide your personal information to sellers and relevant service providers
    2. When you use or browse our company or the service of Partners, we will acquire your information and characteristics concerning the services you used, software, purchased products, history of browsing pages and advertisements, search keywords, date and time spent at each site, computer-mediated environment, including the communication state of the terminal and various setting information when using access the Internet through cell-phones, IP addresses, cookie information, location information, and terminal identification information.
  3. Purpose of acquiring and using personal information
    We use our customer’s personal information for the following purposes.
    1. For the purpose of displaying and correcting your own registration information, we use such information as your name, address, contact, payment method, information about the service you received, purchased goods, and payments for purchases.
    2. We may use contact information such as your name, address, phone number, and so on for the shipment and payment of the goods. In addition, we may use the payment information such as the credit card number specified in relation to the request for the payment.
    3. To make contact with you for confirmation of the item and delivery method you ordered, we use the information of your name, address, e-mail address, the type and quantity of the item you ordered, and the billing amount.
    4. To provide you with information on our campaigns, products and services, we use your buying history and contact information such as your name, address, and e-mail address.
    5. We use your feedback, survey results, and purchase history to improve our services.
    6. Upon obtaining your prior approval, we use your contact information such as your name, address, and e-mail address to introduce our products and inform you of marketing or promotional materials.
    7. We use your contact information such as your name, address, and e-mail address to respond to your requests and inquiries.
    8. We use your personal information for the purposes associated with the above purposes.
  4. Management of personal information
    We manage personal information in the following system.
    1. We will establish a necessary internal system in accordance with the Act on the Protection of Personal Information and guidelines and obtain a written statement to ensure the proper handling of personal information from employees.
    2. We limit the use of the customer’s personal information to only those employees who need it for work, and make rules concerning the storage and management of the medium including personal information, and precautions for protecting personal information.
    3. For personal information stored in the system, we maintain a strict information security and provide account, password and access rights to only those employees who need it for work. The account and password are strictly managed to avoid leakage or loss.
  5. Disclosure of personal information
    We will disclose personal information under the following system.
    1. We will not disclose the personal information to any third party unless you agree, except for the following cases;
      • Where disclosure is required by a public institution such as a court or police based on laws or regulations;
      • Where there are special provisions in laws and regulations;
      • Where the life, body, or property of you or a third party may be impaired and we cannot gain agreement with you; and
      • Where when we need to protect or defend the rights, property or services of our company from the act contrary to the laws and regulations or the terms and conditions of our company and we cannot gain agreement with you;
    2. If you request disclosure of your personal information, we will disclose it only when we can confirm your identification.
      Note: How to verify your identity
      Send a copy of the proof of identity (driver’s license, insurance card, etc.) to us.
      We will confirm the contents, and will disclose it as soon as it becomes clear that you are the person concerned.
  6. Security measures for personal information
    We will take security measures for personal information with the following system.
    1. We are responsible for ensuring security and security of personal information. We strive to collect information about the protection of personal information and endeavor to take the latest security measures.
  7. Correction and deletion of personal information
    We will correct and delete personal information under the following system
    1. You can request the correction or deletion of personal information in accordance with the procedure specified by our service if your personal information is incorrect.
    2. If we judge that we need to respond to your request as seen above, we will correct or delete the appropriate personal information without delay and we will notify you through the e-mail address you have provided us.
  8. Compliance with laws and regulations and changes in privacy policy
    1. We observe the Japanese laws and regulations applicable to personal information we hold.
    2. The contents of the privacy policy may be changed without notice to the user.
    3. Except for the case we set separately, the revised Privacy Policy shall take effect when posted on our website.

Manager-in-Charge of Private Information Protection : Mami Minami Nicori`;

export const firstPolicyTextJa = `個人情報保護方針

個人情報保護方針の詳細

当社は、お客様が当社をご利用になる際に、お客様の氏名、住所、電話番号、電子メールアドレス等、お取引及びご連絡に必要な情報（以下「個人情報」といいます。）をご開示いただいております。当社は、個人情報の保護に関する法律の趣旨のもと、本個人情報保護方針（以下「本方針」といいます。）に従って個人情報を取り扱います。本方針は、お客様からご開示いただいた個人情報の取扱いに関する、お客様と当社との間のお約束です。

  1. 個人情報の定義
    当社は、個人情報を次のとおり定義します。
    1. 「個人情報」とは、特定の個人を識別することができる情報であって、当該情報に含まれる氏名、生年月日その他の記述等により特定の個人を識別することができるもの（他の情報と容易に照合することができ、それにより特定の個人を識別することができることとなるものを含みます。）をいいます。
  2. 個人情報の収集
    当社は、次の方法により個人情報を収集します。
    1. 当社は、お客様が当社のサービスにご登録いただく際に、氏名、住所、電話番号、電子メールアドレス、クレジットカード番号等の個人情報をお尋ねすることがあります。また、当社は、情報提供元、広告主、広告配信先等の提携先（以下「提携先」といいます。）を通じて、お客様の個人情報が記載された取引記録及び決済に関する情報を含む、お客様の個人情報を取得することがあります。当社は、お客様の個人情報を販売者及び関連するサービス提供者に提供します。
    2. お客様が当社又は提携先のサービスをご利用又はご閲覧になる際に、当社は、ご利用になったサービス、ソフトウェア、購入された商品、閲覧されたページ及び広告の履歴、検索キーワード、各サイトでのご利用日時及び滞在時間、ご利用環境（携帯電話を通じてインターネットにアクセスされる際の端末の通信状態及び各種設定情報を含みます。）、IPアドレス、クッキー情報、位置情報並びに端末識別情報等、お客様に関する情報及びその特性を取得します。
  3. 個人情報の取得及び利用目的
    当社は、お客様の個人情報を次の目的のために利用します。
    1. お客様ご自身の登録情報の表示及び訂正のため、氏名、住所、連絡先、支払方法、ご利用のサービスに関する情報、購入商品及び購入代金に関する情報を利用します。
    2. 商品の発送及び代金の決済のため、氏名、住所、電話番号等の連絡先情報を利用することがあります。また、決済の請求に関連して指定されたクレジットカード番号等の決済情報を利用することがあります。
    3. ご注文の商品及び配送方法を確認するご連絡のため、氏名、住所、電子メールアドレス、ご注文の商品の種類及び数量並びに請求金額の情報を利用します。
    4. 当社のキャンペーン、商品及びサービスに関する情報をご提供するため、購入履歴並びに氏名、住所及び電子メールアドレス等の連絡先情報を利用します。
    5. 当社のサービスを改善するため、お客様のご意見、アンケートの結果及び購入履歴を利用します。
    6. 事前にお客様の同意を得た上で、当社の商品のご紹介並びにマーケティング資料及び販促資料のご案内のため、氏名、住所及び電子メールアドレス等の連絡先情報を利用します。
    7. お客様のご要望及びお問い合わせに対応するため、氏名、住所及び電子メールアドレス等の連絡先情報を利用します。
    8. 上記の利用目的に付随する目的のため、お客様の個人情報を利用します。
  4. 個人情報の管理
    当社は、次の体制により個人情報を管理します。
    1. 当社は、個人情報の保護に関する法律及びガイドラインに従い必要な社内体制を整備するとともに、個人情報の適正な取扱いを確保するため、従業者から誓約書を取得します。
    2. 当社は、お客様の個人情報を利用する者を業務上必要とする従業者のみに限定し、個人情報を含む媒体の保管及び管理に関する規則並びに個人情報の保護のための注意事項を定めます。
    3. システムに保存された個人情報については、厳格な情報セキュリティを維持し、業務上必要とする従業者にのみアカウント、パスワード及びアクセス権限を付与します。アカウント及びパスワードは、漏えい又は紛失のないよう厳重に管理します。
  5. 個人情報の開示
    当社は、次の体制により個人情報を開示します。
    1. 当社は、お客様の同意がある場合を除き、個人情報を第三者に開示しません。ただし、次の場合はこの限りではありません。
      • 裁判所、警察等の公的機関から、法令に基づき開示を求められた場合
      • 法令に特別の定めがある場合
      • お客様又は第三者の生命、身体又は財産が損なわれるおそれがあり、お客様の同意を得ることができない場合
      • 法令又は当社の規約等に反する行為から、当社の権利、財産又はサービスを保護し、又は防御する必要があり、お客様の同意を得ることができない場合
    2. お客様ご本人から個人情報の開示を求められた場合には、ご本人であることを確認できた場合に限り開示します。
      注：ご本人確認の方法
      本人確認書類（運転免許証、保険証等）の写しを当社にお送りください。
      当社にて内容を確認し、ご本人であることが確認でき次第、開示いたします。
  6. 個人情報の安全管理措置
    当社は、次の体制により個人情報の安全管理措置を講じます。
    1. 当社は、個人情報の安全性の確保及び安全管理に責任を持って取り組みます。個人情報の保護に関する情報の収集に努め、最新の安全対策を講じるよう努めます。
  7. 個人情報の訂正及び削除
    当社は、次の体制により個人情報を訂正及び削除します。
    1. お客様は、ご自身の個人情報に誤りがある場合には、当社のサービスが定める手続に従い、個人情報の訂正又は削除を求めることができます。
    2. 当社は、前項のご請求に対応する必要があると判断した場合には、遅滞なく該当する個人情報を訂正又は削除し、お客様からご登録いただいた電子メールアドレスにてその旨をお知らせします。
  8. 法令等の遵守及び個人情報保護方針の変更
    1. 当社は、当社が保有する個人情報に関して適用される日本の法令を遵守します。
    2. 本方針の内容は、お客様に通知することなく変更することがあります。
    3. 当社が別途定める場合を除き、変更後の本方針は、当社ウェブサイトに掲載した時から効力を生じるものとします。

個人情報保護管理者：南 真美　Nicori`;
