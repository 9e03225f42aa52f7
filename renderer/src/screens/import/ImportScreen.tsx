// CSV取込: choose the file and its source, check the preview and the mapping, import with a progress bar, and read the result.
import { Alert, Button, Card, Code, Group, Progress, SimpleGrid, Stack, Stepper, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportResult } from '../../../../src-shared/api/customer-import';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { useNavigate } from '../../app/navigate';
import { useSession } from '../../app/session';
import { FieldMessage } from '../../app/errors';
import { requiredError } from '../../app/validate';
import { today } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showCustomerError } from '../customers/form-errors';
import { useCustomersChanged } from '../customers/queries';
import { StatementRequired, statementRequired } from '../customers/StatementRequired';
import { readImportFile, tooLarge, type ImportFile } from './import-file';
import { PreviewStep } from './PreviewStep';
import { SourceStep, type SourceValues } from './SourceStep';
import { ScreenTitle } from '../../components/ScreenTitle';

type Stage = { step: 'source' } | { step: 'preview'; preview: ImportPreview; sentMapping: Record<string, string> } | { step: 'committing'; preview: ImportPreview } | { step: 'result'; result: ImportResult };
// The result is past the last step: every step shows as done.
const stepIndex = { source: 0, preview: 1, committing: 2, result: 4 } as const;

const partnerRequired = (v: string, values: SourceValues) => (values.source === 'partner' ? requiredError(v) : null);

export function ImportScreen() {
  const [round, setRound] = useState(0);
  // "Import another file" starts afresh: no file, mapping or partner of before.
  return <ImportWizard key={round} onAgain={() => setRound((r) => r + 1)} />;
}

function ImportWizard({ onAgain }: { onAgain: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const changed = useCustomersChanged();
  const [stage, setStage] = useState<Stage>({ step: 'source' });
  const [file, setFile] = useState<ImportFile | null>(null);
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm<SourceValues>({
    initialValues: { file: null, source: 'shop', providerName: '', providerAddress: '', providerRepresentative: '', obtainedHow: '', receivedOn: today(), items: '' },
    validate: {
      file: (f) => (f ? null : <FieldMessage message="required" />),
      providerName: partnerRequired,
      providerAddress: partnerRequired,
      providerRepresentative: partnerRequired,
      obtainedHow: partnerRequired,
      receivedOn: partnerRequired,
      items: partnerRequired,
    },
  });

  const language = i18n.language === 'en' ? 'en' : 'ja';
  const partner = () => {
    const v = form.values;
    if (v.source !== 'partner') return undefined;
    return { providerName: v.providerName, providerAddress: v.providerAddress, providerRepresentative: v.providerRepresentative, obtainedHow: v.obtainedHow, receivedOn: v.receivedOn, items: v.items };
  };
  /** The preview's mapping with the user's choices over it: what the next call sends. */
  const mappingFor = (preview: ImportPreview | null) => ({ ...(preview?.mapping ?? {}), ...choices });
  const fieldOfPartner = (path: string) => (path.startsWith('partner.') ? path.slice('partner.'.length) : null);

  const runPreview = async (data: ImportFile, mapping: Record<string, string> | undefined) => {
    setFailure(null);
    setBusy(true);
    const result = await client.call('customers.importPreview', { file: data, language, partner: partner(), ...(mapping ? { mapping } : {}) });
    setBusy(false);
    if (!result.ok) {
      setFailure(showCustomerError(form, result.error, fieldOfPartner));
      return;
    }
    setStage({ step: 'preview', preview: result.value, sentMapping: mapping ?? {} });
  };

  const toPreview = async () => {
    const chosen = form.values.file;
    if (!chosen || tooLarge(chosen)) return;
    setBusy(true);
    let data: ImportFile;
    try {
      data = await readImportFile(chosen);
    } catch {
      setBusy(false);
      return setFailure({ code: 'VALIDATION', message: 'import.unreadable', details: { row: 1 } });
    }
    setFile(data);
    // A new file forgets the choices made for another one.
    const sameFile = file?.fileName === data.fileName && file.dataBase64 === data.dataBase64;
    if (!sameFile) setChoices({});
    await runPreview(data, sameFile && Object.keys(choices).length ? mappingFor(null) : undefined);
  };

  const commit = async (preview: ImportPreview) => {
    if (!file) return;
    setFailure(null);
    setStage({ step: 'committing', preview });
    const result = await client.call('customers.importCommit', { file, language, partner: partner(), mapping: mappingFor(preview) });
    if (!result.ok) {
      setFailure(result.error);
      const sent = stage.step === 'preview' ? stage.sentMapping : {};
      return setStage({ step: 'preview', preview, sentMapping: sent });
    }
    changed();
    setStage({ step: 'result', result: result.value });
  };

  const refused = statementRequired(failure);
  if (refused) return <StatementRequired error={refused} />;

  const preview = stage.step === 'preview' ? stage.preview : null;
  // The user changed a column's field since the preview: it must be checked again before the commit.
  const dirty = preview !== null && Object.entries(choices).some(([h, f]) => (stage.step === 'preview' ? stage.sentMapping[h] : undefined) !== f);

  return (
    <Stack gap="lg">
      <ScreenTitle title={t('customerImport.title')} intro={t('customerImport.intro')} maw={860} />
      <Stepper active={stepIndex[stage.step]} size="sm" allowNextStepsSelect={false} data-testid="import-stepper" data-step={stage.step}>
        <Stepper.Step label={t('customerImport.steps.file')} />
        <Stepper.Step label={t('customerImport.steps.preview')} />
        <Stepper.Step label={t('customerImport.steps.commit')} />
        <Stepper.Step label={t('customerImport.steps.result')} />
      </Stepper>

      {stage.step === 'source' && <SourceStep form={form} onNext={() => void toPreview()} busy={busy} failure={failure} />}

      {stage.step === 'preview' && (
        <PreviewStep
          preview={stage.preview}
          choices={choices}
          onChoose={(header, field) =>
            setChoices((c) => {
              const next = { ...c };
              if (field) next[header] = field;
              else delete next[header];
              return next;
            })
          }
          dirty={dirty}
          onRemap={() => file && void runPreview(file, mappingFor(stage.preview))}
          onBack={() => {
            setFailure(null);
            setStage({ step: 'source' });
          }}
          onCommit={() => void commit(stage.preview)}
          busy={busy}
          failure={failure}
        />
      )}

      {stage.step === 'committing' && (
        <Card withBorder radius="md" padding="xl" maw={860} data-testid="import-committing">
          <Stack gap="sm">
            <Text size="sm" role="status">
              {t('customerImport.committing')}
            </Text>
            {/* Indeterminate: the one call reports no progress of its own, so the bar says "working", not "how far". */}
            <Progress value={100} animated striped size="lg" aria-label={t('customerImport.steps.commit')} />
          </Stack>
        </Card>
      )}

      {stage.step === 'result' && <ResultPanel result={stage.result} onAgain={onAgain} />}
      {stage.step !== 'source' && stage.step !== 'preview' && <ErrorAlert error={failure} />}
    </Stack>
  );
}

function ResultPanel({ result, onAgain }: { result: ImportResult; onAgain: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const mayReview = useSession().permissions.includes('customers.read');
  const n = (v: number) => new Intl.NumberFormat(i18n.language).format(v);
  return (
    <Stack gap="md" maw={860} data-testid="import-result">
      <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title={t('customerImport.result.done')} role="status" />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Card withBorder radius="md" padding="sm">
          <Text size="xs" c="dimmed">
            {t('customerImport.result.imported')}
          </Text>
          <Text size="xl" fw={700} c="teal" data-testid="result-imported">
            {n(result.imported)}
          </Text>
        </Card>
        <Card withBorder radius="md" padding="sm">
          <Text size="xs" c="dimmed">
            {t('customerImport.result.rejected')}
          </Text>
          <Text size="xl" fw={700} c={result.rejected ? 'red' : undefined} data-testid="result-rejected">
            {n(result.rejected)}
          </Text>
        </Card>
        <Card withBorder radius="md" padding="sm">
          <Text size="xs" c="dimmed">
            {t('customerImport.result.duplicates')}
          </Text>
          <Text size="xl" fw={700} c={result.duplicates ? 'orange' : undefined} data-testid="result-duplicates">
            {n(result.duplicates)}
          </Text>
        </Card>
      </SimpleGrid>
      {result.rejectedPath ? (
        <Stack gap={4}>
          <Text size="sm">{t('customerImport.result.rejectedFile')}</Text>
          <Code block data-testid="rejected-path" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {result.rejectedPath}
          </Code>
        </Stack>
      ) : (
        <Text size="sm">{t('customerImport.result.noRejected')}</Text>
      )}
      {result.receiptId && (
        <Text size="sm" data-testid="result-receipt">
          {t('customerImport.result.receipt', { id: result.receiptId })}
        </Text>
      )}
      <Group>
        {result.duplicates > 0 && mayReview && (
          <Button color="orange" onClick={() => navigate('customer-reviews')} data-testid="result-review">
            {t('customerImport.result.review', { count: result.duplicates })}
          </Button>
        )}
        <Button variant="light" onClick={onAgain}>
          {t('customerImport.result.again')}
        </Button>
      </Group>
    </Stack>
  );
}
