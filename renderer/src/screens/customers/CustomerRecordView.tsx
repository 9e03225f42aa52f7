// One customer's record: masked for staff until a reason is given, then in full for this view only (never cached, gone on leaving or locking).
import { Alert, Button, Center, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconEye, IconEyeOff, IconFilePlus, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentRecord, CustomerRecord, RevealReasonKind } from '../../../../src-shared/customers';
import { useNavigate } from '../../app/navigate';
import { useSession } from '../../app/session';
import { CessationsSection } from '../requests/CessationsSection';
import { startRequestFor } from '../requests/intake-handoff';
import { PrintButton } from '../../components/PrintButton';
import { QueryError } from '../../components/QueryError';
import { ConsentsSection } from './ConsentsSection';
import { ProvisionConsentsSection } from '../provisions/ProvisionConsentsSection';
import { useConsentsChanged, useCustomer, usePurposes } from './queries';
import { FeedbackSection, IdentifiersSection, IdentityAndContact, OrdersSection, PaymentSection, ProvenanceAndHistory } from './RecordSections';
import { RevealDialog } from './RevealDialog';
import { StatementRequired, statementRequired } from './StatementRequired';
import { useBackOnEscape } from '../../app/useBackOnEscape';

export function CustomerRecordView({ id, onBack }: { id: string; onBack: () => void }) {
  useBackOnEscape(onBack);
  const { t } = useTranslation();
  const session = useSession();
  const customer = useCustomer(id);
  // The full record lives in this component's state only: leaving the record unmounts it, locking remounts the shell.
  const [revealed, setRevealed] = useState<{ record: CustomerRecord; kind: RevealReasonKind } | null>(null);
  const [asking, setAsking] = useState(false);
  const consentsChanged = useConsentsChanged(id);
  const navigate = useNavigate();
  const purposes = usePurposes();

  const refused = statementRequired(customer.error);
  if (refused) return <StatementRequired error={refused} />;

  const record = revealed?.record ?? customer.data;
  const onConsents = (consents: ConsentRecord[]) => {
    consentsChanged(consents);
    setRevealed((r) => (r ? { ...r, record: { ...r.record, consents } } : r));
  };

  return (
    <Stack gap="md" data-testid="customer-record" data-masked={record ? String(record.masked) : undefined}>
      <Group justify="space-between">
        <Button variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onBack} px={4}>
          {t('customerRecord.back')}
        </Button>
        {record && <PrintButton type="customer" id={record.id} />}
      </Group>
      <QueryError error={customer.error} />
      {!record && customer.isPending && (
        <Center py="xl">
          <Group gap="sm" role="status">
            <Loader size="sm" aria-hidden />
            <Text size="sm">{t('customerRecord.loading')}</Text>
          </Group>
        </Center>
      )}
      {record && (
        <>
          <Group justify="space-between" align="flex-end">
            <Stack gap={0}>
              <Text size="sm" c="dimmed" ff="monospace">
                {t('customerRecord.customerNo', { no: record.customerNo })}
              </Text>
              <Title order={1} size="h2">
                {record.name}
              </Title>
              <Text size="sm" c="dimmed">
                {record.nameKana}
              </Text>
            </Stack>
            <Group gap="sm">
              {session.permissions.includes('requests.write') && (
                <Button
                  leftSection={<IconFilePlus size={18} aria-hidden />}
                  variant="light"
                  onClick={() => {
                    startRequestFor({ id: record.id, customerNo: record.customerNo, name: record.name, nameKana: record.nameKana });
                    navigate('request-new');
                  }}
                  data-testid="register-request"
                >
                  {t('customerRecord.registerRequest')}
                </Button>
              )}
              {record.masked && session.permissions.includes('customers.reveal') && (
                <Button leftSection={<IconEye size={18} aria-hidden />} variant="light" color="orange" onClick={() => setAsking(true)}>
                  {t('customerRecord.reveal')}
                </Button>
              )}
            </Group>
          </Group>
          {revealed ? (
            <Alert color="orange" variant="filled" icon={<IconEye aria-hidden />} data-testid="revealed-banner" role="status">
              {t('customerRecord.revealedBanner', { kind: t(`reveal.kinds.${revealed.kind}`) })}
            </Alert>
          ) : record.masked ? (
            <Alert color="gray" variant="light" icon={<IconEyeOff aria-hidden />} data-testid="masked-banner">
              {t('customerRecord.maskedBanner')}
            </Alert>
          ) : (
            <Alert color="indigo" variant="light" icon={<IconShieldCheck aria-hidden />}>
              {t('customerRecord.officerNote')}
            </Alert>
          )}
          <IdentityAndContact record={record} />
          <CessationsSection record={record} purposes={purposes.data?.purposes ?? []} />
          <ConsentsSection customerId={record.id} consents={record.consents} onChanged={onConsents} />
          <ProvisionConsentsSection customerId={record.id} />
          <OrdersSection record={record} />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <PaymentSection record={record} />
            <FeedbackSection record={record} />
          </SimpleGrid>
          <IdentifiersSection record={record} />
          <ProvenanceAndHistory record={record} />
        </>
      )}
      <RevealDialog
        id={id}
        opened={asking}
        onClose={() => setAsking(false)}
        onRevealed={(full, kind) => {
          setRevealed({ record: full, kind });
          setAsking(false);
        }}
      />
    </Stack>
  );
}
